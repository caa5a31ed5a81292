//! Certificates in the real window: a learner meets the last requirement, the certificate
//! button comes alive, the certificate is saved and verifies; a trainer issues a workshop's
//! certificates into a folder; the Verify screen tells a valid certificate from a changed one.
//!
//! No person can click a GTK file dialog here, so `SDR_TEST_DIALOG_DIR` and
//! `SDR_TEST_OPEN_FILE` stand in for the choice; everything else is the real app.

use std::path::Path;

use sdr_core::certificates::payload::find_payload;
use sdr_core::views::Verdict;
use sdr_core::workshops::dates::{self, Date};
use sdr_core::workshops::{SEEDS, parse_seeds};
use sdr_core::{Locale, Sdr};
use sdr_e2e::{App, DEFAULT_CLOCK, Result, now_ms, shipped_pack};
use sdr_system_tests::complete_workshop;

/// The day before the test clock's: when the seeded records were made.
fn yesterday() -> i64 {
    now_ms() - 86_400_000
}

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, shipped_pack()).unwrap()
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn the_last_requirement_unlocks_the_certificate_which_saves_and_verifies() -> Result<()> {
    let data = tempfile::tempdir()?;
    let saves = tempfile::tempdir()?;
    let t0 = yesterday();
    let pack = shipped_pack();
    let last_module = pack.modules.last().unwrap();
    let last_lesson = last_module.lessons.last().unwrap().id.clone();
    {
        // Everything done but one lesson of the last module.
        let sdr = open(data.path());
        let p = sdr
            .create_profile("Nguyễn Thị Hương", Locale::Vi, t0)
            .unwrap();
        complete_workshop(&sdr, &p.id, "2018-viet-nam", t0);
        sdr.set_lesson_done(&p.id, &last_lesson, false, t0 + 100)
            .unwrap();
    }
    let app = App::launch_with(data.path(), &[("SDR_TEST_DIALOG_DIR", saves.path())]).await?;
    app.choose_profile("Nguyễn Thị Hương").await?;
    app.by_id("workshop-card").await?;
    app.wait_css("[data-testid=certificate-save]:disabled")
        .await?;
    let unmet = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=requirement][data-met=false]",
        ))
        .await?;
    assert_eq!(unmet.len(), 1, "only the last module is missing");
    app.screenshot("certificate-01-vi-one-requirement-missing")
        .await?;

    // Meet it in the window.
    app.wait_css(&format!(
        "[data-testid=lesson-link][data-lesson='{last_lesson}']"
    ))
    .await?
    .click()
    .await?;
    app.click("mark-done").await?;
    app.wait_css("[data-testid=mark-done][data-done=true]")
        .await?;
    app.click("back-to-library").await?;
    app.wait_css("[data-testid=certificate-save]:not(:disabled)")
        .await?;
    // Completed today on the test clock, as the day is in the workshop's economy, written in
    // its calendar (both from the seeds).
    let seeds = parse_seeds(SEEDS)?;
    let viet_nam = seeds.iter().find(|w| w.id == "2018-viet-nam").unwrap();
    let today_in_hanoi = dates::format(
        Date::at(now_ms(), viet_nam.utc_offset_min),
        Locale::Vi,
        viet_nam.calendar,
    );
    if std::env::var_os("SDR_E2E_CLOCK").is_none() {
        assert_eq!(
            today_in_hanoi, "ngày 27 tháng 11 năm 2026",
            "{DEFAULT_CLOCK}"
        );
    }
    let summary = app.text("workshop-summary").await?;
    assert!(summary.contains(&today_in_hanoi), "{summary}");
    app.screenshot("certificate-02-vi-ready").await?;

    app.click("certificate-save").await?;
    let saved = app.by_id("certificate-saved").await?;
    let path = saved.attr("data-path").await?.unwrap();
    app.screenshot("certificate-03-vi-saved").await?;
    let path = Path::new(&path);
    assert!(path.starts_with(saves.path()), "{}", path.display());
    assert!(path.exists());
    assert!(pdftotext(path).contains("Nguyễn Thị Hương"));
    app.quit().await?;

    let sdr = open(data.path());
    let report = sdr.verify_file(path, Locale::En).unwrap();
    assert_eq!(report.verdict, Verdict::Valid);
    assert_eq!(report.claims.unwrap().name, "Nguyễn Thị Hương");
    Ok(())
}

#[tokio::test]
async fn a_trainer_issues_a_workshops_certificates_and_checks_one() -> Result<()> {
    let data = tempfile::tempdir()?;
    let out = tempfile::tempdir()?;
    let t0 = yesterday();
    {
        let sdr = open(data.path());
        for (name, locale) in [("สมชาย ใจดี", Locale::Th), ("Ana Reyes", Locale::En)]
        {
            let p = sdr.create_profile(name, locale, t0).unwrap();
            complete_workshop(&sdr, &p.id, "2018-thailand", t0);
        }
        let p = sdr.create_profile("วิภาวรรณ ศรีสุข", Locale::Th, t0).unwrap();
        sdr.enrol(&p.id, "2018-thailand", t0).unwrap();
    }
    let app = App::launch_with(data.path(), &[("SDR_TEST_DIALOG_DIR", out.path())]).await?;
    app.click("open-trainer").await?;
    app.wait_css("[data-testid=trainer-workshop][data-workshop='2018-thailand']")
        .await?
        .click()
        .await?;
    app.wait_text("[data-testid=roster]", |t| t.contains("วิภาวรรณ"))
        .await?;
    app.by_id("workshop-city")
        .await?
        .send_keys("Bangkok")
        .await?;
    app.click("workshop-save-details").await?;
    app.click("issue-certificates").await?;
    let summary = app.by_id("batch-summary").await?;
    assert_eq!(summary.attr("data-written").await?.as_deref(), Some("2"));
    assert_eq!(summary.attr("data-skipped").await?.as_deref(), Some("1"));
    app.by_id("batch-progress").await?;
    app.screenshot("certificate-04-trainer-batch").await?;
    // At 200% text the roster and the summary still fit the window.
    app.client
        .execute("document.documentElement.style.fontSize = '200%'", vec![])
        .await?;
    let overflow = app.horizontal_overflow().await?;
    app.screenshot("certificate-04b-trainer-200-percent")
        .await?;
    assert!(
        overflow <= 0,
        "the trainer screen overflows sideways by {overflow}px"
    );
    app.client
        .execute("document.documentElement.style.fontSize = ''", vec![])
        .await?;
    let files: Vec<_> = std::fs::read_dir(out.path())?
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2);
    let thai = files
        .iter()
        .find(|f| f.to_string_lossy().contains("สมชาย"))
        .expect("a file named after the Thai learner");
    let text = pdftotext(thai);
    assert!(text.contains("สมชาย ใจดี"), "{text}");
    assert!(
        text.contains("Bangkok"),
        "the city the trainer typed is printed"
    );

    // The Verify screen, with the Thai certificate "chosen" in the open dialog.
    app.click("trainer-back").await?;
    app.quit().await?;
    let keys = tempfile::tempdir()?;
    let app = App::launch_with(
        data.path(),
        &[
            ("SDR_TEST_OPEN_FILE", thai.as_path()),
            ("SDR_TEST_DIALOG_DIR", keys.path()),
        ],
    )
    .await?;
    app.click("open-verify").await?;
    app.click("verify-open-file").await?;
    app.wait_css("[data-testid=verify-verdict][data-verdict=valid]")
        .await?;
    assert_eq!(app.text("verify-name").await?, "สมชาย ใจดี");
    app.screenshot("certificate-05-verify-valid").await?;

    // The same payload with one character of its signature changed.
    let payload = find_payload(&std::fs::read(thai)?).unwrap();
    let mut changed = payload.into_bytes();
    let i = changed.len() - 5;
    changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
    app.by_id("verify-text")
        .await?
        .send_keys(std::str::from_utf8(&changed)?)
        .await?;
    app.click("verify-check").await?;
    app.wait_css("[data-testid=verify-verdict][data-verdict=tampered]")
        .await?;
    app.screenshot("certificate-06-verify-changed").await?;

    // This computer's key saved to a file for organizers; a PDF offered as a key is refused.
    app.click("save-key").await?;
    app.by_id("key-saved").await?;
    let key_file = std::fs::read_dir(keys.path())?.next().unwrap()?.path();
    let key_text = std::fs::read_to_string(&key_file)?;
    assert!(key_text.starts_with("SDRKEY1."), "{key_text}");
    app.click("open-key-file").await?;
    app.wait_css("[data-testid=error-notice][data-code=bad_key]")
        .await?;
    app.screenshot("certificate-07-not-a-key").await?;
    app.quit().await?;
    Ok(())
}
