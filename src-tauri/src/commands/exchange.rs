//! Results exchange: the laptop's name and data status, exporting results to a file the
//! person chooses, importing files or a folder with progress, trusting a file's signer, and
//! the import log.

use std::path::PathBuf;

use sdr_core::Locale;
use sdr_core::views::{
    DataStatus, ExportReport, ExportScope, FileImport, ImportLogEntry, ImportProgress, PeopleView,
    TrustedIssuer,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn data_status(state: State<'_, AppState>) -> CmdResult<DataStatus> {
    Ok(state.core()?.data_status()?)
}

#[tauri::command]
pub async fn set_laptop_name(state: State<'_, AppState>, name: String) -> CmdResult<String> {
    Ok(state.core()?.set_laptop_name(&name)?)
}

/// Asks where to save the results of `scope` and writes them there; `None` if cancelled.
#[tauri::command]
pub async fn export_results(
    app: AppHandle,
    state: State<'_, AppState>,
    scope: ExportScope,
    dialog_title: String,
) -> CmdResult<Option<ExportReport>> {
    let name = state.core()?.results_file_name(&scope, state.now_ms())?;
    let Some(path) = dialogs::save(&app, &dialog_title, &name, dialogs::RESULTS) else {
        return Ok(None);
    };
    Ok(Some(state.core()?.export_results(
        &scope,
        &path,
        state.now_ms(),
    )?))
}

/// Asks for results files (`folder`: a folder of them) and imports them, reporting each file
/// on `on_progress`; `None` if cancelled.
#[tauri::command]
pub async fn import_results(
    app: AppHandle,
    state: State<'_, AppState>,
    folder: bool,
    dry_run: bool,
    dialog_title: String,
    on_progress: Channel<ImportProgress>,
) -> CmdResult<Option<Vec<FileImport>>> {
    let paths = if folder {
        dialogs::pick_folder(&app, &dialog_title).map(|p| vec![p])
    } else {
        dialogs::open_many(&app, &dialog_title, dialogs::RESULTS)
    };
    let Some(paths) = paths else {
        return Ok(None);
    };
    Ok(Some(import(&state, &paths, dry_run, &on_progress)?))
}

/// Imports one file again (after its signer was trusted).
#[tauri::command]
pub async fn import_results_file(
    state: State<'_, AppState>,
    path: String,
    dry_run: bool,
) -> CmdResult<FileImport> {
    Ok(state
        .core()?
        .import_file(&PathBuf::from(path), dry_run, state.now_ms()))
}

/// Trusts the laptop that signed the results file at `path`, under `label`.
#[tauri::command]
pub async fn trust_results_signer(
    state: State<'_, AppState>,
    path: String,
    label: String,
) -> CmdResult<TrustedIssuer> {
    Ok(state
        .core()?
        .trust_results_signer(&PathBuf::from(path), &label, state.now_ms())?)
}

#[tauri::command]
pub async fn import_log(state: State<'_, AppState>) -> CmdResult<Vec<ImportLogEntry>> {
    Ok(state.core()?.import_log()?)
}

fn import(
    state: &AppState,
    paths: &[PathBuf],
    dry_run: bool,
    on_progress: &Channel<ImportProgress>,
) -> CmdResult<Vec<FileImport>> {
    let now = state.now_ms();
    Ok(state
        .core()?
        .import_results(paths, dry_run, now, &mut |done, total, file| {
            let _ = on_progress.send(ImportProgress {
                done: done as u32,
                total: total as u32,
                file: file.clone(),
            });
        }))
}

/// The learners as people, and the profiles that share a name.
#[tauri::command]
pub async fn people(state: State<'_, AppState>, locale: Locale) -> CmdResult<PeopleView> {
    Ok(state.core()?.people(locale)?)
}

/// Links profiles as one person (`same`), or undoes the links among them.
#[tauri::command]
pub async fn set_same_person(
    state: State<'_, AppState>,
    profile_ids: Vec<String>,
    same: bool,
    locale: Locale,
) -> CmdResult<PeopleView> {
    Ok(state
        .core()?
        .set_same_person(&profile_ids, same, locale, state.now_ms())?)
}
