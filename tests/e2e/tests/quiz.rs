//! The quiz in the real window: read the module, fail the quiz, try again, pass, and see the
//! module complete, also after a restart.

use fantoccini::Locator;
use sdr_core::content::{Question, QuestionKind};
use sdr_e2e::{App, Result, shipped_pack};

const MODULE: &str = "resilience-basics";

/// Option ids to click for `q`: all the right ones, or one wrong one.
fn picks(q: &Question, right: bool) -> Vec<String> {
    if right {
        q.correct_ids().map(str::to_string).collect()
    } else {
        let wrong = q.options.iter().find(|(_, c)| !c).unwrap();
        vec![wrong.0.clone()]
    }
}

/// Answers the question on screen, rightly or not, checks the feedback, and returns its id.
async fn answer_current(app: &App, questions: &[Question], right: bool) -> Result<String> {
    let id = app
        .by_id("quiz")
        .await?
        .attr("data-question")
        .await?
        .unwrap();
    let q = questions.iter().find(|q| q.id == id).unwrap();
    for option in picks(q, right) {
        app.wait_css(&format!(
            "[data-testid=quiz-option][data-option='{option}'] input"
        ))
        .await?
        .click()
        .await?;
    }
    app.click("quiz-check").await?;
    let credit = app
        .by_id("quiz-feedback")
        .await?
        .attr("data-credit")
        .await?
        .unwrap();
    assert_eq!(credit == "100", right, "question {id} credit {credit}");
    Ok(id)
}

async fn answer_all(
    app: &App,
    questions: &[Question],
    right: bool,
    shot: Option<&str>,
) -> Result<()> {
    for i in 0..questions.len() {
        let id = answer_current(app, questions, right).await?;
        if i == 0
            && let Some(name) = shot
        {
            app.screenshot(name).await?;
        }
        if i + 1 < questions.len() {
            app.click("quiz-next").await?;
            app.wait_css(&format!("[data-testid=quiz]:not([data-question='{id}'])"))
                .await?;
        } else {
            app.click("quiz-finish").await?;
        }
    }
    Ok(())
}

#[tokio::test]
async fn fail_retry_pass_and_the_module_completes() -> Result<()> {
    let pack = shipped_pack();
    let module = pack.module(MODULE).unwrap();
    let questions = module.quiz.as_ref().unwrap().questions.clone();
    assert!(questions.iter().any(|q| q.kind == QuestionKind::Multiple));
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.by_id("new-profile-name")
        .await?
        .send_keys("Ana Reyes")
        .await?;
    app.click("create-profile").await?;

    // Read every lesson of the module.
    app.wait_css(&format!(
        "[data-testid=lesson-link][data-lesson={}]",
        module.lessons[0].id
    ))
    .await?
    .click()
    .await?;
    for (i, _) in module.lessons.iter().enumerate() {
        app.click("mark-done").await?;
        app.wait_css("[data-testid=mark-done][data-done=true]")
            .await?;
        if i + 1 < module.lessons.len() {
            let title = app.text("lesson-title").await?;
            app.click("next-lesson").await?;
            app.wait_text("[data-testid=lesson-title]", |t| t != title)
                .await?;
            app.wait_css("[data-testid=mark-done][data-done=false]")
                .await?;
        }
    }
    app.click("back-to-library").await?;
    app.wait_css(&format!(
        "[data-module={MODULE}] [data-testid=module-percent][data-percent='100']"
    ))
    .await?;
    assert!(
        app.client
            .find(Locator::Css(&format!(
                "[data-module={MODULE}] [data-testid=module-complete]"
            )))
            .await
            .is_err(),
        "complete before the quiz was passed"
    );

    // Fail.
    app.wait_css(&format!("[data-testid=take-quiz][data-module={MODULE}]"))
        .await?
        .click()
        .await?;
    answer_all(
        &app,
        &questions,
        false,
        Some("quiz-01-wrong-answer-feedback"),
    )
    .await?;
    app.wait_css("[data-testid=quiz-result][data-passed=false]")
        .await?;
    app.screenshot("quiz-02-failed").await?;

    // Retry and pass.
    app.click("quiz-retry").await?;
    answer_all(
        &app,
        &questions,
        true,
        Some("quiz-03-right-answer-feedback"),
    )
    .await?;
    app.wait_css("[data-testid=quiz-result][data-passed=true][data-score='100']")
        .await?;
    app.by_id("quiz-module-complete").await?;
    app.screenshot("quiz-04-passed").await?;
    app.click("quiz-back").await?;
    app.wait_css(&format!(
        "[data-module={MODULE}] [data-testid=module-complete]"
    ))
    .await?;
    app.screenshot("quiz-05-library-module-complete").await?;
    app.quit().await?;

    // After a restart the module is still complete and the best score is kept.
    let app = App::launch(data.path()).await?;
    app.wait_text("[data-testid=profile-name]", |t| t == "Ana Reyes")
        .await?;
    app.click("profile").await?;
    app.wait_css(&format!(
        "[data-module={MODULE}] [data-testid=module-complete]"
    ))
    .await?;
    app.wait_css(&format!(
        "[data-module={MODULE}] [data-testid=module-quiz][data-passed=true]"
    ))
    .await?;
    app.quit().await?;
    Ok(())
}

/// A learner in `locale` opens the first quiz, answers the first question (rightly or not),
/// and gets the question and its feedback in their language.
async fn quiz_in_language(
    name: &str,
    locale: &str,
    right: bool,
    in_script: fn(char) -> bool,
    shot: &str,
) -> Result<()> {
    let pack = shipped_pack();
    let questions = pack
        .module(MODULE)
        .unwrap()
        .quiz
        .as_ref()
        .unwrap()
        .questions
        .clone();
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.create_profile(name, locale).await?;
    app.wait_css(&format!("[data-testid=take-quiz][data-module={MODULE}]"))
        .await?
        .click()
        .await?;
    // The quiz is translated: its card is in the learner's language, with no fallback marker.
    app.wait_css(&format!("[data-testid=quiz] .question-card[lang={locale}]"))
        .await?;
    assert!(
        app.client
            .find(Locator::Css("[data-testid=quiz] .fallback-badge"))
            .await
            .is_err()
    );
    answer_current(&app, &questions, right).await?;
    let feedback = app.by_id("quiz-feedback").await?;
    let text = feedback.text().await?;
    assert!(
        text.chars().any(in_script),
        "feedback is not in {locale}: {text}"
    );
    app.screenshot(shot).await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test]
async fn a_thai_learner_gets_the_quiz_and_its_feedback_in_thai() -> Result<()> {
    quiz_in_language(
        "กมลา ศรีสุข",
        "th",
        false,
        |c| ('\u{0E00}'..='\u{0E7F}').contains(&c),
        "quiz-06-thai-feedback",
    )
    .await
}

#[tokio::test]
async fn a_vietnamese_learner_gets_the_quiz_in_vietnamese() -> Result<()> {
    // Letters only Vietnamese uses among the six languages (ơ, ư, đ, and stacked tones).
    quiz_in_language(
        "Đặng Thị Ngọc Ánh",
        "vi",
        true,
        |c| "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(c),
        "quiz-07-vietnamese-feedback",
    )
    .await
}
