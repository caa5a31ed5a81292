//! What the core hands to the interface. Every type here crosses IPC, and its TypeScript twin
//! is generated into `ui/src/lib/ipc/bindings.ts` by [`typescript_bindings`].

use serde::Serialize;
use ts_rs::TS;

pub use crate::content::Diagnostic;
pub use crate::content::Severity;
pub use crate::error::{ErrorCode, ErrorPayload};
pub use crate::learning::LessonStatus;
pub use crate::locale::Locale;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Profile {
    pub id: String,
    /// NFC-normalised, as typed.
    pub display_name: String,
    /// The language of the interface and the course for this learner.
    pub locale: Locale,
    #[ts(type = "number")]
    pub created_at_ms: i64,
}

/// What the first screen needs.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StartState {
    /// The interface language before a profile is chosen.
    pub device_locale: Locale,
    pub profiles: Vec<Profile>,
    /// The profile used last on this device, offered first.
    pub last_profile_id: Option<String>,
    /// Each locale with the share of the course's lessons it has (0-100).
    pub locales: Vec<LocaleInfo>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LocaleInfo {
    pub locale: Locale,
    pub lesson_coverage: u32,
}

/// The course as one learner sees it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LibraryView {
    pub profile: Profile,
    pub course_title: String,
    /// The locale of `course_title` (the fallback when it is not translated yet).
    pub course_title_locale: Locale,
    pub modules: Vec<ModuleView>,
    /// The lesson the learner was on, to resume.
    pub resume: Option<LessonRef>,
    pub lessons_done: u32,
    pub lessons_total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ModuleView {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The locale the title and summary are in: differs from the learner's when shown in
    /// the fallback language.
    pub locale: Locale,
    pub lessons: Vec<LessonSummary>,
    pub lessons_done: u32,
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LessonSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub locale: Locale,
    pub status: LessonStatus,
    pub reading_minutes: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LessonRef {
    pub id: String,
    pub title: String,
    pub locale: Locale,
}

/// One lesson, ready to read.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LessonView {
    pub id: String,
    pub module_id: String,
    pub module_title: String,
    pub title: String,
    pub summary: String,
    /// Sanitized HTML of the body.
    pub html: String,
    /// The locale the lesson is shown in (the fallback when it is not translated yet).
    pub locale: Locale,
    pub status: LessonStatus,
    pub reading_minutes: u32,
    /// 1-based position in its module, and the module's lesson count.
    pub position: u32,
    pub module_lessons: u32,
    pub module_percent: u32,
    pub prev: Option<LessonRef>,
    pub next: Option<LessonRef>,
}

/// The TypeScript declarations of every IPC type, in one module.
pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::default();
    let decls = [
        Locale::decl(&cfg),
        ErrorCode::decl(&cfg),
        ErrorPayload::decl(&cfg),
        Severity::decl(&cfg),
        Diagnostic::decl(&cfg),
        LessonStatus::decl(&cfg),
        Profile::decl(&cfg),
        LocaleInfo::decl(&cfg),
        StartState::decl(&cfg),
        LessonSummary::decl(&cfg),
        ModuleView::decl(&cfg),
        LessonRef::decl(&cfg),
        LibraryView::decl(&cfg),
        LessonView::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/crates/core/src/views.rs. Do not edit:\n// run `UPDATE_BINDINGS=1 cargo test -p sdr-system-tests --test bindings` instead.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
