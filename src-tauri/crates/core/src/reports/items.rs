//! Item analysis of a quiz, as Moodle's quiz statistics report defines it, over first attempts:
//!
//! - facility index: the mean mark on the question, as a percentage of its maximum;
//! - standard deviation of that mark, as a percentage of the maximum (sample, n - 1);
//! - discrimination index: 100 x the Pearson correlation between the mark on the question and
//!   the mark on the rest of the quiz (the total without this question);
//! - discriminative efficiency: 100 x the covariance of those two marks divided by the largest
//!   covariance they could have, which they would reach if both lists were sorted and paired.
//!
//! Every question here is worth 1 (its credit, 0 to 1); a question left unanswered in a finished
//! attempt counts 0. A figure that needs a spread the data does not have (one attempt, or every
//! learner with the same mark) is `None`, never a made-up number.

use serde::Serialize;
use ts_rs::TS;

/// Fewer first attempts than this, and a question is not flagged: the figures are too unsteady.
pub const MIN_ATTEMPTS_TO_FLAG: u32 = 10;
/// A facility index above this is flagged "too easy" (almost everyone gets it right).
pub const TOO_EASY_ABOVE: f64 = 90.0;
/// A facility index below this is flagged "too hard".
pub const TOO_HARD_BELOW: f64 = 20.0;
/// A discriminative efficiency below this (Moodle's own threshold for a dubious question) is
/// flagged "weak": the question hardly separates learners who know more from those who know less.
pub const WEAK_EFFICIENCY_BELOW: f64 = 15.0;

/// What a question's figures suggest its author should look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemFlag {
    TooEasy,
    TooHard,
    /// Learners who did better on the rest of the quiz did worse on this question: a wrong
    /// key, an ambiguous wording, or a tempting wrong option.
    Misleading,
    Weak,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemFigures {
    /// First attempts that include the question.
    pub attempts: u32,
    pub facility: Option<f64>,
    pub sd: Option<f64>,
    pub discrimination: Option<f64>,
    pub efficiency: Option<f64>,
    pub flags: Vec<ItemFlag>,
}

/// The figures of every question. `marks[a][q]` is attempt `a`'s credit (0 to 1) on question
/// `q`; every row has one entry per question.
pub fn item_figures(marks: &[Vec<f64>], questions: usize) -> Vec<ItemFigures> {
    let n = marks.len();
    let totals: Vec<f64> = marks.iter().map(|row| row.iter().sum()).collect();
    (0..questions)
        .map(|q| {
            let x: Vec<f64> = marks.iter().map(|row| row[q]).collect();
            let rest: Vec<f64> = x.iter().zip(&totals).map(|(x, t)| t - x).collect();
            figures(&x, &rest, n)
        })
        .collect()
}

fn figures(x: &[f64], rest: &[f64], n: usize) -> ItemFigures {
    let attempts = n as u32;
    if n == 0 {
        return ItemFigures {
            attempts,
            facility: None,
            sd: None,
            discrimination: None,
            efficiency: None,
            flags: Vec::new(),
        };
    }
    let mean_x = mean(x);
    let facility = Some(100.0 * mean_x);
    let (sd, discrimination, efficiency) = if n < 2 {
        (None, None, None)
    } else {
        let mean_rest = mean(rest);
        let d = (n - 1) as f64;
        let var_x = x.iter().map(|v| (v - mean_x).powi(2)).sum::<f64>() / d;
        let var_rest = rest.iter().map(|v| (v - mean_rest).powi(2)).sum::<f64>() / d;
        let cov = x
            .iter()
            .zip(rest)
            .map(|(a, b)| (a - mean_x) * (b - mean_rest))
            .sum::<f64>()
            / d;
        let mut sx = x.to_vec();
        let mut sr = rest.to_vec();
        sx.sort_by(f64::total_cmp);
        sr.sort_by(f64::total_cmp);
        let cov_max = sx
            .iter()
            .zip(&sr)
            .map(|(a, b)| (a - mean_x) * (b - mean_rest))
            .sum::<f64>()
            / d;
        let spread = var_x * var_rest;
        (
            Some(100.0 * var_x.sqrt()),
            (spread > EPSILON).then(|| 100.0 * cov / spread.sqrt()),
            (cov_max > EPSILON).then(|| 100.0 * cov / cov_max),
        )
    };
    let mut flags = Vec::new();
    if attempts >= MIN_ATTEMPTS_TO_FLAG {
        let f = 100.0 * mean_x;
        if f > TOO_EASY_ABOVE {
            flags.push(ItemFlag::TooEasy);
        }
        if f < TOO_HARD_BELOW {
            flags.push(ItemFlag::TooHard);
        }
        if discrimination.is_some_and(|d| d < 0.0) {
            flags.push(ItemFlag::Misleading);
        } else if efficiency.is_some_and(|e| e < WEAK_EFFICIENCY_BELOW) {
            flags.push(ItemFlag::Weak);
        }
    }
    ItemFigures {
        attempts,
        facility,
        sd,
        discrimination,
        efficiency,
        flags,
    }
}

/// Below this, a variance or covariance is rounding noise, not spread.
const EPSILON: f64 = 1e-12;

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn figures_match_a_hand_computation() {
        // Four learners, three questions.
        let marks = vec![
            vec![1.0, 1.0, 1.0],
            vec![1.0, 1.0, 0.0],
            vec![1.0, 0.0, 0.0],
            vec![0.0, 0.0, 1.0],
        ];
        let f = item_figures(&marks, 3);
        // Question 1: x = 1,1,1,0 (mean 0.75); rest = 2,1,0,1 (mean 1).
        // var x = (3 x 0.0625 + 0.5625) / 3 = 0.25; var rest = (1 + 0 + 1 + 0) / 3 = 2/3;
        // cov = (0.25 x 1 + 0.25 x 0 + 0.25 x -1 + -0.75 x 0) / 3 = 0.
        assert!(close(f[0].facility, 75.0));
        assert!(close(f[0].sd, 50.0));
        assert!(close(f[0].discrimination, 0.0));
        // Sorted: x 0,1,1,1 and rest 0,1,1,2: cov max = (-0.75 x -1 + 0 + 0 + 0.25 x 1) / 3 = 1/3.
        assert!(close(f[0].efficiency, 0.0));
        // Question 2: x = 1,1,0,0 (mean 0.5); rest = 2,1,1,1 (mean 1.25).
        // cov = (0.5 x 0.75 + 0.5 x -0.25 + -0.5 x -0.25 + -0.5 x -0.25) / 3 = 0.5 / 3;
        // var x = 1/3; var rest = (0.5625 + 3 x 0.0625) / 3 = 0.25.
        let r = (0.5 / 3.0) / ((1.0 / 3.0) * 0.25f64).sqrt();
        assert!(close(f[1].discrimination, 100.0 * r));
        // Already in the best order: efficiency 100.
        assert!(close(f[1].efficiency, 100.0));
        // Question 3: x = 1,0,0,1; rest = 2,2,1,0: those who did better elsewhere miss it.
        assert!(f[2].discrimination.unwrap() < 0.0);
    }

    #[test]
    fn no_spread_gives_no_figure_and_few_attempts_no_flag() {
        let marks = vec![vec![1.0, 0.0]; 5];
        let f = item_figures(&marks, 2);
        assert!(close(f[0].facility, 100.0));
        assert_eq!(f[0].discrimination, None);
        assert_eq!(f[0].efficiency, None);
        assert!(f[0].flags.is_empty(), "5 attempts are too few to flag");
        let f = item_figures(&[vec![0.5]], 1);
        assert_eq!((f[0].sd, f[0].discrimination), (None, None));
        assert!(item_figures(&[], 1)[0].facility.is_none());
    }

    #[test]
    fn flags_follow_the_thresholds() {
        // 20 learners: question 1 everyone right; question 2 right only for weaker learners.
        let marks: Vec<Vec<f64>> = (0..20)
            .map(|i| {
                let strong = i < 10;
                vec![
                    1.0,
                    if strong { 0.0 } else { 1.0 },
                    if strong { 1.0 } else { 0.0 },
                    if strong { 1.0 } else { 0.0 },
                ]
            })
            .collect();
        let f = item_figures(&marks, 4);
        assert_eq!(f[0].flags, vec![ItemFlag::TooEasy]);
        assert_eq!(f[1].flags, vec![ItemFlag::Misleading]);
        assert!(f[2].flags.is_empty(), "{:?}", f[2]);
    }
}
