//! A workshop's completion rule applied to one learner's records: which requirement is met,
//! since when, and what is still missing.

use std::collections::HashMap;

use super::{CompletionRule, RequiredModules};
use crate::content::Pack;
use crate::learning::quiz::RecordedResult;
use crate::learning::{EventKind, ProgressEvent};

/// One required module, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleCheck {
    pub module_id: String,
    pub lessons_done: u32,
    pub lessons_total: u32,
    /// Whether the module has a quiz at all.
    pub has_quiz: bool,
    /// The learner's best quiz score, if they finished an attempt.
    pub best_score: Option<u32>,
    pub met: bool,
    /// When the last of its conditions was met.
    pub met_at_ms: Option<i64>,
}

/// The rule applied to a learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub modules: Vec<ModuleCheck>,
    /// `None` when the rule does not ask for the self-assessment; otherwise when the first
    /// one was finished, if ever.
    pub assessment: Option<Option<i64>>,
    pub complete: bool,
    /// When the last requirement was met.
    pub completed_at_ms: Option<i64>,
    /// The mean of the best scores of the required quizzes, rounded down.
    pub score: Option<u32>,
}

/// The ids of the modules `rule` requires, in course order; unknown ids are kept (and can
/// never be met) so a rule naming a module the course lacks is visible, not ignored.
pub fn required_module_ids(pack: &Pack, rule: &CompletionRule) -> Vec<String> {
    match &rule.modules {
        RequiredModules::All => pack.modules.iter().map(|m| m.id.clone()).collect(),
        RequiredModules::Only(ids) => ids.clone(),
    }
}

/// Applies `rule` to a learner's progress `events` (in order), quiz `results` and the times
/// their self-assessments were finished.
pub fn evaluate(
    pack: &Pack,
    rule: &CompletionRule,
    events: &[ProgressEvent],
    results: &[RecordedResult],
    assessments_finished_ms: &[i64],
) -> Evaluation {
    // When each lesson became done (a later "not done" undoes it).
    let mut done_at: HashMap<&str, Option<i64>> = HashMap::new();
    for e in events {
        match e.kind {
            EventKind::LessonCompleted => {
                done_at.insert(&e.lesson_id, Some(e.at_ms));
            }
            EventKind::LessonUncompleted => {
                done_at.insert(&e.lesson_id, None);
            }
            EventKind::LessonOpened => {}
        }
    }
    let mut modules = Vec::new();
    for id in required_module_ids(pack, rule) {
        let module = pack.module(&id);
        let lessons: Vec<&str> = module
            .map(|m| m.lessons.iter().map(|l| l.id.as_str()).collect())
            .unwrap_or_default();
        let times: Vec<i64> = lessons
            .iter()
            .filter_map(|l| done_at.get(l).copied().flatten())
            .collect();
        let has_quiz = module.is_some_and(|m| m.quiz.is_some());
        let mine = results.iter().filter(|r| r.module_id == id);
        let best_score = mine.clone().map(|r| r.score).max();
        let passed_at = mine
            .filter(|r| r.score >= rule.pass_mark)
            .map(|r| r.at_ms)
            .min();
        let lessons_met = module.is_some() && times.len() == lessons.len();
        let quiz_met = !has_quiz || passed_at.is_some();
        let met = lessons_met && quiz_met;
        modules.push(ModuleCheck {
            module_id: id,
            lessons_done: times.len() as u32,
            lessons_total: lessons.len() as u32,
            has_quiz,
            best_score,
            met,
            met_at_ms: met.then(|| times.into_iter().chain(passed_at).max().unwrap_or(0)),
        });
    }
    let assessment = rule
        .assessment
        .then(|| assessments_finished_ms.iter().copied().min());
    let complete = modules.iter().all(|m| m.met) && !matches!(assessment, Some(None));
    let completed_at_ms = complete.then(|| {
        modules
            .iter()
            .filter_map(|m| m.met_at_ms)
            .chain(assessment.flatten())
            .max()
            .unwrap_or(0)
    });
    let scores: Vec<u32> = modules
        .iter()
        .filter(|m| m.has_quiz)
        .filter_map(|m| m.best_score)
        .collect();
    let quizzes = modules.iter().filter(|m| m.has_quiz).count();
    let score = (quizzes > 0 && scores.len() == quizzes)
        .then(|| scores.iter().sum::<u32>() / quizzes as u32);
    Evaluation {
        modules,
        assessment,
        complete,
        completed_at_ms,
        score,
    }
}
