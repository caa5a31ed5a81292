//! SQL of the organizer's reports: the facts every report is computed from, read in one
//! read transaction so they agree with each other. Derived state is computed here the same way
//! the learner's own screens compute it (a lesson's status is its latest completed or
//! uncompleted event, ties broken by arrival), so a report never disagrees with the library.

use std::collections::HashMap;

use super::Db;
use crate::error::Result;
use crate::reports::facts::{AssessmentFact, CertificateFact, EnrolmentFact, Facts, QuizFact};

impl Db {
    pub(crate) fn report_facts(&self) -> Result<Facts> {
        self.in_transaction_if(false, || {
            let profiles = self.profiles()?;
            let links = self.linked_pairs()?;
            let workshops = self.workshops()?;
            let enrolments = self.rows(
                "SELECT profile_id, workshop_id, at_ms FROM enrolments ORDER BY at_ms, rowid",
                [],
                |r| {
                    Ok(EnrolmentFact {
                        profile_id: r.get(0)?,
                        workshop_id: r.get(1)?,
                        at_ms: r.get(2)?,
                    })
                },
            )?;
            let started =
                self.rows("SELECT DISTINCT profile_id FROM progress_events", [], |r| {
                    r.get(0)
                })?;
            let done_lessons = self.rows(
                "SELECT profile_id, lesson_id FROM (
                     SELECT profile_id, lesson_id, kind, ROW_NUMBER() OVER (
                         PARTITION BY profile_id, lesson_id ORDER BY at_ms DESC, rowid DESC) AS n
                     FROM progress_events
                     WHERE kind IN ('lesson_completed', 'lesson_uncompleted'))
                 WHERE n = 1 AND kind = 'lesson_completed'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let quizzes = self.rows(
                "SELECT a.id, a.profile_id, a.module_id, a.started_at_ms, r.score, r.passed
                 FROM quiz_attempts a JOIN quiz_results r ON r.attempt_id = a.id
                 ORDER BY a.started_at_ms, a.id",
                [],
                |r| {
                    Ok(QuizFact {
                        attempt_id: r.get(0)?,
                        profile_id: r.get(1)?,
                        module_id: r.get(2)?,
                        started_at_ms: r.get(3)?,
                        score: r.get(4)?,
                        passed: r.get(5)?,
                    })
                },
            )?;
            // The answers of each profile's first finished attempt at each quiz: the item
            // analysis reads only those (a person's first attempt is one of them).
            let mut first_answers: HashMap<String, Vec<(String, String, f64)>> = HashMap::new();
            self.each(
                "WITH firsts AS (
                     SELECT id FROM (
                         SELECT a.id, ROW_NUMBER() OVER (
                             PARTITION BY a.profile_id, a.module_id
                             ORDER BY a.started_at_ms, a.id) AS n
                         FROM quiz_attempts a JOIN quiz_results r ON r.attempt_id = a.id)
                     WHERE n = 1)
                 SELECT q.attempt_id, q.question_id, q.option_ids, q.credit
                 FROM firsts f JOIN quiz_answers q ON q.attempt_id = f.id",
                [],
                |r| {
                    first_answers.entry(r.get(0)?).or_default().push((
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                    ));
                    Ok(())
                },
            )?;
            let mut assessments = self.rows(
                "SELECT a.id, a.profile_id, r.at_ms, r.overall, r.levels
                 FROM assessments a JOIN assessment_results r ON r.assessment_id = a.id
                 ORDER BY r.at_ms, r.rowid",
                [],
                |r| {
                    let levels: String = r.get(4)?;
                    Ok(AssessmentFact {
                        id: r.get(0)?,
                        profile_id: r.get(1)?,
                        at_ms: r.get(2)?,
                        overall: r.get(3)?,
                        // Written by the core; a record that does not parse counts no level.
                        levels: serde_json::from_str(&levels).unwrap_or_default(),
                        answers: HashMap::new(),
                    })
                },
            )?;
            let mut answers: HashMap<String, HashMap<String, u8>> = HashMap::new();
            self.each(
                "SELECT assessment_id, question_id, answer FROM assessment_answers
                 ORDER BY at_ms, rowid",
                [],
                |r| {
                    answers
                        .entry(r.get(0)?)
                        .or_default()
                        .insert(r.get(1)?, r.get(2)?);
                    Ok(())
                },
            )?;
            for a in &mut assessments {
                a.answers = answers.remove(&a.id).unwrap_or_default();
            }
            let certificates = self.rows(
                "SELECT id, profile_id, workshop_id, issued_at_ms FROM certificates
                 ORDER BY issued_at_ms, id",
                [],
                |r| {
                    Ok(CertificateFact {
                        id: r.get(0)?,
                        profile_id: r.get(1)?,
                        workshop_id: r.get(2)?,
                        issued_at_ms: r.get(3)?,
                    })
                },
            )?;
            Ok(Facts {
                profiles,
                links,
                workshops,
                enrolments,
                started,
                done_lessons,
                quizzes,
                first_answers,
                assessments,
                certificates,
            })
        })
    }
}
