//! `sdr lint` as a content author runs it: on the shipped course, and on a broken copy.

use std::path::{Path, PathBuf};
use std::process::Command;

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../content")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn sdr(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sdr"))
        .args(args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_shipped_course_passes() {
    let (code, out) = sdr(&["lint", content_dir().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 error(s)"), "{out}");
    assert!(out.contains("en       100%"), "{out}");
}

#[test]
fn a_broken_copy_fails_with_file_and_line_of_each_fault() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    copy_dir(&content_dir(), &pack);
    let lesson = pack.join("en/resilience-basics/what-an-incident-costs.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replacen("title = ", "titel = ", 1)).unwrap();
    let other = pack.join("en/resilience-basics/why-small-firms-are-targets.md");
    let mut text = std::fs::read_to_string(&other).unwrap();
    let lines = text.lines().count();
    text.push_str("\n<div>raw</div>\n");
    std::fs::write(&other, text).unwrap();

    let (code, out) = sdr(&["lint", pack.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("en/resilience-basics/what-an-incident-costs.md:2: error: field `titel`"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "en/resilience-basics/why-small-firms-are-targets.md:{}: error: raw HTML",
            lines + 2
        )),
        "{out}"
    );
    assert!(out.contains("2 error(s)"), "{out}");
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let (code, out) = sdr(&["lint", "/nonexistent/pack"]);
    assert_eq!(code, 2);
    assert!(out.contains("cannot read /nonexistent/pack"), "{out}");
}
