//! The content pack: a course manifest, per-locale texts and Markdown lessons.
//!
//! Stages, as plain functions: [`PackFiles`] (bytes by relative path, from a folder or from the
//! copy built into the binary) -> [`check`] (parse, validate, render; every fault becomes a
//! [`Diagnostic`] naming file, line and field) -> [`Pack`] (the validated course the rest of the
//! core reads).

pub mod assessment;
mod checking;
mod files;
pub mod glossary;
mod lessons;
mod loader;
mod manifest;
pub mod markdown;
pub mod quiz;

use std::collections::{BTreeMap, HashMap};

pub use checking::LocaleCoverage;
pub use files::PackFiles;
pub use loader::{Checked, check, load};
pub use manifest::DEFAULT_PASS_MARK;
pub use quiz::{Question, QuestionKind, QuestionText, Quiz};

pub use crate::diagnostic::{Diagnostic, Severity};

use crate::locale::Locale;

/// A validated course.
#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub version: String,
    /// The locale every item falls back to (English in the shipped course).
    pub source_locale: Locale,
    pub locales: Vec<Locale>,
    /// The course title per locale.
    pub titles: BTreeMap<Locale, String>,
    pub modules: Vec<Module>,
    /// The cyber-hygiene self-assessment, if the pack has one.
    pub assessment: Option<assessment::Assessment>,
    /// The glossary (empty when the pack has none).
    pub glossary: glossary::Glossary,
    /// Per locale, the automaton that links glossary phrases in lesson text.
    matchers: BTreeMap<Locale, markdown::TermMatcher>,
    /// Lesson id -> (module index, lesson index).
    index: HashMap<String, (usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Module {
    pub id: String,
    pub texts: BTreeMap<Locale, ModuleText>,
    pub lessons: Vec<Lesson>,
    /// The module's quiz, if it has one.
    pub quiz: Option<Quiz>,
    /// Percent of the quiz needed to pass.
    pub pass_mark: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleText {
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: String,
    pub module_id: String,
    pub texts: BTreeMap<Locale, LessonText>,
}

#[derive(Debug, Clone)]
pub struct LessonText {
    pub title: String,
    pub summary: String,
    /// The Markdown body, checked by the loader; rendered on first use (see [`Pack::rendered`]).
    pub body: String,
    pub reading_minutes: u32,
    rendered: std::sync::OnceLock<Rendered>,
}

/// A lesson body as the reader shows it.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Sanitized HTML, safe to put into the page.
    pub html: String,
    /// Ids of the glossary terms linked from this lesson.
    pub glossary: Vec<String>,
}

impl LessonText {
    pub(crate) fn new(title: String, summary: String, body: String, reading_minutes: u32) -> Self {
        LessonText {
            title,
            summary,
            body,
            reading_minutes,
            rendered: std::sync::OnceLock::new(),
        }
    }
}

/// A text in the locale asked for, or in the pack's source locale when it has not been
/// translated; `locale` says which one the caller got so the interface can mark fallbacks.
#[derive(Debug, Clone, Copy)]
pub struct Localized<'a, T> {
    pub locale: Locale,
    pub value: &'a T,
}

impl Pack {
    /// The reader's HTML of `text` (the lesson's text in `locale`), rendered and sanitized on
    /// first use and kept: loading a pack stays fast, reading a lesson again is a lookup.
    pub fn rendered<'a>(&self, text: &'a LessonText, locale: Locale) -> &'a Rendered {
        text.rendered.get_or_init(|| {
            let (html, glossary) = markdown::render_linked(&text.body, self.matchers.get(&locale));
            Rendered { html, glossary }
        })
    }

    /// Renders every lesson in every locale now (two threads), e.g. to measure or to warm up.
    pub fn render_all(&self) {
        let texts: Vec<(Locale, &LessonText)> = self
            .lessons()
            .flat_map(|l| l.texts.iter().map(|(loc, t)| (*loc, t)))
            .collect();
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4);
        let chunk = texts.len().div_ceil(workers.max(1)).max(1);
        std::thread::scope(|scope| {
            for part in texts.chunks(chunk) {
                scope.spawn(move || {
                    for (loc, t) in part {
                        self.rendered(t, *loc);
                    }
                });
            }
        });
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        let &(m, l) = self.index.get(id)?;
        Some(&self.modules[m].lessons[l])
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// Every lesson in course order.
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.modules.iter().flat_map(|m| m.lessons.iter())
    }

    /// The lessons before and after `id` in course order (across module boundaries).
    pub fn neighbours(&self, id: &str) -> (Option<&Lesson>, Option<&Lesson>) {
        let order: Vec<&Lesson> = self.lessons().collect();
        match order.iter().position(|l| l.id == id) {
            Some(i) => (
                i.checked_sub(1).map(|p| order[p]),
                order.get(i + 1).copied(),
            ),
            None => (None, None),
        }
    }

    pub fn title(&self, locale: Locale) -> Localized<'_, String> {
        pick(&self.titles, locale, self.source_locale)
    }

    /// The share of lessons (in percent, rounded down) that have a text in `locale`.
    pub fn lesson_coverage(&self, locale: Locale) -> u32 {
        let total = self.lessons().count();
        if total == 0 {
            return 100;
        }
        let have = self
            .lessons()
            .filter(|l| l.texts.contains_key(&locale))
            .count();
        (have * 100 / total) as u32
    }
}

impl Module {
    pub fn text(&self, locale: Locale, fallback: Locale) -> Localized<'_, ModuleText> {
        pick(&self.texts, locale, fallback)
    }
}

impl Lesson {
    pub fn text(&self, locale: Locale, fallback: Locale) -> Localized<'_, LessonText> {
        pick(&self.texts, locale, fallback)
    }
}

fn pick<T>(map: &BTreeMap<Locale, T>, locale: Locale, fallback: Locale) -> Localized<'_, T> {
    match map.get(&locale) {
        Some(value) => Localized { locale, value },
        None => Localized {
            locale: fallback,
            // The loader refuses a pack in which the source locale lacks an item.
            value: map.get(&fallback).expect("source locale text present"),
        },
    }
}

/// The course that ships inside the binary.
pub fn builtin_files() -> PackFiles {
    mod embedded {
        include!(concat!(env!("OUT_DIR"), "/builtin_pack.rs"));
    }
    PackFiles::from_entries(
        embedded::FILES
            .iter()
            .map(|(path, bytes)| (path.to_string(), bytes.to_vec())),
    )
}

/// Loads the built-in course. It is checked by the test suite, so a failure here is a bug.
pub fn builtin() -> crate::Result<Pack> {
    load(&builtin_files())
}
