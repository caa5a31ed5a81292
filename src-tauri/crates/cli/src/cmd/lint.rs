//! `sdr lint`: check a content pack.

use std::path::PathBuf;
use std::process::ExitCode;

use sdr_core::content::{self, PackFiles, Severity};

#[derive(clap::Args)]
pub struct Args {
    /// The pack folder (the one holding course.toml).
    #[arg(default_value = "content")]
    dir: PathBuf,
    /// List every missing translation, not only the count per language.
    #[arg(long)]
    missing: bool,
}

pub fn run(args: Args) -> ExitCode {
    lint(&args.dir, args.missing)
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
