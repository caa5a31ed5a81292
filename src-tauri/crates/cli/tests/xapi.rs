//! `sdr xapi` against a real learning record store: Ralph (file-system backend), started by
//! this test on loopback with its own credentials. Statements are sent, sent again (nothing
//! doubles), read back and compared with the file `sdr xapi --out` writes and with the
//! figures of `sdr report`; a statement the LRS holds differently under one of our ids is a
//! conflict, named, and the others are still stored.

mod common;
use common::sdr;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::Value;

const HOME: &str = "https://sdr.example.org";

fn ralph() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let bin = root.join("target/lrs-venv/bin/ralph");
    assert!(
        bin.exists(),
        "the test LRS is missing: scripts/setup-system.sh installs it into target/lrs-venv"
    );
    bin
}

struct Lrs {
    child: Child,
    base: String,
    auth: String,
    _dir: tempfile::TempDir,
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Lrs {
    fn start() -> Lrs {
        let dir = tempfile::tempdir().unwrap();
        let app = dir.path().join("app");
        // Ralph 5.1's file-system backend writes each request in "create" mode, which refuses
        // its one statements file once it exists, so a second POST fails with a 500. Appending
        // keeps every statement; everything else (checks, ids, conflicts, queries) is Ralph's.
        let py = dir.path().join("py");
        std::fs::create_dir_all(&py).unwrap();
        std::fs::write(
            py.join("sitecustomize.py"),
            "from ralph.backends.data.base import BaseOperationType\n\
             from ralph.backends.lrs.fs import FSLRSBackend\n\
             FSLRSBackend.default_operation_type = BaseOperationType.APPEND\n",
        )
        .unwrap();
        let status = Command::new(ralph())
            .current_dir(dir.path())
            .env("RALPH_APP_DIR", &app)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .args([
                "auth",
                "-u",
                "organizer",
                "-p",
                "a-long-test-secret",
                "-s",
                "all",
            ])
            .args(["-A", "organizer", HOME, "-w"])
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(ralph())
            .current_dir(dir.path())
            .env("PYTHONPATH", &py)
            .env("RALPH_APP_DIR", &app)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .args(["runserver", "-b", "fs", "--fs-default-directory-path"])
            .arg(dir.path().join("data"))
            .args(["-h", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let lrs = Lrs {
            child,
            base: format!("http://127.0.0.1:{port}/xAPI"),
            auth: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode("organizer:a-long-test-secret")
            ),
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while lrs.get("statements?limit=1").is_none() {
            assert!(Instant::now() < deadline, "Ralph did not start");
            std::thread::sleep(Duration::from_millis(200));
        }
        lrs
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }

    fn get(&self, path: &str) -> Option<Value> {
        let mut r = Lrs::agent()
            .get(&format!("{}/{path}", self.base))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &self.auth)
            .call()
            .ok()?;
        (r.status() == 200)
            .then(|| serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap())
    }

    fn post(&self, body: &str) -> u16 {
        Lrs::agent()
            .post(&format!("{}/statements", self.base))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .header("Authorization", &self.auth)
            .send(body)
            .unwrap()
            .status()
            .as_u16()
    }

    /// Every statement the LRS holds, following its `more` links.
    fn all(&self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut next = "statements?limit=500".to_string();
        loop {
            let page = self.get(&next).unwrap();
            out.extend(page["statements"].as_array().unwrap().iter().cloned());
            match page["more"].as_str() {
                Some(more) if !more.is_empty() => {
                    next = more
                        .split_once("/xAPI/")
                        .map_or(more.to_string(), |(_, rest)| rest.to_string());
                }
                _ => return out,
            }
        }
    }
}

fn demo(data: &Path) {
    for (workshop, seed, full) in [("2018-thailand", "7", true), ("2018-viet-nam", "8", false)] {
        let mut args = vec![
            "demo",
            "--learners",
            "6",
            "--workshop",
            workshop,
            "--seed",
            seed,
        ];
        if full {
            args.push("--full-course");
        }
        let out = sdr(&args, data);
        assert!(out.status.success(), "{out:?}");
    }
}

/// A column of a CSV file `sdr report` wrote, as numbers, keyed by its first column.
fn csv_column(dir: &Path, table: &str, column: usize) -> Vec<(String, i64)> {
    let text = std::fs::read_to_string(dir.join(format!("{table}.csv"))).unwrap();
    let mut r =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|row| {
            let row = row.unwrap();
            (row[0].to_string(), row[column].parse().unwrap_or(0))
        })
        .collect()
}

#[test]
fn statements_reach_the_lrs_once_and_agree_with_the_reports() {
    let data = tempfile::tempdir().unwrap();
    demo(data.path());
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("statements.json");
    let out = sdr(
        &["xapi", "--home-page", HOME, "--out", file.to_str().unwrap()],
        data.path(),
    );
    assert!(out.status.success(), "{out:?}");
    let written: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert!(written.len() > 1000, "{}", written.len());

    let lrs = Lrs::start();
    let credentials = work.path().join("lrs-credentials");
    std::fs::write(&credentials, "organizer:a-long-test-secret\n").unwrap();
    let send = || {
        sdr(
            &[
                "xapi",
                "--home-page",
                HOME,
                "--endpoint",
                &lrs.base,
                "--credentials-file",
                credentials.to_str().unwrap(),
                "--batch",
                "200",
            ],
            data.path(),
        )
    };
    let first = send();
    assert!(first.status.success(), "{first:?}");
    let said = String::from_utf8_lossy(&first.stdout).to_string();
    assert!(
        said.starts_with(&format!(
            "{n} statements sent, {n} stored",
            n = written.len()
        )),
        "{said}"
    );
    let stored = lrs.all();
    assert_eq!(stored.len(), written.len());

    // Sent again: nothing doubles.
    let again = send();
    assert!(again.status.success(), "{again:?}");
    assert_eq!(lrs.all().len(), written.len());

    // What the LRS holds is what the file says, statement by statement.
    let by_id: std::collections::HashMap<&str, &Value> = stored
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s))
        .collect();
    for w in &written {
        let s = by_id[w["id"].as_str().unwrap()];
        for field in ["actor", "verb", "object", "result", "timestamp"] {
            let (a, b) = (&s[field], &w[field]);
            if field == "timestamp" {
                // The LRS may write the same instant with another precision.
                assert_eq!(a.as_str().unwrap()[..19], b.as_str().unwrap()[..19]);
            } else {
                assert_eq!(a, b, "{field} of {}", w["id"]);
            }
        }
    }
    // Names in Thai and Vietnamese arrive as typed.
    assert!(stored.iter().any(|s| {
        s["actor"]["name"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
    }));
    assert!(stored.iter().any(|s| {
        s["actor"]["name"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| "ăâđêôơư".contains(c.to_lowercase().next().unwrap()))
    }));

    // The same numbers as the reports: people certified, modules finished, quizzes passed.
    let csv = work.path().join("csv");
    let report = sdr(&["report", "--csv", csv.to_str().unwrap()], data.path());
    assert!(report.status.success(), "{report:?}");
    let verb = |s: &Value| {
        s["verb"]["id"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string()
    };
    let people = |pred: &dyn Fn(&Value) -> bool| {
        stored
            .iter()
            .filter(|s| pred(s))
            .map(|s| s["actor"]["account"]["name"].as_str().unwrap().to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .len() as i64
    };
    let funnel = csv_column(&csv, "funnel", 1);
    assert_eq!(people(&|s| verb(s) == "earned"), funnel[5].1, "certified");
    assert_eq!(
        people(&|s| verb(s) == "registered"),
        funnel[0].1,
        "enrolled"
    );
    let modules = csv_column(&csv, "modules", 1);
    let passed = csv_column(&csv, "modules", 3);
    let module_ids: Vec<String> = sdr_core::content::builtin()
        .unwrap()
        .modules
        .iter()
        .map(|m| m.id.clone())
        .collect();
    for (i, m) in module_ids.iter().enumerate() {
        let module_iri = format!("{HOME}/activities/module/{m}");
        let quiz_iri = format!("{HOME}/activities/quiz/{m}");
        assert_eq!(
            people(&|s| verb(s) == "completed" && s["object"]["id"] == module_iri.as_str()),
            modules[i].1,
            "module {m} finished"
        );
        assert_eq!(
            people(&|s| verb(s) == "passed" && s["object"]["id"] == quiz_iri.as_str()),
            passed[i].1,
            "quiz {m} passed"
        );
    }

    // A statement the LRS holds differently under one of our ids: a conflict, named; exit 1.
    let victim = written.iter().find(|s| verb(s) == "earned").unwrap();
    let lrs2 = Lrs::start();
    let mut changed = victim.clone();
    changed["result"]["response"] = Value::String("someone else".into());
    assert_eq!(lrs2.post(&format!("[{changed}]")), 200);
    let out = sdr(
        &[
            "xapi",
            "--home-page",
            HOME,
            "--endpoint",
            &lrs2.base,
            "--credentials-env",
            "SDR_TEST_LRS",
        ],
        data.path(),
    );
    assert!(!out.status.success(), "no credentials: {out:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_sdr"))
        .args(["xapi", "--home-page", HOME, "--endpoint", &lrs2.base])
        .args(["--credentials-env", "SDR_TEST_LRS", "--data-dir"])
        .arg(data.path())
        .env("SDR_TEST_LRS", "organizer:a-long-test-secret")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 refused as conflicting"), "{said}");
    assert!(said.contains(victim["id"].as_str().unwrap()), "{said}");
    assert_eq!(
        lrs2.all().len(),
        written.len(),
        "every other statement stored"
    );
}
