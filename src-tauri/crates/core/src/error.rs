//! The core's one error type, and the small code enum the interface branches on.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::diagnostic::Diagnostic;

/// What went wrong, as a stable code. The interface translates the code; it never parses a
/// message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The database file is not a database or is damaged.
    DatabaseCorrupt,
    /// The database was written by a newer version of the app.
    DatabaseTooNew,
    /// The database or its folder cannot be written.
    DatabaseReadOnly,
    /// The database could not be opened or written for another reason (disk full, I/O).
    DatabaseUnavailable,
    /// A content pack failed validation.
    ContentInvalid,
    /// A profile, lesson or module does not exist.
    NotFound,
    /// Input from the user was refused (empty or over-long name, ...).
    InvalidInput,
    /// Another profile on this device already has that name.
    NameTaken,
    /// A certificate was asked for before the workshop's requirements were met.
    NotEligible,
    /// A file could not be written where the user asked (folder read-only, disk full, gone).
    FileUnwritable,
    /// A file the user chose could not be read.
    FileUnreadable,
    /// A key or file the user gave is not what it should be.
    BadKey,
    /// A file given as a results file is not one, or is damaged (cut short, malformed).
    ResultsInvalid,
    /// A results file was written by a newer version of the app.
    ResultsTooNew,
    /// A results file was changed after it was signed.
    ResultsTampered,
    /// A results file is signed by a laptop this one does not trust yet.
    ResultsUnknownSigner,
    /// A results file holds a record that differs from the one with the same id here.
    ResultsConflict,
    /// A results file is encrypted for an organizer's programme key this laptop does not hold.
    ResultsEncrypted,
    /// A programme key or an endorsement is not what it should be, or not for this laptop.
    BadProgramme,
    /// Anything else; a bug.
    Internal,
}

impl ErrorCode {
    /// Every code, for the interface to recognise (generated into its bindings).
    pub const ALL: [ErrorCode; 20] = [
        ErrorCode::DatabaseCorrupt,
        ErrorCode::DatabaseTooNew,
        ErrorCode::DatabaseReadOnly,
        ErrorCode::DatabaseUnavailable,
        ErrorCode::ContentInvalid,
        ErrorCode::NotFound,
        ErrorCode::InvalidInput,
        ErrorCode::NameTaken,
        ErrorCode::NotEligible,
        ErrorCode::FileUnwritable,
        ErrorCode::FileUnreadable,
        ErrorCode::BadKey,
        ErrorCode::ResultsInvalid,
        ErrorCode::ResultsTooNew,
        ErrorCode::ResultsTampered,
        ErrorCode::ResultsUnknownSigner,
        ErrorCode::ResultsConflict,
        ErrorCode::ResultsEncrypted,
        ErrorCode::BadProgramme,
        ErrorCode::Internal,
    ];
}

/// The shape every error takes when it crosses to the interface.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    /// English detail for logs and for the "details" disclosure; the interface shows a
    /// translated sentence chosen by `code` first.
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("the database {path} is damaged or is not a database ({detail})")]
    DatabaseCorrupt { path: PathBuf, detail: String },
    #[error(
        "the database {path} was written by a newer version of this app (schema {found}, this app knows up to {supported})"
    )]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("the database {path} cannot be written ({detail})")]
    DatabaseReadOnly { path: PathBuf, detail: String },
    #[error("the database {path} could not be used ({detail})")]
    DatabaseUnavailable { path: PathBuf, detail: String },
    #[error("the content pack is not valid: {}", summarize(.0))]
    ContentInvalid(Vec<Diagnostic>),
    #[error("{what} not found: {id}")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error("a profile named {0} already exists")]
    NameTaken(String),
    #[error("the workshop's requirements are not met yet")]
    NotEligible,
    #[error("could not write {path}: {detail}")]
    FileUnwritable { path: PathBuf, detail: String },
    #[error("could not read {path}: {detail}")]
    FileUnreadable { path: PathBuf, detail: String },
    #[error("this is not an issuer key exported by SME Digital Resilience")]
    BadKey,
    #[error("{path} is not a results file, or it is damaged: {detail}")]
    ResultsInvalid { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer version of this app (results format {found}; this app reads up to {supported})"
    )]
    ResultsTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} was changed after it was signed")]
    ResultsTampered { path: PathBuf },
    #[error(
        "{path} is signed by a laptop this one does not trust yet (it calls itself {laptop:?}; key {fingerprint})"
    )]
    ResultsUnknownSigner {
        path: PathBuf,
        fingerprint: String,
        laptop: String,
    },
    #[error(
        "{path} holds a {what} ({id}) that differs from the one with the same id here; nothing from the file was imported"
    )]
    ResultsConflict {
        path: PathBuf,
        what: &'static str,
        id: String,
    },
    #[error(
        "{path} is encrypted for an organizer's programme key, and this laptop does not hold it"
    )]
    ResultsEncrypted { path: PathBuf },
    #[error("{0}")]
    BadProgramme(String),
    /// A fault of the app itself (a record that should be there is not, a drawing that
    /// failed): nothing the user typed or chose is to blame.
    #[error("internal error: {0}")]
    Internal(String),
    /// A SQLite error that `storage::classify` could not attribute to the file or the disk.
    #[error("database error: {0}")]
    Sql(rusqlite::Error),
}

fn summarize(diags: &[Diagnostic]) -> String {
    let mut s = diags
        .iter()
        .take(3)
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    if diags.len() > 3 {
        s.push_str(&format!(" (and {} more)", diags.len() - 3));
    }
    s
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::DatabaseCorrupt { .. } => ErrorCode::DatabaseCorrupt,
            CoreError::DatabaseTooNew { .. } => ErrorCode::DatabaseTooNew,
            CoreError::DatabaseReadOnly { .. } => ErrorCode::DatabaseReadOnly,
            CoreError::DatabaseUnavailable { .. } => ErrorCode::DatabaseUnavailable,
            CoreError::ContentInvalid(_) => ErrorCode::ContentInvalid,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::InvalidInput(_) => ErrorCode::InvalidInput,
            CoreError::NameTaken(_) => ErrorCode::NameTaken,
            CoreError::NotEligible => ErrorCode::NotEligible,
            CoreError::FileUnwritable { .. } => ErrorCode::FileUnwritable,
            CoreError::FileUnreadable { .. } => ErrorCode::FileUnreadable,
            CoreError::BadKey => ErrorCode::BadKey,
            CoreError::ResultsInvalid { .. } => ErrorCode::ResultsInvalid,
            CoreError::ResultsTooNew { .. } => ErrorCode::ResultsTooNew,
            CoreError::ResultsTampered { .. } => ErrorCode::ResultsTampered,
            CoreError::ResultsUnknownSigner { .. } => ErrorCode::ResultsUnknownSigner,
            CoreError::ResultsConflict { .. } => ErrorCode::ResultsConflict,
            CoreError::ResultsEncrypted { .. } => ErrorCode::ResultsEncrypted,
            CoreError::BadProgramme(_) => ErrorCode::BadProgramme,
            // storage::classify has already turned every SQLite error a user can act on into
            // one of the variants above; what is left is a bug.
            CoreError::Internal(_) | CoreError::Sql(_) => ErrorCode::Internal,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        // Adding a variant without listing it breaks this match (no wildcard arm).
        let listed = |c: ErrorCode| match c {
            ErrorCode::DatabaseCorrupt
            | ErrorCode::DatabaseTooNew
            | ErrorCode::DatabaseReadOnly
            | ErrorCode::DatabaseUnavailable
            | ErrorCode::ContentInvalid
            | ErrorCode::NotFound
            | ErrorCode::InvalidInput
            | ErrorCode::NameTaken
            | ErrorCode::NotEligible
            | ErrorCode::FileUnwritable
            | ErrorCode::FileUnreadable
            | ErrorCode::BadKey
            | ErrorCode::ResultsInvalid
            | ErrorCode::ResultsTooNew
            | ErrorCode::ResultsTampered
            | ErrorCode::ResultsUnknownSigner
            | ErrorCode::ResultsConflict
            | ErrorCode::ResultsEncrypted
            | ErrorCode::BadProgramme
            | ErrorCode::Internal => ErrorCode::ALL.contains(&c),
        };
        let mut seen = std::collections::HashSet::new();
        for c in ErrorCode::ALL {
            assert!(listed(c));
            assert!(seen.insert(serde_json::to_string(&c).unwrap()));
        }
    }
}
