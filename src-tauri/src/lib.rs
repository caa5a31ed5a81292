//! The desktop app: a thin Tauri adapter over `sdr-core`.

mod commands;
mod error;
mod process_age;
mod startup;
mod state;

use state::AppState;

pub fn run() {
    startup::start();
    let data_dir = state::data_dir();
    tauri::Builder::default()
        .manage(AppState::new(data_dir))
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
        ])
        .run(tauri::generate_context!())
        .expect("error while running the app");
}
