//! `sdr export`: this laptop's results as one signed file.

use std::path::PathBuf;
use std::process::ExitCode;

use sdr_core::exchange::ExportScope;

use super::{DataDir, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// The file to write, or a folder to write it into under its usual name
    /// (`results_<what>_<laptop>_<date>.sdrresults`).
    #[arg(long, value_name = "FILE|DIR")]
    out: PathBuf,
    /// Only the learners of this workshop (see `sdr workshops`).
    #[arg(long, conflicts_with = "learner")]
    workshop: Option<String>,
    /// Only this learner (a profile id), to carry their progress to another laptop.
    #[arg(long)]
    learner: Option<String>,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let scope = match (&args.workshop, &args.learner) {
            (Some(w), _) => ExportScope::Workshop(w.clone()),
            (_, Some(p)) => ExportScope::Profile(p.clone()),
            _ => ExportScope::All,
        };
        let now = now_ms();
        let path = if args.out.is_dir() {
            args.out.join(
                sdr.results_file_name(&scope, now)
                    .map_err(|e| e.to_string())?,
            )
        } else {
            args.out.clone()
        };
        let r = sdr
            .export_results(&scope, &path, now)
            .map_err(|e| e.to_string())?;
        println!(
            "written {}: {} learner(s), {} record(s), {} bytes, signed by {}",
            path.display(),
            r.learners,
            r.records,
            r.bytes,
            r.laptop
        );
        Ok(ExitCode::SUCCESS)
    })
}
