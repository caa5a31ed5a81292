//! Files that cross the edge of the app. Everything read from a file someone handed over (a
//! certificate, a key, and later results files, rosters and content packs) goes through
//! [`read_untrusted`]: a regular file, refused when larger than its kind's cap, read with a
//! bound so a file that grows or lies about its size still cannot fill the memory. Everything
//! the app writes for a person goes through [`write_atomically`]: the path holds the old file
//! or the whole new one, never half of it.

use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};

/// How much of a kind of file the app is willing to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cap {
    /// What the file is, for the message ("certificate", "key file").
    pub what: &'static str,
    /// The largest size accepted, in bytes.
    pub max_bytes: u64,
}

/// A certificate PDF: tens of kilobytes; 16 MiB leaves room for any PDF tool's rewrite.
pub const CERTIFICATE: Cap = Cap {
    what: "certificate",
    max_bytes: 16 * 1024 * 1024,
};

/// An exported issuer key: one line of text.
pub const KEY_FILE: Cap = Cap {
    what: "key file",
    max_bytes: 64 * 1024,
};

/// Reads a file someone else made, whole, if it is a regular file within `cap`.
pub fn read_untrusted(path: &Path, cap: Cap) -> Result<Vec<u8>> {
    let unreadable = |detail: String| CoreError::FileUnreadable {
        path: path.to_path_buf(),
        detail,
    };
    match read_bounded(path, cap.max_bytes) {
        Ok(Bounded::Bytes(bytes)) => Ok(bytes),
        Ok(Bounded::TooLarge) => Err(unreadable(format!(
            "this {} is larger than {}, the most accepted",
            cap.what,
            size(cap.max_bytes)
        ))),
        Ok(Bounded::NotAFile) => Err(unreadable("not a regular file".into())),
        Err(e) => Err(unreadable(e.to_string())),
    }
}

/// A size as a person reads it: `8 bytes`, `64 KiB`, `16 MiB`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// What a bounded read found.
#[derive(Debug, PartialEq, Eq)]
pub enum Bounded {
    Bytes(Vec<u8>),
    /// Larger than the bound (by its size, or by what could be read).
    TooLarge,
    /// A folder, a FIFO, a device: nothing to read whole.
    NotAFile,
}

/// Reads `path` whole unless it is larger than `max_bytes` or not a regular file. The size is
/// checked before reading, and the read itself stops one byte past the bound, so a file that
/// grows meanwhile cannot fill the memory either. For callers that report faults their own way
/// (a content pack lists its oversized files); others use [`read_untrusted`].
pub fn read_bounded(path: &Path, max_bytes: u64) -> std::io::Result<Bounded> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Bounded::NotAFile);
    }
    if meta.len() > max_bytes {
        return Ok(Bounded::TooLarge);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > max_bytes {
        Bounded::TooLarge
    } else {
        Bounded::Bytes(bytes)
    })
}

/// Writes `bytes` to `path` so that `path` is either absent, the old file, or the whole new
/// file: a temporary file in the same folder, flushed to disk, then renamed over it, and the
/// folder flushed so the rename survives a power cut. A failure leaves no temporary behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_io(path, bytes).map_err(|e| CoreError::FileUnwritable {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// [`write_atomically`] for a file written piece by piece: `fill` writes into a buffered
/// temporary file; only when it succeeds does the file replace `path`. Its own error (say, a
/// record that cannot be read) is returned as it is, and nothing is left behind.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut inner: Option<crate::error::CoreError> = None;
    let io = write_atomically_stream(path, |w| {
        fill(w).map_err(|e| {
            inner = Some(e);
            std::io::Error::other("stopped")
        })
    });
    match (inner, io) {
        (Some(e), _) => Err(e),
        (None, Err(e)) => Err(CoreError::FileUnwritable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }),
        (None, Ok(())) => Ok(()),
    }
}

fn write_atomically_io(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_stream(path, |w| w.write_all(bytes))
}

fn write_atomically_stream(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp: PathBuf = dir.join(format!(
        ".{}.{}.part",
        name.unwrap_or_default(),
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
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
    use crate::error::ErrorCode;

    const TINY: Cap = Cap {
        what: "test file",
        max_bytes: 8,
    };

    #[test]
    fn an_atomic_write_replaces_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let missing = dir.path().join("no/such/folder/a.pdf");
        let e = write_atomically(&missing, b"x").unwrap_err();
        assert_eq!(e.code(), ErrorCode::FileUnwritable);
    }

    #[test]
    fn untrusted_reads_take_regular_files_within_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok");
        std::fs::write(&ok, b"12345678").unwrap();
        assert_eq!(read_untrusted(&ok, TINY).unwrap(), b"12345678");

        let big = dir.path().join("big");
        std::fs::write(&big, b"123456789").unwrap();
        let e = read_untrusted(&big, TINY).unwrap_err();
        assert_eq!(e.code(), ErrorCode::FileUnreadable);
        assert!(e.to_string().contains("larger than 8 bytes"), "{e}");

        assert_eq!(size(CERTIFICATE.max_bytes), "16 MiB");
        assert_eq!(size(KEY_FILE.max_bytes), "64 KiB");
        for not_a_file in [dir.path().to_path_buf(), PathBuf::from("/dev/zero")] {
            let e = read_untrusted(&not_a_file, TINY).unwrap_err();
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
        let e = read_untrusted(&dir.path().join("absent"), TINY).unwrap_err();
        assert_eq!(e.code(), ErrorCode::FileUnreadable);
    }
}
