//! Certificates: the signed payload, the words printed in each language, the PDF, ids and file
//! names. Keys are in `crate::keys`; files are written through `crate::files`.

pub mod payload;
pub mod pdf;
pub mod signing;
pub mod texts;

/// A certificate id: `SDR-`, the workshop's tag (economy and year, e.g. `TH18`), then 10
/// characters of Crockford's base32 (no I, L, O or U, so it reads aloud without doubt) taken
/// from `random` (a new record id).
pub fn new_id(tag: &str, random: uuid::Uuid) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let code: String = random.as_bytes()[..10]
        .iter()
        .map(|b| ALPHABET[(b & 31) as usize] as char)
        .collect();
    format!("SDR-{tag}-{}-{}", &code[..5], &code[5..])
}

/// A file name for a certificate: its id and the learner's name, with anything a file system
/// could trip over replaced.
pub fn file_name(certificate_id: &str, name: &str) -> String {
    let mut safe = String::new();
    for c in name.chars() {
        if c.is_alphanumeric()
            || unicode_normalization::char::is_combining_mark(c)
            || (c.is_ascii_punctuation() && "-_.".contains(c))
        {
            safe.push(c);
        } else if !c.is_control() && !safe.ends_with('-') && !safe.is_empty() {
            safe.push('-');
        }
    }
    let safe = safe.trim_matches(['-', '.']);
    // Keep names well inside a file name's 255 bytes.
    let mut cut = String::new();
    for c in safe.chars() {
        if cut.len() + c.len_utf8() > 120 {
            break;
        }
        cut.push(c);
    }
    if cut.is_empty() {
        format!("{certificate_id}.pdf")
    } else {
        format!("{certificate_id}_{cut}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_aloud() {
        let id = new_id("TH18", uuid::Uuid::new_v4());
        assert!(id.starts_with("SDR-TH18-"), "{id}");
        assert_eq!(id.len(), "SDR-TH18-ABCDE-FGHJK".len());
        assert!(!id[9..].contains(['I', 'L', 'O', 'U']));
        assert_ne!(new_id("TH18", uuid::Uuid::new_v4()), id);
    }

    #[test]
    fn file_names_keep_every_script_and_drop_separators() {
        assert_eq!(
            file_name("SDR-VN18-1", "Nguyễn Thị Hương"),
            "SDR-VN18-1_Nguyễn-Thị-Hương.pdf"
        );
        assert_eq!(file_name("X", "สมชาย ใจดี"), "X_สมชาย-ใจดี.pdf");
        assert_eq!(file_name("X", "../../etc/passwd"), "X_etc-passwd.pdf");
        assert_eq!(file_name("X", "///"), "X.pdf");
        assert!(file_name("X", &"陳".repeat(200)).len() < 140);
    }
}
