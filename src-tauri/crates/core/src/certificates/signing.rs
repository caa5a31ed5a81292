//! The signed certificate payload: `SDR1.<claims>.<signature>`, both parts base64url without
//! padding. The claims are JSON; the ed25519 signature covers their exact bytes, so nothing has
//! to be canonicalised again to check it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::keys::fingerprint;

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
}
