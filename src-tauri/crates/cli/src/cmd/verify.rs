//! `sdr verify`: check a certificate.

use std::process::ExitCode;

use sdr_core::views::Verdict;
use sdr_core::{Locale, Sdr};

use super::{DataDir, with_core};

#[derive(clap::Args)]
pub struct Args {
    /// A certificate PDF, or a payload (`SDR1.…`).
    input: String,
    #[command(flatten)]
    data: DataDir,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| verify(sdr, &args.input))
}

fn verify(sdr: &Sdr, input: &str) -> Result<ExitCode, String> {
    let path = std::path::Path::new(input);
    let report = if path.is_file() {
        sdr.verify_file(path, Locale::En)
    } else {
        sdr.verify(input.as_bytes(), Locale::En)
    }
    .map_err(|e| e.to_string())?;
    let verdict = match report.verdict {
        Verdict::Valid => "VALID: signed by a trusted issuer and unchanged",
        Verdict::Tampered => "TAMPERED: the content is not what its issuer signed",
        Verdict::UnknownIssuer => {
            "UNKNOWN ISSUER: well formed, but signed by a key this installation does not trust (sdr trust)"
        }
        Verdict::NotACertificate => "NOT A CERTIFICATE: no certificate payload was found",
    };
    println!("{verdict}");
    if let Some(c) = &report.claims {
        let issuer = if report.issuer_is_self {
            "this installation".to_string()
        } else {
            report
                .issuer_label
                .clone()
                .unwrap_or_else(|| "unknown".into())
        };
        println!("  certificate: {}", c.id);
        println!("  name:        {}", c.name);
        println!(
            "  workshop:    {}{}",
            c.workshop,
            report
                .economy_name
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        );
        println!("  completed:   {}", c.date);
        println!("  score:       {}%", c.score);
        println!("  issuer key:  {} ({issuer})", c.issuer);
    }
    Ok(if report.verdict == Verdict::Valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
