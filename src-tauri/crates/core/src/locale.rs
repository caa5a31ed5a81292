//! The six languages of the course and of the interface.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A supported language. Its code (`en`, `ms`, `fil`, `zh-Hant`, `th`, `vi`) is what is stored
/// and what names the content folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Locale {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ms")]
    Ms,
    #[serde(rename = "fil")]
    Fil,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "th")]
    Th,
    #[serde(rename = "vi")]
    Vi,
}

impl Locale {
    /// Every locale, in the order the language switcher lists them.
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Ms,
        Locale::Fil,
        Locale::ZhHant,
        Locale::Th,
        Locale::Vi,
    ];

    /// The language every item falls back to.
    pub const FALLBACK: Locale = Locale::En;

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ms => "ms",
            Locale::Fil => "fil",
            Locale::ZhHant => "zh-Hant",
            Locale::Th => "th",
            Locale::Vi => "vi",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name for itself, as the language switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ms => "Bahasa Melayu",
            Locale::Fil => "Filipino",
            Locale::ZhHant => "繁體中文",
            Locale::Th => "ไทย",
            Locale::Vi => "Tiếng Việt",
        }
    }

    /// The BCP 47 tag for a document's `lang` (fonts and line breaking depend on it).
    pub fn bcp47(self) -> &'static str {
        match self {
            Locale::ZhHant => "zh-Hant-TW",
            other => other.code(),
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.code())
            );
        }
        assert_eq!(Locale::from_code("zh"), None);
    }
}
