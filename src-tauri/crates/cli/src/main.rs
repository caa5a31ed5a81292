//! `sdr`: headless commands for content authors, trainers and organizers, over the same core
//! as the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sdr_core::content::{self, PackFiles, Severity};
use sdr_core::views::Verdict;
use sdr_core::{Locale, Sdr};

#[derive(Parser)]
#[command(
    name = "sdr",
    version,
    about = "SME Digital Resilience: command-line tools"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a content pack: every fault with its file, line and field, and what each
    /// language still lacks. Exits with 1 when the pack has errors.
    Lint {
        /// The pack folder (the one holding course.toml).
        #[arg(default_value = "content")]
        dir: PathBuf,
        /// List every missing translation, not only the count per language.
        #[arg(long)]
        missing: bool,
    },
    /// Check a certificate: a PDF file, or the text of its QR code. Says valid, tampered,
    /// unknown issuer or not a certificate, and shows what it claims. Exits with 0 only when
    /// it is valid.
    Verify {
        /// A certificate PDF, or a payload (`SDR1.…`).
        input: String,
        #[command(flatten)]
        data: DataDir,
    },
    /// Write the certificate of every learner of a workshop who has met its requirements into
    /// a folder, and list whom it skipped and why.
    Certify {
        /// The workshop id (see `sdr workshops`).
        #[arg(long)]
        workshop: String,
        /// The folder to write the PDFs into (it must exist).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
    /// List the workshops and their learners' standing.
    Workshops {
        #[command(flatten)]
        data: DataDir,
    },
    /// Print this installation's public key, for organizers to trust.
    Key {
        #[command(flatten)]
        data: DataDir,
    },
    /// Trust another installation's certificates: its exported key (`SDRKEY1.…`, or a file
    /// holding it), under a name.
    Trust {
        /// The key text, or a file that holds it.
        key: String,
        /// Who the issuer is, e.g. "Bangkok workshop laptop 3".
        #[arg(long)]
        name: String,
        #[command(flatten)]
        data: DataDir,
    },
}

#[derive(clap::Args)]
struct DataDir {
    /// The app's data folder; by default `SDR_DATA_DIR`, else the one the app uses.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

impl DataDir {
    fn open(&self) -> Result<Sdr, String> {
        let dir = match &self.data_dir {
            Some(d) => d.clone(),
            None => sdr_core::data_dir(std::env::var_os("SDR_DATA_DIR"), dirs::data_dir()),
        };
        let pack = content::builtin().map_err(|e| e.to_string())?;
        Sdr::open(&dir, pack).map_err(|e| e.to_string())
    }
}

/// Now, from the one clock the app uses too (`SDR_TEST_CLOCK` fixes it in test builds).
fn now_ms() -> i64 {
    static CLOCK: std::sync::LazyLock<sdr_core::clock::Clock> = std::sync::LazyLock::new(|| {
        sdr_core::clock::Clock::from_env(cfg!(debug_assertions)).unwrap_or_else(|e| {
            eprintln!("sdr: {e}");
            std::process::exit(2)
        })
    });
    CLOCK.now_ms()
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Lint { dir, missing } => lint(&dir, missing),
        Command::Verify { input, data } => run(&data, |sdr| verify(sdr, &input)),
        Command::Certify {
            workshop,
            out,
            data,
        } => run(&data, |sdr| certify(sdr, &workshop, &out)),
        Command::Workshops { data } => run(&data, workshops),
        Command::Key { data } => run(&data, |sdr| {
            let k = sdr.issuer_key(now_ms()).map_err(|e| e.to_string())?;
            println!("{}\nfingerprint: {}", k.public_key, k.fingerprint);
            Ok(ExitCode::SUCCESS)
        }),
        Command::Trust { key, name, data } => run(&data, |sdr| {
            let path = std::path::Path::new(&key);
            let text = if path.is_file() {
                sdr.read_issuer_key_file(path).map_err(|e| e.to_string())?
            } else {
                key.clone()
            };
            let t = sdr
                .import_issuer(&text, &name, now_ms())
                .map_err(|e| e.to_string())?;
            println!("trusted: {} ({})", t.label, t.fingerprint);
            Ok(ExitCode::SUCCESS)
        }),
    }
}

fn lint(dir: &std::path::Path, list_missing: bool) -> ExitCode {
    let files = match PackFiles::from_dir(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("sdr lint: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let checked = content::check(&files);
    for d in &checked.diagnostics {
        println!("{d}");
    }
    let errors = checked.errors().count();
    let warnings = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if !checked.coverage.is_empty() {
        println!("\ncoverage (lessons, module texts, quizzes, self-assessment, glossary):");
    }
    for c in &checked.coverage {
        println!(
            "  {:<8} {:>3}%  lessons {}/{}  modules {}/{}  quizzes {}/{}  assessment {}/{}  glossary {}/{}{}",
            c.locale.code(),
            c.percent(),
            c.lessons_present,
            c.lessons_total,
            c.modules_present,
            c.modules_total,
            c.quizzes_present,
            c.quizzes_total,
            c.assessment_present,
            c.assessment_total,
            c.glossary_present,
            c.glossary_total,
            if c.missing.is_empty() || list_missing {
                String::new()
            } else {
                format!("  ({} missing; --missing lists them)", c.missing.len())
            }
        );
        if list_missing {
            for m in &c.missing {
                println!("           missing: {m}");
            }
        }
    }
    println!(
        "\n{}: {errors} error(s), {warnings} warning(s) in {} file(s)",
        dir.display(),
        files.len()
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Opens the data folder and runs `f`; a failure prints `sdr: …` and exits with 2.
fn run(data: &DataDir, f: impl FnOnce(&Sdr) -> Result<ExitCode, String>) -> ExitCode {
    match data.open().and_then(|sdr| f(&sdr)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sdr: {e}");
            ExitCode::from(2)
        }
    }
}

fn verify(sdr: &Sdr, input: &str) -> Result<ExitCode, String> {
    let path = std::path::Path::new(input);
    let report = if path.is_file() {
        sdr.verify_file(path, Locale::En)
    } else {
        sdr.verify(input.as_bytes(), Locale::En)
    }
    .map_err(|e| e.to_string())?;
    let verdict = match report.verdict {
        Verdict::Valid => "VALID: signed by a trusted issuer and unchanged",
        Verdict::Tampered => "TAMPERED: the content is not what its issuer signed",
        Verdict::UnknownIssuer => {
            "UNKNOWN ISSUER: well formed, but signed by a key this installation does not trust (sdr trust)"
        }
        Verdict::NotACertificate => "NOT A CERTIFICATE: no certificate payload was found",
    };
    println!("{verdict}");
    if let Some(c) = &report.claims {
        let issuer = if report.issuer_is_self {
            "this installation".to_string()
        } else {
            report
                .issuer_label
                .clone()
                .unwrap_or_else(|| "unknown".into())
        };
        println!("  certificate: {}", c.id);
        println!("  name:        {}", c.name);
        println!(
            "  workshop:    {}{}",
            c.workshop,
            report
                .economy_name
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        );
        println!("  completed:   {}", c.date);
        println!("  score:       {}%", c.score);
        println!("  issuer key:  {} ({issuer})", c.issuer);
    }
    Ok(if report.verdict == Verdict::Valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn certify(sdr: &Sdr, workshop: &str, out: &std::path::Path) -> Result<ExitCode, String> {
    let summary = sdr
        .issue_batch(workshop, out, Locale::En, now_ms(), &mut |p| {
            eprint!("\r{}/{} {}\x1b[K", p.done, p.total, p.name);
        })
        .map_err(|e| e.to_string())?;
    eprintln!();
    for w in &summary.written {
        println!("written  {}  {}", w.certificate_id, w.file_name);
    }
    for s in &summary.skipped {
        let mut missing = s.missing_modules.clone();
        if s.missing_assessment {
            missing.push("the self-assessment".into());
        }
        println!("skipped  {}: still missing {}", s.name, missing.join(", "));
    }
    println!(
        "{} certificate(s) written to {}, {} learner(s) skipped",
        summary.written.len(),
        summary.folder,
        summary.skipped.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn workshops(sdr: &Sdr) -> Result<ExitCode, String> {
    for w in sdr.workshops(Locale::En).map_err(|e| e.to_string())? {
        let roster = sdr.roster(&w.id, Locale::En).map_err(|e| e.to_string())?;
        let complete = roster.learners.iter().filter(|l| l.complete).count();
        println!(
            "{:<22} {:<16} {}  {} learner(s), {} complete",
            w.id,
            w.economy,
            w.year,
            roster.learners.len(),
            complete
        );
    }
    Ok(ExitCode::SUCCESS)
}
