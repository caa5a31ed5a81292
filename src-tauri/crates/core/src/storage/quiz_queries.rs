//! SQL of quiz attempts, answers and results.

use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::error::Result;
use crate::learning::quiz::{Attempt, RecordedAnswer, RecordedResult};

impl Db {
    pub(crate) fn insert_attempt(&self, a: &Attempt) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO quiz_attempts (id, profile_id, module_id, seed, started_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![a.id, a.profile_id, a.module_id, a.seed as i64, a.started_at_ms],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    pub(crate) fn attempt(&self, id: &str) -> Result<Option<Attempt>> {
        self.conn
            .query_row(
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
            .optional()
            .map_err(|e| self.classify(e))
    }

    /// The newest attempt at a module's quiz that has no result yet.
    pub(crate) fn open_attempt(&self, profile_id: &str, module_id: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT a.id FROM quiz_attempts a LEFT JOIN quiz_results r ON r.attempt_id = a.id
                 WHERE a.profile_id = ?1 AND a.module_id = ?2 AND r.attempt_id IS NULL
                 ORDER BY a.started_at_ms DESC, a.rowid DESC LIMIT 1",
                [profile_id, module_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.classify(e))
    }

    pub(crate) fn insert_answer(&self, a: &RecordedAnswer) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO quiz_answers (id, attempt_id, question_id, option_ids, credit, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![a.id, a.attempt_id, a.question_id, a.option_ids.join(","), a.credit, a.at_ms],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    pub(crate) fn answers(&self, attempt_id: &str) -> Result<Vec<RecordedAnswer>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, attempt_id, question_id, option_ids, credit, at_ms FROM quiz_answers WHERE attempt_id = ?1 ORDER BY at_ms, rowid",
            )
            .map_err(|e| self.classify(e))?;
        let rows = stmt
            .query_map([attempt_id], |r| {
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
            })
            .map_err(|e| self.classify(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.classify(e))
    }

    pub(crate) fn insert_result(&self, r: &RecordedResult) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO quiz_results (attempt_id, score, passed, pass_mark, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![r.attempt_id, r.score, r.passed, r.pass_mark, r.at_ms],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    pub(crate) fn result_of(&self, attempt_id: &str) -> Result<Option<RecordedResult>> {
        self.conn
            .query_row(
                "SELECT r.attempt_id, a.module_id, r.score, r.passed, r.pass_mark, r.at_ms
                 FROM quiz_results r JOIN quiz_attempts a ON a.id = r.attempt_id
                 WHERE r.attempt_id = ?1",
                [attempt_id],
                result_from_row,
            )
            .optional()
            .map_err(|e| self.classify(e))
    }

    /// A learner's quiz results, oldest first.
    pub(crate) fn results(&self, profile_id: &str) -> Result<Vec<RecordedResult>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT r.attempt_id, a.module_id, r.score, r.passed, r.pass_mark, r.at_ms
                 FROM quiz_results r JOIN quiz_attempts a ON a.id = r.attempt_id
                 WHERE a.profile_id = ?1 ORDER BY r.at_ms, r.rowid",
            )
            .map_err(|e| self.classify(e))?;
        let rows = stmt
            .query_map([profile_id], result_from_row)
            .map_err(|e| self.classify(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.classify(e))
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
