//! The startup figure: milliseconds from process start to the first interactive screen.
//!
//! `SDR_REPORT_STARTUP=1` prints `startup_ms=<n>` once the window reports that its first
//! screen is ready; `SDR_EXIT_AFTER_STARTUP=1` then closes the app (for the bench script).

use std::sync::OnceLock;
use std::time::Instant;

struct Clock {
    /// When `run` began.
    at: Instant,
    /// Time the process had already spent before that (loading libraries), as far as the OS
    /// tells (Linux: 10 ms resolution); 0 elsewhere.
    before_ms: f64,
}

static CLOCK: OnceLock<Clock> = OnceLock::new();

/// Call first thing in `run`.
pub fn start() {
    CLOCK.get_or_init(|| Clock {
        at: Instant::now(),
        before_ms: crate::process_age::process_age_ms().unwrap_or(0.0),
    });
}

pub fn elapsed_ms() -> u64 {
    let c = CLOCK.get_or_init(|| Clock {
        at: Instant::now(),
        before_ms: 0.0,
    });
    (c.before_ms + c.at.elapsed().as_secs_f64() * 1000.0).round() as u64
}

pub fn report_wanted() -> bool {
    std::env::var("SDR_REPORT_STARTUP").is_ok_and(|v| v == "1")
}

pub fn exit_wanted() -> bool {
    std::env::var("SDR_EXIT_AFTER_STARTUP").is_ok_and(|v| v == "1")
}
