//! Workshops and certificates over the real course and seeds: a whole learner journey ends in
//! a certificate whose PDF poppler reads back with the learner's exact name, that renders to a
//! page with ink on it, and that verifies; any change to it does not.

use std::path::Path;
use std::process::Command;

use sdr_core::certificates::payload::find_payload;
use sdr_core::views::Verdict;
use sdr_core::{ErrorCode, Locale, Sdr, content};
use sdr_system_tests::complete_workshop;
use unicode_normalization::UnicodeNormalization;

const T0: i64 = 1_795_737_600_000; // 2026-11-27T00:00Z

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, content::builtin().unwrap()).unwrap()
}

/// Names in each of the six languages' scripts, with their workshop. The Vietnamese one is
/// typed decomposed (NFD), as some keyboards produce it.
fn learners() -> Vec<(String, Locale, &'static str)> {
    vec![
        ("สมชาย ใจดี".to_string(), Locale::Th, "2018-thailand"),
        (
            "Nguyễn Thị Hương".nfd().collect(),
            Locale::Vi,
            "2018-viet-nam",
        ),
        ("陳淑芬".to_string(), Locale::ZhHant, "2018-chinese-taipei"),
        (
            "Nur Aisyah binti Abdullah".to_string(),
            Locale::Ms,
            "2018-malaysia",
        ),
        (
            "Ma. Cristina dela Cruz-Santos".to_string(),
            Locale::Fil,
            "2018-philippines",
        ),
        ("Trần Quốc Bảo".to_string(), Locale::En, "2018-viet-nam"),
    ]
}

/// What a poppler tool prints about `pdf`.
fn poppler(tool: &str, pdf: &Path) -> String {
    let out = Command::new(tool)
        .arg(pdf)
        .output()
        .expect("poppler-utils is installed by scripts/setup-system.sh");
    assert!(out.status.success(), "{tool} failed on {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup-system.sh");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The page rendered by pdftoppm in grey at `dpi`: width, height and one byte per pixel.
fn grey_page(pdf: &Path, dpi: u32) -> (usize, usize, Vec<u8>) {
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string(), "-singlefile"])
        .arg(pdf)
        .output()
        .expect("pdftoppm (poppler-utils) is installed by scripts/setup-system.sh");
    assert!(out.status.success());
    // A binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    let data = out.stdout;
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, data[i + 1..].to_vec())
}

/// The share of a page's pixels that are not white.
fn ink(pdf: &Path) -> f64 {
    let (_, _, pixels) = grey_page(pdf, 20);
    let dark = pixels.iter().filter(|&&p| p < 200).count();
    dark as f64 / pixels.len() as f64
}

/// Every QR code a decoder finds on the printed page (rendered at 150 dpi).
fn qr_codes(pdf: &Path) -> Vec<String> {
    let (w, h, pixels) = grey_page(pdf, 150);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

#[test]
fn a_completed_workshop_gives_a_certificate_poppler_reads_and_that_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    for (i, (name, locale, workshop)) in learners().into_iter().enumerate() {
        let p = sdr.create_profile(&name, locale, T0).unwrap();
        let t = T0 + i as i64 * 1000;
        complete_workshop(&sdr, &p.id, workshop, t);
        let status = sdr.workshop_status(&p.id).unwrap().unwrap();
        assert!(status.complete, "{name}: {status:?}");
        let path = out.path().join(format!("{i}.pdf"));
        let info = sdr.save_certificate(&p.id, &path, t + 10).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() < 200_000, "{name}: {} bytes", bytes.len());

        let nfc: String = name.nfc().collect();
        let text = pdftotext(&path);
        assert!(
            text.contains(&nfc),
            "pdftotext lost the name {nfc:?}; it read:\n{text}"
        );
        assert!(text.contains(&info.id), "{text}");
        let ink = ink(&path);
        assert!(
            (0.01..0.6).contains(&ink),
            "{name}: the page is {:.1}% ink",
            ink * 100.0
        );

        // A4 landscape, the payload in the metadata, every font embedded as a subset.
        let pdfinfo = poppler("pdfinfo", &path);
        assert!(pdfinfo.contains("842 x 595 pts (A4)"), "{pdfinfo}");
        let payload = find_payload(&bytes).unwrap();
        assert!(
            pdfinfo.contains(&format!("Subject:         {payload}")),
            "{pdfinfo}"
        );
        let fonts = poppler("pdffonts", &path);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
        }

        // The QR code on the page reads back as the signed payload.
        assert_eq!(qr_codes(&path), vec![payload.clone()], "{name}");

        let report = sdr.verify(&bytes, Locale::En).unwrap();
        assert_eq!(report.verdict, Verdict::Valid, "{name}");
        assert!(report.issuer_is_self);
        let claims = report.claims.unwrap();
        assert_eq!(claims.name, nfc);
        assert_eq!(claims.id, info.id);
        assert_eq!(claims.workshop, workshop);
        assert_eq!(claims.date, "2026-11-27");
        // Every quiz with one question wrong: 7/8 = 87% in module 1, 9/10 = 90% in the 11
        // others; the certificate's score is their mean, rounded down.
        assert_eq!(claims.score, (87 + 11 * 90) / 12);
    }
}

#[test]
fn the_certificate_date_follows_the_workshops_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    for (name, locale, workshop, expected) in [
        (
            "สมหญิง รักไทย",
            Locale::Th,
            "2018-thailand",
            "27 พฤศจิกายน พ.ศ. 2569",
        ),
        (
            "林志明",
            Locale::ZhHant,
            "2018-chinese-taipei",
            "中華民國115年11月27日",
        ),
        (
            "Ana Reyes",
            Locale::En,
            "2018-thailand",
            "27 November 2026 (B.E. 2569)",
        ),
    ] {
        let p = sdr.create_profile(name, locale, T0).unwrap();
        complete_workshop(&sdr, &p.id, workshop, T0);
        let status = sdr.workshop_status(&p.id).unwrap().unwrap();
        assert_eq!(status.completed_on.as_deref(), Some(expected));
        let path = out.path().join("c.pdf");
        sdr.save_certificate(&p.id, &path, T0).unwrap();
        let text = pdftotext(&path);
        assert!(text.contains(expected), "{expected} not in:\n{text}");
        assert!(
            text.contains("Certificate of Completion"),
            "the English line is there"
        );
    }
}

/// A requirement met at 23:30 UTC on 31 December is dated the next day, in the next year and
/// the next Buddhist Era or Minguo year, in Viet Nam (UTC+7), Thailand (UTC+7) and Chinese
/// Taipei (UTC+8); a minute before local midnight it is still the 31st.
#[test]
fn a_requirement_met_late_on_new_years_eve_is_dated_in_the_new_year_where_it_already_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    let eve = sdr_core::clock::parse_instant("2026-12-31T23:30:00Z").unwrap();
    let start = eve - 86_400_000;
    for (name, locale, workshop, expected, iso) in [
        (
            "Trần Văn Minh",
            Locale::Vi,
            "2018-viet-nam",
            "ngày 1 tháng 1 năm 2027",
            "2027-01-01",
        ),
        (
            "มานี มีนา",
            Locale::Th,
            "2018-thailand",
            "1 มกราคม พ.ศ. 2570",
            "2027-01-01",
        ),
        (
            "王美玲",
            Locale::ZhHant,
            "2018-chinese-taipei",
            "中華民國116年1月1日",
            "2027-01-01",
        ),
    ] {
        let p = sdr.create_profile(name, locale, start).unwrap();
        complete_workshop(&sdr, &p.id, workshop, start);
        // The last lesson is taken back and done again at 23:30 UTC.
        let last = sdr.pack().modules.last().unwrap().lessons[0].id.clone();
        sdr.set_lesson_done(&p.id, &last, false, eve - 1).unwrap();
        sdr.set_lesson_done(&p.id, &last, true, eve).unwrap();
        let status = sdr.workshop_status(&p.id).unwrap().unwrap();
        assert_eq!(status.completed_on.as_deref(), Some(expected), "{workshop}");
        let path = out.path().join(format!("{workshop}.pdf"));
        sdr.save_certificate(&p.id, &path, eve + 60_000).unwrap();
        assert!(pdftotext(&path).contains(expected), "{workshop}");
        let report = sdr.verify_file(&path, Locale::En).unwrap();
        assert_eq!(report.claims.unwrap().date, iso, "{workshop}");
    }
    // 23:59 in Hanoi (16:59 UTC) is still 31 December there.
    let p = sdr.create_profile("Lê Thị Lan", Locale::Vi, start).unwrap();
    let before_midnight = sdr_core::clock::parse_instant("2026-12-31T16:59:00Z").unwrap();
    complete_workshop(&sdr, &p.id, "2018-viet-nam", before_midnight - 7);
    let status = sdr.workshop_status(&p.id).unwrap().unwrap();
    assert_eq!(
        status.completed_on.as_deref(),
        Some("ngày 31 tháng 12 năm 2026")
    );
}

#[test]
fn any_change_to_a_signed_certificate_fails_verification() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    let p = sdr
        .create_profile("Phạm Minh Châu", Locale::Vi, T0)
        .unwrap();
    complete_workshop(&sdr, &p.id, "2018-viet-nam", T0);
    let (_, pdf) = sdr.certificate_pdf(&p.id, T0).unwrap();
    let payload = find_payload(&pdf).unwrap();
    // Where the payload sits in the file, to change it in place.
    let start = pdf
        .windows(payload.len())
        .position(|w| w == payload.as_bytes())
        .unwrap();
    assert_eq!(
        sdr.verify(payload.as_bytes(), Locale::En).unwrap().verdict,
        Verdict::Valid
    );
    // As pasted from a chat app: broken every 40 characters, with a stray space, a
    // zero-width space and a message after it. Still the same certificate.
    let pasted: String = payload
        .as_bytes()
        .chunks(40)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n ");
    let pasted = format!("Certificate code:\n{}\u{200B}\nThank you!", pasted);
    assert_eq!(
        sdr.verify(pasted.as_bytes(), Locale::En).unwrap().verdict,
        Verdict::Valid
    );
    // Every single-character change to the payload, in the text form and inside the PDF.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for i in 5..payload.len() {
        let mut changed = payload.clone().into_bytes();
        changed[i] = if changed[i] == alphabet[i % 64] {
            alphabet[(i + 1) % 64]
        } else {
            alphabet[i % 64]
        };
        let report = sdr.verify(&changed, Locale::En).unwrap();
        assert_ne!(report.verdict, Verdict::Valid, "change at {i}");
        if i % 16 == 0 {
            let mut doc = pdf.clone();
            for (j, b) in changed.iter().enumerate() {
                doc[start + j] = *b;
            }
            let report = sdr.verify(&doc, Locale::En).unwrap();
            assert_ne!(report.verdict, Verdict::Valid, "PDF change at {i}");
        }
    }
    // A name changed and signed again by another installation: unknown issuer here.
    let other_dir = tempfile::tempdir().unwrap();
    let other = open(other_dir.path());
    let q = other
        .create_profile("Phạm Minh Châu", Locale::Vi, T0)
        .unwrap();
    complete_workshop(&other, &q.id, "2018-viet-nam", T0);
    let (_, foreign) = other.certificate_pdf(&q.id, T0).unwrap();
    let report = sdr.verify(&foreign, Locale::En).unwrap();
    assert_eq!(report.verdict, Verdict::UnknownIssuer);
    // Once its key is trusted, it verifies, and names its issuer.
    // Its key travels as a small file.
    let key_file = other_dir.path().join("issuer-key.txt");
    other.export_issuer_key(&key_file, T0).unwrap();
    let key = sdr.read_issuer_key_file(&key_file).unwrap();
    assert_eq!(key, other.issuer_key(T0).unwrap().public_key);
    assert_eq!(
        sdr.read_issuer_key_file(&other_dir.path().join("sdr.db"))
            .unwrap_err()
            .code(),
        ErrorCode::BadKey
    );
    sdr.import_issuer(&key, "Hà Nội laptop 2", T0).unwrap();
    let report = sdr.verify(&foreign, Locale::En).unwrap();
    assert_eq!(report.verdict, Verdict::Valid);
    assert_eq!(report.issuer_label.as_deref(), Some("Hà Nội laptop 2"));
    // Garbage and other files are not certificates.
    for junk in [
        &b"%PDF-1.7 nothing here"[..],
        b"hello",
        &[0xff, 0xfe, 0x00][..],
    ] {
        assert_eq!(
            sdr.verify(junk, Locale::En).unwrap().verdict,
            Verdict::NotACertificate
        );
    }
    assert_eq!(
        sdr.import_issuer("SDRKEY1.notakey", "x", T0)
            .unwrap_err()
            .code(),
        ErrorCode::BadKey
    );
}

#[test]
fn a_learner_who_has_not_finished_gets_no_certificate_and_sees_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    let p = sdr.create_profile("Siti Rahmah", Locale::Ms, T0).unwrap();
    assert!(sdr.workshop_status(&p.id).unwrap().is_none());
    let err = sdr.certificate_pdf(&p.id, T0).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotEligible);
    let status = sdr.enrol(&p.id, "2018-malaysia", T0).unwrap();
    assert!(!status.complete);
    assert_eq!(status.modules.len(), 12);
    assert!(status.modules.iter().all(|m| !m.met));
    assert_eq!(status.assessment_done, Some(false));
    assert_eq!(status.workshop.economy_name, "Malaysia");
    let first = &status.modules[0];
    sdr.set_lesson_done(&p.id, &sdr.pack().modules[0].lessons[0].id, true, T0)
        .unwrap();
    let status = sdr.workshop_status(&p.id).unwrap().unwrap();
    assert_eq!(status.modules[0].lessons_done, first.lessons_done + 1);
    assert_eq!(
        sdr.certificate_pdf(&p.id, T0).unwrap_err().code(),
        ErrorCode::NotEligible
    );
}

#[test]
fn seeds_load_once_and_never_overwrite_a_trainers_details() {
    let dir = tempfile::tempdir().unwrap();
    {
        let sdr = open(dir.path());
        let all = sdr.workshops(Locale::Th).unwrap();
        assert_eq!(all.len(), 5);
        let th = all.iter().find(|w| w.id == "2018-thailand").unwrap();
        assert_eq!(th.economy_name, "ประเทศไทย");
        assert_eq!(th.details.city, "", "seeds invent no city");
        let details = sdr_core::workshops::WorkshopDetails {
            city: "Bangkok".into(),
            host: "A host the trainer typed".into(),
            start_date: "2018-09-10".into(),
            end_date: "2018-09-11".into(),
        };
        sdr.update_workshop("2018-thailand", details, Locale::En, T0)
            .unwrap();
        let bad = sdr_core::workshops::WorkshopDetails {
            start_date: "10/09/2018".into(),
            ..Default::default()
        };
        assert_eq!(
            sdr.update_workshop("2018-thailand", bad, Locale::En, T0)
                .unwrap_err()
                .code(),
            ErrorCode::InvalidInput
        );
    }
    // An older version's seed values in the database, as after an upgrade.
    {
        let conn = rusqlite::Connection::open(dir.path().join("sdr.db")).unwrap();
        conn.execute(
            "UPDATE workshops SET calendar = 'gregorian', pass_mark = 50 WHERE id = '2018-thailand'",
            [],
        )
        .unwrap();
    }
    for _ in 0..2 {
        let sdr = open(dir.path());
        let all = sdr.workshops(Locale::En).unwrap();
        assert_eq!(all.len(), 5);
        let th = all.iter().find(|w| w.id == "2018-thailand").unwrap();
        assert_eq!(th.calendar, sdr_core::workshops::Calendar::Buddhist);
        assert_eq!(th.pass_mark, 70);
        assert_eq!(th.details.city, "Bangkok");
        assert_eq!(th.details.host, "A host the trainer typed");
        assert_eq!(th.details.start_date, "2018-09-10");
    }
}

#[test]
fn a_batch_writes_every_eligible_learner_and_says_who_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    let mut ids = Vec::new();
    for name in ["Lê Văn Minh", "Đỗ Thị Lan", "Vũ Hoàng"] {
        let p = sdr.create_profile(name, Locale::Vi, T0).unwrap();
        ids.push(p.id);
    }
    complete_workshop(&sdr, &ids[0], "2018-viet-nam", T0);
    complete_workshop(&sdr, &ids[1], "2018-viet-nam", T0);
    sdr.enrol(&ids[2], "2018-viet-nam", T0).unwrap();
    // Someone of another workshop is not part of this batch.
    let other = sdr.create_profile("Somchai", Locale::Th, T0).unwrap();
    complete_workshop(&sdr, &other.id, "2018-thailand", T0);

    let mut seen = Vec::new();
    let summary = sdr
        .issue_batch("2018-viet-nam", out.path(), Locale::En, T0, &mut |p| {
            seen.push(p.done)
        })
        .unwrap();
    assert_eq!(seen, vec![1, 2]);
    assert_eq!(summary.written.len(), 2);
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(summary.skipped[0].name, "Vũ Hoàng");
    assert_eq!(summary.skipped[0].missing_modules.len(), 12);
    assert!(summary.skipped[0].missing_assessment);
    let files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2, "no temporary files are left: {files:?}");
    for f in &files {
        assert_eq!(
            sdr.verify_file(f, Locale::En).unwrap().verdict,
            Verdict::Valid
        );
    }
    // Issuing again gives the same certificates (same ids, same files).
    let again = sdr
        .issue_batch("2018-viet-nam", out.path(), Locale::En, T0 + 5, &mut |_| {})
        .unwrap();
    let ids_of = |s: &sdr_core::views::BatchSummary| {
        let mut v: Vec<_> = s.written.iter().map(|w| w.certificate_id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids_of(&again), ids_of(&summary));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 2);

    // A folder that cannot be written: a clear error, nothing written, nothing half-done.
    for bad in [Path::new("/sys/kernel"), Path::new("/no/such/folder")] {
        let err = sdr
            .issue_batch("2018-viet-nam", bad, Locale::En, T0, &mut |_| {})
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::FileUnwritable, "{bad:?}: {err}");
    }
}

/// Writes a real certificate for a learner in each language into `$SDR_CERT_SAMPLES` (default
/// `<tmp>/sdr-certificates`), to look at: `cargo test -p sdr-system-tests --test certificates
/// -- --ignored`, then `pdftoppm -png -r 60 <file>`.
#[test]
#[ignore = "writes sample files to look at"]
fn write_sample_certificates() {
    let out = std::env::var_os("SDR_CERT_SAMPLES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("sdr-certificates"));
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    let details = sdr_core::workshops::WorkshopDetails {
        city: "Bangkok".into(),
        ..Default::default()
    };
    sdr.update_workshop("2018-thailand", details, Locale::En, T0)
        .unwrap();
    for (name, locale, workshop) in learners() {
        let p = sdr.create_profile(&name, locale, T0).unwrap();
        complete_workshop(&sdr, &p.id, workshop, T0);
        let path = out.join(format!("{}.pdf", locale.code()));
        sdr.save_certificate(&p.id, &path, T0).unwrap();
        println!("{}", path.display());
    }
}
