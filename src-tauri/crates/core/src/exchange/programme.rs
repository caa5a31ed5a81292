//! The organizer's programme key, and the endorsements it signs.
//!
//! An organizer makes one programme key (`sdr organizer init`): an ed25519 key that signs
//! endorsements, and an age X25519 key that results files are encrypted to. Its public half
//! travels as text, `SDRORG1.<base64url JSON>`, to every trainer laptop. Then:
//! - a laptop that trusts the programme encrypts the results files it exports for the
//!   organizer (age), so a lost USB stick reveals nothing;
//! - the organizer endorses a laptop's issuer key: `SDREND1.<claims>.<signature>`, a signed
//!   statement "this laptop issues for this programme", carried back to the laptop. Its
//!   results files and certificates carry the endorsement, and any computer that trusts the
//!   programme then trusts them, naming both the laptop and the programme.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::keys;

/// The prefix of a programme's public key text; the `1` is its version.
pub const PROGRAMME_PREFIX: &str = "SDRORG1.";
/// The prefix of an endorsement.
pub const ENDORSEMENT_PREFIX: &str = "SDREND1.";
/// What an endorsement signature is for.
const ENDORSEMENT_CONTEXT: &str = "sdr-endorsement-v1";
/// The longest endorsement text accepted.
pub const MAX_ENDORSEMENT_CHARS: usize = 1024;
/// The longest programme name, in characters.
pub const MAX_PROGRAMME_NAME_CHARS: usize = 80;

/// A programme's public half: what a laptop needs to encrypt for the organizer and to check
/// the organizer's endorsements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammePublic {
    pub name: String,
    pub signing: VerifyingKey,
    /// An age X25519 recipient (`age1…`).
    pub recipient: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicText {
    /// The programme's name.
    n: String,
    /// The ed25519 public key, base64url.
    s: String,
    /// The age recipient.
    a: String,
}

impl ProgrammePublic {
    /// The fingerprint, as for issuer keys: the first 8 bytes of SHA-256 of the signing key.
    pub fn fingerprint(&self) -> String {
        keys::fingerprint(&self.signing)
    }

    /// `SDRORG1.<base64url JSON>`: one line, to paste, send or save.
    pub fn to_text(&self) -> String {
        let json = serde_json::to_vec(&PublicText {
            n: self.name.clone(),
            s: B64.encode(self.signing.as_bytes()),
            a: self.recipient.clone(),
        })
        .unwrap_or_default();
        format!("{PROGRAMME_PREFIX}{}", B64.encode(json))
    }

    /// Reads a programme's public text (white space anywhere is ignored); `None` if it is not
    /// one.
    pub fn parse(text: &str) -> Option<ProgrammePublic> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let body = compact.strip_prefix(PROGRAMME_PREFIX)?;
        if body.len() > 2048 {
            return None;
        }
        let json = B64.decode(body).ok()?;
        let t: PublicText = serde_json::from_slice(&json).ok()?;
        let signing: [u8; 32] = B64.decode(&t.s).ok()?.try_into().ok()?;
        let signing = VerifyingKey::from_bytes(&signing).ok()?;
        t.a.parse::<age::x25519::Recipient>().ok()?;
        let name = t.n.trim().to_string();
        if name.is_empty()
            || name.chars().count() > MAX_PROGRAMME_NAME_CHARS
            || name.chars().any(char::is_control)
            || signing.is_weak()
        {
            return None;
        }
        Some(ProgrammePublic {
            name,
            signing,
            recipient: t.a,
        })
    }

    pub fn age_recipient(&self) -> Option<age::x25519::Recipient> {
        self.recipient.parse().ok()
    }
}

/// What an endorsement says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndorsementClaims {
    /// The programme's fingerprint and name.
    pub programme: String,
    pub programme_name: String,
    /// The endorsed laptop's issuer public key, base64url.
    pub laptop_key: String,
    /// The laptop's name as the organizer wrote it.
    pub laptop: String,
    pub at_ms: i64,
}

/// An endorsement read from text, not yet checked against a programme key.
#[derive(Debug, Clone)]
pub struct Endorsement {
    pub claims: EndorsementClaims,
    pub laptop_key: VerifyingKey,
    /// The claims exactly as signed: the signature is checked over these bytes, never over a
    /// re-serialisation of `claims`.
    claims_json: Vec<u8>,
    signature: Signature,
    text: String,
}

impl Endorsement {
    /// Signs "this laptop issues for this programme".
    pub fn sign(
        programme: &SigningKey,
        programme_name: &str,
        laptop_key: &VerifyingKey,
        laptop: &str,
        at_ms: i64,
    ) -> String {
        let claims = EndorsementClaims {
            programme: keys::fingerprint(&programme.verifying_key()),
            programme_name: programme_name.to_string(),
            laptop_key: B64.encode(laptop_key.as_bytes()),
            laptop: laptop.to_string(),
            at_ms,
        };
        let json = serde_json::to_vec(&claims).unwrap_or_default();
        let signature = keys::sign_message(programme, ENDORSEMENT_CONTEXT, &json);
        format!(
            "{ENDORSEMENT_PREFIX}{}.{}",
            B64.encode(&json),
            B64.encode(signature.to_bytes())
        )
    }

    /// Reads an endorsement (white space anywhere is ignored); `None` if it is not one.
    pub fn parse(text: &str) -> Option<Endorsement> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() > MAX_ENDORSEMENT_CHARS {
            return None;
        }
        let body = compact.strip_prefix(ENDORSEMENT_PREFIX)?;
        let (claims, signature) = body.split_once('.')?;
        let json = B64.decode(claims).ok()?;
        let parsed: EndorsementClaims = serde_json::from_slice(&json).ok()?;
        let key: [u8; 32] = B64.decode(&parsed.laptop_key).ok()?.try_into().ok()?;
        let laptop_key = VerifyingKey::from_bytes(&key).ok()?;
        let signature: [u8; 64] = B64.decode(signature).ok()?.try_into().ok()?;
        if parsed.laptop.chars().count() > 120 || parsed.programme_name.chars().count() > 120 {
            return None;
        }
        Some(Endorsement {
            claims: parsed,
            laptop_key,
            claims_json: json,
            signature: Signature::from_bytes(&signature),
            text: compact,
        })
    }

    /// Whether `programme` signed it.
    pub fn signed_by(&self, programme: &VerifyingKey) -> bool {
        keys::fingerprint(programme) == self.claims.programme
            && keys::verify_message(
                programme,
                ENDORSEMENT_CONTEXT,
                &self.claims_json,
                &self.signature,
            )
    }

    /// The text it travels as.
    pub fn text(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programme_key_and_an_endorsement_read_back_and_nothing_else_does() {
        let signing = keys::generate_key().unwrap();
        let age = age::x25519::Identity::generate();
        let public = ProgrammePublic {
            name: "APEC SME Digital Resilience 2018".into(),
            signing: signing.verifying_key(),
            recipient: age.to_public().to_string(),
        };
        let text = public.to_text();
        assert!(text.starts_with(PROGRAMME_PREFIX));
        // Pasted from a chat app, broken over lines.
        let broken = format!("{}\n  {}", &text[..30], &text[30..]);
        assert_eq!(ProgrammePublic::parse(&broken), Some(public.clone()));
        assert_eq!(ProgrammePublic::parse("SDRORG1.bm9wZQ"), None);
        assert_eq!(ProgrammePublic::parse("SDRKEY1.abc"), None);

        let laptop = keys::generate_key().unwrap().verifying_key();
        let e = Endorsement::sign(&signing, &public.name, &laptop, "Bangkok 1", 5);
        let read = Endorsement::parse(&e).unwrap();
        assert_eq!(read.laptop_key, laptop);
        assert_eq!(read.claims.laptop, "Bangkok 1");
        assert!(read.signed_by(&public.signing));
        let other = keys::generate_key().unwrap().verifying_key();
        assert!(!read.signed_by(&other));
        // One changed character in the claims: no longer signed.
        let mut changed = e.clone().into_bytes();
        changed[12] = if changed[12] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert!(Endorsement::parse(&changed).is_none_or(|c| !c.signed_by(&public.signing)));

        // Claims written by another tool (other key order, spaces) verify over their own bytes.
        let json = format!(
            r#"{{ "laptop": "Hà Nội 2", "at_ms": 7, "laptop_key": "{}", "programme_name": "{}", "programme": "{}" }}"#,
            B64.encode(laptop.as_bytes()),
            public.name,
            public.fingerprint()
        );
        let sig = keys::sign_message(&signing, ENDORSEMENT_CONTEXT, json.as_bytes());
        let text = format!(
            "{ENDORSEMENT_PREFIX}{}.{}",
            B64.encode(json.as_bytes()),
            B64.encode(sig.to_bytes())
        );
        let foreign = Endorsement::parse(&text).unwrap();
        assert_eq!(foreign.claims.laptop, "Hà Nội 2");
        assert!(foreign.signed_by(&public.signing));
    }
}
