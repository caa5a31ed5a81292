//! xAPI statements of the people the reports count: written to a file, or handed one by one
//! to a sender (the CLI posts them to an LRS).

use std::path::Path;

use super::Sdr;
use crate::error::{CoreError, Result};
use crate::files::write_atomically_with;
use crate::reports::{self, Parts, ReportFilter};
use crate::xapi;

impl Sdr {
    /// Calls `each` with every statement (a JSON text) of the people `filter` picks, as an
    /// account on the organizer's `home_page`; the number of statements.
    pub fn xapi_statements(
        &self,
        filter: &ReportFilter,
        home_page: &str,
        each: &mut dyn FnMut(&str) -> Result<()>,
    ) -> Result<u64> {
        let facts = self.db.report_facts(Parts {
            reach: true,
            ..Parts::NONE
        })?;
        let r = reports::compute(&facts, &self.pack, filter)?;
        xapi::statements(
            &r,
            &self.pack,
            &facts.workshops,
            home_page,
            |f| self.db.each_xapi_record(f),
            each,
        )
    }

    /// Writes every statement into `path` as one JSON array, atomically; the number written.
    pub fn write_xapi(&self, path: &Path, filter: &ReportFilter, home_page: &str) -> Result<u64> {
        let mut count = 0;
        write_atomically_with(path, |w| {
            let io = |e: std::io::Error| CoreError::FileUnwritable {
                path: path.to_path_buf(),
                detail: e.to_string(),
            };
            w.write_all(b"[").map_err(io)?;
            count = self.xapi_statements(filter, home_page, &mut |s| {
                if count > 0 {
                    w.write_all(b",").map_err(io)?;
                }
                count += 1;
                w.write_all(b"\n").map_err(io)?;
                w.write_all(s.as_bytes()).map_err(io)
            })?;
            w.write_all(b"\n]\n").map_err(io)
        })?;
        Ok(count)
    }
}
