//! Certificates on the facade: this installation's key, trusted issuers, issuing one or a
//! whole workshop's certificates, and verifying one.

use std::path::Path;

use super::Sdr;
use super::keys::KnownIssuer;
use crate::certificates::payload::{find_endorsement, find_payload, find_payload_in_text};
use crate::certificates::pdf::{self, CertificateDoc};
use crate::certificates::signing::{self, Claims};
use crate::certificates::texts::texts;
use crate::certificates::{file_name, new_id};
use crate::error::{CoreError, Result};
use crate::learning::Learner;
use crate::locale::Locale;
use crate::storage::StoredCertificate;
use crate::views::{
    BatchProgress, BatchSkipped, BatchSummary, BatchWritten, CertificateInfo, Verdict, VerifyReport,
};
use crate::workshops::Workshop;
use crate::workshops::completion::Evaluation;
use crate::workshops::dates::{self, Date};
use crate::workshops::economies::{economy_code, economy_name};
use crate::{files, keys, pool};

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
    /// The learner's certificate for their workshop: the one issued before (a certificate,
    /// once issued, stands), or a new one signed now if every requirement is met; otherwise
    /// what is still missing.
    fn issue(&self, profile: &Learner, w: &Workshop, now_ms: i64) -> Result<Issued> {
        if let Some(c) = self.db.certificate_for(&profile.id, &w.id)? {
            let claims = signing::parse(&c.payload)
                .ok_or_else(|| CoreError::Internal("a stored certificate is unreadable".into()))?
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
            id: new_id(&tag, self.new_id()),
            name: profile.display_name.clone(),
            workshop: w.id.clone(),
            date: Date::at(completed_at, w.utc_offset_min).iso(),
            score: eval.score.unwrap_or(100),
            issuer: keys::fingerprint(&key.verifying_key()),
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
    ) -> Result<(Learner, Workshop, StoredCertificate, Claims)> {
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
        profile: &Learner,
        cert: &StoredCertificate,
        claims: &Claims,
        w: &Workshop,
    ) -> Result<Prepared> {
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
        let fingerprint = keys::grouped(&claims.issuer);
        // The issuing laptop's endorsement, when an organizer gave it one: then any computer
        // that trusts the organizer's programme trusts this certificate.
        let endorsement = self.endorsement_text(&claims.issuer)?;
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
            endorsement,
        };
        Ok(Prepared {
            doc,
            info: CertificateInfo {
                id: cert.id.clone(),
                issued_at_ms: cert.issued_at_ms,
                file_name: file_name(&cert.id, &claims.name),
            },
            name: claims.name.clone(),
        })
    }

    /// The learner's certificate as PDF bytes (issuing it if this is the first time).
    pub fn certificate_pdf(
        &self,
        profile_id: &str,
        now_ms: i64,
    ) -> Result<(CertificateInfo, Vec<u8>)> {
        let (profile, w, cert, claims) = self.issue_enrolled(profile_id, now_ms)?;
        let p = self.prepare(&profile, &cert, &claims, &w)?;
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
        files::write_atomically(path, &bytes)?;
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
            return Err(CoreError::FileUnwritable {
                path: folder.to_path_buf(),
                detail: "not a folder".into(),
            });
        }
        // Decide and record every certificate in one transaction, then draw and write them.
        let (prepared, skipped) = self.db.in_transaction(|| {
            let mut prepared = Vec::new();
            let mut skipped = Vec::new();
            for id in self.db.enrolled(workshop_id)? {
                let profile = self.profile(&id)?;
                match self.issue(&profile, &w, now_ms)? {
                    Issued::Certificate(cert, claims) => {
                        prepared.push(self.prepare(&profile, &cert, &claims, &w)?);
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
        let mut count = 0;
        let written = pool::run(
            &prepared,
            |p| files::write_atomically(&folder.join(&p.info.file_name), &render(&p.doc)?),
            |i| {
                count += 1;
                on_progress(BatchProgress {
                    done: count,
                    total,
                    name: prepared[i].name.clone(),
                });
            },
        )?;
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
        // The payload sits in a PDF's metadata, or in text a person pasted (what the QR code
        // holds, perhaps broken over lines by a chat app or a PDF viewer).
        let payload = if input.starts_with(b"%PDF") {
            find_payload(input)
        } else {
            find_payload_in_text(&String::from_utf8_lossy(input))
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
        report.issuer_fingerprint = Some(keys::grouped(&parsed.claims.issuer));
        let key = match self.known_issuer(&parsed.claims.issuer)? {
            Some(KnownIssuer::Own(k)) => {
                report.issuer_is_self = true;
                Some(k)
            }
            Some(KnownIssuer::Trusted { key, label }) => {
                report.issuer_label = Some(label);
                Some(key)
            }
            // A certificate from a laptop an organizer endorsed carries the endorsement: with
            // the organizer's programme trusted here, it names its laptop's key.
            None if input.starts_with(b"%PDF") => {
                let endorsed = match find_endorsement(input) {
                    Some(text) => self
                        .endorsed_key(&text)?
                        .filter(|(key, _)| keys::fingerprint(key) == parsed.claims.issuer),
                    None => None,
                };
                endorsed.map(|(key, label)| {
                    report.issuer_label = Some(label);
                    key
                })
            }
            None => None,
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
        self.verify(&files::read_untrusted(path, files::CERTIFICATE)?, locale)
    }
}

fn render(doc: &CertificateDoc) -> Result<Vec<u8>> {
    pdf::render(doc)
        .map_err(|e| CoreError::Internal(format!("the certificate could not be drawn: {e}")))
}
