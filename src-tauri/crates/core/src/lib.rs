//! The domain core of SME Digital Resilience. No Tauri, no webview, no async runtime: the
//! desktop app and the `sdr` command line are thin adapters over [`Sdr`].

pub mod certificates;
pub mod clock;
pub mod content;
pub mod demo;
pub mod diagnostic;
pub mod error;
pub mod exchange;
pub mod files;
mod ids;
pub mod keys;
pub mod learning;
pub mod locale;
mod pool;
pub mod reports;
mod storage;
pub mod views;
pub mod workshops;
pub mod xapi;

mod facade;

pub use error::{CoreError, ErrorCode, ErrorPayload, Result};
pub use facade::{Sdr, data_dir};
pub use locale::Locale;
