//! The signed certificate payload: `SDR1.<claims>.<signature>`, both parts base64url without
//! padding. The claims are JSON; the ed25519 signature covers their exact bytes, so nothing has
//! to be canonicalised again to check it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// What a certificate asserts. Field order is the serialised order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    /// The certificate id.
    pub id: String,
    /// The learner's name, NFC.
    pub name: String,
    /// The workshop id, e.g. `2018-thailand`.
    pub workshop: String,
    /// The date of completion, `YYYY-MM-DD`, in the workshop's economy.
    pub date: String,
    /// The mean best quiz score of the required modules, percent.
    pub score: u32,
    /// The fingerprint of the issuing installation's key.
    pub issuer: String,
}

/// The prefix of every payload; the `1` is the format version.
pub const PREFIX: &str = "SDR1.";
/// The prefix of an exported public key.
pub const KEY_PREFIX: &str = "SDRKEY1.";

/// The key fingerprint: the first 8 bytes of SHA-256 of the public key, as 16 hex digits.
pub fn fingerprint(public: &VerifyingKey) -> String {
    let digest = Sha256::digest(public.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// `3f2a9c0177be4d10` → `3f2a 9c01 77be 4d10`, for reading aloud and printing.
pub fn grouped(fingerprint: &str) -> String {
    fingerprint
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A new key from the operating system's random source.
pub fn generate_key() -> Result<SigningKey, String> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| format!("no random source: {e}"))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// Signs `claims` into a payload.
pub fn sign(key: &SigningKey, claims: &Claims) -> String {
    let json = serde_json::to_vec(claims).expect("claims serialise");
    let signature = key.sign(&json);
    format!(
        "{PREFIX}{}.{}",
        B64.encode(&json),
        B64.encode(signature.to_bytes())
    )
}

/// A payload taken apart, before any key is consulted.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub claims: Claims,
    json: Vec<u8>,
    signature: Signature,
}

/// Takes a payload apart; `None` when it is not one (wrong prefix, bad base64, bad JSON).
pub fn parse(payload: &str) -> Option<Parsed> {
    let rest = payload.trim().strip_prefix(PREFIX)?;
    let (claims, signature) = rest.split_once('.')?;
    let json = B64.decode(claims).ok()?;
    let signature: [u8; 64] = B64.decode(signature).ok()?.try_into().ok()?;
    let claims: Claims = serde_json::from_slice(&json).ok()?;
    Some(Parsed {
        claims,
        json,
        signature: Signature::from_bytes(&signature),
    })
}

impl Parsed {
    /// Whether `public` signed exactly these bytes (strict: no malleable signatures, no weak
    /// keys).
    pub fn signed_by(&self, public: &VerifyingKey) -> bool {
        fingerprint(public) == self.claims.issuer
            && public.verify_strict(&self.json, &self.signature).is_ok()
    }
}

/// The text form of a public key: `SDRKEY1.<base64url of the 32 bytes>`.
pub fn export_key(public: &VerifyingKey) -> String {
    format!("{KEY_PREFIX}{}", B64.encode(public.as_bytes()))
}

/// Reads a key exported by [`export_key`]; surrounding text (a file's newline) is ignored.
pub fn import_key(text: &str) -> Option<VerifyingKey> {
    let start = text.find(KEY_PREFIX)?;
    let token: String = text[start + KEY_PREFIX.len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let bytes: [u8; 32] = B64.decode(token).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes)
        .ok()
        .filter(|k| !k.is_weak())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn claims(k: &SigningKey) -> Claims {
        Claims {
            id: "SDR-TH18-7K3F9QXD".into(),
            name: "สมชาย ใจดี".into(),
            workshop: "2018-thailand".into(),
            date: "2026-11-27".into(),
            score: 86,
            issuer: fingerprint(&k.verifying_key()),
        }
    }

    #[test]
    fn a_signed_payload_verifies_and_round_trips() {
        let k = key(7);
        let p = sign(&k, &claims(&k));
        assert!(p.starts_with(PREFIX));
        let parsed = parse(&p).unwrap();
        assert_eq!(parsed.claims, claims(&k));
        assert!(parsed.signed_by(&k.verifying_key()));
        assert!(!parsed.signed_by(&key(8).verifying_key()));
    }

    #[test]
    fn every_single_character_change_fails() {
        let k = key(7);
        let p = sign(&k, &claims(&k));
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for i in 0..p.len() {
            for &c in [alphabet[i % alphabet.len()], b'A', b'_'].iter() {
                if p.as_bytes()[i] == c {
                    continue;
                }
                let mut bytes = p.clone().into_bytes();
                bytes[i] = c;
                let changed = String::from_utf8(bytes).unwrap();
                let ok = parse(&changed).is_some_and(|x| x.signed_by(&k.verifying_key()));
                assert!(!ok, "a change at {i} to {} still verified", c as char);
            }
        }
    }

    #[test]
    fn a_changed_claim_resigned_by_another_key_fails() {
        let k = key(7);
        let mut c = claims(&k);
        c.score = 100;
        let forged = sign(&key(9), &c);
        assert!(!parse(&forged).unwrap().signed_by(&k.verifying_key()));
    }

    #[test]
    fn keys_export_and_import() {
        let k = key(7).verifying_key();
        let text = format!("{}\n", export_key(&k));
        assert_eq!(import_key(&text), Some(k));
        assert_eq!(import_key("SDRKEY1.abc"), None);
        assert_eq!(import_key("hello"), None);
    }

    #[test]
    fn garbage_is_not_a_payload() {
        for s in [
            "",
            "SDR1.",
            "SDR1.a.b",
            "SDR1...",
            "SDR2.e30.AAAA",
            "SDR1.e30.AAAA",
        ] {
            assert!(parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn fingerprints_group_for_reading() {
        assert_eq!(grouped("3f2a9c0177be4d10"), "3f2a 9c01 77be 4d10");
    }
}
