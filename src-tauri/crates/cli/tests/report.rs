//! `sdr report`: the organizer's reports written by the real binary over demo learners made by
//! the real binary; a bad filter or a missing target is an error that writes nothing.

mod common;
use common::sdr;

#[test]
fn report_writes_a_workbook_and_csv_files_with_the_filter_applied() {
    let data = tempfile::tempdir().unwrap();
    for (workshop, seed) in [("2018-thailand", "5"), ("2018-viet-nam", "6")] {
        let out = sdr(
            &[
                "demo",
                "--learners",
                "12",
                "--workshop",
                workshop,
                "--seed",
                seed,
            ],
            data.path(),
        );
        assert!(out.status.success(), "{out:?}");
    }
    let out_dir = tempfile::tempdir().unwrap();
    let xlsx = out_dir.path().join("report.xlsx");
    let csv = out_dir.path().join("csv");
    let out = sdr(
        &[
            "report",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
            "--economy",
            "Viet Nam",
            "--lang",
            "vi",
        ],
        data.path(),
    );
    assert!(out.status.success(), "{out:?}");
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 5_000);
    let learners = std::fs::read_to_string(csv.join("learners.csv")).unwrap();
    // The heading row, then the twelve learners of Viet Nam only.
    assert_eq!(learners.lines().count(), 13, "{learners}");
    let reach = std::fs::read_to_string(csv.join("reach.csv")).unwrap();
    assert!(reach.starts_with("\u{feff}Nền kinh tế"), "{reach}");
    assert!(reach.contains("Việt Nam 2018,12,"), "{reach}");
}

#[test]
fn a_bad_filter_or_no_target_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let xlsx = out_dir.path().join("report.xlsx");
    let bad = sdr(
        &[
            "report",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--from",
            "1 Aug 2018",
        ],
        data.path(),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("1 Aug 2018"));
    let unknown = sdr(
        &[
            "report",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--workshop",
            "2019-mars",
        ],
        data.path(),
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(!xlsx.exists());
    let nowhere = sdr(&["report"], data.path());
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("--xlsx"));
}
