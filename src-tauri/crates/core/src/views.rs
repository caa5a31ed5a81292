//! What the core hands to the interface. Every type here crosses IPC, and its TypeScript twin
//! is generated into `ui/src/lib/ipc/bindings.ts` by [`typescript_bindings`].

use serde::Serialize;
use ts_rs::TS;

pub use crate::content::Diagnostic;
pub use crate::content::QuestionKind;
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
    pub modules_complete: u32,
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
    /// The module's quiz and how the learner has done in it, if the module has one.
    pub quiz: Option<QuizSummary>,
    /// Every lesson read, and the quiz (if any) passed.
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QuizSummary {
    pub questions: u32,
    pub pass_mark: u32,
    pub attempts: u32,
    pub best_score: Option<u32>,
    pub latest_score: Option<u32>,
    pub passed: bool,
    /// An attempt was started and not finished: it can be resumed.
    pub in_progress: bool,
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
    /// The module has a quiz (offered after its last lesson).
    pub module_has_quiz: bool,
    pub prev: Option<LessonRef>,
    pub next: Option<LessonRef>,
    /// The glossary terms linked from this lesson, to show their definitions in place.
    pub glossary: Vec<GlossaryTerm>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct GlossaryTerm {
    pub id: String,
    pub term: String,
    pub definition: String,
    /// The locale of the entry (the fallback when not translated yet).
    pub locale: Locale,
}

/// One attempt at a module's quiz, as far as it has gone.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QuizView {
    pub attempt_id: String,
    pub module_id: String,
    pub module_title: String,
    pub pass_mark: u32,
    /// In this attempt's order.
    pub questions: Vec<QuizQuestion>,
    pub answered: u32,
    /// Set once the attempt is finished.
    pub result: Option<QuizOutcome>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QuizQuestion {
    pub id: String,
    pub kind: QuestionKind,
    pub scenario: Option<String>,
    pub prompt: String,
    /// The locale of the texts (the fallback when the quiz is not translated yet).
    pub locale: Locale,
    /// In this attempt's order. True/false questions have the ids `true` and `false` and no
    /// text: the interface words them.
    pub options: Vec<QuizOption>,
    /// Present once the question is answered: only then are the right options revealed.
    pub feedback: Option<AnswerFeedback>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QuizOption {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AnswerFeedback {
    pub chosen: Vec<String>,
    pub correct: Vec<String>,
    /// 100 for a right answer, 0 for a wrong one, in between for a partly right multiple choice.
    pub credit_percent: u32,
    pub explanation: String,
    /// The lesson that teaches it.
    pub lesson: LessonRef,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QuizOutcome {
    pub score: u32,
    pub passed: bool,
    pub pass_mark: u32,
    pub best_score: u32,
    pub module_complete: bool,
    /// Lessons behind the questions not fully right, to read again.
    pub review: Vec<LessonRef>,
}

/// The self-assessment as the wizard needs it: every domain and question, with answers so far.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentView {
    pub id: String,
    pub answered: u32,
    pub total: u32,
    pub domains: Vec<AssessmentDomain>,
    /// In display order, grouped by domain.
    pub questions: Vec<AssessmentItem>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentDomain {
    pub id: String,
    pub title: String,
    pub description: String,
    pub locale: Locale,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentItem {
    pub id: String,
    pub domain: String,
    pub prompt: String,
    /// What answers 0 (not in place) to 3 (fully in place) look like.
    pub levels: Vec<String>,
    pub answer: Option<u8>,
    pub locale: Locale,
}

/// A finished assessment: levels per domain, the index, change since the one before, and the
/// action plan.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentReport {
    pub id: String,
    #[ts(type = "number")]
    pub finished_at_ms: i64,
    /// 0-100.
    pub overall: u32,
    pub previous_overall: Option<u32>,
    pub domains: Vec<DomainResult>,
    pub plan: Vec<PlanStep>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DomainResult {
    pub id: String,
    pub title: String,
    pub locale: Locale,
    /// Maturity level 0-3.
    pub level: u8,
    /// The level in the assessment finished before this one, if any.
    pub previous_level: Option<u8>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanStep {
    pub question_id: String,
    pub domain_title: String,
    pub action: String,
    /// The learner's answer, 0-2 (a fully-in-place practice is not in the plan).
    pub answer: u8,
    /// 1-3.
    pub impact: u8,
    /// 1-3.
    pub effort: u8,
    pub control: String,
    /// The lessons that teach it, first the most relevant.
    pub lessons: Vec<LessonRef>,
    pub locale: Locale,
}

/// Where the learner stands with the assessment: an unfinished one to resume, and history.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentOverview {
    /// False when the course has no self-assessment.
    pub available: bool,
    pub total: u32,
    pub in_progress: Option<AssessmentProgress>,
    /// Finished assessments, newest first.
    pub history: Vec<AssessmentHistoryEntry>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentProgress {
    pub id: String,
    pub answered: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentHistoryEntry {
    pub id: String,
    #[ts(type = "number")]
    pub finished_at_ms: i64,
    pub overall: u32,
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
        QuizSummary::decl(&cfg),
        LibraryView::decl(&cfg),
        GlossaryTerm::decl(&cfg),
        LessonView::decl(&cfg),
        QuestionKind::decl(&cfg),
        QuizOption::decl(&cfg),
        AnswerFeedback::decl(&cfg),
        QuizQuestion::decl(&cfg),
        QuizOutcome::decl(&cfg),
        QuizView::decl(&cfg),
        AssessmentDomain::decl(&cfg),
        AssessmentItem::decl(&cfg),
        AssessmentView::decl(&cfg),
        DomainResult::decl(&cfg),
        PlanStep::decl(&cfg),
        AssessmentReport::decl(&cfg),
        AssessmentProgress::decl(&cfg),
        AssessmentHistoryEntry::decl(&cfg),
        AssessmentOverview::decl(&cfg),
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
