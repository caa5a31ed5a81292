//! `sdr key`: this installation's public key.

use std::process::ExitCode;

use super::{DataDir, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let k = sdr.issuer_key(now_ms()).map_err(|e| e.to_string())?;
        println!("{}\nfingerprint: {}", k.public_key, k.fingerprint);
        Ok(ExitCode::SUCCESS)
    })
}
