//! SQL of the results exchange: reading a learner's records out as file lines, merging file
//! lines in by id, the import log, and the counts behind `sdr status`.
//!
//! Every exchanged table is described once in [`TABLES`]; a row and a record convert through
//! the record's JSON form, so a column added to a table and its record needs no code here.

use rusqlite::params;
use rusqlite::types::Value;

use super::Db;
use crate::error::{CoreError, Result};
use crate::exchange::records::Line;

/// One exchanged table.
struct Table {
    /// The record's `type` in the file.
    kind: &'static str,
    name: &'static str,
    /// In the record's field order; the first is the record's id.
    columns: &'static [&'static str],
    /// Columns stored as 0/1 and written as `true`/`false`.
    bools: &'static [&'static str],
    /// Selects one learner's rows (`?1` is the profile id).
    of_profile: &'static str,
    /// The column the app orders this table's rows by.
    time: &'static str,
}

/// The tables a learner's records live in, parents before children: the order of a file.
const TABLES: &[Table] = &[
    Table {
        kind: "profile",
        name: "profiles",
        columns: &["id", "display_name", "locale", "created_at_ms"],
        bools: &[],
        of_profile: "id = ?1",
        time: "created_at_ms",
    },
    Table {
        kind: "profile_edit",
        name: "profile_edits",
        columns: &[
            "id",
            "profile_id",
            "field",
            "value",
            "seq",
            "at_ms",
            "origin",
        ],
        bools: &[],
        of_profile: "profile_id = ?1",
        time: "at_ms",
    },
    Table {
        kind: "enrolment",
        name: "enrolments",
        columns: &["id", "profile_id", "workshop_id", "at_ms"],
        bools: &[],
        of_profile: "profile_id = ?1",
        time: "at_ms",
    },
    Table {
        kind: "progress_event",
        name: "progress_events",
        columns: &[
            "id",
            "profile_id",
            "kind",
            "module_id",
            "lesson_id",
            "at_ms",
        ],
        bools: &[],
        of_profile: "profile_id = ?1",
        time: "at_ms",
    },
    Table {
        kind: "quiz_attempt",
        name: "quiz_attempts",
        columns: &["id", "profile_id", "module_id", "seed", "started_at_ms"],
        bools: &[],
        of_profile: "profile_id = ?1",
        time: "started_at_ms",
    },
    Table {
        kind: "quiz_answer",
        name: "quiz_answers",
        columns: &[
            "id",
            "attempt_id",
            "question_id",
            "option_ids",
            "credit",
            "at_ms",
        ],
        bools: &[],
        of_profile: "attempt_id IN (SELECT id FROM quiz_attempts WHERE profile_id = ?1)",
        time: "at_ms",
    },
    Table {
        kind: "quiz_result",
        name: "quiz_results",
        columns: &["attempt_id", "score", "passed", "pass_mark", "at_ms"],
        bools: &["passed"],
        of_profile: "attempt_id IN (SELECT id FROM quiz_attempts WHERE profile_id = ?1)",
        time: "at_ms",
    },
    Table {
        kind: "assessment",
        name: "assessments",
        columns: &["id", "profile_id", "started_at_ms"],
        bools: &[],
        of_profile: "profile_id = ?1",
        time: "started_at_ms",
    },
    Table {
        kind: "assessment_answer",
        name: "assessment_answers",
        columns: &["id", "assessment_id", "question_id", "answer", "at_ms"],
        bools: &[],
        of_profile: "assessment_id IN (SELECT id FROM assessments WHERE profile_id = ?1)",
        time: "at_ms",
    },
    Table {
        kind: "assessment_result",
        name: "assessment_results",
        columns: &["assessment_id", "overall", "levels", "at_ms"],
        bools: &[],
        of_profile: "assessment_id IN (SELECT id FROM assessments WHERE profile_id = ?1)",
        time: "at_ms",
    },
    Table {
        kind: "certificate",
        name: "certificates",
        columns: &["id", "profile_id", "workshop_id", "payload", "issued_at_ms"],
        bools: &[],
        of_profile: "profile_id = ?1",
        time: "issued_at_ms",
    },
];

/// Workshop details are not a learner's: they follow the learners' records.
const WORKSHOP_EDITS: Table = Table {
    kind: "workshop_edit",
    name: "workshop_edits",
    columns: &[
        "id",
        "workshop_id",
        "city",
        "host",
        "start_date",
        "end_date",
        "seq",
        "at_ms",
        "origin",
    ],
    bools: &[],
    of_profile: "workshop_id = ?1",
    time: "at_ms",
};

/// An organizer's links between two profiles: they follow every learner's records, and go
/// into a file only when both profiles do.
const PERSON_LINKS: Table = Table {
    kind: "person_link",
    name: "person_links",
    columns: &[
        "id",
        "profile_id",
        "other_id",
        "linked",
        "seq",
        "at_ms",
        "origin",
    ],
    bools: &["linked"],
    of_profile: "profile_id = ?1",
    time: "at_ms",
};

/// Every exchanged table.
fn all_tables() -> impl Iterator<Item = &'static Table> {
    TABLES.iter().chain([&WORKSHOP_EDITS, &PERSON_LINKS])
}

fn table(kind: &str) -> Option<&'static Table> {
    all_tables().find(|t| t.kind == kind)
}

/// In which order rows are read out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// The order they were stored in here (time, then arrival): a file keeps it, so records
    /// made in the same millisecond stay in order on the laptop that imports them.
    Stored,
    /// By id: the same on every laptop holding the same records, for the data digest.
    Canonical,
}

/// What merging one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Merged {
    /// It was not here; now it is.
    New,
    /// It was here already, the same in every field.
    Known,
}

/// A record's id is here with other content, or its content breaks a rule of the table.
#[derive(Debug)]
pub(crate) enum MergeFault {
    Conflict,
    Refused(String),
    Other(CoreError),
}

impl Db {
    /// The ids of the learners an export covers, oldest first.
    pub(crate) fn profile_ids(&self) -> Result<Vec<String>> {
        self.rows(
            "SELECT id FROM profiles ORDER BY created_at_ms, id",
            [],
            |r| r.get(0),
        )
    }

    /// Every record of one learner, parents before children, to `sink`.
    pub(crate) fn learner_lines(
        &self,
        profile_id: &str,
        order: Order,
        sink: &mut dyn FnMut(Line) -> Result<()>,
    ) -> Result<()> {
        for t in TABLES {
            self.table_lines(t, profile_id, order, sink)?;
        }
        Ok(())
    }

    /// Every edit of one workshop's details, to `sink`.
    pub(crate) fn workshop_edit_lines(
        &self,
        workshop_id: &str,
        order: Order,
        sink: &mut dyn FnMut(Line) -> Result<()>,
    ) -> Result<()> {
        self.table_lines(&WORKSHOP_EDITS, workshop_id, order, sink)
    }

    /// The person links between two of `profiles`, to `sink`.
    pub(crate) fn person_link_lines(
        &self,
        profiles: &[String],
        order: Order,
        sink: &mut dyn FnMut(Line) -> Result<()>,
    ) -> Result<()> {
        let both_here: std::collections::HashSet<&str> =
            profiles.iter().map(String::as_str).collect();
        // Each link is stored under the smaller of its two profile ids.
        for id in profiles {
            self.table_lines(&PERSON_LINKS, id, order, &mut |line| match &line {
                Line::PersonLink(l) if both_here.contains(l.other_id.as_str()) => sink(line),
                _ => Ok(()),
            })?;
        }
        Ok(())
    }

    /// Records a decision about two profiles (ids in either order): the same person, or not.
    pub(crate) fn link_people(
        &self,
        id: &str,
        a: &str,
        b: &str,
        linked: bool,
        now_ms: i64,
        origin: &str,
    ) -> Result<()> {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.exec(
            "INSERT INTO person_links (id, profile_id, other_id, linked, seq, at_ms, origin)
             VALUES (?1, ?2, ?3, ?4,
                     1 + coalesce((SELECT max(seq) FROM person_links WHERE profile_id = ?2 AND other_id = ?3), 0),
                     ?5, ?6)",
            params![id, a, b, linked, now_ms, origin],
        )?;
        Ok(())
    }

    /// The pairs of profiles whose latest decision is "the same person".
    pub(crate) fn linked_pairs(&self) -> Result<Vec<(String, String)>> {
        self.rows(
            "SELECT l.profile_id, l.other_id FROM person_links l
             WHERE l.linked = 1 AND l.id = (
                 SELECT x.id FROM person_links x
                 WHERE x.profile_id = l.profile_id AND x.other_id = l.other_id
                 ORDER BY x.seq DESC, x.at_ms DESC, x.id DESC LIMIT 1)
             ORDER BY l.profile_id, l.other_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// The workshops with edited details.
    pub(crate) fn edited_workshops(&self) -> Result<Vec<String>> {
        self.rows(
            "SELECT DISTINCT workshop_id FROM workshop_edits ORDER BY workshop_id",
            [],
            |r| r.get(0),
        )
    }

    /// The workshops a learner was ever enrolled in.
    pub(crate) fn enrolled_workshops(&self, profile_id: &str) -> Result<Vec<String>> {
        self.rows(
            "SELECT DISTINCT workshop_id FROM enrolments WHERE profile_id = ?1 ORDER BY workshop_id",
            [profile_id],
            |r| r.get(0),
        )
    }

    fn table_lines(
        &self,
        t: &Table,
        owner: &str,
        order: Order,
        sink: &mut dyn FnMut(Line) -> Result<()>,
    ) -> Result<()> {
        let order_by = match order {
            Order::Stored => format!("{}, rowid", t.time),
            Order::Canonical => t.columns[0].to_string(),
        };
        let sql = format!(
            "SELECT {} FROM {} WHERE {} ORDER BY {order_by}",
            t.columns.join(", "),
            t.name,
            t.of_profile
        );
        let rows: Vec<Vec<Value>> = self.rows(&sql, [owner], |r| {
            (0..t.columns.len()).map(|i| r.get::<_, Value>(i)).collect()
        })?;
        for values in rows {
            sink(line_of(t, values)?)?;
        }
        Ok(())
    }

    /// Stores one record unless its id is here already. A known id with the same content is
    /// [`Merged::Known`]; with other content, [`MergeFault::Conflict`].
    pub(crate) fn merge_line(&self, line: &Line) -> std::result::Result<Merged, MergeFault> {
        let (t, values) = values_of(line).map_err(MergeFault::Other)?;
        let (insert, same) = statements(t);
        let inserted = self
            .sql(|c| {
                c.prepare_cached(insert)?
                    .execute(rusqlite::params_from_iter(values.iter()))
            })
            .map_err(|e| match e {
                CoreError::Sql(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
                {
                    MergeFault::Refused(e.to_string())
                }
                e => MergeFault::Other(e),
            })?;
        if inserted == 1 {
            return Ok(Merged::New);
        }
        let same: bool = self
            .sql(|c| {
                c.prepare_cached(same)?
                    .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))
            })
            .map_err(MergeFault::Other)?;
        if same {
            Ok(Merged::Known)
        } else {
            Err(MergeFault::Conflict)
        }
    }

    /// How many rows each exchanged table holds, in file order (then workshop edits).
    pub(crate) fn record_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        all_tables()
            .map(|t| {
                let n: i64 = self
                    .row(&format!("SELECT count(*) FROM {}", t.name), [], |r| {
                        r.get(0)
                    })?
                    .unwrap_or(0);
                Ok((t.kind, n))
            })
            .collect()
    }

    /// When a file with this body digest and signer was imported here, if it was.
    pub(crate) fn imported_at(&self, digest: &str, signer: &str) -> Result<Option<i64>> {
        self.row(
            "SELECT imported_at_ms FROM import_log WHERE digest = ?1 AND signer = ?2 ORDER BY id LIMIT 1",
            [digest, signer],
            |r| r.get(0),
        )
    }

    pub(crate) fn log_import(&self, e: &ImportLogRow) -> Result<()> {
        self.exec(
            "INSERT INTO import_log (digest, file_name, signer, signer_label, laptop, scope, exported_at_ms,
                                     imported_at_ms, learners_new, learners_known, records_new, records_known)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                e.digest,
                e.file_name,
                e.signer,
                e.signer_label,
                e.laptop,
                e.scope,
                e.exported_at_ms,
                e.imported_at_ms,
                e.learners_new,
                e.learners_known,
                e.records_new,
                e.records_known
            ],
        )?;
        Ok(())
    }

    /// Every import, newest first.
    pub(crate) fn import_log(&self) -> Result<Vec<ImportLogRow>> {
        self.rows(
            "SELECT digest, file_name, signer, signer_label, laptop, scope, exported_at_ms, imported_at_ms,
                    learners_new, learners_known, records_new, records_known
             FROM import_log ORDER BY id DESC",
            [],
            |r| {
                Ok(ImportLogRow {
                    digest: r.get(0)?,
                    file_name: r.get(1)?,
                    signer: r.get(2)?,
                    signer_label: r.get(3)?,
                    laptop: r.get(4)?,
                    scope: r.get(5)?,
                    exported_at_ms: r.get(6)?,
                    imported_at_ms: r.get(7)?,
                    learners_new: r.get(8)?,
                    learners_known: r.get(9)?,
                    records_new: r.get(10)?,
                    records_known: r.get(11)?,
                })
            },
        )
    }
}

/// One line of the import log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImportLogRow {
    pub digest: String,
    pub file_name: String,
    pub signer: String,
    pub signer_label: String,
    pub laptop: String,
    pub scope: String,
    pub exported_at_ms: i64,
    pub imported_at_ms: i64,
    pub learners_new: i64,
    pub learners_known: i64,
    pub records_new: i64,
    pub records_known: i64,
}

/// A table's two merge statements: insert unless the id is taken, and whether a row with
/// exactly these values is there. Built once.
fn statements(t: &Table) -> (&'static str, &'static str) {
    static SQL: std::sync::OnceLock<Vec<(&'static str, String, String)>> =
        std::sync::OnceLock::new();
    let all = SQL.get_or_init(|| {
        all_tables()
            .map(|t| {
                let marks: Vec<String> = (1..=t.columns.len()).map(|i| format!("?{i}")).collect();
                let insert = format!(
                    "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING",
                    t.name,
                    t.columns.join(", "),
                    marks.join(", ")
                );
                let same = format!(
                    "SELECT EXISTS (SELECT 1 FROM {} WHERE {})",
                    t.name,
                    t.columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| format!("{c} IS ?{}", i + 1))
                        .collect::<Vec<_>>()
                        .join(" AND ")
                );
                (t.kind, insert, same)
            })
            .collect()
    });
    let (_, insert, same) = all
        .iter()
        .find(|(kind, _, _)| *kind == t.kind)
        .expect("every table has its statements");
    (insert, same)
}

/// A row as its record: the columns become the record's fields.
fn line_of(t: &Table, values: Vec<Value>) -> Result<Line> {
    let mut object = serde_json::Map::new();
    object.insert("type".into(), t.kind.into());
    for (column, value) in t.columns.iter().zip(values) {
        let json = match value {
            Value::Integer(i) if t.bools.contains(column) => serde_json::Value::Bool(i != 0),
            Value::Integer(i) => i.into(),
            Value::Real(f) => f.into(),
            Value::Text(s) => s.into(),
            Value::Null | Value::Blob(_) => serde_json::Value::Null,
        };
        object.insert((*column).into(), json);
    }
    serde_json::from_value(serde_json::Value::Object(object))
        .map_err(|e| CoreError::Internal(format!("a stored {} does not read back: {e}", t.kind)))
}

/// A record as its table's row, in [`TABLES`]' column order (a test holds this to the
/// record's JSON form, [`values_by_json`]).
fn values_of(line: &Line) -> Result<(&'static Table, Vec<Value>)> {
    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }
    let int = Value::Integer;
    let (kind, values) = match line {
        Line::Profile(r) => (
            "profile",
            vec![
                text(&r.id),
                text(&r.display_name),
                text(&r.locale),
                int(r.created_at_ms),
            ],
        ),
        Line::ProfileEdit(r) => (
            "profile_edit",
            vec![
                text(&r.id),
                text(&r.profile_id),
                text(&r.field),
                text(&r.value),
                int(r.seq),
                int(r.at_ms),
                text(&r.origin),
            ],
        ),
        Line::Enrolment(r) => (
            "enrolment",
            vec![
                text(&r.id),
                text(&r.profile_id),
                text(&r.workshop_id),
                int(r.at_ms),
            ],
        ),
        Line::ProgressEvent(r) => (
            "progress_event",
            vec![
                text(&r.id),
                text(&r.profile_id),
                text(&r.kind),
                text(&r.module_id),
                text(&r.lesson_id),
                int(r.at_ms),
            ],
        ),
        Line::QuizAttempt(r) => (
            "quiz_attempt",
            vec![
                text(&r.id),
                text(&r.profile_id),
                text(&r.module_id),
                int(r.seed),
                int(r.started_at_ms),
            ],
        ),
        Line::QuizAnswer(r) => (
            "quiz_answer",
            vec![
                text(&r.id),
                text(&r.attempt_id),
                text(&r.question_id),
                text(&r.option_ids),
                Value::Real(r.credit),
                int(r.at_ms),
            ],
        ),
        Line::QuizResult(r) => (
            "quiz_result",
            vec![
                text(&r.attempt_id),
                int(r.score),
                int(r.passed.into()),
                int(r.pass_mark),
                int(r.at_ms),
            ],
        ),
        Line::Assessment(r) => (
            "assessment",
            vec![text(&r.id), text(&r.profile_id), int(r.started_at_ms)],
        ),
        Line::AssessmentAnswer(r) => (
            "assessment_answer",
            vec![
                text(&r.id),
                text(&r.assessment_id),
                text(&r.question_id),
                int(r.answer),
                int(r.at_ms),
            ],
        ),
        Line::AssessmentResult(r) => (
            "assessment_result",
            vec![
                text(&r.assessment_id),
                int(r.overall),
                text(&r.levels),
                int(r.at_ms),
            ],
        ),
        Line::Certificate(r) => (
            "certificate",
            vec![
                text(&r.id),
                text(&r.profile_id),
                text(&r.workshop_id),
                text(&r.payload),
                int(r.issued_at_ms),
            ],
        ),
        Line::WorkshopEdit(r) => (
            "workshop_edit",
            vec![
                text(&r.id),
                text(&r.workshop_id),
                text(&r.city),
                text(&r.host),
                text(&r.start_date),
                text(&r.end_date),
                int(r.seq),
                int(r.at_ms),
                text(&r.origin),
            ],
        ),
        Line::PersonLink(r) => (
            "person_link",
            vec![
                text(&r.id),
                text(&r.profile_id),
                text(&r.other_id),
                int(r.linked.into()),
                int(r.seq),
                int(r.at_ms),
                text(&r.origin),
            ],
        ),
        Line::Header(_) | Line::End(_) => {
            return Err(CoreError::Internal(
                "a header or end line is not a record".into(),
            ));
        }
    };
    let t = table(kind).ok_or_else(|| CoreError::Internal(kind.into()))?;
    Ok((t, values))
}

/// A record as its table's row, through its JSON form: the field names are the column names.
#[cfg(test)]
fn values_by_json(line: &Line) -> Result<(&'static Table, Vec<Value>)> {
    let internal = |what: &str| CoreError::Internal(format!("record to row: {what}"));
    let serde_json::Value::Object(mut object) =
        serde_json::to_value(line).map_err(|e| internal(&e.to_string()))?
    else {
        return Err(internal("not an object"));
    };
    let kind = object
        .get("type")
        .and_then(|k| k.as_str())
        .ok_or_else(|| internal("no type"))?;
    let t = table(kind).ok_or_else(|| internal(kind))?;
    let values = t
        .columns
        .iter()
        .map(|c| match object.remove(*c) {
            Some(serde_json::Value::Bool(b)) => Ok(Value::Integer(b.into())),
            Some(serde_json::Value::Number(n)) => Ok(match n.as_i64() {
                Some(i) => Value::Integer(i),
                None => Value::Real(n.as_f64().unwrap_or(f64::NAN)),
            }),
            Some(serde_json::Value::String(s)) => Ok(Value::Text(s)),
            _ => Err(internal(c)),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((t, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_kind_has_one_table_whose_columns_are_its_fields() {
        let kinds = [
            "profile",
            "profile_edit",
            "enrolment",
            "progress_event",
            "quiz_attempt",
            "quiz_answer",
            "quiz_result",
            "assessment",
            "assessment_answer",
            "assessment_result",
            "certificate",
            "workshop_edit",
            "person_link",
        ];
        for kind in kinds {
            assert!(table(kind).is_some(), "{kind}");
        }
        assert_eq!(all_tables().count(), kinds.len());
    }

    #[test]
    fn a_record_becomes_the_same_row_field_by_field_as_by_its_json_names() {
        use crate::exchange::records::*;
        let lines = vec![
            Line::Profile(Profile {
                id: "p".into(),
                display_name: "สมชาย".into(),
                locale: "th".into(),
                created_at_ms: 1,
            }),
            Line::ProfileEdit(ProfileEdit {
                id: "e".into(),
                profile_id: "p".into(),
                field: "locale".into(),
                value: "en".into(),
                seq: 2,
                at_ms: 3,
                origin: "L".into(),
            }),
            Line::Enrolment(Enrolment {
                id: "n".into(),
                profile_id: "p".into(),
                workshop_id: "w".into(),
                at_ms: 4,
            }),
            Line::ProgressEvent(ProgressEvent {
                id: "v".into(),
                profile_id: "p".into(),
                kind: "lesson_completed".into(),
                module_id: "m".into(),
                lesson_id: "l".into(),
                at_ms: 5,
            }),
            Line::QuizAttempt(QuizAttempt {
                id: "a".into(),
                profile_id: "p".into(),
                module_id: "m".into(),
                seed: -6,
                started_at_ms: 7,
            }),
            Line::QuizAnswer(QuizAnswer {
                id: "q".into(),
                attempt_id: "a".into(),
                question_id: "x".into(),
                option_ids: "o1,o2".into(),
                credit: 0.5,
                at_ms: 8,
            }),
            Line::QuizResult(QuizResult {
                attempt_id: "a".into(),
                score: 90,
                passed: true,
                pass_mark: 70,
                at_ms: 9,
            }),
            Line::Assessment(Assessment {
                id: "s".into(),
                profile_id: "p".into(),
                started_at_ms: 10,
            }),
            Line::AssessmentAnswer(AssessmentAnswer {
                id: "aa".into(),
                assessment_id: "s".into(),
                question_id: "k".into(),
                answer: 2,
                at_ms: 11,
            }),
            Line::AssessmentResult(AssessmentResult {
                assessment_id: "s".into(),
                overall: 55,
                levels: "{}".into(),
                at_ms: 12,
            }),
            Line::Certificate(Certificate {
                id: "c".into(),
                profile_id: "p".into(),
                workshop_id: "w".into(),
                payload: "SDR1.x.y".into(),
                issued_at_ms: 13,
            }),
            Line::WorkshopEdit(WorkshopEdit {
                id: "we".into(),
                workshop_id: "w".into(),
                city: "Hà Nội".into(),
                host: "h".into(),
                start_date: "2018-09-10".into(),
                end_date: "".into(),
                seq: 1,
                at_ms: 14,
                origin: "L".into(),
            }),
            Line::PersonLink(PersonLink {
                id: "pl".into(),
                profile_id: "a".into(),
                other_id: "b".into(),
                linked: true,
                seq: 2,
                at_ms: 15,
                origin: "Organizer".into(),
            }),
        ];
        assert_eq!(lines.len(), all_tables().count(), "one of each kind");
        for line in &lines {
            let (t1, direct) = values_of(line).unwrap();
            let (t2, by_json) = values_by_json(line).unwrap();
            assert_eq!(t1.kind, t2.kind);
            assert_eq!(direct, by_json, "{}", t1.kind);
        }
    }
}
