//! Issuer keys: this installation's ed25519 key, the text form a public key travels in, its
//! fingerprint, and signatures over any message. Certificates sign with it today; results
//! files and content packs will sign and be checked with the same keys and the same trust
//! (a public key a person imported under a name; see `Sdr::known_issuer`).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// The prefix of an exported public key; the `1` is the format version.
pub const KEY_PREFIX: &str = "SDRKEY1.";

/// The key fingerprint: the first 8 bytes of SHA-256 of the public key, as 16 hex digits.
pub fn fingerprint(public: &VerifyingKey) -> String {
    hex(&Sha256::digest(public.as_bytes())[..8])
}

/// Bytes as lowercase hex digits (fingerprints, file digests).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

/// The text form of a public key: `SDRKEY1.<base64url of the 32 bytes>`.
pub fn export_key(public: &VerifyingKey) -> String {
    format!("{KEY_PREFIX}{}", B64.encode(public.as_bytes()))
}

/// Reads a key exported by [`export_key`]; surrounding text (a file's newline, the comment
/// line of [`key_file_text`]) is ignored. Weak keys are refused.
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

/// The file name offered when saving a public key.
pub fn key_file_name(public: &VerifyingKey) -> String {
    format!("sdr-issuer-key-{}.txt", fingerprint(public))
}

/// What a saved public key file holds: the key, then a comment for the person holding it.
pub fn key_file_text(public: &VerifyingKey) -> String {
    format!(
        "{}\n# SME Digital Resilience issuer key, fingerprint {}\n",
        export_key(public),
        grouped(&fingerprint(public))
    )
}

/// Signs `message` for one use only: the signature covers `context` (e.g. `sdr-results-v1`)
/// and the message, so a signature made for one kind of file never verifies as another.
pub fn sign_message(key: &SigningKey, context: &str, message: &[u8]) -> Signature {
    key.sign(&framed(context, message))
}

/// Whether `public` signed `message` for `context` (strict: no malleable signatures).
pub fn verify_message(
    public: &VerifyingKey,
    context: &str,
    message: &[u8],
    signature: &Signature,
) -> bool {
    !public.is_weak()
        && public
            .verify_strict(&framed(context, message), signature)
            .is_ok()
}

/// `context`, a NUL, then the message: the context cannot run into the message.
fn framed(context: &str, message: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(context.len() + 1 + message.len());
    bytes.extend_from_slice(context.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(message);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    #[test]
    fn keys_export_and_import() {
        let k = key(7).verifying_key();
        let text = format!("{}\n", export_key(&k));
        assert_eq!(import_key(&text), Some(k));
        assert_eq!(import_key(&key_file_text(&k)), Some(k));
        assert_eq!(import_key("SDRKEY1.abc"), None);
        assert_eq!(import_key("hello"), None);
        assert!(key_file_name(&k).starts_with("sdr-issuer-key-"));
        assert!(key_file_name(&k).is_ascii());
    }

    #[test]
    fn fingerprints_group_for_reading() {
        assert_eq!(grouped("3f2a9c0177be4d10"), "3f2a 9c01 77be 4d10");
        assert_eq!(fingerprint(&key(7).verifying_key()).len(), 16);
    }

    #[test]
    fn a_message_signature_holds_only_for_its_context_message_and_key() {
        let k = key(7);
        let sig = sign_message(&k, "sdr-results-v1", b"records");
        let public = k.verifying_key();
        assert!(verify_message(&public, "sdr-results-v1", b"records", &sig));
        assert!(!verify_message(&public, "sdr-pack-v1", b"records", &sig));
        assert!(!verify_message(&public, "sdr-results-v1", b"recordz", &sig));
        assert!(!verify_message(
            &key(8).verifying_key(),
            "sdr-results-v1",
            b"records",
            &sig
        ));
        // The context and the message cannot trade bytes.
        let shifted = sign_message(&k, "ab", b"c");
        assert!(!verify_message(&public, "a", b"bc", &shifted));
    }
}
