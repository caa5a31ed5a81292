//! The desktop app: a thin Tauri adapter over `sdr-core`.

mod commands;
mod dialogs;
mod error;
mod process_age;
mod startup;
mod state;
mod test_seams;

use state::AppState;

pub fn run() {
    startup::start();
    let data_dir = state::data_dir();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(data_dir, test_seams::clock()))
        .invoke_handler(tauri::generate_handler![
            commands::app::start_state,
            commands::app::set_device_locale,
            commands::app::app_ready,
            commands::app::print_page,
            commands::profiles::create_profile,
            commands::profiles::select_profile,
            commands::profiles::set_profile_locale,
            commands::learning::library,
            commands::learning::open_lesson,
            commands::learning::set_lesson_done,
            commands::learning::glossary,
            commands::quizzes::start_quiz,
            commands::quizzes::answer_question,
            commands::quizzes::finish_quiz,
            commands::assessments::assessment_overview,
            commands::assessments::start_assessment,
            commands::assessments::answer_assessment,
            commands::assessments::finish_assessment,
            commands::assessments::assessment_report,
            commands::workshops::workshops,
            commands::workshops::update_workshop,
            commands::workshops::enrol,
            commands::workshops::workshop_status,
            commands::workshops::roster,
            commands::certificates::save_certificate,
            commands::certificates::issue_certificates,
            commands::certificates::verify_text,
            commands::certificates::verify_file,
            commands::certificates::issuer_key,
            commands::certificates::export_issuer_key,
            commands::certificates::read_issuer_key_file,
            commands::certificates::trusted_issuers,
            commands::certificates::import_issuer,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the app");
}
