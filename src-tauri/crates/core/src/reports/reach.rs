//! Reach: how many people enrolled, started, finished each module, passed each quiz, did the
//! self-assessment and were certified, per workshop, per economy and in all. The total row is
//! the funnel.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::Scope;
use super::facts::Facts;
use crate::content::Pack;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Workshop,
    /// The sum over an economy's workshops (each person once), when it has more than one.
    Economy,
    /// People enrolled in no workshop.
    NoWorkshop,
    /// Everyone the filter picks, each person once.
    Total,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReachRow {
    pub kind: RowKind,
    /// The economy's English name (workshop and economy rows).
    pub economy: Option<String>,
    /// The workshop's id (workshop rows).
    pub workshop: Option<String>,
    pub enrolled: u32,
    pub started: u32,
    /// Per module, in course order: people who finished every lesson of it.
    pub modules_finished: Vec<u32>,
    /// Per module, in course order: people who passed its quiz (`None` without a quiz).
    pub quizzes_passed: Vec<Option<u32>>,
    /// People who finished every lesson of the course.
    pub course_finished: u32,
    /// People who passed every quiz.
    pub all_quizzes_passed: u32,
    pub assessed: u32,
    /// People holding at least one certificate of this row's workshops.
    pub certified: u32,
    /// Certificates of this row's workshops: more than `certified` when someone holds two
    /// (issued on two laptops, for instance).
    pub certificates: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reach {
    /// Module ids in course order: the columns of `modules_finished` and `quizzes_passed`.
    pub modules: Vec<String>,
    pub rows: Vec<ReachRow>,
    /// Per person (in the order of [`super::Reports::people`]): what they have done.
    pub people: Vec<PersonReach>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonReach {
    /// Per module, in course order: finished every lesson.
    pub modules: Vec<bool>,
    pub lessons_done: u32,
    pub modules_finished: u32,
    pub quizzes_passed: u32,
    pub certificates: u32,
}

/// What one person has done.
struct Done {
    started: bool,
    modules: Vec<bool>,
    quizzes: Vec<bool>,
    assessed: bool,
    /// Workshop id of each certificate.
    certificates: Vec<String>,
}

pub(super) fn compute(facts: &Facts, pack: &Pack, scope: &Scope<'_>) -> Reach {
    let n = scope.people.len();
    let module_ids: Vec<String> = pack.modules.iter().map(|m| m.id.clone()).collect();
    let module_index: std::collections::HashMap<&str, usize> = module_ids
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    let mut started = vec![false; n];
    for p in &facts.started {
        if let Some(&i) = scope.person_of.get(p.as_str()) {
            started[i] = true;
        }
    }
    let mut done_lessons: Vec<HashSet<&str>> = vec![HashSet::new(); n];
    for (p, lesson) in &facts.done_lessons {
        if let Some(&i) = scope.person_of.get(p.as_str()) {
            done_lessons[i].insert(lesson);
        }
    }
    let mut quizzes = vec![vec![false; module_ids.len()]; n];
    for (p, module) in &facts.passed {
        if let (Some(&i), Some(&m)) = (
            scope.person_of.get(p.as_str()),
            module_index.get(module.as_str()),
        ) {
            quizzes[i][m] = true;
        }
    }
    let mut assessed = vec![false; n];
    for p in &facts.assessed {
        if let Some(&i) = scope.person_of.get(p.as_str()) {
            assessed[i] = true;
        }
    }
    let mut certificates: Vec<Vec<String>> = vec![Vec::new(); n];
    for c in &facts.certificates {
        if let Some(&i) = scope.person_of.get(c.profile_id.as_str()) {
            certificates[i].push(c.workshop_id.clone());
        }
    }
    let done: Vec<Done> = (0..n)
        .map(|i| Done {
            started: started[i],
            modules: pack
                .modules
                .iter()
                .map(|m| {
                    !m.lessons.is_empty()
                        && m.lessons
                            .iter()
                            .all(|l| done_lessons[i].contains(l.id.as_str()))
                })
                .collect(),
            quizzes: std::mem::take(&mut quizzes[i]),
            assessed: assessed[i],
            certificates: std::mem::take(&mut certificates[i]),
        })
        .collect();
    let has_quiz: Vec<bool> = pack.modules.iter().map(|m| m.quiz.is_some()).collect();

    let row = |kind,
               economy: Option<&str>,
               workshop: Option<&str>,
               members: &[usize],
               counts: &dyn Fn(&str) -> bool| {
        let mut r = ReachRow {
            kind,
            economy: economy.map(str::to_string),
            workshop: workshop.map(str::to_string),
            enrolled: members.len() as u32,
            started: 0,
            modules_finished: vec![0; module_ids.len()],
            quizzes_passed: has_quiz.iter().map(|&q| q.then_some(0)).collect(),
            course_finished: 0,
            all_quizzes_passed: 0,
            assessed: 0,
            certified: 0,
            certificates: 0,
        };
        for &i in members {
            let d = &done[i];
            r.started += u32::from(d.started);
            for (m, &f) in d.modules.iter().enumerate() {
                r.modules_finished[m] += u32::from(f);
            }
            for (m, &p) in d.quizzes.iter().enumerate() {
                if let Some(c) = r.quizzes_passed[m].as_mut() {
                    *c += u32::from(p);
                }
            }
            r.course_finished += u32::from(d.modules.iter().all(|&f| f));
            r.all_quizzes_passed +=
                u32::from(d.quizzes.iter().zip(&has_quiz).all(|(&p, &q)| p || !q));
            r.assessed += u32::from(d.assessed);
            let held = d.certificates.iter().filter(|w| counts(w)).count() as u32;
            r.certified += u32::from(held > 0);
            r.certificates += held;
        }
        r
    };

    // Workshops grouped by economy, in economy then (year, id) order.
    let mut by_economy: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut members_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut nowhere = Vec::new();
    for (i, p) in scope.people.iter().enumerate() {
        if p.workshops.is_empty() {
            nowhere.push(i);
        }
        for w in &p.workshops {
            members_of.entry(w.as_str()).or_default().push(i);
        }
    }
    for w in members_of.keys() {
        by_economy
            .entry(scope.workshops[w].economy.as_str())
            .or_default()
            .push(w);
    }
    let mut rows = Vec::new();
    for (economy, mut workshops) in by_economy {
        workshops.sort_by_key(|w| (scope.workshops[w].year, *w));
        let mut everyone = Vec::new();
        for w in &workshops {
            let members = &members_of[w];
            everyone.extend(members.iter().copied());
            rows.push(row(
                RowKind::Workshop,
                Some(economy),
                Some(w),
                members,
                &|c: &str| c == *w,
            ));
        }
        everyone.sort_unstable();
        everyone.dedup();
        // An economy of one workshop needs no sum of its own: the workshop's row is it.
        if workshops.len() < 2 {
            continue;
        }
        rows.push(row(
            RowKind::Economy,
            Some(economy),
            None,
            &everyone,
            &|c: &str| workshops.contains(&c),
        ));
    }
    if !nowhere.is_empty() {
        rows.push(row(
            RowKind::NoWorkshop,
            None,
            None,
            &nowhere,
            &|_: &str| false,
        ));
    }
    let all: Vec<usize> = (0..n).collect();
    rows.push(row(RowKind::Total, None, None, &all, &|c: &str| {
        scope.kept.contains(c)
    }));
    let people = (0..n)
        .map(|i| PersonReach {
            modules: done[i].modules.clone(),
            lessons_done: pack
                .modules
                .iter()
                .flat_map(|m| &m.lessons)
                .filter(|l| done_lessons[i].contains(l.id.as_str()))
                .count() as u32,
            modules_finished: done[i].modules.iter().filter(|&&f| f).count() as u32,
            quizzes_passed: done[i].quizzes.iter().filter(|&&p| p).count() as u32,
            certificates: done[i].certificates.len() as u32,
        })
        .collect();
    Reach {
        modules: module_ids,
        rows,
        people,
    }
}
