use sdr_core::views::QuizView;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn start_quiz(
    state: State<'_, AppState>,
    profile_id: String,
    module_id: String,
    fresh: bool,
) -> CmdResult<QuizView> {
    Ok(state
        .core()?
        .start_quiz(&profile_id, &module_id, fresh, state.now_ms())?)
}

#[tauri::command]
pub async fn answer_question(
    state: State<'_, AppState>,
    profile_id: String,
    attempt_id: String,
    question_id: String,
    option_ids: Vec<String>,
) -> CmdResult<QuizView> {
    Ok(state.core()?.answer_question(
        &profile_id,
        &attempt_id,
        &question_id,
        &option_ids,
        state.now_ms(),
    )?)
}

#[tauri::command]
pub async fn finish_quiz(
    state: State<'_, AppState>,
    profile_id: String,
    attempt_id: String,
) -> CmdResult<QuizView> {
    Ok(state
        .core()?
        .finish_quiz(&profile_id, &attempt_id, state.now_ms())?)
}
