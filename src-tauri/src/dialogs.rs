//! The operating system's file dialogs, asked from the backend so the page never gets a path
//! it did not need. For end-to-end tests, where no person can click a GTK dialog,
//! `SDR_TEST_DIALOG_DIR` and `SDR_TEST_OPEN_FILE` stand in for the person (see `test_seams`).

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::test_seams;

fn test_dir() -> Option<PathBuf> {
    test_seams::path("SDR_TEST_DIALOG_DIR")
}

/// A kind of file the dialogs offer: its name in the filter list and its extensions.
pub type Kind = (&'static str, &'static [&'static str]);
pub const PDF: Kind = ("PDF", &["pdf"]);
pub const KEY: Kind = ("SDRKEY", &["txt", "key"]);
pub const RESULTS: Kind = ("SDR results", &["sdrresults"]);
pub const XLSX: Kind = ("Excel", &["xlsx"]);

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
    if let Some(file) = test_seams::path("SDR_TEST_OPEN_FILE") {
        return Some(file);
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind.0, kind.1)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks for one or more files of `kind` to open; `None` when the user cancels. In tests,
/// `SDR_TEST_OPEN_FILE` may list several paths, separated as in `PATH`.
pub fn open_many<R: Runtime>(app: &AppHandle<R>, title: &str, kind: Kind) -> Option<Vec<PathBuf>> {
    if let Some(list) = test_seams::path("SDR_TEST_OPEN_FILE") {
        return Some(std::env::split_paths(&list).collect());
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind.0, kind.1)
        .blocking_pick_files()
        .map(|files| {
            files
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect()
        })
}
