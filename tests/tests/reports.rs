//! Organizer reports over merged data: two laptops' study, imported on a third, counted as
//! people; the XLSX read back by calamine and by LibreOffice, the CSV by the csv crate, each
//! compared cell by cell with the tables the window shows.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use sdr_core::exchange::ExportScope;
use sdr_core::reports::tables::{Cell, Table};
use sdr_core::reports::{Parts, ReportFilter};
use sdr_core::views::ImportOutcome;
use sdr_core::{Locale, Sdr, content};
use sdr_system_tests::complete_workshop;

const T0: i64 = 1_533_859_200_000; // 2018-08-10T00:00Z
const DAY: i64 = 86_400_000;

fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, content::builtin().unwrap()).unwrap()
}

struct Organizer {
    _dirs: Vec<tempfile::TempDir>,
    sdr: Sdr,
    /// The Thai owner's profile on each laptop.
    somchai: [String; 2],
}

/// Laptop A (Bangkok): a Thai owner who finished and was certified, a Vietnamese owner who read
/// one lesson, and a learner whose name is a spreadsheet formula. Laptop B (Hanoi, a week
/// later): the same Thai owner under a new profile, certified again for the same workshop, and
/// a Vietnamese owner who finished the Viet Nam workshop. All merged on the organizer's laptop.
fn organizer() -> Organizer {
    let (a_dir, b_dir, c_dir) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let a = open(a_dir.path());
    let s1 = a.create_profile("สมชาย ใจดี", Locale::Th, T0).unwrap().id;
    complete_workshop(&a, &s1, "2018-thailand", T0 + 10);
    a.certificate_pdf(&s1, T0 + 100).unwrap();
    let huong = a
        .create_profile("Nguyễn Thị Hương", Locale::Vi, T0 + 20)
        .unwrap()
        .id;
    a.enrol(&huong, "2018-thailand", T0 + 21).unwrap();
    let first = a.pack().modules[0].lessons[0].id.clone();
    a.set_lesson_done(&huong, &first, true, T0 + 23).unwrap();
    let hostile = a
        .create_profile("=HYPERLINK(\"http://x.test\",\"x\")", Locale::En, T0 + 30)
        .unwrap()
        .id;
    a.enrol(&hostile, "2018-thailand", T0 + 31).unwrap();

    let b = open(b_dir.path());
    let s2 = b
        .create_profile("สมชาย ใจดี", Locale::Th, T0 + 7 * DAY)
        .unwrap()
        .id;
    complete_workshop(&b, &s2, "2018-thailand", T0 + 7 * DAY + 10);
    b.certificate_pdf(&s2, T0 + 7 * DAY + 100).unwrap();
    let bao = b
        .create_profile("Trần Quốc Bảo", Locale::Vi, T0 + 30 * DAY)
        .unwrap()
        .id;
    complete_workshop(&b, &bao, "2018-viet-nam", T0 + 30 * DAY + 10);

    let c = open(c_dir.path());
    for (laptop, name) in [(&a, "a.sdrresults"), (&b, "b.sdrresults")] {
        let file = c_dir.path().join(name);
        laptop
            .export_results(&ExportScope::All, &file, T0 + 40 * DAY)
            .unwrap();
        c.trust_results_signer(&file, name, T0 + 40 * DAY).unwrap();
        let r = c.import_file(&file, false, T0 + 40 * DAY);
        assert_eq!(r.outcome, ImportOutcome::Imported, "{r:?}");
    }
    Organizer {
        _dirs: vec![a_dir, b_dir, c_dir],
        sdr: c,
        somchai: [s1, s2],
    }
}

fn table<'a>(tables: &'a [Table], id: &str) -> &'a Table {
    tables.iter().find(|t| t.id == id).unwrap()
}

/// The row of a reach-like table whose first or second cell is `label`.
fn row<'a>(t: &'a Table, label: &str) -> &'a [Cell] {
    t.rows
        .iter()
        .find(|r| r[..2].contains(&Cell::Text(label.into())))
        .unwrap_or_else(|| panic!("no row {label} in {}: {:?}", t.id, t.rows))
}

fn counts(cells: &[Cell]) -> Vec<i64> {
    cells
        .iter()
        .filter_map(|c| match c {
            Cell::Count(n) => Some(*n),
            _ => None,
        })
        .collect()
}

#[test]
fn two_certificates_show_and_linked_profiles_count_as_one_person() {
    let o = organizer();
    let all = ReportFilter::default();
    let t = o.sdr.report_tables(&all, Parts::ALL, Locale::En).unwrap();
    // enrolled, started, finished every module, passed every quiz, assessed, certified,
    // certificates.
    assert_eq!(
        counts(row(table(&t, "reach"), "All")),
        [5, 4, 3, 3, 3, 2, 2]
    );
    assert_eq!(
        counts(row(table(&t, "reach"), "Thailand 2018")),
        [4, 3, 2, 2, 2, 2, 2]
    );
    assert_eq!(table(&t, "learners").rows.len(), 5);

    o.sdr
        .set_same_person(&o.somchai, true, Locale::En, T0 + 41 * DAY)
        .unwrap();
    let t = o.sdr.report_tables(&all, Parts::ALL, Locale::En).unwrap();
    // One person now, holding two certificates of the same workshop.
    assert_eq!(
        counts(row(table(&t, "reach"), "All")),
        [4, 3, 2, 2, 2, 1, 2]
    );
    let learners = table(&t, "learners");
    assert_eq!(learners.rows.len(), 4);
    let somchai = learners
        .rows
        .iter()
        .find(|r| r[1] == Cell::Text("สมชาย ใจดี".into()))
        .unwrap();
    // Profiles 2, certificates 2.
    assert_eq!(somchai[2], Cell::Count(2));
    assert_eq!(somchai.last(), Some(&Cell::Count(2)));
    assert_eq!(table(&t, "certificates").rows.len(), 2);
    // The funnel is the total row.
    let funnel = table(&t, "funnel");
    assert_eq!(
        counts(
            &funnel
                .rows
                .iter()
                .flat_map(|r| r.clone())
                .collect::<Vec<_>>()
        ),
        [4, 3, 2, 2, 2, 1]
    );

    // Undoing the link brings the second person back.
    o.sdr
        .set_same_person(&o.somchai, false, Locale::En, T0 + 42 * DAY)
        .unwrap();
    let t = o.sdr.report_tables(&all, Parts::ALL, Locale::En).unwrap();
    assert_eq!(table(&t, "learners").rows.len(), 5);
}

#[test]
fn filters_pick_people_by_economy_workshop_and_enrolment_day() {
    let o = organizer();
    let pick = |f: ReportFilter| {
        let t = o.sdr.report_tables(&f, Parts::ALL, Locale::En).unwrap();
        let mut names: Vec<String> = table(&t, "learners")
            .rows
            .iter()
            .map(|r| match &r[1] {
                Cell::Text(t) => t.clone(),
                c => panic!("{c:?}"),
            })
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        pick(ReportFilter {
            economies: vec!["Viet Nam".into()],
            ..Default::default()
        }),
        ["Trần Quốc Bảo"]
    );
    assert_eq!(
        pick(ReportFilter {
            workshops: vec!["2018-thailand".into()],
            to: Some("2018-08-10".into()),
            ..Default::default()
        })
        .len(),
        3,
        "the first day's three learners of laptop A"
    );
    assert_eq!(
        pick(ReportFilter {
            from: Some("2018-08-17".into()),
            to: Some("2018-08-17".into()),
            ..Default::default()
        }),
        ["สมชาย ใจดี"],
        "the second profile, enrolled a week later (Bangkok time)"
    );
    let bad = o.sdr.report_tables(
        &ReportFilter {
            from: Some("10/08/2018".into()),
            ..Default::default()
        },
        Parts::ALL,
        Locale::En,
    );
    assert!(bad.is_err());
}

/// A cell as calamine reads it, in the form our tables hold it.
fn from_calamine(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) if f.fract() == 0.0 => Cell::Count(*f as i64),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Count(*i),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
        }
        other => Cell::Text(other.to_string()),
    }
}

/// A cell as the files must hold it: whole numbers read back as counts, formulas neutralised.
fn expected(c: &Cell) -> Cell {
    match c {
        Cell::Number(v) if v.fract() == 0.0 => Cell::Count(*v as i64),
        Cell::Text(t) => Cell::Text(sdr_core::reports::files::neutralise(t).into_owned()),
        other => other.clone(),
    }
}

#[test]
fn the_workbook_holds_every_cell_of_every_table_in_thai() {
    let o = organizer();
    let filter = ReportFilter::default();
    let tables = o
        .sdr
        .report_tables(&filter, Parts::ALL, Locale::Th)
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("report.xlsx");
    o.sdr
        .write_report_xlsx(&path, &filter, Locale::Th, T0 + 50 * DAY)
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names.len(),
        tables.len() + 1,
        "an about sheet and one per table"
    );
    for (t, name) in tables.iter().zip(names.iter().skip(1)) {
        let range = wb.worksheet_range(name).unwrap();
        let rows: Vec<Vec<Cell>> = range
            .rows()
            .map(|r| r.iter().map(from_calamine).collect())
            .collect();
        let headings: Vec<Cell> = t
            .columns
            .iter()
            .map(|c| Cell::Text(c.label.clone()))
            .collect();
        assert_eq!(rows[0], headings, "{name}");
        assert_eq!(rows.len(), t.rows.len() + 1, "{name}");
        for (got, want) in rows[1..].iter().zip(&t.rows) {
            let want: Vec<Cell> = want.iter().map(expected).collect();
            // calamine pads a row to the sheet's width.
            assert_eq!(&got[..want.len()], &want[..], "{name}");
        }
    }
    // Thai labels, Thai and Vietnamese names intact; the formula is text.
    let learners = wb
        .worksheet_range(&names[tables.iter().position(|t| t.id == "learners").unwrap() + 1])
        .unwrap();
    let cells: Vec<String> = learners.cells().map(|(_, _, d)| d.to_string()).collect();
    for name in [
        "สมชาย ใจดี",
        "Nguyễn Thị Hương",
        "Trần Quốc Bảo",
        "'=HYPERLINK(\"http://x.test\",\"x\")",
    ] {
        assert!(cells.iter().any(|c| c == name), "{name} in {cells:?}");
    }
    assert!(
        wb.worksheet_formula(&names[1])
            .unwrap()
            .cells()
            .all(|(_, _, f)| f.is_empty())
    );
}

#[test]
fn csv_files_hold_every_cell_with_a_byte_order_mark() {
    let o = organizer();
    let filter = ReportFilter::default();
    let tables = o
        .sdr
        .report_tables(&filter, Parts::ALL, Locale::Vi)
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let written = o
        .sdr
        .write_report_csv(out.path(), &filter, Locale::Vi)
        .unwrap();
    assert_eq!(written.len(), tables.len());
    for t in &tables {
        let bytes = std::fs::read(out.path().join(format!("{}.csv", t.id))).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{}", t.id);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[3..]);
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let headings: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(records[0].iter().collect::<Vec<_>>(), headings);
        assert_eq!(records.len(), t.rows.len() + 1);
        for (got, want) in records[1..].iter().zip(&t.rows) {
            for (g, w) in got.iter().zip(want) {
                match w {
                    Cell::Text(s) => assert_eq!(g, sdr_core::reports::files::neutralise(s)),
                    Cell::Count(n) => assert_eq!(g.parse::<i64>().unwrap(), *n),
                    Cell::Number(v) => assert_eq!(g.parse::<f64>().unwrap(), *v),
                    Cell::Date(d) => assert_eq!(g, d),
                    Cell::Empty => assert_eq!(g, ""),
                }
            }
        }
    }
    let learners = std::fs::read_to_string(out.path().join("learners.csv")).unwrap();
    assert!(learners.contains("Nguyễn Thị Hương") && learners.contains("สมชาย ใจดี"));
    assert!(
        learners.contains("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"x\"\")\""),
        "{learners}"
    );
}

#[test]
fn libreoffice_reads_the_workbook_as_written() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        panic!("LibreOffice is needed (scripts/setup-system.sh installs it)");
    };
    let o = organizer();
    let filter = ReportFilter::default();
    let tables = o
        .sdr
        .report_tables(&filter, Parts::ALL, Locale::ZhHant)
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("report.xlsx");
    o.sdr
        .write_report_xlsx(&path, &filter, Locale::ZhHant, T0 + 50 * DAY)
        .unwrap();
    let profile = out.path().join("lo-profile");
    let csv_dir = out.path().join("csv");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        // CSV filter: comma, double quote, UTF-8, cells as shown, every sheet (-1) to its own
        // file, named after the sheet.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1")
        .arg("--outdir")
        .arg(&csv_dir)
        .arg(&path)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let names = {
        let wb: Xlsx<_> = open_workbook(&path).unwrap();
        wb.sheet_names()
    };
    assert_eq!(names.len(), tables.len() + 1);
    for (t, name) in tables.iter().zip(&names[1..]) {
        let file = csv_dir.join(format!("report-{name}.csv"));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("LibreOffice wrote no {}: {e}", file.display()));
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(
            records[0].iter().collect::<Vec<_>>(),
            t.columns
                .iter()
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>(),
            "{name}"
        );
        assert_eq!(records.len(), t.rows.len() + 1, "{name}");
        for (got, want) in records[1..].iter().zip(&t.rows) {
            for (g, w) in got.iter().zip(want) {
                match w {
                    Cell::Text(s) => {
                        assert_eq!(g, sdr_core::reports::files::neutralise(s), "{name}")
                    }
                    Cell::Count(n) => assert_eq!(g.parse::<i64>().ok(), Some(*n), "{name}"),
                    // Shown with one decimal, as the screen shows it.
                    Cell::Number(v) => assert_eq!(g, format!("{v:.1}"), "{name}"),
                    Cell::Date(d) => assert_eq!(g, d, "{name}"),
                    Cell::Empty => assert_eq!(g, "", "{name}"),
                }
            }
        }
    }
}
