//! Property tests of the results exchange over randomly generated laptops: learners made and
//! studying on several laptops, some carried from one laptop to another half-way, names and
//! languages changed on both sides, workshop details entered twice. Whatever happened, merging
//! the laptops' files in any order gives the same data; importing again adds nothing; and no
//! record exported anywhere is missing afterwards.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use sdr_core::content::{self, PackFiles};
use sdr_core::exchange::ExportScope;
use sdr_core::views::{ImportOutcome, WorkshopDetails};
use sdr_core::{Locale, Sdr};

const T0: i64 = 1_795_737_600_000;
const WORKSHOPS: [&str; 2] = ["2018-thailand", "2018-viet-nam"];
const NAMES: [&str; 4] = ["สมชาย ใจดี", "Nguyễn Thị Hương", "陳淑芬", "Juan dela Cruz"];

fn pack() -> content::Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/course");
    content::load(&PackFiles::from_dir(&dir).unwrap()).unwrap()
}

/// One thing a person does on a laptop. Indices pick among what exists; out-of-range picks
/// wrap around, and an action with nothing to act on is skipped.
#[derive(Debug, Clone)]
enum Op {
    Create {
        name: usize,
        locale: usize,
    },
    Lesson {
        learner: usize,
        lesson: usize,
        done: bool,
    },
    Quiz {
        learner: usize,
        right: bool,
    },
    Assess {
        learner: usize,
        level: u8,
    },
    Enrol {
        learner: usize,
        workshop: usize,
    },
    Locale {
        learner: usize,
        locale: usize,
    },
    Details {
        workshop: usize,
        city: usize,
    },
    /// The learner takes their progress to the next laptop.
    Carry {
        learner: usize,
    },
    /// Two profiles linked as one person, or the link undone.
    Link {
        a: usize,
        b: usize,
        same: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..4usize, 0..6usize).prop_map(|(name, locale)| Op::Create { name, locale }),
        (0..8usize, 0..8usize, any::<bool>()).prop_map(|(learner, lesson, done)| Op::Lesson {
            learner,
            lesson,
            done
        }),
        (0..8usize, any::<bool>()).prop_map(|(learner, right)| Op::Quiz { learner, right }),
        (0..8usize, 0..4u8).prop_map(|(learner, level)| Op::Assess { learner, level }),
        (0..8usize, 0..2usize).prop_map(|(learner, workshop)| Op::Enrol { learner, workshop }),
        (0..8usize, 0..6usize).prop_map(|(learner, locale)| Op::Locale { learner, locale }),
        (0..2usize, 0..3usize).prop_map(|(workshop, city)| Op::Details { workshop, city }),
        (0..8usize).prop_map(|learner| Op::Carry { learner }),
        (0..8usize, 0..8usize, any::<bool>()).prop_map(|(a, b, same)| Op::Link { a, b, same }),
    ]
}

struct Laptop {
    _dir: tempfile::TempDir,
    sdr: Sdr,
}

/// Everything each laptop trusts: all the others.
fn trust_all(laptops: &[Laptop]) {
    for (j, a) in laptops.iter().enumerate() {
        for (i, b) in laptops.iter().enumerate().filter(|(i, _)| *i != j) {
            let key = b.sdr.issuer_key(T0).unwrap().public_key;
            a.sdr
                .import_issuer(&key, &format!("laptop {i}"), T0)
                .unwrap();
        }
    }
}

fn learners(sdr: &Sdr) -> Vec<String> {
    sdr.start_state()
        .unwrap()
        .profiles
        .into_iter()
        .map(|p| p.id)
        .collect()
}

fn run(laptops: &[Laptop], script: &[(usize, Op)], files: &Path) {
    for (step, (which, op)) in script.iter().enumerate() {
        let n = laptops.len();
        let sdr = &laptops[which % n].sdr;
        let t = T0 + step as i64 * 60_000;
        let ids = learners(sdr);
        let pick = |i: usize| ids.get(i % ids.len().max(1)).cloned();
        let locale = |i: usize| Locale::ALL[i % Locale::ALL.len()];
        match op {
            Op::Create { name, locale: l } => {
                // A name already on this laptop is refused, as in the app.
                let _ = sdr.create_profile(NAMES[*name], locale(*l), t);
            }
            Op::Lesson {
                learner,
                lesson,
                done,
            } => {
                if let Some(p) = pick(*learner) {
                    let lessons: Vec<String> = sdr
                        .pack()
                        .modules
                        .iter()
                        .flat_map(|m| m.lessons.iter().map(|l| l.id.clone()))
                        .collect();
                    let l = &lessons[lesson % lessons.len()];
                    sdr.set_lesson_done(&p, l, *done, t).unwrap();
                }
            }
            Op::Quiz { learner, right } => {
                let Some(p) = pick(*learner) else { continue };
                let module = sdr.pack().modules[0].clone();
                let Some(quiz) = &module.quiz else { continue };
                let view = sdr.start_quiz(&p, &module.id, true, t).unwrap();
                for q in &view.questions {
                    let question = quiz.questions.iter().find(|x| x.id == q.id).unwrap();
                    let ids: Vec<String> = if *right {
                        question.correct_ids().map(str::to_string).collect()
                    } else {
                        vec![question.options.iter().find(|(_, c)| !c).unwrap().0.clone()]
                    };
                    sdr.answer_question(&p, &view.attempt_id, &q.id, &ids, t + 1)
                        .unwrap();
                }
                sdr.finish_quiz(&p, &view.attempt_id, t + 2).unwrap();
            }
            Op::Assess { learner, level } => {
                let Some(p) = pick(*learner) else { continue };
                let a = sdr.start_assessment(&p, t).unwrap();
                for q in &a.questions {
                    sdr.answer_assessment(&p, &a.id, &q.id, *level, t + 1)
                        .unwrap();
                }
                sdr.finish_assessment(&p, &a.id, t + 2).unwrap();
            }
            Op::Enrol { learner, workshop } => {
                if let Some(p) = pick(*learner) {
                    sdr.enrol(&p, WORKSHOPS[*workshop], t).unwrap();
                }
            }
            Op::Locale { learner, locale: l } => {
                if let Some(p) = pick(*learner) {
                    sdr.set_profile_locale(&p, locale(*l), t).unwrap();
                }
            }
            Op::Details { workshop, city } => {
                let details = WorkshopDetails {
                    city: ["Bangkok", "Hà Nội", "Đà Nẵng"][*city].into(),
                    ..Default::default()
                };
                sdr.update_workshop(WORKSHOPS[*workshop], details, Locale::En, t)
                    .unwrap();
            }
            Op::Link { a, b, same } => {
                if let (Some(x), Some(y)) = (pick(*a), pick(*b))
                    && x != y
                {
                    sdr.set_same_person(&[x, y], *same, Locale::En, t).unwrap();
                }
            }
            Op::Carry { learner } => {
                let Some(p) = pick(*learner) else { continue };
                let file = files.join(format!("carry-{step}.sdrresults"));
                sdr.export_results(&ExportScope::Profile(p), &file, t)
                    .unwrap();
                let next = &laptops[(which + 1) % n].sdr;
                let r = next.import_file(&file, false, t);
                // A learner of the same name on the next laptop is a different person: both
                // profiles are kept (linking them is the organizer's choice).
                assert_ne!(r.outcome, ImportOutcome::Refused, "{r:?}");
            }
        }
    }
}

/// What a person sees of a learner.
fn views(sdr: &Sdr, id: &str) -> String {
    serde_json::json!({
        "library": sdr.library(id).unwrap(),
        "workshop": sdr.workshop_status(id).unwrap(),
        "assessment": sdr.assessment_overview(id).unwrap(),
    })
    .to_string()
}

fn export_all(laptops: &[Laptop], files: &Path) -> Vec<PathBuf> {
    laptops
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let f = files.join(format!("laptop-{i}.sdrresults"));
            l.sdr
                .export_results(&ExportScope::All, &f, T0 + 10_000_000)
                .unwrap();
            f
        })
        .collect()
}

fn organizer(laptops: &[Laptop]) -> (tempfile::TempDir, Sdr) {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), pack()).unwrap();
    for (i, l) in laptops.iter().enumerate() {
        let key = l.sdr.issuer_key(T0).unwrap().public_key;
        sdr.import_issuer(&key, &format!("laptop {i}"), T0).unwrap();
    }
    (dir, sdr)
}

proptest! {
    // A fixed seed: the same 24 histories on every run and machine (a deterministic test);
    // `PROPTEST_CASES=500` explores more of them by hand. No failure file is written.
    #![proptest_config(ProptestConfig {
        cases: 24,
        rng_seed: RngSeed::Fixed(0x5d12_2026),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_import_order_gives_the_same_data_and_loses_nothing(
        script in prop::collection::vec((0..3usize, op()), 1..40),
        order in Just((0..3usize).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let laptops: Vec<Laptop> = (0..3)
            .map(|_| {
                let dir = tempfile::tempdir().unwrap();
                let sdr = Sdr::open(dir.path(), pack()).unwrap();
                Laptop { _dir: dir, sdr }
            })
            .collect();
        trust_all(&laptops);
        let files = tempfile::tempdir().unwrap();
        run(&laptops, &script, files.path());
        let exported = export_all(&laptops, files.path());

        // In order, and in the shuffled order.
        let (_a, first) = organizer(&laptops);
        for f in &exported {
            let r = first.import_file(f, false, T0);
            prop_assert_eq!(r.outcome, ImportOutcome::Imported, "{:?}", r);
        }
        let (_b, second) = organizer(&laptops);
        for &i in &order {
            let r = second.import_file(&exported[i], false, T0);
            prop_assert_eq!(r.outcome, ImportOutcome::Imported, "{:?}", r);
        }
        let digest = first.data_status().unwrap().digest;
        prop_assert_eq!(&second.data_status().unwrap().digest, &digest);

        // Nothing lost: every record of every file is here, and importing again adds nothing.
        for f in &exported {
            let again = first.import_file(f, false, T0);
            prop_assert_eq!(again.outcome, ImportOutcome::AlreadyImported);
            let dry = second.import_results(std::slice::from_ref(f), true, T0, &mut |_, _, _| {});
            prop_assert_eq!(dry[0].outcome, ImportOutcome::AlreadyImported);
        }
        // The organizer's own export, merged anywhere, adds nothing either.
        let merged = files.path().join("merged.sdrresults");
        first.export_results(&ExportScope::All, &merged, T0).unwrap();
        let key = first.issuer_key(T0).unwrap().public_key;
        second.import_issuer(&key, "organizer", T0).unwrap();
        let r = second.import_file(&merged, false, T0);
        prop_assert_eq!(r.outcome, ImportOutcome::Imported);
        prop_assert_eq!((r.learners_new, r.records_new), (0, 0), "{:?}", r);
        prop_assert_eq!(&second.data_status().unwrap().digest, &digest);
        // Once every laptop has the merged file, every laptop shows every learner exactly as
        // the organizer does: they have converged.
        for l in &laptops {
            l.sdr.import_issuer(&key, "organizer", T0).unwrap();
            let r = l.sdr.import_file(&merged, false, T0);
            prop_assert_eq!(r.outcome, ImportOutcome::Imported, "{:?}", r);
            prop_assert_eq!(&l.sdr.data_status().unwrap().digest, &digest);
            for id in learners(&first) {
                prop_assert_eq!(views(&l.sdr, &id), views(&first, &id));
            }
            prop_assert_eq!(
                l.sdr.people(Locale::En).unwrap().people,
                first.people(Locale::En).unwrap().people
            );
        }
    }
}
