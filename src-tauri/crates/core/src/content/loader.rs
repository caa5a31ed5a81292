//! Parses and validates a pack. Pure: bytes in, a [`Pack`] or precise [`Diagnostic`]s out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use super::assessment;
use super::glossary::{self, Glossary};
use super::quiz::{self, QUIZ_FILE, Quiz};
use super::{
    Diagnostic, Lesson, LessonText, Module, ModuleText, Pack, PackFiles, Severity, files, markdown,
};
use crate::error::CoreError;
use crate::locale::Locale;

pub const MANIFEST: &str = "course.toml";
const MAX_TITLE_CHARS: usize = 120;
const MAX_SUMMARY_CHARS: usize = 300;
/// The share of a quiz (in percent) a learner needs when the module sets no `pass_mark`.
pub const DEFAULT_PASS_MARK: u32 = 70;

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

/// How much of the course a locale has, and which files it still lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LocaleCoverage {
    pub locale: Locale,
    pub lessons_present: u32,
    pub lessons_total: u32,
    pub modules_present: u32,
    pub modules_total: u32,
    pub quizzes_present: u32,
    pub quizzes_total: u32,
    /// 1 when the pack has a self-assessment (and, for `present`, this locale has its texts).
    pub assessment_present: u32,
    pub assessment_total: u32,
    /// Glossary entries.
    pub glossary_present: u32,
    pub glossary_total: u32,
    /// Files (or `course.toml` entries, as `file#modules.<id>`) still to translate.
    pub missing: Vec<String>,
}

impl LocaleCoverage {
    pub fn percent(&self) -> u32 {
        let total = self.lessons_total
            + self.modules_total
            + self.quizzes_total
            + self.assessment_total
            + self.glossary_total;
        ((self.lessons_present
            + self.modules_present
            + self.quizzes_present
            + self.assessment_present
            + self.glossary_present)
            * 100)
            .checked_div(total)
            .unwrap_or(100)
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestToml {
    id: Spanned<String>,
    version: String,
    source_locale: Spanned<String>,
    locales: Vec<Spanned<String>>,
    /// Optional bounds of a lesson's length, in reading units (words; two Han or five Thai
    /// characters count as one), checked in every locale.
    lesson_length: Option<Spanned<[usize; 2]>>,
    modules: Vec<ModuleToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleToml {
    id: Spanned<String>,
    lessons: Vec<Spanned<String>>,
    /// Percent of the quiz needed to pass; DEFAULT_PASS_MARK when absent.
    pass_mark: Option<Spanned<u32>>,
}

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

pub(super) struct Checker {
    diags: Vec<Diagnostic>,
}

impl Checker {
    fn push(
        &mut self,
        severity: Severity,
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: impl Into<String>,
    ) {
        self.diags.push(Diagnostic {
            severity,
            file: file.to_string(),
            line: line.map(|l| l as u32),
            field: field.map(str::to_string),
            message: message.into(),
        });
    }

    pub(super) fn error(
        &mut self,
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, file, line, field, message);
    }

    pub(super) fn error_count(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.severity == Severity::Error)
    }

    /// Reads a UTF-8 file, reporting a missing or undecodable one.
    pub(super) fn text<'f>(&mut self, files: &'f PackFiles, path: &str) -> Option<&'f str> {
        let bytes = files.get(path)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Some(s.strip_prefix('\u{feff}').unwrap_or(s)),
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                self.error(path, Some(line), None, "the file is not valid UTF-8 text");
                None
            }
        }
    }

    /// Parses TOML, reporting a syntax or shape error with its line. `first_line` is the line
    /// of the file on which `src` starts.
    pub(super) fn toml<T: serde::de::DeserializeOwned>(
        &mut self,
        file: &str,
        src: &str,
        first_line: usize,
    ) -> Option<T> {
        match toml::from_str::<T>(src) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map(|s| line_at(src, s.start) + first_line - 1);
                let message = e.message().trim().to_string();
                let field = quoted_field(&message);
                self.error(file, line, field.as_deref(), message);
                None
            }
        }
    }
}

pub(super) fn line_at(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

/// The field a serde message names, as in "missing field `title`".
fn quoted_field(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A required, non-empty, single-line text of bounded length.
fn check_text(
    c: &mut Checker,
    file: &str,
    src: &str,
    first_line: usize,
    field: &str,
    value: &Spanned<String>,
    max: usize,
) -> String {
    let line = Some(line_at(src, value.span().start) + first_line - 1);
    let text = value.get_ref().trim();
    if text.is_empty() {
        c.error(file, line, Some(field), "must not be empty");
    } else if text.chars().count() > max {
        c.error(
            file,
            line,
            Some(field),
            format!("is longer than {max} characters"),
        );
    } else if text.contains('\n') {
        c.error(file, line, Some(field), "must be a single line");
    }
    text.to_string()
}

/// Checks every file of a pack.
pub fn check(files: &PackFiles) -> Checked {
    let mut c = Checker { diags: Vec::new() };
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
    if c.has_errors() {
        return None;
    }

    // Files that are not part of the pack are reported, so a misnamed file is not silently
    // ignored.
    let mut expected: BTreeSet<String> = [
        MANIFEST.to_string(),
        "README.md".to_string(),
        assessment::STRUCTURE_FILE.to_string(),
    ]
    .into();
    for &loc in &locales {
        expected.insert(format!("{loc}/{MANIFEST}"));
        expected.insert(format!("{loc}/{}", assessment::STRUCTURE_FILE));
        expected.insert(format!("{loc}/{}", glossary::GLOSSARY_FILE));
        for m in &manifest.modules {
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

    // Per-locale texts.
    let mut titles = BTreeMap::new();
    let mut module_texts: Vec<BTreeMap<Locale, ModuleText>> =
        vec![BTreeMap::new(); manifest.modules.len()];
    let mut lesson_texts: Vec<Vec<BTreeMap<Locale, LessonText>>> = manifest
        .modules
        .iter()
        .map(|m| vec![BTreeMap::new(); m.lessons.len()])
        .collect();
    let all_lessons: BTreeSet<&str> = seen_lessons.keys().copied().collect();
    let glossary = glossary::check_glossary(files, c, &locales, source_locale);
    for &loc in &locales {
        let is_source = loc == source_locale;
        let mut cov = LocaleCoverage {
            locale: loc,
            lessons_present: 0,
            lessons_total: all_lessons.len() as u32,
            modules_present: 0,
            modules_total: manifest.modules.len() as u32,
            quizzes_present: 0,
            quizzes_total: 0,
            assessment_present: 0,
            assessment_total: 0,
            glossary_present: 0,
            glossary_total: 0,
            missing: Vec::new(),
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
            titles.insert(
                loc,
                check_text(
                    c,
                    &course_path,
                    src,
                    1,
                    "title",
                    &course.title,
                    MAX_TITLE_CHARS,
                ),
            );
            for (key, text) in &course.modules {
                let l = Some(line_at(src, text.span().start));
                if !seen_modules.contains_key(key.as_str()) {
                    c.error(
                        &course_path,
                        l,
                        Some(&format!("modules.{key}")),
                        format!("no module `{key}` in the course manifest"),
                    );
                }
            }
            for (mi, m) in manifest.modules.iter().enumerate() {
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
                        module_texts[mi].insert(loc, ModuleText { title, summary });
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

        for (mi, m) in manifest.modules.iter().enumerate() {
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
                        check_lesson(c, &path, src, &all_lessons, lesson_length, &glossary)
                {
                    lesson_texts[mi][li].insert(loc, text);
                    cov.lessons_present += 1;
                }
            }
        }
        coverage.push(cov);
    }
    glossary::coverage(&glossary, coverage);
    let quizzes = check_quizzes(files, c, &manifest, &locales, source_locale, coverage);
    let assessment =
        assessment::check_assessment(files, c, &all_lessons, &locales, source_locale, coverage);

    let mut index = HashMap::new();
    let modules = manifest
        .modules
        .iter()
        .zip(module_texts)
        .zip(lesson_texts)
        .zip(quizzes)
        .enumerate()
        .map(|(mi, (((m, texts), lessons), quiz))| Module {
            id: m.id.get_ref().clone(),
            texts,
            quiz,
            pass_mark: m
                .pass_mark
                .as_ref()
                .map_or(DEFAULT_PASS_MARK, |p| *p.get_ref()),
            lessons: m
                .lessons
                .iter()
                .zip(lessons)
                .enumerate()
                .map(|(li, (l, texts))| {
                    index.insert(l.get_ref().clone(), (mi, li));
                    Lesson {
                        id: l.get_ref().clone(),
                        module_id: m.id.get_ref().clone(),
                        texts,
                    }
                })
                .collect(),
        })
        .collect();
    Some(Pack {
        id: manifest.id.into_inner(),
        version: manifest.version,
        source_locale,
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
    })
}

/// Checks each module's quiz: the source locale's defines it, translations must match it.
fn check_quizzes(
    files: &PackFiles,
    c: &mut Checker,
    manifest: &ManifestToml,
    locales: &[Locale],
    source_locale: Locale,
    coverage: &mut [LocaleCoverage],
) -> Vec<Option<Quiz>> {
    let mut quizzes = Vec::new();
    for m in &manifest.modules {
        let lessons: Vec<&str> = m.lessons.iter().map(|l| l.get_ref().as_str()).collect();
        let path = |loc: Locale| format!("{loc}/{}/{QUIZ_FILE}", m.id.get_ref());
        let source_path = path(source_locale);
        let Some((questions, texts)) = c
            .text(files, &source_path)
            .and_then(|src| quiz::check_quiz(c, &source_path, src, &lessons))
        else {
            if files.get(&source_path).is_none() {
                for &loc in locales.iter().filter(|&&l| l != source_locale) {
                    if files.get(&path(loc)).is_some() {
                        c.error(
                            &path(loc),
                            None,
                            None,
                            "a translated quiz for a module whose source locale has no quiz",
                        );
                    }
                }
            }
            quizzes.push(None);
            continue;
        };
        let mut all = BTreeMap::from([(source_locale, texts)]);
        for cov in coverage.iter_mut() {
            cov.quizzes_total += 1;
            let loc = cov.locale;
            if loc == source_locale {
                cov.quizzes_present += 1;
                continue;
            }
            let p = path(loc);
            if files.get(&p).is_none() {
                cov.missing.push(p);
                continue;
            }
            if let Some((qs, texts)) = c
                .text(files, &p)
                .and_then(|src| quiz::check_quiz(c, &p, src, &lessons))
                && quiz::check_same_structure(c, &p, &questions, &qs)
            {
                all.insert(loc, texts);
                cov.quizzes_present += 1;
            }
        }
        quizzes.push(Some(Quiz {
            questions,
            texts: all,
        }));
    }
    quizzes
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
    all_lessons: &BTreeSet<&str>,
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
        if !all_lessons.contains(target.as_str()) {
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
