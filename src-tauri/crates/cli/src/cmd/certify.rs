//! `sdr certify`: a workshop's certificates into a folder.

use std::path::PathBuf;
use std::process::ExitCode;

use sdr_core::{Locale, Sdr};

use super::{DataDir, Progress, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// The workshop id (see `sdr workshops`).
    #[arg(long)]
    workshop: String,
    /// The folder to write the PDFs into (it must exist).
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| certify(sdr, &args.workshop, &args.out))
}

fn certify(sdr: &Sdr, workshop: &str, out: &std::path::Path) -> Result<ExitCode, String> {
    let progress = Progress::new();
    let summary = sdr
        .issue_batch(workshop, out, Locale::En, now_ms(), &mut |p| {
            progress.show(p.done, p.total, &p.name);
        })
        .map_err(|e| e.to_string())?;
    progress.finish();
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
