//! What can go wrong with a store, as data: i18n words it.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// The file exists but cannot be used; it has been left exactly as it was.
    Unreadable {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: StoreProblem,
        backup: Option<PathBuf>,
    },
    /// The store path names something other than a regular file (a FIFO, a device, a
    /// directory): refused before it is opened.
    NotAFile {
        path: PathBuf,
    },
    /// Another process held the store's lock for longer than this one would wait: nothing
    /// was written.
    Locked {
        lock: PathBuf,
        waited: std::time::Duration,
    },
    /// The store is another user's file in a directory with the sticky bit, where only its
    /// owner may replace it: nothing was written.
    StickyDirectory {
        dir: PathBuf,
        owner: String,
    },
    /// The store holds two different entries under one id (a hand edit); a save would keep
    /// only one, so nothing is saved until someone resolves it.
    DuplicateId {
        path: PathBuf,
        id: String,
    },
}

/// Why [`Store::save_checked`] wrote nothing.
#[derive(Debug)]
pub enum SaveError<E> {
    Store(StoreError),
    /// The check refused the entries.
    Refused(E),
}

impl<E> From<StoreError> for SaveError<E> {
    fn from(error: StoreError) -> SaveError<E> {
        SaveError::Store(error)
    }
}

impl StoreError {
    pub(super) fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io { path: path.to_owned(), source }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// Not JSON: serde's own words.
    Json(String),
    /// JSON, but not shaped like a store (a missing field, a value that is not a decimal…).
    Shape(String),
    Truncated,
    NewerVersion(u64),
    UnknownVersion,
    OtherPlan {
        id: String,
        year: i16,
    },
    UnknownTarget {
        entry: String,
        target: String,
    },
}
