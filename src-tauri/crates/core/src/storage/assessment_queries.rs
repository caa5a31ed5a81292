//! SQL of self-assessments.

use std::collections::{BTreeMap, HashMap};

use rusqlite::params;

use super::Db;
use crate::error::{CoreError, Result};

/// A finished assessment as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredResult {
    pub assessment_id: String,
    pub overall: u32,
    pub levels: BTreeMap<String, u8>,
    pub at_ms: i64,
}

impl Db {
    pub(crate) fn insert_assessment(&self, id: &str, profile_id: &str, now_ms: i64) -> Result<()> {
        self.exec(
            "INSERT INTO assessments (id, profile_id, started_at_ms) VALUES (?1, ?2, ?3)",
            params![id, profile_id, now_ms],
        )?;
        Ok(())
    }

    /// The owner of an assessment, if it exists.
    pub(crate) fn assessment_owner(&self, id: &str) -> Result<Option<String>> {
        self.row(
            "SELECT profile_id FROM assessments WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
    }

    pub(crate) fn open_assessment(&self, profile_id: &str) -> Result<Option<String>> {
        self.row(
            "SELECT a.id FROM assessments a LEFT JOIN assessment_results r ON r.assessment_id = a.id
             WHERE a.profile_id = ?1 AND r.assessment_id IS NULL
             ORDER BY a.started_at_ms DESC, a.rowid DESC LIMIT 1",
            [profile_id],
            |r| r.get(0),
        )
    }

    pub(crate) fn insert_assessment_answer(
        &self,
        id: &str,
        assessment_id: &str,
        question_id: &str,
        answer: u8,
        now_ms: i64,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO assessment_answers (id, assessment_id, question_id, answer, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, assessment_id, question_id, answer, now_ms],
        )?;
        Ok(())
    }

    /// The latest answer to each question.
    pub(crate) fn assessment_answers(&self, assessment_id: &str) -> Result<HashMap<String, u8>> {
        let rows = self.rows(
            "SELECT question_id, answer FROM assessment_answers WHERE assessment_id = ?1 ORDER BY at_ms, rowid",
            [assessment_id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?)),
        )?;
        // Later rows overwrite earlier ones: the latest answer counts.
        Ok(rows.into_iter().collect())
    }

    pub(crate) fn insert_assessment_result(&self, r: &StoredResult) -> Result<()> {
        let levels = serde_json::to_string(&r.levels).expect("levels serialize");
        self.exec(
            "INSERT INTO assessment_results (assessment_id, overall, levels, at_ms) VALUES (?1, ?2, ?3, ?4)",
            params![r.assessment_id, r.overall, levels, r.at_ms],
        )?;
        Ok(())
    }

    /// A learner's finished assessments, oldest first.
    pub(crate) fn assessment_results(&self, profile_id: &str) -> Result<Vec<StoredResult>> {
        let rows = self.rows(
            "SELECT r.assessment_id, r.overall, r.levels, r.at_ms FROM assessment_results r
             JOIN assessments a ON a.id = r.assessment_id
             WHERE a.profile_id = ?1 ORDER BY r.at_ms, r.rowid",
            [profile_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            },
        )?;
        rows.into_iter()
            .map(|(assessment_id, overall, levels, at_ms)| {
                let levels =
                    serde_json::from_str(&levels).map_err(|e| CoreError::DatabaseCorrupt {
                        path: self.path.clone(),
                        detail: format!("assessment result {assessment_id}: {e}"),
                    })?;
                Ok(StoredResult {
                    assessment_id,
                    overall,
                    levels,
                    at_ms,
                })
            })
            .collect()
    }
}
