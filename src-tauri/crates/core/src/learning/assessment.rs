//! Scoring the self-assessment. The rules (also in content/README.md):
//!
//! - Each question is answered 0 (not in place), 1 (partly), 2 (largely) or 3 (fully), and
//!   carries a practice level: 1 basic, 2 intermediate, 3 advanced.
//! - Domain maturity level (0-3), cumulative: the highest L such that every question of the
//!   domain at level L or below is answered at least 2 ("largely in place"). A gap in a basic
//!   practice therefore holds the domain at 0 whatever else is done. An unanswered question
//!   counts as 0.
//! - Overall index (0-100): floor(100 x sum of answers / (3 x number of questions)).
//! - Action plan: every question not fully in place is a candidate. Its value is
//!   impact x (3 - answer) (1-9); candidates are ordered by value / effort, highest first, then
//!   by practice level (basic first), then by impact, then by authored order; the plan is the
//!   first 10 (fewer when fewer gaps remain).

use std::collections::HashMap;

use crate::content::assessment::AssessmentQuestion;

pub const PLAN_MAX: usize = 10;
/// "Largely in place": the answer a practice needs to count towards a level.
pub const LARGELY: u8 = 2;

fn answer_of(answers: &HashMap<String, u8>, id: &str) -> u8 {
    answers.get(id).copied().unwrap_or(0).min(3)
}

/// The maturity level (0-3) of one domain.
pub fn domain_level(questions: &[&AssessmentQuestion], answers: &HashMap<String, u8>) -> u8 {
    let mut level = 0;
    for l in 1..=3u8 {
        let at_or_below: Vec<_> = questions.iter().filter(|q| q.level <= l).collect();
        let all_largely = at_or_below
            .iter()
            .all(|q| answer_of(answers, &q.id) >= LARGELY);
        if all_largely {
            level = l;
        } else {
            break;
        }
    }
    level
}

/// Levels of every domain, in the order given.
pub fn domain_levels(
    domains: &[String],
    questions: &[AssessmentQuestion],
    answers: &HashMap<String, u8>,
) -> Vec<u8> {
    domains
        .iter()
        .map(|d| {
            let qs: Vec<&AssessmentQuestion> =
                questions.iter().filter(|q| &q.domain == d).collect();
            domain_level(&qs, answers)
        })
        .collect()
}

/// The overall index, 0-100.
pub fn overall_index(questions: &[AssessmentQuestion], answers: &HashMap<String, u8>) -> u32 {
    if questions.is_empty() {
        return 0;
    }
    let sum: u32 = questions
        .iter()
        .map(|q| u32::from(answer_of(answers, &q.id)))
        .sum();
    sum * 100 / (3 * questions.len() as u32)
}

/// The ids of the questions the action plan proposes, most valuable first.
pub fn action_plan<'a>(
    questions: &'a [AssessmentQuestion],
    answers: &HashMap<String, u8>,
) -> Vec<&'a AssessmentQuestion> {
    let mut candidates: Vec<(usize, &AssessmentQuestion)> = questions
        .iter()
        .enumerate()
        .filter(|(_, q)| answer_of(answers, &q.id) < 3)
        .collect();
    let value =
        |q: &AssessmentQuestion| u32::from(q.impact) * u32::from(3 - answer_of(answers, &q.id));
    candidates.sort_by(|(ia, a), (ib, b)| {
        // value/effort compared without division: va * eb vs vb * ea.
        let (va, vb) = (value(a), value(b));
        (vb * u32::from(a.effort.max(1)))
            .cmp(&(va * u32::from(b.effort.max(1))))
            .then(a.level.cmp(&b.level))
            .then(b.impact.cmp(&a.impact))
            .then(ia.cmp(ib))
    });
    candidates
        .into_iter()
        .take(PLAN_MAX)
        .map(|(_, q)| q)
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn q(id: &str, domain: &str, level: u8, impact: u8, effort: u8) -> AssessmentQuestion {
        AssessmentQuestion {
            id: id.into(),
            domain: domain.into(),
            level,
            impact,
            effort,
            control: "c".into(),
            lessons: vec!["l".into()],
        }
    }

    fn answers(pairs: &[(&str, u8)]) -> HashMap<String, u8> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn a_gap_in_a_basic_practice_holds_the_domain_at_zero() {
        let qs = [
            q("a", "d", 1, 3, 1),
            q("b", "d", 2, 2, 2),
            q("c", "d", 3, 1, 3),
        ];
        let refs: Vec<_> = qs.iter().collect();
        assert_eq!(
            domain_level(&refs, &answers(&[("a", 1), ("b", 3), ("c", 3)])),
            0
        );
        assert_eq!(
            domain_level(&refs, &answers(&[("a", 2), ("b", 1), ("c", 3)])),
            1
        );
        assert_eq!(
            domain_level(&refs, &answers(&[("a", 2), ("b", 2), ("c", 1)])),
            2
        );
        assert_eq!(
            domain_level(&refs, &answers(&[("a", 3), ("b", 2), ("c", 2)])),
            3
        );
        assert_eq!(domain_level(&refs, &answers(&[])), 0);
    }

    #[test]
    fn the_index_is_the_share_of_the_maximum() {
        let qs = [q("a", "d", 1, 1, 1), q("b", "d", 1, 1, 1)];
        assert_eq!(overall_index(&qs, &answers(&[("a", 3), ("b", 0)])), 50);
        assert_eq!(overall_index(&qs, &answers(&[("a", 3), ("b", 3)])), 100);
        assert_eq!(overall_index(&qs, &answers(&[("a", 1)])), 16);
    }

    #[test]
    fn the_plan_puts_cheap_high_impact_steps_first() {
        let qs = [
            q("costly", "d", 1, 3, 3),
            q("cheap", "d", 1, 3, 1),
            q("minor", "d", 2, 1, 1),
            q("done", "d", 1, 3, 1),
        ];
        let plan = action_plan(
            &qs,
            &answers(&[("costly", 0), ("cheap", 0), ("minor", 0), ("done", 3)]),
        );
        let ids: Vec<_> = plan.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["cheap", "costly", "minor"]);
    }

    fn arb_questions() -> impl Strategy<Value = Vec<AssessmentQuestion>> {
        prop::collection::vec((0..3usize, 1..=3u8, 1..=3u8, 1..=3u8), 1..40).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (d, level, impact, effort))| {
                    q(&format!("q{i}"), &format!("d{d}"), level, impact, effort)
                })
                .collect()
        })
    }

    fn arb_case() -> impl Strategy<Value = (Vec<AssessmentQuestion>, HashMap<String, u8>)> {
        arb_questions().prop_flat_map(|qs| {
            let n = qs.len();
            (Just(qs), prop::collection::vec(0..=3u8, n)).prop_map(|(qs, a)| {
                let answers = qs.iter().zip(a).map(|(q, a)| (q.id.clone(), a)).collect();
                (qs, answers)
            })
        })
    }

    fn domains() -> Vec<String> {
        (0..3).map(|d| format!("d{d}")).collect()
    }

    proptest! {
        #[test]
        fn raising_an_answer_never_lowers_a_level_or_the_index(
            (qs, answers) in arb_case(), pick in any::<prop::sample::Index>()
        ) {
            let target = &qs[pick.index(qs.len())].id;
            let mut better = answers.clone();
            let a = better.get_mut(target).unwrap();
            *a = (*a + 1).min(3);
            let before = domain_levels(&domains(), &qs, &answers);
            let after = domain_levels(&domains(), &qs, &better);
            for (b, a) in before.iter().zip(&after) {
                prop_assert!(a >= b);
            }
            prop_assert!(overall_index(&qs, &better) >= overall_index(&qs, &answers));
        }

        #[test]
        fn a_level_counts_only_when_every_practice_at_or_below_it_is_largely_in_place(
            (qs, answers) in arb_case()
        ) {
            for (d, level) in domains().iter().zip(domain_levels(&domains(), &qs, &answers)) {
                let in_domain: Vec<_> = qs.iter().filter(|q| &q.domain == d).collect();
                for q in &in_domain {
                    if q.level <= level {
                        prop_assert!(answers[&q.id] >= LARGELY);
                    }
                }
                // And the next level is not reached: some practice at or below it falls short.
                if level < 3 {
                    prop_assert!(!in_domain
                        .iter()
                        .filter(|q| q.level <= level + 1)
                        .all(|q| answers[&q.id] >= LARGELY));
                }
            }
        }

        #[test]
        fn index_is_within_bounds_and_full_only_when_everything_is_fully_in_place(
            (qs, answers) in arb_case()
        ) {
            let i = overall_index(&qs, &answers);
            prop_assert!(i <= 100);
            prop_assert_eq!(i == 100, answers.values().all(|&a| a == 3));
        }

        #[test]
        fn the_plan_holds_only_gaps_at_most_ten_in_priority_order((qs, answers) in arb_case()) {
            let plan = action_plan(&qs, &answers);
            let gaps = qs.iter().filter(|q| answers[&q.id] < 3).count();
            prop_assert_eq!(plan.len(), gaps.min(PLAN_MAX));
            let priority = |q: &AssessmentQuestion| {
                f64::from(q.impact) * f64::from(3 - answers[&q.id]) / f64::from(q.effort)
            };
            for w in plan.windows(2) {
                prop_assert!(priority(w[0]) >= priority(w[1]) - 1e-9);
            }
            // Nothing left out is more valuable than what is in.
            if let Some(last) = plan.last() {
                for q in qs.iter().filter(|q| answers[&q.id] < 3 && !plan.iter().any(|p| p.id == q.id)) {
                    prop_assert!(priority(q) <= priority(last) + 1e-9);
                }
            }
        }
    }
}
