//! SQL of the organizer's reports: the facts every report is computed from, read in one
//! read transaction so they agree with each other, and only for the reports asked for.
//! Derived state is computed here the same way the learner's own screens compute it (a
//! lesson's status is its latest completed or uncompleted event, ties broken by arrival; an
//! assessment's answer is the latest to its question), so a report never disagrees with the
//! library.

use std::collections::HashMap;

use super::Db;
use crate::error::Result;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::reports::facts::{
    AnswerFact, AssessmentFact, CertificateFact, EnrolmentFact, Facts, Parts, QuizFact,
};

impl Db {
    pub(crate) fn report_facts(&self, parts: Parts) -> Result<Facts> {
        self.mapped(|| self.read_report_facts(parts))
    }

    /// Runs `read` with the database file mapped into memory: a read of most of the
    /// database (a report, the xAPI statements) then saves copying every page through a read
    /// call. Only for such reads; writes never go through the map.
    pub(crate) fn mapped<T>(&self, read: impl FnOnce() -> T) -> T {
        let _ = self.conn.pragma_update(None, "mmap_size", 1i64 << 30);
        let value = read();
        let _ = self.conn.pragma_update(None, "mmap_size", 0);
        value
    }

    fn read_report_facts(&self, parts: Parts) -> Result<Facts> {
        self.in_transaction_if(false, || {
            let mut f = Facts {
                parts,
                profiles: self.profiles()?,
                links: self.linked_pairs()?,
                workshops: self.workshops()?,
                enrolments: self.rows(
                    "SELECT profile_id, workshop_id, at_ms FROM enrolments ORDER BY at_ms, rowid",
                    [],
                    |r| {
                        Ok(EnrolmentFact {
                            profile_id: r.get(0)?,
                            workshop_id: r.get(1)?,
                            at_ms: r.get(2)?,
                        })
                    },
                )?,
                started: Vec::new(),
                done_lessons: Vec::new(),
                passed: Vec::new(),
                assessed: Vec::new(),
                quizzes: Vec::new(),
                first_answers: HashMap::new(),
                strings: Vec::new(),
                assessments: Vec::new(),
                certificates: Vec::new(),
            };
            if parts.reach {
                self.reach_facts(&mut f)?;
            }
            if parts.learning {
                self.learning_facts(&mut f)?;
            }
            if parts.resilience {
                self.resilience_facts(&mut f)?;
            }
            Ok(f)
        })
    }

    fn reach_facts(&self, f: &mut Facts) -> Result<()> {
        // One pass over the progress events in stored order. A lesson is done when its latest
        // completed-or-uncompleted event (by time, then arrival) says completed: a maximum,
        // so the order the rows come in does not matter, and no sort is needed.
        let mut profiles = Interner::default();
        let mut lessons = Interner::default();
        let mut latest: FxHashMap<(u32, u32), (i64, i64, bool)> = FxHashMap::default();
        self.each(
            "SELECT rowid, profile_id, lesson_id, kind, at_ms FROM progress_events",
            [],
            |r| {
                // Every profile with an event has started.
                let p = profiles.id(r.get_ref(1)?.as_str()?);
                let done = match r.get_ref(3)?.as_str()? {
                    "lesson_completed" => true,
                    "lesson_uncompleted" => false,
                    _ => return Ok(()),
                };
                let l = lessons.id(r.get_ref(2)?.as_str()?);
                let at = (r.get::<_, i64>(4)?, r.get::<_, i64>(0)?);
                let e = latest.entry((p, l)).or_insert((at.0, at.1, done));
                if (at.0, at.1) >= (e.0, e.1) {
                    *e = (at.0, at.1, done);
                }
                Ok(())
            },
        )?;
        f.started = profiles.names.clone();
        let mut done: Vec<(u32, u32)> = latest
            .into_iter()
            .filter(|(_, (_, _, done))| *done)
            .map(|(k, _)| k)
            .collect();
        done.sort_unstable();
        f.done_lessons = done
            .into_iter()
            .map(|(p, l)| {
                (
                    profiles.names[p as usize].clone(),
                    lessons.names[l as usize].clone(),
                )
            })
            .collect();
        f.passed = self.rows(
            "SELECT DISTINCT a.profile_id, a.module_id
             FROM quiz_results r JOIN quiz_attempts a ON a.id = r.attempt_id
             WHERE r.passed = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        f.assessed = self.rows(
            "SELECT DISTINCT a.profile_id
             FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id",
            [],
            |r| r.get(0),
        )?;
        f.certificates = self.rows(
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
        Ok(())
    }

    fn learning_facts(&self, f: &mut Facts) -> Result<()> {
        f.quizzes = self.rows(
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
        let firsts: FxHashSet<&str> = {
            let mut seen = FxHashSet::default();
            f.quizzes
                .iter()
                .filter(|q| seen.insert((q.profile_id.as_str(), q.module_id.as_str())))
                .map(|q| q.attempt_id.as_str())
                .collect()
        };
        let mut answers: HashMap<String, Vec<AnswerFact>> = HashMap::new();
        let mut strings = Interner::default();
        // One pass over the table in its stored order is cheaper than a lookup per attempt.
        self.each(
            "SELECT attempt_id, question_id, option_ids, credit FROM quiz_answers",
            [],
            |r| {
                let attempt = r.get_ref(0)?.as_str()?;
                if firsts.contains(attempt) {
                    let answer = AnswerFact {
                        question: strings.id(r.get_ref(1)?.as_str()?),
                        options: strings.id(r.get_ref(2)?.as_str()?),
                        credit: r.get(3)?,
                    };
                    match answers.get_mut(attempt) {
                        Some(e) => e.push(answer),
                        None => {
                            answers.insert(attempt.to_string(), vec![answer]);
                        }
                    }
                }
                Ok(())
            },
        )?;
        f.first_answers = answers;
        f.strings = strings.names;
        Ok(())
    }

    fn resilience_facts(&self, f: &mut Facts) -> Result<()> {
        f.assessments = self.rows(
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
        // Each profile's latest finished assessment: its answers make the action plan.
        let mut latest: HashMap<&str, usize> = HashMap::new();
        for (i, a) in f.assessments.iter().enumerate() {
            latest.insert(a.profile_id.as_str(), i);
        }
        let wanted: FxHashMap<String, usize> = latest
            .values()
            .map(|&i| (f.assessments[i].id.clone(), i))
            .collect();
        // One pass in stored order; the latest answer to a question (by time, then arrival)
        // is a maximum, so no sort is needed.
        let mut questions = Interner::default();
        let mut answers: FxHashMap<(usize, u32), (i64, i64, u8)> = FxHashMap::default();
        self.each(
            "SELECT rowid, assessment_id, question_id, answer, at_ms FROM assessment_answers",
            [],
            |r| {
                if let Some(&i) = wanted.get(r.get_ref(1)?.as_str()?) {
                    let q = questions.id(r.get_ref(2)?.as_str()?);
                    let at = (r.get::<_, i64>(4)?, r.get::<_, i64>(0)?);
                    let answer: u8 = r.get(3)?;
                    let e = answers.entry((i, q)).or_insert((at.0, at.1, answer));
                    if (at.0, at.1) >= (e.0, e.1) {
                        *e = (at.0, at.1, answer);
                    }
                }
                Ok(())
            },
        )?;
        for ((i, q), (_, _, answer)) in answers {
            f.assessments[i]
                .answers
                .insert(questions.names[q as usize].clone(), answer);
        }
        Ok(())
    }
}

/// Small integers for the few distinct strings of a large scan (profile and lesson ids), so
/// each row costs a lookup, not an allocation.
#[derive(Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }
}
