//! The self-assessment end to end on the fixture course and a real database.

use std::path::Path;

use sdr_core::content::{self, PackFiles};
use sdr_core::{ErrorCode, Locale, Sdr};

fn fixture() -> content::Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/course");
    content::load(&PackFiles::from_dir(&dir).unwrap()).unwrap()
}

#[test]
fn resume_finish_compare_and_plan() {
    let dir = tempfile::tempdir().unwrap();
    let id;
    {
        let sdr = Sdr::open(dir.path(), fixture()).unwrap();
        let p = sdr.create_profile("Lê Thu Trang", Locale::Vi, 0).unwrap();
        let v = sdr.start_assessment(&p.id, 1).unwrap();
        assert_eq!((v.answered, v.total), (0, 3));
        assert_eq!(v.questions[0].levels.len(), 4);
        assert_eq!(
            v.questions[0].locale,
            Locale::En,
            "no Vietnamese texts in the fixture"
        );
        sdr.answer_assessment(&p.id, &v.id, "mfa-email", 1, 2)
            .unwrap();
        id = (p.id, v.id);
    }
    // Reopen: the unfinished assessment resumes with its answer.
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let (p, a) = &id;
    let overview = sdr.assessment_overview(p).unwrap();
    assert_eq!(overview.in_progress.as_ref().unwrap().answered, 1);
    let v = sdr.start_assessment(p, 3).unwrap();
    assert_eq!(&v.id, a);
    assert_eq!(
        v.questions
            .iter()
            .find(|q| q.id == "mfa-email")
            .unwrap()
            .answer,
        Some(1)
    );
    let err = sdr.finish_assessment(p, a, 4).err().unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    // Changing an answer: the latest counts.
    sdr.answer_assessment(p, a, "mfa-email", 3, 5).unwrap();
    sdr.answer_assessment(p, a, "password-manager", 0, 6)
        .unwrap();
    sdr.answer_assessment(p, a, "offline-copy", 2, 7).unwrap();
    let first = sdr.finish_assessment(p, a, 8).unwrap();
    let levels: Vec<_> = first
        .domains
        .iter()
        .map(|d| (d.id.as_str(), d.level))
        .collect();
    assert_eq!(levels, [("accounts", 1), ("backup", 3)]);
    assert_eq!(first.overall, 55, "(3 + 0 + 2) / 9");
    assert_eq!(first.previous_overall, None);
    let plan: Vec<_> = first.plan.iter().map(|s| s.question_id.as_str()).collect();
    assert_eq!(plan, ["password-manager", "offline-copy"]);
    assert_eq!(first.plan[0].lessons[0].id, "two");
    let err = sdr
        .answer_assessment(p, a, "mfa-email", 0, 9)
        .err()
        .unwrap();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a finished assessment is frozen"
    );

    // A second one, compared with the first.
    let v2 = sdr.start_assessment(p, 10).unwrap();
    assert_ne!(&v2.id, a);
    for (q, ans) in [
        ("mfa-email", 3),
        ("password-manager", 3),
        ("offline-copy", 1),
    ] {
        sdr.answer_assessment(p, &v2.id, q, ans, 11).unwrap();
    }
    let second = sdr.finish_assessment(p, &v2.id, 12).unwrap();
    let change: Vec<_> = second
        .domains
        .iter()
        .map(|d| (d.level, d.previous_level))
        .collect();
    assert_eq!(change, [(3, Some(1)), (0, Some(3))]);
    assert_eq!(second.previous_overall, Some(55));
    let overview = sdr.assessment_overview(p).unwrap();
    assert!(overview.in_progress.is_none());
    assert_eq!(overview.history.len(), 2);
    assert_eq!(overview.history[0].id, v2.id, "newest first");
    // The first report is unchanged by the second assessment.
    assert_eq!(sdr.assessment_report(p, a).unwrap().overall, 55);
}

#[test]
fn answers_are_checked_and_private() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let a = sdr.create_profile("A", Locale::En, 0).unwrap().id;
    let b = sdr.create_profile("B", Locale::En, 0).unwrap().id;
    let v = sdr.start_assessment(&a, 1).unwrap();
    assert_eq!(
        sdr.answer_assessment(&a, &v.id, "mfa-email", 4, 2)
            .err()
            .unwrap()
            .code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        sdr.answer_assessment(&a, &v.id, "nope", 1, 2)
            .err()
            .unwrap()
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        sdr.answer_assessment(&b, &v.id, "mfa-email", 1, 2)
            .err()
            .unwrap()
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        sdr.assessment_report(&b, &v.id).err().unwrap().code(),
        ErrorCode::NotFound
    );
}
