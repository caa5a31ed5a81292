//! The floor for the startup benchmark: a Tauri 2 window with an empty page, which prints
//! `startup_ms=<n>` (process start to page loaded, measured as the app measures it) and exits.

use std::time::Instant;

#[path = "../../../src/process_age.rs"]
mod process_age;

static START: std::sync::OnceLock<(Instant, f64)> = std::sync::OnceLock::new();

#[tauri::command]
fn ready(app: tauri::AppHandle) {
    let (at, before) = START.get().copied().unwrap();
    println!(
        "startup_ms={}",
        (before + at.elapsed().as_secs_f64() * 1000.0).round() as u64
    );
    app.exit(0);
}

fn main() {
    START.get_or_init(|| (Instant::now(), process_age::process_age_ms().unwrap_or(0.0)));
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("error while running the empty window");
}
