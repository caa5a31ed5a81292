// The ONLY module that talks to the Tauri backend. Every command has a typed wrapper here, and
// every failure arrives as an IpcError with a stable `code`.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  AssessmentOverview,
  AssessmentReport,
  AssessmentView,
  BatchProgress,
  BatchSummary,
  DataStatus,
  ErrorCode,
  ErrorPayload,
  ExportReport,
  ExportScope,
  FileImport,
  GlossaryTerm,
  ImportLogEntry,
  ImportProgress,
  IssuerKeyView,
  LessonView,
  EndorsementView,
  LibraryView,
  Locale,
  PeopleView,
  ProgrammeStatus,
  ProgrammeView,
  ReportFilter,
  Section,
  Table,
  TrustedProgramme,
  Profile,
  QuizView,
  RosterView,
  SavedCertificate,
  StartState,
  TrustedIssuer,
  VerifyReport,
  WorkshopDetails,
  WorkshopStatus,
  WorkshopView,
} from './bindings';

import { ERROR_CODES } from './bindings';

export type * from './bindings';
export { HTML_LANG, LANGUAGE_NAMES, LOCALES } from './bindings';

export class IpcError extends Error {
  readonly code: ErrorCode;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'IpcError';
    this.code = payload.code;
  }
}

/** Turns whatever `invoke` rejected with into an IpcError. */
export function toIpcError(e: unknown): IpcError {
  if (e instanceof IpcError) return e;
  if (typeof e === 'object' && e !== null && 'code' in e && 'message' in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
      return new IpcError({ code: code as ErrorCode, message: String(message) });
    }
  }
  return new IpcError({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export const ipc = {
  startState: () => call<StartState>('start_state'),
  setDeviceLocale: (locale: Locale) => call<null>('set_device_locale', { locale }),
  appReady: () => call<null>('app_ready'),
  /** The system print dialog for the current page (its print stylesheet applies). */
  printPage: () => call<null>('print_page'),
  createProfile: (name: string, locale: Locale) => call<Profile>('create_profile', { name, locale }),
  selectProfile: (profileId: string) => call<Profile>('select_profile', { profileId }),
  setProfileLocale: (profileId: string, locale: Locale) =>
    call<Profile>('set_profile_locale', { profileId, locale }),
  library: (profileId: string) => call<LibraryView>('library', { profileId }),
  openLesson: (profileId: string, lessonId: string) =>
    call<LessonView>('open_lesson', { profileId, lessonId }),
  setLessonDone: (profileId: string, lessonId: string, done: boolean) =>
    call<LessonView>('set_lesson_done', { profileId, lessonId, done }),
  glossary: (profileId: string) => call<GlossaryTerm[]>('glossary', { profileId }),
  /** Resumes the unfinished attempt, or starts one; `fresh` always starts a new one. */
  startQuiz: (profileId: string, moduleId: string, fresh: boolean) =>
    call<QuizView>('start_quiz', { profileId, moduleId, fresh }),
  answerQuestion: (profileId: string, attemptId: string, questionId: string, optionIds: string[]) =>
    call<QuizView>('answer_question', { profileId, attemptId, questionId, optionIds }),
  finishQuiz: (profileId: string, attemptId: string) =>
    call<QuizView>('finish_quiz', { profileId, attemptId }),
  assessmentOverview: (profileId: string) =>
    call<AssessmentOverview>('assessment_overview', { profileId }),
  /** Resumes the unfinished self-assessment, or starts one. */
  startAssessment: (profileId: string) => call<AssessmentView>('start_assessment', { profileId }),
  answerAssessment: (profileId: string, assessmentId: string, questionId: string, answer: number) =>
    call<AssessmentView>('answer_assessment', { profileId, assessmentId, questionId, answer }),
  finishAssessment: (profileId: string, assessmentId: string) =>
    call<AssessmentReport>('finish_assessment', { profileId, assessmentId }),
  assessmentReport: (profileId: string, assessmentId: string) =>
    call<AssessmentReport>('assessment_report', { profileId, assessmentId }),
  workshops: (locale: Locale) => call<WorkshopView[]>('workshops', { locale }),
  /** Saves what a trainer entered (city, host, dates). */
  updateWorkshop: (workshopId: string, details: WorkshopDetails, locale: Locale) =>
    call<WorkshopView>('update_workshop', { workshopId, details, locale }),
  enrol: (profileId: string, workshopId: string) => call<WorkshopStatus>('enrol', { profileId, workshopId }),
  /** The learner's workshop and what is still missing; null when not enrolled. */
  workshopStatus: (profileId: string) => call<WorkshopStatus | null>('workshop_status', { profileId }),
  roster: (workshopId: string, locale: Locale) => call<RosterView>('roster', { workshopId, locale }),
  /** Opens the save dialog and writes the certificate; null when cancelled. */
  saveCertificate: (profileId: string, dialogTitle: string) =>
    call<SavedCertificate | null>('save_certificate', { profileId, dialogTitle }),
  /** Opens the folder dialog and writes every eligible learner's certificate; null when cancelled. */
  issueCertificates: (
    workshopId: string,
    locale: Locale,
    dialogTitle: string,
    onProgress: (p: BatchProgress) => void,
  ) => {
    const channel = new Channel<BatchProgress>();
    channel.onmessage = onProgress;
    return call<BatchSummary | null>('issue_certificates', { workshopId, locale, dialogTitle, onProgress: channel });
  },
  verifyText: (text: string, locale: Locale) => call<VerifyReport>('verify_text', { text, locale }),
  /** Opens the file dialog and checks the chosen PDF; null when cancelled. */
  verifyFile: (locale: Locale, dialogTitle: string) =>
    call<VerifyReport | null>('verify_file', { locale, dialogTitle }),
  issuerKey: () => call<IssuerKeyView>('issuer_key'),
  /** Opens the save dialog and writes this computer's public key; the path, or null when cancelled. */
  exportIssuerKey: (dialogTitle: string) => call<string | null>('export_issuer_key', { dialogTitle }),
  /** Opens the file dialog and reads an issuer key from the chosen file; null when cancelled. */
  readIssuerKeyFile: (dialogTitle: string) => call<string | null>('read_issuer_key_file', { dialogTitle }),
  trustedIssuers: () => call<TrustedIssuer[]>('trusted_issuers'),
  importIssuer: (key: string, label: string) => call<TrustedIssuer>('import_issuer', { key, label }),
  /** What this laptop holds: its name, the counts of learners and records, their digest. */
  dataStatus: () => call<DataStatus>('data_status'),
  setLaptopName: (name: string) => call<string>('set_laptop_name', { name }),
  /** Opens the save dialog and writes the results of `scope` there; null when cancelled. */
  exportResults: (scope: ExportScope, dialogTitle: string) =>
    call<ExportReport | null>('export_results', { scope, dialogTitle }),
  /** Opens the file (or folder) dialog and imports what was chosen; null when cancelled. */
  importResults: (folder: boolean, dryRun: boolean, dialogTitle: string, onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call<FileImport[] | null>('import_results', { folder, dryRun, dialogTitle, onProgress: channel });
  },
  /** Imports one file again, e.g. after its signer was trusted. */
  importResultsFile: (path: string, dryRun: boolean) => call<FileImport>('import_results_file', { path, dryRun }),
  /** Trusts the laptop that signed the results file at `path`. */
  trustResultsSigner: (path: string, label: string) =>
    call<TrustedIssuer>('trust_results_signer', { path, label }),
  importLog: () => call<ImportLogEntry[]>('import_log'),
  /** The learners as people, and the profiles that share a name. */
  people: (locale: Locale) => call<PeopleView>('people', { locale }),
  /** Links profiles as one person, or (same = false) undoes the links among them. */
  setSamePerson: (profileIds: string[], same: boolean, locale: Locale) =>
    call<PeopleView>('set_same_person', { profileIds, same, locale }),
  /** This laptop's own programme, the programmes it trusts, its endorsement. */
  programmeStatus: () => call<ProgrammeStatus>('programme_status'),
  /** Makes this laptop the organizer's: creates the programme key (once). */
  createProgramme: (name: string) => call<ProgrammeView>('create_programme', { name }),
  /** Opens the save dialog and writes the programme's public key; the path, or null. */
  exportProgrammeKey: (dialogTitle: string) => call<string | null>('export_programme_key', { dialogTitle }),
  /** Opens the file dialog and reads a programme key or endorsement from the file; null when cancelled. */
  readProgrammeFile: (dialogTitle: string) => call<string | null>('read_programme_file', { dialogTitle }),
  trustProgramme: (text: string) => call<TrustedProgramme>('trust_programme', { text }),
  /** Endorses a laptop's key, then opens the save dialog for the endorsement; null when cancelled. */
  endorseLaptop: (key: string, laptop: string, dialogTitle: string) =>
    call<EndorsementView | null>('endorse_laptop', { key, laptop, dialogTitle }),
  acceptEndorsement: (text: string) => call<EndorsementView>('accept_endorsement', { text }),
  /** One part of the organizer's reports, as the tables the files hold too. */
  reportTables: (filter: ReportFilter, section: Section, locale: Locale) =>
    call<Table[]>('report_tables', { filter, section, locale }),
  /** Opens the save dialog and writes every report as a workbook; the path, or null. */
  saveReportXlsx: (filter: ReportFilter, locale: Locale, dialogTitle: string) =>
    call<string | null>('save_report_xlsx', { filter, locale, dialogTitle }),
  /** Opens the folder dialog and writes every report as CSV files there; the folder, or null. */
  saveReportCsv: (filter: ReportFilter, locale: Locale, dialogTitle: string) =>
    call<string | null>('save_report_csv', { filter, locale, dialogTitle }),
};
