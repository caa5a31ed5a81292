//! The organizer's programme key over real files: a trainer laptop that trusts the programme
//! encrypts its results for the organizer (a lost USB stick reveals nothing; another laptop
//! cannot read them); the organizer endorses the laptop, and then its results import, and its
//! certificates verify, on any computer that trusts the programme, naming laptop and programme.

use std::path::Path;

use sdr_core::exchange::ExportScope;
use sdr_core::views::{ImportOutcome, ResultsSigner, Verdict};
use sdr_core::{ErrorCode, Locale, Sdr, content};
use sdr_system_tests::complete_workshop;

const T0: i64 = 1_795_737_600_000;

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, content::builtin().unwrap()).unwrap()
}

#[test]
fn an_endorsed_laptops_encrypted_results_and_certificates_are_trusted_through_the_programme() {
    let (o_dir, a_dir, b_dir, v_dir) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let files = tempfile::tempdir().unwrap();
    let organizer = open(o_dir.path());
    let programme = organizer
        .create_programme("APEC SME Digital Resilience 2018", T0)
        .unwrap();
    assert!(programme.public_text.starts_with("SDRORG1."));
    // Once made, never replaced.
    assert_eq!(
        organizer
            .create_programme("Another", T0)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
    // The key travels as a file.
    let key_file = files.path().join(organizer.programme_file_name().unwrap());
    organizer.export_programme_key(&key_file).unwrap();

    // The trainer's laptop trusts the programme and is endorsed by the organizer.
    let a = open(a_dir.path());
    a.set_laptop_name("Bangkok 1").unwrap();
    let text = a.read_programme_file(&key_file).unwrap();
    a.trust_programme(&text, T0).unwrap();
    let a_key = a.issuer_key(T0).unwrap().public_key;
    let endorsement = organizer.endorse_laptop(&a_key, "Bangkok 1", T0).unwrap();
    let endorsement_file = files.path().join(&endorsement.file_name);
    organizer
        .save_endorsement(&endorsement.text, &endorsement_file)
        .unwrap();
    let carried = a.read_programme_file(&endorsement_file).unwrap();
    let accepted = a.accept_endorsement(&carried, T0).unwrap();
    assert_eq!(accepted.programme, "APEC SME Digital Resilience 2018");
    assert_eq!(a.own_endorsement(T0).unwrap().unwrap().laptop, "Bangkok 1");

    let somchai = a.create_profile("สมชาย ใจดี", Locale::Th, T0).unwrap().id;
    complete_workshop(&a, &somchai, "2018-thailand", T0 + 10);
    let (_, pdf) = a.certificate_pdf(&somchai, T0 + 100).unwrap();

    // Encrypted for the organizer: nothing of it reads as a results file or a name.
    let results = files.path().join("a.sdrresults");
    let report = a
        .export_results(&ExportScope::All, &results, T0 + 200)
        .unwrap();
    assert_eq!(
        report.encrypted_for,
        vec!["APEC SME Digital Resilience 2018".to_string()]
    );
    let bytes = std::fs::read(&results).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(!bytes.windows(11).any(|w| w == b"SDR-RESULTS"));

    // Another trainer laptop trusts the programme but cannot read the organizer's files.
    let b = open(b_dir.path());
    b.trust_programme(&text, T0).unwrap();
    let refused = b.import_file(&results, false, T0);
    assert_eq!(refused.outcome, ImportOutcome::Refused);
    assert_eq!(refused.error.unwrap().code, ErrorCode::ResultsEncrypted);

    // The organizer reads it, and trusts the laptop through its endorsement alone.
    let imported = organizer.import_file(&results, false, T0 + 300);
    assert_eq!(imported.outcome, ImportOutcome::Imported, "{imported:?}");
    assert_eq!(
        imported.signer,
        ResultsSigner::Trusted {
            label: "Bangkok 1 (APEC SME Digital Resilience 2018)".into()
        }
    );
    assert_eq!(
        organizer.data_status().unwrap().digest,
        a.data_status().unwrap().digest
    );
    // Certificates rendered on the organizer's laptop carry the laptop's endorsement too.
    let (_, again) = organizer.certificate_pdf(&somchai, T0 + 400).unwrap();

    // A computer that trusts only the programme: the certificate is valid, naming both.
    let v = open(v_dir.path());
    let before = v.verify(&pdf, Locale::En).unwrap();
    assert_eq!(before.verdict, Verdict::UnknownIssuer);
    v.trust_programme(&text, T0).unwrap();
    for doc in [&pdf, &again] {
        let report = v.verify(doc, Locale::En).unwrap();
        assert_eq!(report.verdict, Verdict::Valid);
        assert_eq!(
            report.issuer_label.as_deref(),
            Some("Bangkok 1 (APEC SME Digital Resilience 2018)")
        );
    }
    // A changed certificate still fails, endorsement or not.
    let payload = sdr_core::certificates::payload::find_payload(&pdf).unwrap();
    let forged = payload.replacen("SDR1.e", "SDR1.f", 1);
    let mut forged_pdf = pdf.clone();
    let at = forged_pdf
        .windows(payload.len())
        .position(|w| w == payload.as_bytes())
        .unwrap();
    forged_pdf[at..at + payload.len()].copy_from_slice(forged.as_bytes());
    assert_ne!(
        v.verify(&forged_pdf, Locale::En).unwrap().verdict,
        Verdict::Valid
    );

    // A learner's own file goes to another laptop in the room: not encrypted, and trusted
    // there through the endorsement.
    let own = files.path().join("own.sdrresults");
    let r = a
        .export_results(&ExportScope::Profile(somchai.clone()), &own, T0 + 500)
        .unwrap();
    assert!(r.encrypted_for.is_empty());
    let moved = b.import_file(&own, false, T0 + 600);
    assert_eq!(moved.outcome, ImportOutcome::Imported, "{moved:?}");
}

#[test]
fn programme_keys_and_endorsements_that_are_not_right_are_refused() {
    let (o_dir, a_dir, b_dir) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let organizer = open(o_dir.path());
    let text = organizer
        .create_programme("Programme", T0)
        .unwrap()
        .public_text;
    let a = open(a_dir.path());
    let b = open(b_dir.path());
    for junk in ["", "SDRORG1.", "SDRORG1.e30", "SDRKEY1.abc", "hello"] {
        assert_eq!(
            a.trust_programme(junk, T0).unwrap_err().code(),
            ErrorCode::BadProgramme,
            "{junk:?}"
        );
    }
    // Only the organizer's laptop endorses.
    let b_key = b.issuer_key(T0).unwrap().public_key;
    assert_eq!(
        a.endorse_laptop(&b_key, "B", T0).unwrap_err().code(),
        ErrorCode::BadProgramme
    );
    let for_b = organizer.endorse_laptop(&b_key, "B", T0).unwrap().text;
    // Not for this laptop; and from a programme not trusted yet.
    a.trust_programme(&text, T0).unwrap();
    assert_eq!(
        a.accept_endorsement(&for_b, T0).unwrap_err().code(),
        ErrorCode::BadProgramme
    );
    assert_eq!(
        b.accept_endorsement(&for_b, T0).unwrap_err().code(),
        ErrorCode::BadProgramme
    );
    b.trust_programme(&text, T0).unwrap();
    b.accept_endorsement(&for_b, T0).unwrap();
    assert_eq!(
        a.accept_endorsement("SDREND1.x.y", T0).unwrap_err().code(),
        ErrorCode::BadProgramme
    );
}
