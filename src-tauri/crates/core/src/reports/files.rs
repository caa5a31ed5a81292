//! The reports as files: a workbook (XLSX, one sheet per table, written by rust_xlsxwriter)
//! and a folder of CSV files (UTF-8 with a byte-order mark, so Excel reads Thai and Vietnamese;
//! quoting by the csv crate). Both hold exactly the cells of [`super::tables`].
//!
//! A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`,
//! a tab or a line break, as OWASP lists) gets a leading `'` in both files: a learner named
//! `=HYPERLINK(...)` stays a name. Numbers are written as numbers and never touched.

use std::path::Path;

use rust_xlsxwriter::{
    Chart, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::tables::{Cell, ColumnKind, Section, Table};
use crate::error::{CoreError, Result};
use crate::files::write_atomically;

/// A text cell as it is safe to put in a spreadsheet.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// One table as CSV bytes: a byte-order mark, the headings, then the rows.
pub fn csv_bytes(table: &Table) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().from_writer(&mut out);
        let headings: Vec<String> = table
            .columns
            .iter()
            .map(|c| neutralise(&c.label).into_owned())
            .collect();
        // Writing to a Vec cannot fail.
        w.write_record(&headings).expect("csv to memory");
        for row in &table.rows {
            let cells: Vec<String> = row.iter().map(csv_cell).collect();
            w.write_record(&cells).expect("csv to memory");
        }
        w.flush().expect("csv to memory");
    }
    out
}

fn csv_cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => neutralise(t).into_owned(),
        Cell::Count(n) => n.to_string(),
        Cell::Number(v) => v.to_string(),
        Cell::Date(d) => d.clone(),
        Cell::Empty => String::new(),
    }
}

/// Writes every table as `<id>.csv` into `dir` (made if missing), each file atomically.
pub fn write_csv(dir: &Path, tables: &[Table]) -> Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| CoreError::FileUnwritable {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })?;
    let mut written = Vec::new();
    for t in tables {
        let path = dir.join(format!("{}.csv", t.id));
        write_atomically(&path, &csv_bytes(t))?;
        written.push(path);
    }
    Ok(written)
}

/// What the first sheet of the workbook says about the report.
pub struct About {
    pub title: String,
    /// Label and value pairs: the filter, when it was made, what it counts.
    pub lines: Vec<(String, String)>,
    /// The words for "Sheet" and "About" in the report's language.
    pub contents_heading: String,
    pub about_sheet: String,
    /// When the report was made (Unix ms): the workbook's creation time.
    pub made_at_ms: i64,
}

/// The workbook's bytes.
pub fn xlsx_bytes(tables: &[Table], about: &About) -> Result<Vec<u8>> {
    build_xlsx(tables, about).map_err(|e| CoreError::InvalidInput(format!("spreadsheet: {e}")))
}

/// Writes the workbook to `path` atomically.
pub fn write_xlsx(path: &Path, tables: &[Table], about: &About) -> Result<()> {
    write_atomically(path, &xlsx_bytes(tables, about)?)
}

/// A sheet name Excel accepts (at most 31 characters, none of `[]:*?/\`), unique in `taken`.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let base: String = clean.chars().take(28).collect();
    let mut name = base.trim_end().to_string();
    let mut n = 2;
    while name.is_empty()
        || taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        name = format!("{} {n}", base.trim_end());
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// A column's width in Excel's units from its widest cell (East Asian characters count two).
fn width_of(texts: impl Iterator<Item = usize>) -> f64 {
    let widest = texts.max().unwrap_or(8);
    (widest.clamp(6, 60) + 2) as f64
}

fn build_xlsx(tables: &[Table], about: &About) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let made = ExcelDateTime::from_timestamp(about.made_at_ms.div_euclid(1000))?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&about.title)
            .set_creation_datetime(&made),
    );
    let bold = Format::new().set_bold();
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin)
        .set_background_color("#E8EEF4");
    let title_format = Format::new().set_bold().set_font_size(14);
    let count = Format::new().set_num_format("0");
    let number = Format::new().set_num_format("0.0");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    let mut taken = vec![sheet_name(&about.about_sheet, &mut Vec::new())];
    let names: Vec<String> = tables
        .iter()
        .map(|t| sheet_name(&t.title, &mut taken))
        .collect();

    // The first sheet: what this is, and a contents list.
    let ws = wb.add_worksheet();
    ws.set_name(&taken[0])?;
    ws.write_string_with_format(0, 0, &about.title, &title_format)?;
    let mut row = 2;
    for (label, value) in &about.lines {
        ws.write_string_with_format(row, 0, neutralise(label), &bold)?;
        ws.write_string_with_format(row, 1, neutralise(value), &wrap)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, &about.contents_heading, &bold)?;
    row += 1;
    for (t, name) in tables.iter().zip(&names) {
        ws.write_url_with_text(row, 0, format!("internal:'{name}'!A1").as_str(), name)?;
        if let Some(note) = &t.note {
            ws.write_string_with_format(row, 1, neutralise(note), &wrap)?;
        }
        row += 1;
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 90)?;
    print_setup(ws);

    for (t, name) in tables.iter().zip(&names) {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        for (c, column) in t.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, neutralise(&column.label), &heading)?;
        }
        for (r, cells) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in cells.iter().enumerate() {
                write_cell(
                    ws,
                    r,
                    c as u16,
                    cell,
                    t.columns[c].kind,
                    &count,
                    &number,
                    &date,
                )?;
            }
        }
        let last_row = t.rows.len() as u32;
        let last_col = t.columns.len().saturating_sub(1) as u16;
        ws.set_freeze_panes(1, 0)?;
        print_setup(ws);
        ws.set_repeat_rows(0, 0)?;
        ws.autofilter(0, 0, last_row, last_col)?;
        let mut heading_lines = 1;
        for (c, column) in t.columns.iter().enumerate() {
            let cells = t.rows.iter().map(|r| match &r[c] {
                Cell::Text(s) => s.width(),
                Cell::Date(_) => 10,
                Cell::Count(n) => n.to_string().len(),
                Cell::Number(v) => v.to_string().len(),
                Cell::Empty => 0,
            });
            // Headings wrap: they need only a third of their width, cells all of theirs.
            let w = width_of(cells.chain(std::iter::once(column.label.width().div_ceil(3))));
            ws.set_column_width(c as u16, w)?;
            heading_lines = heading_lines.max(column.label.width().div_ceil(w as usize - 2));
        }
        // Wrapped headings need their row tall enough to show every line.
        ws.set_row_height(0, 18.0 * heading_lines.min(6) as f64)?;
        if let Some(chart) = chart_for(t, name) {
            ws.insert_chart(1, t.columns.len() as u16 + 1, &chart)?;
        }
    }
    wb.save_to_buffer()
}

/// Printed landscape, as wide as one page, as many pages long as it takes.
fn print_setup(ws: &mut Worksheet) {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
}

#[allow(clippy::too_many_arguments)]
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    kind: ColumnKind,
    count: &Format,
    number: &Format,
    date: &Format,
) -> std::result::Result<(), XlsxError> {
    match cell {
        Cell::Text(t) => {
            ws.write_string(r, c, neutralise(t))?;
        }
        Cell::Count(n) => {
            ws.write_number_with_format(r, c, *n as f64, count)?;
        }
        Cell::Number(v) => {
            let f = if kind == ColumnKind::Count {
                count
            } else {
                number
            };
            ws.write_number_with_format(r, c, *v, f)?;
        }
        Cell::Date(d) => match ExcelDateTime::parse_from_str(d) {
            Ok(dt) => {
                ws.write_datetime_with_format(r, c, &dt, date)?;
            }
            Err(_) => {
                ws.write_string(r, c, d)?;
            }
        },
        Cell::Empty => {}
    }
    Ok(())
}

/// A native chart where one helps: the funnel, and the two distributions.
fn chart_for(t: &Table, sheet: &str) -> Option<Chart> {
    let (kind, category, value) = match (t.section, t.id.as_str()) {
        (Section::Reach, "funnel") => (ChartType::Bar, 0u16, 1u16),
        (Section::Resilience, "index") => (ChartType::Column, 0, 1),
        (Section::Reach, "modules") => (ChartType::Bar, 0, 1),
        _ => return None,
    };
    if t.rows.is_empty() {
        return None;
    }
    let last = t.rows.len() as u32;
    let mut chart = Chart::new(kind);
    chart
        .add_series()
        .set_categories((sheet, 1, category, last, category))
        .set_values((sheet, 1, value, last, value))
        .set_name(t.columns[value as usize].label.as_str());
    chart.title().set_name(&t.title);
    chart.legend().set_hidden();
    if kind == ChartType::Bar {
        // Bars read top-down in the table's order.
        chart.y_axis().set_reverse();
    }
    chart.set_width(640).set_height(360);
    Some(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_other_text_is_not() {
        for hostile in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        for fine in ["Nguyễn Thị Hương", "สมชาย", "陳美玲", "", "1=1"] {
            assert_eq!(neutralise(fine), fine);
        }
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = Vec::new();
        let a = sheet_name(
            "Quiz scores: at the first attempt [all]/modules",
            &mut taken,
        );
        assert!(
            a.chars().count() <= 31 && !a.contains([':', '[', ']', '/']),
            "{a}"
        );
        let b = sheet_name(
            "Quiz scores: at the first attempt [all]/modules",
            &mut taken,
        );
        assert_ne!(a, b);
        assert!(b.chars().count() <= 31);
    }
}
