//! `sdr people`: profiles that share a name (perhaps one person who signed up on two
//! laptops), and linking them as one person or undoing it. Never done automatically.

use std::process::ExitCode;

use sdr_core::Locale;

use super::{DataDir, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// Link these profiles (two or more ids) as one person.
    #[arg(long, num_args = 2.., value_name = "PROFILE_ID", conflicts_with = "unlink")]
    link: Vec<String>,
    /// Undo the links among these profiles.
    #[arg(long, num_args = 2.., value_name = "PROFILE_ID")]
    unlink: Vec<String>,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let view = if !args.link.is_empty() {
            sdr.set_same_person(&args.link, true, Locale::En, now_ms())
        } else if !args.unlink.is_empty() {
            sdr.set_same_person(&args.unlink, false, Locale::En, now_ms())
        } else {
            sdr.people(Locale::En)
        }
        .map_err(|e| e.to_string())?;
        println!(
            "{} learner profile(s), {} people",
            view.learners, view.people
        );
        for g in &view.same_name {
            println!(
                "\n{} ({}):",
                g.name,
                if g.linked {
                    "linked as one person"
                } else {
                    "not linked"
                }
            );
            for p in &g.profiles {
                println!(
                    "  {}  {}  {} lesson(s) done  {} certificate(s)",
                    p.id,
                    p.workshop.as_deref().unwrap_or("no workshop"),
                    p.lessons_done,
                    p.certificate_ids.len()
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
