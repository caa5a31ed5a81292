//! The results file, byte by byte (documented for other tools in `docs/results-file.md`):
//!
//! ```text
//! SDR-RESULTS 1 <public key> <signature> [<endorsement>]\n   first line, ASCII
//! <body>                                        gzip of JSON lines: header, records, end
//! ```
//!
//! When the laptop trusts an organizer's programme key, the whole of that is encrypted to it
//! with age (X25519): the file then starts `age-encryption.org/v1`, and only the organizer's
//! laptop can read it. [`Opener`] gives the plain bytes either way.
//!
//! The public key (32 bytes) and the signature (64 bytes) are base64url without padding. The
//! signature is ed25519 (strict) over `sdr-results-v1`, a NUL byte, and the SHA-256 digest of
//! the body's exact bytes. Reading checks the file in two passes: [`check`] reads the first
//! line and hashes the body without parsing it, so the signature is verified before anything
//! else is read; [`read`] then decompresses and parses it line by line, hashing again, and
//! fails if the bytes changed between the two. Memory stays flat whatever the file's size.

use std::io::{BufRead, BufReader, Read, Write};
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
/// The longest first line (with an endorsement).
const MAX_FIRST_LINE: u64 = 2048;
/// How an age-encrypted file starts.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
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

    /// The whole file: first line, then the compressed body, signed with `key`, carrying the
    /// laptop's `endorsement` if it has one, and encrypted to `recipients` if there are any.
    pub fn finish(
        mut self,
        key: &SigningKey,
        endorsement: Option<&str>,
        recipients: &[age::x25519::Recipient],
    ) -> Result<Vec<u8>> {
        let records = self.records;
        self.line(&Line::End(End { records }));
        let body = self
            .gz
            .finish()
            .map_err(|e| CoreError::Internal(format!("compressing the results: {e}")))?;
        let digest: [u8; 32] = Sha256::digest(&body).into();
        let signature = keys::sign_message(key, SIGNATURE_CONTEXT, &digest);
        let mut file = format!(
            "{MAGIC} {VERSION} {} {}",
            URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes()),
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        )
        .into_bytes();
        if let Some(e) = endorsement {
            file.push(b' ');
            file.extend_from_slice(e.as_bytes());
        }
        file.push(b'\n');
        file.extend_from_slice(&body);
        if recipients.is_empty() {
            return Ok(file);
        }
        let failed = |e: String| CoreError::Internal(format!("encrypting the results: {e}"));
        let encryptor =
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
                .map_err(|e| failed(e.to_string()))?;
        let mut out = Vec::with_capacity(file.len() + 512);
        let mut w = encryptor
            .wrap_output(&mut out)
            .map_err(|e| failed(e.to_string()))?;
        w.write_all(&file).map_err(|e| failed(e.to_string()))?;
        w.finish().map_err(|e| failed(e.to_string()))?;
        Ok(out)
    }
}

/// Opens a results file for reading its plain bytes: the file itself, or, when it is
/// encrypted for an organizer, its decryption with one of `identities`.
pub struct Opener<'a> {
    pub path: &'a Path,
    pub identities: &'a [age::x25519::Identity],
}

impl Opener<'_> {
    /// A fresh reader of the plain bytes, from the start; and whether the file was encrypted.
    fn open(&self) -> Result<(Box<dyn Read + '_>, bool)> {
        let path = self.path;
        let mut file = BufReader::new(open(path)?);
        let start = file.fill_buf().map_err(|e| unreadable(path, e))?;
        if !start.starts_with(AGE_MAGIC) {
            return Ok((Box::new(file), false));
        }
        let encrypted = || CoreError::ResultsEncrypted {
            path: path.to_path_buf(),
        };
        let decryptor = age::Decryptor::new_buffered(file).map_err(|e| match e {
            age::DecryptError::Io(e) => unreadable(path, e),
            _ => invalid(path, "its encryption header is damaged"),
        })?;
        let reader = decryptor
            .decrypt(self.identities.iter().map(|i| i as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => encrypted(),
                age::DecryptError::Io(e) => unreadable(path, e),
                _ => invalid(path, "its encryption is damaged"),
            })?;
        Ok((Box::new(reader), true))
    }
}

/// A results file whose signature holds: who signed it and what exactly.
#[derive(Debug, Clone)]
pub struct Checked {
    pub signer: VerifyingKey,
    /// SHA-256 of the body.
    pub digest: [u8; 32],
    /// The organizer's endorsement of the signer's key, as the file carries it (not checked
    /// here: only a programme key can say whether it holds).
    pub endorsement: Option<String>,
    /// Whether the file was encrypted for an organizer.
    pub encrypted: bool,
}

/// The first pass: the file's size, its first line and its signature. Nothing of the body is
/// parsed. A damaged or unsigned file is [`CoreError::ResultsInvalid`], a newer format
/// [`CoreError::ResultsTooNew`], a signature that fails [`CoreError::ResultsTampered`].
pub fn check(opener: &Opener<'_>) -> Result<Checked> {
    let path = opener.path;
    let invalid = |detail: &str| invalid(path, detail);
    let (reader, encrypted) = opener.open()?;
    let mut reader = BufReader::new(reader);
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
    if version != VERSION || !(4..=5).contains(&fields.len()) {
        return Err(invalid("its first line is not in the expected form"));
    }
    let endorsement = fields.get(4).map(|e| e.to_string());
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
        endorsement,
        encrypted,
    })
}

/// Reads past the first line of `reader`.
fn skip_first_line(path: &Path, reader: &mut impl BufRead) -> Result<()> {
    let mut first = Vec::new();
    reader
        .take(MAX_FIRST_LINE)
        .read_until(b'\n', &mut first)
        .map_err(|e| unreadable(path, e))?;
    Ok(())
}

/// The second pass: every line of a file [`check`] accepted, in order, to `each` (records
/// only: the header is returned, the end line is checked here). Stops at the first error of
/// `each`. The bytes are hashed again as they are read: if they differ from what was checked
/// (the file changed meanwhile), the result is an error even though `each` saw every line,
/// so the caller must apply the lines in a transaction it commits only on success.
pub fn read(
    opener: &Opener<'_>,
    checked: &Checked,
    mut each: impl FnMut(&Header, Line) -> Result<()>,
) -> Result<Header> {
    let path = opener.path;
    let invalid = |detail: String| invalid(path, &detail);
    let (plain, _) = opener.open()?;
    let mut plain = BufReader::new(plain);
    skip_first_line(path, &mut plain)?;
    let hashing = Hashing {
        inner: plain.take(MAX_FILE_BYTES),
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
pub fn header(opener: &Opener<'_>) -> Result<Header> {
    let path = opener.path;
    let (plain, _) = opener.open()?;
    let mut plain = BufReader::new(plain);
    skip_first_line(path, &mut plain)?;
    let gz = GzDecoder::new(BufReader::new(plain.take(MAX_FILE_BYTES)));
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
