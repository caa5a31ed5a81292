//! `sdr laptop`: the name this laptop gives itself in the results files it exports.

use std::process::ExitCode;

use super::{DataDir, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// A new name ("Laptop 7", "Bangkok room 2"); without it, the name is printed.
    name: Option<String>,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let name = match &args.name {
            Some(n) => sdr.set_laptop_name(n),
            None => sdr.laptop_name(),
        }
        .map_err(|e| e.to_string())?;
        println!("{name}");
        Ok(ExitCode::SUCCESS)
    })
}
