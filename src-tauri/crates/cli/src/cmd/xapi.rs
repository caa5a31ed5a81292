//! `sdr xapi`: the xAPI statements of the people the reports count, written to a file and/or
//! posted to a learning record store. Credentials come from a file or an environment variable,
//! never the command line (where other users of the computer could read them).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use base64::Engine as _;
use sdr_core::xapi::{Sender, Transport};

use super::{DataDir, PeopleFilter, with_core};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataDir,
    /// The organizer's web address: learners are accounts on it, and activity ids start with
    /// it (e.g. https://smeresilience.example.org).
    #[arg(long, value_name = "URL")]
    home_page: String,
    /// Write every statement into this file, as one JSON array.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Post the statements to this LRS (its xAPI base, e.g. https://lrs.example.org/xAPI).
    #[arg(long, value_name = "URL")]
    endpoint: Option<String>,
    /// A file holding `username:password` for the LRS.
    #[arg(long, value_name = "FILE")]
    credentials_file: Option<PathBuf>,
    /// The environment variable holding `username:password` for the LRS (when no file is given).
    #[arg(long, value_name = "NAME", default_value = "SDR_LRS_CREDENTIALS")]
    credentials_env: String,
    /// Statements per request.
    #[arg(long, value_name = "N", default_value_t = 500)]
    batch: usize,
    #[command(flatten)]
    people: PeopleFilter,
}

/// HTTP for the core's sender: POST to `<endpoint>/statements` with basic authentication.
struct Http {
    agent: ureq::Agent,
    url: String,
    authorization: String,
}

impl Transport for Http {
    fn post(&mut self, body: &str) -> Result<(u16, String), String> {
        let mut answer = self
            .agent
            .post(&self.url)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .header("Authorization", &self.authorization)
            .send(body)
            .map_err(|e| e.to_string())?;
        let status = answer.status().as_u16();
        let text = answer.body_mut().read_to_string().unwrap_or_default();
        Ok((status, text))
    }

    fn wait(&mut self, attempt: u32) {
        std::thread::sleep(Duration::from_millis(500 * u64::from(attempt)));
    }
}

fn credentials(args: &Args) -> Result<String, String> {
    let text = match &args.credentials_file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        None => std::env::var(&args.credentials_env).map_err(|_| {
            format!(
                "give the LRS credentials (username:password) in a file (--credentials-file) or in the environment variable {}",
                args.credentials_env
            )
        })?,
    };
    let text = text.trim();
    if !text.contains(':') {
        return Err("the LRS credentials must read username:password".into());
    }
    Ok(format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(text)
    ))
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        if args.out.is_none() && args.endpoint.is_none() {
            return Err("say where the statements go: --out FILE and/or --endpoint URL".into());
        }
        let filter = args.people.filter();
        if let Some(path) = &args.out {
            let n = sdr
                .write_xapi(path, &filter, &args.home_page)
                .map_err(|e| e.to_string())?;
            println!("{n} statements written to {}", path.display());
        }
        if let Some(endpoint) = &args.endpoint {
            let mut http = Http {
                agent: ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(120)))
                    .build()
                    .into(),
                url: format!("{}/statements", endpoint.trim_end_matches('/')),
                authorization: credentials(&args)?,
            };
            let mut sender = Sender::new(&mut http, args.batch);
            sdr.xapi_statements(&filter, &args.home_page, &mut |s| sender.push(s))
                .map_err(|e| e.to_string())?;
            let report = sender.finish().map_err(|e| e.to_string())?;
            println!(
                "{} statements sent, {} stored (new or already there), {} refused as conflicting{}",
                report.sent,
                report.accepted,
                report.conflicts.len(),
                if report.retries > 0 {
                    format!(", {} requests tried again", report.retries)
                } else {
                    String::new()
                }
            );
            for id in &report.conflicts {
                println!("  conflict: {id}");
            }
            if !report.conflicts.is_empty() {
                return Ok(ExitCode::from(1));
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
