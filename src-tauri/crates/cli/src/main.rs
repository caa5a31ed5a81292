//! `sdr`: headless commands for content authors, trainers and organizers, over the same core
//! as the desktop app. Each subcommand lives in its own file under `cmd/`.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "sdr",
    version,
    about = "SME Digital Resilience: command-line tools"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a content pack: every fault with its file, line and field, and what each
    /// language still lacks. Exits with 1 when the pack has errors.
    Lint(cmd::lint::Args),
    /// Check a certificate: a PDF file, or the text of its QR code. Says valid, tampered,
    /// unknown issuer or not a certificate, and shows what it claims. Exits with 0 only when
    /// it is valid.
    Verify(cmd::verify::Args),
    /// Write the certificate of every learner of a workshop who has met its requirements into
    /// a folder, and list whom it skipped and why.
    Certify(cmd::certify::Args),
    /// List the workshops and their learners' standing.
    Workshops(cmd::workshops::Args),
    /// Print this installation's public key, for organizers to trust.
    Key(cmd::key::Args),
    /// Trust another installation's certificates: its exported key (`SDRKEY1.…`, or a file
    /// holding it), under a name.
    Trust(cmd::trust::Args),
    /// Fill a data folder with demo learners of a workshop who studied through the core, and
    /// print what it made. The same seed gives the same learners.
    Demo(cmd::demo::Args),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Lint(a) => cmd::lint::run(a),
        Command::Verify(a) => cmd::verify::run(a),
        Command::Certify(a) => cmd::certify::run(a),
        Command::Workshops(a) => cmd::workshops::run(a),
        Command::Key(a) => cmd::key::run(a),
        Command::Trust(a) => cmd::trust::run(a),
        Command::Demo(a) => cmd::demo::run(a),
    }
}
