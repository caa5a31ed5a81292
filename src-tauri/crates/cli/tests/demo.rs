//! `sdr demo` as a benchmark or a trainer runs it: the same seed fills two fresh folders the
//! same way, the folder then reads like any other, and a seed is not used twice in a folder.

mod common;

use common::sdr;
use std::path::Path;
use std::process::Output;

use sdr_core::{Locale, Sdr, content};

fn demo(data: &Path, learners: &str, seed: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "demo",
        "--learners",
        learners,
        "--workshop",
        "2018-malaysia",
        "--seed",
        seed,
    ];
    args.extend_from_slice(extra);
    sdr(&args, data)
}

/// The summary without the line that says how long it took.
fn summary(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.split("; made in").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The count printed for `kind`.
fn count(summary: &str, kind: &str) -> usize {
    summary
        .lines()
        .find(|l| l.trim_start().starts_with(kind))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {kind} in {summary}"))
}

#[test]
fn the_same_seed_fills_two_folders_alike_and_is_not_reused_in_one() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = demo(a.path(), "8", "5", &[]);
    let second = demo(b.path(), "8", "5", &[]);
    assert!(first.status.success(), "{first:?}");
    assert!(second.status.success(), "{second:?}");
    let text = summary(&first);
    assert_eq!(text, summary(&second));
    assert!(
        text.starts_with("8 demo learner(s) in 2018-malaysia, seed 5"),
        "{text}"
    );
    assert_eq!(count(&text, "profiles"), 8);
    assert_eq!(count(&text, "enrolments"), 8);

    // Both folders read alike through the core: the same learners, ids, names, times and
    // standing.
    let (profiles, rosters): (Vec<_>, Vec<_>) = [a.path(), b.path()]
        .iter()
        .map(|dir| {
            let core = Sdr::open(dir, content::builtin().unwrap()).unwrap();
            let profiles = core.start_state().unwrap().profiles;
            let roster = core.roster("2018-malaysia", Locale::En).unwrap();
            (profiles, format!("{:?}", roster.learners))
        })
        .unzip();
    assert_eq!(profiles[0].len(), 8);
    assert_eq!(profiles[0], profiles[1]);
    assert_eq!(rosters[0], rosters[1]);
    let complete = rosters[0].matches("complete: true").count();
    assert!(
        text.contains(&format!("{complete} certificate(s) issued")),
        "{text}"
    );

    let listed = String::from_utf8_lossy(&sdr(&["workshops"], a.path()).stdout).into_owned();
    assert!(listed.contains("8 learner(s)"), "{listed}");

    // The same seed again in that folder is refused, and nothing is added.
    let again = demo(a.path(), "8", "5", &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("seed 5"),
        "{again:?}"
    );

    // Another seed adds the full course beside them.
    let full = demo(a.path(), "2", "6", &["--full-course"]);
    assert!(full.status.success(), "{full:?}");
    let text = summary(&full);
    let lessons = content::builtin().unwrap().lessons().count();
    assert_eq!(count(&text, "progress events"), 2 * 2 * lessons, "{text}");
    let listed = String::from_utf8_lossy(&sdr(&["workshops"], a.path()).stdout).into_owned();
    assert!(listed.contains("10 learner(s)"), "{listed}");
}
