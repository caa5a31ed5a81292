//! SQL of quiz attempts, answers and results.

use rusqlite::params;

use super::Db;
use crate::error::Result;
use crate::learning::quiz::{Attempt, RecordedAnswer, RecordedResult};

impl Db {
    pub(crate) fn insert_attempt(&self, a: &Attempt) -> Result<()> {
        self.exec(
            "INSERT INTO quiz_attempts (id, profile_id, module_id, seed, started_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![a.id, a.profile_id, a.module_id, a.seed as i64, a.started_at_ms],
        )?;
        Ok(())
    }

    pub(crate) fn attempt(&self, id: &str) -> Result<Option<Attempt>> {
        self.row(
            "SELECT id, profile_id, module_id, seed, started_at_ms FROM quiz_attempts WHERE id = ?1",
            [id],
            |r| {
                Ok(Attempt {
                    id: r.get(0)?,
                    profile_id: r.get(1)?,
                    module_id: r.get(2)?,
                    seed: r.get::<_, i64>(3)? as u64,
                    started_at_ms: r.get(4)?,
                })
            },
        )
    }

    /// The newest attempt at a module's quiz that has no result yet.
    pub(crate) fn open_attempt(&self, profile_id: &str, module_id: &str) -> Result<Option<String>> {
        self.row(
            "SELECT a.id FROM quiz_attempts a LEFT JOIN quiz_results r ON r.attempt_id = a.id
             WHERE a.profile_id = ?1 AND a.module_id = ?2 AND r.attempt_id IS NULL
             ORDER BY a.started_at_ms DESC, a.rowid DESC LIMIT 1",
            [profile_id, module_id],
            |r| r.get(0),
        )
    }

    pub(crate) fn insert_answer(&self, a: &RecordedAnswer) -> Result<()> {
        self.exec(
            "INSERT INTO quiz_answers (id, attempt_id, question_id, option_ids, credit, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![a.id, a.attempt_id, a.question_id, a.option_ids.join(","), a.credit, a.at_ms],
        )?;
        Ok(())
    }

    pub(crate) fn answers(&self, attempt_id: &str) -> Result<Vec<RecordedAnswer>> {
        self.rows(
            "SELECT id, attempt_id, question_id, option_ids, credit, at_ms FROM quiz_answers WHERE attempt_id = ?1 ORDER BY at_ms, rowid",
            [attempt_id],
            |r| {
                let ids: String = r.get(3)?;
                Ok(RecordedAnswer {
                    id: r.get(0)?,
                    attempt_id: r.get(1)?,
                    question_id: r.get(2)?,
                    option_ids: ids
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect(),
                    credit: r.get(4)?,
                    at_ms: r.get(5)?,
                })
            },
        )
    }

    pub(crate) fn insert_result(&self, r: &RecordedResult) -> Result<()> {
        self.exec(
            "INSERT INTO quiz_results (attempt_id, score, passed, pass_mark, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![r.attempt_id, r.score, r.passed, r.pass_mark, r.at_ms],
        )?;
        Ok(())
    }

    pub(crate) fn result_of(&self, attempt_id: &str) -> Result<Option<RecordedResult>> {
        self.row(
            "SELECT r.attempt_id, a.module_id, r.score, r.passed, r.pass_mark, r.at_ms
             FROM quiz_results r JOIN quiz_attempts a ON a.id = r.attempt_id
             WHERE r.attempt_id = ?1",
            [attempt_id],
            result_from_row,
        )
    }

    /// A learner's quiz results, oldest first.
    pub(crate) fn results(&self, profile_id: &str) -> Result<Vec<RecordedResult>> {
        self.rows(
            "SELECT r.attempt_id, a.module_id, r.score, r.passed, r.pass_mark, r.at_ms
             FROM quiz_results r JOIN quiz_attempts a ON a.id = r.attempt_id
             WHERE a.profile_id = ?1 ORDER BY r.at_ms, r.rowid",
            [profile_id],
            result_from_row,
        )
    }
}

fn result_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RecordedResult> {
    Ok(RecordedResult {
        attempt_id: r.get(0)?,
        module_id: r.get(1)?,
        score: r.get(2)?,
        passed: r.get(3)?,
        pass_mark: r.get(4)?,
        at_ms: r.get(5)?,
    })
}
