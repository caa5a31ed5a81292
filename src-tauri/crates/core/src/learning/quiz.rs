//! Quiz rules: shuffling per attempt, credit per answer, the score and the pass decision, and
//! the summary of a learner's results per module.
//!
//! Scoring (also in content/README.md):
//! - single choice, scenario, true/false: 1 point for the correct option, else 0;
//! - multiple choice: partial credit = max(0, right picks - wrong picks) / number of correct
//!   options, so ticking every box earns nothing and one wrong tick cancels one right one;
//! - score = floor(100 x points / questions); passed when score >= the module's pass mark.

use std::collections::HashMap;

use crate::content::{Question, QuestionKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub id: String,
    pub profile_id: String,
    pub module_id: String,
    pub seed: u64,
    pub started_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordedAnswer {
    pub id: String,
    pub attempt_id: String,
    pub question_id: String,
    pub option_ids: Vec<String>,
    pub credit: f64,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedResult {
    pub attempt_id: String,
    pub module_id: String,
    pub score: u32,
    pub passed: bool,
    pub pass_mark: u32,
    pub at_ms: i64,
}

/// The credit (0.0 to 1.0) an answer earns. Unknown or repeated option ids count as wrong picks.
pub fn credit(question: &Question, chosen: &[String]) -> f64 {
    let is_correct = |id: &str| question.options.iter().any(|(o, c)| o == id && *c);
    let mut unique: Vec<&str> = chosen.iter().map(String::as_str).collect();
    unique.sort_unstable();
    unique.dedup();
    let right = unique.iter().filter(|id| is_correct(id)).count();
    let wrong = chosen.len() - right;
    match question.kind {
        QuestionKind::Single | QuestionKind::Scenario | QuestionKind::TrueFalse => {
            if right == 1 && wrong == 0 { 1.0 } else { 0.0 }
        }
        QuestionKind::Multiple => {
            let total = question.correct_ids().count();
            if total == 0 {
                0.0
            } else {
                (right.saturating_sub(wrong)) as f64 / total as f64
            }
        }
    }
}

/// floor(100 x points / questions), in 0..=100.
pub fn score(credits: &[f64], questions: usize) -> u32 {
    if questions == 0 {
        return 0;
    }
    let points: f64 = credits.iter().map(|c| c.clamp(0.0, 1.0)).sum();
    // A tiny epsilon so 0.7 x 100 scores 70, not 69.99999.
    ((points * 100.0 / questions as f64) + 1e-9)
        .floor()
        .min(100.0) as u32
}

pub fn passed(score: u32, pass_mark: u32) -> bool {
    score >= pass_mark
}

/// A permutation of 0..n fixed by `seed` (splitmix64 + Fisher-Yates): the same attempt always
/// shows the same order; a new attempt gets a new seed and so a fresh order.
pub fn permutation(seed: u64, n: usize) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// Best and latest result of each module, from a learner's results (oldest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ModuleResults {
    pub attempts: u32,
    pub best: Option<u32>,
    pub latest: Option<u32>,
    pub passed: bool,
}

pub fn summarize(results: &[RecordedResult]) -> HashMap<String, ModuleResults> {
    let mut out: HashMap<String, ModuleResults> = HashMap::new();
    for r in results {
        let m = out.entry(r.module_id.clone()).or_default();
        m.attempts += 1;
        m.best = Some(m.best.map_or(r.score, |b| b.max(r.score)));
        m.latest = Some(r.score);
        m.passed |= r.passed;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: QuestionKind, options: &[(&str, bool)]) -> Question {
        Question {
            id: "q".into(),
            kind,
            options: options.iter().map(|(i, c)| (i.to_string(), *c)).collect(),
            lesson: "l".into(),
        }
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn single_choice_is_all_or_nothing() {
        let s = q(
            QuestionKind::Single,
            &[("a", false), ("b", true), ("c", false)],
        );
        assert_eq!(credit(&s, &ids(&["b"])), 1.0);
        assert_eq!(credit(&s, &ids(&["a"])), 0.0);
        assert_eq!(credit(&s, &ids(&["a", "b"])), 0.0);
        assert_eq!(credit(&s, &ids(&[])), 0.0);
    }

    #[test]
    fn multiple_choice_gives_partial_credit_and_punishes_wrong_ticks() {
        let m = q(
            QuestionKind::Multiple,
            &[
                ("a", true),
                ("b", true),
                ("c", false),
                ("d", true),
                ("e", false),
            ],
        );
        assert_eq!(credit(&m, &ids(&["a", "b", "d"])), 1.0);
        assert!((credit(&m, &ids(&["a", "b"])) - 2.0 / 3.0).abs() < 1e-9);
        assert!((credit(&m, &ids(&["a", "b", "c"])) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(credit(&m, &ids(&["a", "b", "c", "d", "e"])), 1.0 / 3.0);
        assert_eq!(credit(&m, &ids(&["c", "e"])), 0.0);
        assert_eq!(
            credit(&m, &ids(&["a", "a", "a"])),
            0.0,
            "repeats count as wrong"
        );
    }

    #[test]
    fn scores_round_down_and_pass_at_the_mark() {
        assert_eq!(score(&[1.0; 7], 10), 70);
        assert!(passed(70, 70));
        assert!(!passed(69, 70));
        assert_eq!(score(&[1.0, 1.0 / 3.0], 3), 44);
        assert_eq!(score(&[], 0), 0);
        assert_eq!(score(&[1.0; 8], 8), 100);
    }

    #[test]
    fn permutations_are_stable_per_seed_and_differ_between_seeds() {
        let a = permutation(42, 10);
        assert_eq!(a, permutation(42, 10));
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert!((0..20).any(|s| permutation(s, 10) != a));
    }

    #[test]
    fn summary_keeps_best_latest_and_whether_ever_passed() {
        let r = |m: &str, score: u32, passed: bool| RecordedResult {
            attempt_id: format!("{m}{score}"),
            module_id: m.into(),
            score,
            passed,
            pass_mark: 70,
            at_ms: 0,
        };
        let s = summarize(&[r("m", 40, false), r("m", 90, true), r("m", 60, false)]);
        assert_eq!(
            s["m"],
            ModuleResults {
                attempts: 3,
                best: Some(90),
                latest: Some(60),
                passed: true
            }
        );
    }
}
