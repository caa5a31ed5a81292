//! The organizer's programme on the facade: creating the programme key (on the organizer's
//! laptop), its public text for trainers, trusting a programme (on trainer laptops),
//! endorsing a laptop's issuer key and accepting an endorsement, and what the rest of the
//! facade asks of them: whom to encrypt results for, which identities decrypt them, and
//! whether an endorsement makes an unknown laptop trusted. The format is
//! `exchange::programme`.

use std::path::Path;

use ed25519_dalek::{SigningKey, VerifyingKey};

use super::Sdr;
use crate::error::{CoreError, Result};
use crate::exchange::programme::{Endorsement, MAX_PROGRAMME_NAME_CHARS, ProgrammePublic};
use crate::learning::single_line;
use crate::storage::{StoredEndorsement, StoredProgramme};
use crate::views::{EndorsementView, ProgrammeStatus, ProgrammeView, TrustedProgramme};
use crate::{files, keys};

fn bad(message: &str) -> CoreError {
    CoreError::BadProgramme(message.to_string())
}

impl Sdr {
    /// Makes this laptop the organizer's: creates the programme key, once.
    pub fn create_programme(&self, name: &str, now_ms: i64) -> Result<ProgrammeView> {
        let name = single_line(name, "the programme name", MAX_PROGRAMME_NAME_CHARS)?;
        if self.db.programme_key()?.is_some() {
            return Err(CoreError::InvalidInput(
                "this laptop already has a programme key; it is never replaced".into(),
            ));
        }
        let signing = keys::generate_key().map_err(CoreError::Internal)?;
        let identity = age::x25519::Identity::generate();
        let secret = age::secrecy::ExposeSecret::expose_secret(&identity.to_string()).to_string();
        self.db
            .insert_programme_key(&name, &signing.to_bytes(), &secret, now_ms)?;
        self.programme()?
            .ok_or_else(|| CoreError::Internal("the programme key was not stored".into()))
    }

    /// This laptop's own programme (on the organizer's laptop), if it has one.
    pub fn programme(&self) -> Result<Option<ProgrammeView>> {
        Ok(self.own_programme()?.map(|(public, _, _)| ProgrammeView {
            name: public.name.clone(),
            fingerprint: keys::grouped(&public.fingerprint()),
            public_text: public.to_text(),
        }))
    }

    /// This laptop's programme, the programmes it trusts and its endorsement.
    pub fn programme_status(&self, now_ms: i64) -> Result<ProgrammeStatus> {
        Ok(ProgrammeStatus {
            own: self.programme()?,
            trusted: self.trusted_programmes()?,
            endorsement: self.own_endorsement(now_ms)?,
        })
    }

    /// The file name to offer for the programme's public key.
    pub fn programme_file_name(&self) -> Result<String> {
        let view = self
            .programme()?
            .ok_or_else(|| bad("this laptop has no programme key"))?;
        Ok(format!(
            "programme-{}.txt",
            view.fingerprint.replace(' ', "").get(..8).unwrap_or("key")
        ))
    }

    /// Writes the programme's public text to `path`, for trainers.
    pub fn export_programme_key(&self, path: &Path) -> Result<ProgrammeView> {
        let view = self
            .programme()?
            .ok_or_else(|| bad("this laptop has no programme key"))?;
        let text = format!(
            "{}\n# SME Digital Resilience programme key: {}, fingerprint {}\n",
            view.public_text, view.name, view.fingerprint
        );
        files::write_atomically(path, text.as_bytes())?;
        Ok(view)
    }

    /// The programme text or endorsement text held in a small file someone handed over.
    pub fn read_programme_file(&self, path: &Path) -> Result<String> {
        let bytes = files::read_untrusted(path, files::KEY_FILE)?;
        Ok(String::from_utf8_lossy(&bytes)
            .lines()
            .find(|l| l.starts_with("SDRORG1.") || l.starts_with("SDREND1."))
            .unwrap_or_default()
            .to_string())
    }

    /// Trusts an organizer's programme: results files exported here are then encrypted for
    /// it, and laptops it endorsed are trusted.
    pub fn trust_programme(&self, text: &str, now_ms: i64) -> Result<TrustedProgramme> {
        let public = ProgrammePublic::parse(text)
            .ok_or_else(|| bad("this is not a programme key from SME Digital Resilience"))?;
        let stored = StoredProgramme {
            fingerprint: public.fingerprint(),
            name: public.name.clone(),
            public: *public.signing.as_bytes(),
            age_recipient: public.recipient.clone(),
            imported_at_ms: now_ms,
        };
        self.db.upsert_programme(&stored)?;
        Ok(TrustedProgramme {
            name: stored.name,
            fingerprint: keys::grouped(&stored.fingerprint),
            imported_at_ms: now_ms,
        })
    }

    pub fn trusted_programmes(&self) -> Result<Vec<TrustedProgramme>> {
        Ok(self
            .db
            .programmes()?
            .into_iter()
            .map(|p| TrustedProgramme {
                name: p.name,
                fingerprint: keys::grouped(&p.fingerprint),
                imported_at_ms: p.imported_at_ms,
            })
            .collect())
    }

    /// On the organizer's laptop: endorses a laptop's exported issuer key (`SDRKEY1.…`) under
    /// the name `laptop`.
    pub fn endorse_laptop(
        &self,
        key_text: &str,
        laptop: &str,
        now_ms: i64,
    ) -> Result<EndorsementView> {
        let (public, signing, _) = self.own_programme()?.ok_or_else(|| {
            bad("only the organizer's laptop, which holds the programme key, can endorse")
        })?;
        let laptop_key = keys::import_key(key_text).ok_or(CoreError::BadKey)?;
        let laptop = single_line(laptop, "the laptop name", MAX_PROGRAMME_NAME_CHARS)?;
        let text = Endorsement::sign(&signing, &public.name, &laptop_key, &laptop, now_ms);
        Ok(EndorsementView {
            laptop,
            programme: public.name,
            file_name: format!("endorsement-{}.txt", &keys::fingerprint(&laptop_key)[..8]),
            text,
        })
    }

    /// Writes an endorsement to `path`, to carry back to the laptop.
    pub fn save_endorsement(&self, text: &str, path: &Path) -> Result<()> {
        files::write_atomically(path, format!("{}\n", text.trim()).as_bytes())
    }

    /// On a trainer laptop: keeps the organizer's endorsement of this laptop's key. It must be
    /// for this laptop and signed by a programme this laptop trusts.
    pub fn accept_endorsement(&self, text: &str, now_ms: i64) -> Result<EndorsementView> {
        let e = Endorsement::parse(text)
            .ok_or_else(|| bad("this is not an endorsement from SME Digital Resilience"))?;
        let own = self.signing_key(now_ms)?.verifying_key();
        if e.laptop_key != own {
            return Err(bad("this endorsement is for another laptop's key"));
        }
        if self.check_endorsement(text, &own, now_ms)?.is_none() {
            return Err(bad(
                "this endorsement is not signed by a programme this laptop trusts; trust the organizer's programme key first",
            ));
        }
        Ok(EndorsementView {
            text: e.text().to_string(),
            laptop: e.claims.laptop,
            programme: e.claims.programme_name,
            file_name: String::new(),
        })
    }

    /// This laptop's endorsement, the latest from a programme it still trusts.
    pub fn own_endorsement(&self, now_ms: i64) -> Result<Option<EndorsementView>> {
        let own = keys::fingerprint(&self.signing_key(now_ms)?.verifying_key());
        Ok(self
            .kept_endorsement(&own)?
            .and_then(|(e, _)| Endorsement::parse(&e.text))
            .map(|e| EndorsementView {
                text: e.text().to_string(),
                laptop: e.claims.laptop,
                programme: e.claims.programme_name,
                file_name: String::new(),
            }))
    }

    /// If `text` is an endorsement of `laptop_key` signed by a programme this laptop trusts,
    /// keeps it and gives the name to show ("Bangkok 1 (APEC …)").
    pub(crate) fn check_endorsement(
        &self,
        text: &str,
        laptop_key: &VerifyingKey,
        now_ms: i64,
    ) -> Result<Option<String>> {
        let Some((e, programme, name)) = self.trusted_endorsement(text)? else {
            return Ok(None);
        };
        if e.laptop_key != *laptop_key {
            return Ok(None);
        }
        self.db.store_endorsement(
            &StoredEndorsement {
                laptop_fingerprint: keys::fingerprint(laptop_key),
                programme_fingerprint: programme,
                laptop_public: *laptop_key.as_bytes(),
                laptop_label: e.claims.laptop.clone(),
                text: e.text().to_string(),
            },
            now_ms,
        )?;
        Ok(Some(endorsed_label(&e.claims.laptop, &name)))
    }

    /// The laptop key an endorsement vouches for and the name to show, when a programme this
    /// laptop trusts signed it (nothing is stored: for checking a certificate).
    pub(crate) fn endorsed_key(&self, text: &str) -> Result<Option<(VerifyingKey, String)>> {
        Ok(self
            .trusted_endorsement(text)?
            .map(|(e, _, name)| (e.laptop_key, endorsed_label(&e.claims.laptop, &name))))
    }

    /// An endorsement, the fingerprint and name of the trusted programme that signed it.
    fn trusted_endorsement(&self, text: &str) -> Result<Option<(Endorsement, String, String)>> {
        let Some(e) = Endorsement::parse(text) else {
            return Ok(None);
        };
        Ok(self
            .programme_keys()?
            .into_iter()
            .find(|(_, _, key)| e.signed_by(key))
            .map(|(fp, name, _)| (e, fp, name)))
    }

    /// A laptop key endorsed by a programme this laptop trusts, from the endorsements kept.
    pub(crate) fn endorsed_issuer(
        &self,
        fingerprint: &str,
    ) -> Result<Option<(VerifyingKey, String)>> {
        Ok(self
            .kept_endorsement(fingerprint)?
            .and_then(|(e, programme)| {
                VerifyingKey::from_bytes(&e.laptop_public)
                    .ok()
                    .map(|key| (key, endorsed_label(&e.laptop_label, &programme)))
            }))
    }

    /// The endorsement text kept for the laptop key with this fingerprint, from a programme
    /// trusted here (or this laptop's own programme).
    pub(crate) fn endorsement_text(&self, fingerprint: &str) -> Result<Option<String>> {
        Ok(self.kept_endorsement(fingerprint)?.map(|(e, _)| e.text))
    }

    /// The latest endorsement kept for a laptop key whose programme is still trusted here,
    /// with that programme's name: the one lookup behind the three above.
    fn kept_endorsement(&self, fingerprint: &str) -> Result<Option<(StoredEndorsement, String)>> {
        let programmes = self.programme_keys()?;
        Ok(self
            .db
            .endorsements_of(fingerprint)?
            .into_iter()
            .find_map(|e| {
                let (_, name, _) = programmes
                    .iter()
                    .find(|(fp, _, _)| *fp == e.programme_fingerprint)?;
                let name = name.clone();
                Some((e, name))
            }))
    }

    /// Whom results files are encrypted for: every programme this laptop trusts, and its own.
    /// Each with the programme's name, to tell the person whom the file is for.
    pub(crate) fn results_recipients(&self) -> Result<Vec<(String, age::x25519::Recipient)>> {
        let mut out: Vec<(String, age::x25519::Recipient)> = self
            .db
            .programmes()?
            .into_iter()
            .filter_map(|p| p.age_recipient.parse().ok().map(|r| (p.name, r)))
            .collect();
        if let Some((public, _, _)) = self.own_programme()?
            && let Some(r) = public.age_recipient()
        {
            out.push((public.name, r));
        }
        Ok(out)
    }

    /// The identities that decrypt results files here: the organizer's programme key.
    pub(crate) fn results_identities(&self) -> Result<Vec<age::x25519::Identity>> {
        Ok(self
            .own_programme()?
            .map(|(_, _, identity)| vec![identity])
            .unwrap_or_default())
    }

    /// Every programme whose endorsements count here: (fingerprint, name, key).
    fn programme_keys(&self) -> Result<Vec<(String, String, VerifyingKey)>> {
        let mut out: Vec<(String, String, VerifyingKey)> = self
            .db
            .programmes()?
            .into_iter()
            .filter_map(|p| {
                VerifyingKey::from_bytes(&p.public)
                    .ok()
                    .map(|k| (p.fingerprint, p.name, k))
            })
            .collect();
        if let Some((public, _, _)) = self.own_programme()? {
            out.push((public.fingerprint(), public.name.clone(), public.signing));
        }
        Ok(out)
    }

    fn own_programme(
        &self,
    ) -> Result<Option<(ProgrammePublic, SigningKey, age::x25519::Identity)>> {
        let Some(stored) = self.db.programme_key()? else {
            return Ok(None);
        };
        let signing = SigningKey::from_bytes(&stored.secret);
        let identity: age::x25519::Identity = stored
            .age_identity
            .parse()
            .map_err(|_| CoreError::Internal("the stored programme key is damaged".into()))?;
        let public = ProgrammePublic {
            name: stored.name,
            signing: signing.verifying_key(),
            recipient: identity.to_public().to_string(),
        };
        Ok(Some((public, signing, identity)))
    }
}

fn endorsed_label(laptop: &str, programme: &str) -> String {
    format!("{laptop} ({programme})")
}
