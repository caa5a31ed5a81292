//! `sdr report`: the organizer's reports over everything on this laptop, as one XLSX workbook
//! and/or a folder of CSV files, with the same filters as the window.

use std::path::PathBuf;
use std::process::ExitCode;

use sdr_core::Locale;

use super::{DataDir, PeopleFilter, now_ms, with_core};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataDir,
    /// Write every report as one workbook.
    #[arg(long, value_name = "FILE")]
    xlsx: Option<PathBuf>,
    /// Write every report as CSV files into this folder (made if missing).
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
    #[command(flatten)]
    people: PeopleFilter,
    /// The language of the headings: en, ms, fil, zh-Hant, th or vi.
    #[arg(long, value_name = "CODE", default_value = "en")]
    lang: String,
}

pub fn run(args: Args) -> ExitCode {
    with_core(&args.data, |sdr| {
        let locale = Locale::from_code(&args.lang)
            .ok_or_else(|| format!("no language {} (en, ms, fil, zh-Hant, th, vi)", args.lang))?;
        if args.xlsx.is_none() && args.csv.is_none() {
            return Err("say where to write: --xlsx FILE and/or --csv DIR".into());
        }
        let filter = args.people.filter();
        if let Some(path) = &args.xlsx {
            sdr.write_report_xlsx(path, &filter, locale, now_ms())
                .map_err(|e| e.to_string())?;
            println!("{}", path.display());
        }
        if let Some(dir) = &args.csv {
            for path in sdr
                .write_report_csv(dir, &filter, locale)
                .map_err(|e| e.to_string())?
            {
                println!("{}", path.display());
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
