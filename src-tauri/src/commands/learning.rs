use sdr_core::views::{GlossaryTerm, LessonView, LibraryView};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn library(state: State<'_, AppState>, profile_id: String) -> CmdResult<LibraryView> {
    Ok(state.core()?.library(&profile_id)?)
}

#[tauri::command]
pub async fn open_lesson(
    state: State<'_, AppState>,
    profile_id: String,
    lesson_id: String,
) -> CmdResult<LessonView> {
    Ok(state
        .core()?
        .open_lesson(&profile_id, &lesson_id, state.now_ms())?)
}

#[tauri::command]
pub async fn set_lesson_done(
    state: State<'_, AppState>,
    profile_id: String,
    lesson_id: String,
    done: bool,
) -> CmdResult<LessonView> {
    Ok(state
        .core()?
        .set_lesson_done(&profile_id, &lesson_id, done, state.now_ms())?)
}

#[tauri::command]
pub async fn glossary(
    state: State<'_, AppState>,
    profile_id: String,
) -> CmdResult<Vec<GlossaryTerm>> {
    Ok(state.core()?.glossary(&profile_id)?)
}
