//! `sdr status`: what this laptop holds, and a digest to compare two laptops by.

use std::process::ExitCode;

use super::{DataDir, with_core};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let s = sdr.data_status().map_err(|e| e.to_string())?;
        println!("laptop    {}", s.laptop);
        println!("learners  {}", s.learners);
        println!("records   {}", s.records);
        for c in s.counts.iter().skip(1) {
            println!("  {:<20} {}", c.kind, c.count);
        }
        println!("digest    {}", s.digest);
        Ok(ExitCode::SUCCESS)
    })
}
