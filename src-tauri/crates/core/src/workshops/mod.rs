//! The five 2018 workshops: their seed data, their completion rules, and the dates and
//! calendars certificates are written in.

pub mod completion;
pub mod dates;
pub mod economies;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::locale::Locale;

/// The seed file, embedded so the app and the CLI need nothing beside their binary.
pub const SEEDS: &str = include_str!("../../../../../seeds/workshops.toml");

/// How dates are written on a workshop's certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    Gregorian,
    /// Thai Buddhist Era: CE + 543.
    Buddhist,
    /// Minguo (Republic of China) year: CE − 1911.
    Minguo,
}

impl Calendar {
    pub fn code(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Buddhist => "buddhist",
            Calendar::Minguo => "minguo",
        }
    }

    pub fn from_code(code: &str) -> Option<Calendar> {
        [Calendar::Gregorian, Calendar::Buddhist, Calendar::Minguo]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

/// Which modules a workshop requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequiredModules {
    All,
    Only(Vec<String>),
}

impl RequiredModules {
    /// The stored form: `*` or comma-separated ids.
    pub fn encode(&self) -> String {
        match self {
            RequiredModules::All => "*".to_string(),
            RequiredModules::Only(ids) => ids.join(","),
        }
    }

    pub fn decode(s: &str) -> RequiredModules {
        if s == "*" {
            RequiredModules::All
        } else {
            RequiredModules::Only(
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect(),
            )
        }
    }
}

/// What a participant must finish to earn the workshop's certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionRule {
    pub modules: RequiredModules,
    /// The score (percent) each required module's quiz must reach.
    pub pass_mark: u32,
    pub assessment: bool,
}

/// A workshop as the seeds define it and a trainer completes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    pub id: String,
    /// The economy's English name, as in the seeds.
    pub economy: String,
    pub year: i32,
    pub locales: Vec<Locale>,
    pub default_locale: Locale,
    pub calendar: Calendar,
    /// The economy's standard time, minutes east of UTC.
    pub utc_offset_min: i32,
    pub rule: CompletionRule,
    /// Entered by a trainer; empty until then.
    pub details: WorkshopDetails,
    /// When trainers on two laptops entered different details without seeing each other's
    /// (their edits have the same `seq`): each version, latest first. Empty when they agree.
    /// The latest is shown in `details` until a trainer saves the right ones.
    pub details_disagreement: Vec<DetailsVersion>,
}

/// One laptop's version of a workshop's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DetailsVersion {
    pub details: WorkshopDetails,
    /// The laptop's name.
    pub origin: String,
    #[ts(type = "number")]
    pub at_ms: i64,
}

/// The fields a trainer fills in. Seeds never set them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkshopDetails {
    pub city: String,
    pub host: String,
    /// `YYYY-MM-DD`, or empty.
    pub start_date: String,
    /// `YYYY-MM-DD`, or empty.
    pub end_date: String,
}

impl WorkshopDetails {
    /// Trims the fields and refuses what cannot be right: over-long text, a malformed date,
    /// an end before the start.
    pub fn validated(self) -> Result<WorkshopDetails> {
        let clean = |s: String, what: &str| -> Result<String> {
            let s: String = unicode_normalization::UnicodeNormalization::nfc(s.trim()).collect();
            if s.chars().count() > 120 {
                return Err(CoreError::InvalidInput(format!(
                    "{what} is longer than 120 characters"
                )));
            }
            if s.chars().any(char::is_control) {
                return Err(CoreError::InvalidInput(format!(
                    "{what} contains control characters"
                )));
            }
            Ok(s)
        };
        let date = |s: String, what: &str| -> Result<String> {
            let s = s.trim().to_string();
            if !s.is_empty() && dates::parse_iso(&s).is_none() {
                return Err(CoreError::InvalidInput(format!(
                    "{what} must be a date written YYYY-MM-DD"
                )));
            }
            Ok(s)
        };
        let d = WorkshopDetails {
            city: clean(self.city, "city")?,
            host: clean(self.host, "host")?,
            start_date: date(self.start_date, "start date")?,
            end_date: date(self.end_date, "end date")?,
        };
        if !d.start_date.is_empty() && !d.end_date.is_empty() && d.end_date < d.start_date {
            return Err(CoreError::InvalidInput(
                "the end date is before the start date".to_string(),
            ));
        }
        Ok(d)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    workshops: Vec<SeedWorkshop>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedWorkshop {
    id: String,
    economy: String,
    year: i32,
    locales: Vec<String>,
    default_locale: String,
    calendar: String,
    utc_offset: String,
    completion: SeedCompletion,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedCompletion {
    modules: SeedModules,
    pass_mark: u32,
    assessment: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SeedModules {
    Keyword(String),
    List(Vec<String>),
}

/// Parses a seed file. Every fault names the workshop and the field.
pub fn parse_seeds(text: &str) -> Result<Vec<Workshop>> {
    let bad = |msg: String| CoreError::InvalidInput(format!("workshop seeds: {msg}"));
    let file: SeedFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    let mut out: Vec<Workshop> = Vec::new();
    for w in file.workshops {
        let locale = |code: &str| {
            Locale::from_code(code).ok_or_else(|| bad(format!("{}: unknown locale {code:?}", w.id)))
        };
        let locales = w
            .locales
            .iter()
            .map(|c| locale(c))
            .collect::<Result<Vec<_>>>()?;
        let default_locale = locale(&w.default_locale)?;
        let calendar = Calendar::from_code(&w.calendar)
            .ok_or_else(|| bad(format!("{}: unknown calendar {:?}", w.id, w.calendar)))?;
        let utc_offset_min = parse_offset(&w.utc_offset)
            .ok_or_else(|| bad(format!("{}: utc_offset must look like +08:00", w.id)))?;
        let modules = match w.completion.modules {
            SeedModules::Keyword(k) if k == "all" => RequiredModules::All,
            SeedModules::Keyword(k) => {
                return Err(bad(format!(
                    "{}: completion.modules is \"all\" or a list, not {k:?}",
                    w.id
                )));
            }
            SeedModules::List(ids) => RequiredModules::Only(ids),
        };
        if !(1..=100).contains(&w.completion.pass_mark) {
            return Err(bad(format!("{}: completion.pass_mark must be 1-100", w.id)));
        }
        if out.iter().any(|o| o.id == w.id) {
            return Err(bad(format!("{}: duplicate id", w.id)));
        }
        out.push(Workshop {
            id: w.id,
            economy: w.economy,
            year: w.year,
            locales,
            default_locale,
            calendar,
            utc_offset_min,
            rule: CompletionRule {
                modules,
                pass_mark: w.completion.pass_mark,
                assessment: w.completion.assessment,
            },
            details: WorkshopDetails::default(),
            details_disagreement: Vec::new(),
        });
    }
    Ok(out)
}

/// `+08:00` → 480.
fn parse_offset(s: &str) -> Option<i32> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_seeds_parse() {
        let w = parse_seeds(SEEDS).unwrap();
        assert_eq!(w.len(), 5);
        let th = w.iter().find(|w| w.id == "2018-thailand").unwrap();
        assert_eq!(th.calendar, Calendar::Buddhist);
        assert_eq!(th.utc_offset_min, 420);
        assert_eq!(th.rule.modules, RequiredModules::All);
        assert!(w.iter().all(|w| w.details == WorkshopDetails::default()));
    }

    #[test]
    fn offsets_parse_strictly() {
        assert_eq!(parse_offset("+08:00"), Some(480));
        assert_eq!(parse_offset("-03:30"), Some(-210));
        for bad in ["08:00", "+8:00", "+08", "+15:00", "+08:60", ""] {
            assert_eq!(parse_offset(bad), None, "{bad}");
        }
    }

    #[test]
    fn details_are_checked() {
        let ok = WorkshopDetails {
            city: "  Kuala Lumpur ".into(),
            start_date: "2018-08-01".into(),
            end_date: "2018-08-02".into(),
            ..Default::default()
        }
        .validated()
        .unwrap();
        assert_eq!(ok.city, "Kuala Lumpur");
        for bad in [
            WorkshopDetails {
                start_date: "2018-13-01".into(),
                ..Default::default()
            },
            WorkshopDetails {
                start_date: "2018-08-02".into(),
                end_date: "2018-08-01".into(),
                ..Default::default()
            },
            WorkshopDetails {
                host: "x".repeat(121),
                ..Default::default()
            },
        ] {
            assert!(bad.validated().is_err());
        }
    }

    #[test]
    fn a_bad_seed_names_the_workshop_and_field() {
        let text = SEEDS.replacen("calendar = \"buddhist\"", "calendar = \"lunar\"", 1);
        let e = parse_seeds(&text).unwrap_err().to_string();
        assert!(e.contains("2018-thailand") && e.contains("calendar"), "{e}");
    }
}
