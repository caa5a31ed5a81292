//! `sdr demo`: a data folder filled with demo learners who studied through the core.

use std::process::ExitCode;

use sdr_core::Sdr;
use sdr_core::demo::{self, DemoMode, DemoSpec};

use super::{DataDir, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// How many learners to make.
    #[arg(long, value_name = "N")]
    learners: u32,
    /// The workshop they join (see `sdr workshops`).
    #[arg(long, value_name = "ID")]
    workshop: String,
    /// Fixes names, answers, times and record ids: the same seed gives the same learners in a
    /// fresh folder. Give each laptop whose records will be merged its own seed.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Everyone reads every lesson, takes every quiz twice and does one self-assessment
    /// (instead of a realistic spread of progress).
    #[arg(long)]
    full_course: bool,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    let spec = DemoSpec {
        learners: args.learners,
        workshop_id: args.workshop.clone(),
        seed: args.seed,
        mode: if args.full_course {
            DemoMode::FullCourse
        } else {
            DemoMode::Spread
        },
    };
    with_core(&args.data, |sdr| make(sdr, &spec))
}

fn make(sdr: &Sdr, spec: &DemoSpec) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    let summary = demo::generate(sdr, spec).map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let mode = match spec.mode {
        DemoMode::Spread => "a spread of progress",
        DemoMode::FullCourse => "the full course",
    };
    println!(
        "{} demo learner(s) in {}, seed {}, {mode}:",
        summary.profiles, spec.workshop_id, spec.seed
    );
    for (kind, count) in summary.by_kind() {
        println!("  {kind:<20}{count:>8}");
    }
    println!("  {:<20}{:>8}", "records", summary.records());
    println!(
        "{} certificate(s) issued; made in {seconds:.2} s",
        summary.certificates
    );
    Ok(ExitCode::SUCCESS)
}
