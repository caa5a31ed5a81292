//! `sdr workshops`: the workshops and their learners' standing.

use std::process::ExitCode;

use sdr_core::{Locale, Sdr};

use super::{DataDir, with_core};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, workshops)
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
