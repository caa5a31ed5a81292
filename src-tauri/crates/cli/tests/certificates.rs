//! `sdr certify`, `sdr verify`, `sdr key` and `sdr trust` on a real data folder.

mod common;

use common::sdr;

use std::process::Output;

use sdr_core::certificates::payload::find_payload;
use sdr_core::{Locale, Sdr, content};
use sdr_system_tests::complete_workshop;

const T0: i64 = 1_795_737_600_000;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn certify_a_workshop_then_verify_trust_and_catch_a_change() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    {
        let core = Sdr::open(data.path(), content::builtin().unwrap()).unwrap();
        let p = core.create_profile("陳淑芬", Locale::ZhHant, T0).unwrap();
        complete_workshop(&core, &p.id, "2018-chinese-taipei", T0);
        let q = core.create_profile("王小明", Locale::ZhHant, T0).unwrap();
        core.enrol(&q.id, "2018-chinese-taipei", T0).unwrap();
    }
    let o = sdr(
        &[
            "certify",
            "--workshop",
            "2018-chinese-taipei",
            "--out",
            out.path().to_str().unwrap(),
        ],
        data.path(),
    );
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(text.contains("1 certificate(s) written"), "{text}");
    assert!(text.contains("skipped  王小明: still missing"), "{text}");
    let files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let pdf = files[0].to_str().unwrap();

    let o = sdr(&["verify", pdf], data.path());
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).starts_with("VALID"));
    assert!(stdout(&o).contains("name:        陳淑芬"));

    // The payload as text, with one character changed: tampered, exit code 1.
    let payload = find_payload(&std::fs::read(pdf).unwrap()).unwrap();
    let o = sdr(&["verify", &payload], data.path());
    assert!(o.status.success());
    let mut changed = payload.clone().into_bytes();
    let i = changed.len() - 3;
    changed[i] = if changed[i] == b'Q' { b'R' } else { b'Q' };
    let o = sdr(
        &["verify", std::str::from_utf8(&changed).unwrap()],
        data.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("TAMPERED"), "{}", stdout(&o));

    // Another installation does not know the issuer until it trusts its key.
    let other = tempfile::tempdir().unwrap();
    let o = sdr(&["verify", pdf], other.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("UNKNOWN ISSUER"), "{}", stdout(&o));
    let key = stdout(&sdr(&["key"], data.path()));
    let key_file = other.path().join("issuer.key");
    std::fs::write(&key_file, &key).unwrap();
    let o = sdr(
        &[
            "trust",
            key_file.to_str().unwrap(),
            "--name",
            "Taipei workshop laptop",
        ],
        other.path(),
    );
    assert!(o.status.success(), "{o:?}");
    let o = sdr(&["verify", pdf], other.path());
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("Taipei workshop laptop"));

    // A folder that is not there: a message and exit code 2, nothing written.
    let o = sdr(
        &[
            "certify",
            "--workshop",
            "2018-chinese-taipei",
            "--out",
            "/no/such/folder",
        ],
        data.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("could not write"));
}
