//! The raw sheets: one row per learner, per quiz result, per self-assessment and per
//! certificate of the people a report counts, for organizers who want to filter and pivot
//! themselves. Days are counted in the person's workshop's time zone.

use super::facts::Facts;
use super::labels::Labels;
use super::resilience::Resilience;
use super::tables::{Cell, Column, ColumnKind, Section, Table, col, count};
use super::{Reports, Scope};
use crate::content::Pack;
use crate::workshops::dates::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct QuizRow {
    pub person: usize,
    pub module: String,
    /// 1 for the person's first finished attempt at this quiz.
    pub attempt: u32,
    pub day: Date,
    pub score: u32,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRow {
    pub person: usize,
    pub day: Date,
    pub overall: u32,
    /// Per domain, in the assessment's order.
    pub levels: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CertificateRow {
    pub person: usize,
    pub workshop: String,
    pub id: String,
    pub day: Date,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Raw {
    pub quizzes: Vec<QuizRow>,
    pub assessments: Vec<AssessmentRow>,
    pub certificates: Vec<CertificateRow>,
}

pub(super) fn compute(
    facts: &Facts,
    pack: &Pack,
    scope: &Scope<'_>,
    resilience: &Resilience,
) -> Raw {
    let day = |person: usize, at: i64| Date::at(at, scope.people[person].utc_offset_min);
    let mut attempts: std::collections::HashMap<(usize, &str), u32> = Default::default();
    let mut quizzes = Vec::new();
    for q in &facts.quizzes {
        let Some(&p) = scope.person_of.get(q.profile_id.as_str()) else {
            continue;
        };
        if pack.module(&q.module_id).is_none() {
            continue;
        }
        let n = attempts.entry((p, q.module_id.as_str())).or_default();
        *n += 1;
        quizzes.push(QuizRow {
            person: p,
            module: q.module_id.clone(),
            attempt: *n,
            day: day(p, q.started_at_ms),
            score: q.score,
            passed: q.passed,
        });
    }
    let assessments = facts
        .assessments
        .iter()
        .filter_map(|a| {
            let &p = scope.person_of.get(a.profile_id.as_str())?;
            Some(AssessmentRow {
                person: p,
                day: day(p, a.at_ms),
                overall: a.overall,
                levels: resilience
                    .domains
                    .iter()
                    .map(|d| a.levels.get(d).copied().unwrap_or(0))
                    .collect(),
            })
        })
        .collect();
    let certificates = facts
        .certificates
        .iter()
        .filter_map(|c| {
            let &p = scope.person_of.get(c.profile_id.as_str())?;
            Some(CertificateRow {
                person: p,
                workshop: c.workshop_id.clone(),
                id: c.id.clone(),
                day: day(p, c.issued_at_ms),
            })
        })
        .collect();
    Raw {
        quizzes,
        assessments,
        certificates,
    }
}

pub(super) fn tables(
    reports: &Reports,
    labels: &Labels,
    module: &dyn Fn(&str) -> String,
    domain: &dyn Fn(&str) -> String,
    workshop: &dyn Fn(&str) -> String,
) -> Vec<Table> {
    let (Some(raw), Some(reach), Some(resilience)) =
        (&reports.raw, &reports.reach, &reports.resilience)
    else {
        return Vec::new();
    };
    let people = &reports.people;
    let who = |p: usize| {
        vec![
            Cell::Text(people[p].id.clone()),
            Cell::Text(people[p].name.clone()),
        ]
    };
    let person_columns = || {
        vec![
            col(labels, "col.person", ColumnKind::Text),
            col(labels, "col.name", ColumnKind::Text),
        ]
    };
    let yes_no = |b: bool| Cell::Text(labels.text(if b { "value.yes" } else { "value.no" }));

    let mut learner_columns = person_columns();
    learner_columns.extend([
        col(labels, "col.profiles", ColumnKind::Count),
        col(labels, "col.workshop", ColumnKind::Text),
        col(labels, "col.since", ColumnKind::Date),
        col(labels, "col.lessons_done", ColumnKind::Count),
        col(labels, "col.modules_finished", ColumnKind::Count),
        col(labels, "col.quizzes_passed", ColumnKind::Count),
        col(labels, "col.latest_index", ColumnKind::Count),
        col(labels, "col.certificates", ColumnKind::Count),
    ]);
    let learners = Table {
        id: "learners".into(),
        section: Section::Raw,
        title: labels.text("learners.title"),
        note: None,
        columns: learner_columns,
        rows: people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let r = &reach.people[i];
                let mut row = who(i);
                row.extend([
                    count(p.profiles.len() as u32),
                    if p.workshops.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(
                            p.workshops
                                .iter()
                                .map(|w| workshop(w))
                                .collect::<Vec<_>>()
                                .join("; "),
                        )
                    },
                    Cell::Date(p.since.iso()),
                    count(r.lessons_done),
                    count(r.modules_finished),
                    count(r.quizzes_passed),
                    resilience.latest[i].map_or(Cell::Empty, count),
                    count(r.certificates),
                ]);
                row
            })
            .collect(),
    };

    let mut quiz_columns = person_columns();
    quiz_columns.extend([
        col(labels, "col.module", ColumnKind::Text),
        col(labels, "col.attempt", ColumnKind::Count),
        col(labels, "col.date", ColumnKind::Date),
        col(labels, "col.score", ColumnKind::Count),
        col(labels, "col.passed", ColumnKind::Text),
    ]);
    let quiz_results = Table {
        id: "quiz-results".into(),
        section: Section::Raw,
        title: labels.text("quiz_results.title"),
        note: None,
        columns: quiz_columns,
        rows: raw
            .quizzes
            .iter()
            .map(|q| {
                let mut row = who(q.person);
                row.extend([
                    Cell::Text(module(&q.module)),
                    count(q.attempt),
                    Cell::Date(q.day.iso()),
                    count(q.score),
                    yes_no(q.passed),
                ]);
                row
            })
            .collect(),
    };

    let mut level_columns = person_columns();
    level_columns.extend([
        col(labels, "col.date", ColumnKind::Date),
        col(labels, "col.index", ColumnKind::Count),
    ]);
    level_columns.extend(resilience.domains.iter().map(|d| Column {
        label: domain(d),
        kind: ColumnKind::Count,
    }));
    let levels = Table {
        id: "assessment-levels".into(),
        section: Section::Raw,
        title: labels.text("assessment_levels.title"),
        note: None,
        columns: level_columns,
        rows: raw
            .assessments
            .iter()
            .map(|a| {
                let mut row = who(a.person);
                row.extend([Cell::Date(a.day.iso()), count(a.overall)]);
                row.extend(a.levels.iter().map(|&l| count(u32::from(l))));
                row
            })
            .collect(),
    };

    let mut certificate_columns = person_columns();
    certificate_columns.extend([
        col(labels, "col.workshop", ColumnKind::Text),
        col(labels, "col.certificate", ColumnKind::Text),
        col(labels, "col.date", ColumnKind::Date),
    ]);
    let certificates = Table {
        id: "certificates".into(),
        section: Section::Raw,
        title: labels.text("certificates.title"),
        note: None,
        columns: certificate_columns,
        rows: raw
            .certificates
            .iter()
            .map(|c| {
                let mut row = who(c.person);
                row.extend([
                    Cell::Text(workshop(&c.workshop)),
                    Cell::Text(c.id.clone()),
                    Cell::Date(c.day.iso()),
                ]);
                row
            })
            .collect(),
    };
    vec![learners, quiz_results, levels, certificates]
}
