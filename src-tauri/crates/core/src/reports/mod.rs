//! The organizer's reports over every record on this laptop, its own and imported: reach (who
//! enrolled, started, finished, passed, was certified), learning (quiz scores and an item
//! analysis of every question) and resilience (what the self-assessments say about the firms).
//!
//! One set of numbers: [`compute`] turns the [`Facts`] read from the database into a
//! [`Reports`] value, and [`tables`] turns that into the tables that the window shows and the
//! XLSX and CSV files hold, cell for cell. Nothing else computes a figure.
//!
//! Who is counted:
//! - **People, not profiles.** Profiles the organizer linked as one person count once; a
//!   lesson, quiz or certificate of any of them is the person's.
//! - **Workshops.** A profile belongs to the workshop of its latest enrolment (as on the
//!   trainer's roster); a person to the workshops of their profiles. A person in two workshops
//!   is counted in each workshop's row and once in the totals.
//! - **Filters** pick people: by economy and workshop (any of the person's workshops matches),
//!   and by date range on the day the person enrolled (in the workshop's own time zone), or,
//!   for a person in no workshop, the day their first profile was made (UTC). A person in no
//!   workshop is counted only when no economy or workshop is chosen. Every record of a person
//!   picked counts, whenever it was made: the figures follow a cohort.

pub mod facts;
pub mod files;
pub mod items;
pub mod labels;
mod learning;
mod raw;
mod reach;
mod resilience;
pub mod tables;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::content::Pack;
use crate::error::{CoreError, Result};
use crate::exchange::people;
use crate::workshops::Workshop;
use crate::workshops::dates::{Date, parse_iso};
pub use facts::{Facts, Parts};
pub use learning::{ItemRow, Learning, ModuleScores, WrongOption};
pub use reach::{Reach, ReachRow};
pub use resilience::{Change, PlanStepCount, Resilience, ResilienceRow};

/// Which people a report counts. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportFilter {
    /// Economies by their English name, as in the workshop seeds.
    #[serde(default)]
    pub economies: Vec<String>,
    /// Workshop ids.
    #[serde(default)]
    pub workshops: Vec<String>,
    /// First day, `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub to: Option<String>,
}

/// The reports the facts were read for, computed from the same facts.
#[derive(Debug, Clone)]
pub struct Reports {
    pub filter: ReportFilter,
    pub people: Vec<Person>,
    pub reach: Option<Reach>,
    pub learning: Option<Learning>,
    pub resilience: Option<Resilience>,
    /// One row per record: only when every part was read.
    pub raw: Option<raw::Raw>,
}

/// One person as the reports count them.
#[derive(Debug, Clone)]
pub struct Person {
    /// The id of their oldest profile: stable across laptops and links.
    pub id: String,
    pub name: String,
    /// Their oldest profile's language.
    pub locale: crate::locale::Locale,
    /// Every profile id, oldest first.
    pub profiles: Vec<String>,
    /// Workshops (ids) of their profiles that the filter keeps, in id order.
    pub workshops: Vec<String>,
    /// The day the person enrolled (or was first seen).
    pub since: Date,
    /// The time zone their records' days are counted in: their first workshop's, or UTC.
    pub utc_offset_min: i32,
}

/// The people the filter picks, and for each profile the person it belongs to.
pub(crate) struct Scope<'a> {
    pub people: Vec<Person>,
    /// Profile id -> index into `people`, for profiles of people in scope only.
    pub person_of: HashMap<&'a str, usize>,
    pub workshops: BTreeMap<&'a str, &'a Workshop>,
    /// The workshops the filter keeps (all of them without a place filter).
    pub kept: std::collections::HashSet<&'a str>,
}

fn parse_day(value: &Option<String>, what: &str) -> Result<Option<Date>> {
    match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_iso(v).map(Some).ok_or_else(|| {
            CoreError::InvalidInput(format!("{what}: {v} is not a date (YYYY-MM-DD)"))
        }),
    }
}

fn scope<'a>(facts: &'a Facts, filter: &ReportFilter) -> Result<Scope<'a>> {
    let from = parse_day(&filter.from, "from")?;
    let to = parse_day(&filter.to, "to")?;
    let workshops: BTreeMap<&str, &Workshop> =
        facts.workshops.iter().map(|w| (w.id.as_str(), w)).collect();
    for id in &filter.workshops {
        if !workshops.contains_key(id.as_str()) {
            return Err(CoreError::InvalidInput(format!("no workshop {id}")));
        }
    }
    let workshop_kept = |id: &str| {
        workshops.get(id).is_some_and(|w| {
            (filter.economies.is_empty() || filter.economies.contains(&w.economy))
                && (filter.workshops.is_empty() || filter.workshops.iter().any(|f| f == id))
        })
    };
    let any_place_filter = !filter.economies.is_empty() || !filter.workshops.is_empty();

    // Each profile's latest enrolment, and when it was made.
    let mut enrolment: HashMap<&str, (&str, i64)> = HashMap::new();
    for e in &facts.enrolments {
        enrolment.insert(&e.profile_id, (&e.workshop_id, e.at_ms));
    }
    let mut profiles: Vec<&crate::learning::Learner> = facts.profiles.iter().collect();
    profiles.sort_by(|a, b| (a.created_at_ms, &a.id).cmp(&(b.created_at_ms, &b.id)));
    let ids: Vec<String> = profiles.iter().map(|p| p.id.clone()).collect();
    let by_id: HashMap<&str, &crate::learning::Learner> =
        profiles.iter().map(|p| (p.id.as_str(), *p)).collect();
    let rank: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();

    let mut groups = people::groups(&ids, &facts.links);
    for g in &mut groups {
        g.sort_by_key(|id| rank[id.as_str()]);
    }
    groups.sort_by_key(|g| rank[g[0].as_str()]);

    let mut people = Vec::new();
    let mut person_of = HashMap::new();
    for group in &groups {
        let first = by_id[group[0].as_str()];
        let mut all_workshops = BTreeSet::new();
        let mut since: Option<(Date, i32)> = None;
        for id in group {
            if let Some((w, at)) = enrolment.get(id.as_str()) {
                all_workshops.insert(*w);
                let offset = workshops.get(w).map_or(0, |w| w.utc_offset_min);
                let day = Date::at(*at, offset);
                if since.is_none_or(|(s, _)| day < s) {
                    since = Some((day, offset));
                }
            }
        }
        let (since, utc_offset_min) =
            since.unwrap_or_else(|| (Date::at(first.created_at_ms, 0), 0));
        let kept: Vec<String> = all_workshops
            .iter()
            .filter(|w| workshop_kept(w))
            .map(|w| w.to_string())
            .collect();
        if any_place_filter && kept.is_empty() {
            continue;
        }
        if from.is_some_and(|f| since < f) || to.is_some_and(|t| since > t) {
            continue;
        }
        let index = people.len();
        for id in group {
            person_of.insert(by_id[id.as_str()].id.as_str(), index);
        }
        people.push(Person {
            id: first.id.clone(),
            name: first.display_name.clone(),
            locale: first.locale,
            profiles: group.clone(),
            workshops: kept,
            since,
            utc_offset_min,
        });
    }
    let kept = workshops
        .keys()
        .copied()
        .filter(|w| workshop_kept(w))
        .collect();
    Ok(Scope {
        people,
        person_of,
        workshops,
        kept,
    })
}

/// The reports `facts` were read for, for the people `filter` picks.
pub fn compute(facts: &Facts, pack: &Pack, filter: &ReportFilter) -> Result<Reports> {
    let scope = scope(facts, filter)?;
    let parts = facts.parts;
    let reach = parts.reach.then(|| reach::compute(facts, pack, &scope));
    let learning = parts
        .learning
        .then(|| learning::compute(facts, pack, &scope));
    let resilience = parts
        .resilience
        .then(|| resilience::compute(facts, pack, &scope));
    let raw = match (&reach, &learning, &resilience) {
        (Some(_), Some(_), Some(r)) => Some(raw::compute(facts, pack, &scope, r)),
        _ => None,
    };
    Ok(Reports {
        filter: filter.clone(),
        people: scope.people,
        reach,
        learning,
        resilience,
        raw,
    })
}

/// The default name of a report file made at `now_ms` (`sdr-report_2026-12-07.xlsx`); a
/// folder's name without an extension.
pub fn file_name(now_ms: i64, extension: &str) -> String {
    let day = Date::at(now_ms, 0).iso();
    if extension.is_empty() {
        format!("sdr-report_{day}")
    } else {
        format!("sdr-report_{day}.{extension}")
    }
}

/// `part` of `whole` as a percentage with one decimal, or `None` when there is no whole.
pub(crate) fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| round1(100.0 * f64::from(part) / f64::from(whole)))
}

/// Rounded to one decimal, the precision every report shows.
pub(crate) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The mean of `values`, to one decimal, or `None` when there are none.
pub(crate) fn mean1(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| round1(sum / f64::from(n)))
}
