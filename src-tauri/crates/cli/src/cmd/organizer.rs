//! `sdr organizer`: the organizer's programme key. On the organizer's laptop: make it, print
//! or save its public half for trainers, endorse a trainer laptop's key. On a trainer laptop:
//! trust the programme (its results are then encrypted for the organizer), and keep the
//! organizer's endorsement of this laptop.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sdr_core::Sdr;

use super::{DataDir, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    data: DataDir,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Make this laptop the organizer's: create the programme key (once; never replaced).
    Init {
        /// The programme's name, e.g. "APEC SME Digital Resilience 2018".
        #[arg(long)]
        name: String,
    },
    /// Print the programme's public key for trainers, or save it to a file.
    Key {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// On a trainer laptop: trust the organizer's programme key (text or a file holding it).
    Trust { key: String },
    /// On the organizer's laptop: endorse a trainer laptop's issuer key (`SDRKEY1.…` or its
    /// file), and print the endorsement or save it to carry back.
    Endorse {
        key: String,
        /// The laptop's name, e.g. "Bangkok 1".
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// On a trainer laptop: keep the organizer's endorsement of this laptop (text or file).
    Accept { endorsement: String },
    /// What this laptop knows: its own programme, the programmes it trusts, its endorsement.
    Status,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let e = |e: sdr_core::CoreError| e.to_string();
        match &args.action {
            Action::Init { name } => {
                let p = sdr.create_programme(name, now_ms()).map_err(e)?;
                println!("programme {} ({})", p.name, p.fingerprint);
                println!("{}", p.public_text);
            }
            Action::Key { out } => match out {
                Some(path) => {
                    let p = sdr.export_programme_key(path).map_err(e)?;
                    println!(
                        "written {}: programme {} ({})",
                        path.display(),
                        p.name,
                        p.fingerprint
                    );
                }
                None => {
                    let p = sdr
                        .programme()
                        .map_err(e)?
                        .ok_or("this laptop has no programme key: run `sdr organizer init`")?;
                    println!("{}", p.public_text);
                }
            },
            Action::Trust { key } => {
                let text = text_or_file(sdr, key)?;
                let p = sdr.trust_programme(&text, now_ms()).map_err(e)?;
                println!("trusted programme {} ({})", p.name, p.fingerprint);
            }
            Action::Endorse { key, name, out } => {
                let text = if Path::new(key).is_file() {
                    sdr.read_issuer_key_file(Path::new(key)).map_err(e)?
                } else {
                    key.clone()
                };
                let v = sdr.endorse_laptop(&text, name, now_ms()).map_err(e)?;
                match out {
                    Some(path) => {
                        sdr.save_endorsement(&v.text, path).map_err(e)?;
                        println!(
                            "written {}: {} endorsed for {}",
                            path.display(),
                            v.laptop,
                            v.programme
                        );
                    }
                    None => println!("{}", v.text),
                }
            }
            Action::Accept { endorsement } => {
                let text = text_or_file(sdr, endorsement)?;
                let v = sdr.accept_endorsement(&text, now_ms()).map_err(e)?;
                println!(
                    "this laptop is endorsed as {} for {}",
                    v.laptop, v.programme
                );
            }
            Action::Status => {
                match sdr.programme().map_err(e)? {
                    Some(p) => println!("organizer of   {} ({})", p.name, p.fingerprint),
                    None => println!("organizer of   -"),
                }
                for p in sdr.trusted_programmes().map_err(e)? {
                    println!("trusts         {} ({})", p.name, p.fingerprint);
                }
                match sdr.own_endorsement(now_ms()).map_err(e)? {
                    Some(v) => println!("endorsed as    {} for {}", v.laptop, v.programme),
                    None => println!("endorsed as    -"),
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// The text itself, or the programme or endorsement text in the file it names.
fn text_or_file(sdr: &Sdr, arg: &str) -> Result<String, String> {
    let path = Path::new(arg);
    if path.is_file() {
        sdr.read_programme_file(path).map_err(|e| e.to_string())
    } else {
        Ok(arg.to_string())
    }
}
