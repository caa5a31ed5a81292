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
    /// Write this laptop's results (every learner, one workshop's, or one learner's) into
    /// one signed file, for an organizer or another laptop.
    Export(cmd::export::Args),
    /// Merge results files or folders of them into this laptop's data: each file whole or
    /// not at all. Prints a table; exits with 1 when any file was refused.
    Import(cmd::import::Args),
    /// Print the counts of learners and records here and a digest of them, to compare two
    /// laptops.
    Status(cmd::status::Args),
    /// Print or set the name this laptop gives itself in the files it exports.
    Laptop(cmd::laptop::Args),
    /// List profiles that share a name, and link them as one person (or undo it).
    People(cmd::people::Args),
    /// The organizer's programme key: make it, hand it to trainers, endorse their laptops; on
    /// a trainer laptop, trust it and keep the endorsement.
    Organizer(cmd::organizer::Args),
    /// Write the organizer's reports (reach, learning, resilience, and the raw records) as an
    /// XLSX workbook and/or CSV files, for everyone here or the people a filter picks.
    Report(cmd::report::Args),
    /// Write the learners' records as xAPI statements to a file and/or post them to a
    /// learning record store (credentials from a file or an environment variable). Exits
    /// with 1 when the LRS refused a statement as conflicting.
    Xapi(cmd::xapi::Args),
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
        Command::Export(a) => cmd::export::run(a),
        Command::Import(a) => cmd::import::run(a),
        Command::Status(a) => cmd::status::run(a),
        Command::Laptop(a) => cmd::laptop::run(a),
        Command::People(a) => cmd::people::run(a),
        Command::Organizer(a) => cmd::organizer::run(a),
        Command::Report(a) => cmd::report::run(a),
        Command::Xapi(a) => cmd::xapi::run(a),
        Command::Demo(a) => cmd::demo::run(a),
    }
}
