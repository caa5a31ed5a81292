//! The self-assessment in the real window: answer every question, see levels and the plan,
//! restart, find the result, do it again and see the change and the history.

use sdr_e2e::{App, Result, shipped_pack, x_window_titles};

/// Answers every question of the wizard with `level_for(index)`, then finishes.
async fn answer_all(
    app: &App,
    total: usize,
    level_for: impl Fn(usize) -> u8,
    shot: Option<&str>,
) -> Result<()> {
    for i in 0..total {
        let card = app.by_id("assessment").await?;
        let id = card.attr("data-question").await?.unwrap();
        let level = level_for(i);
        app.wait_css(&format!(
            "[data-testid=assessment-level][data-level='{level}'] input"
        ))
        .await?
        .click()
        .await?;
        if i == 0
            && let Some(name) = shot
        {
            app.screenshot(name).await?;
        }
        if i + 1 < total {
            app.wait_css("[data-testid=assessment-next]:not([disabled])")
                .await?
                .click()
                .await?;
            app.wait_css(&format!(
                "[data-testid=assessment]:not([data-question='{id}'])"
            ))
            .await?;
        } else {
            app.wait_css("[data-testid=assessment-finish]:not([disabled])")
                .await?
                .click()
                .await?;
        }
    }
    Ok(())
}

#[tokio::test]
async fn check_see_levels_and_plan_restart_and_compare() -> Result<()> {
    let pack = shipped_pack();
    let assessment = pack
        .assessment
        .as_ref()
        .expect("the course has a self-assessment");
    let total = assessment.questions.len();
    let data = tempfile::tempdir()?;

    let app = App::launch(data.path()).await?;
    app.by_id("new-profile-name")
        .await?
        .send_keys("Phạm Quang Huy")
        .await?;
    app.by_id("new-profile-locale")
        .await?
        .select_by_value("vi")
        .await?;
    app.click("create-profile").await?;
    app.click("assessment-start").await?;
    // Everything "partly" (1): every domain stays at level 0, the plan is full.
    answer_all(&app, total, |_| 1, Some("assessment-01-question-vi")).await?;
    let results = app.by_id("assessment-results").await?;
    assert_eq!(results.attr("data-overall").await?.as_deref(), Some("33"));
    let levels = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=domain-result][data-level='0']",
        ))
        .await?;
    assert_eq!(levels.len(), assessment.domains.len());
    let steps = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=plan-step]"))
        .await?;
    assert_eq!(steps.len(), 10);
    app.screenshot("assessment-02-results-vi").await?;
    app.quit().await?;

    // After a restart the result is there; a second check shows the change and the history.
    let app = App::launch(data.path()).await?;
    app.wait_text("[data-testid=profile-name]", |t| t == "Phạm Quang Huy")
        .await?;
    app.click("profile").await?;
    app.wait_css("[data-testid=assessment-latest][data-overall='33']")
        .await?;
    app.click("assessment-start").await?;
    // Now "largely" (2) everywhere but the first question: its domain stays at 0, the others
    // reach level 3.
    answer_all(&app, total, |i| if i == 0 { 0 } else { 2 }, None).await?;
    app.by_id("assessment-results").await?;
    app.by_id("index-change").await?;
    let up = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=domain-change][data-change='3']",
        ))
        .await?;
    assert_eq!(up.len(), assessment.domains.len() - 1);
    let entries = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=history-entry]"))
        .await?;
    assert_eq!(entries.len(), 2);
    app.screenshot("assessment-03-second-check-vi").await?;
    // The same results in English, switched from the top bar.
    app.by_id("language-switcher")
        .await?
        .select_by_value("en")
        .await?;
    app.wait_text("[data-testid=index-change]", |t| {
        t.contains("since your previous check")
    })
    .await?;
    app.screenshot("assessment-04-second-check-en").await?;
    // "Print or save as PDF" opens the system print dialog (from which a PDF can be saved).
    assert!(!x_window_titles().iter().any(|t| t == "Print"));
    app.click("print-report").await?;
    let mut dialog = false;
    for _ in 0..50 {
        if x_window_titles().iter().any(|t| t == "Print") {
            dialog = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(dialog, "no print dialog appeared");
    app.quit().await?;
    Ok(())
}
