//! The ONE place that configures pulldown-cmark, renders lesson Markdown to HTML and
//! sanitizes it. Everything that turns Markdown into something a webview shows goes through
//! [`render`].

use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// Scheme of links between lessons: `[text](lesson:<lesson-id>)`.
pub const LESSON_LINK_SCHEME: &str = "lesson:";
/// Scheme of links to a glossary entry: `[text](glossary:<term-id>)`.
pub const GLOSSARY_LINK_SCHEME: &str = "glossary:";

/// The Markdown dialect of the course: CommonMark plus tables, task lists, strikethrough and
/// GitHub-style alerts (`> [!TIP]`) for callouts.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
}

/// Something in a lesson body the linter reports, with the 1-based line inside the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyIssue {
    pub line: usize,
    pub message: String,
}

/// What one pass over a lesson body found.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub issues: Vec<BodyIssue>,
    /// Lesson ids named by `lesson:` links, with their line.
    pub lesson_links: Vec<(String, usize)>,
    /// Relative image paths, with their line.
    pub images: Vec<(String, usize)>,
    /// Glossary ids named by `glossary:` links, with their line.
    pub glossary_links: Vec<(String, usize)>,
    /// Words (space-separated runs) plus characters of scripts written without spaces.
    pub word_units: usize,
}

/// Looks at a lesson body for what the course does not allow: raw HTML, a level-1 heading,
/// empty sections, links with unsafe or unknown schemes.
pub fn scan(body: &str) -> Scan {
    let line_starts = line_starts(body);
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
    let mut scan = Scan::default();
    // Line and level of the heading whose section has had no content yet.
    let mut open_heading: Option<(usize, HeadingLevel)> = None;
    let mut in_heading = false;
    let mut any_content = false;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let line = line_of(range.start);
        match &event {
            // One finding per line, however many tags it has.
            Event::Html(_) | Event::InlineHtml(_)
                if scan
                    .issues
                    .last()
                    .is_none_or(|i| i.line != line || !i.message.starts_with("raw HTML")) =>
            {
                scan.issues.push(BodyIssue {
                    line,
                    message: "raw HTML is not allowed in lessons; use Markdown".into(),
                });
            }
            Event::Start(Tag::Heading { level, .. }) => {
                if *level == HeadingLevel::H1 {
                    scan.issues.push(BodyIssue {
                        line,
                        message: "level-1 heading (#): the title comes from the front matter, start sections at ##".into(),
                    });
                }
                if let Some((open_line, open_level)) = open_heading
                    && *level <= open_level
                {
                    scan.issues.push(BodyIssue {
                        line: open_line,
                        message: "empty section: a heading with no text before the next heading"
                            .into(),
                    });
                }
                open_heading = Some((line, *level));
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                if !in_heading {
                    open_heading = None;
                }
                check_link(*link_type, dest_url, line, &mut scan);
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if !in_heading {
                    open_heading = None;
                }
                if dest_url.contains(':') {
                    scan.issues.push(BodyIssue {
                        line,
                        message: format!(
                            "image `{dest_url}` must be a file inside the pack, not an address"
                        ),
                    });
                } else {
                    scan.images.push((dest_url.to_string(), line));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                scan.word_units += word_units(text);
                if !in_heading && !text.trim().is_empty() {
                    open_heading = None;
                    any_content = true;
                }
            }
            Event::Start(_) | Event::Rule | Event::TaskListMarker(_) if !in_heading => {
                open_heading = None;
            }
            _ => {}
        }
    }
    if let Some((line, _)) = open_heading {
        scan.issues.push(BodyIssue {
            line,
            message: "empty section: a heading with no text after it".into(),
        });
    }
    if !any_content {
        scan.issues.push(BodyIssue {
            line: 1,
            message: "the lesson has no text".into(),
        });
    }
    scan
}

fn check_link(link_type: LinkType, dest: &str, line: usize, scan: &mut Scan) {
    if matches!(link_type, LinkType::Email) {
        return;
    }
    if let Some(id) = dest.strip_prefix(LESSON_LINK_SCHEME) {
        scan.lesson_links.push((id.to_string(), line));
    } else if let Some(id) = dest.strip_prefix(GLOSSARY_LINK_SCHEME) {
        scan.glossary_links.push((id.to_string(), line));
    } else if !(dest.starts_with("https://")
        || dest.starts_with("http://")
        || dest.starts_with("mailto:")
        || dest.starts_with('#'))
    {
        scan.issues.push(BodyIssue {
            line,
            message: format!(
                "link `{dest}`: use `lesson:<id>` for another lesson, or an http(s) address"
            ),
        });
    }
}

/// Counts reading units: space-separated words, plus one per two Han characters and one per
/// five Thai characters (scripts written without spaces between words).
pub fn word_units(text: &str) -> usize {
    let mut units = 0usize;
    let mut han = 0usize;
    let mut thai = 0usize;
    for word in text.split_whitespace() {
        let mut spaced = false;
        for c in word.chars() {
            match c {
                c if is_thai(c) => thai += 1,
                c if is_han(c) => han += 1,
                c if c.is_alphanumeric() => spaced = true,
                _ => {}
            }
        }
        if spaced {
            units += 1;
        }
    }
    units + han.div_ceil(2) + thai.div_ceil(5)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Renders a lesson body to sanitized HTML. `lesson:` and `glossary:` links become
/// `#lesson/<id>` and `#glossary/<id>` anchors the interface routes itself; everything else
/// passes the sanitizer's allow-list or is dropped.
pub fn render(body: &str) -> String {
    render_linked(body, None).0
}

/// Finds glossary phrases in lowercase text: one automaton for all of a locale's phrases.
#[derive(Debug, Clone)]
pub struct TermMatcher {
    automaton: aho_corasick::AhoCorasick,
    /// Pattern index -> term id.
    ids: Vec<String>,
}

impl TermMatcher {
    /// `phrases` are (term id, lowercase phrase).
    pub fn new(phrases: &[(String, String)]) -> Option<TermMatcher> {
        if phrases.is_empty() {
            return None;
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(phrases.iter().map(|(_, p)| p.as_str()))
            .ok()?;
        Some(TermMatcher {
            automaton,
            ids: phrases.iter().map(|(id, _)| id.clone()).collect(),
        })
    }
}

/// Like [`render`], and also links the first use of each glossary term in the text to its
/// entry. Returns the HTML and the ids of the terms linked.
pub fn render_linked(body: &str, matcher: Option<&TermMatcher>) -> (String, Vec<String>) {
    let mut linked: Vec<String> = Vec::new();
    let mut depth_no_link = 0usize;
    let mut events: Vec<Event<'_>> = Vec::new();
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                depth_no_link += 1;
                let dest_url = if let Some(rest) = dest_url.strip_prefix(LESSON_LINK_SCHEME) {
                    format!("#lesson/{rest}").into()
                } else if let Some(rest) = dest_url.strip_prefix(GLOSSARY_LINK_SCHEME) {
                    linked.push(rest.to_string());
                    format!("#glossary/{rest}").into()
                } else {
                    dest_url
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(tag @ (Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Image { .. })) => {
                depth_no_link += 1;
                events.push(Event::Start(tag));
            }
            Event::End(
                end @ (TagEnd::Link | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Image),
            ) => {
                depth_no_link = depth_no_link.saturating_sub(1);
                events.push(Event::End(end));
            }
            Event::Text(text) if depth_no_link == 0 && matcher.is_some() => {
                link_terms(text, matcher.expect("checked"), &mut linked, &mut events);
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (sanitize(&html), linked)
}

/// Splits `text` around the first use of each not-yet-linked glossary term.
fn link_terms<'a>(
    text: CowStr<'a>,
    matcher: &TermMatcher,
    linked: &mut Vec<String>,
    out: &mut Vec<Event<'a>>,
) {
    let lower = text.to_lowercase();
    // Lowercasing changed byte offsets (rare scripts): leave the text as it is.
    if lower.len() != text.len() {
        out.push(Event::Text(text));
        return;
    }
    let spaced = |c: char| c.is_alphanumeric() && !is_spaceless(c);
    let mut cuts: Vec<(usize, usize, String)> = Vec::new();
    for m in matcher.automaton.find_iter(&lower) {
        let id = &matcher.ids[m.pattern().as_usize()];
        if linked.contains(id) {
            continue;
        }
        let phrase = &lower[m.start()..m.end()];
        let before_ok = !phrase.starts_with(spaced)
            || !lower[..m.start()].chars().next_back().is_some_and(spaced);
        let after_ok =
            !phrase.ends_with(spaced) || !lower[m.end()..].chars().next().is_some_and(spaced);
        if before_ok && after_ok {
            linked.push(id.clone());
            cuts.push((m.start(), m.end(), id.clone()));
        }
    }
    if cuts.is_empty() {
        out.push(Event::Text(text));
        return;
    }
    let mut at = 0;
    for (start, end, id) in cuts {
        if start > at {
            out.push(Event::Text(text[at..start].to_string().into()));
        }
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: format!("#glossary/{id}").into(),
            title: "".into(),
            id: "".into(),
        }));
        out.push(Event::Text(text[start..end].to_string().into()));
        out.push(Event::End(TagEnd::Link));
        at = end;
    }
    if at < text.len() {
        out.push(Event::Text(text[at..].to_string().into()));
    }
}

fn is_thai(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0E7F}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Scripts written without spaces between words (Thai, Han).
fn is_spaceless(c: char) -> bool {
    is_thai(c) || is_han(c)
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .add_allowed_classes(
            "blockquote",
            [
                "markdown-alert-note",
                "markdown-alert-tip",
                "markdown-alert-important",
                "markdown-alert-warning",
                "markdown-alert-caution",
            ],
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    b
});

/// Cleans HTML so that no script, event handler, style or `javascript:` URL reaches the webview.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_reported_with_its_line() {
        let s = scan("Some text.\n\n<div>hi</div>\n\nMore <b>bold</b> text.\n");
        let lines: Vec<_> = s.issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 5]);
        assert!(s.issues[0].message.contains("raw HTML"));
    }

    #[test]
    fn empty_sections_and_h1_are_reported() {
        let s = scan("# Title\n\nText\n\n## Empty\n\n## Full\n\nBody\n\n## Last\n");
        let msgs: Vec<_> = s
            .issues
            .iter()
            .map(|i| (i.line, i.message.split(':').next().unwrap().to_string()))
            .collect();
        assert_eq!(
            msgs,
            vec![
                (1, "level-1 heading (#)".to_string()),
                (5, "empty section".to_string()),
                (11, "empty section".to_string())
            ]
        );
    }

    #[test]
    fn a_subsection_right_after_a_heading_is_not_empty() {
        let s = scan("## Steps\n\n### One\n\nDo this.\n");
        assert!(s.issues.is_empty(), "{:?}", s.issues);
    }

    #[test]
    fn lesson_links_are_collected_and_rewritten() {
        let body = "See [costs](lesson:what-it-costs) and [bad](ftp://x).\n";
        let s = scan(body);
        assert_eq!(s.lesson_links, vec![("what-it-costs".to_string(), 1)]);
        assert_eq!(s.issues.len(), 1);
        let html = render(body);
        assert!(html.contains(r##"href="#lesson/what-it-costs""##), "{html}");
    }

    #[test]
    fn sanitizer_removes_scripts_handlers_and_javascript_links() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">y</a>\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn alerts_tables_and_task_lists_survive() {
        let html = render(
            "> [!TIP]\n> Do it.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n",
        );
        assert!(html.contains("markdown-alert-tip"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
        assert!(html.contains("disabled"), "{html}");
    }

    #[test]
    fn glossary_terms_are_linked_once_and_only_as_whole_words() {
        let m = vec![
            ("mfa".to_string(), "multi-factor sign-in".to_string()),
            ("phishing".to_string(), "phishing".to_string()),
            ("router".to_string(), "router".to_string()),
            ("ransomware".to_string(), "แรนซัมแวร์".to_string()),
        ];
        let m = TermMatcher::new(&m).unwrap();
        let (html, linked) = render_linked(
            "## Phishing\n\nPhishing and more phishing. Use Multi-factor sign-in. A routers list. [x](lesson:a)\n\nแรนซัมแวร์เข้ารหัสไฟล์\n",
            Some(&m),
        );
        assert_eq!(linked, ["phishing", "mfa", "ransomware"]);
        assert!(html.contains(r##"<a href="#glossary/phishing" rel="noopener noreferrer">Phishing</a> and more phishing"##), "{html}");
        assert!(
            html.contains(
                r##"<a href="#glossary/mfa" rel="noopener noreferrer">Multi-factor sign-in</a>"##
            ),
            "{html}"
        );
        assert!(
            !html.contains("#glossary/router"),
            "no link inside a longer word: {html}"
        );
        assert!(
            html.contains("<h2>Phishing</h2>"),
            "headings are left alone: {html}"
        );
        assert!(html.contains(r##"#glossary/ransomware"##), "{html}");
    }

    #[test]
    fn word_units_count_spaceless_scripts() {
        assert_eq!(word_units("two words"), 2);
        assert_eq!(word_units("數位韌性"), 2);
        assert_eq!(word_units("ความปลอดภัย"), 3);
    }
}
