//! Checks a pack as plain stages and assembles it. Pure: bytes in, a [`Pack`] or precise
//! [`Diagnostic`]s out.
//!
//! manifest (`course.toml`) -> stray files -> glossary -> per locale: course texts and
//! lessons -> quizzes -> self-assessment -> the [`Pack`], served only when nothing is wrong.

use std::collections::{BTreeMap, HashMap};

use super::checking::{Checker, LocaleCoverage};
use super::lessons::{check_course_texts, check_lesson_texts};
use super::manifest::{DEFAULT_PASS_MARK, Manifest, check_manifest, check_stray_files};
use super::{
    Diagnostic, Lesson, LessonText, Module, ModuleText, Pack, PackFiles, Severity, assessment,
    files, glossary, quiz,
};
use crate::error::CoreError;
use crate::locale::Locale;

/// What checking a pack found: the pack when it has no errors, every finding, and how much of
/// it each locale covers.
#[derive(Debug, Clone)]
pub struct Checked {
    pub pack: Option<Pack>,
    pub diagnostics: Vec<Diagnostic>,
    pub coverage: Vec<LocaleCoverage>,
}

impl Checked {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

/// Checks a pack and returns it, or every error found.
pub fn load(files: &PackFiles) -> Result<Pack, CoreError> {
    let checked = check(files);
    match checked.pack {
        Some(pack) => Ok(pack),
        None => Err(CoreError::ContentInvalid(
            checked.errors().cloned().collect(),
        )),
    }
}

/// Checks every file of a pack.
pub fn check(files: &PackFiles) -> Checked {
    let mut c = Checker::default();
    let mut coverage = Vec::new();
    for path in files.oversized() {
        c.error(
            path,
            None,
            None,
            format!("the file is larger than {} bytes", files::MAX_FILE_BYTES),
        );
    }
    let pack = check_pack(files, &mut c, &mut coverage);
    let pack = if c.has_errors() { None } else { pack };
    c.diags
        .sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
    Checked {
        pack,
        diagnostics: c.diags,
        coverage,
    }
}

fn check_pack(
    files: &PackFiles,
    c: &mut Checker,
    coverage: &mut Vec<LocaleCoverage>,
) -> Option<Pack> {
    let manifest = check_manifest(files, c)?;
    check_stray_files(files, c, &manifest);
    let glossary = glossary::check_glossary(files, c, &manifest.locales, manifest.source_locale);

    let modules = &manifest.toml.modules;
    let mut titles = BTreeMap::new();
    let mut module_texts: Vec<BTreeMap<Locale, ModuleText>> = vec![BTreeMap::new(); modules.len()];
    let mut lesson_texts: Vec<Vec<BTreeMap<Locale, LessonText>>> = modules
        .iter()
        .map(|m| vec![BTreeMap::new(); m.lessons.len()])
        .collect();
    for &loc in &manifest.locales {
        let mut cov = LocaleCoverage::empty(loc, &manifest);
        let course = check_course_texts(files, c, &manifest, loc, &mut cov);
        if let Some(title) = course.title {
            titles.insert(loc, title);
        }
        for (mi, text) in course.modules.into_iter().enumerate() {
            if let Some(text) = text {
                module_texts[mi].insert(loc, text);
            }
        }
        check_lesson_texts(
            files,
            c,
            &manifest,
            &glossary,
            loc,
            &mut cov,
            &mut lesson_texts,
        );
        coverage.push(cov);
    }
    glossary::coverage(&glossary, coverage);
    let quizzes = quiz::check_quizzes(
        files,
        c,
        &manifest.toml,
        &manifest.locales,
        manifest.source_locale,
        coverage,
    );
    let assessment = assessment::check_assessment(
        files,
        c,
        &manifest.lessons,
        &manifest.locales,
        manifest.source_locale,
        coverage,
    );
    Some(assemble(
        manifest,
        titles,
        module_texts,
        lesson_texts,
        quizzes,
        assessment,
        glossary,
    ))
}

/// Puts the checked parts together, with the lesson index and the glossary matchers.
fn assemble(
    manifest: Manifest,
    titles: BTreeMap<Locale, String>,
    module_texts: Vec<BTreeMap<Locale, ModuleText>>,
    lesson_texts: Vec<Vec<BTreeMap<Locale, LessonText>>>,
    quizzes: Vec<Option<quiz::Quiz>>,
    assessment: Option<assessment::Assessment>,
    glossary: glossary::Glossary,
) -> Pack {
    let mut index = HashMap::new();
    let modules = manifest
        .toml
        .modules
        .iter()
        .zip(module_texts)
        .zip(lesson_texts)
        .zip(quizzes)
        .enumerate()
        .map(|(mi, (((m, texts), lessons), quiz))| Module {
            id: m.id().to_string(),
            texts,
            quiz,
            pass_mark: m
                .pass_mark
                .as_ref()
                .map_or(DEFAULT_PASS_MARK, |p| *p.get_ref()),
            lessons: m
                .lesson_ids()
                .zip(lessons)
                .enumerate()
                .map(|(li, (l, texts))| {
                    index.insert(l.to_string(), (mi, li));
                    Lesson {
                        id: l.to_string(),
                        module_id: m.id().to_string(),
                        texts,
                    }
                })
                .collect(),
        })
        .collect();
    let locales = manifest.locales;
    Pack {
        id: manifest.toml.id.into_inner(),
        version: manifest.toml.version,
        source_locale: manifest.source_locale,
        titles,
        matchers: locales
            .iter()
            .filter_map(|&l| glossary.matcher(l).map(|m| (l, m)))
            .collect(),
        locales,
        modules,
        assessment,
        glossary,
        index,
    }
}
