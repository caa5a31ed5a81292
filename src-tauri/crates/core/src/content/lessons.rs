//! Each locale's texts: `<locale>/course.toml` (the course and module titles and summaries)
//! and the Markdown lessons with their `+++` TOML front matter.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use super::checking::{
    Checker, LocaleCoverage, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, check_text, line_at,
};
use super::glossary::Glossary;
use super::manifest::{MANIFEST, Manifest};
use super::{LessonText, ModuleText, PackFiles, markdown};
use crate::locale::Locale;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleCourseToml {
    title: Spanned<String>,
    #[serde(default)]
    modules: BTreeMap<String, Spanned<ModuleTextToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleTextToml {
    title: Spanned<String>,
    summary: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Spanned<String>,
}

/// A locale's course title and module texts (index = module), from `<locale>/course.toml`.
pub(super) struct CourseTexts {
    pub(super) title: Option<String>,
    pub(super) modules: Vec<Option<ModuleText>>,
}

/// Checks `<loc>/course.toml`. The source locale must have it whole; another locale's gaps go
/// to its coverage.
pub(super) fn check_course_texts(
    files: &PackFiles,
    c: &mut Checker,
    manifest: &Manifest,
    loc: Locale,
    cov: &mut LocaleCoverage,
) -> CourseTexts {
    let is_source = loc == manifest.source_locale;
    let mut out = CourseTexts {
        title: None,
        modules: vec![None; manifest.toml.modules.len()],
    };
    let course_path = format!("{loc}/{MANIFEST}");
    let locale_course = match c.text(files, &course_path) {
        Some(src) => c
            .toml::<LocaleCourseToml>(&course_path, src, 1)
            .map(|t| (src, t)),
        None => {
            if files.get(&course_path).is_none() {
                if is_source {
                    c.error(&course_path, None, None, "the source locale must have a course.toml with the course and module titles");
                } else {
                    cov.missing.push(course_path.clone());
                }
            }
            None
        }
    };
    if let Some((src, course)) = &locale_course {
        out.title = Some(check_text(
            c,
            &course_path,
            src,
            1,
            "title",
            &course.title,
            MAX_TITLE_CHARS,
        ));
        for (key, text) in &course.modules {
            let l = Some(line_at(src, text.span().start));
            if !manifest.has_module(key) {
                c.error(
                    &course_path,
                    l,
                    Some(&format!("modules.{key}")),
                    format!("no module `{key}` in the course manifest"),
                );
            }
        }
        for (mi, m) in manifest.toml.modules.iter().enumerate() {
            match course.modules.get(m.id.get_ref()) {
                Some(text) => {
                    let t = text.get_ref();
                    let field = format!("modules.{}", m.id.get_ref());
                    let title = check_text(
                        c,
                        &course_path,
                        src,
                        1,
                        &format!("{field}.title"),
                        &t.title,
                        MAX_TITLE_CHARS,
                    );
                    let summary = check_text(
                        c,
                        &course_path,
                        src,
                        1,
                        &format!("{field}.summary"),
                        &t.summary,
                        MAX_SUMMARY_CHARS,
                    );
                    out.modules[mi] = Some(ModuleText { title, summary });
                    cov.modules_present += 1;
                }
                None if is_source => c.error(
                    &course_path,
                    None,
                    Some(&format!("modules.{}", m.id.get_ref())),
                    "the source locale must give every module a title and summary",
                ),
                None => cov
                    .missing
                    .push(format!("{course_path}#modules.{}", m.id.get_ref())),
            }
        }
    }
    out
}

/// Checks a locale's lessons; `texts[module][lesson]` gets each one that is there and sound.
pub(super) fn check_lesson_texts(
    files: &PackFiles,
    c: &mut Checker,
    manifest: &Manifest,
    glossary: &Glossary,
    loc: Locale,
    cov: &mut LocaleCoverage,
    texts: &mut [Vec<BTreeMap<Locale, LessonText>>],
) {
    let is_source = loc == manifest.source_locale;
    let lesson_length = manifest.lesson_length;
    for (mi, m) in manifest.toml.modules.iter().enumerate() {
        for (li, lid) in m.lessons.iter().enumerate() {
            let path = format!("{loc}/{}/{}.md", m.id.get_ref(), lid.get_ref());
            if files.get(&path).is_none() {
                if is_source {
                    c.error(&path, None, None, "the lesson is listed in course.toml but its file is missing in the source locale");
                } else {
                    cov.missing.push(path);
                }
                continue;
            }
            if let Some(src) = c.text(files, &path)
                && let Some(text) =
                    check_lesson(c, &path, src, &manifest.lessons, lesson_length, glossary)
            {
                texts[mi][li].insert(loc, text);
                cov.lessons_present += 1;
            }
        }
    }
}

/// Splits `+++` front matter from the body. Returns (front matter, its first line, body, the
/// body's first line).
fn split_front_matter(src: &str) -> Option<(&str, usize, &str, usize)> {
    let rest = src
        .strip_prefix("+++\n")
        .or_else(|| src.strip_prefix("+++\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + front.matches('\n').count() + 1;
            return Some((front, 2, body, body_line));
        }
        offset += line.len();
    }
    None
}

fn check_lesson(
    c: &mut Checker,
    path: &str,
    src: &str,
    all_lessons: &BTreeSet<String>,
    length: Option<[usize; 2]>,
    glossary: &Glossary,
) -> Option<LessonText> {
    let Some((front, front_line, body, body_line)) = split_front_matter(src) else {
        c.error(
            path,
            Some(1),
            None,
            "a lesson starts with TOML front matter between two `+++` lines",
        );
        return None;
    };
    let fm: FrontMatter = c.toml(path, front, front_line)?;
    let title = check_text(
        c,
        path,
        front,
        front_line,
        "title",
        &fm.title,
        MAX_TITLE_CHARS,
    );
    let summary = check_text(
        c,
        path,
        front,
        front_line,
        "summary",
        &fm.summary,
        MAX_SUMMARY_CHARS,
    );
    let scan = markdown::scan(body);
    for issue in &scan.issues {
        c.error(
            path,
            Some(issue.line + body_line - 1),
            None,
            issue.message.clone(),
        );
    }
    if let Some([min, max]) = length
        && !(min..=max).contains(&scan.word_units)
    {
        c.error(
            path,
            None,
            None,
            format!(
                "the lesson is {} words long; the course asks for {min} to {max} (lesson_length in course.toml)",
                scan.word_units
            ),
        );
    }
    for (image, line) in &scan.images {
        // The reader cannot show pictures yet; refuse them rather than ship a broken image.
        c.error(
            path,
            Some(line + body_line - 1),
            None,
            format!("image `{image}`: lessons cannot show images yet; describe it in words"),
        );
    }
    for (target, line) in &scan.glossary_links {
        if !glossary.ids.contains(target) {
            c.error(
                path,
                Some(line + body_line - 1),
                None,
                format!("link to glossary term `{target}`, which is not in the glossary"),
            );
        }
    }
    for (target, line) in &scan.lesson_links {
        if !all_lessons.contains(target) {
            c.error(
                path,
                Some(line + body_line - 1),
                None,
                format!("link to lesson `{target}`, which is not in the course"),
            );
        }
    }
    Some(LessonText::new(
        title,
        summary,
        body.to_string(),
        (scan.word_units as u32).div_ceil(200).max(1),
    ))
}
