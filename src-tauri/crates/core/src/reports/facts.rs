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

/// One answer of a first attempt. Its question id and chosen options (comma-separated) are
/// indexes into [`Facts::strings`]: a few hundred distinct strings stand for 100,000s of rows.
#[derive(Debug, Clone, Copy)]
pub struct AnswerFact {
    pub question: u32,
    pub options: u32,
    pub credit: f64,
}

#[derive(Debug, Clone)]
pub struct CertificateFact {
    pub id: String,
    pub profile_id: String,
    pub workshop_id: String,
    pub issued_at_ms: i64,
}

/// Which reports to read facts for: each reads only what it needs, so one report on the
/// screen costs only its own queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub reach: bool,
    pub learning: bool,
    pub resilience: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        reach: true,
        learning: true,
        resilience: true,
    };
    pub const NONE: Parts = Parts {
        reach: false,
        learning: false,
        resilience: false,
    };

    /// What one part of the reports needs (the raw sheets need every part).
    pub fn of(section: super::tables::Section) -> Parts {
        use super::tables::Section;
        match section {
            Section::Reach => Parts {
                reach: true,
                ..Parts::NONE
            },
            Section::Learning => Parts {
                learning: true,
                ..Parts::NONE
            },
            Section::Resilience => Parts {
                resilience: true,
                ..Parts::NONE
            },
            Section::Raw => Parts::ALL,
        }
    }
}

/// Facts of the parts read; the others stay empty.
#[derive(Debug, Clone)]
pub struct Facts {
    pub parts: Parts,
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
    /// (profile, module) pairs with a passed quiz.
    pub passed: Vec<(String, String)>,
    /// Profiles with a finished self-assessment.
    pub assessed: Vec<String>,
    /// Finished attempts, in the order they were started.
    pub quizzes: Vec<QuizFact>,
    /// Attempt id -> its answers, for each profile's first finished attempt at each quiz.
    pub first_answers: HashMap<String, Vec<AnswerFact>>,
    /// The strings [`AnswerFact`] numbers: question ids and chosen-option lists.
    pub strings: Vec<String>,
    /// Oldest first. Answers are read for each profile's latest only (the action plan).
    pub assessments: Vec<AssessmentFact>,
    /// Oldest first.
    pub certificates: Vec<CertificateFact>,
}
