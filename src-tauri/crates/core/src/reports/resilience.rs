//! Resilience: what the self-assessments say about the firms. Each person's latest assessment
//! gives their firm's current state (maturity per domain, overall index, first step of the
//! action plan); people who did it more than once show the change from their first.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::facts::{AssessmentFact, Facts};
use super::reach::RowKind;
use super::{Scope, mean1, round1, share};
use crate::content::Pack;
use crate::learning::assessment::action_plan;

/// Index bands of the distribution: 0-9, ..., 90-100.
pub const BANDS: usize = 10;
/// How many of the most common first steps are listed.
pub const TOP_STEPS: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResilienceRow {
    pub kind: RowKind,
    pub economy: Option<String>,
    /// People with at least one finished assessment.
    pub assessed: u32,
    pub mean_index: Option<f64>,
    /// Mean maturity level (0-3) per domain, in the assessment's domain order.
    pub domains: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanStepCount {
    pub question: String,
    pub domain: String,
    /// People whose latest action plan starts with this step.
    pub people: u32,
    /// Of the people assessed (percent).
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// People with two or more finished assessments.
    pub people: u32,
    pub first_index: Option<f64>,
    pub latest_index: Option<f64>,
    /// Mean of each person's latest index minus their first.
    pub change: Option<f64>,
    pub domains_first: Vec<Option<f64>>,
    pub domains_latest: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resilience {
    /// Domain ids in the assessment's order: the columns of every `domains` list.
    pub domains: Vec<String>,
    pub rows: Vec<ResilienceRow>,
    /// Latest indexes counted in bands of ten points (the last band is 90-100).
    pub bands: Vec<u32>,
    pub first_steps: Vec<PlanStepCount>,
    pub change: Change,
    /// Per person (in the order of [`super::Reports::people`]): their latest index.
    pub latest: Vec<Option<u32>>,
}

fn level_means(domains: &[String], of: &[&AssessmentFact]) -> Vec<Option<f64>> {
    domains
        .iter()
        .map(|d| {
            mean1(
                of.iter()
                    .map(|a| f64::from(a.levels.get(d).copied().unwrap_or(0))),
            )
        })
        .collect()
}

pub(super) fn compute(facts: &Facts, pack: &Pack, scope: &Scope<'_>) -> Resilience {
    let domains: Vec<String> = pack
        .assessment
        .as_ref()
        .map(|a| a.domains.clone())
        .unwrap_or_default();
    // Facts are oldest first: the first seen is the person's first, the last their latest.
    let mut first: HashMap<usize, &AssessmentFact> = HashMap::new();
    let mut latest: HashMap<usize, &AssessmentFact> = HashMap::new();
    let mut count: HashMap<usize, u32> = HashMap::new();
    for a in &facts.assessments {
        if let Some(&p) = scope.person_of.get(a.profile_id.as_str()) {
            first.entry(p).or_insert(a);
            latest.insert(p, a);
            *count.entry(p).or_default() += 1;
        }
    }
    let mut people: Vec<usize> = latest.keys().copied().collect();
    people.sort_unstable();

    let row = |kind, economy: Option<&str>, members: &[usize]| {
        let of: Vec<&AssessmentFact> = members
            .iter()
            .filter_map(|p| latest.get(p).copied())
            .collect();
        ResilienceRow {
            kind,
            economy: economy.map(str::to_string),
            assessed: of.len() as u32,
            mean_index: mean1(of.iter().map(|a| f64::from(a.overall))),
            domains: level_means(&domains, &of),
        }
    };
    let mut by_economy: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut nowhere = Vec::new();
    for &p in &people {
        let workshops = &scope.people[p].workshops;
        if workshops.is_empty() {
            nowhere.push(p);
        }
        for w in workshops {
            by_economy
                .entry(scope.workshops[w.as_str()].economy.as_str())
                .or_default()
                .insert(p);
        }
    }
    let mut rows: Vec<ResilienceRow> = by_economy
        .iter()
        .map(|(e, members)| {
            let members: Vec<usize> = members.iter().copied().collect();
            row(RowKind::Economy, Some(e), &members)
        })
        .collect();
    if !nowhere.is_empty() {
        rows.push(row(RowKind::NoWorkshop, None, &nowhere));
    }
    rows.push(row(RowKind::Total, None, &people));

    let mut bands = vec![0u32; BANDS];
    for p in &people {
        bands[(latest[p].overall as usize / 10).min(BANDS - 1)] += 1;
    }

    let mut steps: HashMap<&str, u32> = HashMap::new();
    if let Some(assessment) = &pack.assessment {
        for p in &people {
            if let Some(step) = action_plan(&assessment.questions, &latest[p].answers).first() {
                *steps.entry(step.id.as_str()).or_default() += 1;
            }
        }
    }
    let assessed = people.len() as u32;
    let mut first_steps: Vec<PlanStepCount> = pack
        .assessment
        .iter()
        .flat_map(|a| a.questions.iter())
        .filter_map(|q| {
            steps.get(q.id.as_str()).map(|&n| PlanStepCount {
                question: q.id.clone(),
                domain: q.domain.clone(),
                people: n,
                share: share(n, assessed).unwrap_or(0.0),
            })
        })
        .collect();
    // Most common first; on a tie, in the assessment's order (the sort is stable).
    first_steps.sort_by_key(|s| std::cmp::Reverse(s.people));
    first_steps.truncate(TOP_STEPS);

    let again: Vec<usize> = people.iter().copied().filter(|p| count[p] > 1).collect();
    let firsts: Vec<&AssessmentFact> = again.iter().map(|p| first[p]).collect();
    let latests: Vec<&AssessmentFact> = again.iter().map(|p| latest[p]).collect();
    let change = Change {
        people: again.len() as u32,
        first_index: mean1(firsts.iter().map(|a| f64::from(a.overall))),
        latest_index: mean1(latests.iter().map(|a| f64::from(a.overall))),
        change: mean1(
            again
                .iter()
                .map(|p| f64::from(latest[p].overall) - f64::from(first[p].overall)),
        )
        .map(round1),
        domains_first: level_means(&domains, &firsts),
        domains_latest: level_means(&domains, &latests),
    };
    let latest = (0..scope.people.len())
        .map(|p| latest.get(&p).map(|a| a.overall))
        .collect();
    Resilience {
        domains,
        rows,
        bands,
        first_steps,
        change,
        latest,
    }
}
