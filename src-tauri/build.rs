// The app's own commands are declared here so that the capability file can allow exactly them
// (and tauri-build refuses a capability that names one that does not exist).
const COMMANDS: &[&str] = &[
    "start_state",
    "set_device_locale",
    "create_profile",
    "select_profile",
    "set_profile_locale",
    "library",
    "open_lesson",
    "set_lesson_done",
    "glossary",
    "app_ready",
    "print_page",
    "start_quiz",
    "answer_question",
    "finish_quiz",
    "assessment_overview",
    "start_assessment",
    "answer_assessment",
    "finish_assessment",
    "assessment_report",
    "workshops",
    "update_workshop",
    "enrol",
    "workshop_status",
    "roster",
    "save_certificate",
    "issue_certificates",
    "verify_text",
    "verify_file",
    "issuer_key",
    "export_issuer_key",
    "read_issuer_key_file",
    "trusted_issuers",
    "import_issuer",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
