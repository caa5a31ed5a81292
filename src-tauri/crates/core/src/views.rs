//! What the core hands to the interface. Every type here crosses IPC, and its TypeScript twin
//! is generated into `ui/src/lib/ipc/bindings.ts` by [`typescript_bindings`].

use serde::Serialize;
use ts_rs::TS;

pub use crate::certificates::signing::Claims;
pub use crate::content::QuestionKind;
pub use crate::diagnostic::Diagnostic;
pub use crate::diagnostic::Severity;
pub use crate::error::{ErrorCode, ErrorPayload};
pub use crate::exchange::ExportScope;
pub use crate::learning::LessonStatus;
pub use crate::locale::Locale;
pub use crate::workshops::{Calendar, DetailsVersion, WorkshopDetails};

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

impl From<crate::learning::Learner> for Profile {
    fn from(l: crate::learning::Learner) -> Profile {
        Profile {
            id: l.id,
            display_name: l.display_name,
            locale: l.locale,
            created_at_ms: l.created_at_ms,
        }
    }
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

/// A workshop as the interface shows it, with its economy named in the viewer's language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WorkshopView {
    pub id: String,
    /// The economy in the viewer's language.
    pub economy_name: String,
    /// The economy's English name.
    pub economy: String,
    pub year: i32,
    pub locales: Vec<Locale>,
    pub default_locale: Locale,
    pub calendar: Calendar,
    /// What a trainer entered; empty strings until then.
    pub details: WorkshopDetails,
    /// Versions of the details entered on different laptops that disagree (empty when they
    /// agree): the trainer screen shows them until someone saves the right ones.
    pub details_disagreement: Vec<DetailsVersion>,
    /// The modules the certificate needs, in course order.
    pub required_modules: Vec<LessonRef>,
    pub pass_mark: u32,
    pub assessment_required: bool,
}

/// One requirement of a learner's workshop, and whether it is met.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ModuleRequirement {
    /// The module (its id, title and the title's locale).
    pub module: LessonRef,
    pub lessons_done: u32,
    pub lessons_total: u32,
    pub has_quiz: bool,
    pub best_score: Option<u32>,
    pub met: bool,
}

/// A learner's standing in their workshop: what is met, what is missing, their certificate.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WorkshopStatus {
    pub workshop: WorkshopView,
    pub modules: Vec<ModuleRequirement>,
    /// `None` when the workshop does not ask for the self-assessment.
    pub assessment_done: Option<bool>,
    pub complete: bool,
    /// The date of completion, written for the certificate, when complete.
    pub completed_on: Option<String>,
    /// The certificate issued to this learner, if any.
    pub certificate: Option<CertificateInfo>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CertificateInfo {
    pub id: String,
    #[ts(type = "number")]
    pub issued_at_ms: i64,
    /// A file name to offer when saving it.
    pub file_name: String,
}

/// A certificate saved where the learner chose.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedCertificate {
    pub path: String,
    pub certificate: CertificateInfo,
}

/// A workshop's learners for its trainer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RosterView {
    pub workshop: WorkshopView,
    pub learners: Vec<RosterEntry>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RosterEntry {
    pub profile_id: String,
    pub name: String,
    pub locale: Locale,
    pub modules_met: u32,
    pub modules_required: u32,
    pub assessment_done: Option<bool>,
    pub complete: bool,
    pub certificate_id: Option<String>,
}

/// Where a batch of certificates is.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BatchProgress {
    pub done: u32,
    pub total: u32,
    /// The learner whose certificate was written last.
    pub name: String,
}

/// What a batch wrote and whom it skipped.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BatchSummary {
    pub folder: String,
    pub written: Vec<BatchWritten>,
    pub skipped: Vec<BatchSkipped>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BatchWritten {
    pub name: String,
    pub certificate_id: String,
    pub file_name: String,
}

/// A learner left out of a batch, and what they still lack.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BatchSkipped {
    pub name: String,
    /// Titles of the required modules not yet met, in the trainer's language.
    pub missing_modules: Vec<String>,
    pub missing_assessment: bool,
}

/// The verdict on a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Signed by this installation or a trusted issuer, and unchanged.
    Valid,
    /// It names a known issuer, but its content is not what that issuer signed.
    Tampered,
    /// Well formed, but signed by a key this installation does not trust.
    UnknownIssuer,
    /// No certificate payload was found.
    NotACertificate,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct VerifyReport {
    pub verdict: Verdict,
    /// The claims as read (not trustworthy unless the verdict is `valid`).
    pub claims: Option<Claims>,
    /// Who the issuer is, when known: "this device" is `None` with `issuer_is_self`.
    pub issuer_label: Option<String>,
    pub issuer_is_self: bool,
    /// The workshop's economy in the viewer's language, when the workshop is known.
    pub economy_name: Option<String>,
    /// The date of completion in the viewer's language and the workshop's calendar.
    pub completed_on: Option<String>,
    /// The issuer's fingerprint grouped for reading, e.g. `3f2a 9c01 77be 4d10`.
    pub issuer_fingerprint: Option<String>,
}

/// This installation's public key, to give to organizers.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IssuerKeyView {
    /// Grouped for reading, e.g. `3f2a 9c01 77be 4d10`.
    pub fingerprint: String,
    /// `SDRKEY1.…`: what another installation imports.
    pub public_key: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TrustedIssuer {
    pub fingerprint: String,
    pub label: String,
    #[ts(type = "number")]
    pub imported_at_ms: i64,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportReport {
    pub file_name: String,
    pub learners: u32,
    pub records: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The laptop name written into the file.
    pub laptop: String,
    /// The programmes whose organizers alone can read the file; empty when it is not
    /// encrypted (anyone who finds it can read it).
    pub encrypted_for: Vec<String>,
}

/// Who signed a results file, as this laptop sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResultsSigner {
    /// This laptop.
    Own,
    /// A laptop trusted here under `label`.
    Trusted { label: String },
    /// A laptop nobody here trusts yet; `laptop` is the name its file gives, `fingerprint` its
    /// key's, grouped for reading aloud.
    Unknown { fingerprint: String, laptop: String },
    /// The file could not be checked far enough to say.
    None,
}

/// What importing a file did (or, in a dry run, would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// Its records are merged (or would be, in a dry run).
    Imported,
    /// This very file was imported before: nothing to add.
    AlreadyImported,
    /// Refused whole: nothing from it was stored.
    Refused,
}

/// One file's import.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FileImport {
    /// As the person gave it (or as found in the folder they gave).
    pub path: String,
    pub file_name: String,
    pub outcome: ImportOutcome,
    pub signer: ResultsSigner,
    /// The laptop name the file gives (empty when it could not be read).
    pub laptop: String,
    /// SHA-256 of the signed body, hex (empty when it could not be read).
    pub digest: String,
    pub learners_new: u32,
    pub learners_known: u32,
    pub records_new: u32,
    pub records_known: u32,
    /// Why it was refused.
    pub error: Option<ErrorPayload>,
}

/// Where an import of several files is.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    /// The file just done.
    pub file: FileImport,
}

/// How many records of one kind this laptop holds.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RecordCount {
    /// The record's `type` in a results file (`progress_event`, ...).
    pub kind: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// What this laptop holds, to compare two laptops.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DataStatus {
    pub laptop: String,
    #[ts(type = "number")]
    pub learners: i64,
    /// Learners, counting profiles an organizer linked as one person once.
    #[ts(type = "number")]
    pub people: i64,
    #[ts(type = "number")]
    pub records: i64,
    pub counts: Vec<RecordCount>,
    /// SHA-256 over every exchanged record in a canonical order, hex: two laptops holding the
    /// same records show the same digest, whatever order they arrived in.
    pub digest: String,
}

/// A learner profile, as an organizer deciding whether two are one person sees it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PersonProfile {
    pub id: String,
    pub display_name: String,
    pub locale: Locale,
    #[ts(type = "number")]
    pub created_at_ms: i64,
    /// The workshop of the latest enrolment, named in the viewer's language.
    pub workshop: Option<String>,
    pub lessons_done: u32,
    pub certificate_ids: Vec<String>,
}

/// Profiles with the same name (ignoring case), perhaps one person who signed up on two
/// laptops. Never linked automatically.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SameNameGroup {
    pub name: String,
    pub profiles: Vec<PersonProfile>,
    /// Whether an organizer linked them all as one person.
    pub linked: bool,
}

/// The learners as people.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PeopleView {
    pub learners: u32,
    /// Counting linked profiles once.
    pub people: u32,
    pub same_name: Vec<SameNameGroup>,
}

/// The organizer's own programme key (its public half).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgrammeView {
    pub name: String,
    /// Grouped hex, to read aloud.
    pub fingerprint: String,
    /// `SDRORG1.…`: what trainers import.
    pub public_text: String,
}

/// A programme a laptop trusts.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TrustedProgramme {
    pub name: String,
    pub fingerprint: String,
    #[ts(type = "number")]
    pub imported_at_ms: i64,
}

/// An endorsement: a programme's signed statement that a laptop issues for it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EndorsementView {
    /// The laptop's name, as the organizer wrote it.
    pub laptop: String,
    /// The programme's name.
    pub programme: String,
    /// `SDREND1.…`.
    pub text: String,
    /// The file name to offer when saving it (empty when there is none to save).
    pub file_name: String,
}

/// Everything about programmes on this laptop, for the Results screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgrammeStatus {
    /// This laptop's own programme, on the organizer's laptop.
    pub own: Option<ProgrammeView>,
    /// The programmes this laptop trusts; results it exports are encrypted for them.
    pub trusted: Vec<TrustedProgramme>,
    /// This laptop's endorsement, if an organizer gave it one.
    pub endorsement: Option<EndorsementView>,
}

/// One file imported on this laptop.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportLogEntry {
    pub file_name: String,
    pub digest: String,
    pub signer_fingerprint: String,
    pub signer_label: String,
    pub laptop: String,
    pub scope: String,
    #[ts(type = "number")]
    pub exported_at_ms: i64,
    #[ts(type = "number")]
    pub imported_at_ms: i64,
    #[ts(type = "number")]
    pub learners_new: i64,
    #[ts(type = "number")]
    pub learners_known: i64,
    #[ts(type = "number")]
    pub records_new: i64,
    #[ts(type = "number")]
    pub records_known: i64,
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
        Calendar::decl(&cfg),
        WorkshopDetails::decl(&cfg),
        WorkshopView::decl(&cfg),
        ModuleRequirement::decl(&cfg),
        CertificateInfo::decl(&cfg),
        SavedCertificate::decl(&cfg),
        WorkshopStatus::decl(&cfg),
        RosterEntry::decl(&cfg),
        RosterView::decl(&cfg),
        BatchProgress::decl(&cfg),
        BatchWritten::decl(&cfg),
        BatchSkipped::decl(&cfg),
        BatchSummary::decl(&cfg),
        Claims::decl(&cfg),
        Verdict::decl(&cfg),
        VerifyReport::decl(&cfg),
        IssuerKeyView::decl(&cfg),
        TrustedIssuer::decl(&cfg),
        DetailsVersion::decl(&cfg),
        ExportScope::decl(&cfg),
        ExportReport::decl(&cfg),
        ImportProgress::decl(&cfg),
        ResultsSigner::decl(&cfg),
        ImportOutcome::decl(&cfg),
        FileImport::decl(&cfg),
        RecordCount::decl(&cfg),
        DataStatus::decl(&cfg),
        ImportLogEntry::decl(&cfg),
        PersonProfile::decl(&cfg),
        SameNameGroup::decl(&cfg),
        PeopleView::decl(&cfg),
        ProgrammeView::decl(&cfg),
        TrustedProgramme::decl(&cfg),
        EndorsementView::decl(&cfg),
        ProgrammeStatus::decl(&cfg),
        crate::reports::ReportFilter::decl(&cfg),
        crate::reports::tables::ColumnKind::decl(&cfg),
        crate::reports::tables::Column::decl(&cfg),
        crate::reports::tables::Cell::decl(&cfg),
        crate::reports::tables::Section::decl(&cfg),
        crate::reports::tables::Table::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/crates/core/src/views.rs. Do not edit:\n// run `UPDATE_BINDINGS=1 cargo test -p sdr-system-tests --test bindings` instead.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&constant_tables());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The tables the interface needs beside the types, so it never keeps a copy of its own.
fn constant_tables() -> String {
    let quoted = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let list = |items: Vec<String>| items.join(", ");
    let record = |f: fn(Locale) -> &'static str| {
        Locale::ALL
            .iter()
            .map(|&l| format!("  {}: {},\n", quoted(l.code()), quoted(f(l))))
            .collect::<String>()
    };
    format!(
        "/** Every locale, in the order the language switcher lists them. */\n\
         export const LOCALES: readonly Locale[] = [{}];\n\n\
         /** Each language's own name for itself. */\n\
         export const LANGUAGE_NAMES: Record<Locale, string> = {{\n{}}};\n\n\
         /** BCP 47 tags for the `lang` attribute. */\n\
         export const HTML_LANG: Record<Locale, string> = {{\n{}}};\n\n\
         /** Every error code the backend sends. */\n\
         export const ERROR_CODES: readonly ErrorCode[] = [{}];\n",
        list(Locale::ALL.iter().map(|l| quoted(l.code())).collect()),
        record(Locale::native_name),
        record(Locale::bcp47),
        list(
            ErrorCode::ALL
                .iter()
                .map(|c| serde_json::to_string(c).expect("a code serialises"))
                .collect(),
        ),
    )
}
