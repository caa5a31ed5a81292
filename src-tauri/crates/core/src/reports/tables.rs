//! The reports as tables, in one language: what the window shows and what the XLSX and CSV
//! files hold, cell for cell. Numbers stay numbers (a share is a percentage with one decimal,
//! as every screen shows it), dates stay dates; only labels are words.

use serde::Serialize;
use ts_rs::TS;

use super::labels::Labels;
use super::learning::BANDS as SCORE_BANDS;
use super::reach::{ReachRow, RowKind};
use super::resilience::{BANDS as INDEX_BANDS, ResilienceRow};
use super::{Reports, share};
use crate::content::Pack;
use crate::locale::Locale;
use crate::workshops::Workshop;
use crate::workshops::economies::economy_name;

/// How a column's values are shown (and formatted in a spreadsheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    /// A whole number of people or records.
    Count,
    /// A percentage, 0-100, one decimal.
    Percent,
    /// Any other number, one decimal.
    Number,
    /// `YYYY-MM-DD`.
    Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Column {
    pub label: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Count(#[ts(type = "number")] i64),
    Number(f64),
    /// `YYYY-MM-DD`.
    Date(String),
    /// No figure: nothing to compute it from.
    Empty,
}

/// Which part of the reports a table belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Reach,
    Learning,
    Resilience,
    /// One row per record: for spreadsheets, not the screen.
    Raw,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Table {
    /// ASCII: names the CSV file and the XLSX sheet's anchor.
    pub id: String,
    pub section: Section,
    pub title: String,
    pub note: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

pub(super) fn col(labels: &Labels, key: &str, kind: ColumnKind) -> Column {
    Column {
        label: labels.text(key),
        kind,
    }
}

pub(super) fn count(v: u32) -> Cell {
    Cell::Count(i64::from(v))
}

fn num(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Number)
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// Texts of the course in one language, with English where a text is missing.
struct Words<'a> {
    pack: &'a Pack,
    locale: Locale,
    labels: Labels,
}

impl Words<'_> {
    fn module(&self, id: &str) -> String {
        self.pack.module(id).map_or_else(
            || id.to_string(),
            |m| {
                m.text(self.locale, self.pack.source_locale)
                    .value
                    .title
                    .clone()
            },
        )
    }

    fn question(&self, module: &str, question: &str) -> String {
        let Some(quiz) = self.pack.module(module).and_then(|m| m.quiz.as_ref()) else {
            return question.to_string();
        };
        [self.locale, self.pack.source_locale]
            .iter()
            .find_map(|l| quiz.texts.get(l).and_then(|t| t.get(question)))
            .map_or_else(|| question.to_string(), |t| t.prompt.clone())
    }

    fn option(&self, module: &str, question: &str, option: &str) -> String {
        match option {
            "true" => return self.labels.text("value.true"),
            "false" => return self.labels.text("value.false"),
            _ => {}
        }
        let Some(quiz) = self.pack.module(module).and_then(|m| m.quiz.as_ref()) else {
            return option.to_string();
        };
        [self.locale, self.pack.source_locale]
            .iter()
            .find_map(|l| {
                quiz.texts
                    .get(l)
                    .and_then(|t| t.get(question))
                    .and_then(|t| t.options.get(option))
            })
            .cloned()
            .unwrap_or_else(|| option.to_string())
    }

    fn domain(&self, id: &str) -> String {
        let Some(a) = &self.pack.assessment else {
            return id.to_string();
        };
        [self.locale, self.pack.source_locale]
            .iter()
            .find_map(|l| a.texts.get(l).and_then(|t| t.domains.get(id)))
            .map_or_else(|| id.to_string(), |d| d.title.clone())
    }

    fn step(&self, id: &str) -> String {
        let Some(a) = &self.pack.assessment else {
            return id.to_string();
        };
        [self.locale, self.pack.source_locale]
            .iter()
            .find_map(|l| a.texts.get(l).and_then(|t| t.questions.get(id)))
            .map_or_else(|| id.to_string(), |q| q.action.clone())
    }

    fn economy(&self, english: &str) -> String {
        economy_name(english, self.locale)
    }

    fn workshop(&self, w: &Workshop) -> String {
        let name = format!("{} {}", self.economy(&w.economy), w.year);
        if w.details.city.is_empty() {
            name
        } else {
            format!("{name} · {}", w.details.city)
        }
    }
}

/// Every table of `reports`, in `locale`. `workshops` names the workshops.
pub fn tables(
    reports: &Reports,
    pack: &Pack,
    workshops: &[Workshop],
    locale: Locale,
) -> Vec<Table> {
    let labels = Labels::new(locale);
    let w = Words {
        pack,
        locale,
        labels,
    };
    let workshop_name = |id: &str| {
        workshops
            .iter()
            .find(|x| x.id == id)
            .map_or_else(|| id.to_string(), |x| w.workshop(x))
    };
    let mut out = Vec::new();

    if let Some(reach) = &reports.reach {
        // Reach by group.
        let group = |r: &ReachRow| -> (Cell, Cell) {
            match r.kind {
                RowKind::Workshop => (
                    text(w.economy(r.economy.as_deref().unwrap_or(""))),
                    text(workshop_name(r.workshop.as_deref().unwrap_or(""))),
                ),
                RowKind::Economy => {
                    let e = w.economy(r.economy.as_deref().unwrap_or(""));
                    (
                        text(e.clone()),
                        text(labels.get("row.economy_total", &[("economy", &e)])),
                    )
                }
                RowKind::NoWorkshop => (Cell::Empty, text(labels.text("row.no_workshop"))),
                RowKind::Total => (text(labels.text("row.total")), Cell::Empty),
            }
        };
        out.push(Table {
            id: "reach".into(),
            section: Section::Reach,
            title: labels.text("reach.title"),
            note: Some(labels.text("reach.note")),
            columns: vec![
                col(&labels, "col.economy", ColumnKind::Text),
                col(&labels, "col.workshop", ColumnKind::Text),
                col(&labels, "col.enrolled", ColumnKind::Count),
                col(&labels, "col.started", ColumnKind::Count),
                col(&labels, "col.course_finished", ColumnKind::Count),
                col(&labels, "col.all_quizzes_passed", ColumnKind::Count),
                col(&labels, "col.assessed", ColumnKind::Count),
                col(&labels, "col.certified", ColumnKind::Count),
                col(&labels, "col.certificates", ColumnKind::Count),
            ],
            rows: reach
                .rows
                .iter()
                .map(|r| {
                    let (a, b) = group(r);
                    vec![
                        a,
                        b,
                        count(r.enrolled),
                        count(r.started),
                        count(r.course_finished),
                        count(r.all_quizzes_passed),
                        count(r.assessed),
                        count(r.certified),
                        count(r.certificates),
                    ]
                })
                .collect(),
        });

        // The funnel: the total row, stage by stage.
        let total = reach
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Total)
            .expect("the reach report always has a total row");
        let stages = [
            ("stage.enrolled", total.enrolled),
            ("stage.started", total.started),
            ("stage.course_finished", total.course_finished),
            ("stage.all_quizzes_passed", total.all_quizzes_passed),
            ("stage.assessed", total.assessed),
            ("stage.certified", total.certified),
        ];
        out.push(Table {
            id: "funnel".into(),
            section: Section::Reach,
            title: labels.text("funnel.title"),
            note: Some(labels.text("funnel.note")),
            columns: vec![
                col(&labels, "col.stage", ColumnKind::Text),
                col(&labels, "col.people", ColumnKind::Count),
                col(&labels, "col.share_enrolled", ColumnKind::Percent),
            ],
            rows: stages
                .iter()
                .map(|(k, n)| {
                    vec![
                        text(labels.text(k)),
                        count(*n),
                        num(share(*n, total.enrolled)),
                    ]
                })
                .collect(),
        });

        out.push(Table {
            id: "modules".into(),
            section: Section::Reach,
            title: labels.text("modules.title"),
            note: None,
            columns: vec![
                col(&labels, "col.module", ColumnKind::Text),
                col(&labels, "col.finished", ColumnKind::Count),
                col(&labels, "col.finished_share", ColumnKind::Percent),
                col(&labels, "col.quiz_passed", ColumnKind::Count),
                col(&labels, "col.quiz_passed_share", ColumnKind::Percent),
            ],
            rows: reach
                .modules
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let passed = total.quizzes_passed[i];
                    vec![
                        text(w.module(m)),
                        count(total.modules_finished[i]),
                        num(share(total.modules_finished[i], total.enrolled)),
                        passed.map_or(Cell::Empty, count),
                        num(passed.and_then(|p| share(p, total.enrolled))),
                    ]
                })
                .collect(),
        });
    }
    if let Some(learning) = &reports.learning {
        // Learning.
        let mut score_columns = vec![
            col(&labels, "col.module", ColumnKind::Text),
            col(&labels, "col.attempted", ColumnKind::Count),
            col(&labels, "col.mean", ColumnKind::Number),
            col(&labels, "col.median", ColumnKind::Number),
            col(&labels, "col.passed_first", ColumnKind::Percent),
            col(&labels, "col.passed_any", ColumnKind::Percent),
        ];
        score_columns.extend(band_columns(&labels, "col.band", SCORE_BANDS));
        out.push(Table {
            id: "scores".into(),
            section: Section::Learning,
            title: labels.text("scores.title"),
            note: Some(labels.text("scores.note")),
            columns: score_columns,
            rows: learning
                .modules
                .iter()
                .map(|m| {
                    let mut row = vec![
                        text(w.module(&m.module)),
                        count(m.attempted),
                        num(m.mean_first),
                        num(m.median_first),
                        num(m.passed_first),
                        num(m.passed_any),
                    ];
                    row.extend(m.bands.iter().map(|&b| count(b)));
                    row
                })
                .collect(),
        });
        out.push(Table {
            id: "items".into(),
            section: Section::Learning,
            title: labels.text("items.title"),
            note: Some(labels.text("items.note")),
            columns: vec![
                col(&labels, "col.module", ColumnKind::Text),
                col(&labels, "col.number", ColumnKind::Count),
                col(&labels, "col.question", ColumnKind::Text),
                col(&labels, "col.attempts", ColumnKind::Count),
                col(&labels, "col.facility", ColumnKind::Percent),
                col(&labels, "col.sd", ColumnKind::Percent),
                col(&labels, "col.discrimination", ColumnKind::Number),
                col(&labels, "col.efficiency", ColumnKind::Percent),
                col(&labels, "col.flags", ColumnKind::Text),
                col(&labels, "col.wrong_option", ColumnKind::Text),
                col(&labels, "col.wrong_share", ColumnKind::Percent),
            ],
            rows: learning
                .items
                .iter()
                .map(|i| {
                    let flags: Vec<String> = i
                        .flags
                        .iter()
                        .map(|f| labels.text(&format!("flag.{}", flag_key(*f))))
                        .collect();
                    vec![
                        text(w.module(&i.module)),
                        count(i.number),
                        text(w.question(&i.module, &i.question)),
                        count(i.attempts),
                        num(i.facility),
                        num(i.sd),
                        num(i.discrimination),
                        num(i.efficiency),
                        if flags.is_empty() {
                            Cell::Empty
                        } else {
                            text(flags.join(", "))
                        },
                        i.wrong.as_ref().map_or(Cell::Empty, |o| {
                            text(w.option(&i.module, &i.question, &o.option))
                        }),
                        num(i.wrong.as_ref().map(|o| o.share)),
                    ]
                })
                .collect(),
        });
    }
    if let Some(r) = &reports.resilience {
        // Resilience.
        let mut columns = vec![
            col(&labels, "col.economy", ColumnKind::Text),
            col(&labels, "col.assessed", ColumnKind::Count),
            col(&labels, "col.mean_index", ColumnKind::Number),
        ];
        columns.extend(r.domains.iter().map(|d| Column {
            label: w.domain(d),
            kind: ColumnKind::Number,
        }));
        let economy_cell = |row: &ResilienceRow| match row.kind {
            RowKind::Total => text(labels.text("row.total")),
            RowKind::NoWorkshop => text(labels.text("row.no_workshop")),
            _ => text(w.economy(row.economy.as_deref().unwrap_or(""))),
        };
        out.push(Table {
            id: "resilience".into(),
            section: Section::Resilience,
            title: labels.text("resilience.title"),
            note: Some(labels.text("resilience.note")),
            columns,
            rows: r
                .rows
                .iter()
                .map(|row| {
                    let mut cells =
                        vec![economy_cell(row), count(row.assessed), num(row.mean_index)];
                    cells.extend(row.domains.iter().map(|d| num(*d)));
                    cells
                })
                .collect(),
        });
        out.push(Table {
            id: "index".into(),
            section: Section::Resilience,
            title: labels.text("index.title"),
            note: None,
            columns: vec![
                col(&labels, "col.index_band", ColumnKind::Text),
                col(&labels, "col.people", ColumnKind::Count),
            ],
            rows: r
                .bands
                .iter()
                .enumerate()
                .map(|(i, &n)| vec![text(band_label(i, INDEX_BANDS)), count(n)])
                .collect(),
        });
        out.push(Table {
            id: "first-steps".into(),
            section: Section::Resilience,
            title: labels.text("steps.title"),
            note: None,
            columns: vec![
                col(&labels, "col.rank", ColumnKind::Count),
                col(&labels, "col.step", ColumnKind::Text),
                col(&labels, "col.domain", ColumnKind::Text),
                col(&labels, "col.people", ColumnKind::Count),
                col(&labels, "col.share_assessed", ColumnKind::Percent),
            ],
            rows: r
                .first_steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        count(i as u32 + 1),
                        text(w.step(&s.question)),
                        text(w.domain(&s.domain)),
                        count(s.people),
                        Cell::Number(s.share),
                    ]
                })
                .collect(),
        });
        let c = &r.change;
        let mut change_rows = vec![vec![
            text(labels.text("row.index")),
            num(c.first_index),
            num(c.latest_index),
            num(c.change),
        ]];
        for (i, d) in r.domains.iter().enumerate() {
            let delta = c.domains_first[i]
                .zip(c.domains_latest[i])
                .map(|(a, b)| super::round1(b - a));
            change_rows.push(vec![
                text(w.domain(d)),
                num(c.domains_first[i]),
                num(c.domains_latest[i]),
                num(delta),
            ]);
        }
        out.push(Table {
            id: "change".into(),
            section: Section::Resilience,
            title: labels.text("change.title"),
            note: Some(labels.get("change.note", &[("people", &c.people.to_string())])),
            columns: vec![
                col(&labels, "col.measure", ColumnKind::Text),
                col(&labels, "col.first", ColumnKind::Number),
                col(&labels, "col.latest", ColumnKind::Number),
                col(&labels, "col.change", ColumnKind::Number),
            ],
            rows: change_rows,
        });
    }
    out.extend(super::raw::tables(
        reports,
        &labels,
        &|m| w.module(m),
        &|d| w.domain(d),
        &workshop_name,
    ));
    out
}

fn flag_key(f: super::items::ItemFlag) -> &'static str {
    use super::items::ItemFlag;
    match f {
        ItemFlag::TooEasy => "too_easy",
        ItemFlag::TooHard => "too_hard",
        ItemFlag::Misleading => "misleading",
        ItemFlag::Weak => "weak",
    }
}

/// `0-9`, `10-19`, ..., `90-100`.
fn band_label(i: usize, bands: usize) -> String {
    let from = i * 10;
    let to = if i + 1 == bands { 100 } else { from + 9 };
    format!("{from}-{to}")
}

fn band_columns(labels: &Labels, key: &str, bands: usize) -> Vec<Column> {
    (0..bands)
        .map(|i| {
            let band = band_label(i, bands);
            let (from, to) = band.split_once('-').expect("a band reads from-to");
            Column {
                label: labels.get(key, &[("from", from), ("to", to)]),
                kind: ColumnKind::Count,
            }
        })
        .collect()
}
