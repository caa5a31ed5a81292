//! Keys and trust on the facade: this installation's issuer key (made on first use), its
//! public half for others, the issuers a person chose to trust, and the one lookup every
//! verification uses ([`Sdr::known_issuer`]): certificates today, results files and content
//! packs next.

use std::path::Path;

use ed25519_dalek::{SigningKey, VerifyingKey};

use super::Sdr;
use crate::error::{CoreError, Result};
use crate::storage::StoredIssuer;
use crate::views::{IssuerKeyView, TrustedIssuer};
use crate::{files, keys};

/// The longest name a trusted issuer may be given, in characters.
const MAX_ISSUER_LABEL_CHARS: usize = 80;

/// Who holds the key behind a fingerprint, as far as this installation knows.
pub(crate) enum KnownIssuer {
    /// This installation.
    Own(VerifyingKey),
    /// An installation a person trusted under `label`.
    Trusted { key: VerifyingKey, label: String },
}

impl Sdr {
    /// This installation's signing key, created (and stored) on first use.
    pub(crate) fn signing_key(&self, now_ms: i64) -> Result<SigningKey> {
        if self.db.issuer_key()?.is_none() {
            let key = keys::generate_key().map_err(CoreError::Internal)?;
            self.db
                .insert_issuer_key(&key.to_bytes(), key.verifying_key().as_bytes(), now_ms)?;
        }
        let (secret, _) = self
            .db
            .issuer_key()?
            .ok_or_else(|| CoreError::Internal("the issuer key was not stored".into()))?;
        Ok(SigningKey::from_bytes(&secret))
    }

    /// The key behind `fingerprint` (16 hex digits): this installation's own, a trusted
    /// issuer's, or `None` when nobody here knows it.
    pub(crate) fn known_issuer(&self, fingerprint: &str) -> Result<Option<KnownIssuer>> {
        let own = self
            .db
            .issuer_key()?
            .and_then(|(_, public)| VerifyingKey::from_bytes(&public).ok())
            .filter(|k| keys::fingerprint(k) == fingerprint);
        if let Some(k) = own {
            return Ok(Some(KnownIssuer::Own(k)));
        }
        let trusted = self
            .db
            .trusted_issuers()?
            .into_iter()
            .find(|t| t.fingerprint == fingerprint)
            .and_then(|t| {
                VerifyingKey::from_bytes(&t.public)
                    .ok()
                    .map(|key| KnownIssuer::Trusted {
                        key,
                        label: t.label,
                    })
            });
        if trusted.is_some() {
            return Ok(trusted);
        }
        // A laptop an organizer endorsed, for a programme trusted here.
        Ok(self
            .endorsed_issuer(fingerprint)?
            .map(|(key, label)| KnownIssuer::Trusted { key, label }))
    }

    /// This installation's public key, for organizers to import.
    pub fn issuer_key(&self, now_ms: i64) -> Result<IssuerKeyView> {
        Ok(key_view(&self.signing_key(now_ms)?.verifying_key()))
    }

    /// The file name to offer for this installation's public key.
    pub fn issuer_key_file_name(&self, now_ms: i64) -> Result<String> {
        Ok(keys::key_file_name(
            &self.signing_key(now_ms)?.verifying_key(),
        ))
    }

    /// Writes this installation's public key to `path` (a small text file to hand over).
    pub fn export_issuer_key(&self, path: &Path, now_ms: i64) -> Result<IssuerKeyView> {
        let public = self.signing_key(now_ms)?.verifying_key();
        files::write_atomically(path, keys::key_file_text(&public).as_bytes())?;
        Ok(key_view(&public))
    }

    /// Reads an issuer key from a file someone handed over; refuses anything else.
    pub fn read_issuer_key_file(&self, path: &Path) -> Result<String> {
        let bytes = files::read_untrusted(path, files::KEY_FILE)?;
        // Anything else (a binary file, a different text) is simply not a key.
        let key = keys::import_key(&String::from_utf8_lossy(&bytes)).ok_or(CoreError::BadKey)?;
        Ok(keys::export_key(&key))
    }

    pub fn trusted_issuers(&self) -> Result<Vec<TrustedIssuer>> {
        Ok(self
            .db
            .trusted_issuers()?
            .into_iter()
            .map(|i| TrustedIssuer {
                fingerprint: keys::grouped(&i.fingerprint),
                label: i.label,
                imported_at_ms: i.imported_at_ms,
            })
            .collect())
    }

    /// Trusts another installation's key (`SDRKEY1.…`, as exported), under a name the user
    /// gives. Importing a known key again only renames it.
    pub fn import_issuer(&self, key_text: &str, label: &str, now_ms: i64) -> Result<TrustedIssuer> {
        let public = keys::import_key(key_text).ok_or(CoreError::BadKey)?;
        let label: String =
            unicode_normalization::UnicodeNormalization::nfc(label.trim()).collect();
        if label.is_empty()
            || label.chars().count() > MAX_ISSUER_LABEL_CHARS
            || label.chars().any(char::is_control)
        {
            return Err(CoreError::InvalidInput(format!(
                "give the issuer a name of 1 to {MAX_ISSUER_LABEL_CHARS} characters"
            )));
        }
        let own = self.signing_key(now_ms)?.verifying_key();
        if own == public {
            return Err(CoreError::InvalidInput(
                "this is this device's own key; it is trusted already".into(),
            ));
        }
        let issuer = StoredIssuer {
            fingerprint: keys::fingerprint(&public),
            public: public.to_bytes(),
            label,
            imported_at_ms: now_ms,
        };
        self.db.upsert_trusted_issuer(&issuer)?;
        self.trusted_issuers()?
            .into_iter()
            .find(|t| t.fingerprint == keys::grouped(&issuer.fingerprint))
            .ok_or_else(|| CoreError::Internal("the issuer was not stored".into()))
    }
}

fn key_view(public: &VerifyingKey) -> IssuerKeyView {
    IssuerKeyView {
        fingerprint: keys::grouped(&keys::fingerprint(public)),
        public_key: keys::export_key(public),
    }
}
