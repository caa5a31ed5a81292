//! `sdr trust`: trust another installation's key under a name.

use std::path::Path;
use std::process::ExitCode;

use super::{DataDir, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// The key text, a file that holds it, or a results file (`.sdrresults`): its signer is
    /// trusted.
    key: String,
    /// Who the issuer is, e.g. "Bangkok workshop laptop 3".
    #[arg(long)]
    name: String,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let path = Path::new(&args.key);
        if path.is_file() && path.extension().is_some_and(|x| x == "sdrresults") {
            let t = sdr
                .trust_results_signer(path, &args.name, now_ms())
                .map_err(|e| e.to_string())?;
            println!("trusted: {} ({})", t.label, t.fingerprint);
            return Ok(ExitCode::SUCCESS);
        }
        let text = if path.is_file() {
            sdr.read_issuer_key_file(path).map_err(|e| e.to_string())?
        } else {
            args.key.clone()
        };
        let t = sdr
            .import_issuer(&text, &args.name, now_ms())
            .map_err(|e| e.to_string())?;
        println!("trusted: {} ({})", t.label, t.fingerprint);
        Ok(ExitCode::SUCCESS)
    })
}
