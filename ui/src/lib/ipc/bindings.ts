// Generated from the Rust types in src-tauri/crates/core/src/views.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p sdr-system-tests --test bindings` instead.

export type Locale = "en" | "ms" | "fil" | "zh-Hant" | "th" | "vi";

export type ErrorCode = "database_corrupt" | "database_too_new" | "database_read_only" | "database_unavailable" | "content_invalid" | "not_found" | "invalid_input" | "name_taken" | "not_eligible" | "file_unwritable" | "file_unreadable" | "bad_key" | "results_invalid" | "results_too_new" | "results_tampered" | "results_unknown_signer" | "results_conflict" | "results_encrypted" | "bad_programme" | "internal";

export type ErrorPayload = { code: ErrorCode, 
/**
 * English detail for logs and for the "details" disclosure; the interface shows a
 * translated sentence chosen by `code` first.
 */
message: string, };

export type Severity = "error" | "warning";

export type Diagnostic = { severity: Severity, 
/**
 * Path relative to the pack root, with `/` separators.
 */
file: string, 
/**
 * 1-based line in that file.
 */
line: number | null, field: string | null, message: string, };

export type LessonStatus = "not_started" | "in_progress" | "done";

export type Profile = { id: string, 
/**
 * NFC-normalised, as typed.
 */
display_name: string, 
/**
 * The language of the interface and the course for this learner.
 */
locale: Locale, created_at_ms: number, };

export type LocaleInfo = { locale: Locale, lesson_coverage: number, };

export type StartState = { 
/**
 * The interface language before a profile is chosen.
 */
device_locale: Locale, profiles: Array<Profile>, 
/**
 * The profile used last on this device, offered first.
 */
last_profile_id: string | null, 
/**
 * Each locale with the share of the course's lessons it has (0-100).
 */
locales: Array<LocaleInfo>, };

export type LessonSummary = { id: string, title: string, summary: string, locale: Locale, status: LessonStatus, reading_minutes: number, };

export type ModuleView = { id: string, title: string, summary: string, 
/**
 * The locale the title and summary are in: differs from the learner's when shown in
 * the fallback language.
 */
locale: Locale, lessons: Array<LessonSummary>, lessons_done: number, percent: number, 
/**
 * The module's quiz and how the learner has done in it, if the module has one.
 */
quiz: QuizSummary | null, 
/**
 * Every lesson read, and the quiz (if any) passed.
 */
complete: boolean, };

export type LessonRef = { id: string, title: string, locale: Locale, };

export type QuizSummary = { questions: number, pass_mark: number, attempts: number, best_score: number | null, latest_score: number | null, passed: boolean, 
/**
 * An attempt was started and not finished: it can be resumed.
 */
in_progress: boolean, };

export type LibraryView = { profile: Profile, course_title: string, 
/**
 * The locale of `course_title` (the fallback when it is not translated yet).
 */
course_title_locale: Locale, modules: Array<ModuleView>, 
/**
 * The lesson the learner was on, to resume.
 */
resume: LessonRef | null, lessons_done: number, lessons_total: number, modules_complete: number, };

export type GlossaryTerm = { id: string, term: string, definition: string, 
/**
 * The locale of the entry (the fallback when not translated yet).
 */
locale: Locale, };

export type LessonView = { id: string, module_id: string, module_title: string, title: string, summary: string, 
/**
 * Sanitized HTML of the body.
 */
html: string, 
/**
 * The locale the lesson is shown in (the fallback when it is not translated yet).
 */
locale: Locale, status: LessonStatus, reading_minutes: number, 
/**
 * 1-based position in its module, and the module's lesson count.
 */
position: number, module_lessons: number, module_percent: number, 
/**
 * The module has a quiz (offered after its last lesson).
 */
module_has_quiz: boolean, prev: LessonRef | null, next: LessonRef | null, 
/**
 * The glossary terms linked from this lesson, to show their definitions in place.
 */
glossary: Array<GlossaryTerm>, };

export type QuestionKind = "single" | "multiple" | "true_false" | "scenario";

export type QuizOption = { id: string, text: string, };

export type AnswerFeedback = { chosen: Array<string>, correct: Array<string>, 
/**
 * 100 for a right answer, 0 for a wrong one, in between for a partly right multiple choice.
 */
credit_percent: number, explanation: string, 
/**
 * The lesson that teaches it.
 */
lesson: LessonRef, };

export type QuizQuestion = { id: string, kind: QuestionKind, scenario: string | null, prompt: string, 
/**
 * The locale of the texts (the fallback when the quiz is not translated yet).
 */
locale: Locale, 
/**
 * In this attempt's order. True/false questions have the ids `true` and `false` and no
 * text: the interface words them.
 */
options: Array<QuizOption>, 
/**
 * Present once the question is answered: only then are the right options revealed.
 */
feedback: AnswerFeedback | null, };

export type QuizOutcome = { score: number, passed: boolean, pass_mark: number, best_score: number, module_complete: boolean, 
/**
 * Lessons behind the questions not fully right, to read again.
 */
review: Array<LessonRef>, };

export type QuizView = { attempt_id: string, module_id: string, module_title: string, pass_mark: number, 
/**
 * In this attempt's order.
 */
questions: Array<QuizQuestion>, answered: number, 
/**
 * Set once the attempt is finished.
 */
result: QuizOutcome | null, };

export type AssessmentDomain = { id: string, title: string, description: string, locale: Locale, };

export type AssessmentItem = { id: string, domain: string, prompt: string, 
/**
 * What answers 0 (not in place) to 3 (fully in place) look like.
 */
levels: Array<string>, answer: number | null, locale: Locale, };

export type AssessmentView = { id: string, answered: number, total: number, domains: Array<AssessmentDomain>, 
/**
 * In display order, grouped by domain.
 */
questions: Array<AssessmentItem>, };

export type DomainResult = { id: string, title: string, locale: Locale, 
/**
 * Maturity level 0-3.
 */
level: number, 
/**
 * The level in the assessment finished before this one, if any.
 */
previous_level: number | null, };

export type PlanStep = { question_id: string, domain_title: string, action: string, 
/**
 * The learner's answer, 0-2 (a fully-in-place practice is not in the plan).
 */
answer: number, 
/**
 * 1-3.
 */
impact: number, 
/**
 * 1-3.
 */
effort: number, control: string, 
/**
 * The lessons that teach it, first the most relevant.
 */
lessons: Array<LessonRef>, locale: Locale, };

export type AssessmentReport = { id: string, finished_at_ms: number, 
/**
 * 0-100.
 */
overall: number, previous_overall: number | null, domains: Array<DomainResult>, plan: Array<PlanStep>, };

export type AssessmentProgress = { id: string, answered: number, };

export type AssessmentHistoryEntry = { id: string, finished_at_ms: number, overall: number, };

export type AssessmentOverview = { 
/**
 * False when the course has no self-assessment.
 */
available: boolean, total: number, in_progress: AssessmentProgress | null, 
/**
 * Finished assessments, newest first.
 */
history: Array<AssessmentHistoryEntry>, };

export type Calendar = "gregorian" | "buddhist" | "minguo";

export type WorkshopDetails = { city: string, host: string, 
/**
 * `YYYY-MM-DD`, or empty.
 */
start_date: string, 
/**
 * `YYYY-MM-DD`, or empty.
 */
end_date: string, };

export type WorkshopView = { id: string, 
/**
 * The economy in the viewer's language.
 */
economy_name: string, 
/**
 * The economy's English name.
 */
economy: string, year: number, locales: Array<Locale>, default_locale: Locale, calendar: Calendar, 
/**
 * What a trainer entered; empty strings until then.
 */
details: WorkshopDetails, 
/**
 * Versions of the details entered on different laptops that disagree (empty when they
 * agree): the trainer screen shows them until someone saves the right ones.
 */
details_disagreement: Array<DetailsVersion>, 
/**
 * The modules the certificate needs, in course order.
 */
required_modules: Array<LessonRef>, pass_mark: number, assessment_required: boolean, };

export type ModuleRequirement = { 
/**
 * The module (its id, title and the title's locale).
 */
module: LessonRef, lessons_done: number, lessons_total: number, has_quiz: boolean, best_score: number | null, met: boolean, };

export type CertificateInfo = { id: string, issued_at_ms: number, 
/**
 * A file name to offer when saving it.
 */
file_name: string, };

export type SavedCertificate = { path: string, certificate: CertificateInfo, };

export type WorkshopStatus = { workshop: WorkshopView, modules: Array<ModuleRequirement>, 
/**
 * `None` when the workshop does not ask for the self-assessment.
 */
assessment_done: boolean | null, complete: boolean, 
/**
 * The date of completion, written for the certificate, when complete.
 */
completed_on: string | null, 
/**
 * The certificate issued to this learner, if any.
 */
certificate: CertificateInfo | null, };

export type RosterEntry = { profile_id: string, name: string, locale: Locale, modules_met: number, modules_required: number, assessment_done: boolean | null, complete: boolean, certificate_id: string | null, };

export type RosterView = { workshop: WorkshopView, learners: Array<RosterEntry>, };

export type BatchProgress = { done: number, total: number, 
/**
 * The learner whose certificate was written last.
 */
name: string, };

export type BatchWritten = { name: string, certificate_id: string, file_name: string, };

export type BatchSkipped = { name: string, 
/**
 * Titles of the required modules not yet met, in the trainer's language.
 */
missing_modules: Array<string>, missing_assessment: boolean, };

export type BatchSummary = { folder: string, written: Array<BatchWritten>, skipped: Array<BatchSkipped>, };

export type Claims = { 
/**
 * The certificate id.
 */
id: string, 
/**
 * The learner's name, NFC.
 */
name: string, 
/**
 * The workshop id, e.g. `2018-thailand`.
 */
workshop: string, 
/**
 * The date of completion, `YYYY-MM-DD`, in the workshop's economy.
 */
date: string, 
/**
 * The mean best quiz score of the required modules, percent.
 */
score: number, 
/**
 * The fingerprint of the issuing installation's key.
 */
issuer: string, };

export type Verdict = "valid" | "tampered" | "unknown_issuer" | "not_a_certificate";

export type VerifyReport = { verdict: Verdict, 
/**
 * The claims as read (not trustworthy unless the verdict is `valid`).
 */
claims: Claims | null, 
/**
 * Who the issuer is, when known: "this device" is `None` with `issuer_is_self`.
 */
issuer_label: string | null, issuer_is_self: boolean, 
/**
 * The workshop's economy in the viewer's language, when the workshop is known.
 */
economy_name: string | null, 
/**
 * The date of completion in the viewer's language and the workshop's calendar.
 */
completed_on: string | null, 
/**
 * The issuer's fingerprint grouped for reading, e.g. `3f2a 9c01 77be 4d10`.
 */
issuer_fingerprint: string | null, };

export type IssuerKeyView = { 
/**
 * Grouped for reading, e.g. `3f2a 9c01 77be 4d10`.
 */
fingerprint: string, 
/**
 * `SDRKEY1.…`: what another installation imports.
 */
public_key: string, };

export type TrustedIssuer = { fingerprint: string, label: string, imported_at_ms: number, };

export type DetailsVersion = { details: WorkshopDetails, 
/**
 * The laptop's name.
 */
origin: string, at_ms: number, };

export type ExportScope = { "kind": "all" } | { "kind": "workshop", "id": string } | { "kind": "profile", "id": string };

export type ExportReport = { file_name: string, learners: number, records: number, bytes: number, 
/**
 * The laptop name written into the file.
 */
laptop: string, 
/**
 * The programmes whose organizers alone can read the file; empty when it is not
 * encrypted (anyone who finds it can read it).
 */
encrypted_for: Array<string>, };

export type ImportProgress = { done: number, total: number, 
/**
 * The file just done.
 */
file: FileImport, };

export type ResultsSigner = { "kind": "own" } | { "kind": "trusted", label: string, } | { "kind": "unknown", fingerprint: string, laptop: string, } | { "kind": "none" };

export type ImportOutcome = "imported" | "already_imported" | "refused";

export type FileImport = { 
/**
 * As the person gave it (or as found in the folder they gave).
 */
path: string, file_name: string, outcome: ImportOutcome, signer: ResultsSigner, 
/**
 * The laptop name the file gives (empty when it could not be read).
 */
laptop: string, 
/**
 * SHA-256 of the signed body, hex (empty when it could not be read).
 */
digest: string, learners_new: number, learners_known: number, records_new: number, records_known: number, 
/**
 * Why it was refused.
 */
error: ErrorPayload | null, };

export type RecordCount = { 
/**
 * The record's `type` in a results file (`progress_event`, ...).
 */
kind: string, count: number, };

export type DataStatus = { laptop: string, learners: number, 
/**
 * Learners, counting profiles an organizer linked as one person once.
 */
people: number, records: number, counts: Array<RecordCount>, 
/**
 * SHA-256 over every exchanged record in a canonical order, hex: two laptops holding the
 * same records show the same digest, whatever order they arrived in.
 */
digest: string, };

export type ImportLogEntry = { file_name: string, digest: string, signer_fingerprint: string, signer_label: string, laptop: string, scope: string, exported_at_ms: number, imported_at_ms: number, learners_new: number, learners_known: number, records_new: number, records_known: number, };

export type PersonProfile = { id: string, display_name: string, locale: Locale, created_at_ms: number, 
/**
 * The workshop of the latest enrolment, named in the viewer's language.
 */
workshop: string | null, lessons_done: number, certificate_ids: Array<string>, };

export type SameNameGroup = { name: string, profiles: Array<PersonProfile>, 
/**
 * Whether an organizer linked them all as one person.
 */
linked: boolean, };

export type PeopleView = { learners: number, 
/**
 * Counting linked profiles once.
 */
people: number, same_name: Array<SameNameGroup>, };

export type ProgrammeView = { name: string, 
/**
 * Grouped hex, to read aloud.
 */
fingerprint: string, 
/**
 * `SDRORG1.…`: what trainers import.
 */
public_text: string, };

export type TrustedProgramme = { name: string, fingerprint: string, imported_at_ms: number, };

export type EndorsementView = { 
/**
 * The laptop's name, as the organizer wrote it.
 */
laptop: string, 
/**
 * The programme's name.
 */
programme: string, 
/**
 * `SDREND1.…`.
 */
text: string, 
/**
 * The file name to offer when saving it (empty when there is none to save).
 */
file_name: string, };

export type ProgrammeStatus = { 
/**
 * This laptop's own programme, on the organizer's laptop.
 */
own: ProgrammeView | null, 
/**
 * The programmes this laptop trusts; results it exports are encrypted for them.
 */
trusted: Array<TrustedProgramme>, 
/**
 * This laptop's endorsement, if an organizer gave it one.
 */
endorsement: EndorsementView | null, };

export type ReportFilter = { 
/**
 * Economies by their English name, as in the workshop seeds.
 */
economies: Array<string>, 
/**
 * Workshop ids.
 */
workshops: Array<string>, 
/**
 * First day, `YYYY-MM-DD`, inclusive.
 */
from: string | null, 
/**
 * Last day, `YYYY-MM-DD`, inclusive.
 */
to: string | null, };

export type ColumnKind = "text" | "count" | "percent" | "number" | "date";

export type Column = { label: string, kind: ColumnKind, };

export type Cell = { "t": "text", "v": string } | { "t": "count", "v": number } | { "t": "number", "v": number } | { "t": "date", "v": string } | { "t": "empty" };

export type Section = "reach" | "learning" | "resilience" | "raw";

export type Table = { 
/**
 * ASCII: names the CSV file and the XLSX sheet's anchor.
 */
id: string, section: Section, title: string, note: string | null, columns: Array<Column>, rows: Array<Array<Cell>>, };

/** Every locale, in the order the language switcher lists them. */
export const LOCALES: readonly Locale[] = ["en", "ms", "fil", "zh-Hant", "th", "vi"];

/** Each language's own name for itself. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  "en": "English",
  "ms": "Bahasa Melayu",
  "fil": "Filipino",
  "zh-Hant": "繁體中文",
  "th": "ไทย",
  "vi": "Tiếng Việt",
};

/** BCP 47 tags for the `lang` attribute. */
export const HTML_LANG: Record<Locale, string> = {
  "en": "en",
  "ms": "ms",
  "fil": "fil",
  "zh-Hant": "zh-Hant-TW",
  "th": "th",
  "vi": "vi",
};

/** Every error code the backend sends. */
export const ERROR_CODES: readonly ErrorCode[] = ["database_corrupt", "database_too_new", "database_read_only", "database_unavailable", "content_invalid", "not_found", "invalid_input", "name_taken", "not_eligible", "file_unwritable", "file_unreadable", "bad_key", "results_invalid", "results_too_new", "results_tampered", "results_unknown_signer", "results_conflict", "results_encrypted", "bad_programme", "internal"];
