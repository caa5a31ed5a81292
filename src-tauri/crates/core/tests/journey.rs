//! The facade end to end on a tiny fixture course and a real SQLite file in a temp folder.

use std::path::Path;

use sdr_core::content::{self, PackFiles};
use sdr_core::learning::LessonStatus;
use sdr_core::{ErrorCode, Locale, Sdr};

fn fixture() -> content::Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/course");
    content::load(&PackFiles::from_dir(&dir).unwrap()).unwrap()
}

const T0: i64 = 1_700_000_000_000;

#[test]
fn progress_survives_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let id;
    {
        let sdr = Sdr::open(dir.path(), fixture()).unwrap();
        let p = sdr
            .create_profile("Nguyễn Thị Hương", Locale::Vi, T0)
            .unwrap();
        id = p.id.clone();
        let v = sdr.open_lesson(&id, "one", T0 + 1).unwrap();
        assert_eq!(v.status, LessonStatus::InProgress);
        assert_eq!((v.position, v.module_lessons), (1, 3));
        assert!(v.prev.is_none());
        assert_eq!(v.next.as_ref().unwrap().id, "two");
        let v = sdr.set_lesson_done(&id, "one", true, T0 + 2).unwrap();
        assert_eq!(v.status, LessonStatus::Done);
        assert_eq!(v.module_percent, 33);
        sdr.open_lesson(&id, "two", T0 + 3).unwrap();
    }
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let start = sdr.start_state().unwrap();
    assert_eq!(start.profiles.len(), 1);
    assert_eq!(start.profiles[0].display_name, "Nguyễn Thị Hương");
    assert_eq!(start.last_profile_id.as_deref(), Some(id.as_str()));
    assert_eq!(
        start.device_locale,
        Locale::Vi,
        "the device speaks the last learner's language"
    );
    let lib = sdr.library(&id).unwrap();
    assert_eq!(lib.lessons_done, 1);
    assert_eq!(lib.lessons_total, 3);
    assert_eq!(lib.modules[0].percent, 33);
    assert_eq!(lib.resume.as_ref().unwrap().id, "two");
    assert_eq!(lib.modules[0].lessons[1].status, LessonStatus::InProgress);
    // Marking a lesson not done again is an event too.
    let v = sdr.set_lesson_done(&id, "one", false, T0 + 4).unwrap();
    assert_eq!(v.status, LessonStatus::InProgress);
}

#[test]
fn untranslated_items_come_back_in_english_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let th = sdr.create_profile("สมชาย ใจดี", Locale::Th, T0).unwrap();
    let lib = sdr.library(&th.id).unwrap();
    assert_eq!(lib.course_title, "หลักสูตรทดสอบ");
    assert_eq!(lib.course_title_locale, Locale::Th);
    assert_eq!(lib.modules[0].locale, Locale::Th);
    assert_eq!(lib.modules[0].lessons[0].locale, Locale::Th);
    assert_eq!(lib.modules[0].lessons[1].locale, Locale::En);
    let v = sdr.open_lesson(&th.id, "two", T0).unwrap();
    assert_eq!(v.locale, Locale::En);
    assert_eq!(v.title, "Lesson two");
    assert_eq!(v.prev.as_ref().unwrap().locale, Locale::Th);

    // A locale the pack does not have at all falls back for every item.
    let vi = sdr.create_profile("Trần Văn An", Locale::Vi, T0).unwrap();
    let lib = sdr.library(&vi.id).unwrap();
    assert_eq!(lib.course_title_locale, Locale::En);
    // Changing the profile's language changes what it is served.
    sdr.set_profile_locale(&vi.id, Locale::Th, T0).unwrap();
    assert_eq!(sdr.library(&vi.id).unwrap().course_title_locale, Locale::Th);
}

#[test]
fn bad_requests_are_refused_with_codes() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let p = sdr.create_profile("陳美玲", Locale::ZhHant, T0).unwrap();
    let err = sdr
        .create_profile(" 陳美玲 ", Locale::En, T0)
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::NameTaken);
    let err = sdr.create_profile("   ", Locale::En, T0).err().unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let err = sdr.open_lesson(&p.id, "no-such-lesson", T0).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = sdr.library("no-such-profile").err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(sdr.start_state().unwrap().profiles.len(), 1);
}

#[test]
fn progress_events_cannot_be_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let p = sdr.create_profile("Maria Santos", Locale::Fil, T0).unwrap();
    sdr.set_lesson_done(&p.id, "one", true, T0).unwrap();
    drop(sdr);
    let conn = rusqlite::Connection::open(dir.path().join("sdr.db")).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM progress_events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let id: String = conn
        .query_row("SELECT id FROM progress_events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(uuid_version(&id), Some('4'));
    assert!(conn.execute("DELETE FROM progress_events", []).is_err());
    assert!(
        conn.execute("UPDATE progress_events SET kind = 'lesson_opened'", [])
            .is_err()
    );
}

fn uuid_version(id: &str) -> Option<char> {
    (id.len() == 36).then(|| id.chars().nth(14)).flatten()
}

#[test]
fn glossary_terms_are_linked_from_lessons_and_listed_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), fixture()).unwrap();
    let en = sdr.create_profile("Ana", Locale::En, T0).unwrap();
    let v = sdr.open_lesson(&en.id, "one", T0).unwrap();
    assert!(v.html.contains("#glossary/lesson"), "{}", v.html);
    let ids: Vec<_> = v.glossary.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["lesson", "step"]);

    let th = sdr.create_profile("สมชาย", Locale::Th, T0).unwrap();
    let v = sdr.open_lesson(&th.id, "one", T0).unwrap();
    assert_eq!(v.glossary[0].term, "บทเรียน");
    let all = sdr.glossary(&th.id).unwrap();
    assert_eq!(all.len(), 2);
    let step = all.iter().find(|t| t.id == "step").unwrap();
    assert_eq!(
        step.locale,
        Locale::En,
        "untranslated entries fall back visibly"
    );
}
