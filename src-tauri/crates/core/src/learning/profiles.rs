//! Rules for learner names.

use unicode_normalization::UnicodeNormalization;

use crate::error::{CoreError, Result};
use crate::locale::Locale;

/// A learner on this device, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    pub id: String,
    /// NFC-normalised, as typed.
    pub display_name: String,
    /// The language of the interface and the course for this learner.
    pub locale: Locale,
    pub created_at_ms: i64,
}

/// The longest name a profile may have, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Normalises a display name to NFC, trims it and collapses inner runs of white space; refuses
/// an empty, over-long or control-character name.
pub fn normalize_display_name(raw: &str) -> Result<String> {
    single_line(raw, "the name", MAX_NAME_CHARS)
}

/// A short text a person names something with (a learner, a laptop, a programme): NFC, trimmed,
/// inner runs of white space made one space; refused when empty, longer than `max_chars` or
/// holding control characters. `what` names it in the message ("the name").
pub fn single_line(raw: &str, what: &str, max_chars: usize) -> Result<String> {
    let nfc: String = raw.nfc().collect();
    let text = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(CoreError::InvalidInput(format!("{what} is empty")));
    }
    if text.chars().count() > max_chars {
        return Err(CoreError::InvalidInput(format!(
            "{what} is longer than {max_chars} characters"
        )));
    }
    if text.chars().any(|c| c.is_control()) {
        return Err(CoreError::InvalidInput(format!(
            "{what} contains control characters"
        )));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_script_are_kept_and_normalised() {
        // "Nguyễn" typed with combining marks (NFD) becomes the precomposed form.
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Hu\u{031B}o\u{031B}\u{0300}ng";
        assert_eq!(normalize_display_name(nfd).unwrap(), "Nguyễn Thị Hường");
        assert_eq!(
            normalize_display_name("  สมชาย   ใจดี ").unwrap(),
            "สมชาย ใจดี"
        );
        assert_eq!(normalize_display_name("陳美玲").unwrap(), "陳美玲");
    }

    #[test]
    fn empty_long_and_control_names_are_refused() {
        assert!(normalize_display_name("   ").is_err());
        assert!(normalize_display_name(&"a".repeat(81)).is_err());
        assert!(normalize_display_name("a\u{7}b").is_err());
    }
}
