//! The organizer's reports in the real window, over merged data: two laptops' demo learners
//! (made through the core), exported and imported on the organizer's laptop. Every table the
//! window shows, in each part, is found cell for cell in the workbook the window saves (read
//! back by calamine); the economy filter narrows the figures; the screen is looked at in
//! English, Thai and Traditional Chinese.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use fantoccini::Locator;
use sdr_core::demo::{self, DemoMode, DemoSpec};
use sdr_core::exchange::ExportScope;
use sdr_core::views::ImportOutcome;
use sdr_core::{Locale, Sdr};
use sdr_e2e::{App, Result, now_ms, shipped_pack};

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, shipped_pack()).unwrap()
}

/// The organizer's data folder: laptops in Thailand and Viet Nam, merged.
fn organizer(dir: &Path) {
    let organizer = open(dir);
    let files = tempfile::tempdir().unwrap();
    for (i, (workshop, mode)) in [
        ("2018-thailand", DemoMode::FullCourse),
        ("2018-viet-nam", DemoMode::Spread),
    ]
    .into_iter()
    .enumerate()
    {
        let laptop_dir = tempfile::tempdir().unwrap();
        let laptop = open(laptop_dir.path());
        demo::generate(
            &laptop,
            &DemoSpec {
                learners: 12,
                workshop_id: workshop.into(),
                seed: 40 + i as u64,
                mode,
            },
        )
        .unwrap();
        let file = files.path().join(format!("{i}.sdrresults"));
        laptop
            .export_results(&ExportScope::All, &file, now_ms())
            .unwrap();
        organizer
            .trust_results_signer(&file, workshop, now_ms())
            .unwrap();
        let r = organizer.import_file(&file, false, now_ms());
        assert_eq!(r.outcome, ImportOutcome::Imported, "{r:?}");
    }
}

/// Every table on the screen: its id, headings, and each cell's kind and raw value.
type Shown = Vec<(String, Vec<String>, Vec<Vec<(String, String)>>)>;

/// The tables on screen once they are those of `section` with `economies` picked.
async fn shown(app: &App, section: &str, economies: &str) -> Result<Shown> {
    app.wait_css(&format!(
        "[data-testid=report-body][data-shown-for*='\"section\":\"{section}\"'][data-shown-for*='\"economies\":[{economies}]']"
    ))
    .await?;
    let mut out = Vec::new();
    for table in app
        .client
        .find_all(Locator::Css("[data-testid=report-table]"))
        .await?
    {
        let id = table.attr("data-table").await?.unwrap_or_default();
        let mut headings = Vec::new();
        for th in table.find_all(Locator::Css("thead th")).await? {
            headings.push(th.text().await?);
        }
        let mut rows = Vec::new();
        for tr in table.find_all(Locator::Css("tbody tr")).await? {
            let mut row = Vec::new();
            for td in tr.find_all(Locator::Css("td")).await? {
                row.push((
                    td.attr("data-kind").await?.unwrap_or_default(),
                    td.attr("data-value").await?.unwrap_or_default(),
                ));
            }
            rows.push(row);
        }
        out.push((id, headings, rows));
    }
    Ok(out)
}

async fn open_section(app: &App, section: &str) -> Result<Shown> {
    app.wait_css(&format!(
        "[data-testid=report-section][data-section={section}]"
    ))
    .await?
    .click()
    .await?;
    shown(app, section, "").await
}

/// A workbook cell as the window's raw value: numbers as the shortest decimal, dates ISO.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        other => other.to_string(),
    }
}

#[tokio::test]
async fn the_window_shows_the_figures_the_workbook_holds_in_three_languages() -> Result<()> {
    let data = tempfile::tempdir()?;
    organizer(data.path());
    let saves = tempfile::tempdir()?;
    let mut seen = Vec::new();
    for (locale, shot) in [
        (Locale::En, "reports-01-reach-en"),
        (Locale::Th, "reports-02-learning-th"),
        (Locale::ZhHant, "reports-03-resilience-zh-hant"),
    ] {
        open(data.path()).set_device_locale(locale).unwrap();
        let app = App::launch_with(data.path(), &[("SDR_TEST_DIALOG_DIR", saves.path())]).await?;
        app.click("open-exchange").await?;
        app.click("open-reports").await?;
        let mut all = shown(&app, "reach", "").await?;
        let learning = open_section(&app, "learning").await?;
        if locale == Locale::Th {
            app.screenshot(shot).await?;
            // And the item analysis further down, where the long Thai questions wrap.
            app.client
                .execute(
                    "document.querySelector('[data-table=items]').scrollIntoView()",
                    vec![],
                )
                .await?;
            app.screenshot("reports-02b-items-th").await?;
        }
        let resilience = open_section(&app, "resilience").await?;
        if locale == Locale::ZhHant {
            app.screenshot(shot).await?;
        }
        all.extend(learning);
        all.extend(resilience);
        if locale == Locale::En {
            let reach = open_section(&app, "reach").await?;
            app.screenshot(shot).await?;
            // The economy filter: Viet Nam alone enrols only its twelve.
            app.wait_css("[data-testid=filter-economy][value='Viet Nam']")
                .await?
                .click()
                .await?;
            let narrowed = shown(&app, "reach", "\\\"Viet Nam\\\"").await?;
            let total = |s: &Shown| {
                s.iter().find(|t| t.0 == "funnel").unwrap().2[0][1]
                    .1
                    .clone()
            };
            assert_eq!(total(&reach), "24");
            assert_eq!(total(&narrowed), "12");
            app.wait_css("[data-testid=filter-economy][value='Viet Nam']")
                .await?
                .click()
                .await?;
            shown(&app, "reach", "").await?;
        }
        // Save the workbook from the window and find every shown table in it.
        app.click("save-xlsx").await?;
        let saved = app.by_id("report-saved").await?.text().await?;
        assert!(saved.contains(".xlsx"), "{saved}");
        app.quit().await?;
        let path = std::fs::read_dir(saves.path())?
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
            .expect("the saved workbook");
        let mut wb: Xlsx<_> = open_workbook(&path)?;
        let sheets: Vec<Vec<Vec<String>>> = wb
            .sheet_names()
            .iter()
            .map(|n| {
                let range = wb.worksheet_range(n).unwrap();
                range
                    .rows()
                    .map(|r| r.iter().map(cell_text).collect())
                    .collect()
            })
            .collect();
        assert_eq!(all.len(), 9, "nine tables over the three parts");
        for (id, headings, rows) in &all {
            let sheet = sheets
                .iter()
                .find(|s| s.first() == Some(headings))
                .unwrap_or_else(|| panic!("{locale:?}: no sheet for {id} {headings:?}"));
            assert_eq!(sheet.len(), rows.len() + 1, "{locale:?} {id}");
            for (got, want) in sheet[1..].iter().zip(rows) {
                let want: Vec<String> = want
                    .iter()
                    .map(|(kind, v)| match kind.as_str() {
                        "text" => sdr_core::reports::files::neutralise(v).into_owned(),
                        _ => v.clone(),
                    })
                    .collect();
                assert_eq!(&got[..want.len()], &want[..], "{locale:?} {id}");
            }
        }
        std::fs::remove_file(&path)?;
        seen.push(locale);
    }
    assert_eq!(seen.len(), 3);
    Ok(())
}
