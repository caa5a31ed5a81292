//! Learning: how people scored on each module's quiz at their first attempt, and an item
//! analysis of every question over those first attempts ([`super::items`]), with the wrong
//! option that draws the most people.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::{Facts, QuizFact};
use super::items::{ItemFlag, item_figures};
use super::{Scope, mean1, round1, share};
use crate::content::Pack;

/// Score bands of the distribution: 0-9, 10-19, ..., 80-89, 90-100.
pub const BANDS: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleScores {
    pub module: String,
    /// People with a finished attempt.
    pub attempted: u32,
    /// Mean and median first-attempt score (0-100).
    pub mean_first: Option<f64>,
    pub median_first: Option<f64>,
    /// Share of people who passed at their first attempt (percent).
    pub passed_first: Option<f64>,
    /// Share of people who passed at any attempt (percent).
    pub passed_any: Option<f64>,
    /// First-attempt scores counted in bands of ten points (the last band is 90-100).
    pub bands: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongOption {
    pub option: String,
    /// People who chose it at their first attempt.
    pub chosen: u32,
    /// Of those who answered (percent).
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub module: String,
    pub question: String,
    /// 1-based, in authored order.
    pub number: u32,
    pub attempts: u32,
    pub facility: Option<f64>,
    pub sd: Option<f64>,
    pub discrimination: Option<f64>,
    pub efficiency: Option<f64>,
    pub flags: Vec<ItemFlag>,
    pub wrong: Option<WrongOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Learning {
    pub modules: Vec<ModuleScores>,
    pub items: Vec<ItemRow>,
}

fn median(sorted: &[u32]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some(round1(f64::from(sorted[n / 2 - 1] + sorted[n / 2]) / 2.0)),
    }
}

pub(super) fn compute(facts: &Facts, pack: &Pack, scope: &Scope<'_>) -> Learning {
    // Per (person, module): the first finished attempt (facts are in start order) and
    // whether any attempt passed.
    let mut first: HashMap<(usize, &str), &QuizFact> = HashMap::new();
    let mut passed: HashMap<(usize, &str), bool> = HashMap::new();
    for q in &facts.quizzes {
        let Some(&person) = scope.person_of.get(q.profile_id.as_str()) else {
            continue;
        };
        let key = (person, q.module_id.as_str());
        first.entry(key).or_insert(q);
        *passed.entry(key).or_default() |= q.passed;
    }
    let mut modules = Vec::new();
    let mut items = Vec::new();
    for module in &pack.modules {
        let Some(quiz) = &module.quiz else { continue };
        let mut firsts: Vec<&QuizFact> = first
            .iter()
            .filter(|((_, m), _)| *m == module.id)
            .map(|(_, q)| *q)
            .collect();
        // A fixed order, so every figure is the same on every run.
        firsts.sort_by(|a, b| a.attempt_id.cmp(&b.attempt_id));
        let n = firsts.len() as u32;
        let mut scores: Vec<u32> = firsts.iter().map(|q| q.score).collect();
        scores.sort_unstable();
        let mut bands = vec![0u32; BANDS];
        for &s in &scores {
            bands[(s as usize / 10).min(BANDS - 1)] += 1;
        }
        let passed_any = passed
            .iter()
            .filter(|((_, m), p)| *m == module.id && **p)
            .count() as u32;
        modules.push(ModuleScores {
            module: module.id.clone(),
            attempted: n,
            mean_first: mean1(scores.iter().map(|&s| f64::from(s))),
            median_first: median(&scores),
            passed_first: share(firsts.iter().filter(|q| q.passed).count() as u32, n),
            passed_any: share(passed_any, n),
            bands,
        });

        // Item analysis: one row of marks per first attempt, a question not answered counts 0.
        let position: HashMap<&str, usize> = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let mut marks = Vec::with_capacity(firsts.len());
        let mut wrong: Vec<HashMap<&str, u32>> = vec![HashMap::new(); quiz.questions.len()];
        let no_answers = Vec::new();
        for q in &firsts {
            let mut row = vec![0.0; quiz.questions.len()];
            for a in facts
                .first_answers
                .get(&q.attempt_id)
                .unwrap_or(&no_answers)
            {
                let question = facts.strings[a.question as usize].as_str();
                let Some(&i) = position.get(question) else {
                    continue;
                };
                row[i] = a.credit.clamp(0.0, 1.0);
                let options = facts.strings[a.options as usize].as_str();
                for option in options.split(',').filter(|o| !o.is_empty()) {
                    let correct = quiz.questions[i]
                        .options
                        .iter()
                        .any(|(id, c)| id == option && *c);
                    if !correct {
                        *wrong[i].entry(option).or_default() += 1;
                    }
                }
            }
            marks.push(row);
        }
        let figures = item_figures(&marks, quiz.questions.len());
        for (i, (question, f)) in quiz.questions.iter().zip(figures).enumerate() {
            // The most chosen wrong option; on a tie, the one authored first.
            let top = question
                .options
                .iter()
                .filter_map(|(id, _)| wrong[i].get(id.as_str()).map(|&c| (id, c)))
                .fold(None, |best: Option<(&String, u32)>, (id, c)| match best {
                    Some((_, b)) if b >= c => best,
                    _ => Some((id, c)),
                });
            items.push(ItemRow {
                module: module.id.clone(),
                question: question.id.clone(),
                number: i as u32 + 1,
                attempts: f.attempts,
                facility: f.facility.map(round1),
                sd: f.sd.map(round1),
                discrimination: f.discrimination.map(round1),
                efficiency: f.efficiency.map(round1),
                flags: f.flags,
                wrong: top.map(|(id, c)| WrongOption {
                    option: id.clone(),
                    chosen: c,
                    share: share(c, n).unwrap_or(0.0),
                }),
            });
        }
    }
    Learning { modules, items }
}
