//! What every content check shares: the [`Checker`] that collects findings, reading text and
//! TOML with line numbers, the id rule, bounded single-line texts, and per-locale coverage.

use serde::Serialize;
use toml::Spanned;
use ts_rs::TS;

use super::PackFiles;
use crate::diagnostic::{Diagnostic, Severity};
use crate::locale::Locale;

/// The longest title, in characters.
pub(super) const MAX_TITLE_CHARS: usize = 120;
/// The longest summary, in characters.
pub(super) const MAX_SUMMARY_CHARS: usize = 300;

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
    /// Nothing present yet, out of the manifest's lessons and modules (quizzes, the
    /// assessment and the glossary add their totals as they are checked).
    pub(super) fn empty(locale: Locale, manifest: &super::manifest::Manifest) -> LocaleCoverage {
        LocaleCoverage {
            locale,
            lessons_present: 0,
            lessons_total: manifest.lessons.len() as u32,
            modules_present: 0,
            modules_total: manifest.toml.modules.len() as u32,
            quizzes_present: 0,
            quizzes_total: 0,
            assessment_present: 0,
            assessment_total: 0,
            glossary_present: 0,
            glossary_total: 0,
            missing: Vec::new(),
        }
    }

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

/// Collects the findings of one check.
#[derive(Default)]
pub(super) struct Checker {
    pub(super) diags: Vec<Diagnostic>,
}

impl Checker {
    pub(super) fn push(
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

    pub(super) fn has_errors(&self) -> bool {
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

/// The 1-based line of byte `offset` in `src`.
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

/// Whether `id` is lowercase letters and digits in hyphen-separated parts, at most 64 bytes.
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
pub(super) fn check_text(
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
