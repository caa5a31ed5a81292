//! Helpers shared by the system tests and the benchmarks that run over the real course.

use sdr_core::Sdr;

pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Does, through the public API, everything a learner does to earn `workshop`'s certificate:
/// joins it, reads every lesson, passes every quiz (all right but the first question), and
/// finishes a self-assessment. Times start at `t`.
pub fn complete_workshop(sdr: &Sdr, profile_id: &str, workshop: &str, t: i64) {
    sdr.enrol(profile_id, workshop, t).unwrap();
    let modules: Vec<_> = sdr.pack().modules.to_vec();
    for m in &modules {
        for l in &m.lessons {
            sdr.set_lesson_done(profile_id, &l.id, true, t + 1).unwrap();
        }
        let Some(quiz) = &m.quiz else { continue };
        let view = sdr.start_quiz(profile_id, &m.id, true, t + 2).unwrap();
        for (i, q) in view.questions.iter().enumerate() {
            let question = quiz.questions.iter().find(|x| x.id == q.id).unwrap();
            let ids: Vec<String> = if i > 0 {
                question.correct_ids().map(str::to_string).collect()
            } else {
                vec![question.options.iter().find(|(_, c)| !c).unwrap().0.clone()]
            };
            sdr.answer_question(profile_id, &view.attempt_id, &q.id, &ids, t + 3)
                .unwrap();
        }
        sdr.finish_quiz(profile_id, &view.attempt_id, t + 4)
            .unwrap();
    }
    let a = sdr.start_assessment(profile_id, t + 5).unwrap();
    for q in &a.questions {
        sdr.answer_assessment(profile_id, &a.id, &q.id, 2, t + 6)
            .unwrap();
    }
    sdr.finish_assessment(profile_id, &a.id, t + 7).unwrap();
}
