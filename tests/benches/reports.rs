//! Organizer reports at the scale of a programme: the organizer's database after importing
//! the exchange benchmark's N laptop files of M learners (default 100 x 50, everyone through
//! the whole course). Measures, as medians of 5 runs:
//!   - each report (reach, learning, resilience) from the database, as `Sdr::reports`;
//!   - all of them as tables in one language;
//!   - the full XLSX workbook written to disk; the CSV folder;
//!
//! beside the floor, in the same run: each report's main aggregate written as one
//! hand-tuned SQL query (reach: people per workshop who started, finished, were certified;
//! learning: every question's facility over first attempts; resilience: mean index per
//! economy over latest assessments, plus the gaps per question over their latest answers,
//! which the action plans are made from).
//!
//! Run by `scripts/bench.sh` (release build). The organizer's database is made once (it takes
//! one import of every file) and kept in `target/bench-exchange/`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use sdr_core::Locale;
use sdr_core::reports::{Parts, ReportFilter};

mod common;
use common::{T, env_or, import_all, laptops, median, open, organizer};

const FLOOR_REACH: &str = "
    WITH latest AS (
        SELECT profile_id, workshop_id FROM (
            SELECT profile_id, workshop_id, ROW_NUMBER() OVER (
                PARTITION BY profile_id ORDER BY at_ms DESC, rowid DESC) AS n FROM enrolments)
        WHERE n = 1),
    done AS (
        SELECT profile_id, COUNT(*) AS lessons FROM (
            SELECT profile_id, kind, ROW_NUMBER() OVER (
                PARTITION BY profile_id, lesson_id ORDER BY at_ms DESC, rowid DESC) AS n
            FROM progress_events WHERE kind IN ('lesson_completed', 'lesson_uncompleted'))
        WHERE n = 1 AND kind = 'lesson_completed' GROUP BY profile_id)
    SELECT l.workshop_id, COUNT(*),
           SUM(EXISTS (SELECT 1 FROM progress_events e WHERE e.profile_id = l.profile_id)),
           SUM(COALESCE(d.lessons, 0) >= ?1),
           SUM(EXISTS (SELECT 1 FROM certificates c WHERE c.profile_id = l.profile_id))
    FROM latest l LEFT JOIN done d ON d.profile_id = l.profile_id
    GROUP BY l.workshop_id";

const FLOOR_LEARNING: &str = "
    WITH firsts AS (
        SELECT id FROM (
            SELECT a.id, ROW_NUMBER() OVER (
                PARTITION BY a.profile_id, a.module_id ORDER BY a.started_at_ms, a.id) AS n
            FROM quiz_attempts a JOIN quiz_results r ON r.attempt_id = a.id)
        WHERE n = 1)
    SELECT q.question_id, COUNT(*), AVG(q.credit)
    FROM firsts f JOIN quiz_answers q ON q.attempt_id = f.id
    GROUP BY q.question_id";

const FLOOR_RESILIENCE: &str = "
    WITH latest AS (
        SELECT profile_id, overall FROM (
            SELECT a.profile_id, r.overall, ROW_NUMBER() OVER (
                PARTITION BY a.profile_id ORDER BY r.at_ms DESC, r.rowid DESC) AS n
            FROM assessments a JOIN assessment_results r ON r.assessment_id = a.id)
        WHERE n = 1)
    SELECT w.economy, COUNT(*), AVG(l.overall)
    FROM latest l JOIN enrolments e ON e.profile_id = l.profile_id
    JOIN workshops w ON w.id = e.workshop_id
    GROUP BY w.economy";

const FLOOR_RESILIENCE_GAPS: &str = "
    WITH latest AS (
        SELECT id FROM (
            SELECT a.id, ROW_NUMBER() OVER (
                PARTITION BY a.profile_id ORDER BY r.at_ms DESC, r.rowid DESC) AS n
            FROM assessments a JOIN assessment_results r ON r.assessment_id = a.id)
        WHERE n = 1),
    answers AS (
        SELECT question_id, answer FROM (
            SELECT x.question_id, x.answer, ROW_NUMBER() OVER (
                PARTITION BY x.assessment_id, x.question_id ORDER BY x.at_ms DESC, x.rowid DESC) AS n
            FROM assessment_answers x JOIN latest l ON l.id = x.assessment_id)
        WHERE n = 1)
    SELECT question_id, COUNT(*), SUM(answer < 3) FROM answers GROUP BY question_id";

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-exchange");
    let n = env_or("SDR_BENCH_LAPTOPS", 100);
    let learners = env_or("SDR_BENCH_LEARNERS", 50);
    let root = root.join(format!("{n}x{learners}"));
    let (dirs, files) = laptops(&root, n, learners);
    let data = root.join("organizer");
    if !data.join("done").exists() {
        let _ = std::fs::remove_dir_all(&data);
        let (tmp, sdr) = organizer(&dirs);
        import_all(&sdr, &files);
        drop(sdr);
        std::fs::rename(tmp.keep(), &data).unwrap();
        std::fs::write(data.join("done"), b"").unwrap();
    }
    let sdr = open(&data);
    let runs = env_or("SDR_BENCH_RUNS", 5);
    let all = ReportFilter::default();
    let people = sdr.reports(&all, Parts::NONE).unwrap().people.len();
    let part = |reach, learning, resilience| {
        let parts = Parts {
            reach,
            learning,
            resilience,
        };
        time(runs, || {
            sdr.reports(&all, parts).unwrap();
        })
    };
    let base = part(false, false, false);
    let reach = part(true, false, false);
    let learning = part(false, true, false);
    let resilience = part(false, false, true);
    let tables = time(runs, || {
        sdr.report_tables(&all, Parts::ALL, Locale::Th).unwrap();
    });
    let out = tempfile::tempdir().unwrap();
    let xlsx = time(runs, || {
        sdr.write_report_xlsx(&out.path().join("r.xlsx"), &all, Locale::Th, T)
            .unwrap();
    });
    let csv = time(runs, || {
        sdr.write_report_csv(&out.path().join("csv"), &all, Locale::Th)
            .unwrap();
    });
    let mut statements = 0u64;
    let mut bytes = 0u64;
    let xapi = time(runs, || {
        statements = 0;
        bytes = 0;
        sdr.xapi_statements(&all, "https://sdr.example.org", &mut |s| {
            statements += 1;
            bytes += s.len() as u64;
            Ok(())
        })
        .unwrap();
    });
    let xapi_file = time(runs, || {
        sdr.write_xapi(&out.path().join("x.json"), &all, "https://sdr.example.org")
            .unwrap();
    });
    let lessons: i64 = sdr
        .pack()
        .modules
        .iter()
        .map(|m| m.lessons.len() as i64)
        .sum();
    let conn = rusqlite::Connection::open(data.join("sdr.db")).unwrap();
    let floor = |sql: &str, params: &[&dyn rusqlite::ToSql]| {
        time(runs, || {
            let mut s = conn.prepare(sql).unwrap();
            let rows = s
                .query_map(params, |r| r.get::<_, rusqlite::types::Value>(0))
                .unwrap()
                .count();
            assert!(rows > 0);
        })
    };
    let f_reach = floor(FLOOR_REACH, &[&lessons]);
    let f_learning = floor(FLOOR_LEARNING, &[]);
    // The resilience report's action plans read every latest answer: its floor does too.
    let f_resilience = floor(FLOOR_RESILIENCE, &[]) + floor(FLOOR_RESILIENCE_GAPS, &[]);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "reports over {n} laptops x {learners} learners ({people} people), medians of {runs}:"
    );
    println!(
        "  people and workshops only (read by each report) {:6.0} ms",
        ms(base)
    );
    for (name, ours, floor) in [
        ("reach", reach, f_reach),
        ("learning", learning, f_learning),
        ("resilience", resilience, f_resilience),
    ] {
        println!(
            "  {name:<11} report {:8.0} ms   floor (one SQL aggregate) {:6.0} ms   ratio {:.2} (goal <= 3, < 500 ms)",
            ms(ours),
            ms(floor),
            ours.as_secs_f64() / floor.as_secs_f64()
        );
    }
    println!("  every report, as tables in Thai  {:8.0} ms", ms(tables));
    println!(
        "  XLSX workbook written                       {:8.0} ms   goal < 3000 ms",
        ms(xlsx)
    );
    println!(
        "  xAPI: {statements} statements ({:.0} MiB) made  {:8.0} ms   goal < 2000 ms; written to a file {:.0} ms",
        bytes as f64 / 1048576.0,
        ms(xapi),
        ms(xapi_file)
    );
    println!(
        "  CSV folder written                          {:8.0} ms",
        ms(csv)
    );
}
