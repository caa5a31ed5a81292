//! The organizer's reports: one part's tables for the screen, and every table saved as an
//! XLSX workbook or a folder of CSV files where the person chooses.

use sdr_core::Locale;
use sdr_core::reports::tables::{Section, Table};
use sdr_core::reports::{Parts, ReportFilter};
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::CmdResult;
use crate::state::AppState;

/// The tables of one part of the reports (reach, learning or resilience), in `locale`.
#[tauri::command]
pub async fn report_tables(
    state: State<'_, AppState>,
    filter: ReportFilter,
    section: Section,
    locale: Locale,
) -> CmdResult<Vec<Table>> {
    Ok(state
        .core()?
        .report_tables(&filter, Parts::of(section), locale)?)
}

/// Asks where to save the workbook and writes it; the path written, `None` if cancelled.
#[tauri::command]
pub async fn save_report_xlsx(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: ReportFilter,
    locale: Locale,
    dialog_title: String,
) -> CmdResult<Option<String>> {
    let name = sdr_core::reports::file_name(state.now_ms(), "xlsx");
    let Some(path) = dialogs::save(&app, &dialog_title, &name, dialogs::XLSX) else {
        return Ok(None);
    };
    state
        .core()?
        .write_report_xlsx(&path, &filter, locale, state.now_ms())?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a folder and writes every table into it as CSV; the folder, `None` if cancelled.
#[tauri::command]
pub async fn save_report_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: ReportFilter,
    locale: Locale,
    dialog_title: String,
) -> CmdResult<Option<String>> {
    let Some(dir) = dialogs::pick_folder(&app, &dialog_title) else {
        return Ok(None);
    };
    let dir = dir.join(sdr_core::reports::file_name(state.now_ms(), ""));
    state.core()?.write_report_csv(&dir, &filter, locale)?;
    Ok(Some(dir.display().to_string()))
}
