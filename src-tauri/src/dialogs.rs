//! The operating system's file dialogs, asked from the backend so the page never gets a path
//! it did not need. For end-to-end tests, where no person can click a GTK dialog, two
//! environment variables stand in for the person: `SDR_TEST_DIALOG_DIR` is the folder every
//! save or folder dialog "chooses", and `SDR_TEST_OPEN_FILE` the file an open dialog "chooses".

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

fn test_dir() -> Option<PathBuf> {
    std::env::var_os("SDR_TEST_DIALOG_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// A kind of file the dialogs offer: its name in the filter list and its extensions.
pub type Kind = (&'static str, &'static [&'static str]);
pub const PDF: Kind = ("PDF", &["pdf"]);
pub const KEY: Kind = ("SDRKEY", &["txt", "key"]);

/// Asks where to save a file of `kind`, offering `default_name`; `None` when cancelled.
pub fn save<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    default_name: &str,
    kind: Kind,
) -> Option<PathBuf> {
    if let Some(dir) = test_dir() {
        return Some(dir.join(default_name));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(default_name)
        .add_filter(kind.0, kind.1)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks for a folder; `None` when the user cancels.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(dir) = test_dir() {
        return Some(dir);
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// Asks for a file of `kind` to open; `None` when the user cancels.
pub fn open<R: Runtime>(app: &AppHandle<R>, title: &str, kind: Kind) -> Option<PathBuf> {
    if let Some(file) = std::env::var_os("SDR_TEST_OPEN_FILE").filter(|f| !f.is_empty()) {
        return Some(PathBuf::from(file));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind.0, kind.1)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}
