//! Results exchange in the real window: a trainer exports a laptop's results in the window; on
//! another laptop an organizer, whose window is in Thai, imports that file together with a
//! copy changed on the way: the changed one is refused with the Thai message, the genuine one
//! is imported once its laptop is trusted by name, and the learner and her certificate appear
//! as if she had studied there. A learner's "take my progress with me" writes her own file.
//!
//! No person can click a GTK file dialog here, so `SDR_TEST_DIALOG_DIR` and
//! `SDR_TEST_OPEN_FILE` stand in for the choice; everything else is the real app.

use std::path::{Path, PathBuf};

use sdr_core::{Locale, Sdr};
use sdr_e2e::{App, Result, now_ms, shipped_pack};
use sdr_system_tests::complete_workshop;

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, shipped_pack()).unwrap()
}

#[tokio::test]
async fn results_exported_in_one_window_are_imported_in_another_and_a_changed_copy_is_refused()
-> Result<()> {
    let laptop = tempfile::tempdir()?;
    let usb = tempfile::tempdir()?;
    let t0 = now_ms() - 86_400_000;
    let huong_id = {
        let sdr = open(laptop.path());
        let p = sdr
            .create_profile("Nguyễn Thị Hương", Locale::Vi, t0)
            .unwrap();
        complete_workshop(&sdr, &p.id, "2018-viet-nam", t0);
        sdr.certificate_pdf(&p.id, t0 + 100).unwrap();
        p.id
    };

    // The trainer names the laptop and exports every learner's results.
    let app = App::launch_with(laptop.path(), &[("SDR_TEST_DIALOG_DIR", usb.path())]).await?;
    app.click("open-exchange").await?;
    // The screen has loaded what the laptop holds (and its current name) before the trainer types.
    app.by_id("data-status").await?;
    let name = app.by_id("laptop-name").await?;
    name.clear().await?;
    name.send_keys("Hà Nội 1").await?;
    app.click("laptop-save").await?;
    app.wait_text("[data-testid=data-status]", |t| t.contains('1'))
        .await?;
    app.click("export-results").await?;
    let done = app.by_id("export-done").await?;
    assert!(done.text().await?.contains("Ha-Noi-1"), "ASCII file name");
    // The file holds every record the laptop holds, counted the same way.
    let held = app.by_id("data-status").await?.attr("data-records").await?;
    assert_eq!(done.attr("data-records").await?, held);
    app.screenshot("exchange-01-exported").await?;
    // And the learner carries her own progress.
    app.click("exchange-back").await?;
    app.choose_profile("Nguyễn Thị Hương").await?;
    app.click("take-progress").await?;
    app.by_id("take-progress-done").await?;
    app.quit().await?;

    let files: Vec<PathBuf> = std::fs::read_dir(usb.path())?
        .map(|e| e.unwrap().path())
        .collect();
    let all = files
        .iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("results_all_")
        })
        .expect("the laptop's file")
        .clone();
    assert!(
        files.iter().any(|p| p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("results_learner-Nguyen-Thi-Huong_Ha-Noi-1_")),
        "{files:?}"
    );

    // On the way, someone alters a copy.
    let altered_dir = tempfile::tempdir()?;
    let altered = altered_dir.path().join("altered.sdrresults");
    let mut bytes = std::fs::read(&all)?;
    let n = bytes.len();
    bytes[n - 40] ^= 0x20;
    std::fs::write(&altered, &bytes)?;

    // The organizer's laptop, in Thai.
    let organizer = tempfile::tempdir()?;
    open(organizer.path())
        .set_device_locale(Locale::Th)
        .unwrap();
    let chosen = std::env::join_paths([&all, &altered])?;
    let app = App::launch_with(
        organizer.path(),
        &[("SDR_TEST_OPEN_FILE", Path::new(&chosen))],
    )
    .await?;
    app.click("open-exchange").await?;
    app.click("import-files").await?;
    app.by_id("import-summary").await?;
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=import-row]"))
        .await?;
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0].attr("data-code").await?.as_deref(),
        Some("results_unknown_signer")
    );
    assert_eq!(
        rows[1].attr("data-code").await?.as_deref(),
        Some("results_tampered")
    );
    let reason = rows[1].text().await?;
    assert!(
        reason.contains("ไฟล์ผลการเรียนนี้ถูกแก้ไขหรือเสียหาย"),
        "the Thai message: {reason}"
    );
    app.screenshot("exchange-02-th-unknown-and-changed").await?;

    // Trusted by name, the genuine file goes in; the changed one stays out.
    let trust_name = app.by_id("trust-name").await?;
    assert_eq!(trust_name.prop("value").await?.as_deref(), Some("Hà Nội 1"));
    app.click("trust-and-import").await?;
    app.wait_css("[data-testid=import-row][data-outcome=imported]")
        .await?;
    app.wait_css("[data-testid=log-row]").await?;
    app.wait_text("[data-testid=data-status]", |t| t.contains('1'))
        .await?;
    app.screenshot("exchange-03-th-imported").await?;
    assert_eq!(app.horizontal_overflow().await?, 0);

    // She is here now, with her progress and her certificate.
    app.click("exchange-back").await?;
    app.choose_profile("Nguyễn Thị Hương").await?;
    app.by_id("workshop-card").await?;
    app.by_id("certificate-id").await?;
    app.screenshot("exchange-04-learner-on-organizer-laptop")
        .await?;
    app.quit().await?;

    let here = open(organizer.path());
    let status = here.workshop_status(&huong_id).unwrap().unwrap();
    assert!(status.complete);
    assert!(status.certificate.is_some());
    assert_eq!(
        here.data_status().unwrap().digest,
        open(laptop.path()).data_status().unwrap().digest
    );
    Ok(())
}

#[tokio::test]
async fn an_endorsed_laptop_exports_encrypted_results_that_the_organizer_imports_through_the_programme()
-> Result<()> {
    let (laptop, organizer, usb) = (
        tempfile::tempdir()?,
        tempfile::tempdir()?,
        tempfile::tempdir()?,
    );
    let t0 = now_ms() - 86_400_000;
    {
        // The organizer's programme; the laptop trusts it and holds its endorsement.
        let o = open(organizer.path());
        let programme = o
            .create_programme("APEC SME Digital Resilience 2018", t0)
            .unwrap();
        let l = open(laptop.path());
        l.set_laptop_name("Bangkok 1").unwrap();
        l.trust_programme(&programme.public_text, t0).unwrap();
        let key = l.issuer_key(t0).unwrap().public_key;
        let endorsement = o.endorse_laptop(&key, "Bangkok 1", t0).unwrap();
        l.accept_endorsement(&endorsement.text, t0).unwrap();
        let p = l.create_profile("สมชาย ใจดี", Locale::Th, t0).unwrap();
        complete_workshop(&l, &p.id, "2018-thailand", t0);
    }

    let app = App::launch_with(laptop.path(), &[("SDR_TEST_DIALOG_DIR", usb.path())]).await?;
    app.click("open-exchange").await?;
    app.by_id("own-endorsement").await?;
    app.wait_css("[data-testid=export-privacy][data-encrypted=true]")
        .await?;
    app.click("export-results").await?;
    app.by_id("export-done").await?;
    app.by_id("programme-card").await?;
    app.client
        .execute(
            "document.querySelector('[data-testid=programme-card]').scrollIntoView()",
            vec![],
        )
        .await?;
    app.screenshot("exchange-05-endorsed-laptop-programme")
        .await?;
    app.quit().await?;

    let file = std::fs::read_dir(usb.path())?
        .map(|e| e.unwrap().path())
        .next()
        .expect("the exported file");
    assert!(std::fs::read(&file)?.starts_with(b"age-encryption.org/v1"));

    let app = App::launch_with(organizer.path(), &[("SDR_TEST_OPEN_FILE", file.as_path())]).await?;
    app.click("open-exchange").await?;
    app.by_id("own-programme").await?;
    app.click("import-files").await?;
    app.wait_css("[data-testid=import-row][data-outcome=imported]")
        .await?;
    let row = app.text("import-row").await?;
    assert!(
        row.contains("Bangkok 1 (APEC SME Digital Resilience 2018)"),
        "{row}"
    );
    app.screenshot("exchange-06-organizer-imported-endorsed")
        .await?;
    app.quit().await?;
    Ok(())
}
