//! The facts every report is computed from, as read from the database in one go
//! (`storage::report_queries`). Plain data: the computation in this module's siblings is pure.

use std::collections::HashMap;

use crate::learning::Learner;
use crate::workshops::Workshop;

#[derive(Debug, Clone)]
pub struct EnrolmentFact {
    pub profile_id: String,
    pub workshop_id: String,
    pub at_ms: i64,
}

/// A finished quiz attempt.
#[derive(Debug, Clone)]
pub struct QuizFact {
    pub attempt_id: String,
    pub profile_id: String,
    pub module_id: String,
    pub started_at_ms: i64,
    pub score: u32,
    pub passed: bool,
}

/// A finished self-assessment, with its latest answer to each question.
#[derive(Debug, Clone)]
pub struct AssessmentFact {
    pub id: String,
    pub profile_id: String,
    pub at_ms: i64,
    pub overall: u32,
    /// Domain id -> maturity level, as recorded.
    pub levels: HashMap<String, u8>,
    pub answers: HashMap<String, u8>,
}

#[derive(Debug, Clone)]
pub struct CertificateFact {
    pub id: String,
    pub profile_id: String,
    pub workshop_id: String,
    pub issued_at_ms: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub profiles: Vec<Learner>,
    /// Pairs of profiles the organizer linked as one person (currently linked).
    pub links: Vec<(String, String)>,
    pub workshops: Vec<Workshop>,
    /// Oldest first.
    pub enrolments: Vec<EnrolmentFact>,
    /// Profiles that opened or completed at least one lesson.
    pub started: Vec<String>,
    /// (profile, lesson) pairs whose lesson is done now.
    pub done_lessons: Vec<(String, String)>,
    /// Finished attempts, in the order they were started.
    pub quizzes: Vec<QuizFact>,
    /// Attempt id -> (question id, chosen option ids comma-separated, credit), for each
    /// profile's first finished attempt at each quiz.
    pub first_answers: HashMap<String, Vec<(String, String, f64)>>,
    /// Oldest first.
    pub assessments: Vec<AssessmentFact>,
    /// Oldest first.
    pub certificates: Vec<CertificateFact>,
}
