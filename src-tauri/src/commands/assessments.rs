use sdr_core::views::{AssessmentOverview, AssessmentReport, AssessmentView};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn assessment_overview(
    state: State<'_, AppState>,
    profile_id: String,
) -> CmdResult<AssessmentOverview> {
    Ok(state.core()?.assessment_overview(&profile_id)?)
}

#[tauri::command]
pub async fn start_assessment(
    state: State<'_, AppState>,
    profile_id: String,
) -> CmdResult<AssessmentView> {
    Ok(state
        .core()?
        .start_assessment(&profile_id, state.now_ms())?)
}

#[tauri::command]
pub async fn answer_assessment(
    state: State<'_, AppState>,
    profile_id: String,
    assessment_id: String,
    question_id: String,
    answer: u8,
) -> CmdResult<AssessmentView> {
    Ok(state.core()?.answer_assessment(
        &profile_id,
        &assessment_id,
        &question_id,
        answer,
        state.now_ms(),
    )?)
}

#[tauri::command]
pub async fn finish_assessment(
    state: State<'_, AppState>,
    profile_id: String,
    assessment_id: String,
) -> CmdResult<AssessmentReport> {
    Ok(state
        .core()?
        .finish_assessment(&profile_id, &assessment_id, state.now_ms())?)
}

#[tauri::command]
pub async fn assessment_report(
    state: State<'_, AppState>,
    profile_id: String,
    assessment_id: String,
) -> CmdResult<AssessmentReport> {
    Ok(state
        .core()?
        .assessment_report(&profile_id, &assessment_id)?)
}
