//! Certificates on the facade: this installation's key, trusted issuers, issuing one or a
//! whole workshop's certificates, and verifying one.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use ed25519_dalek::{SigningKey, VerifyingKey};

use super::Sdr;
use crate::certificates::payload::find_payload;
use crate::certificates::pdf::{self, CertificateDoc};
use crate::certificates::signing::{self, Claims};
use crate::certificates::texts::{economy_code, economy_name, texts};
use crate::certificates::{file_name, new_id, write_atomically};
use crate::error::{CoreError, Result};
use crate::locale::Locale;
use crate::storage::{StoredCertificate, StoredIssuer};
use crate::views::Profile;
use crate::views::{
    BatchProgress, BatchSkipped, BatchSummary, BatchWritten, CertificateInfo, IssuerKeyView,
    TrustedIssuer, Verdict, VerifyReport,
};
use crate::workshops::Workshop;
use crate::workshops::completion::Evaluation;
use crate::workshops::dates::{self, Date};

/// The largest file `verify_file` reads: a certificate is tens of kilobytes.
const MAX_VERIFY_FILE: u64 = 16 * 1024 * 1024;

/// A learner's certificate for a workshop, or what they still lack for it.
enum Issued {
    Certificate(StoredCertificate, Claims),
    Missing(Evaluation),
}

/// One certificate ready to render: everything it prints, and where it goes.
struct Prepared {
    doc: CertificateDoc,
    info: CertificateInfo,
    name: String,
}

impl Sdr {
    /// This installation's signing key, created (and stored) on first use.
    fn signing_key(&self, now_ms: i64) -> Result<SigningKey> {
        if self.db.issuer_key()?.is_none() {
            let key = signing::generate_key().map_err(CoreError::InvalidInput)?;
            self.db
                .insert_issuer_key(&key.to_bytes(), key.verifying_key().as_bytes(), now_ms)?;
        }
        let (secret, _) = self
            .db
            .issuer_key()?
            .ok_or_else(|| CoreError::InvalidInput("the issuer key was not stored".into()))?;
        Ok(SigningKey::from_bytes(&secret))
    }

    /// This installation's public key, for organizers to import.
    pub fn issuer_key(&self, now_ms: i64) -> Result<IssuerKeyView> {
        let public = self.signing_key(now_ms)?.verifying_key();
        Ok(IssuerKeyView {
            fingerprint: signing::grouped(&signing::fingerprint(&public)),
            public_key: signing::export_key(&public),
        })
    }

    /// The file name to offer for this installation's public key.
    pub fn issuer_key_file_name(&self, now_ms: i64) -> Result<String> {
        let public = self.signing_key(now_ms)?.verifying_key();
        Ok(format!(
            "sdr-issuer-key-{}.txt",
            signing::fingerprint(&public)
        ))
    }

    /// Writes this installation's public key to `path` (a small text file to hand over).
    pub fn export_issuer_key(&self, path: &Path, now_ms: i64) -> Result<IssuerKeyView> {
        let key = self.issuer_key(now_ms)?;
        let text = format!(
            "{}\n# SME Digital Resilience issuer key, fingerprint {}\n",
            key.public_key, key.fingerprint
        );
        write_atomically(path, text.as_bytes()).map_err(|e| unwritable(path, e))?;
        Ok(key)
    }

    /// Reads an issuer key from a file someone handed over; refuses anything else.
    pub fn read_issuer_key_file(&self, path: &Path) -> Result<String> {
        let bytes = read_at_most(path, 64 * 1024)?;
        // Anything else (a binary file, a different text) is simply not a key.
        let key = signing::import_key(&String::from_utf8_lossy(&bytes)).ok_or(CoreError::BadKey)?;
        Ok(signing::export_key(&key))
    }

    pub fn trusted_issuers(&self) -> Result<Vec<TrustedIssuer>> {
        Ok(self
            .db
            .trusted_issuers()?
            .into_iter()
            .map(|i| TrustedIssuer {
                fingerprint: signing::grouped(&i.fingerprint),
                label: i.label,
                imported_at_ms: i.imported_at_ms,
            })
            .collect())
    }

    /// Trusts another installation's key (`SDRKEY1.…`, as exported), under a name the user
    /// gives. Importing a known key again only renames it.
    pub fn import_issuer(&self, key_text: &str, label: &str, now_ms: i64) -> Result<TrustedIssuer> {
        let public = signing::import_key(key_text).ok_or(CoreError::BadKey)?;
        let label: String =
            unicode_normalization::UnicodeNormalization::nfc(label.trim()).collect();
        if label.is_empty() || label.chars().count() > 80 || label.chars().any(char::is_control) {
            return Err(CoreError::InvalidInput(
                "give the issuer a name of 1 to 80 characters".into(),
            ));
        }
        let own = self.signing_key(now_ms)?.verifying_key();
        if own == public {
            return Err(CoreError::InvalidInput(
                "this is this device's own key; it is trusted already".into(),
            ));
        }
        let issuer = StoredIssuer {
            fingerprint: signing::fingerprint(&public),
            public: public.to_bytes(),
            label,
            imported_at_ms: now_ms,
        };
        self.db.upsert_trusted_issuer(&issuer)?;
        self.trusted_issuers()?
            .into_iter()
            .find(|t| t.fingerprint == signing::grouped(&issuer.fingerprint))
            .ok_or_else(|| CoreError::InvalidInput("the issuer was not stored".into()))
    }

    /// The learner's certificate for their workshop: the one issued before (a certificate,
    /// once issued, stands), or a new one signed now if every requirement is met; otherwise
    /// what is still missing.
    fn issue(&self, profile: &Profile, w: &Workshop, now_ms: i64) -> Result<Issued> {
        if let Some(c) = self.db.certificate_for(&profile.id, &w.id)? {
            let claims = signing::parse(&c.payload)
                .ok_or_else(|| {
                    CoreError::InvalidInput("a stored certificate is unreadable".into())
                })?
                .claims;
            return Ok(Issued::Certificate(c, claims));
        }
        let eval = self.evaluate(&profile.id, w)?;
        let (Some(completed_at), true) = (eval.completed_at_ms, eval.complete) else {
            return Ok(Issued::Missing(eval));
        };
        let key = self.signing_key(now_ms)?;
        let tag = format!(
            "{}{:02}",
            economy_code(&w.economy).unwrap_or("WS"),
            w.year.rem_euclid(100)
        );
        let claims = Claims {
            id: new_id(&tag),
            name: profile.display_name.clone(),
            workshop: w.id.clone(),
            date: Date::at(completed_at, w.utc_offset_min).iso(),
            score: eval.score.unwrap_or(100),
            issuer: signing::fingerprint(&key.verifying_key()),
        };
        let stored = StoredCertificate {
            id: claims.id.clone(),
            profile_id: profile.id.clone(),
            workshop_id: w.id.clone(),
            payload: signing::sign(&key, &claims),
            issued_at_ms: now_ms,
        };
        self.db.insert_certificate(&stored)?;
        Ok(Issued::Certificate(stored, claims))
    }

    /// The certificate of a learner's own workshop; refused while anything is missing.
    fn issue_enrolled(
        &self,
        profile_id: &str,
        now_ms: i64,
    ) -> Result<(Profile, Workshop, StoredCertificate, Claims)> {
        let profile = self.profile(profile_id)?;
        let w = self
            .enrolled_workshop(profile_id)?
            .ok_or(CoreError::NotEligible)?;
        match self.issue(&profile, &w, now_ms)? {
            Issued::Certificate(cert, claims) => Ok((profile, w, cert, claims)),
            Issued::Missing(_) => Err(CoreError::NotEligible),
        }
    }

    /// Everything a certificate prints, in the learner's language with an English line.
    fn prepare(
        &self,
        profile: &Profile,
        cert: &StoredCertificate,
        claims: &Claims,
        w: &Workshop,
    ) -> Prepared {
        let locale = profile.locale;
        let t = texts(locale);
        let en = texts(Locale::En);
        let economy = economy_name(&w.economy, locale);
        let date = dates::parse_iso(&claims.date)
            .map(|d| dates::format(d, locale, w.calendar))
            .unwrap_or_else(|| claims.date.clone());
        let mut place = vec![economy.clone()];
        if !w.details.city.is_empty() {
            place.push(w.details.city.clone());
        }
        place.push(w.year.to_string());
        let fingerprint = signing::grouped(&claims.issuer);
        let doc = CertificateDoc {
            locale,
            heading: t.heading.to_string(),
            heading_en: en.heading.to_string(),
            presented_to: t.presented_to.to_string(),
            name: claims.name.clone(),
            achievement: t.achievement.to_string(),
            achievement_en: format!("{}, {} {}", en.achievement, w.economy, w.year),
            workshop_line: place.join(" · "),
            details: vec![
                (t.date.to_string(), date),
                (t.id.to_string(), claims.id.clone()),
                (t.score.to_string(), format!("{}%", claims.score)),
            ],
            modules_heading: t.modules.to_string(),
            modules: crate::workshops::completion::required_module_ids(&self.pack, &w.rule)
                .iter()
                .map(|id| self.module_ref(id, locale).title)
                .collect(),
            verify_hint: t.verify_hint.to_string(),
            payload: cert.payload.clone(),
            title: format!("{} — {}", t.heading, claims.name),
            issuer_fingerprint: fingerprint,
            issuer_label: t.issuer.to_string(),
        };
        Prepared {
            doc,
            info: CertificateInfo {
                id: cert.id.clone(),
                issued_at_ms: cert.issued_at_ms,
                file_name: file_name(&cert.id, &claims.name),
            },
            name: claims.name.clone(),
        }
    }

    /// The learner's certificate as PDF bytes (issuing it if this is the first time).
    pub fn certificate_pdf(
        &self,
        profile_id: &str,
        now_ms: i64,
    ) -> Result<(CertificateInfo, Vec<u8>)> {
        let (profile, w, cert, claims) = self.issue_enrolled(profile_id, now_ms)?;
        let p = self.prepare(&profile, &cert, &claims, &w);
        let bytes = render(&p.doc)?;
        Ok((p.info, bytes))
    }

    /// Issues the learner's certificate if need be and gives the file name to offer for it.
    pub fn certificate_file_name(&self, profile_id: &str, now_ms: i64) -> Result<String> {
        let (_, _, _, claims) = self.issue_enrolled(profile_id, now_ms)?;
        Ok(file_name(&claims.id, &claims.name))
    }

    /// Writes the learner's certificate to `path`, whole or not at all.
    pub fn save_certificate(
        &self,
        profile_id: &str,
        path: &Path,
        now_ms: i64,
    ) -> Result<CertificateInfo> {
        let (info, bytes) = self.certificate_pdf(profile_id, now_ms)?;
        write_atomically(path, &bytes).map_err(|e| unwritable(path, e))?;
        Ok(info)
    }

    /// Writes the certificate of every eligible learner of a workshop into `folder`, reporting
    /// progress after each file, and says whom it skipped and why (in `locale`). Rendering
    /// runs on every core; each file is written atomically.
    pub fn issue_batch(
        &self,
        workshop_id: &str,
        folder: &Path,
        locale: Locale,
        now_ms: i64,
        on_progress: &mut dyn FnMut(BatchProgress),
    ) -> Result<BatchSummary> {
        let w = self.workshop(workshop_id)?;
        if !folder.is_dir() {
            return Err(unwritable(
                folder,
                std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"),
            ));
        }
        // Decide and record every certificate in one transaction, then draw and write them.
        let (prepared, skipped) = self.db.in_transaction(|| {
            let mut prepared = Vec::new();
            let mut skipped = Vec::new();
            for id in self.db.enrolled(workshop_id)? {
                let profile = self.profile(&id)?;
                match self.issue(&profile, &w, now_ms)? {
                    Issued::Certificate(cert, claims) => {
                        prepared.push(self.prepare(&profile, &cert, &claims, &w));
                    }
                    Issued::Missing(eval) => skipped.push(BatchSkipped {
                        name: profile.display_name,
                        missing_modules: eval
                            .modules
                            .iter()
                            .filter(|m| !m.met)
                            .map(|m| self.module_ref(&m.module_id, locale).title)
                            .collect(),
                        missing_assessment: matches!(eval.assessment, Some(None)),
                    }),
                }
            }
            Ok((prepared, skipped))
        })?;
        let total = prepared.len() as u32;
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        // Twice as many workers as cores: while some wait for the disk to confirm a file,
        // the others keep drawing.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let workers = (2 * cores).min(prepared.len().max(1));
        let (tx, rx) = mpsc::channel::<Result<usize>>();
        let mut written = Vec::new();
        let mut failure = None;
        std::thread::scope(|s| {
            for _ in 0..workers {
                let tx = tx.clone();
                let (next, failed, prepared) = (&next, &failed, &prepared);
                s.spawn(move || {
                    // Stop taking new work once a file could not be written.
                    while !failed.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(p) = prepared.get(i) else { break };
                        let path = folder.join(&p.info.file_name);
                        let done = render(&p.doc).and_then(|bytes| {
                            write_atomically(&path, &bytes).map_err(|e| unwritable(&path, e))
                        });
                        if done.is_err() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        if tx.send(done.map(|()| i)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            for r in rx {
                match r {
                    Ok(i) => {
                        let p = &prepared[i];
                        written.push(i);
                        on_progress(BatchProgress {
                            done: written.len() as u32,
                            total,
                            name: p.name.clone(),
                        });
                    }
                    Err(e) => {
                        failure.get_or_insert(e);
                    }
                }
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        written.sort_unstable();
        Ok(BatchSummary {
            folder: folder.display().to_string(),
            written: written
                .into_iter()
                .map(|i| BatchWritten {
                    name: prepared[i].name.clone(),
                    certificate_id: prepared[i].info.id.clone(),
                    file_name: prepared[i].info.file_name.clone(),
                })
                .collect(),
            skipped,
        })
    }

    /// Checks a certificate given as a PDF's bytes or as the payload text (what the QR code
    /// holds), against this installation's key and the trusted issuers.
    pub fn verify(&self, input: &[u8], locale: Locale) -> Result<VerifyReport> {
        // The payload sits in a PDF's metadata, or is the whole text (what the QR code
        // holds); a line end after the text lets it be found like one inside a file.
        let payload = if input.starts_with(b"%PDF") {
            find_payload(input)
        } else {
            find_payload(&[input, b"\n"].concat())
        };
        let mut report = VerifyReport {
            verdict: Verdict::NotACertificate,
            claims: None,
            issuer_label: None,
            issuer_is_self: false,
            economy_name: None,
            completed_on: None,
            issuer_fingerprint: None,
        };
        let Some(parsed) = payload.as_deref().and_then(signing::parse) else {
            return Ok(report);
        };
        if let Some(w) = self.db.workshop(&parsed.claims.workshop)? {
            report.economy_name = Some(economy_name(&w.economy, locale));
            report.completed_on =
                dates::parse_iso(&parsed.claims.date).map(|d| dates::format(d, locale, w.calendar));
        }
        report.issuer_fingerprint = Some(signing::grouped(&parsed.claims.issuer));
        let issuer = &parsed.claims.issuer;
        let own = self
            .db
            .issuer_key()?
            .and_then(|(_, public)| VerifyingKey::from_bytes(&public).ok())
            .filter(|k| &signing::fingerprint(k) == issuer);
        let key = match own {
            Some(k) => {
                report.issuer_is_self = true;
                Some(k)
            }
            None => match self
                .db
                .trusted_issuers()?
                .into_iter()
                .find(|t| &t.fingerprint == issuer)
            {
                Some(t) => {
                    report.issuer_label = Some(t.label);
                    VerifyingKey::from_bytes(&t.public).ok()
                }
                None => None,
            },
        };
        report.verdict = match key {
            None => Verdict::UnknownIssuer,
            Some(k) if parsed.signed_by(&k) => Verdict::Valid,
            Some(_) => Verdict::Tampered,
        };
        report.claims = Some(parsed.claims);
        Ok(report)
    }

    /// [`Sdr::verify`] on a file.
    pub fn verify_file(&self, path: &Path, locale: Locale) -> Result<VerifyReport> {
        self.verify(&read_at_most(path, MAX_VERIFY_FILE)?, locale)
    }
}

/// The first `limit` bytes of a file the user chose.
fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit).read_to_end(&mut bytes))
        .map_err(|e| CoreError::FileUnreadable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    Ok(bytes)
}

fn render(doc: &CertificateDoc) -> Result<Vec<u8>> {
    pdf::render(doc)
        .map_err(|e| CoreError::InvalidInput(format!("the certificate could not be drawn: {e}")))
}

fn unwritable(path: &Path, e: std::io::Error) -> CoreError {
    CoreError::FileUnwritable {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}
