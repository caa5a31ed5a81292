//! Learner journeys in the real window: a profile with a name in Vietnamese or Thai script,
//! a lesson opened and marked done, the app quit and started again on the same data folder,
//! and the name, progress and position found again. Screenshots go to output/e2e/.

use fantoccini::Locator;
use sdr_e2e::{App, Result, stored_profile_names};

async fn html_lang(app: &App) -> Result<String> {
    let v = app
        .client
        .execute("return document.documentElement.lang", vec![])
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

async fn open_lesson(app: &App, lesson: &str) -> Result<String> {
    app.wait_css(&format!("[data-testid=lesson-link][data-lesson={lesson}]"))
        .await?
        .click()
        .await?;
    app.text("lesson-title").await
}

async fn mark_done(app: &App) -> Result<()> {
    app.click("mark-done").await?;
    app.wait_css("[data-testid=mark-done][data-done=true]")
        .await?;
    Ok(())
}

#[tokio::test]
async fn vietnamese_learner_keeps_name_and_progress_across_a_restart() -> Result<()> {
    let data = tempfile::tempdir()?;
    let name = "Nguyễn Thị Hương";

    let app = App::launch(data.path()).await?;
    app.screenshot("vi-01-first-start").await?;
    app.create_profile(name, "vi").await?;
    assert_eq!(html_lang(&app).await?, "vi");
    assert!(app.text("current-profile").await?.contains(name));
    let title = open_lesson(&app, "what-is-digital-resilience").await?;
    // The lesson is served in Vietnamese, without the English-fallback banner.
    app.wait_css("article.lesson[lang=vi]").await?;
    assert!(
        app.client
            .find(Locator::Css("[data-testid=fallback-banner]"))
            .await
            .is_err()
    );
    mark_done(&app).await?;
    app.screenshot("vi-02-lesson-done").await?;
    app.click("back-to-library").await?;
    app.wait_css("[data-testid=module-percent][data-percent='25']")
        .await?;
    app.screenshot("vi-03-library").await?;
    app.quit().await?;

    assert_eq!(stored_profile_names(data.path()), vec![name.to_string()]);

    let app = App::launch(data.path()).await?;
    // The device greets the room in the language it was last used in.
    assert_eq!(html_lang(&app).await?, "vi");
    app.screenshot("vi-04-relaunch-profiles").await?;
    app.choose_profile(name).await?;
    assert_eq!(html_lang(&app).await?, "vi");
    app.wait_css("[data-testid=module-percent][data-percent='25']")
        .await?;
    app.wait_css(
        "[data-lesson=what-is-digital-resilience] [data-testid=lesson-status][data-status=done]",
    )
    .await?;
    app.click("resume").await?;
    assert_eq!(app.text("lesson-title").await?, title);
    app.wait_css("[data-testid=mark-done][data-done=true]")
        .await?;
    app.screenshot("vi-05-relaunch-resumed").await?;

    // Switching the language changes the interface at once and is remembered.
    app.by_id("language-switcher")
        .await?
        .select_by_value("zh-Hant")
        .await?;
    app.wait_text("[data-testid=back-to-library]", |t| t.contains("返回"))
        .await?;
    assert_eq!(html_lang(&app).await?, "zh-Hant-TW");
    app.wait_css("article.lesson[lang=zh-Hant-TW]").await?;
    app.screenshot("zh-01-lesson").await?;
    app.quit().await?;

    let app = App::launch(data.path()).await?;
    app.choose_profile(name).await?;
    assert_eq!(html_lang(&app).await?, "zh-Hant-TW");
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn thai_learner_resumes_the_lesson_they_were_on() -> Result<()> {
    let data = tempfile::tempdir()?;
    let name = "สมชาย ใจดี";

    let app = App::launch(data.path()).await?;
    app.create_profile(name, "th").await?;
    assert_eq!(html_lang(&app).await?, "th");
    app.screenshot("th-01-library").await?;
    let first = open_lesson(&app, "what-is-digital-resilience").await?;
    app.wait_css("article.lesson[lang=th]").await?;
    // Glossary terms in the Thai text are links; one shows its Thai definition in place.
    app.wait_css("[data-testid=lesson-body] a[href^='#glossary/']")
        .await?
        .click()
        .await?;
    let definition = app.text("glossary-definition").await?;
    assert!(
        definition
            .chars()
            .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
        "{definition}"
    );
    app.screenshot("th-02-glossary-definition").await?;
    mark_done(&app).await?;
    app.click("next-lesson").await?;
    let second = app
        .wait_text("[data-testid=lesson-title]", |t| {
            !t.is_empty() && t != first
        })
        .await?;
    app.wait_css("[data-testid=mark-done][data-done=false]")
        .await?;
    mark_done(&app).await?;
    app.screenshot("th-03-second-lesson-done").await?;
    app.quit().await?;

    assert_eq!(stored_profile_names(data.path()), vec![name.to_string()]);

    let app = App::launch(data.path()).await?;
    app.choose_profile(name).await?;
    app.wait_css("[data-testid=module-percent][data-percent='50']")
        .await?;
    let resume = app.text("resume").await?;
    assert!(resume.contains(&second), "{resume:?} names {second:?}");
    app.screenshot("th-04-relaunch-library").await?;
    app.click("resume").await?;
    assert_eq!(app.text("lesson-title").await?, second);
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn a_damaged_database_is_explained_and_left_untouched() -> Result<()> {
    let data = tempfile::tempdir()?;
    let db = data.path().join("sdr.db");
    let junk = b"not a database, but somebody's only copy of their progress\n".repeat(64);
    std::fs::write(&db, &junk)?;

    let app = App::launch(data.path()).await?;
    let screen = app
        .wait_css("[data-testid=fatal-error][data-code=database_corrupt]")
        .await?;
    assert!(!screen.text().await?.trim().is_empty());
    app.screenshot("error-01-damaged-database").await?;
    app.quit().await?;
    assert_eq!(std::fs::read(&db)?, junk, "the file was changed");
    Ok(())
}

/// The id of the focused element, if it has one.
async fn focused_testid(app: &App) -> Result<Option<String>> {
    let v = app
        .client
        .execute(
            "const e = document.activeElement; return e ? e.getAttribute('data-testid') : null",
            vec![],
        )
        .await?;
    Ok(v.as_str().map(str::to_string))
}

#[tokio::test]
async fn keyboard_only_and_200_percent_text() -> Result<()> {
    const TAB: &str = "\u{E004}";
    const ENTER: &str = "\u{E007}";
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;

    // Type a name and press Enter: the form submits without the mouse.
    let input = app.by_id("new-profile-name").await?;
    input.send_keys("Maria Santos").await?;
    input.send_keys(ENTER).await?;
    app.by_id("lesson-link").await?;

    // Tab from the top of the page to the first lesson, then open it with Enter.
    let mut reached = false;
    for _ in 0..25 {
        app.client.active_element().await?.send_keys(TAB).await?;
        if focused_testid(&app).await?.as_deref() == Some("lesson-link") {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached a lesson");
    app.client.active_element().await?.send_keys(ENTER).await?;
    app.by_id("lesson-title").await?;
    assert_eq!(focused_testid(&app).await?.as_deref(), Some("lesson-title"));

    // Double the root font size (what 200% zoom does to a rem-based layout): nothing may
    // overflow sideways.
    app.client
        .execute("document.documentElement.style.fontSize = '200%'", vec![])
        .await?;
    let overflow = app.horizontal_overflow().await?;
    app.screenshot("zoom-01-lesson-200-percent").await?;
    assert!(overflow <= 0, "the page overflows sideways by {overflow}px");
    app.click("back-to-library").await?;
    app.by_id("module").await?;
    let overflow = app.horizontal_overflow().await?;
    app.screenshot("zoom-02-library-200-percent").await?;
    assert!(overflow <= 0, "the page overflows sideways by {overflow}px");
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn a_database_from_a_newer_app_or_an_unwritable_folder_is_explained() -> Result<()> {
    let data = tempfile::tempdir()?;
    let db = data.path().join("sdr.db");
    {
        let conn = rusqlite::Connection::open(&db)?;
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")?;
    }
    let before = std::fs::read(&db)?;
    let app = App::launch(data.path()).await?;
    app.wait_css("[data-testid=fatal-error][data-code=database_too_new]")
        .await?;
    app.screenshot("error-02-newer-database").await?;
    app.quit().await?;
    assert_eq!(std::fs::read(&db)?, before, "the file was changed");

    // A data folder that cannot be created (sysfs refuses new folders, even to root).
    let app = App::launch(std::path::Path::new("/sys/sdr-e2e-data")).await?;
    app.wait_css("[data-testid=fatal-error][data-code=database_read_only]")
        .await?;
    app.screenshot("error-03-unwritable-folder").await?;
    app.quit().await?;
    Ok(())
}
