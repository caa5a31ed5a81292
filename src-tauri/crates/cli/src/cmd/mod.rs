//! One module per subcommand; each has its clap `Args` and a `run`. What they share: the
//! data folder option, opening the core, and the clock.

pub mod certify;
pub mod demo;
pub mod export;
pub mod import;
pub mod key;
pub mod laptop;
pub mod lint;
pub mod organizer;
pub mod people;
pub mod report;
pub mod status;
pub mod trust;
pub mod verify;
pub mod workshops;
pub mod xapi;

use std::path::PathBuf;
use std::process::ExitCode;

use sdr_core::{Sdr, content};

#[derive(clap::Args)]
pub struct DataDir {
    /// The app's data folder; by default `SDR_DATA_DIR`, else the one the app uses.
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
}

impl DataDir {
    fn open(&self) -> Result<Sdr, String> {
        let dir = match &self.data_dir {
            Some(d) => d.clone(),
            None => sdr_core::data_dir(std::env::var_os("SDR_DATA_DIR"), dirs::data_dir()),
        };
        let pack = content::builtin().map_err(|e| e.to_string())?;
        Sdr::open(&dir, pack).map_err(|e| e.to_string())
    }
}

/// Which people a report or xAPI export counts (the window's filters).
#[derive(clap::Args)]
pub struct PeopleFilter {
    /// Only people of this economy (its English name, e.g. "Viet Nam"); repeat for several.
    #[arg(long, value_name = "NAME")]
    economy: Vec<String>,
    /// Only people of this workshop (its id, as `sdr workshops` lists); repeat for several.
    #[arg(long, value_name = "ID")]
    workshop: Vec<String>,
    /// Only people who enrolled on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    from: Option<String>,
    /// Only people who enrolled on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    to: Option<String>,
}

impl PeopleFilter {
    fn filter(&self) -> sdr_core::reports::ReportFilter {
        sdr_core::reports::ReportFilter {
            economies: self.economy.clone(),
            workshops: self.workshop.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// Opens the data folder and runs `f`; a failure prints `sdr: …` and exits with 2.
fn with_core(data: &DataDir, f: impl FnOnce(&Sdr) -> Result<ExitCode, String>) -> ExitCode {
    match data.open().and_then(|sdr| f(&sdr)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sdr: {e}");
            ExitCode::from(2)
        }
    }
}

/// Now, from the one clock the app uses too (`SDR_TEST_CLOCK` fixes it in test builds).
fn now_ms() -> i64 {
    static CLOCK: std::sync::LazyLock<sdr_core::clock::Clock> = std::sync::LazyLock::new(|| {
        sdr_core::clock::Clock::from_env(cfg!(debug_assertions)).unwrap_or_else(|e| {
            eprintln!("sdr: {e}");
            std::process::exit(2)
        })
    });
    CLOCK.now_ms()
}

/// A progress line on the terminal, rewritten in place ("3/40 name"); nothing when stderr is
/// a file or a pipe, so logs and scripts do not fill with escape codes.
struct Progress {
    live: bool,
}

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal as _;
        Progress {
            live: std::io::stderr().is_terminal(),
        }
    }

    fn show(&self, done: impl std::fmt::Display, total: impl std::fmt::Display, name: &str) {
        if self.live {
            eprint!("\r{done}/{total} {name}\x1b[K");
        }
    }

    /// Clears the line once the work is done.
    fn finish(&self) {
        if self.live {
            eprint!("\r\x1b[K");
        }
    }
}
