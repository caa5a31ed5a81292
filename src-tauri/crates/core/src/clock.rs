//! The one clock of the app and the command line. The core itself never reads the time: every
//! facade call takes `now_ms`, and the adapters take it from a [`Clock`].
//!
//! Tests fix the clock through one environment variable, [`TEST_CLOCK_VAR`]
//! (`SDR_TEST_CLOCK=2026-11-27T05:00:00Z` or Unix milliseconds). The fixed clock starts at that
//! instant and then advances with the real time elapsed since, so records stay in order while
//! the day is the one the test chose. Only builds with debug assertions honour it (the test
//! builds); a release build ignores it and says so on stderr.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::workshops::dates;

/// The environment variable that fixes the clock in test builds.
pub const TEST_CLOCK_VAR: &str = "SDR_TEST_CLOCK";

/// Where "now" comes from.
#[derive(Debug, Clone)]
pub struct Clock {
    fixed: Option<(i64, Instant)>,
}

impl Clock {
    /// The computer's clock.
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock that reads `start_ms` now and advances with real time from here.
    pub fn starting_at(start_ms: i64) -> Clock {
        Clock {
            fixed: Some((start_ms, Instant::now())),
        }
    }

    /// The clock the adapters use: the system clock, unless `SDR_TEST_CLOCK` is set and
    /// `honour_test_clock` (true only in builds with debug assertions). A value that cannot
    /// be read is an error, never silently the system clock.
    pub fn from_env(honour_test_clock: bool) -> Result<Clock, String> {
        let Some(value) = std::env::var_os(TEST_CLOCK_VAR).filter(|v| !v.is_empty()) else {
            return Ok(Clock::system());
        };
        if !honour_test_clock {
            eprintln!("sdr: {TEST_CLOCK_VAR} is for test builds and is ignored here");
            return Ok(Clock::system());
        }
        let text = value.to_string_lossy();
        parse_instant(&text).map(Clock::starting_at).ok_or_else(|| {
            format!("{TEST_CLOCK_VAR}={text} is neither YYYY-MM-DDTHH:MM:SSZ nor Unix milliseconds")
        })
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        match self.fixed {
            Some((start, at)) => start.saturating_add(at.elapsed().as_millis() as i64),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0),
        }
    }
}

/// `2026-11-27T05:00:00Z` (UTC only) or a whole number of Unix milliseconds.
pub fn parse_instant(text: &str) -> Option<i64> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let (day, time) = text.strip_suffix('Z')?.split_once('T')?;
    let date = dates::parse_iso(day)?;
    let b = time.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let part = |r: std::ops::Range<usize>| dates::digits(&time[r]).map(i64::from);
    let (h, m, s) = (part(0..2)?, part(3..5)?, part(6..8)?);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    Some((dates::days_from_civil(date) * 86_400 + h * 3600 + m * 60 + s) * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshops::dates::Date;

    #[test]
    fn instants_parse_and_round_trip_to_the_same_day() {
        assert_eq!(
            parse_instant("2026-11-27T00:00:00Z"),
            Some(1_795_737_600_000)
        );
        assert_eq!(parse_instant("1795737600000"), Some(1_795_737_600_000));
        let at = parse_instant("2028-02-29T23:59:59Z").unwrap();
        assert_eq!(Date::at(at, 0).iso(), "2028-02-29");
        assert_eq!(Date::at(at, 420).iso(), "2028-03-01");
        for bad in [
            "",
            "2026-11-27",
            "2026-11-27T24:00:00Z",
            "2026-11-27T05:00:00",
            "2026-11-27T05:00:00+07:00",
            "2026-02-30T05:00:00Z",
            "yesterday",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_fixed_clock_starts_where_it_was_set_and_moves_forward() {
        let c = Clock::starting_at(1_000);
        let a = c.now_ms();
        let b = c.now_ms();
        assert!((1_000..1_000 + 60_000).contains(&a), "{a}");
        assert!(b >= a);
    }
}
