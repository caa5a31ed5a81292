//! A finding about something a person wrote or handed over (a content pack today; rosters
//! and packs installed at run time next): where it is (file, line, field) and what is wrong.

use serde::Serialize;
use ts_rs::TS;

/// How serious a finding is: errors make a pack unusable, warnings (such as a missing
/// translation) do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about a pack, pointing at the file, and where known the line and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the pack root, with `/` separators.
    pub file: String,
    /// 1-based line in that file.
    pub line: Option<u32>,
    pub field: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {sev}")?;
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}
