//! The files of a pack, by relative path, whatever they were read from.

use std::collections::BTreeMap;
use std::path::Path;

use crate::files::{self, Bounded};

/// Lessons larger than this are refused, so a hostile pack cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// A pack with more files than this is refused.
pub const MAX_FILES: usize = 20_000;

#[derive(Debug, Clone, Default)]
pub struct PackFiles {
    files: BTreeMap<String, Vec<u8>>,
    /// Files that were too large to read; the loader reports each.
    oversized: Vec<String>,
}

impl PackFiles {
    pub fn from_entries(entries: impl IntoIterator<Item = (String, Vec<u8>)>) -> Self {
        let mut files = PackFiles::default();
        for (path, bytes) in entries {
            files.insert(path, bytes);
        }
        files
    }

    /// Reads every file under `root` (hidden files and folders are skipped, symbolic links are
    /// not followed).
    pub fn from_dir(root: &Path) -> std::io::Result<Self> {
        let mut files = PackFiles::default();
        let meta = std::fs::metadata(root)?;
        if !meta.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!("{} is not a folder", root.display()),
            ));
        }
        walk(root, "", &mut files)?;
        Ok(files)
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub fn oversized(&self) -> &[String] {
        &self.oversized
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Replaces or adds one file (used by tests that break a copy of a pack).
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        let (path, bytes) = (path.into(), bytes.into());
        if bytes.len() as u64 > MAX_FILE_BYTES {
            self.oversized.push(path);
        } else {
            self.files.insert(path, bytes);
        }
    }

    pub fn remove(&mut self, path: &str) -> Option<Vec<u8>> {
        self.files.remove(path)
    }
}

fn walk(dir: &Path, prefix: &str, out: &mut PackFiles) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let ty = entry.file_type()?;
        if ty.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else if ty.is_file() {
            if out.len() >= MAX_FILES {
                return Err(std::io::Error::other(format!(
                    "the pack has more than {MAX_FILES} files"
                )));
            }
            match files::read_bounded(&entry.path(), MAX_FILE_BYTES)? {
                Bounded::Bytes(bytes) => {
                    out.files.insert(rel, bytes);
                }
                Bounded::TooLarge => out.oversized.push(rel),
                Bounded::NotAFile => {}
            }
        }
    }
    Ok(())
}
