//! The organizer's reports: computed by `crate::reports` from facts read in one transaction,
//! shown as tables in the window and written as XLSX and CSV, all from the same tables.

use std::path::{Path, PathBuf};

use super::Sdr;
use crate::error::Result;
use crate::locale::Locale;
use crate::reports::files::{self, About};
use crate::reports::labels::Labels;
use crate::reports::tables::{self, Table};
use crate::reports::{self, Parts, ReportFilter, Reports};
use crate::workshops::dates::Date;
use crate::workshops::economies::economy_name;

impl Sdr {
    /// The reports `parts` asks for, for the people `filter` picks.
    pub fn reports(&self, filter: &ReportFilter, parts: Parts) -> Result<Reports> {
        let facts = self.db.report_facts(parts)?;
        reports::compute(&facts, &self.pack, filter)
    }

    /// The reports `parts` asks for as tables, in `locale`: what the window shows and the
    /// files hold (the raw sheets only with every part).
    pub fn report_tables(
        &self,
        filter: &ReportFilter,
        parts: Parts,
        locale: Locale,
    ) -> Result<Vec<Table>> {
        let facts = self.db.report_facts(parts)?;
        let r = reports::compute(&facts, &self.pack, filter)?;
        Ok(tables::tables(&r, &self.pack, &facts.workshops, locale))
    }

    /// Writes every report as one workbook at `path`.
    pub fn write_report_xlsx(
        &self,
        path: &Path,
        filter: &ReportFilter,
        locale: Locale,
        now_ms: i64,
    ) -> Result<()> {
        let tables = self.report_tables(filter, Parts::ALL, locale)?;
        let about = self.about(filter, &tables, locale, now_ms)?;
        files::write_xlsx(path, &tables, &about)
    }

    /// Writes every report as CSV files into `dir`; the paths written.
    pub fn write_report_csv(
        &self,
        dir: &Path,
        filter: &ReportFilter,
        locale: Locale,
    ) -> Result<Vec<PathBuf>> {
        files::write_csv(dir, &self.report_tables(filter, Parts::ALL, locale)?)
    }

    fn about(
        &self,
        filter: &ReportFilter,
        tables: &[Table],
        locale: Locale,
        now_ms: i64,
    ) -> Result<About> {
        let l = Labels::new(locale);
        let all = l.text("about.all");
        let list = |v: Vec<String>| {
            if v.is_empty() {
                all.clone()
            } else {
                v.join(", ")
            }
        };
        let workshops = self.db.workshops()?;
        let people = tables
            .iter()
            .find(|t| t.id == "learners")
            .map_or(0, |t| t.rows.len());
        Ok(About {
            title: l.text("about.title"),
            lines: vec![
                (
                    l.text("about.economies"),
                    list(
                        filter
                            .economies
                            .iter()
                            .map(|e| economy_name(e, locale))
                            .collect(),
                    ),
                ),
                (
                    l.text("about.workshops"),
                    list(
                        filter
                            .workshops
                            .iter()
                            .map(|id| {
                                workshops.iter().find(|w| &w.id == id).map_or_else(
                                    || id.clone(),
                                    |w| format!("{} {}", economy_name(&w.economy, locale), w.year),
                                )
                            })
                            .collect(),
                    ),
                ),
                (
                    l.text("about.from"),
                    filter.from.clone().unwrap_or_else(|| all.clone()),
                ),
                (
                    l.text("about.to"),
                    filter.to.clone().unwrap_or_else(|| all.clone()),
                ),
                (l.text("about.people"), people.to_string()),
                (l.text("about.made"), Date::at(now_ms, 0).iso()),
            ],
            contents_heading: l.text("about.contents"),
            about_sheet: l.text("about.sheet"),
            made_at_ms: now_ms,
        })
    }
}
