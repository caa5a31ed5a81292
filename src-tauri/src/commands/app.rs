use sdr_core::Locale;
use sdr_core::views::StartState;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::startup;
use crate::state::AppState;

/// Everything the first screen needs, or the reason the app cannot start (for example a
/// damaged database), which the window shows instead of a blank screen.
#[tauri::command]
pub async fn start_state(state: State<'_, AppState>) -> CmdResult<StartState> {
    Ok(state.core()?.start_state()?)
}

#[tauri::command]
pub async fn set_device_locale(state: State<'_, AppState>, locale: Locale) -> CmdResult<()> {
    Ok(state.core()?.set_device_locale(locale)?)
}

/// The window calls this once its first screen can be used.
#[tauri::command]
pub fn app_ready(app: AppHandle) {
    if startup::report_wanted() {
        println!("startup_ms={}", startup::elapsed_ms());
    }
    if startup::exit_wanted() {
        app.exit(0);
    }
}

/// Opens the system print dialog for the window (from which the learner can also save a PDF).
/// The page's own `window.print()` does nothing in this webview, so the window asks the
/// webview to print.
#[tauri::command]
pub fn print_page(window: tauri::WebviewWindow) -> CmdResult<()> {
    window
        .print()
        .map_err(|e| crate::error::IpcError::internal(format!("printing failed: {e}")))
}
