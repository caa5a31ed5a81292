//! `course.toml` at the pack's root: the course id, its locales and source locale, its
//! modules and their lessons in order. Everything else is checked against it.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::checking::{Checker, line_at, valid_id};
use super::glossary;
use super::quiz::QUIZ_FILE;
use super::{PackFiles, Severity, assessment};
use crate::locale::Locale;

pub const MANIFEST: &str = "course.toml";
/// The share of a quiz (in percent) a learner needs when the module sets no `pass_mark`.
pub const DEFAULT_PASS_MARK: u32 = 70;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ManifestToml {
    pub(super) id: Spanned<String>,
    pub(super) version: String,
    source_locale: Spanned<String>,
    locales: Vec<Spanned<String>>,
    /// Optional bounds of a lesson's length, in reading units (words; two Han or five Thai
    /// characters count as one), checked in every locale.
    lesson_length: Option<Spanned<[usize; 2]>>,
    pub(super) modules: Vec<ModuleToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ModuleToml {
    pub(super) id: Spanned<String>,
    pub(super) lessons: Vec<Spanned<String>>,
    /// Percent of the quiz needed to pass; DEFAULT_PASS_MARK when absent.
    pub(super) pass_mark: Option<Spanned<u32>>,
}

impl ModuleToml {
    pub(super) fn id(&self) -> &str {
        self.id.get_ref()
    }

    pub(super) fn lesson_ids(&self) -> impl Iterator<Item = &str> {
        self.lessons.iter().map(|l| l.get_ref().as_str())
    }
}

/// A manifest without errors, with what the other checks need from it.
pub(super) struct Manifest {
    pub(super) toml: ManifestToml,
    pub(super) locales: Vec<Locale>,
    pub(super) source_locale: Locale,
    pub(super) lesson_length: Option<[usize; 2]>,
    /// Every lesson id of the course.
    pub(super) lessons: BTreeSet<String>,
}

impl Manifest {
    pub(super) fn has_module(&self, id: &str) -> bool {
        self.toml.modules.iter().any(|m| m.id() == id)
    }
}

/// Reads and checks `course.toml`; `None` when it is missing or has an error (nothing else
/// can be checked without it).
pub(super) fn check_manifest(files: &PackFiles, c: &mut Checker) -> Option<Manifest> {
    let Some(src) = c.text(files, MANIFEST) else {
        if files.get(MANIFEST).is_none() {
            c.error(
                MANIFEST,
                None,
                None,
                "the pack has no course.toml at its root",
            );
        }
        return None;
    };
    let manifest: ManifestToml = c.toml(MANIFEST, src, 1)?;
    let errors_before = c.error_count();

    // Ids and locales of the manifest.
    let line = |s: &Spanned<String>| Some(line_at(src, s.span().start));
    if !valid_id(manifest.id.get_ref()) {
        c.error(
            MANIFEST,
            line(&manifest.id),
            Some("id"),
            "ids are lowercase letters, digits and single hyphens (at most 64)",
        );
    }
    let mut locales = Vec::new();
    for code in &manifest.locales {
        match Locale::from_code(code.get_ref()) {
            Some(l) if locales.contains(&l) => c.error(
                MANIFEST,
                line(code),
                Some("locales"),
                format!("locale `{}` is listed twice", code.get_ref()),
            ),
            Some(l) => locales.push(l),
            None => c.error(
                MANIFEST,
                line(code),
                Some("locales"),
                format!(
                    "unknown locale `{}`; known: en, ms, fil, zh-Hant, th, vi",
                    code.get_ref()
                ),
            ),
        }
    }
    let source_locale = match Locale::from_code(manifest.source_locale.get_ref()) {
        Some(l) if locales.contains(&l) => l,
        _ => {
            c.error(
                MANIFEST,
                line(&manifest.source_locale),
                Some("source_locale"),
                format!(
                    "`{}` must be one of the pack's locales",
                    manifest.source_locale.get_ref()
                ),
            );
            return None;
        }
    };
    let lesson_length = manifest.lesson_length.as_ref().map(|l| *l.get_ref());
    if let Some(l) = &manifest.lesson_length
        && l.get_ref()[0] > l.get_ref()[1]
    {
        c.error(
            MANIFEST,
            Some(line_at(src, l.span().start)),
            Some("lesson_length"),
            "give [shortest, longest]",
        );
    }
    if manifest.modules.is_empty() {
        c.error(MANIFEST, None, Some("modules"), "the course has no modules");
    }
    let mut seen_modules = HashMap::new();
    let mut seen_lessons: HashMap<&str, &str> = HashMap::new();
    for m in &manifest.modules {
        let id = m.id.get_ref().as_str();
        if !valid_id(id) {
            c.error(
                MANIFEST,
                line(&m.id),
                Some("modules.id"),
                format!(
                    "`{id}`: ids are lowercase letters, digits and single hyphens (at most 64)"
                ),
            );
        }
        if seen_modules.insert(id, ()).is_some() {
            c.error(
                MANIFEST,
                line(&m.id),
                Some("modules.id"),
                format!("module id `{id}` is used twice"),
            );
        }
        if m.lessons.is_empty() {
            c.error(
                MANIFEST,
                line(&m.id),
                Some("modules.lessons"),
                format!("module `{id}` has no lessons"),
            );
        }
        if let Some(pm) = &m.pass_mark
            && !(1..=100).contains(pm.get_ref())
        {
            c.error(
                MANIFEST,
                Some(line_at(src, pm.span().start)),
                Some("modules.pass_mark"),
                format!(
                    "the pass mark is a percentage from 1 to 100, not {}",
                    pm.get_ref()
                ),
            );
        }
        for l in &m.lessons {
            let lid = l.get_ref().as_str();
            if !valid_id(lid) {
                c.error(
                    MANIFEST,
                    line(l),
                    Some("modules.lessons"),
                    format!(
                        "`{lid}`: ids are lowercase letters, digits and single hyphens (at most 64)"
                    ),
                );
            }
            if let Some(other) = seen_lessons.insert(lid, id) {
                c.error(
                    MANIFEST,
                    line(l),
                    Some("modules.lessons"),
                    format!("lesson id `{lid}` is used twice (also in module `{other}`)"),
                );
            }
        }
    }
    if c.error_count() > errors_before {
        return None;
    }
    let lessons = seen_lessons.keys().map(|l| l.to_string()).collect();
    Some(Manifest {
        toml: manifest,
        locales,
        source_locale,
        lesson_length,
        lessons,
    })
}

/// Reports files that are not part of the pack, so a misnamed file is not silently ignored:
/// a stray lesson is an error, anything else a warning.
pub(super) fn check_stray_files(files: &PackFiles, c: &mut Checker, manifest: &Manifest) {
    let locales = &manifest.locales;
    let mut expected: BTreeSet<String> = [
        MANIFEST.to_string(),
        "README.md".to_string(),
        assessment::STRUCTURE_FILE.to_string(),
    ]
    .into();
    for &loc in locales {
        expected.insert(format!("{loc}/{MANIFEST}"));
        expected.insert(format!("{loc}/{}", assessment::STRUCTURE_FILE));
        expected.insert(format!("{loc}/{}", glossary::GLOSSARY_FILE));
        for m in &manifest.toml.modules {
            for l in &m.lessons {
                expected.insert(format!("{loc}/{}/{}.md", m.id.get_ref(), l.get_ref()));
            }
            expected.insert(format!("{loc}/{}/{QUIZ_FILE}", m.id.get_ref()));
        }
    }
    for path in files.paths() {
        if expected.contains(path) || path.starts_with("media/") || path.contains("/media/") {
            continue;
        }
        if path.ends_with(".md") && locales.iter().any(|l| path.starts_with(&format!("{l}/"))) {
            c.error(
                path,
                None,
                None,
                "this lesson is not listed in course.toml (check the module folder and file name)",
            );
        } else {
            c.push(
                Severity::Warning,
                path,
                None,
                None,
                "not part of the pack; ignored",
            );
        }
    }
}
