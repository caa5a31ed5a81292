//! Stand-ins for what a person does and the end-to-end tests cannot: choosing in a GTK file
//! dialog, and the day it is. Each is an environment variable, honoured only in builds with
//! debug assertions (the tests drive the debug build); a release build ignores them.
//!
//! - `SDR_TEST_DIALOG_DIR`: the folder every save or folder dialog "chooses";
//! - `SDR_TEST_OPEN_FILE`: the file every open dialog "chooses";
//! - `SDR_TEST_CLOCK`: the instant the app's clock starts at (see `sdr_core::clock`).

use std::path::PathBuf;

use sdr_core::clock::Clock;

/// Whether this build honours the stand-ins.
pub const HONOURED: bool = cfg!(debug_assertions);

/// The path a stand-in variable names, when it is set and honoured.
pub fn path(var: &str) -> Option<PathBuf> {
    if !HONOURED {
        return None;
    }
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The app's clock: the system clock, or the test's when `SDR_TEST_CLOCK` is set in a test
/// build. A value that cannot be read stops the app with a message rather than running on
/// another day than the test expects.
pub fn clock() -> Clock {
    Clock::from_env(HONOURED).unwrap_or_else(|e| {
        eprintln!("sdr: {e}");
        std::process::exit(2)
    })
}
