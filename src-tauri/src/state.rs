//! What the app holds while it runs: the core (or why it could not be opened) and the clock.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use sdr_core::{ErrorPayload, Sdr};

use crate::error::{CmdResult, IpcError};

pub struct AppState {
    /// The core, or the reason it could not start (shown by the window, never a blank screen).
    core: Result<Mutex<Sdr>, ErrorPayload>,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> AppState {
        let core = sdr_core::content::builtin()
            .and_then(|pack| Sdr::open(&data_dir, pack))
            .map(Mutex::new)
            .map_err(|e| e.payload());
        if let Err(e) = &core {
            eprintln!("sdr: cannot start: {}", e.message);
        }
        AppState { core }
    }

    pub fn core(&self) -> CmdResult<MutexGuard<'_, Sdr>> {
        match &self.core {
            Ok(m) => m
                .lock()
                .map_err(|_| IpcError::internal("the core is poisoned by an earlier panic")),
            Err(e) => Err(IpcError(e.clone())),
        }
    }
}

/// The data folder: `SDR_DATA_DIR` when set, else the OS data folder.
pub fn data_dir() -> PathBuf {
    sdr_core::data_dir(std::env::var_os("SDR_DATA_DIR"), dirs::data_dir())
}

/// Milliseconds since the Unix epoch: the clock the core is given.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
