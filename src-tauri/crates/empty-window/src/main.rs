//! The floor for the startup benchmark: a Tauri 2 window with an empty page, which prints
//! `startup_ms=<n>` (process start to page loaded, measured as the app measures it) and exits.

use std::time::Instant;

static START: std::sync::OnceLock<(Instant, f64)> = std::sync::OnceLock::new();

fn before_main_ms() -> f64 {
    let read = || -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let rest = &stat[stat.rfind(')')? + 2..];
        let start_ticks: f64 = rest.split_whitespace().nth(19)?.parse().ok()?;
        let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
        let uptime_s: f64 = uptime.split_whitespace().next()?.parse().ok()?;
        let age = uptime_s * 1000.0 - start_ticks * 10.0;
        (0.0..60_000.0).contains(&age).then_some(age)
    };
    read().unwrap_or(0.0)
}

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
    START.get_or_init(|| (Instant::now(), before_main_ms()));
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("error while running the empty window");
}
