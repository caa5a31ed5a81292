//! The records a results file carries: one JSON object per line, tagged by `type`, with the
//! same fields as the tables they come from. Unknown fields are refused (a newer app writes a
//! newer format version instead of adding fields silently).

use serde::{Deserialize, Serialize};

/// One line of a results file's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line {
    /// The first line: who exported what, when.
    Header(Header),
    Profile(Profile),
    ProfileEdit(ProfileEdit),
    Enrolment(Enrolment),
    ProgressEvent(ProgressEvent),
    QuizAttempt(QuizAttempt),
    QuizAnswer(QuizAnswer),
    QuizResult(QuizResult),
    Assessment(Assessment),
    AssessmentAnswer(AssessmentAnswer),
    AssessmentResult(AssessmentResult),
    Certificate(Certificate),
    WorkshopEdit(WorkshopEdit),
    PersonLink(PersonLink),
    /// The last line: how many records came before it.
    End(End),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The app version that wrote the file, for people reading it.
    pub app_version: String,
    /// The exporting laptop's name (its setting, by default the computer's name).
    pub laptop: String,
    pub exported_at_ms: i64,
    /// `all`, `workshop:<id>` or `profile:<id>`.
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct End {
    pub records: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub display_name: String,
    pub locale: String,
    pub created_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileEdit {
    pub id: String,
    pub profile_id: String,
    pub field: String,
    pub value: String,
    pub seq: i64,
    pub at_ms: i64,
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    pub id: String,
    pub profile_id: String,
    pub workshop_id: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressEvent {
    pub id: String,
    pub profile_id: String,
    pub kind: String,
    pub module_id: String,
    pub lesson_id: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizAttempt {
    pub id: String,
    pub profile_id: String,
    pub module_id: String,
    pub seed: i64,
    pub started_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizAnswer {
    pub id: String,
    pub attempt_id: String,
    pub question_id: String,
    /// Chosen option ids, comma-separated, sorted.
    pub option_ids: String,
    /// 0 to 1; written with enough digits to read back exactly.
    pub credit: f64,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizResult {
    pub attempt_id: String,
    pub score: i64,
    pub passed: bool,
    pub pass_mark: i64,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub id: String,
    pub profile_id: String,
    pub started_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentAnswer {
    pub id: String,
    pub assessment_id: String,
    pub question_id: String,
    pub answer: i64,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentResult {
    pub assessment_id: String,
    pub overall: i64,
    /// JSON object text: domain id -> level 0-3, as stored.
    pub levels: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub id: String,
    pub profile_id: String,
    pub workshop_id: String,
    /// The signed payload printed in the certificate's QR code.
    pub payload: String,
    pub issued_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopEdit {
    pub id: String,
    pub workshop_id: String,
    pub city: String,
    pub host: String,
    pub start_date: String,
    pub end_date: String,
    pub seq: i64,
    pub at_ms: i64,
    pub origin: String,
}

/// An organizer's decision that two profiles are one person (`linked`), or no longer are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonLink {
    pub id: String,
    /// The smaller of the two profile ids.
    pub profile_id: String,
    /// The larger.
    pub other_id: String,
    pub linked: bool,
    pub seq: i64,
    pub at_ms: i64,
    pub origin: String,
}

impl Line {
    /// Where this kind of record stands in a file's parents-first order (profiles before
    /// their edits, attempts before their answers, ...).
    pub fn rank(&self) -> usize {
        match self {
            Line::Header(_) => 0,
            Line::Profile(_) => 1,
            Line::ProfileEdit(_) => 2,
            Line::Enrolment(_) => 3,
            Line::ProgressEvent(_) => 4,
            Line::QuizAttempt(_) => 5,
            Line::QuizAnswer(_) => 6,
            Line::QuizResult(_) => 7,
            Line::Assessment(_) => 8,
            Line::AssessmentAnswer(_) => 9,
            Line::AssessmentResult(_) => 10,
            Line::Certificate(_) => 11,
            Line::WorkshopEdit(_) => 12,
            Line::PersonLink(_) => 13,
            Line::End(_) => 14,
        }
    }

    /// What the record is, as a person reads it ("quiz answer"), and its id: how an error
    /// names it.
    pub fn describe(&self) -> (&'static str, &str) {
        match self {
            Line::Header(_) => ("header", ""),
            Line::End(_) => ("end", ""),
            Line::Profile(r) => ("learner profile", &r.id),
            Line::ProfileEdit(r) => ("profile edit", &r.id),
            Line::Enrolment(r) => ("enrolment", &r.id),
            Line::ProgressEvent(r) => ("progress record", &r.id),
            Line::QuizAttempt(r) => ("quiz attempt", &r.id),
            Line::QuizAnswer(r) => ("quiz answer", &r.id),
            Line::QuizResult(r) => ("quiz result", &r.attempt_id),
            Line::Assessment(r) => ("self-assessment", &r.id),
            Line::AssessmentAnswer(r) => ("self-assessment answer", &r.id),
            Line::AssessmentResult(r) => ("self-assessment result", &r.assessment_id),
            Line::Certificate(r) => ("certificate", &r.id),
            Line::WorkshopEdit(r) => ("workshop details", &r.id),
            Line::PersonLink(r) => ("person link", &r.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written_and_unknown_fields_are_refused() {
        let answer = Line::QuizAnswer(QuizAnswer {
            id: "a".into(),
            attempt_id: "b".into(),
            question_id: "q1".into(),
            option_ids: "x,y".into(),
            credit: 1.0 / 3.0,
            at_ms: 5,
        });
        let text = serde_json::to_string(&answer).unwrap();
        assert!(text.starts_with(r#"{"type":"quiz_answer","#), "{text}");
        assert_eq!(serde_json::from_str::<Line>(&text).unwrap(), answer);
        let extra = text.replace(r#""at_ms":5"#, r#""at_ms":5,"extra":1"#);
        assert!(serde_json::from_str::<Line>(&extra).is_err());
        let unknown = r#"{"type":"mystery","id":"x"}"#;
        assert!(serde_json::from_str::<Line>(unknown).is_err());
    }
}
