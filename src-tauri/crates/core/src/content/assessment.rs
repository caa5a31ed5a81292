//! The cyber-hygiene self-assessment: `assessment.toml` (domains and questions, with their
//! level, impact, effort, framework control and lessons) and `<locale>/assessment.toml` (the
//! texts). Like quizzes, the structure is language-independent; only texts are translated.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::PackFiles;
use super::checking::{Checker, LocaleCoverage, line_at, valid_id};
use crate::locale::Locale;

pub const STRUCTURE_FILE: &str = "assessment.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentQuestion {
    pub id: String,
    pub domain: String,
    /// 1 basic, 2 intermediate, 3 advanced.
    pub level: u8,
    /// 1-3: risk removed when fully in place.
    pub impact: u8,
    /// 1-3: work it takes.
    pub effort: u8,
    pub control: String,
    pub lessons: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DomainText {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct QuestionText {
    pub prompt: String,
    /// What answers 0, 1, 2 and 3 look like.
    pub levels: [String; 4],
    pub action: String,
}

#[derive(Debug, Clone, Default)]
pub struct AssessmentTexts {
    pub domains: HashMap<String, DomainText>,
    pub questions: HashMap<String, QuestionText>,
}

#[derive(Debug, Clone)]
pub struct Assessment {
    /// Domain ids in display order.
    pub domains: Vec<String>,
    /// Questions in display order (grouped by domain as authored).
    pub questions: Vec<AssessmentQuestion>,
    pub texts: BTreeMap<Locale, AssessmentTexts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StructureToml {
    domains: Vec<DomainToml>,
    questions: Vec<QuestionToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainToml {
    id: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionToml {
    id: Spanned<String>,
    domain: Spanned<String>,
    level: Spanned<u8>,
    impact: Spanned<u8>,
    effort: Spanned<u8>,
    control: Spanned<String>,
    lessons: Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextsToml {
    domains: BTreeMap<String, Spanned<DomainTextToml>>,
    questions: BTreeMap<String, Spanned<QuestionTextToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainTextToml {
    title: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionTextToml {
    prompt: String,
    levels: Vec<String>,
    action: String,
}

/// Checks the assessment, if the pack has one. `lessons` are every lesson id of the course.
pub(super) fn check_assessment(
    files: &PackFiles,
    c: &mut Checker,
    lessons: &BTreeSet<String>,
    locales: &[Locale],
    source_locale: Locale,
    coverage: &mut [LocaleCoverage],
) -> Option<Assessment> {
    let path = STRUCTURE_FILE;
    let src = c.text(files, path)?;
    let before = c.error_count();
    let parsed: StructureToml = c.toml(path, src, 1)?;
    let line = |span: std::ops::Range<usize>| Some(line_at(src, span.start));
    let mut domains = Vec::new();
    for d in &parsed.domains {
        let id = d.id.get_ref();
        if !valid_id(id) || domains.contains(id) {
            c.error(
                path,
                line(d.id.span()),
                Some("domains.id"),
                format!("`{id}` is not a valid id or is used twice"),
            );
        }
        domains.push(id.clone());
    }
    let mut questions = Vec::new();
    let mut seen = HashSet::new();
    for q in &parsed.questions {
        let id = q.id.get_ref().clone();
        let field = |f: &str| format!("questions.{id}.{f}");
        if !valid_id(&id) || !seen.insert(id.clone()) {
            c.error(
                path,
                line(q.id.span()),
                Some("questions.id"),
                format!("`{id}` is not a valid id or is used twice"),
            );
        }
        if !domains.contains(q.domain.get_ref()) {
            c.error(
                path,
                line(q.domain.span()),
                Some(&field("domain")),
                format!("no domain `{}`", q.domain.get_ref()),
            );
        }
        for (name, v) in [
            ("level", &q.level),
            ("impact", &q.impact),
            ("effort", &q.effort),
        ] {
            if !(1..=3).contains(v.get_ref()) {
                c.error(
                    path,
                    line(v.span()),
                    Some(&field(name)),
                    format!("must be 1, 2 or 3, not {}", v.get_ref()),
                );
            }
        }
        if q.control.get_ref().trim().is_empty() {
            c.error(
                path,
                line(q.control.span()),
                Some(&field("control")),
                "name the framework control this question maps to",
            );
        }
        if q.lessons.get_ref().is_empty() {
            c.error(
                path,
                line(q.lessons.span()),
                Some(&field("lessons")),
                "name at least one lesson that teaches it",
            );
        }
        for l in q.lessons.get_ref() {
            if !lessons.contains(l.as_str()) {
                c.error(
                    path,
                    line(q.lessons.span()),
                    Some(&field("lessons")),
                    format!("no lesson `{l}` in the course"),
                );
            }
        }
        questions.push(AssessmentQuestion {
            id,
            domain: q.domain.get_ref().clone(),
            level: *q.level.get_ref(),
            impact: *q.impact.get_ref(),
            effort: *q.effort.get_ref(),
            control: q.control.get_ref().trim().to_string(),
            lessons: q.lessons.get_ref().clone(),
        });
    }
    for d in &domains {
        if !questions.iter().any(|q| &q.domain == d && q.level == 1) {
            c.error(
                path,
                None,
                Some(&format!("domains.{d}")),
                "every domain needs at least one level-1 (basic) question",
            );
        }
    }
    if c.error_count() > before {
        return None;
    }

    let mut texts = BTreeMap::new();
    for cov in coverage.iter_mut() {
        cov.assessment_total = 1;
    }
    for &loc in locales {
        let tpath = format!("{loc}/{STRUCTURE_FILE}");
        let cov = coverage.iter_mut().find(|c| c.locale == loc);
        let Some(src) = c.text(files, &tpath) else {
            if files.get(&tpath).is_none() {
                if loc == source_locale {
                    c.error(
                        &tpath,
                        None,
                        None,
                        "the source locale must have the assessment's texts",
                    );
                } else if let Some(cov) = cov {
                    cov.missing.push(tpath);
                }
            }
            continue;
        };
        if let Some(t) = check_texts(c, &tpath, src, &domains, &questions) {
            texts.insert(loc, t);
            if let Some(cov) = cov {
                cov.assessment_present = 1;
            }
        }
    }
    texts.contains_key(&source_locale).then_some(Assessment {
        domains,
        questions,
        texts,
    })
}

fn check_texts(
    c: &mut Checker,
    path: &str,
    src: &str,
    domains: &[String],
    questions: &[AssessmentQuestion],
) -> Option<AssessmentTexts> {
    let parsed: TextsToml = c.toml(path, src, 1)?;
    let before = c.error_count();
    let line = |span: std::ops::Range<usize>| Some(line_at(src, span.start));
    let mut out = AssessmentTexts::default();
    for (id, d) in &parsed.domains {
        if !domains.contains(id) {
            c.error(
                path,
                line(d.span()),
                Some(&format!("domains.{id}")),
                "no such domain in assessment.toml",
            );
            continue;
        }
        let d = d.get_ref();
        if d.title.trim().is_empty() || d.description.trim().is_empty() {
            c.error(
                path,
                None,
                Some(&format!("domains.{id}")),
                "title and description must not be empty",
            );
        }
        out.domains.insert(
            id.clone(),
            DomainText {
                title: d.title.trim().into(),
                description: d.description.trim().into(),
            },
        );
    }
    for (id, q) in &parsed.questions {
        let field = format!("questions.{id}");
        if !questions.iter().any(|s| &s.id == id) {
            c.error(
                path,
                line(q.span()),
                Some(&field),
                "no such question in assessment.toml",
            );
            continue;
        }
        let l = line(q.span());
        let q = q.get_ref();
        if q.prompt.trim().is_empty() || q.action.trim().is_empty() {
            c.error(path, l, Some(&field), "prompt and action must not be empty");
        }
        let levels: Vec<String> = q.levels.iter().map(|s| s.trim().to_string()).collect();
        match <[String; 4]>::try_from(levels) {
            Ok(levels) if levels.iter().all(|s| !s.is_empty()) => {
                out.questions.insert(
                    id.clone(),
                    QuestionText {
                        prompt: q.prompt.trim().into(),
                        levels,
                        action: q.action.trim().into(),
                    },
                );
            }
            _ => c.error(
                path,
                l,
                Some(&format!("{field}.levels")),
                "give exactly four non-empty descriptions, for answers 0 to 3",
            ),
        }
    }
    for d in domains {
        if !out.domains.contains_key(d) && !parsed.domains.contains_key(d) {
            c.error(
                path,
                None,
                Some(&format!("domains.{d}")),
                "missing: every domain needs a title and description",
            );
        }
    }
    for q in questions {
        if !parsed.questions.contains_key(&q.id) {
            c.error(
                path,
                None,
                Some(&format!("questions.{}", q.id)),
                "missing: every question needs its texts",
            );
        }
    }
    (c.error_count() == before).then_some(out)
}
