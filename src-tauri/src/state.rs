//! What the app holds while it runs: the core (or why it could not be opened) and the clock.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::thread::JoinHandle;

use sdr_core::clock::Clock;
use sdr_core::{ErrorPayload, Sdr};

use crate::error::{CmdResult, IpcError};

type Loaded = Result<Mutex<Sdr>, ErrorPayload>;

pub struct AppState {
    /// The core, or the reason it could not start (shown by the window, never a blank screen).
    core: OnceLock<Loaded>,
    /// The thread loading the course and opening the database, until the first command
    /// needs the result. It runs while the window and its page start up.
    loading: Mutex<Option<JoinHandle<Loaded>>>,
    /// Where "now" comes from: the system clock, or a test's (see `test_seams`).
    clock: Clock,
}

impl AppState {
    /// Starts loading the core on its own thread and returns at once.
    pub fn new(data_dir: PathBuf, clock: Clock) -> AppState {
        let loading = std::thread::spawn(move || {
            let core = sdr_core::content::builtin()
                .and_then(|pack| Sdr::open(&data_dir, pack))
                .map(Mutex::new)
                .map_err(|e| e.payload());
            if let Err(e) = &core {
                eprintln!("sdr: cannot start: {}", e.message);
            }
            core
        });
        AppState {
            core: OnceLock::new(),
            loading: Mutex::new(Some(loading)),
            clock,
        }
    }

    /// The loaded core, waiting for the loading thread the first time.
    fn loaded(&self) -> &Loaded {
        self.core.get_or_init(|| {
            let handle = self.loading.lock().ok().and_then(|mut h| h.take());
            match handle.map(JoinHandle::join) {
                Some(Ok(loaded)) => loaded,
                _ => Err(IpcError::internal("the core failed while starting").0),
            }
        })
    }

    /// Milliseconds since the Unix epoch: the time every command hands to the core.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub fn core(&self) -> CmdResult<MutexGuard<'_, Sdr>> {
        match self.loaded() {
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
