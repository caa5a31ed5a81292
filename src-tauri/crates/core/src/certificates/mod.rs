//! Certificates: the signed payload, the words printed in each language, the PDF, and writing
//! files so that a crash never leaves half a certificate behind.

pub mod payload;
pub mod pdf;
pub mod signing;
pub mod texts;

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A new certificate id: `SDR-`, the workshop's tag (economy and year, e.g. `TH18`), then 10
/// random characters of Crockford's base32 (no I, L, O or U, so it reads aloud without doubt).
pub fn new_id(tag: &str) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let random = uuid::Uuid::new_v4();
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

/// Writes `bytes` to `path` so that `path` is either absent, the old file, or the whole new
/// file: a temporary file in the same folder, flushed to disk, then renamed over.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp: PathBuf = dir.join(format!(
        ".{}.{}.part",
        name.unwrap_or_default(),
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_aloud() {
        let id = new_id("TH18");
        assert!(id.starts_with("SDR-TH18-"), "{id}");
        assert_eq!(id.len(), "SDR-TH18-ABCDE-FGHJK".len());
        assert!(!id[9..].contains(['I', 'L', 'O', 'U']));
        assert_ne!(new_id("TH18"), id);
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

    #[test]
    fn an_atomic_write_replaces_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let missing = dir.path().join("no/such/folder/a.pdf");
        assert!(write_atomically(&missing, b"x").is_err());
    }
}
