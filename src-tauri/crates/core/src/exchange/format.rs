//! The results file, byte by byte (documented for other tools in `docs/results-file.md`):
//!
//! ```text
//! SDR-RESULTS 1 <public key> <signature>\n      first line, ASCII, at most 256 bytes
//! <body>                                        gzip of JSON lines: header, records, end
//! ```
//!
//! The public key (32 bytes) and the signature (64 bytes) are base64url without padding. The
//! signature is ed25519 (strict) over `sdr-results-v1`, a NUL byte, and the SHA-256 digest of
//! the body's exact bytes. Reading checks the file in two passes: [`check`] reads the first
//! line and hashes the body without parsing it, so the signature is verified before anything
//! else is read; [`read`] then decompresses and parses it line by line, hashing again, and
//! fails if the bytes changed between the two. Memory stays flat whatever the file's size.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use flate2::Compression;
use flate2::bufread::GzDecoder;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

use super::records::{End, Header, Line};
use crate::error::{CoreError, Result};
use crate::keys;

/// The first word of every results file.
pub const MAGIC: &str = "SDR-RESULTS";
/// The format version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// What the signature is for: a results file signature never verifies as anything else.
pub const SIGNATURE_CONTEXT: &str = "sdr-results-v1";
/// The file name extension.
pub const EXTENSION: &str = "sdrresults";
/// The largest results file accepted. A laptop of 50 learners who did the whole course writes
/// about 300 KB; a 2 GB file is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The longest first line.
const MAX_FIRST_LINE: u64 = 256;
/// The longest JSON line of the body: a record is a few hundred bytes.
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// The most the body may decompress to, so a crafted body cannot run for ever.
const MAX_BODY_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Writes a results file's body record by record, then signs it.
pub struct Writer {
    gz: GzEncoder<Vec<u8>>,
    records: u64,
}

impl Writer {
    pub fn new(header: Header) -> Writer {
        let mut w = Writer {
            gz: GzEncoder::new(Vec::new(), Compression::default()),
            records: 0,
        };
        w.line(&Line::Header(header));
        w
    }

    /// Adds one record.
    pub fn push(&mut self, record: &Line) {
        self.line(record);
        self.records += 1;
    }

    fn line(&mut self, line: &Line) {
        // Writing into memory cannot fail, and every record serialises.
        let mut text = serde_json::to_vec(line).unwrap_or_default();
        text.push(b'\n');
        let _ = self.gz.write_all(&text);
    }

    /// How many records were added.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The whole file: first line, then the compressed body, signed with `key`.
    pub fn finish(mut self, key: &SigningKey) -> Result<Vec<u8>> {
        let records = self.records;
        self.line(&Line::End(End { records }));
        let body = self
            .gz
            .finish()
            .map_err(|e| CoreError::Internal(format!("compressing the results: {e}")))?;
        let digest: [u8; 32] = Sha256::digest(&body).into();
        let signature = keys::sign_message(key, SIGNATURE_CONTEXT, &digest);
        let mut file = format!(
            "{MAGIC} {VERSION} {} {}\n",
            URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes()),
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        )
        .into_bytes();
        file.extend_from_slice(&body);
        Ok(file)
    }
}

/// A results file whose signature holds: who signed it and what exactly.
#[derive(Debug, Clone)]
pub struct Checked {
    pub signer: VerifyingKey,
    /// SHA-256 of the body.
    pub digest: [u8; 32],
    body_offset: u64,
}

/// The first pass: the file's size, its first line and its signature. Nothing of the body is
/// parsed. A damaged or unsigned file is [`CoreError::ResultsInvalid`], a newer format
/// [`CoreError::ResultsTooNew`], a signature that fails [`CoreError::ResultsTampered`].
pub fn check(path: &Path) -> Result<Checked> {
    let invalid = |detail: &str| invalid(path, detail);
    let file = open(path)?;
    let mut reader = BufReader::new(file);
    let mut first = Vec::new();
    (&mut reader)
        .take(MAX_FIRST_LINE)
        .read_until(b'\n', &mut first)
        .map_err(|e| unreadable(path, e))?;
    if first.is_empty() {
        return Err(invalid("the file is empty"));
    }
    if !first.starts_with(MAGIC.as_bytes()) {
        return Err(invalid("it does not start like a results file"));
    }
    if first.last() != Some(&b'\n') {
        return Err(invalid("its first line is cut short or too long"));
    }
    let line = std::str::from_utf8(&first[..first.len() - 1])
        .map_err(|_| invalid("its first line is not text"))?;
    let fields: Vec<&str> = line.split(' ').collect();
    let version: u32 = fields
        .get(1)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| invalid("its format version is missing"))?;
    if fields[0] != MAGIC {
        return Err(invalid("it does not start like a results file"));
    }
    if version > VERSION {
        return Err(CoreError::ResultsTooNew {
            path: path.to_path_buf(),
            found: version,
            supported: VERSION,
        });
    }
    if version != VERSION || fields.len() != 4 {
        return Err(invalid("its first line is not in the expected form"));
    }
    let signer = URL_SAFE_NO_PAD
        .decode(fields[2])
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
        .ok_or_else(|| invalid("the signer's key in it is not a key"))?;
    let signature = URL_SAFE_NO_PAD
        .decode(fields[3])
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
        .ok_or_else(|| invalid("the signature in it is not a signature"))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut (&mut reader).take(MAX_FILE_BYTES), &mut hasher)
        .map_err(|e| unreadable(path, e))?;
    let digest: [u8; 32] = hasher.finalize().into();
    if !keys::verify_message(&signer, SIGNATURE_CONTEXT, &digest, &signature) {
        return Err(CoreError::ResultsTampered {
            path: path.to_path_buf(),
        });
    }
    Ok(Checked {
        signer,
        digest,
        body_offset: first.len() as u64,
    })
}

/// The second pass: every line of a file [`check`] accepted, in order, to `each` (records
/// only: the header is returned, the end line is checked here). Stops at the first error of
/// `each`. The bytes are hashed again as they are read: if they differ from what was checked
/// (the file changed meanwhile), the result is an error even though `each` saw every line,
/// so the caller must apply the lines in a transaction it commits only on success.
pub fn read(
    path: &Path,
    checked: &Checked,
    mut each: impl FnMut(&Header, Line) -> Result<()>,
) -> Result<Header> {
    let invalid = |detail: String| invalid(path, &detail);
    let mut file = open(path)?;
    file.seek(SeekFrom::Start(checked.body_offset))
        .map_err(|e| unreadable(path, e))?;
    let hashing = Hashing {
        inner: file.take(MAX_FILE_BYTES),
        hasher: Sha256::new(),
    };
    let gz = GzDecoder::new(BufReader::new(hashing));
    let mut lines = BufReader::new(gz.take(MAX_BODY_BYTES));
    let mut next = |n: u64| -> Result<Option<Line>> {
        let mut buf = Vec::new();
        (&mut lines)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| invalid(format!("line {n} could not be read ({e})")))?;
        if buf.is_empty() {
            return Ok(None);
        }
        if buf.last() != Some(&b'\n') {
            return Err(invalid(if buf.len() as u64 > MAX_LINE_BYTES {
                format!("line {n} is longer than {MAX_LINE_BYTES} bytes")
            } else {
                format!("line {n} is cut short")
            }));
        }
        serde_json::from_slice(&buf)
            .map(Some)
            .map_err(|e| invalid(format!("line {n} is not a record of this format ({e})")))
    };
    let header = match next(1)? {
        Some(Line::Header(h)) => h,
        _ => return Err(invalid("it does not begin with its header".into())),
    };
    let mut n = 1;
    let mut records = 0u64;
    loop {
        n += 1;
        match next(n)? {
            None => return Err(invalid("it ends before its end line".into())),
            Some(Line::Header(_)) => return Err(invalid(format!("line {n} is a second header"))),
            Some(Line::End(end)) => {
                if end.records != records {
                    return Err(invalid(format!(
                        "it says it holds {} records but holds {records}",
                        end.records
                    )));
                }
                break;
            }
            Some(line) => {
                records += 1;
                each(&header, line)?;
            }
        }
    }
    if next(n + 1)?.is_some() {
        return Err(invalid("there is more after its end line".into()));
    }
    // What is left of the file after the compressed body: nothing, in a file this app wrote.
    let mut rest = lines.into_inner().into_inner().into_inner();
    let extra = rest.buffer().len() as u64
        + std::io::copy(rest.get_mut(), &mut std::io::sink()).map_err(|e| unreadable(path, e))?;
    if extra > 0 {
        return Err(invalid("there are bytes after its compressed body".into()));
    }
    let digest: [u8; 32] = rest.into_inner().hasher.finalize().into();
    if digest != checked.digest {
        return Err(CoreError::ResultsTampered {
            path: path.to_path_buf(),
        });
    }
    Ok(header)
}

/// The header of a file [`check`] accepted, read alone: to name the laptop of a signer nobody
/// here trusts yet.
pub fn header(path: &Path, checked: &Checked) -> Result<Header> {
    let mut file = open(path)?;
    file.seek(SeekFrom::Start(checked.body_offset))
        .map_err(|e| unreadable(path, e))?;
    let gz = GzDecoder::new(BufReader::new(file.take(MAX_FILE_BYTES)));
    let mut buf = Vec::new();
    BufReader::new(gz)
        .take(MAX_LINE_BYTES)
        .read_until(b'\n', &mut buf)
        .map_err(|e| invalid(path, &format!("its header could not be read ({e})")))?;
    match serde_json::from_slice(&buf) {
        Ok(Line::Header(h)) => Ok(h),
        _ => Err(invalid(path, "it does not begin with its header")),
    }
}

/// A regular file no larger than [`MAX_FILE_BYTES`].
fn open(path: &Path) -> Result<std::fs::File> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, e))?;
    let meta = file.metadata().map_err(|e| unreadable(path, e))?;
    if !meta.is_file() {
        return Err(CoreError::FileUnreadable {
            path: path.to_path_buf(),
            detail: "not a regular file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CoreError::FileUnreadable {
            path: path.to_path_buf(),
            detail: format!(
                "this results file is larger than {} MiB, the most accepted",
                MAX_FILE_BYTES >> 20
            ),
        });
    }
    Ok(file)
}

fn invalid(path: &Path, detail: &str) -> CoreError {
    CoreError::ResultsInvalid {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

fn unreadable(path: &Path, e: std::io::Error) -> CoreError {
    CoreError::FileUnreadable {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Hashes every byte read through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}
