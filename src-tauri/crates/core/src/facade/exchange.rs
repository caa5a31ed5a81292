//! Results exchange on the facade: the laptop's name, exporting its learners' records as a
//! signed file, importing files (one, several or a folder; or a dry run), the import log, and
//! the data status two laptops compare. The format is `exchange::format`; the rules a file's
//! records keep, `exchange::FileRules`; the merge by id, `storage::exchange_queries`.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Sdr;
use super::keys::KnownIssuer;
use crate::error::{CoreError, Result};
use crate::exchange::records::{Header, Line};
use crate::exchange::{ExportScope, FileRules, format, people};
use crate::learning::single_line;
use crate::storage::{ImportLogRow, MergeFault, Merged, Order};
use crate::views::{
    DataStatus, ExportReport, FileImport, ImportLogEntry, ImportOutcome, RecordCount,
    ResultsSigner, TrustedIssuer,
};
use crate::workshops::dates::Date;
use crate::{files, keys};

const LAPTOP_NAME: &str = "laptop_name";
/// How many records are merged at a time, grouped by kind: enough for SQLite to work on one
/// table at a time, small enough that memory does not grow with the file.
const MERGE_BATCH: usize = 8192;
/// The longest laptop name, in characters.
const MAX_LAPTOP_NAME_CHARS: usize = 60;

impl Sdr {
    /// The name this laptop gives itself in the files it exports: set by a trainer, else the
    /// computer's name.
    pub fn laptop_name(&self) -> Result<String> {
        if let Some(name) = self.db.setting(LAPTOP_NAME)?.filter(|n| !n.is_empty()) {
            return Ok(name);
        }
        let host = gethostname::gethostname().to_string_lossy().into_owned();
        Ok(clean_laptop_name(&host).unwrap_or_else(|_| "laptop".into()))
    }

    /// Names this laptop ("Laptop 7", "KL room 2").
    pub fn set_laptop_name(&self, name: &str) -> Result<String> {
        let name = clean_laptop_name(name)?;
        self.db.set_setting(LAPTOP_NAME, &name)?;
        Ok(name)
    }

    /// The file name to offer for an export: what it holds, the laptop, the date; ASCII only,
    /// so it survives any USB stick's file system and any mail program.
    pub fn results_file_name(&self, scope: &ExportScope, now_ms: i64) -> Result<String> {
        let (what, offset) = match scope {
            ExportScope::All => ("all".to_string(), 0),
            ExportScope::Workshop(id) => (id.clone(), self.workshop(id)?.utc_offset_min),
            ExportScope::Profile(id) => (
                format!("learner-{}", ascii_slug(&self.profile(id)?.display_name)),
                0,
            ),
        };
        let laptop = ascii_slug(&self.laptop_name()?);
        let laptop = if laptop.is_empty() {
            "laptop".into()
        } else {
            laptop
        };
        Ok(format!(
            "results_{}_{}_{}.{}",
            what.trim_end_matches('-'),
            laptop,
            Date::at(now_ms, offset).iso(),
            format::EXTENSION
        ))
    }

    /// Writes the records of the learners in `scope` into a signed results file at `path`
    /// (whole or not at all).
    pub fn export_results(
        &self,
        scope: &ExportScope,
        path: &Path,
        now_ms: i64,
    ) -> Result<ExportReport> {
        let key = self.signing_key(now_ms)?;
        let laptop = self.laptop_name()?;
        let (profiles, workshops) = match scope {
            ExportScope::All => (self.db.profile_ids()?, self.db.edited_workshops()?),
            ExportScope::Workshop(id) => {
                self.workshop(id)?;
                (self.db.enrolled(id)?, vec![id.clone()])
            }
            ExportScope::Profile(id) => {
                self.profile(id)?;
                (vec![id.clone()], self.db.enrolled_workshops(id)?)
            }
        };
        let mut writer = format::Writer::new(Header {
            app_version: env!("CARGO_PKG_VERSION").into(),
            laptop: laptop.clone(),
            exported_at_ms: now_ms,
            scope: scope.code(),
        });
        let mut push = |line: Line| {
            writer.push(&line);
            Ok(())
        };
        for id in &profiles {
            self.db.learner_lines(id, Order::Stored, &mut push)?;
        }
        for id in &workshops {
            self.db.workshop_edit_lines(id, Order::Stored, &mut push)?;
        }
        self.db
            .person_link_lines(&profiles, Order::Stored, &mut push)?;
        // Learners and records are counted apart, as an import counts them.
        let records = writer.records() - profiles.len() as u64;
        // Results for the organizer are encrypted for the programmes trusted here; a learner's
        // own file goes to another laptop in the room, which could not read it then.
        let recipients = match scope {
            ExportScope::Profile(_) => Vec::new(),
            _ => self.results_recipients()?,
        };
        let endorsement = self.own_endorsement(now_ms)?.map(|e| e.text);
        let recipient_keys: Vec<age::x25519::Recipient> =
            recipients.iter().map(|(_, r)| r.clone()).collect();
        let bytes = writer.finish(&key, endorsement.as_deref(), &recipient_keys)?;
        files::write_atomically(path, &bytes)?;
        Ok(ExportReport {
            file_name: file_name(path),
            learners: profiles.len() as u32,
            records: records as u32,
            bytes: bytes.len() as u64,
            laptop,
            encrypted_for: recipients.into_iter().map(|(name, _)| name).collect(),
        })
    }

    /// Imports results files: each path is a file, or a folder whose `.sdrresults` files are
    /// all taken (in name order). Each file is merged in its own transaction, or refused whole;
    /// one refused file does not stop the others. With `dry_run`, every file is checked and
    /// merged exactly as it would be, then rolled back. `on_file(done, total, report)` is
    /// called after each file.
    pub fn import_results(
        &self,
        paths: &[PathBuf],
        dry_run: bool,
        now_ms: i64,
        on_file: &mut dyn FnMut(usize, usize, &FileImport),
    ) -> Vec<FileImport> {
        let mut work: Vec<std::result::Result<PathBuf, FileImport>> = Vec::new();
        for path in paths {
            match results_files(path) {
                Ok(found) => work.extend(found.into_iter().map(Ok)),
                Err(e) => work.push(Err(refused(path, e))),
            }
        }
        let total = work.len();
        let mut reports = Vec::with_capacity(total);
        self.db.in_bulk(|| {
            for item in work {
                let report = match item {
                    Ok(path) => self.import_file(&path, dry_run, now_ms),
                    Err(report) => report,
                };
                on_file(reports.len() + 1, total, &report);
                reports.push(report);
            }
            let stored = !dry_run && reports.iter().any(|r| r.outcome == ImportOutcome::Imported);
            ((), stored)
        });
        reports
    }

    /// Imports one results file (see [`Sdr::import_results`]).
    pub fn import_file(&self, path: &Path, dry_run: bool, now_ms: i64) -> FileImport {
        let mut report = blank_report(path);
        match self.try_import(path, dry_run, now_ms, &mut report) {
            Ok(outcome) => report.outcome = outcome,
            Err(e) => {
                report.outcome = ImportOutcome::Refused;
                report.error = Some(e.payload());
            }
        }
        report
    }

    fn try_import(
        &self,
        path: &Path,
        dry_run: bool,
        now_ms: i64,
        report: &mut FileImport,
    ) -> Result<ImportOutcome> {
        let identities = self.results_identities()?;
        let opener = format::Opener {
            path,
            identities: &identities,
        };
        let checked = format::check(&opener)?;
        report.digest = keys::hex(&checked.digest);
        let fingerprint = keys::fingerprint(&checked.signer);
        let signer_label = match self.known_issuer(&fingerprint)? {
            Some(KnownIssuer::Own(key)) if key == checked.signer => {
                report.signer = ResultsSigner::Own;
                String::new()
            }
            Some(KnownIssuer::Trusted { key, label }) if key == checked.signer => {
                report.signer = ResultsSigner::Trusted {
                    label: label.clone(),
                };
                label
            }
            _ if checked.endorsement.is_some()
                && let Some(label) = self.check_endorsement(
                    checked.endorsement.as_deref().unwrap_or_default(),
                    &checked.signer,
                    now_ms,
                )? =>
            {
                report.signer = ResultsSigner::Trusted {
                    label: label.clone(),
                };
                label
            }
            _ => {
                let header = format::header(&opener)?;
                report.laptop = header.laptop.clone();
                report.signer = ResultsSigner::Unknown {
                    fingerprint: keys::grouped(&fingerprint),
                    laptop: header.laptop.clone(),
                };
                return Err(CoreError::ResultsUnknownSigner {
                    path: path.to_path_buf(),
                    fingerprint: keys::grouped(&fingerprint),
                    laptop: header.laptop,
                });
            }
        };
        if self.db.imported_at(&report.digest, &fingerprint)?.is_some() {
            report.laptop = format::header(&opener)?.laptop;
            return Ok(ImportOutcome::AlreadyImported);
        }
        self.db.in_transaction_if(!dry_run, || {
            let mut rules = FileRules::default();
            let mut batch: Vec<Line> = Vec::with_capacity(MERGE_BATCH);
            let header = format::read(&opener, &checked, |_, line| {
                let (what, id) = line.describe();
                rules
                    .check(&line)
                    .map_err(|detail| CoreError::ResultsInvalid {
                        path: path.to_path_buf(),
                        detail: format!("its {what} {id} is not valid: {detail}"),
                    })?;
                batch.push(line);
                if batch.len() == MERGE_BATCH {
                    self.merge_batch(path, &mut batch, report)?;
                }
                Ok(())
            })?;
            self.merge_batch(path, &mut batch, report)?;
            report.laptop = header.laptop.clone();
            // Learners count once, as learners; records count everything else.
            self.db.log_import(&ImportLogRow {
                digest: report.digest.clone(),
                file_name: report.file_name.clone(),
                signer: fingerprint.clone(),
                signer_label: signer_label.clone(),
                laptop: header.laptop,
                scope: header.scope,
                exported_at_ms: header.exported_at_ms,
                imported_at_ms: now_ms,
                learners_new: report.learners_new.into(),
                learners_known: report.learners_known.into(),
                records_new: report.records_new.into(),
                records_known: report.records_known.into(),
            })
        })?;
        Ok(ImportOutcome::Imported)
    }

    /// Merges a batch of checked records, kind by kind in parents-first order (SQLite inserts
    /// into one table's pages at a time much faster than into twelve tables in turn; a
    /// record's parents are earlier in the file, so in this batch or an earlier one).
    fn merge_batch(
        &self,
        path: &Path,
        batch: &mut Vec<Line>,
        report: &mut FileImport,
    ) -> Result<()> {
        batch.sort_by_key(Line::rank);
        // Quiz answers, most of a file, go in by id: neighbouring ids share index pages, so
        // SQLite touches far fewer of them. Their order carries no meaning (one answer per
        // question and attempt), unlike events, whose order within a millisecond is kept.
        let answers = batch
            .iter()
            .position(|l| matches!(l, Line::QuizAnswer(_)))
            .map(|start| {
                let len = batch[start..]
                    .iter()
                    .take_while(|l| matches!(l, Line::QuizAnswer(_)))
                    .count();
                start..start + len
            });
        if let Some(range) = answers {
            batch[range].sort_by(|a, b| a.describe().1.cmp(b.describe().1));
        }
        for line in batch.drain(..) {
            let (what, id) = line.describe();
            let is_profile = matches!(line, Line::Profile(_));
            match self.db.merge_line(&line) {
                Ok(Merged::New) if is_profile => report.learners_new += 1,
                Ok(Merged::Known) if is_profile => report.learners_known += 1,
                Ok(Merged::New) => report.records_new += 1,
                Ok(Merged::Known) => report.records_known += 1,
                Err(MergeFault::Conflict) => {
                    return Err(CoreError::ResultsConflict {
                        path: path.to_path_buf(),
                        what,
                        id: id.to_string(),
                    });
                }
                Err(MergeFault::Refused(detail)) => {
                    return Err(CoreError::ResultsInvalid {
                        path: path.to_path_buf(),
                        detail: format!(
                            "its {what} {id} cannot be stored here (it refers to something this laptop does not have, or breaks a rule: {detail})"
                        ),
                    });
                }
                Err(MergeFault::Other(e)) => return Err(e),
            }
        }
        Ok(())
    }

    /// Trusts the laptop that signed a results file, under `label`, so its files import.
    pub fn trust_results_signer(
        &self,
        path: &Path,
        label: &str,
        now_ms: i64,
    ) -> Result<TrustedIssuer> {
        let identities = self.results_identities()?;
        let checked = format::check(&format::Opener {
            path,
            identities: &identities,
        })?;
        self.import_issuer(&keys::export_key(&checked.signer), label, now_ms)
    }

    /// Every file imported here, newest first.
    pub fn import_log(&self) -> Result<Vec<ImportLogEntry>> {
        Ok(self
            .db
            .import_log()?
            .into_iter()
            .map(|r| ImportLogEntry {
                file_name: r.file_name,
                digest: r.digest,
                signer_fingerprint: r.signer,
                signer_label: r.signer_label,
                laptop: r.laptop,
                scope: r.scope,
                exported_at_ms: r.exported_at_ms,
                imported_at_ms: r.imported_at_ms,
                learners_new: r.learners_new,
                learners_known: r.learners_known,
                records_new: r.records_new,
                records_known: r.records_known,
            })
            .collect())
    }

    /// The counts of learners and records here, and a digest of them all in a canonical
    /// order: two laptops that hold the same records show the same digest.
    pub fn data_status(&self) -> Result<DataStatus> {
        let mut hasher = Sha256::new();
        let mut hash = |line: Line| {
            let mut text = serde_json::to_vec(&line)
                .map_err(|e| CoreError::Internal(format!("hashing a record: {e}")))?;
            text.push(b'\n');
            hasher.update(&text);
            Ok(())
        };
        let mut ids = self.db.profile_ids()?;
        ids.sort();
        for id in &ids {
            self.db.learner_lines(id, Order::Canonical, &mut hash)?;
        }
        for id in self.db.edited_workshops()? {
            self.db
                .workshop_edit_lines(&id, Order::Canonical, &mut hash)?;
        }
        let counts: Vec<RecordCount> = self
            .db
            .record_counts()?
            .into_iter()
            .map(|(kind, count)| RecordCount {
                kind: kind.into(),
                count,
            })
            .collect();
        let learners = counts.first().map_or(0, |c| c.count);
        let people = people::groups(&ids, &self.db.linked_pairs()?).len() as i64;
        Ok(DataStatus {
            laptop: self.laptop_name()?,
            learners,
            people,
            records: counts.iter().skip(1).map(|c| c.count).sum(),
            counts,
            digest: keys::hex(&hasher.finalize()),
        })
    }
}

/// The results files a path stands for: itself, or the `.sdrresults` files in a folder.
fn results_files(path: &Path) -> Result<Vec<PathBuf>> {
    let unreadable = |detail: String| CoreError::FileUnreadable {
        path: path.to_path_buf(),
        detail,
    };
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| unreadable(e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == format::EXTENSION))
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(unreadable(format!(
            "the folder holds no .{} files",
            format::EXTENSION
        )));
    }
    Ok(found)
}

/// A file's report before anything is known of it.
fn blank_report(path: &Path) -> FileImport {
    FileImport {
        path: path.display().to_string(),
        file_name: file_name(path),
        outcome: ImportOutcome::Refused,
        signer: ResultsSigner::None,
        laptop: String::new(),
        digest: String::new(),
        learners_new: 0,
        learners_known: 0,
        records_new: 0,
        records_known: 0,
        error: None,
    }
}

fn refused(path: &Path, e: CoreError) -> FileImport {
    FileImport {
        error: Some(e.payload()),
        ..blank_report(path)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn clean_laptop_name(raw: &str) -> Result<String> {
    single_line(raw, "the laptop name", MAX_LAPTOP_NAME_CHARS)
}

/// `Phòng học số 2` → `Phong-hoc-so-2`: letters without their marks, digits, and `-` between
/// words; what has no ASCII form (Thai, Han) is left out.
fn ascii_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in unicode_normalization::UnicodeNormalization::nfd(text) {
        let c = match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    slug.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disk_that_fills_during_an_import_leaves_the_data_as_it_was_and_the_import_completes_later()
    {
        let t = 1_795_737_600_000;
        let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let a = Sdr::open(a_dir.path(), crate::content::builtin().unwrap()).unwrap();
        let spec = crate::demo::DemoSpec {
            learners: 12,
            workshop_id: "2018-thailand".into(),
            seed: 7,
            mode: crate::demo::DemoMode::FullCourse,
        };
        crate::demo::generate(&a, &spec).unwrap();
        let file = a_dir.path().join("a.sdrresults");
        a.export_results(&ExportScope::All, &file, t).unwrap();
        let b = Sdr::open(b_dir.path(), crate::content::builtin().unwrap()).unwrap();
        b.trust_results_signer(&file, "A", t).unwrap();
        let before = b.data_status().unwrap();
        // Room for a few pages only: the import runs out of disk half-way.
        b.db.fill_disk_after(20);
        let r = b.import_file(&file, false, t);
        assert_eq!(r.outcome, ImportOutcome::Refused, "{r:?}");
        let err = r.error.unwrap();
        assert_eq!(
            err.code,
            crate::ErrorCode::DatabaseUnavailable,
            "{}",
            err.message
        );
        assert!(err.message.contains("full"), "{}", err.message);
        let after = b.data_status().unwrap();
        assert_eq!(after.digest, before.digest);
        assert!(b.import_log().unwrap().is_empty());
        // Room again: the same file imports whole.
        b.db.fill_disk_after(1_000_000);
        let r = b.import_file(&file, false, t);
        assert_eq!(r.outcome, ImportOutcome::Imported, "{r:?}");
        assert_eq!(
            b.data_status().unwrap().digest,
            a.data_status().unwrap().digest
        );
    }

    #[test]
    fn file_names_are_ascii_whatever_the_laptop_is_called() {
        assert_eq!(
            ascii_slug("Phòng học số 2 — Đà Nẵng"),
            "Phong-hoc-so-2-Da-Nang"
        );
        assert_eq!(ascii_slug("ห้อง 3"), "3");
        assert_eq!(ascii_slug("台北教室"), "");
        assert_eq!(ascii_slug("../../etc"), "etc");
    }

    #[test]
    fn laptop_names_are_trimmed_and_bounded() {
        assert_eq!(clean_laptop_name("  Laptop   7 ").unwrap(), "Laptop 7");
        assert!(clean_laptop_name("   ").is_err());
        assert!(clean_laptop_name(&"x".repeat(61)).is_err());
        assert!(clean_laptop_name("a\u{7}b").is_err());
    }
}
