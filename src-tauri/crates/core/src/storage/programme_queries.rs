//! SQL of the organizer's programme key, the programmes a laptop trusts, and the endorsements
//! it has checked.

use rusqlite::params;

use super::Db;
use crate::error::Result;

/// The organizer's own programme key.
pub(crate) struct StoredProgrammeKey {
    pub name: String,
    pub secret: [u8; 32],
    pub age_identity: String,
}

/// A programme this laptop trusts.
#[derive(Debug, Clone)]
pub(crate) struct StoredProgramme {
    pub fingerprint: String,
    pub name: String,
    pub public: [u8; 32],
    pub age_recipient: String,
    pub imported_at_ms: i64,
}

/// An endorsement this laptop has checked.
#[derive(Debug, Clone)]
pub(crate) struct StoredEndorsement {
    pub laptop_fingerprint: String,
    pub programme_fingerprint: String,
    pub laptop_public: [u8; 32],
    pub laptop_label: String,
    pub text: String,
}

impl Db {
    pub(crate) fn programme_key(&self) -> Result<Option<StoredProgrammeKey>> {
        self.row(
            "SELECT name, secret, age_identity FROM programme_key WHERE id = 1",
            [],
            |r| {
                Ok(StoredProgrammeKey {
                    name: r.get(0)?,
                    secret: r.get(1)?,
                    age_identity: r.get(2)?,
                })
            },
        )
    }

    /// Stores the programme key unless there is one (then the stored one stays).
    pub(crate) fn insert_programme_key(
        &self,
        name: &str,
        secret: &[u8; 32],
        age_identity: &str,
        now_ms: i64,
    ) -> Result<bool> {
        Ok(self.exec(
            "INSERT OR IGNORE INTO programme_key (id, name, secret, age_identity, created_at_ms) VALUES (1, ?1, ?2, ?3, ?4)",
            params![name, secret, age_identity, now_ms],
        )? == 1)
    }

    pub(crate) fn programmes(&self) -> Result<Vec<StoredProgramme>> {
        self.rows(
            "SELECT fingerprint, name, public, age_recipient, imported_at_ms FROM programmes ORDER BY imported_at_ms, fingerprint",
            [],
            |r| {
                Ok(StoredProgramme {
                    fingerprint: r.get(0)?,
                    name: r.get(1)?,
                    public: r.get(2)?,
                    age_recipient: r.get(3)?,
                    imported_at_ms: r.get(4)?,
                })
            },
        )
    }

    /// Trusts a programme (or renames it).
    pub(crate) fn upsert_programme(&self, p: &StoredProgramme) -> Result<()> {
        self.exec(
            "INSERT INTO programmes (fingerprint, name, public, age_recipient, imported_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name",
            params![p.fingerprint, p.name, p.public, p.age_recipient, p.imported_at_ms],
        )?;
        Ok(())
    }

    /// Keeps a checked endorsement (the latest one for a laptop and programme).
    pub(crate) fn store_endorsement(&self, e: &StoredEndorsement, now_ms: i64) -> Result<()> {
        self.exec(
            "INSERT INTO endorsements (laptop_fingerprint, programme_fingerprint, laptop_public, laptop_label, text, stored_at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (laptop_fingerprint, programme_fingerprint) DO UPDATE SET
                laptop_label = excluded.laptop_label, text = excluded.text, stored_at_ms = excluded.stored_at_ms",
            params![
                e.laptop_fingerprint,
                e.programme_fingerprint,
                e.laptop_public,
                e.laptop_label,
                e.text,
                now_ms
            ],
        )?;
        Ok(())
    }

    /// The endorsements of one laptop key.
    pub(crate) fn endorsements_of(
        &self,
        laptop_fingerprint: &str,
    ) -> Result<Vec<StoredEndorsement>> {
        self.rows(
            "SELECT laptop_fingerprint, programme_fingerprint, laptop_public, laptop_label, text
             FROM endorsements WHERE laptop_fingerprint = ?1 ORDER BY stored_at_ms DESC",
            [laptop_fingerprint],
            |r| {
                Ok(StoredEndorsement {
                    laptop_fingerprint: r.get(0)?,
                    programme_fingerprint: r.get(1)?,
                    laptop_public: r.get(2)?,
                    laptop_label: r.get(3)?,
                    text: r.get(4)?,
                })
            },
        )
    }
}
