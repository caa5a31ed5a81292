//! SQL of the xAPI statements: every record a statement is made from, streamed table by table
//! in one read transaction (a programme's answers run to hundreds of thousands of rows, so
//! nothing is collected first).

use rustc_hash::FxHashMap;

use super::Db;
use crate::error::Result;
use crate::xapi::Record;

impl Db {
    pub(crate) fn each_xapi_record(&self, f: impl FnMut(Record<'_>)) -> Result<()> {
        self.mapped(|| self.read_xapi_records(f))
    }

    fn read_xapi_records(&self, mut f: impl FnMut(Record<'_>)) -> Result<()> {
        self.in_transaction_if(false, || {
            self.each(
                "SELECT id, profile_id, workshop_id, at_ms FROM enrolments ORDER BY at_ms, rowid",
                [],
                |r| {
                    f(Record::Enrolment {
                        id: r.get_ref(0)?.as_str()?,
                        profile: r.get_ref(1)?.as_str()?,
                        workshop: r.get_ref(2)?.as_str()?,
                        at_ms: r.get(3)?,
                    });
                    Ok(())
                },
            )?;
            self.each(
                "SELECT id, profile_id, module_id, lesson_id, at_ms FROM progress_events
                 WHERE kind = 'lesson_completed'",
                [],
                |r| {
                    f(Record::LessonCompleted {
                        id: r.get_ref(0)?.as_str()?,
                        profile: r.get_ref(1)?.as_str()?,
                        module: r.get_ref(2)?.as_str()?,
                        lesson: r.get_ref(3)?.as_str()?,
                        at_ms: r.get(4)?,
                    });
                    Ok(())
                },
            )?;
            self.each(
                "SELECT a.id, a.profile_id, a.module_id, r.score, r.passed, r.at_ms
                 FROM quiz_results r JOIN quiz_attempts a ON a.id = r.attempt_id",
                [],
                |r| {
                    f(Record::QuizResult {
                        attempt: r.get_ref(0)?.as_str()?,
                        profile: r.get_ref(1)?.as_str()?,
                        module: r.get_ref(2)?.as_str()?,
                        score: r.get(3)?,
                        passed: r.get(4)?,
                        at_ms: r.get(5)?,
                    });
                    Ok(())
                },
            )?;
            // Each answer's attempt from a map made once: cheaper than a join looking the
            // attempt up for every one of a programme's million answers.
            let mut attempts: FxHashMap<String, (String, String)> = FxHashMap::default();
            self.each(
                "SELECT id, profile_id, module_id FROM quiz_attempts",
                [],
                |r| {
                    attempts.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
                    Ok(())
                },
            )?;
            self.each(
                "SELECT id, attempt_id, question_id, option_ids, credit, at_ms FROM quiz_answers",
                [],
                |r| {
                    let attempt = r.get_ref(1)?.as_str()?;
                    if let Some((profile, module)) = attempts.get(attempt) {
                        f(Record::Answer {
                            id: r.get_ref(0)?.as_str()?,
                            profile,
                            module,
                            question: r.get_ref(2)?.as_str()?,
                            options: r.get_ref(3)?.as_str()?,
                            credit: r.get(4)?,
                            at_ms: r.get(5)?,
                            attempt,
                        });
                    }
                    Ok(())
                },
            )?;
            self.each(
                "SELECT a.id, a.profile_id, r.overall, r.levels, r.at_ms
                 FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id",
                [],
                |r| {
                    f(Record::Assessment {
                        id: r.get_ref(0)?.as_str()?,
                        profile: r.get_ref(1)?.as_str()?,
                        overall: r.get(2)?,
                        levels: r.get_ref(3)?.as_str()?,
                        at_ms: r.get(4)?,
                    });
                    Ok(())
                },
            )?;
            self.each(
                "SELECT id, profile_id, workshop_id, issued_at_ms FROM certificates",
                [],
                |r| {
                    f(Record::Certificate {
                        id: r.get_ref(0)?.as_str()?,
                        profile: r.get_ref(1)?.as_str()?,
                        workshop: r.get_ref(2)?.as_str()?,
                        at_ms: r.get(3)?,
                    });
                    Ok(())
                },
            )
        })
    }
}
