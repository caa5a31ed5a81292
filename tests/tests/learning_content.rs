//! System tests over the real quizzes and self-assessment: every question points at a lesson
//! that exists, in every locale the learner may choose, and the structures are sound.

use std::collections::HashSet;

use sdr_core::Locale;
use sdr_core::content::{self, PackFiles, QuestionKind};
use sdr_system_tests::repo_root;

fn pack() -> content::Pack {
    content::load(&PackFiles::from_dir(&repo_root().join("content")).unwrap()).unwrap()
}

#[test]
fn every_module_has_a_sound_quiz() {
    let pack = pack();
    for m in &pack.modules {
        let quiz = m
            .quiz
            .as_ref()
            .unwrap_or_else(|| panic!("module {} has no quiz", m.id));
        let n = quiz.questions.len();
        assert!((8..=12).contains(&n), "{}: {n} questions", m.id);
        let kinds: HashSet<QuestionKind> = quiz.questions.iter().map(|q| q.kind).collect();
        assert_eq!(kinds.len(), 4, "{}: every kind of question appears", m.id);
        assert!((1..=100).contains(&m.pass_mark));
        for q in &quiz.questions {
            assert!(
                m.lessons.iter().any(|l| l.id == q.lesson),
                "{}/{}",
                m.id,
                q.id
            );
            for (locale, texts) in &quiz.texts {
                let t = &texts[&q.id];
                assert!(!t.explanation.is_empty(), "{}/{} ({locale})", m.id, q.id);
            }
        }
    }
}

#[test]
fn every_assessment_question_maps_to_lessons_that_exist_in_every_locale() {
    let pack = pack();
    let a = pack
        .assessment
        .as_ref()
        .expect("the course has a self-assessment");
    assert!(
        (30..=40).contains(&a.questions.len()),
        "{} questions",
        a.questions.len()
    );
    assert_eq!(a.domains.len(), 10);
    for d in &a.domains {
        assert!(
            a.questions.iter().any(|q| &q.domain == d && q.level == 1),
            "{d}"
        );
    }
    for q in &a.questions {
        assert!(!q.control.is_empty(), "{}", q.id);
        assert!(!q.lessons.is_empty(), "{}", q.id);
        for l in &q.lessons {
            let lesson = pack
                .lesson(l)
                .unwrap_or_else(|| panic!("{}: no lesson {l}", q.id));
            for locale in Locale::ALL {
                // Shown in the learner's language, or visibly in English: never missing.
                let text = lesson.text(locale, pack.source_locale);
                assert!(!text.value.title.is_empty());
            }
        }
    }
    // The texts: the source locale is complete (the loader refuses it otherwise), and each
    // translation present has every domain and question.
    for (locale, t) in &a.texts {
        for q in &a.questions {
            let text = &t.questions[&q.id];
            assert_eq!(text.levels.len(), 4, "{} ({locale})", q.id);
        }
        assert_eq!(t.domains.len(), a.domains.len(), "{locale}");
    }
}

#[test]
fn the_glossary_has_sixty_terms_each_linked_from_a_lesson_in_every_locale_that_has_it() {
    let pack = pack();
    let g = &pack.glossary;
    assert!(g.ids.len() >= 60, "{} glossary terms", g.ids.len());
    for (locale, entries) in &g.texts {
        let linked: HashSet<&str> = pack
            .lessons()
            .filter_map(|l| l.texts.get(locale))
            .flat_map(|t| {
                pack.rendered(t, *locale)
                    .glossary
                    .iter()
                    .map(String::as_str)
            })
            .collect();
        let unlinked: Vec<&str> = entries
            .keys()
            .map(String::as_str)
            .filter(|id| !linked.contains(id))
            .collect();
        assert!(
            unlinked.is_empty(),
            "{locale}: never linked from a lesson: {unlinked:?}"
        );
    }
}
