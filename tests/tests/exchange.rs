//! Results exchange over real data folders and real files: two laptops' worth of study, made
//! through the core's public API, exported, and merged on a third laptop in either order, show
//! the same learners, progress, scores and certificates as the originals; every bad file is
//! refused with nothing changed.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sdr_core::exchange::ExportScope;
use sdr_core::exchange::format::{self, SIGNATURE_CONTEXT};
use sdr_core::views::{FileImport, ImportOutcome, ResultsSigner};
use sdr_core::{ErrorCode, Locale, Sdr, content, keys};
use sdr_system_tests::complete_workshop;
use sha2::{Digest, Sha256};

const T0: i64 = 1_795_737_600_000; // 2026-11-27T00:00Z
const DAY: i64 = 86_400_000;

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, content::builtin().unwrap()).unwrap()
}

struct Laptop {
    _dir: tempfile::TempDir,
    sdr: Sdr,
    learners: Vec<String>,
}

/// Laptop A (Bangkok): a Thai learner who finished and holds a certificate, a Vietnamese one
/// half-way. Laptop B (Hanoi): a Vietnamese learner who finished, a Filipino one who changed
/// her language, and the trainer's workshop details.
fn laptops() -> (Laptop, Laptop) {
    let a_dir = tempfile::tempdir().unwrap();
    let a = open(a_dir.path());
    a.set_laptop_name("Bangkok 1").unwrap();
    let somchai = a.create_profile("สมชาย ใจดี", Locale::Th, T0).unwrap().id;
    complete_workshop(&a, &somchai, "2018-thailand", T0 + 10);
    a.certificate_pdf(&somchai, T0 + DAY).unwrap();
    let huong = a
        .create_profile("Nguyễn Thị Hương", Locale::Vi, T0 + 20)
        .unwrap()
        .id;
    a.enrol(&huong, "2018-thailand", T0 + 21).unwrap();
    let first = a.pack().modules[0].lessons[0].id.clone();
    a.open_lesson(&huong, &first, T0 + 22).unwrap();
    a.set_lesson_done(&huong, &first, true, T0 + 23).unwrap();

    let b_dir = tempfile::tempdir().unwrap();
    let b = open(b_dir.path());
    b.set_laptop_name("Hà Nội 2").unwrap();
    let bao = b
        .create_profile("Trần Quốc Bảo", Locale::Vi, T0)
        .unwrap()
        .id;
    complete_workshop(&b, &bao, "2018-viet-nam", T0 + 30);
    b.certificate_pdf(&bao, T0 + DAY).unwrap();
    let maria = b
        .create_profile("Ma. Cristina dela Cruz-Santos", Locale::En, T0 + 40)
        .unwrap()
        .id;
    b.enrol(&maria, "2018-viet-nam", T0 + 41).unwrap();
    b.set_profile_locale(&maria, Locale::Fil, T0 + 42).unwrap();
    let details = sdr_core::views::WorkshopDetails {
        city: "Hà Nội".into(),
        host: "Agency for SME Development".into(),
        start_date: "2018-09-10".into(),
        end_date: "2018-09-11".into(),
    };
    b.update_workshop("2018-viet-nam", details, Locale::En, T0 + 43)
        .unwrap();
    (
        Laptop {
            _dir: a_dir,
            sdr: a,
            learners: vec![somchai, huong],
        },
        Laptop {
            _dir: b_dir,
            sdr: b,
            learners: vec![bao, maria],
        },
    )
}

fn export(l: &Laptop, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let report = l
        .sdr
        .export_results(&ExportScope::All, &path, T0 + 2 * DAY)
        .unwrap();
    assert_eq!(report.learners as usize, l.learners.len());
    path
}

fn trust(sdr: &Sdr, file: &Path, label: &str) {
    sdr.trust_results_signer(file, label, T0).unwrap();
}

fn import(sdr: &Sdr, file: &Path) -> FileImport {
    sdr.import_file(file, false, T0 + 3 * DAY)
}

/// Everything a person sees of a learner: the library, the workshop card, the assessment.
fn learner_views(sdr: &Sdr, id: &str) -> serde_json::Value {
    serde_json::json!({
        "library": sdr.library(id).unwrap(),
        "workshop": sdr.workshop_status(id).unwrap(),
        "assessment": sdr.assessment_overview(id).unwrap(),
    })
}

#[test]
fn two_laptops_merged_in_either_order_show_what_the_originals_show() {
    let (a, b) = laptops();
    let files = tempfile::tempdir().unwrap();
    let fa = export(&a, files.path(), "a.sdrresults");
    let fb = export(&b, files.path(), "b.sdrresults");

    let mut digests = Vec::new();
    for order in [[&fa, &fb], [&fb, &fa]] {
        let dir = tempfile::tempdir().unwrap();
        let c = open(dir.path());
        trust(&c, &fa, "Bangkok 1");
        trust(&c, &fb, "Hanoi 2");
        for f in order {
            let r = import(&c, f);
            assert_eq!(r.outcome, ImportOutcome::Imported, "{r:?}");
            assert_eq!(r.learners_new, 2);
            assert!(r.records_new > 100, "{r:?}");
            assert!(matches!(r.signer, ResultsSigner::Trusted { .. }));
        }
        for (laptop, ids) in [(&a, &a.learners), (&b, &b.learners)] {
            for id in ids {
                assert_eq!(
                    learner_views(&c, id),
                    learner_views(&laptop.sdr, id),
                    "learner {id}"
                );
            }
        }
        // The trainer's details and the learners' standing, as on the laptop they came from.
        for (laptop, w) in [(&a, "2018-thailand"), (&b, "2018-viet-nam")] {
            assert_eq!(
                serde_json::to_value(c.roster(w, Locale::En).unwrap()).unwrap(),
                serde_json::to_value(laptop.sdr.roster(w, Locale::En).unwrap()).unwrap()
            );
        }
        // The certificates verify here: their issuers are trusted.
        for id in a.learners.iter().take(1).chain(b.learners.iter().take(1)) {
            let (_, pdf) = c.certificate_pdf(id, T0 + 4 * DAY).unwrap();
            let report = c.verify(&pdf, Locale::En).unwrap();
            assert_eq!(report.verdict, sdr_core::views::Verdict::Valid, "{id}");
        }
        let status = c.data_status().unwrap();
        let (sa, sb) = (a.sdr.data_status().unwrap(), b.sdr.data_status().unwrap());
        assert_eq!(status.learners, 4);
        assert_eq!(status.records, sa.records + sb.records);
        digests.push(status.digest);
        assert_eq!(c.import_log().unwrap().len(), 2);
    }
    assert_eq!(
        digests[0], digests[1],
        "the order of import changes nothing"
    );
}

#[test]
fn importing_twice_or_an_overlapping_file_adds_nothing_the_second_time() {
    let (a, _b) = laptops();
    let files = tempfile::tempdir().unwrap();
    let first = export(&a, files.path(), "first.sdrresults");
    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    trust(&c, &first, "Bangkok 1");
    assert_eq!(import(&c, &first).outcome, ImportOutcome::Imported);
    let digest = c.data_status().unwrap().digest;

    let again = import(&c, &first);
    assert_eq!(again.outcome, ImportOutcome::AlreadyImported, "{again:?}");
    assert_eq!(again.laptop, "Bangkok 1");
    assert_eq!(c.data_status().unwrap().digest, digest);

    // The same laptop a day later: one more lesson read. Only that is new.
    let huong = &a.learners[1];
    let second_lesson = a.sdr.pack().modules[0].lessons[1].id.clone();
    a.sdr
        .set_lesson_done(huong, &second_lesson, true, T0 + 2 * DAY)
        .unwrap();
    let later = files.path().join("later.sdrresults");
    a.sdr
        .export_results(&ExportScope::All, &later, T0 + 3 * DAY)
        .unwrap();
    let r = import(&c, &later);
    assert_eq!(r.outcome, ImportOutcome::Imported, "{r:?}");
    assert_eq!((r.learners_new, r.learners_known), (0, 2));
    assert_eq!(r.records_new, 1);
    assert_eq!(
        c.data_status().unwrap().digest,
        a.sdr.data_status().unwrap().digest
    );
    let log = c.import_log().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].records_new, 1);
}

#[test]
fn a_learner_takes_their_progress_to_another_laptop_and_carries_on() {
    let (a, b) = laptops();
    let huong = a.learners[1].clone();
    let files = tempfile::tempdir().unwrap();
    let name = a
        .sdr
        .results_file_name(&ExportScope::Profile(huong.clone()), T0)
        .unwrap();
    assert_eq!(
        name,
        "results_learner-Nguyen-Thi-Huong_Bangkok-1_2026-11-27.sdrresults"
    );
    let file = files.path().join(name);
    let report = a
        .sdr
        .export_results(&ExportScope::Profile(huong.clone()), &file, T0)
        .unwrap();
    assert_eq!(report.learners, 1);
    trust(&b.sdr, &file, "Bangkok 1");
    let r = import(&b.sdr, &file);
    assert_eq!(r.outcome, ImportOutcome::Imported, "{r:?}");
    assert_eq!(r.learners_new, 1);
    assert_eq!(learner_views(&b.sdr, &huong), learner_views(&a.sdr, &huong));
    // She carries on where she stopped, under the same profile.
    let before = b.sdr.library(&huong).unwrap().lessons_done;
    let next = b.sdr.pack().modules[0].lessons[1].id.clone();
    b.sdr
        .set_lesson_done(&huong, &next, true, T0 + DAY)
        .unwrap();
    assert_eq!(b.sdr.library(&huong).unwrap().lessons_done, before + 1);
    // Her later records go back to the first laptop and merge into the same person.
    let back = files.path().join("back.sdrresults");
    b.sdr
        .export_results(&ExportScope::Profile(huong.clone()), &back, T0 + DAY)
        .unwrap();
    trust(&a.sdr, &back, "Hanoi 2");
    let r = import(&a.sdr, &back);
    assert_eq!((r.learners_new, r.learners_known, r.records_new), (0, 1, 1));
    assert_eq!(a.sdr.library(&huong).unwrap().lessons_done, before + 1);
}

#[test]
fn edits_made_on_two_laptops_agree_on_the_latest_whatever_the_order() {
    let (a, _b) = laptops();
    let files = tempfile::tempdir().unwrap();
    let base = export(&a, files.path(), "base.sdrresults");
    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    c.set_laptop_name("Organizer").unwrap();
    trust(&c, &base, "Bangkok 1");
    import(&c, &base);
    let somchai = &a.learners[0];
    // Both change the learner's language without seeing the other's change; the laptop that
    // saw both then corrects the name.
    a.sdr
        .set_profile_locale(somchai, Locale::En, T0 + 5 * DAY)
        .unwrap();
    c.set_profile_locale(somchai, Locale::Ms, T0 + 4 * DAY)
        .unwrap();
    let fa = export(&a, files.path(), "edit.sdrresults");
    import(&c, &fa);
    let shown = c.library(somchai).unwrap().profile.locale;
    assert_eq!(
        shown,
        Locale::En,
        "the later of two concurrent edits is shown"
    );
    c.rename_profile(somchai, "สมชาย  ใจดีมาก", T0 + 6 * DAY)
        .unwrap();
    let fc = files.path().join("c.sdrresults");
    c.export_results(&ExportScope::All, &fc, T0 + 6 * DAY)
        .unwrap();
    trust(&a.sdr, &fc, "Organizer");
    import(&a.sdr, &fc);
    assert_eq!(
        a.sdr.library(somchai).unwrap().profile.display_name,
        "สมชาย ใจดีมาก"
    );
    assert_eq!(
        a.sdr.data_status().unwrap().digest,
        c.data_status().unwrap().digest
    );
}

// ---- bad files -------------------------------------------------------------------------------

/// A signed file with any body: how a hostile or buggy exporter could write one.
fn signed_file(key: &ed25519_dalek::SigningKey, body_lines: &[u8], version: u32) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(body_lines).unwrap();
    let body = gz.finish().unwrap();
    let digest: [u8; 32] = Sha256::digest(&body).into();
    let sig = keys::sign_message(key, SIGNATURE_CONTEXT, &digest);
    let mut file = format!(
        "SDR-RESULTS {version} {} {}\n",
        URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes()),
        URL_SAFE_NO_PAD.encode(sig.to_bytes())
    )
    .into_bytes();
    file.extend_from_slice(&body);
    file
}

/// The JSON lines of a valid file's body.
fn body_of(file: &Path) -> String {
    let opener = format::Opener {
        path: file,
        identities: &[],
    };
    let checked = format::check(&opener).unwrap();
    let mut lines = Vec::new();
    let header = format::read(&opener, &checked, |_, l| {
        lines.push(serde_json::to_string(&l).unwrap());
        Ok(())
    })
    .unwrap();
    let mut text =
        serde_json::to_string(&sdr_core::exchange::records::Line::Header(header)).unwrap();
    text.push('\n');
    for l in &lines {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str(&format!(
        "{{\"type\":\"end\",\"records\":{}}}\n",
        lines.len()
    ));
    text
}

/// The database file and the data digest.
fn snapshot(dir: &Path, sdr: &Sdr) -> (Vec<u8>, String) {
    (
        std::fs::read(dir.join("sdr.db")).unwrap(),
        sdr.data_status().unwrap().digest,
    )
}

#[test]
fn every_bad_file_is_refused_with_its_reason_and_changes_nothing() {
    let (a, _b) = laptops();
    let files = tempfile::tempdir().unwrap();
    let good = export(&a, files.path(), "good.sdrresults");
    let good_bytes = std::fs::read(&good).unwrap();
    let body = body_of(&good);

    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    trust(&c, &good, "Bangkok 1");
    // A key the organizer trusts, to sign crafted bodies: what passes the signature must
    // still keep every rule.
    let key = keys::generate_key().unwrap();
    c.import_issuer(&keys::export_key(&key.verifying_key()), "Crafted", T0)
        .unwrap();
    let stranger = keys::generate_key().unwrap();

    let first_line_end = good_bytes.iter().position(|&b| b == b'\n').unwrap();
    let mut flipped = good_bytes.clone();
    flipped[first_line_end + 40] ^= 0x01;
    let mut flipped_sig = good_bytes.clone();
    flipped_sig[first_line_end - 3] = if flipped_sig[first_line_end - 3] == b'A' {
        b'B'
    } else {
        b'A'
    };
    let profile_line = body.lines().nth(1).unwrap().to_string();
    let event_line = body
        .lines()
        .find(|l| l.contains("\"type\":\"progress_event\""))
        .unwrap()
        .to_string();
    let orphan: String = [
        body.lines().next().unwrap(),
        &event_line,
        r#"{"type":"end","records":1}"#,
    ]
    .iter()
    .map(|l| format!("{l}\n"))
    .collect();
    let conflicting = body.replacen("\"at_ms\":", "\"at_ms\":1", 1);
    let nested = format!(
        "{}\n{}{}\n",
        body.lines().next().unwrap(),
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let enormous = body.replacen(
        &profile_line,
        &profile_line.replace(
            "\"locale\":",
            &format!("\"x\":\"{}\",\"locale\":", "a".repeat(200_000)),
        ),
        1,
    );
    let mut trailing = good_bytes.clone();
    trailing.extend_from_slice(b"more");
    let miscounted = body.replace(
        "{\"type\":\"end\",\"records\":",
        "{\"type\":\"end\",\"records\":9",
    );

    let cases: Vec<(&str, Vec<u8>, ErrorCode)> = vec![
        ("empty", Vec::new(), ErrorCode::ResultsInvalid),
        (
            "not results",
            b"%PDF-1.7\n".to_vec(),
            ErrorCode::ResultsInvalid,
        ),
        (
            "truncated",
            good_bytes[..good_bytes.len() - 30].to_vec(),
            ErrorCode::ResultsTampered,
        ),
        (
            "cut in the first line",
            good_bytes[..50].to_vec(),
            ErrorCode::ResultsInvalid,
        ),
        (
            "one byte flipped in the body",
            flipped,
            ErrorCode::ResultsTampered,
        ),
        (
            "one byte flipped in the signature",
            flipped_sig,
            ErrorCode::ResultsTampered,
        ),
        (
            "re-signed by an untrusted key",
            signed_file(&stranger, body.as_bytes(), 1),
            ErrorCode::ResultsUnknownSigner,
        ),
        (
            "from a newer version",
            signed_file(&key, body.as_bytes(), 2),
            ErrorCode::ResultsTooNew,
        ),
        (
            "a record whose learner is not in the file",
            signed_file(&key, orphan.as_bytes(), 1),
            ErrorCode::ResultsInvalid,
        ),
        (
            "a known id with other content",
            signed_file(&key, conflicting.as_bytes(), 1),
            ErrorCode::ResultsConflict,
        ),
        (
            "deeply nested",
            signed_file(&key, nested.as_bytes(), 1),
            ErrorCode::ResultsInvalid,
        ),
        (
            "an enormous field",
            signed_file(&key, enormous.as_bytes(), 1),
            ErrorCode::ResultsInvalid,
        ),
        ("bytes after the body", trailing, ErrorCode::ResultsTampered),
        (
            "a wrong record count",
            signed_file(&key, miscounted.as_bytes(), 1),
            ErrorCode::ResultsInvalid,
        ),
        (
            "no end line",
            signed_file(
                &key,
                body.rsplit_once("{\"type\":\"end\"").unwrap().0.as_bytes(),
                1,
            ),
            ErrorCode::ResultsInvalid,
        ),
    ];
    // The conflict needs the good records here first.
    assert_eq!(import(&c, &good).outcome, ImportOutcome::Imported);
    for (what, bytes, code) in cases {
        let path = files
            .path()
            .join(format!("{}.sdrresults", what.replace(' ', "-")));
        std::fs::write(&path, &bytes).unwrap();
        let before = snapshot(dir.path(), &c);
        let r = import(&c, &path);
        assert_eq!(r.outcome, ImportOutcome::Refused, "{what}: {r:?}");
        let err = r.error.as_ref().unwrap();
        assert_eq!(err.code, code, "{what}: {}", err.message);
        assert_eq!(
            snapshot(dir.path(), &c),
            before,
            "{what} changed the database"
        );
    }
    assert_eq!(c.import_log().unwrap().len(), 1);
}

#[test]
fn a_huge_sparse_file_and_a_folder_without_results_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    let files = tempfile::tempdir().unwrap();
    let sparse = files.path().join("huge.sdrresults");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024)
        .unwrap();
    let empty_folder = files.path().join("empty");
    std::fs::create_dir(&empty_folder).unwrap();
    let reports = c.import_results(&[sparse, empty_folder], false, T0, &mut |_, _, _| {});
    assert_eq!(reports.len(), 2);
    for r in &reports {
        assert_eq!(r.outcome, ImportOutcome::Refused);
        assert_eq!(
            r.error.as_ref().unwrap().code,
            ErrorCode::FileUnreadable,
            "{r:?}"
        );
    }
    assert!(
        reports[0]
            .error
            .as_ref()
            .unwrap()
            .message
            .contains("256 MiB")
    );
}

#[test]
fn a_dry_run_reports_what_an_import_would_do_and_stores_nothing() {
    let (a, b) = laptops();
    let files = tempfile::tempdir().unwrap();
    let folder = files.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    export(&a, &folder, "a.sdrresults");
    export(&b, &folder, "b.sdrresults");
    std::fs::write(folder.join("notes.txt"), "not a results file").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    trust(&c, &folder.join("a.sdrresults"), "Bangkok 1");
    trust(&c, &folder.join("b.sdrresults"), "Hanoi 2");
    let before = snapshot(dir.path(), &c);
    let mut seen = Vec::new();
    let dry = c.import_results(
        std::slice::from_ref(&folder),
        true,
        T0,
        &mut |done, total, r| seen.push((done, total, r.file_name.clone())),
    );
    assert_eq!(
        seen,
        vec![(1, 2, "a.sdrresults".into()), (2, 2, "b.sdrresults".into())]
    );
    assert!(dry.iter().all(|r| r.outcome == ImportOutcome::Imported));
    assert_eq!(snapshot(dir.path(), &c), before);
    assert!(c.import_log().unwrap().is_empty());
    let real = c.import_results(&[folder], false, T0, &mut |_, _, _| {});
    for (d, r) in dry.iter().zip(&real) {
        assert_eq!(
            (d.learners_new, d.records_new),
            (r.learners_new, r.records_new)
        );
    }
}

#[test]
fn details_entered_on_two_laptops_without_seeing_each_other_show_as_a_disagreement_until_settled() {
    let (a, b) = laptops();
    let details = |city: &str| sdr_core::views::WorkshopDetails {
        city: city.into(),
        host: "SME Corp".into(),
        start_date: "2018-07-23".into(),
        end_date: "2018-07-24".into(),
    };
    // Both trainers fill in the Malaysian workshop, each on their own laptop.
    a.sdr
        .update_workshop(
            "2018-malaysia",
            details("Kuala Lumpur"),
            Locale::En,
            T0 + DAY,
        )
        .unwrap();
    b.sdr
        .update_workshop(
            "2018-malaysia",
            details("Putrajaya"),
            Locale::En,
            T0 + 2 * DAY,
        )
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    let fa = export(&a, files.path(), "a.sdrresults");
    let fb = export(&b, files.path(), "b.sdrresults");
    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    c.set_laptop_name("Organizer").unwrap();
    trust(&c, &fa, "Bangkok 1");
    trust(&c, &fb, "Hanoi 2");
    import(&c, &fa);
    import(&c, &fb);
    let w = c.roster("2018-malaysia", Locale::En).unwrap().workshop;
    assert_eq!(w.details.city, "Putrajaya", "the latest is shown");
    let versions: Vec<(String, String)> = w
        .details_disagreement
        .iter()
        .map(|v| (v.origin.clone(), v.details.city.clone()))
        .collect();
    assert_eq!(
        versions,
        vec![
            ("Hà Nội 2".to_string(), "Putrajaya".to_string()),
            ("Bangkok 1".to_string(), "Kuala Lumpur".to_string())
        ]
    );
    // The organizer settles it; the settled details travel back and win there too.
    c.update_workshop(
        "2018-malaysia",
        details("Kuala Lumpur"),
        Locale::En,
        T0 + 3 * DAY,
    )
    .unwrap();
    let w = c.roster("2018-malaysia", Locale::En).unwrap().workshop;
    assert!(w.details_disagreement.is_empty());
    let fc = files.path().join("c.sdrresults");
    c.export_results(&ExportScope::All, &fc, T0 + 3 * DAY)
        .unwrap();
    trust(&b.sdr, &fc, "Organizer");
    import(&b.sdr, &fc);
    let w = b.sdr.roster("2018-malaysia", Locale::En).unwrap().workshop;
    assert_eq!(w.details.city, "Kuala Lumpur");
    assert!(w.details_disagreement.is_empty());
}

#[test]
fn one_person_on_two_laptops_is_linked_by_the_organizer_reversibly_and_the_link_travels() {
    let (a, b) = laptops();
    // Nguyễn Thị Hương, who studied on laptop A, signs up again on laptop B.
    let again = b
        .sdr
        .create_profile("nguyễn thị hương", Locale::Vi, T0 + DAY)
        .unwrap()
        .id;
    let files = tempfile::tempdir().unwrap();
    let fa = export(&a, files.path(), "a.sdrresults");
    let fb = files.path().join("b.sdrresults");
    b.sdr
        .export_results(&ExportScope::All, &fb, T0 + 2 * DAY)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let c = open(dir.path());
    c.set_laptop_name("Organizer").unwrap();
    trust(&c, &fa, "Bangkok 1");
    trust(&c, &fb, "Hanoi 2");
    import(&c, &fa);
    import(&c, &fb);

    // Never linked on its own.
    let view = c.people(Locale::En).unwrap();
    assert_eq!((view.learners, view.people), (5, 5));
    assert_eq!(view.same_name.len(), 1);
    let group = &view.same_name[0];
    assert!(!group.linked);
    let ids: Vec<String> = group.profiles.iter().map(|p| p.id.clone()).collect();
    assert!(ids.contains(&a.learners[1]) && ids.contains(&again));

    let view = c
        .set_same_person(&ids, true, Locale::En, T0 + 3 * DAY)
        .unwrap();
    assert_eq!((view.learners, view.people), (5, 4));
    assert!(view.same_name[0].linked);
    assert_eq!(c.data_status().unwrap().people, 4);
    // Each profile keeps its own records.
    assert_eq!(
        learner_views(&c, &a.learners[1]),
        learner_views(&a.sdr, &a.learners[1])
    );

    // The link travels to another laptop, which then counts one person too.
    let fc = files.path().join("c.sdrresults");
    c.export_results(&ExportScope::All, &fc, T0 + 3 * DAY)
        .unwrap();
    let d_dir = tempfile::tempdir().unwrap();
    let d = open(d_dir.path());
    trust(&d, &fc, "Organizer");
    import(&d, &fc);
    assert_eq!(d.people(Locale::En).unwrap().people, 4);
    assert_eq!(
        d.data_status().unwrap().digest,
        c.data_status().unwrap().digest
    );

    // Undone: two people again, here and, once the undoing travels, there.
    let view = c
        .set_same_person(&ids, false, Locale::En, T0 + 4 * DAY)
        .unwrap();
    assert_eq!(view.people, 5);
    assert!(!view.same_name[0].linked);
    let fc2 = files.path().join("c2.sdrresults");
    c.export_results(&ExportScope::All, &fc2, T0 + 4 * DAY)
        .unwrap();
    import(&d, &fc2);
    assert_eq!(d.people(Locale::En).unwrap().people, 5);
    // A learner's own file carries no link to a profile it does not hold.
    let own = files.path().join("own.sdrresults");
    c.export_results(&ExportScope::Profile(again.clone()), &own, T0 + 4 * DAY)
        .unwrap();
    let e_dir = tempfile::tempdir().unwrap();
    let e = open(e_dir.path());
    trust(&e, &own, "Organizer");
    assert_eq!(import(&e, &own).outcome, ImportOutcome::Imported);
}
