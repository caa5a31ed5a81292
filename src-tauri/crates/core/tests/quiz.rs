//! Quiz attempts end to end on the fixture course and a real database.

use std::path::Path;

use sdr_core::content::{self, PackFiles};
use sdr_core::views::QuizView;
use sdr_core::{ErrorCode, Locale, Sdr};

fn fixture() -> content::Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/course");
    content::load(&PackFiles::from_dir(&dir).unwrap()).unwrap()
}

/// The right option ids of each question, from the pack.
fn right(sdr: &Sdr, question: &str) -> Vec<String> {
    let quiz = sdr.pack().modules[0].quiz.as_ref().unwrap();
    let q = quiz.questions.iter().find(|q| q.id == question).unwrap();
    q.correct_ids().map(str::to_string).collect()
}

fn wrong(sdr: &Sdr, question: &str) -> Vec<String> {
    let quiz = sdr.pack().modules[0].quiz.as_ref().unwrap();
    let q = quiz.questions.iter().find(|q| q.id == question).unwrap();
    vec![q.options.iter().find(|(_, c)| !c).unwrap().0.clone()]
}

fn answer_all(sdr: &Sdr, p: &str, view: &QuizView, good: bool, t: i64) -> QuizView {
    let mut last = view.clone();
    for q in &view.questions {
        let ids = if good {
            right(sdr, &q.id)
        } else {
            wrong(sdr, &q.id)
        };
        last = sdr
            .answer_question(p, &view.attempt_id, &q.id, &ids, t)
            .unwrap();
    }
    last
}

#[test]
fn fail_retry_pass_and_the_module_completes() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let p = sdr.create_profile("Ana Reyes", Locale::Fil, 0).unwrap().id;
    for l in ["one", "two", "three"] {
        sdr.set_lesson_done(&p, l, true, 1).unwrap();
    }
    let lib = sdr.library(&p).unwrap();
    assert!(!lib.modules[0].complete, "lessons read but quiz not passed");
    assert_eq!(lib.modules[0].quiz.as_ref().unwrap().pass_mark, 75);

    let first = sdr.start_quiz(&p, "basics", false, 2).unwrap();
    assert_eq!(first.questions.len(), 4);
    assert!(
        first.questions.iter().all(|q| q.feedback.is_none()),
        "no answer revealed early"
    );
    // Unfinished: resuming returns the same attempt, in the same order.
    let again = sdr.start_quiz(&p, "basics", false, 3).unwrap();
    assert_eq!(again.attempt_id, first.attempt_id);
    let ids = |v: &QuizView| v.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&first));

    let err = sdr.finish_quiz(&p, &first.attempt_id, 4).err().unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput, "unanswered questions");
    let answered = answer_all(&sdr, &p, &first, false, 5);
    let fb = answered.questions[0].feedback.as_ref().unwrap();
    assert_eq!(fb.credit_percent, 0);
    assert!(!fb.explanation.is_empty());
    let failed = sdr.finish_quiz(&p, &first.attempt_id, 6).unwrap();
    let r = failed.result.unwrap();
    assert_eq!((r.score, r.passed, r.module_complete), (0, false, false));
    assert!(!r.review.is_empty());

    // A retry is a new attempt.
    let retry = sdr.start_quiz(&p, "basics", false, 7).unwrap();
    assert_ne!(retry.attempt_id, first.attempt_id);
    answer_all(&sdr, &p, &retry, true, 8);
    let passed = sdr
        .finish_quiz(&p, &retry.attempt_id, 9)
        .unwrap()
        .result
        .unwrap();
    assert_eq!(
        (passed.score, passed.passed, passed.best_score),
        (100, true, 100)
    );
    assert!(passed.module_complete);
    assert!(passed.review.is_empty());

    let lib = sdr.library(&p).unwrap();
    let q = lib.modules[0].quiz.as_ref().unwrap();
    assert_eq!(
        (q.attempts, q.best_score, q.latest_score, q.passed),
        (2, Some(100), Some(100), true)
    );
    assert!(lib.modules[0].complete);
    assert_eq!(lib.modules_complete, 1);
}

#[test]
fn an_answer_cannot_be_changed_and_other_learners_cannot_touch_an_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let a = sdr.create_profile("A", Locale::En, 0).unwrap().id;
    let b = sdr.create_profile("B", Locale::En, 0).unwrap().id;
    let v = sdr.start_quiz(&a, "basics", false, 1).unwrap();
    let q = &v.questions[0].id;
    sdr.answer_question(&a, &v.attempt_id, q, &right(&sdr, q), 2)
        .unwrap();
    let err = sdr
        .answer_question(&a, &v.attempt_id, q, &wrong(&sdr, q), 3)
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let err = sdr
        .answer_question(&b, &v.attempt_id, &v.questions[1].id, &["a".into()], 3)
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = sdr.start_quiz(&a, "no-module", false, 1).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn fresh_attempts_shuffle_and_translations_fall_back_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let p = sdr.create_profile("สมชาย", Locale::Th, 0).unwrap().id;
    let orders: std::collections::HashSet<Vec<String>> = (0..12)
        .map(|i| {
            let v = sdr.start_quiz(&p, "basics", true, i).unwrap();
            // The fixture has no Thai quiz: English, marked as such.
            assert!(v.questions.iter().all(|q| q.locale == Locale::En));
            let tf = v.questions.iter().find(|q| q.id == "three-exists").unwrap();
            assert_eq!(
                tf.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
                ["true", "false"]
            );
            v.questions.iter().map(|q| q.id.clone()).collect()
        })
        .collect();
    assert!(
        orders.len() > 1,
        "question order never changed across 12 attempts"
    );
}
