use sdr_core::Locale;
use sdr_core::views::{RosterView, WorkshopDetails, WorkshopStatus, WorkshopView};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn workshops(state: State<'_, AppState>, locale: Locale) -> CmdResult<Vec<WorkshopView>> {
    Ok(state.core()?.workshops(locale)?)
}

#[tauri::command]
pub async fn update_workshop(
    state: State<'_, AppState>,
    workshop_id: String,
    details: WorkshopDetails,
    locale: Locale,
) -> CmdResult<WorkshopView> {
    Ok(state
        .core()?
        .update_workshop(&workshop_id, details, locale, state.now_ms())?)
}

#[tauri::command]
pub async fn enrol(
    state: State<'_, AppState>,
    profile_id: String,
    workshop_id: String,
) -> CmdResult<WorkshopStatus> {
    Ok(state
        .core()?
        .enrol(&profile_id, &workshop_id, state.now_ms())?)
}

#[tauri::command]
pub async fn workshop_status(
    state: State<'_, AppState>,
    profile_id: String,
) -> CmdResult<Option<WorkshopStatus>> {
    Ok(state.core()?.workshop_status(&profile_id)?)
}

#[tauri::command]
pub async fn roster(
    state: State<'_, AppState>,
    workshop_id: String,
    locale: Locale,
) -> CmdResult<RosterView> {
    Ok(state.core()?.roster(&workshop_id, locale)?)
}
