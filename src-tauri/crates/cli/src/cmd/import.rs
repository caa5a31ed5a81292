//! `sdr import`: merge results files (files or folders of them) into this laptop's data.

use std::path::PathBuf;
use std::process::ExitCode;

use sdr_core::views::{FileImport, ImportOutcome, ResultsSigner};

use super::{DataDir, Progress, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// Results files, or folders whose `.sdrresults` files are all imported.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// Check every file and count what it would add, but store nothing.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let progress = Progress::new();
        let reports = sdr.import_results(
            &args.paths,
            args.dry_run,
            now_ms(),
            &mut |done, total, r| progress.show(done, total, &r.file_name),
        );
        progress.finish();
        print_table(&reports, args.dry_run);
        let refused = reports
            .iter()
            .filter(|r| r.outcome == ImportOutcome::Refused)
            .count();
        Ok(if refused > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    })
}

fn print_table(reports: &[FileImport], dry_run: bool) {
    let mut rows = vec![[
        "file".to_string(),
        "outcome".into(),
        "signed by".into(),
        "learners new".into(),
        "known".into(),
        "records new".into(),
        "known".into(),
    ]];
    for r in reports {
        let outcome = match (r.outcome, dry_run) {
            (ImportOutcome::Imported, false) => "imported",
            (ImportOutcome::Imported, true) => "would import",
            (ImportOutcome::AlreadyImported, _) => "already imported",
            (ImportOutcome::Refused, _) => "REFUSED",
        };
        let signer = match &r.signer {
            ResultsSigner::Own => "this laptop".to_string(),
            ResultsSigner::Trusted { label } => label.clone(),
            ResultsSigner::Unknown { laptop, .. } => format!("unknown: {laptop}"),
            ResultsSigner::None => "-".into(),
        };
        rows.push([
            r.file_name.clone(),
            outcome.into(),
            signer,
            r.learners_new.to_string(),
            r.learners_known.to_string(),
            r.records_new.to_string(),
            r.records_known.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for (n, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            // Text left, numbers right.
            if i < 3 {
                line.push_str(&format!("{cell}{pad}  "));
            } else {
                line.push_str(&format!("{pad}{cell}  "));
            }
        }
        println!("{}", line.trim_end());
        if let Some(e) = n.checked_sub(1).and_then(|i| reports[i].error.as_ref()) {
            println!("  -> {}", e.message);
        }
    }
    let sum = |f: fn(&FileImport) -> u32| reports.iter().map(f).sum::<u32>();
    let count = |o: ImportOutcome| reports.iter().filter(|r| r.outcome == o).count();
    println!(
        "{} file(s): {} {}, {} already imported, {} refused; {} new learner(s), {} new record(s){}",
        reports.len(),
        count(ImportOutcome::Imported),
        if dry_run { "would import" } else { "imported" },
        count(ImportOutcome::AlreadyImported),
        count(ImportOutcome::Refused),
        sum(|r| r.learners_new),
        sum(|r| r.records_new),
        if dry_run {
            " (dry run: nothing stored)"
        } else {
            ""
        }
    );
}
