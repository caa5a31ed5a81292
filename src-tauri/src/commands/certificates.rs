use sdr_core::Locale;
use sdr_core::views::{
    BatchProgress, BatchSummary, IssuerKeyView, SavedCertificate, TrustedIssuer, VerifyReport,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::CmdResult;
use crate::state::AppState;

/// Asks where to save the learner's certificate and writes it there; `None` if cancelled.
#[tauri::command]
pub async fn save_certificate(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: String,
    dialog_title: String,
) -> CmdResult<Option<SavedCertificate>> {
    let file_name = {
        let core = state.core()?;
        core.certificate_file_name(&profile_id, state.now_ms())?
    };
    let Some(path) = dialogs::save(&app, &dialog_title, &file_name, dialogs::PDF) else {
        return Ok(None);
    };
    let certificate = state
        .core()?
        .save_certificate(&profile_id, &path, state.now_ms())?;
    Ok(Some(SavedCertificate {
        path: path.display().to_string(),
        certificate,
    }))
}

/// Asks for a folder and writes every eligible learner's certificate into it, reporting
/// progress on `on_progress`; `None` if cancelled.
#[tauri::command]
pub async fn issue_certificates(
    app: AppHandle,
    state: State<'_, AppState>,
    workshop_id: String,
    locale: Locale,
    dialog_title: String,
    on_progress: Channel<BatchProgress>,
) -> CmdResult<Option<BatchSummary>> {
    let Some(folder) = dialogs::pick_folder(&app, &dialog_title) else {
        return Ok(None);
    };
    let summary =
        state
            .core()?
            .issue_batch(&workshop_id, &folder, locale, state.now_ms(), &mut |p| {
                let _ = on_progress.send(p);
            })?;
    Ok(Some(summary))
}

#[tauri::command]
pub async fn verify_text(
    state: State<'_, AppState>,
    text: String,
    locale: Locale,
) -> CmdResult<VerifyReport> {
    Ok(state.core()?.verify(text.as_bytes(), locale)?)
}

/// Asks for a certificate PDF and checks it; `None` if cancelled.
#[tauri::command]
pub async fn verify_file(
    app: AppHandle,
    state: State<'_, AppState>,
    locale: Locale,
    dialog_title: String,
) -> CmdResult<Option<VerifyReport>> {
    let Some(path) = dialogs::open(&app, &dialog_title, dialogs::PDF) else {
        return Ok(None);
    };
    Ok(Some(state.core()?.verify_file(&path, locale)?))
}

#[tauri::command]
pub async fn issuer_key(state: State<'_, AppState>) -> CmdResult<IssuerKeyView> {
    Ok(state.core()?.issuer_key(state.now_ms())?)
}

/// Asks where to save this computer's public key and writes it there; `None` if cancelled.
#[tauri::command]
pub async fn export_issuer_key(
    app: AppHandle,
    state: State<'_, AppState>,
    dialog_title: String,
) -> CmdResult<Option<String>> {
    let name = state.core()?.issuer_key_file_name(state.now_ms())?;
    let Some(path) = dialogs::save(&app, &dialog_title, &name, dialogs::KEY) else {
        return Ok(None);
    };
    state.core()?.export_issuer_key(&path, state.now_ms())?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a key file and gives back the key it holds; `None` if cancelled.
#[tauri::command]
pub async fn read_issuer_key_file(
    app: AppHandle,
    state: State<'_, AppState>,
    dialog_title: String,
) -> CmdResult<Option<String>> {
    let Some(path) = dialogs::open(&app, &dialog_title, dialogs::KEY) else {
        return Ok(None);
    };
    Ok(Some(state.core()?.read_issuer_key_file(&path)?))
}

#[tauri::command]
pub async fn trusted_issuers(state: State<'_, AppState>) -> CmdResult<Vec<TrustedIssuer>> {
    Ok(state.core()?.trusted_issuers()?)
}

#[tauri::command]
pub async fn import_issuer(
    state: State<'_, AppState>,
    key: String,
    label: String,
) -> CmdResult<TrustedIssuer> {
    Ok(state.core()?.import_issuer(&key, &label, state.now_ms())?)
}
