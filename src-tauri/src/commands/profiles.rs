use sdr_core::Locale;
use sdr_core::views::Profile;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn create_profile(
    state: State<'_, AppState>,
    name: String,
    locale: Locale,
) -> CmdResult<Profile> {
    Ok(state
        .core()?
        .create_profile(&name, locale, state.now_ms())?)
}

#[tauri::command]
pub async fn select_profile(state: State<'_, AppState>, profile_id: String) -> CmdResult<Profile> {
    Ok(state.core()?.select_profile(&profile_id)?)
}

#[tauri::command]
pub async fn set_profile_locale(
    state: State<'_, AppState>,
    profile_id: String,
    locale: Locale,
) -> CmdResult<Profile> {
    Ok(state
        .core()?
        .set_profile_locale(&profile_id, locale, state.now_ms())?)
}
