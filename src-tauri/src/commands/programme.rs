//! The organizer's programme: status, creating the key, saving its public half, trusting a
//! programme, endorsing a laptop, accepting an endorsement. Files through the OS dialogs.

use sdr_core::views::{EndorsementView, ProgrammeStatus, ProgrammeView, TrustedProgramme};
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn programme_status(state: State<'_, AppState>) -> CmdResult<ProgrammeStatus> {
    Ok(state.core()?.programme_status(state.now_ms())?)
}

#[tauri::command]
pub async fn create_programme(
    state: State<'_, AppState>,
    name: String,
) -> CmdResult<ProgrammeView> {
    Ok(state.core()?.create_programme(&name, state.now_ms())?)
}

/// Asks where to save the programme's public key and writes it; the path, or `None`.
#[tauri::command]
pub async fn export_programme_key(
    app: AppHandle,
    state: State<'_, AppState>,
    dialog_title: String,
) -> CmdResult<Option<String>> {
    let name = state.core()?.programme_file_name()?;
    let Some(path) = dialogs::save(&app, &dialog_title, &name, dialogs::KEY) else {
        return Ok(None);
    };
    state.core()?.export_programme_key(&path)?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a file holding a programme key or an endorsement and gives back its text.
#[tauri::command]
pub async fn read_programme_file(
    app: AppHandle,
    state: State<'_, AppState>,
    dialog_title: String,
) -> CmdResult<Option<String>> {
    let Some(path) = dialogs::open(&app, &dialog_title, dialogs::KEY) else {
        return Ok(None);
    };
    Ok(Some(state.core()?.read_programme_file(&path)?))
}

#[tauri::command]
pub async fn trust_programme(
    state: State<'_, AppState>,
    text: String,
) -> CmdResult<TrustedProgramme> {
    Ok(state.core()?.trust_programme(&text, state.now_ms())?)
}

/// Endorses a laptop's key and asks where to save the endorsement; `None` if cancelled.
#[tauri::command]
pub async fn endorse_laptop(
    app: AppHandle,
    state: State<'_, AppState>,
    key: String,
    laptop: String,
    dialog_title: String,
) -> CmdResult<Option<EndorsementView>> {
    let view = state
        .core()?
        .endorse_laptop(&key, &laptop, state.now_ms())?;
    let Some(path) = dialogs::save(&app, &dialog_title, &view.file_name, dialogs::KEY) else {
        return Ok(None);
    };
    state.core()?.save_endorsement(&view.text, &path)?;
    Ok(Some(view))
}

#[tauri::command]
pub async fn accept_endorsement(
    state: State<'_, AppState>,
    text: String,
) -> CmdResult<EndorsementView> {
    Ok(state.core()?.accept_endorsement(&text, state.now_ms())?)
}
