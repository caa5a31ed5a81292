//! SQL of workshops, enrolments, the issuer key, trusted issuers and issued certificates.

use rusqlite::{Row, params};

use super::Db;
use crate::error::{CoreError, Result};
use crate::locale::Locale;
use crate::workshops::{
    Calendar, CompletionRule, DetailsVersion, RequiredModules, Workshop, WorkshopDetails,
};

/// A certificate as recorded when it was issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredCertificate {
    pub id: String,
    pub profile_id: String,
    pub workshop_id: String,
    pub payload: String,
    pub issued_at_ms: i64,
}

/// A trusted issuer's key.
#[derive(Debug, Clone)]
pub(crate) struct StoredIssuer {
    pub fingerprint: String,
    pub public: [u8; 32],
    pub label: String,
    pub imported_at_ms: i64,
}

/// A workshop with its trainer-entered details from its latest edit (highest `seq`, then latest
/// time, then highest id: the same answer on every laptop, whatever order edits arrived in).
const WORKSHOP_SELECT: &str =
    "SELECT w.id, w.economy, w.year, w.locales, w.default_locale, w.calendar,
    w.utc_offset_min, w.required_modules, w.pass_mark, w.assessment_required,
    coalesce(e.city, ''), coalesce(e.host, ''), coalesce(e.start_date, ''), coalesce(e.end_date, '')
    FROM workshops w
    LEFT JOIN workshop_edits e ON e.id = (
        SELECT x.id FROM workshop_edits x WHERE x.workshop_id = w.id
        ORDER BY x.seq DESC, x.at_ms DESC, x.id DESC LIMIT 1)";

fn workshop_row(r: &Row<'_>) -> rusqlite::Result<Workshop> {
    let locales: String = r.get(3)?;
    let default_locale: String = r.get(4)?;
    let calendar: String = r.get(5)?;
    let required: String = r.get(7)?;
    Ok(Workshop {
        id: r.get(0)?,
        economy: r.get(1)?,
        year: r.get(2)?,
        locales: locales.split(',').filter_map(Locale::from_code).collect(),
        default_locale: Locale::from_code(&default_locale).unwrap_or(Locale::FALLBACK),
        calendar: Calendar::from_code(&calendar).unwrap_or(Calendar::Gregorian),
        utc_offset_min: r.get(6)?,
        rule: CompletionRule {
            modules: RequiredModules::decode(&required),
            pass_mark: r.get(8)?,
            assessment: r.get(9)?,
        },
        details: WorkshopDetails {
            city: r.get(10)?,
            host: r.get(11)?,
            start_date: r.get(12)?,
            end_date: r.get(13)?,
        },
        details_disagreement: Vec::new(),
    })
}

impl Db {
    /// Inserts new seed workshops and refreshes the seed-owned columns of known ones, in one
    /// transaction. The trainer-owned columns are never written here, and a row whose seed
    /// columns already match is not written at all.
    pub(crate) fn load_workshop_seeds(&self, seeds: &[Workshop]) -> Result<usize> {
        self.in_transaction(|| {
            let mut changed = 0;
            for w in seeds {
                let locales: Vec<&str> = w.locales.iter().map(|l| l.code()).collect();
                changed += self.exec(
                    "INSERT INTO workshops (id, economy, year, locales, default_locale, calendar, utc_offset_min, required_modules, pass_mark, assessment_required)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                     ON CONFLICT (id) DO UPDATE SET
                        economy = excluded.economy, year = excluded.year, locales = excluded.locales,
                        default_locale = excluded.default_locale, calendar = excluded.calendar,
                        utc_offset_min = excluded.utc_offset_min, required_modules = excluded.required_modules,
                        pass_mark = excluded.pass_mark, assessment_required = excluded.assessment_required
                     WHERE (economy, year, locales, default_locale, calendar, utc_offset_min, required_modules, pass_mark, assessment_required)
                        IS NOT (excluded.economy, excluded.year, excluded.locales, excluded.default_locale, excluded.calendar,
                                excluded.utc_offset_min, excluded.required_modules, excluded.pass_mark, excluded.assessment_required)",
                    params![
                        w.id,
                        w.economy,
                        w.year,
                        locales.join(","),
                        w.default_locale.code(),
                        w.calendar.code(),
                        w.utc_offset_min,
                        w.rule.modules.encode(),
                        w.rule.pass_mark,
                        w.rule.assessment,
                    ],
                )?;
            }
            Ok(changed)
        })
    }

    pub(crate) fn workshops(&self) -> Result<Vec<Workshop>> {
        let mut all = self.rows(
            &format!("{WORKSHOP_SELECT} ORDER BY w.year, w.economy"),
            [],
            workshop_row,
        )?;
        for w in &mut all {
            w.details_disagreement = self.details_disagreement(&w.id)?;
        }
        Ok(all)
    }

    pub(crate) fn workshop(&self, id: &str) -> Result<Option<Workshop>> {
        let Some(mut w) = self.row(
            &format!("{WORKSHOP_SELECT} WHERE w.id = ?1"),
            [id],
            workshop_row,
        )?
        else {
            return Ok(None);
        };
        w.details_disagreement = self.details_disagreement(id)?;
        Ok(Some(w))
    }

    /// The versions of a workshop's details that were entered without seeing each other (the
    /// edits of the highest `seq`), one per distinct value, latest first; empty when there is
    /// only one.
    fn details_disagreement(&self, id: &str) -> Result<Vec<DetailsVersion>> {
        let heads = self.rows(
            "SELECT city, host, start_date, end_date, origin, at_ms FROM workshop_edits
             WHERE workshop_id = ?1 AND seq = (SELECT max(seq) FROM workshop_edits WHERE workshop_id = ?1)
             ORDER BY at_ms DESC, id DESC",
            [id],
            |r| {
                Ok(DetailsVersion {
                    details: WorkshopDetails {
                        city: r.get(0)?,
                        host: r.get(1)?,
                        start_date: r.get(2)?,
                        end_date: r.get(3)?,
                    },
                    origin: r.get(4)?,
                    at_ms: r.get(5)?,
                })
            },
        )?;
        let mut versions: Vec<DetailsVersion> = Vec::new();
        for h in heads {
            if !versions.iter().any(|v| v.details == h.details) {
                versions.push(h);
            }
        }
        if versions.len() < 2 {
            versions.clear();
        }
        Ok(versions)
    }

    /// Records a trainer's details of a workshop as a new edit (see [`Db::edit_profile`] for
    /// `seq`).
    pub(crate) fn set_workshop_details(
        &self,
        edit_id: &str,
        id: &str,
        d: &WorkshopDetails,
        now_ms: i64,
        origin: &str,
    ) -> Result<()> {
        let n = self.exec(
            "INSERT INTO workshop_edits (id, workshop_id, city, host, start_date, end_date, seq, at_ms, origin)
             SELECT ?1, w.id, ?3, ?4, ?5, ?6,
                    1 + coalesce((SELECT max(seq) FROM workshop_edits WHERE workshop_id = w.id), 0), ?7, ?8
             FROM workshops w WHERE w.id = ?2",
            params![
                edit_id,
                id,
                d.city,
                d.host,
                d.start_date,
                d.end_date,
                now_ms,
                origin
            ],
        )?;
        if n == 0 {
            return Err(CoreError::NotFound {
                what: "workshop",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    pub(crate) fn enrol(
        &self,
        id: &str,
        profile_id: &str,
        workshop_id: &str,
        now_ms: i64,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO enrolments (id, profile_id, workshop_id, at_ms) VALUES (?1, ?2, ?3, ?4)",
            params![id, profile_id, workshop_id, now_ms],
        )?;
        Ok(())
    }

    /// The workshop a learner belongs to now (their latest enrolment).
    pub(crate) fn enrolment(&self, profile_id: &str) -> Result<Option<String>> {
        self.row(
            "SELECT workshop_id FROM enrolments WHERE profile_id = ?1 ORDER BY at_ms DESC, rowid DESC LIMIT 1",
            [profile_id],
            |r| r.get(0),
        )
    }

    /// The learners whose latest enrolment is `workshop_id`, by name.
    pub(crate) fn enrolled(&self, workshop_id: &str) -> Result<Vec<String>> {
        self.rows(
            "SELECT p.id FROM profiles p
             JOIN enrolments e ON e.profile_id = p.id
             WHERE e.rowid = (SELECT e2.rowid FROM enrolments e2 WHERE e2.profile_id = p.id
                              ORDER BY e2.at_ms DESC, e2.rowid DESC LIMIT 1)
               AND e.workshop_id = ?1
             ORDER BY p.display_name",
            [workshop_id],
            |r| r.get(0),
        )
    }

    /// This installation's key (secret, public), if it has one yet.
    pub(crate) fn issuer_key(&self) -> Result<Option<([u8; 32], [u8; 32])>> {
        self.row(
            "SELECT secret, public FROM issuer_key WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Stores the key unless one exists already (then the stored one wins).
    pub(crate) fn insert_issuer_key(
        &self,
        secret: &[u8; 32],
        public: &[u8; 32],
        now_ms: i64,
    ) -> Result<()> {
        self.exec(
            "INSERT OR IGNORE INTO issuer_key (id, secret, public, created_at_ms) VALUES (1, ?1, ?2, ?3)",
            params![secret, public, now_ms],
        )?;
        Ok(())
    }

    pub(crate) fn trusted_issuers(&self) -> Result<Vec<StoredIssuer>> {
        self.rows(
            "SELECT fingerprint, public, label, imported_at_ms FROM trusted_issuers ORDER BY imported_at_ms, fingerprint",
            [],
            |r| {
                Ok(StoredIssuer {
                    fingerprint: r.get(0)?,
                    public: r.get(1)?,
                    label: r.get(2)?,
                    imported_at_ms: r.get(3)?,
                })
            },
        )
    }

    /// Adds or renames a trusted issuer.
    pub(crate) fn upsert_trusted_issuer(&self, i: &StoredIssuer) -> Result<()> {
        self.exec(
            "INSERT INTO trusted_issuers (fingerprint, public, label, imported_at_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (fingerprint) DO UPDATE SET label = excluded.label",
            params![i.fingerprint, i.public, i.label, i.imported_at_ms],
        )?;
        Ok(())
    }

    /// The first certificate a learner was issued for a workshop (on any laptop: imported
    /// results can bring several, and all are kept).
    pub(crate) fn certificate_for(
        &self,
        profile_id: &str,
        workshop_id: &str,
    ) -> Result<Option<StoredCertificate>> {
        self.row(
            "SELECT id, profile_id, workshop_id, payload, issued_at_ms FROM certificates
             WHERE profile_id = ?1 AND workshop_id = ?2 ORDER BY issued_at_ms, id LIMIT 1",
            [profile_id, workshop_id],
            |r| {
                Ok(StoredCertificate {
                    id: r.get(0)?,
                    profile_id: r.get(1)?,
                    workshop_id: r.get(2)?,
                    payload: r.get(3)?,
                    issued_at_ms: r.get(4)?,
                })
            },
        )
    }

    /// Every certificate a learner holds, first issued first.
    pub(crate) fn certificate_ids(&self, profile_id: &str) -> Result<Vec<String>> {
        self.rows(
            "SELECT id FROM certificates WHERE profile_id = ?1 ORDER BY issued_at_ms, id",
            [profile_id],
            |r| r.get(0),
        )
    }

    pub(crate) fn insert_certificate(&self, c: &StoredCertificate) -> Result<()> {
        self.exec(
            "INSERT INTO certificates (id, profile_id, workshop_id, payload, issued_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![c.id, c.profile_id, c.workshop_id, c.payload, c.issued_at_ms],
        )?;
        Ok(())
    }
}
