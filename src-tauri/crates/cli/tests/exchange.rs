//! `sdr export`, `sdr import` and `sdr status` as an organizer runs them, on real data folders
//! filled by `sdr demo`: three laptops merged in two orders give the same digest; a dry run
//! stores nothing; a bad file among good ones is refused and the exit status says so; an
//! import killed half-way leaves nothing half-done, and running it again completes it.

mod common;

use common::sdr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{o:?}");
    String::from_utf8(o.stdout).unwrap()
}

/// A laptop with demo learners of `workshop`, named `name`.
fn laptop(
    name: &str,
    workshop: &str,
    seed: &str,
    learners: &str,
    extra: &[&str],
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "demo",
        "--learners",
        learners,
        "--workshop",
        workshop,
        "--seed",
        seed,
    ];
    args.extend_from_slice(extra);
    ok(sdr(&args, dir.path()));
    ok(sdr(&["laptop", name], dir.path()));
    dir
}

fn export(data: &Path, out: &Path) -> PathBuf {
    ok(sdr(&["export", "--out", out.to_str().unwrap()], data));
    let mut files: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap());
    files.pop().unwrap()
}

/// What `sdr status` prints on `line` ("digest", "learners", "records").
fn status(data: &Path, line: &str) -> String {
    ok(sdr(&["status"], data))
        .lines()
        .find(|l| l.starts_with(line))
        .unwrap_or_else(|| panic!("no {line}"))
        .split_whitespace()
        .last()
        .unwrap()
        .to_string()
}

fn trust(data: &Path, file: &Path, name: &str) {
    ok(sdr(
        &["trust", file.to_str().unwrap(), "--name", name],
        data,
    ));
}

#[test]
fn three_laptops_merge_to_the_same_data_in_any_order() {
    let laptops = [
        laptop("Kuala Lumpur 1", "2018-malaysia", "11", "6", &[]),
        laptop("Manila 1", "2018-philippines", "12", "6", &[]),
        laptop("Bangkok 1", "2018-thailand", "13", "6", &[]),
    ];
    let usb = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = laptops
        .iter()
        .map(|l| export(l.path(), usb.path()))
        .collect();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names[0].starts_with("results_all_Kuala-Lumpur-1_"),
        "{names:?}"
    );

    let (x, y) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for org in [&x, &y] {
        for (f, n) in files.iter().zip(["KL 1", "Manila 1", "Bangkok 1"]) {
            trust(org.path(), f, n);
        }
    }
    let empty = status(x.path(), "digest");

    // A dry run counts and stores nothing.
    let dry = ok(sdr(
        &["import", "--dry-run", usb.path().to_str().unwrap()],
        x.path(),
    ));
    assert!(
        dry.contains("3 would import")
            || dry.contains("Imported: 3")
            || dry.contains("would import"),
        "{dry}"
    );
    assert!(dry.contains("dry run: nothing stored"), "{dry}");
    assert_eq!(status(x.path(), "digest"), empty);

    // The folder at once on one organizer laptop, the files one by one backwards on another.
    let out = ok(sdr(&["import", usb.path().to_str().unwrap()], x.path()));
    assert!(out.contains("3 imported"), "{out}");
    for f in files.iter().rev() {
        ok(sdr(&["import", f.to_str().unwrap()], y.path()));
    }
    assert_eq!(status(x.path(), "learners"), "18");
    assert_eq!(status(x.path(), "digest"), status(y.path(), "digest"));
    let records: u64 = laptops
        .iter()
        .map(|l| status(l.path(), "records").parse::<u64>().unwrap())
        .sum();
    assert_eq!(status(x.path(), "records"), records.to_string());

    // Again: nothing new.
    let again = ok(sdr(&["import", usb.path().to_str().unwrap()], y.path()));
    assert!(again.contains("3 already imported"), "{again}");

    // A bad file among good ones: refused, named, and the exit status says so.
    std::fs::write(
        usb.path().join("broken.sdrresults"),
        b"SDR-RESULTS 1 nonsense\n",
    )
    .unwrap();
    let bad = sdr(&["import", usb.path().to_str().unwrap()], y.path());
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");
    let text = String::from_utf8(bad.stdout).unwrap();
    assert!(
        text.contains("broken.sdrresults") && text.contains("REFUSED"),
        "{text}"
    );
    assert!(text.contains("3 already imported, 1 refused"), "{text}");
}

#[test]
fn an_import_killed_half_way_leaves_nothing_half_done_and_completes_when_run_again() {
    let source = laptop("Ha Noi 1", "2018-viet-nam", "21", "40", &["--full-course"]);
    let usb = tempfile::tempdir().unwrap();
    let file = export(source.path(), usb.path());
    let expected = status(source.path(), "digest");
    let learners = status(source.path(), "learners");

    // Killed at several moments: before it starts merging, during, and (perhaps) after.
    for delay_ms in [5u64, 60, 150, 300, 600] {
        let org = tempfile::tempdir().unwrap();
        trust(org.path(), &file, "Ha Noi 1");
        let empty = status(org.path(), "digest");
        let mut child = Command::new(env!("CARGO_BIN_EXE_sdr"))
            .args(["import", file.to_str().unwrap(), "--data-dir"])
            .arg(org.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let after = status(org.path(), "digest");
        assert!(
            after == empty || after == expected,
            "killed after {delay_ms} ms: the data is half-imported"
        );
        ok(sdr(&["import", file.to_str().unwrap()], org.path()));
        assert_eq!(
            status(org.path(), "digest"),
            expected,
            "after {delay_ms} ms"
        );
        assert_eq!(status(org.path(), "learners"), learners);
    }
}
