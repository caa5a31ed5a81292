//! Calendar dates without a time-zone database: a workshop's economy has one fixed offset,
//! and certificates print the date there, in the learner's language and the workshop's
//! calendar.

use super::Calendar;
use crate::locale::Locale;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The day it is at `at_ms` (Unix milliseconds) in a place `offset_min` minutes east of UTC.
    pub fn at(at_ms: i64, offset_min: i32) -> Date {
        let local_s = at_ms.div_euclid(1000) + i64::from(offset_min) * 60;
        civil_from_days(local_s.div_euclid(86_400))
    }

    /// `2026-11-27`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Date {
        year: (y + i64::from(m <= 2)) as i32,
        month: m,
        day: d,
    }
}

/// Days since 1970-01-01 of a civil date (the inverse of `civil_from_days`).
pub fn days_from_civil(date: Date) -> i64 {
    let m = i64::from(date.month);
    let y = i64::from(date.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(date.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A field of ASCII digits only (no sign, no space), as a number.
pub(crate) fn digits(field: &str) -> Option<u32> {
    if field.is_empty() || !field.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

/// Parses `YYYY-MM-DD` strictly (a real day of a year 1900-2999).
pub fn parse_iso(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits(&s[r]);
    let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
    ((1900..3000).contains(&year) && (1..=12).contains(&month))
        .then_some(())
        .filter(|_| (1..=days_in_month(year, month)).contains(&day))
        .map(|_| Date { year, month, day })
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_MS: [&str; 12] = [
    "Januari",
    "Februari",
    "Mac",
    "April",
    "Mei",
    "Jun",
    "Julai",
    "Ogos",
    "September",
    "Oktober",
    "November",
    "Disember",
];
const MONTHS_FIL: [&str; 12] = [
    "Enero",
    "Pebrero",
    "Marso",
    "Abril",
    "Mayo",
    "Hunyo",
    "Hulyo",
    "Agosto",
    "Setyembre",
    "Oktubre",
    "Nobyembre",
    "Disyembre",
];
const MONTHS_TH: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// The Buddhist Era year of a Gregorian year.
pub fn buddhist_year(year: i32) -> i32 {
    year + 543
}

/// The Minguo year of a Gregorian year (1912 is Minguo 1).
pub fn minguo_year(year: i32) -> i32 {
    year - 1911
}

/// Writes `date` in `locale`, in `calendar` where the language has a form for it; otherwise
/// in the Gregorian form followed by the calendar's year.
pub fn format(date: Date, locale: Locale, calendar: Calendar) -> String {
    let Date { year, month, day } = date;
    let m = (month - 1) as usize;
    match (locale, calendar) {
        (Locale::Th, Calendar::Buddhist) => {
            format!("{day} {} พ.ศ. {}", MONTHS_TH[m], buddhist_year(year))
        }
        (Locale::ZhHant, Calendar::Minguo) => {
            format!("中華民國{}年{month}月{day}日", minguo_year(year))
        }
        (_, Calendar::Gregorian) => gregorian(date, locale),
        (_, Calendar::Buddhist) => {
            let era = match locale {
                Locale::ZhHant => format!("（佛曆{}年）", buddhist_year(year)),
                Locale::Vi => format!(" (Phật lịch {})", buddhist_year(year)),
                _ => format!(" (B.E. {})", buddhist_year(year)),
            };
            format!("{}{era}", gregorian(date, locale))
        }
        (_, Calendar::Minguo) => {
            let era = match locale {
                Locale::Th => format!(" (ปีหมินกั๋วที่ {})", minguo_year(year)),
                _ => format!(" (Minguo {})", minguo_year(year)),
            };
            format!("{}{era}", gregorian(date, locale))
        }
    }
}

fn gregorian(date: Date, locale: Locale) -> String {
    let Date { year, month, day } = date;
    let m = (month - 1) as usize;
    match locale {
        Locale::En => format!("{day} {} {year}", MONTHS_EN[m]),
        Locale::Ms => format!("{day} {} {year}", MONTHS_MS[m]),
        Locale::Fil => format!("{} {day}, {year}", MONTHS_FIL[m]),
        Locale::ZhHant => format!("{year}年{month}月{day}日"),
        Locale::Th => format!("{day} {} ค.ศ. {year}", MONTHS_TH[m]),
        Locale::Vi => format!("ngày {day} tháng {month} năm {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_convert_to_civil_dates() {
        assert_eq!(civil_from_days(0).iso(), "1970-01-01");
        assert_eq!(civil_from_days(11_016).iso(), "2000-02-29");
        assert_eq!(civil_from_days(-1).iso(), "1969-12-31");
        // 2026-11-27T00:00:00Z
        assert_eq!(Date::at(1_795_737_600_000, 0).iso(), "2026-11-27");
    }

    #[test]
    fn the_date_is_the_one_in_the_workshops_economy() {
        // 2026-11-26T20:30Z is already the 27th in Bangkok (+07:00) but not in UTC.
        let at = 1_795_737_600_000 - 3 * 3_600_000 - 1_800_000;
        assert_eq!(Date::at(at, 0).iso(), "2026-11-26");
        assert_eq!(Date::at(at, 420).iso(), "2026-11-27");
    }

    #[test]
    fn days_round_trip() {
        for z in [-800_000, -1, 0, 1, 11_016, 20_784, 2_932_896] {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
    }

    /// 23:30 UTC on the last day of a year, as ms.
    fn new_years_eve_2026_2330_utc() -> i64 {
        (days_from_civil(parse_iso("2026-12-31").unwrap()) * 86_400 + 23 * 3600 + 30 * 60) * 1000
    }

    #[test]
    fn half_past_eleven_utc_is_already_tomorrow_in_viet_nam_and_chinese_taipei() {
        let at =
            (days_from_civil(parse_iso("2026-11-27").unwrap()) * 86_400 + 23 * 3600 + 1800) * 1000;
        assert_eq!(Date::at(at, 0).iso(), "2026-11-27");
        assert_eq!(Date::at(at, 7 * 60).iso(), "2026-11-28");
        assert_eq!(Date::at(at, 8 * 60).iso(), "2026-11-28");
        // 16:59 UTC is 23:59 in Hanoi: still the 27th there; a minute later it is the 28th.
        let hanoi_2359 = at - (6 * 60 + 31) * 60_000;
        assert_eq!(Date::at(hanoi_2359, 7 * 60).iso(), "2026-11-27");
        assert_eq!(Date::at(hanoi_2359 + 60_000, 7 * 60).iso(), "2026-11-28");
    }

    #[test]
    fn buddhist_and_minguo_years_turn_over_at_the_local_new_year() {
        let at = new_years_eve_2026_2330_utc();
        let utc = Date::at(at, 0);
        let bangkok = Date::at(at, 7 * 60);
        let taipei = Date::at(at, 8 * 60);
        assert_eq!(utc.iso(), "2026-12-31");
        assert_eq!(bangkok.iso(), "2027-01-01");
        assert_eq!(
            format(utc, Locale::Th, Calendar::Buddhist),
            "31 ธันวาคม พ.ศ. 2569"
        );
        assert_eq!(
            format(bangkok, Locale::Th, Calendar::Buddhist),
            "1 มกราคม พ.ศ. 2570"
        );
        assert_eq!(
            format(utc, Locale::ZhHant, Calendar::Minguo),
            "中華民國115年12月31日"
        );
        assert_eq!(
            format(taipei, Locale::ZhHant, Calendar::Minguo),
            "中華民國116年1月1日"
        );
        assert_eq!(
            format(taipei, Locale::En, Calendar::Minguo),
            "1 January 2027 (Minguo 116)"
        );
        // Minguo 1 is 1912; the year before it has no Minguo number but still prints.
        assert_eq!(minguo_year(1912), 1);
        assert_eq!(buddhist_year(1957), 2500);
    }

    #[test]
    fn calendars_and_languages() {
        let d = parse_iso("2026-11-27").unwrap();
        assert_eq!(
            format(d, Locale::Th, Calendar::Buddhist),
            "27 พฤศจิกายน พ.ศ. 2569"
        );
        assert_eq!(
            format(d, Locale::ZhHant, Calendar::Minguo),
            "中華民國115年11月27日"
        );
        assert_eq!(
            format(d, Locale::En, Calendar::Buddhist),
            "27 November 2026 (B.E. 2569)"
        );
        assert_eq!(
            format(d, Locale::En, Calendar::Minguo),
            "27 November 2026 (Minguo 115)"
        );
        assert_eq!(
            format(d, Locale::Fil, Calendar::Gregorian),
            "Nobyembre 27, 2026"
        );
        assert_eq!(
            format(d, Locale::Vi, Calendar::Gregorian),
            "ngày 27 tháng 11 năm 2026"
        );
        assert_eq!(
            format(d, Locale::Ms, Calendar::Gregorian),
            "27 November 2026"
        );
    }

    #[test]
    fn iso_dates_parse_strictly() {
        assert!(parse_iso("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2026-1-01",
            "2026-00-10",
            "26-11-27",
            "2026-11-27x",
            "２０２６-11-27",
        ] {
            assert!(parse_iso(bad).is_none(), "{bad}");
        }
    }
}
