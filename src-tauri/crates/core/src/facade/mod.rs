//! [`Sdr`]: the one entry point the app and the CLI use. It owns the database and the course,
//! takes the clock as an argument, and returns view types ready to cross IPC.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use crate::content::{Lesson, Pack};
use crate::error::{CoreError, Result};
use crate::ids::IdSource;
use crate::learning::quiz::ModuleResults;
use crate::learning::{
    EventKind, Learner, LessonStatus, Progress, ProgressEvent, normalize_display_name,
};
use crate::locale::Locale;
use crate::storage::{Db, ProfileField};
use crate::views::{
    GlossaryTerm, LessonRef, LessonSummary, LessonView, LibraryView, LocaleInfo, ModuleView,
    Profile, QuizSummary, StartState,
};

mod assessments;
mod certificates;
mod exchange;
mod keys;
mod people;
mod programme;
mod quizzes;
mod reports;
mod workshops;
mod xapi;

const DEVICE_LOCALE: &str = "device_locale";
const LAST_PROFILE: &str = "last_profile_id";

/// The file name of the database inside the data folder.
pub const DATABASE_FILE: &str = "sdr.db";

/// The data folder: `override_dir` (the `SDR_DATA_DIR` variable) when set and not empty,
/// else the app's folder inside the OS data folder. The app and the CLI share it.
pub fn data_dir(
    override_dir: Option<std::ffi::OsString>,
    os_data_dir: Option<std::path::PathBuf>,
) -> std::path::PathBuf {
    match override_dir.filter(|d| !d.is_empty()) {
        Some(dir) => dir.into(),
        None => os_data_dir
            .unwrap_or_else(|| std::path::PathBuf::from("."))
            .join("sme-digital-resilience"),
    }
}

pub struct Sdr {
    db: Db,
    pack: Pack,
    /// Where every record id comes from: a mutex, so it is set through `&self` and `Sdr`
    /// stays `Send` (the app shares it behind its own mutex).
    ids: Mutex<IdSource>,
}

impl Sdr {
    /// Opens the database in `data_dir` (creating both if absent) with the course `pack`.
    pub fn open(data_dir: &Path, pack: Pack) -> Result<Sdr> {
        let db = Db::open(&data_dir.join(DATABASE_FILE))?;
        let sdr = Sdr {
            db,
            pack,
            ids: Mutex::new(IdSource::Os),
        };
        sdr.load_seeds()?;
        Ok(sdr)
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// From now on, record ids come from `seed`: the same seed, in a fresh data folder, gives
    /// the same ids in the same order. FOR DEMO DATA ONLY ([`crate::demo`]): real learners'
    /// records must get random ids, or records from two laptops could collide when merged.
    /// The installation's issuer key stays random either way.
    pub fn use_seeded_ids(&self, seed: u64) {
        *self.lock_ids() = IdSource::seeded(seed);
    }

    /// From now on, record ids are random again (as they are after [`Sdr::open`]).
    pub fn use_random_ids(&self) {
        *self.lock_ids() = IdSource::Os;
    }

    fn lock_ids(&self) -> std::sync::MutexGuard<'_, IdSource> {
        // The source holds no invariant a panic elsewhere could break.
        self.ids.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new record id.
    pub(crate) fn new_id(&self) -> uuid::Uuid {
        self.lock_ids().next()
    }

    /// Runs `f` in one database transaction: everything it records lands together, with one
    /// sync to disk instead of one per record, or nothing does if it fails. Batches nest (an
    /// inner one is a savepoint of the outer).
    pub fn in_batch<T>(&self, f: impl FnOnce(&Sdr) -> Result<T>) -> Result<T> {
        self.db.in_transaction(|| f(self))
    }

    pub fn start_state(&self) -> Result<StartState> {
        let device_locale = self
            .db
            .setting(DEVICE_LOCALE)?
            .and_then(|c| Locale::from_code(&c))
            .unwrap_or(Locale::FALLBACK);
        let profiles = self.db.profiles()?;
        let last_profile_id = self
            .db
            .setting(LAST_PROFILE)?
            .filter(|id| profiles.iter().any(|p| &p.id == id));
        Ok(StartState {
            device_locale,
            profiles: profiles.into_iter().map(Profile::from).collect(),
            last_profile_id,
            locales: Locale::ALL
                .into_iter()
                .map(|locale| LocaleInfo {
                    locale,
                    lesson_coverage: self.pack.lesson_coverage(locale),
                })
                .collect(),
        })
    }

    pub fn set_device_locale(&self, locale: Locale) -> Result<()> {
        self.db.set_setting(DEVICE_LOCALE, locale.code())
    }

    /// Creates a learner profile and makes it the current one.
    pub fn create_profile(&self, name: &str, locale: Locale, now_ms: i64) -> Result<Profile> {
        let display_name = normalize_display_name(name)?;
        let taken = self
            .db
            .profiles()?
            .into_iter()
            .any(|p| p.display_name.to_lowercase() == display_name.to_lowercase());
        if taken {
            return Err(CoreError::NameTaken(display_name));
        }
        let profile = Learner {
            id: self.new_id().to_string(),
            display_name,
            locale,
            created_at_ms: now_ms,
        };
        self.db.insert_profile(&profile)?;
        self.remember(&profile)?;
        Ok(profile.into())
    }

    pub(super) fn profile(&self, id: &str) -> Result<Learner> {
        self.db.profile(id)?.ok_or_else(|| CoreError::NotFound {
            what: "profile",
            id: id.to_string(),
        })
    }

    /// The device remembers the last learner and their language, so the next start greets
    /// the room in the language it was last used in.
    fn remember(&self, profile: &Learner) -> Result<()> {
        self.db.set_setting(LAST_PROFILE, &profile.id)?;
        self.db.set_setting(DEVICE_LOCALE, profile.locale.code())
    }

    /// Makes `id` the current profile of this device.
    pub fn select_profile(&self, id: &str) -> Result<Profile> {
        let profile = self.profile(id)?;
        self.remember(&profile)?;
        Ok(profile.into())
    }

    /// Corrects a learner's name (a typo at sign-up). Like every change, it is an edit record.
    pub fn rename_profile(&self, id: &str, name: &str, now_ms: i64) -> Result<Profile> {
        let display_name = normalize_display_name(name)?;
        let current = self.profile(id)?;
        if current.display_name != display_name {
            let taken = self.db.profiles()?.into_iter().any(|p| {
                p.id != id && p.display_name.to_lowercase() == display_name.to_lowercase()
            });
            if taken {
                return Err(CoreError::NameTaken(display_name));
            }
            let origin = self.laptop_name()?;
            self.db.edit_profile(
                &self.new_id().to_string(),
                id,
                ProfileField::DisplayName,
                &display_name,
                now_ms,
                &origin,
            )?;
        }
        Ok(self.profile(id)?.into())
    }

    /// Changes a learner's language. The change is an edit record, so it travels in results
    /// files and the latest edit wins on every laptop.
    pub fn set_profile_locale(&self, id: &str, locale: Locale, now_ms: i64) -> Result<Profile> {
        if self.profile(id)?.locale != locale {
            let origin = self.laptop_name()?;
            self.db.edit_profile(
                &self.new_id().to_string(),
                id,
                ProfileField::Locale,
                locale.code(),
                now_ms,
                &origin,
            )?;
        }
        let profile = self.profile(id)?;
        self.remember(&profile)?;
        Ok(profile.into())
    }

    fn progress(&self, profile_id: &str) -> Result<Progress> {
        Ok(Progress::from_events(&self.db.events(profile_id)?))
    }

    fn lesson_ref(&self, lesson: &Lesson, locale: Locale) -> LessonRef {
        let text = lesson.text(locale, self.pack.source_locale);
        LessonRef {
            id: lesson.id.clone(),
            title: text.value.title.clone(),
            locale: text.locale,
        }
    }

    fn lesson_ref_by_id(&self, lesson_id: &str, locale: Locale) -> LessonRef {
        match self.pack.lesson(lesson_id) {
            Some(l) => self.lesson_ref(l, locale),
            // The loader guarantees quiz lessons exist; keep the id if that ever breaks.
            None => LessonRef {
                id: lesson_id.to_string(),
                title: lesson_id.to_string(),
                locale: self.pack.source_locale,
            },
        }
    }

    /// A module is complete when every lesson is done and its quiz (if any) is passed.
    pub fn module_complete(&self, profile_id: &str, module_id: &str) -> Result<bool> {
        let progress = self.progress(profile_id)?;
        let results = crate::learning::quiz::summarize(&self.db.results(profile_id)?);
        Ok(self.is_complete(&progress, &results, module_id))
    }

    fn is_complete(
        &self,
        progress: &Progress,
        results: &HashMap<String, ModuleResults>,
        module_id: &str,
    ) -> bool {
        let Some(module) = self.pack.module(module_id) else {
            return false;
        };
        let (done, total) = progress.module_counts(&self.pack, module_id);
        let quiz_ok = module.quiz.is_none() || results.get(module_id).is_some_and(|r| r.passed);
        done == total && quiz_ok
    }

    pub fn library(&self, profile_id: &str) -> Result<LibraryView> {
        let profile = self.profile(profile_id)?;
        let progress = self.progress(profile_id)?;
        let results = crate::learning::quiz::summarize(&self.db.results(profile_id)?);
        let locale = profile.locale;
        let fallback = self.pack.source_locale;
        let mut modules_complete = 0;
        let modules: Vec<ModuleView> = self
            .pack
            .modules
            .iter()
            .map(|m| {
                let text = m.text(locale, fallback);
                let (done, total) = progress.module_counts(&self.pack, &m.id);
                Ok(ModuleView {
                    id: m.id.clone(),
                    title: text.value.title.clone(),
                    summary: text.value.summary.clone(),
                    locale: text.locale,
                    lessons: m
                        .lessons
                        .iter()
                        .map(|l| {
                            let t = l.text(locale, fallback);
                            LessonSummary {
                                id: l.id.clone(),
                                title: t.value.title.clone(),
                                summary: t.value.summary.clone(),
                                locale: t.locale,
                                status: progress.status(&l.id),
                                reading_minutes: t.value.reading_minutes,
                            }
                        })
                        .collect(),
                    lessons_done: done,
                    percent: crate::learning::percent(done, total),
                    quiz: match &m.quiz {
                        Some(q) => {
                            let r = results.get(&m.id).copied().unwrap_or_default();
                            Some(QuizSummary {
                                questions: q.questions.len() as u32,
                                pass_mark: m.pass_mark,
                                attempts: r.attempts,
                                best_score: r.best,
                                latest_score: r.latest,
                                passed: r.passed,
                                in_progress: self.db.open_attempt(profile_id, &m.id)?.is_some(),
                            })
                        }
                        None => None,
                    },
                    complete: {
                        let c = self.is_complete(&progress, &results, &m.id);
                        modules_complete += u32::from(c);
                        c
                    },
                })
            })
            .collect::<Result<_>>()?;
        let resume = progress
            .last_lesson
            .as_deref()
            .and_then(|id| self.pack.lesson(id))
            .map(|l| self.lesson_ref(l, locale));
        let course_title = self.pack.title(locale);
        Ok(LibraryView {
            course_title: course_title.value.clone(),
            course_title_locale: course_title.locale,
            lessons_done: modules.iter().map(|m| m.lessons_done).sum(),
            lessons_total: self.pack.lessons().count() as u32,
            modules_complete,
            modules,
            resume,
            profile: profile.into(),
        })
    }

    fn lesson(&self, lesson_id: &str) -> Result<&Lesson> {
        self.pack
            .lesson(lesson_id)
            .ok_or_else(|| CoreError::NotFound {
                what: "lesson",
                id: lesson_id.to_string(),
            })
    }

    fn record(
        &self,
        profile_id: &str,
        lesson: &Lesson,
        kind: EventKind,
        now_ms: i64,
    ) -> Result<()> {
        self.db.insert_event(&ProgressEvent {
            id: self.new_id().to_string(),
            profile_id: profile_id.to_string(),
            kind,
            module_id: lesson.module_id.clone(),
            lesson_id: lesson.id.clone(),
            at_ms: now_ms,
        })
    }

    /// Opens a lesson for reading and remembers it as the learner's position.
    pub fn open_lesson(
        &self,
        profile_id: &str,
        lesson_id: &str,
        now_ms: i64,
    ) -> Result<LessonView> {
        let profile = self.profile(profile_id)?;
        let lesson = self.lesson(lesson_id)?;
        self.record(profile_id, lesson, EventKind::LessonOpened, now_ms)?;
        self.lesson_view(&profile, lesson)
    }

    /// Marks a lesson done, or not done again.
    pub fn set_lesson_done(
        &self,
        profile_id: &str,
        lesson_id: &str,
        done: bool,
        now_ms: i64,
    ) -> Result<LessonView> {
        let profile = self.profile(profile_id)?;
        let lesson = self.lesson(lesson_id)?;
        let kind = if done {
            EventKind::LessonCompleted
        } else {
            EventKind::LessonUncompleted
        };
        self.record(profile_id, lesson, kind, now_ms)?;
        self.lesson_view(&profile, lesson)
    }

    fn lesson_view(&self, profile: &Learner, lesson: &Lesson) -> Result<LessonView> {
        let progress = self.progress(&profile.id)?;
        let locale = profile.locale;
        let fallback = self.pack.source_locale;
        let text = lesson.text(locale, fallback);
        let rendered = self.pack.rendered(text.value, text.locale);
        let module = self
            .pack
            .module(&lesson.module_id)
            .expect("lesson's module exists");
        let (done, total) = progress.module_counts(&self.pack, &module.id);
        let position = module
            .lessons
            .iter()
            .position(|l| l.id == lesson.id)
            .unwrap_or(0);
        let (prev, next) = self.pack.neighbours(&lesson.id);
        Ok(LessonView {
            id: lesson.id.clone(),
            module_id: module.id.clone(),
            module_title: module.text(locale, fallback).value.title.clone(),
            title: text.value.title.clone(),
            summary: text.value.summary.clone(),
            html: rendered.html.clone(),
            locale: text.locale,
            status: progress.status(&lesson.id),
            reading_minutes: text.value.reading_minutes,
            position: position as u32 + 1,
            module_lessons: total,
            module_percent: crate::learning::percent(done, total),
            module_has_quiz: module.quiz.is_some(),
            prev: prev.map(|l| self.lesson_ref(l, locale)),
            next: next.map(|l| self.lesson_ref(l, locale)),
            glossary: rendered
                .glossary
                .iter()
                .filter_map(|id| self.glossary_term(id, locale))
                .collect(),
        })
    }

    fn glossary_term(&self, id: &str, locale: Locale) -> Option<GlossaryTerm> {
        let g = &self.pack.glossary;
        let (locale, entry) = match g.texts.get(&locale).and_then(|t| t.get(id)) {
            Some(e) => (locale, e),
            None => (
                self.pack.source_locale,
                g.texts.get(&self.pack.source_locale)?.get(id)?,
            ),
        };
        Some(GlossaryTerm {
            id: id.to_string(),
            term: entry.term.clone(),
            definition: entry.definition.clone(),
            locale,
        })
    }

    /// The whole glossary in the learner's language (English where not translated), sorted
    /// by term.
    pub fn glossary(&self, profile_id: &str) -> Result<Vec<GlossaryTerm>> {
        let profile = self.profile(profile_id)?;
        let mut terms: Vec<GlossaryTerm> = self
            .pack
            .glossary
            .ids
            .iter()
            .filter_map(|id| self.glossary_term(id, profile.locale))
            .collect();
        terms.sort_by_key(|t| t.term.to_lowercase());
        Ok(terms)
    }

    /// Every learner record as text, table by table (for tests comparing two folders).
    #[cfg(test)]
    pub(crate) fn learner_records(&self) -> Vec<(&'static str, Vec<String>)> {
        self.db.learner_records()
    }

    /// Whether a lesson is done for a profile (for tests and the CLI).
    pub fn lesson_status(&self, profile_id: &str, lesson_id: &str) -> Result<LessonStatus> {
        Ok(self.progress(profile_id)?.status(lesson_id))
    }
}
