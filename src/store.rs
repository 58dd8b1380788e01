//! The store: one JSON file of entries, shared by everyone who points `--store` at it.
//!
//! Promises kept here, and how:
//! - **A saved entry is on disk.** The new file is written beside the old one, fsynced,
//!   renamed over it, and the directory fsynced, so a crash leaves either the old file or the
//!   new one, never a mix.
//! - **Nobody's entry is lost.** Saving takes an exclusive lock on `FILE.lock` (never on the
//!   data file, whose inode the rename replaces), reads what is on disk, merges it with ours
//!   (a union by entry id) and only then writes.
//! - **A file that cannot be read is never overwritten.** Loading fails with the line and
//!   column, and saving refuses to go on; the last good copy stays in `FILE.bak`.
//! - **Permissions stay.** A shared store keeps its mode and group; a new one follows the umask.

pub mod draft;
pub mod installed;
pub mod localtime;
// Only a unix build reads a store in segments (positioned reads of the open file); the
// tests and the fuzz hook read byte slices everywhere.
mod atomic;
mod error;
mod retry;

use atomic::write_atomically_with;
pub use atomic::{write_atomically, write_private};
pub use error::{SaveError, StoreError, StoreProblem};
#[cfg(any(unix, test, feature = "testkit"))]
mod segments;
pub mod unit_targets;
pub mod units;

use crate::domain::ledger::{Entry, Ledger};
use crate::domain::plan::{Plan, PlanRef};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The schema version written by this build. Older versions are read; newer ones refused.
pub const SCHEMA_VERSION: u32 = 1;

/// The file as read.
#[derive(Debug, PartialEq, Deserialize)]
struct StoreFile {
    version: u32,
    plan: PlanRef,
    entries: ReadEntries,
}

/// The entries as read, in file order, each parsed straight into its place in one list (the
/// file itself is read through a small buffer, never held whole: 25 MB for 100,000 entries),
/// with the fields of each that this build does not know.
#[derive(Debug, Default, PartialEq)]
struct ReadEntries {
    entries: Vec<Entry>,
    /// Entry id → its unknown fields, for the few entries that have any.
    extra: Vec<(String, Extra)>,
}

impl<'de> Deserialize<'de> for ReadEntries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ReadEntries, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = ReadEntries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of entries")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ReadEntries, A::Error> {
                let mut read = ReadEntries::default();
                while let Some(Stored { entry, extra }) = seq.next_element::<Stored>()? {
                    if let Some(extra) = extra {
                        read.extra.push((entry.id.clone(), extra));
                    }
                    read.entries.push(entry);
                }
                Ok(read)
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

/// The file as written.
#[derive(Serialize)]
struct StoreFileOut<'a> {
    version: u32,
    plan: &'a PlanRef,
    entries: Vec<StoredRef<'a>>,
}

/// Fields of an entry that this build does not know (written by a newer one, or another
/// tool), kept so that a save does not drop them.
pub type Extra = serde_json::Map<String, serde_json::Value>;

use crate::domain::ledger::ENTRY_FIELDS;

/// An entry as read, with any fields this build does not know.
#[derive(Debug)]
struct Stored {
    entry: Entry,
    extra: Option<Extra>,
}

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Stored, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Stored;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an entry object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Stored, A::Error> {
                // Entry's own Deserialize reads the known fields straight from the file (so
                // errors keep their line and column); the others are captured on the way.
                let mut extra = Extra::new();
                let capture = Capture { map, extra: &mut extra, unknown: None };
                let entry = Entry::deserialize(serde::de::value::MapAccessDeserializer::new(capture))?;
                Ok(Stored { entry, extra: (!extra.is_empty()).then_some(extra) })
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// A key of an entry object: one of [`ENTRY_FIELDS`], or another.
struct Key(Result<&'static str, String>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Key;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(Key(ENTRY_FIELDS.iter().find(|f| **f == key).copied().ok_or_else(|| key.to_owned())))
            }
        }
        deserializer.deserialize_identifier(Visitor)
    }
}

/// Passes an entry's known fields through and keeps the values of the others.
struct Capture<'x, A> {
    map: A,
    extra: &'x mut Extra,
    unknown: Option<String>,
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for Capture<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        use serde::de::IntoDeserializer;
        // Known keys are matched without allocating (eleven per entry, a million in a big
        // store); only a key this build does not know is copied.
        match self.map.next_key::<Key>()? {
            None => Ok(None),
            Some(Key(Ok(known))) => seed.deserialize(known.into_deserializer()).map(Some),
            Some(Key(Err(unknown))) => {
                self.unknown = Some(unknown.clone());
                seed.deserialize(unknown.into_deserializer()).map(Some)
            }
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        use serde::de::IntoDeserializer;
        match self.unknown.take() {
            Some(key) => {
                let value: serde_json::Value = self.map.next_value()?;
                self.extra.insert(key, value);
                // Entry ignores a field it does not know: hand it nothing.
                seed.deserialize(().into_deserializer())
            }
            None => self.map.next_value_seed(seed),
        }
    }
}

/// An entry to write, with the fields of it this build does not know.
struct StoredRef<'a> {
    entry: &'a Entry,
    extra: Option<&'a Extra>,
}

impl Serialize for StoredRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithExtra<'a> {
            #[serde(flatten)]
            entry: &'a Entry,
            #[serde(flatten)]
            extra: &'a Extra,
        }
        match self.extra {
            None => self.entry.serialize(serializer),
            Some(extra) => WithExtra { entry: self.entry, extra }.serialize(serializer),
        }
    }
}

/// The default store: `store.json` in the user's local data directory (on Windows
/// `%LOCALAPPDATA%`, not the roaming profile that is copied at every logon; elsewhere the
/// same directory as before), unless a store made earlier sits in the roaming one.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("vn", "chitieu", "chitieu")?;
    Some(default_in(dirs.data_local_dir(), dirs.data_dir()))
}

/// `store.json` in `local`, or in `roaming` when a store is already there.
fn default_in(local: &Path, roaming: &Path) -> PathBuf {
    let earlier = roaming.join("store.json");
    if local != roaming && earlier.exists() { earlier } else { local.join("store.json") }
}

/// `FILE.suffix` beside `FILE`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    path.with_file_name(name)
}

/// What identifies a version of the file on disk, to notice cheaply that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        Stamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(metadata),
        }
    }
}

/// A store as this process knows it.
pub struct Store {
    path: PathBuf,
    plan: PlanRef,
    ledger: Ledger,
    /// Fields of entries (by id) that this build does not know, to write back as they were.
    extra: std::collections::HashMap<String, Extra>,
    /// The file as last read or written, or `None` if it did not exist.
    seen: Option<Stamp>,
    /// The content hash of the plan the file was last written for (this plan's before the
    /// first save): a store not written since a revision still names the older version.
    written_for: String,
    /// What to do while another process holds the lock; `None` waits as long as it takes.
    patience: Option<Patience>,
}

/// Called while the store's lock is held by someone else, with the lock file and how long
/// this process has waited so far (first at once, then about ten times a second): `true` to
/// keep waiting, `false` to give up ([`StoreError::Locked`], nothing written).
pub type Patience = Box<dyn FnMut(&Path, std::time::Duration) -> bool + Send>;

/// What a save or refresh brought in from other people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Merged {
    /// Entries found on disk that this process had not seen.
    pub from_others: usize,
    /// The file was read again because it changed on disk (a new entry, or a hand edit of
    /// an existing one): whatever is shown from it must be worked out again.
    pub changed: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("entries", &self.ledger.len()).finish()
    }
}

impl Store {
    /// Opens the store at `path` for `plan`. A missing file is an empty store; the file is
    /// created by the first save, not by reading.
    pub fn open(path: &Path, plan: &Plan) -> Result<Store, StoreError> {
        Store::read_file(path)?.check(plan)
    }

    /// The part of [`Store::open`] that needs no plan: reading, parsing and indexing the
    /// file, most of the time it takes to open a large store. The full-screen view does it on
    /// a thread while the plan is read; [`Unchecked::check`] finishes the opening.
    pub fn read_file(path: &Path) -> Result<Unchecked, StoreError> {
        // A store behind a symbolic link is the file the link names: the lock, the
        // temporary file, the rename and the backup all work on that one path, so writers
        // through the link and through the real path lock each other and keep one file.
        let path = &resolve_links(path);
        let found = read_and_parse(path)?;
        Ok(Unchecked {
            path: path.to_owned(),
            found: found.map(|found| {
                let StoreFile { plan, entries: ReadEntries { entries, extra }, .. } = found.file;
                (plan, Ledger::from_entries(entries), extra.into_iter().collect(), found.stamp)
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The content hash of the plan the file was last written for (see
    /// `domain::reduction_figures`).
    pub fn written_for(&self) -> &str {
        &self.written_for
    }

    /// The fields of entry `id` that this build does not know, if it has any.
    pub fn fields_of(&self, id: &str) -> Option<&Extra> {
        self.extra.get(id)
    }

    /// Keeps `fields` (unknown to this build) with entry `id` when it is saved: what an
    /// import brings from another store's entry, so that the exchange drops nothing.
    pub fn keep_fields(&mut self, id: String, fields: Extra) {
        self.extra.entry(id).or_insert(fields);
    }

    /// How long to wait for a lock another process holds (see [`Patience`]).
    pub fn set_patience(&mut self, patience: Patience) {
        self.patience = Some(patience);
    }

    /// Saves `entries` durably, merging whatever others saved meanwhile. On success the
    /// entries are on disk; on failure the store file is as it was (its `.bak` may already
    /// be a copy of it).
    pub fn save(&mut self, plan: &Plan, entries: Vec<Entry>) -> Result<Merged, StoreError> {
        self.save_with(plan, |_| entries).map(|(_, merged)| merged)
    }

    /// Like [`Store::save`], but the entries are made by `make` from the ledger as it stands
    /// on disk under the lock, after merging what others saved: what "undo" needs, so that
    /// it withdraws the figure that is really the last one. Returns the entries saved.
    pub fn save_with(
        &mut self,
        plan: &Plan,
        make: impl FnOnce(&Ledger) -> Vec<Entry>,
    ) -> Result<(Vec<Entry>, Merged), StoreError> {
        self.save_checked_with(plan, |ledger| Ok::<_, std::convert::Infallible>(make(ledger))).map_err(|e| {
            match e {
                SaveError::Store(e) => e,
                SaveError::Refused(never) => match never {},
            }
        })
    }

    /// Like [`Store::save`], but first calls `check` with the ledger as it stands under the
    /// lock (ours merged with what is on disk), so a rule such as "no entry for a closed
    /// period" holds against what others saved a moment ago. If `check` refuses, nothing is
    /// written (the ledger in memory has still taken in the others' entries).
    pub fn save_checked<E>(
        &mut self,
        plan: &Plan,
        entries: Vec<Entry>,
        check: impl FnOnce(&Ledger) -> Result<(), E>,
    ) -> Result<Merged, SaveError<E>> {
        self.save_checked_with(plan, |ledger| check(ledger).map(|()| entries)).map(|(_, merged)| merged)
    }

    /// The one save: lock, merge what is on disk, let `make` decide (or refuse) the entries,
    /// write durably.
    pub fn save_checked_with<E>(
        &mut self,
        plan: &Plan,
        make: impl FnOnce(&Ledger) -> Result<Vec<Entry>, E>,
    ) -> Result<(Vec<Entry>, Merged), SaveError<E>> {
        let _lock = self.lock()?;
        refuse_sticky(&self.path)?;
        sweep_temporaries(&self.path);
        let mut merged = Merged::default();
        // Under the lock, the file is either the version this process last read or wrote
        // (same inode, length and modification time: nothing to merge, and a store of
        // 100,000 entries is not parsed again), or someone else's, which is read and merged.
        let on_disk = fs::metadata(&self.path).ok().map(|m| Stamp::of(&m));
        let replacing = if on_disk.is_some() && on_disk == self.seen {
            true
        } else {
            match self.read(plan)? {
                Some(found) => {
                    self.written_for = found.file.plan.hash.clone();
                    merged.from_others = self.take_read(found.file.entries);
                    merged.changed = true;
                    self.seen = Some(found.stamp);
                    true
                }
                None => false,
            }
        };
        // Two differing entries under one id: the ledger holds only one of them, and writing
        // it would drop the other from the store (and a save later from the backup too).
        if let Some(id) = self.ledger.conflicting_duplicates().first() {
            return Err(SaveError::Store(StoreError::DuplicateId {
                path: self.path.clone(),
                id: id.clone(),
            }));
        }
        let entries = make(&self.ledger).map_err(SaveError::Refused)?;
        if entries.is_empty() {
            return Ok((entries, merged));
        }
        // New figures are made now, after everything in the store: the file is the ledger
        // followed by them, written without copying the ledger, which takes them in only
        // once they are on disk. Anything else (an older entry, a known id) goes the long
        // way through a copy, so that a failed write leaves the ledger as it was.
        let last = self.ledger.entries().last();
        let appended = !entries.iter().any(|e| self.ledger.contains(&e.id))
            && std::iter::once(last)
                .chain(entries.iter().map(Some))
                .flatten()
                .is_sorted_by(|a, b| (a.time, &a.id) < (b.time, &b.id));
        if appended {
            self.seen = self.write(self.ledger.entries().iter().chain(&entries), replacing)?;
            self.ledger.merge(entries.iter().cloned());
        } else {
            let mut next = self.ledger.clone();
            next.merge(entries.iter().cloned());
            self.seen = self.write(next.entries().iter(), replacing)?;
            self.ledger = next;
        }
        self.written_for = self.plan.hash.clone();
        Ok((entries, merged))
    }

    /// Reads the file again if someone else changed it; a cheap `stat` when nobody did.
    pub fn refresh(&mut self, plan: &Plan) -> Result<Merged, StoreError> {
        let now = fs::metadata(&self.path).ok().map(|m| Stamp::of(&m));
        if now == self.seen {
            return Ok(Merged::default());
        }
        let mut merged = Merged::default();
        self.seen = match self.read(plan)? {
            Some(found) => {
                self.written_for = found.file.plan.hash.clone();
                merged.from_others = self.take_read(found.file.entries);
                merged.changed = true;
                Some(found.stamp)
            }
            None => None,
        };
        Ok(merged)
    }

    fn lock(&mut self) -> Result<File, StoreError> {
        refuse_special(&self.path)?;
        let lock_path = sibling(&self.path, "lock");
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let file = open_lock_file(&lock_path, &self.path).map_err(|e| StoreError::io(&lock_path, e))?;
        let Some(patience) = self.patience.as_mut() else {
            file.lock().map_err(|e| StoreError::io(&lock_path, e))?;
            return Ok(file);
        };
        // Someone else is saving (or a process hangs while holding the lock): ask at once,
        // and then every tenth of a second, whether to go on waiting.
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&lock_path, e)),
            }
            let waited = start.elapsed();
            if !patience(&lock_path, waited) {
                return Err(StoreError::Locked { lock: lock_path, waited });
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// Reads and checks the file; `None` if there is none. Notes and names come back clean.
    fn read(&self, plan: &Plan) -> Result<Option<Found>, StoreError> {
        let Some(found) = read_and_parse(&self.path)? else {
            return Ok(None);
        };
        check_plan(&found.file.plan, Entries::List(&found.file.entries.entries), plan, || again(&self.path))
            .map_err(|e| e.at(&self.path))?;
        Ok(Some(found))
    }

    /// Takes the entries read as the ledger, with their unknown fields; returns how many
    /// were new: what someone else saved since this process last read the file.
    ///
    /// The file replaces what this process held rather than joining it: every entry this
    /// process saved is in the file (a ledger takes entries only once they are on disk, and
    /// every save merges under the lock), so nothing is lost, and an entry edited by hand
    /// is seen as edited, not as a second entry under its id. Unknown fields kept for
    /// entries about to be saved (an import) stay.
    fn take_read(&mut self, read: ReadEntries) -> usize {
        let from_others = read.entries.iter().filter(|e| !self.ledger.contains(&e.id)).count();
        let mut extra: std::collections::HashMap<String, Extra> = read.extra.into_iter().collect();
        for (id, fields) in self.extra.drain() {
            extra.entry(id).or_insert(fields);
        }
        self.extra = extra;
        self.ledger = Ledger::from_entries(read.entries);
        from_others
    }

    /// Writes `entries` (in ledger order) as the store; when `replacing`, the file there now (read and checked
    /// under the lock) becomes `FILE.bak`.
    fn write<'e>(
        &self,
        entries: impl Iterator<Item = &'e Entry>,
        replacing: bool,
    ) -> Result<Option<Stamp>, StoreError> {
        let file = StoreFileOut {
            version: SCHEMA_VERSION,
            plan: &self.plan,
            entries: entries.map(|entry| StoredRef { entry, extra: self.extra.get(&entry.id) }).collect(),
        };
        // The file being replaced was read and checked just now, under the lock: keep it.
        if replacing {
            keep_backup(&self.path).map_err(|e| StoreError::io(&sibling(&self.path, "bak"), e))?;
        }
        // Serialised straight into the temporary file: 25 MB for 100,000 entries that need
        // not be held in memory as well.
        write_atomically_with(&self.path, &self.path, |out| {
            serde_json::to_writer_pretty(&mut *out, &file)?;
            out.write_all(b"\n")
        })
        .map_err(|e| StoreError::io(&self.path, e))?;
        Ok(fs::metadata(&self.path).ok().map(|m| Stamp::of(&m)))
    }
}

/// Opens (creating it if need be) the lock file beside a store. A new lock file takes the
/// store's permission bits, so that colleagues sharing a group-writable store can use it;
/// one that this user may not write (made by a colleague under a strict umask) is opened
/// read-only, which is enough for `flock` and for Windows' `LockFileEx`.
fn open_lock_file(lock_path: &Path, store: &Path) -> io::Result<File> {
    match OpenOptions::new().write(true).create_new(true).open(lock_path) {
        Ok(file) => {
            // The store's mode; before the first save, the directory's without its search
            // bits (a group-writable 2775 directory gives 0664), never the umask's alone, so
            // a colleague can always open the lock.
            let mode = fs::metadata(store).map(|meta| meta.permissions()).or_else(|_| {
                store_dir(store).metadata().map(|dir| {
                    #[cfg_attr(not(unix), allow(unused_mut))]
                    let mut permissions = dir.permissions();
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        permissions.set_mode(dir.mode_bits() & 0o666);
                    }
                    permissions
                })
            });
            if let Ok(mode) = mode {
                let _ = file.set_permissions(mode);
            }
            return Ok(file);
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    match OpenOptions::new().write(true).open(lock_path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => File::open(lock_path),
        other => other,
    }
}

/// The directory a store file is in.
fn store_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The permission bits of a file's metadata (0 where there are none).
#[cfg_attr(not(unix), allow(dead_code))]
trait ModeBits {
    fn mode_bits(&self) -> u32;
}

impl ModeBits for fs::Metadata {
    #[cfg(unix)]
    fn mode_bits(&self) -> u32 {
        std::os::unix::fs::PermissionsExt::mode(&self.permissions())
    }
    #[cfg(not(unix))]
    fn mode_bits(&self) -> u32 {
        0
    }
}

/// A store file as read: its content, and which version of the file.
struct Found {
    file: StoreFile,
    stamp: Stamp,
}

/// A store file read, parsed and indexed, not yet checked against the plan
/// ([`Store::read_file`]).
#[derive(Debug)]
pub struct Unchecked {
    path: PathBuf,
    found: Option<(PlanRef, Ledger, std::collections::HashMap<String, Extra>, Stamp)>,
}

impl Unchecked {
    /// The store, if the file is one for `plan` whose entries all name its targets.
    pub fn check(self, plan: &Plan) -> Result<Store, StoreError> {
        let mut store = Store {
            path: self.path,
            plan: PlanRef::of(plan),
            ledger: Ledger::default(),
            extra: Default::default(),
            seen: None,
            written_for: plan.content_hash.clone(),
            patience: None,
        };
        if let Some((file_plan, ledger, extra, stamp)) = self.found {
            check_plan(&file_plan, Entries::Indexed(&ledger), plan, || again(&store.path))
                .map_err(|e| e.at(&store.path))?;
            store.written_for = file_plan.hash;
            store.ledger = ledger;
            store.extra = extra;
            store.seen = Some(stamp);
        }
        Ok(store)
    }
}

/// `path` with every symbolic link in its last component followed (relative links are read
/// from the link's directory); a link to nothing gives the path it names, where the first
/// save creates the store.
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut path = path.to_owned();
    // As many links as the kernel itself follows before giving up (ELOOP).
    for _ in 0..40 {
        let Ok(target) = fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    path
}

/// Refuses a store path that is there but is not a regular file (a FIFO would block the
/// read for ever, a device would be read without end).
fn refuse_special(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(StoreError::NotAFile { path: path.to_owned() }),
        _ => Ok(()),
    }
}

/// Reads and parses the store file at `path` (`None` if there is none), without a plan.
/// Notes and names come back clean.
fn read_and_parse(path: &Path) -> Result<Option<Found>, StoreError> {
    refuse_special(path)?;
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let metadata = file.metadata().map_err(|e| StoreError::io(path, e))?;
    // A large store in the layout this program writes is parsed in two halves at once (see
    // `halves`); anything else, or anything `halves` cannot vouch for, the ordinary way.
    #[cfg(unix)]
    let segments = segments::parse(
        &segments::OpenFile { file: &file, len: metadata.len() },
        segments::MIN_LEN,
        segments::SEGMENT,
    );
    #[cfg(not(unix))]
    let segments = None;
    let mut parsed = match segments {
        Some(parsed) => parsed,
        // Through a buffer: the entries are built as the bytes arrive, and the file's bytes
        // are never all in memory beside them. The open file is the version stamped,
        // whatever a save by someone else renames over the path meanwhile.
        None => {
            parse(io::BufReader::with_capacity(1 << 16, &mut file), || again(path)).map_err(|e| e.at(path))?
        }
    };
    clean_text(&mut parsed);
    Ok(Some(Found { file: parsed, stamp: Stamp::of(&metadata) }))
}

/// The file's bytes read once more, to word an error.
fn again(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_default()
}

/// Makes `FILE.bak` the version of the store about to be replaced. A hard link costs no
/// copy (after the rename it is the only name of the old file); where links are refused
/// (some file systems, another user's file) the bytes are written instead.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = sibling(path, "bak");
    let link = path.with_file_name(format!(
        "{}link-{}.tmp",
        temp_prefix(path).to_string_lossy(),
        std::process::id()
    ));
    let _ = fs::remove_file(&link);
    if fs::hard_link(path, &link).is_ok() {
        if retry::RENAME.run(|| fs::rename(&link, &backup), std::thread::sleep).is_ok() {
            // When the backup already is this file (a save killed after its backup's rename
            // and before its own), POSIX's rename of one name of a file onto another does
            // nothing and leaves the link: removed here, or it would stay beside the store
            // (with the old store's bytes) until the next save, and a kill in this save
            // would leave a second temporary file.
            let _ = fs::remove_file(&link);
            // The directory is synced by the write of the store that follows.
            return Ok(());
        }
        let _ = fs::remove_file(&link);
    }
    write_atomically(&backup, &fs::read(path)?, path)
}

/// The host and login name an entry comes from, hashed into its id.
pub fn origin(author: &str) -> String {
    let host = ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|h| !h.is_empty()))
        .or_else(|| fs::read_to_string("/etc/hostname").ok().map(|h| h.trim().to_owned()))
        .unwrap_or_default();
    format!("{host}/{author}")
}

/// The login name of whoever runs this: `USER`, `LOGNAME` or `USERNAME`, else (on unix) the
/// name `/etc/passwd` gives this process's user; cleaned.
pub fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .chain(passwd_name())
        .map(|name| crate::domain::text::clean(name.trim()))
        .find(|name| !name.is_empty())
}

#[cfg(unix)]
fn passwd_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_owned())
    })
}

#[cfg(not(unix))]
fn passwd_name() -> Option<String> {
    None
}

/// What `chitieu check` found in a store that can be read but is not quite sound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The store was made for this plan's id and year, but the plan's content has changed
    /// since (a target added, a figure corrected): worth a look, not an error.
    PlanChanged { store_hash: String, plan_hash: String },
    /// Two entries share an id but differ: only one of them is used.
    ConflictingDuplicate { id: String, line: usize, column: usize },
    /// A withdrawal of an entry the store does not hold.
    UnknownRetraction { entry: String, retracts: String },
    /// A note, name or id with control or bidi characters (they are dropped when shown).
    UncleanText { entry: String, line: usize, column: usize },
    /// An entry dated more than a day ahead of this machine's clock (a wrong clock where it
    /// was made). It does not win by its date: a later entry made with it in view replaces it.
    DatedAhead { entry: String, time: jiff::Timestamp },
    /// The store file has other names (hard links): a save writes a new file under this
    /// name only, so the other names keep the old content.
    HardLinks { count: u64 },
    /// A current figure of a target whose figure is a rate (indicator 8) that is, or looks
    /// like, the fall the plan asks for (see `domain::reduction_figures`).
    FallForARate {
        entry: String,
        target: String,
        period: crate::domain::period::Period,
        value: rust_decimal::Decimal,
        why: crate::domain::reduction_figures::Why,
    },
}

/// The result of inspecting a store file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub entries: usize,
    pub findings: Vec<Finding>,
}

/// Reads the store at `path` as `chitieu check` does: `Ok(None)` when there is none, an
/// error when it cannot be used at all, and otherwise what is not sound about it.
pub fn inspect(path: &Path, plan: &Plan) -> Result<Option<Inspection>, StoreError> {
    let path = &resolve_links(path);
    refuse_special(path)?;
    // Whole, unlike `Store::open`: findings name the line of each entry.
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let file = parse(bytes.as_slice(), || bytes.clone()).map_err(|e| e.at(path))?;
    check_plan(&file.plan, Entries::List(&file.entries.entries), plan, || bytes.clone())
        .map_err(|e| e.at(path))?;
    let text = String::from_utf8_lossy(&bytes);
    let locate = |id: &str| crate::domain::text::locate_json_id(&text, id).unwrap_or((0, 0));
    let mut findings = Vec::new();
    #[cfg(unix)]
    if let Ok(meta) = fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            findings.push(Finding::HardLinks { count: meta.nlink() });
        }
    }
    if !plan.accepts_store_of(&file.plan.hash) {
        findings.push(Finding::PlanChanged {
            store_hash: file.plan.hash.clone(),
            plan_hash: plan.content_hash.clone(),
        });
    }
    let ledger = Ledger::new(file.entries.entries.iter().cloned());
    for suspect in crate::domain::reduction_figures::suspects(plan, &ledger, &file.plan.hash) {
        findings.push(Finding::FallForARate {
            entry: suspect.entry.id.clone(),
            target: suspect.entry.target.clone(),
            period: suspect.entry.period,
            value: suspect.entry.value,
            why: suspect.why,
        });
    }
    let mut by_id: std::collections::HashMap<&str, &Entry> = std::collections::HashMap::new();
    let mut reported = std::collections::HashSet::new();
    let entries: Vec<&Entry> = file.entries.entries.iter().collect();
    for &entry in &entries {
        match by_id.entry(entry.id.as_str()) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(entry);
            }
            std::collections::hash_map::Entry::Occupied(first) => {
                if *first.get() != entry && reported.insert(entry.id.as_str()) {
                    let (line, column) = locate(&entry.id);
                    findings.push(Finding::ConflictingDuplicate { id: entry.id.clone(), line, column });
                }
            }
        }
    }
    let now = jiff::Timestamp::now();
    for &entry in &entries {
        if crate::domain::ledger::dated_ahead(entry, now) {
            findings.push(Finding::DatedAhead { entry: entry.id.clone(), time: entry.time });
        }
        if let Some(retracts) = &entry.retracts
            && !by_id.contains_key(retracts.as_str())
        {
            findings.push(Finding::UnknownRetraction { entry: entry.id.clone(), retracts: retracts.clone() });
        }
        let ids = std::iter::once(&entry.id).chain(&entry.retracts).chain(entry.supersedes.iter().flatten());
        if !crate::domain::text::is_clean(&entry.note)
            || !crate::domain::text::is_clean(&entry.author)
            || ids.into_iter().any(|id| crate::domain::text::has_controls(id))
        {
            let (line, column) = locate(&entry.id);
            findings.push(Finding::UncleanText { entry: entry.id.clone(), line, column });
        }
    }
    Ok(Some(Inspection { entries: entries.len(), findings }))
}

/// Random characters in a temporary file's name.
const TEMP_RANDOM: usize = 6;

/// Temporary files for `FILE` are named `.FILE.<6 random characters>.tmp` (and `.FILE.link-PID.tmp` for the
/// backup's link), so that they can be told apart from those of any other file.
fn temp_prefix(path: &Path) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    prefix
}

/// Removes what writers of the store at `path` that were killed mid-save left behind: its
/// temporary files and those of its backup. Called with the store's lock held, when no
/// other save of this store can be writing one.
fn sweep_temporaries(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let ours = [temp_prefix(path), temp_prefix(&sibling(path, "bak"))];
    let Ok(listing) = fs::read_dir(dir) else {
        return;
    };
    for item in listing.flatten() {
        let name = item.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let leftover = ours.iter().filter_map(|p| p.to_str()).any(|prefix| {
            name.strip_prefix(prefix).and_then(|rest| rest.strip_suffix(".tmp")).is_some_and(|middle| {
                let random = middle.len() == TEMP_RANDOM && middle.chars().all(|c| c.is_ascii_alphanumeric());
                let link =
                    middle.strip_prefix("link-").is_some_and(|pid| pid.chars().all(|c| c.is_ascii_digit()));
                random || link
            })
        });
        if leftover {
            let _ = fs::remove_file(item.path());
        }
    }
}

/// In a directory with the sticky bit (`chmod +t`, as `/tmp` and many shared folders), only
/// the owner of a file (or of the directory) may replace it, so a colleague's save could
/// never be renamed over the store: said before anything is written, with what to do.
#[cfg(unix)]
fn refuse_sticky(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (Ok(dir_meta), Ok(file_meta)) = (fs::metadata(dir), fs::metadata(path)) else {
        return Ok(());
    };
    let me = rustix::process::geteuid().as_raw();
    let sticky = dir_meta.mode() & 0o1000 != 0;
    if sticky && me != 0 && file_meta.uid() != me && dir_meta.uid() != me {
        return Err(StoreError::StickyDirectory {
            dir: dir.to_owned(),
            owner: owner_name(file_meta.uid()).unwrap_or_else(|| file_meta.uid().to_string()),
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_sticky(_path: &Path) -> Result<(), StoreError> {
    Ok(())
}

/// The login name of user `uid`, from `/etc/passwd`.
#[cfg(unix)]
fn owner_name(uid: u32) -> Option<String> {
    let uid = uid.to_string();
    let passwd = fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_owned())
    })
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// What is wrong with store bytes, before the path is known.
struct ParseError {
    line: usize,
    column: usize,
    problem: StoreProblem,
    /// The file could not be read to its end (a disk error, not its content).
    io: Option<io::Error>,
}

impl ParseError {
    fn at(self, path: &Path) -> StoreError {
        if let Some(source) = self.io {
            return StoreError::io(path, source);
        }
        StoreError::Unreadable {
            path: path.to_owned(),
            line: self.line,
            column: self.column,
            problem: self.problem,
            backup: Some(sibling(path, "bak")).filter(|b| b.exists()),
        }
    }
}

/// Store bytes read the way [`Store::open`] reads them (parse, check against `plan`, clean
/// notes and names), into a ledger. For the fuzzer; `path` only names the file in errors.
#[cfg(any(test, feature = "testkit"))]
pub fn load_bytes(bytes: &[u8], plan: &Plan, path: &Path) -> Result<Ledger, StoreError> {
    let mut file = parse(bytes, || bytes.to_vec()).map_err(|e| e.at(path))?;
    clean_text(&mut file);
    check_plan(&file.plan, Entries::List(&file.entries.entries), plan, || bytes.to_vec())
        .map_err(|e| e.at(path))?;
    Ok(Ledger::from_entries(file.entries.entries))
}

/// For the fuzzer: whether reading `bytes` in segments of about `segment` bytes gives what
/// the ordinary read gives, or declines (see `segments`).
#[cfg(feature = "testkit")]
pub fn segments_agree(bytes: &[u8], segment: u64) -> bool {
    match segments::parse(bytes, 0, segment) {
        None => true,
        Some(file) => parse(bytes, || bytes.to_vec()).is_ok_and(|whole| whole == file),
    }
}

/// Notes and names made clean (NFC, no control characters), in place.
fn clean_text(file: &mut StoreFile) {
    for entry in file.entries.entries.iter_mut() {
        crate::domain::text::clean_in_place(&mut entry.note);
        crate::domain::text::clean_in_place(&mut entry.author);
    }
}

/// Parses a store from `reader` and checks its version. `again` gives the file's bytes once
/// more, for the wording of an error (the version of a broken file).
fn parse(reader: impl io::Read, again: impl FnOnce() -> Vec<u8>) -> Result<StoreFile, ParseError> {
    // The version is read first, so that a newer file is refused for what it is rather
    // than for a field this build does not know.
    #[derive(Deserialize)]
    struct Version {
        version: Option<serde_json::Value>,
    }
    let json_error = |e: serde_json::Error| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        let problem = match e.classify() {
            serde_json::error::Category::Eof => StoreProblem::Truncated,
            serde_json::error::Category::Data => StoreProblem::Shape(message),
            _ => StoreProblem::Json(message),
        };
        ParseError { line: e.line(), column: e.column(), problem, io: None }
    };
    let at_top = |problem| ParseError { line: 0, column: 0, problem, io: None };
    let version_problem = |version: Option<u64>| match version {
        Some(v) if v == u64::from(SCHEMA_VERSION) => None,
        Some(v) if v > u64::from(SCHEMA_VERSION) => Some(StoreProblem::NewerVersion(v)),
        _ => Some(StoreProblem::UnknownVersion),
    };
    // One pass when the file is sound; when it is not, the version decides the message.
    let file: StoreFile = match serde_json::from_reader(reader) {
        Ok(file) => file,
        Err(error) if error.is_io() => {
            // The underlying error (serde_json gives it back whole).
            let source = io::Error::from(error);
            return Err(ParseError {
                line: 0,
                column: 0,
                problem: StoreProblem::Truncated,
                io: Some(source),
            });
        }
        Err(error) => {
            let version: Version = serde_json::from_slice(&again()).map_err(json_error)?;
            if let Some(problem) =
                version_problem(version.version.as_ref().and_then(serde_json::Value::as_u64))
            {
                return Err(at_top(problem));
            }
            return Err(json_error(error));
        }
    };
    if let Some(problem) = version_problem(Some(u64::from(file.version))) {
        return Err(at_top(problem));
    }
    Ok(file)
}

/// Checks that a store (its plan reference and entries) is one for `plan`: the same plan
/// and year, and every entry for one of its targets. `again` gives the file's bytes, to
/// name the line of an entry for an unknown target.
fn check_plan(
    file_plan: &PlanRef,
    entries: Entries,
    plan: &Plan,
    again: impl FnOnce() -> Vec<u8>,
) -> Result<(), ParseError> {
    use crate::domain::ledger::ROUND_TARGET;
    let at_top = |problem| ParseError { line: 0, column: 0, problem, io: None };
    if file_plan.id != plan.id || file_plan.year != plan.year {
        return Err(at_top(StoreProblem::OtherPlan { id: file_plan.id.clone(), year: file_plan.year }));
    }
    let targets: hashbrown::HashSet<&str> = plan.targets.iter().map(|t| t.id.as_str()).collect();
    // A round entry (closing a period) stands for the whole period: target `*`; a figure
    // names a target of the plan.
    let fits = |e: &Entry, known: bool| known && e.is_round() == (e.target == ROUND_TARGET);
    let misfit = match entries {
        Entries::List(list) => {
            list.iter().find(|e| !fits(e, e.target == ROUND_TARGET || targets.contains(e.target.as_str())))
        }
        // One look-up per target rather than per entry (10,000 rather than 100,000).
        Entries::Indexed(ledger) => ledger.targets().find_map(|(target, positions)| {
            let known = target == ROUND_TARGET || targets.contains(target);
            positions.iter().map(|&i| &ledger.entries()[i]).find(|e| !fits(e, known))
        }),
    };
    if let Some(entry) = misfit {
        let text = String::from_utf8_lossy(&again()).into_owned();
        let (line, column) = crate::domain::text::locate_json_id(&text, &entry.id).unwrap_or((0, 0));
        return Err(ParseError {
            line,
            column,
            problem: StoreProblem::UnknownTarget { entry: entry.id.clone(), target: entry.target.clone() },
            io: None,
        });
    }
    Ok(())
}

/// The entries [`check_plan`] checks: as read, or already indexed by target.
enum Entries<'a> {
    List(&'a [Entry]),
    Indexed(&'a Ledger),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_default_store_is_local_and_an_earlier_roaming_one_is_still_found() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (local, roaming) = (dir.path().join("Local"), dir.path().join("Roaming"));
        assert_eq!(default_in(&local, &roaming), local.join("store.json"), "a new install");
        fs::create_dir_all(&roaming).expect("dir");
        fs::write(roaming.join("store.json"), "{}").expect("store");
        assert_eq!(default_in(&local, &roaming), roaming.join("store.json"), "an earlier store");
        assert_eq!(default_in(&roaming, &roaming), roaming.join("store.json"), "one directory (Linux)");
    }
    use crate::domain::ledger::tests::entry;
    use crate::domain::period::Period;

    #[test]
    fn an_entry_that_does_not_fit_the_plan_is_refused_by_open_check_and_load() {
        let plan = Plan::embedded();
        let round = |id: &str, target: &str| {
            let mut e = entry(id, target, Period::H1, "0", 5);
            e.action = Some(crate::domain::ledger::RoundAction::ClosePeriod);
            e
        };
        let dir = tempfile::tempdir().expect("tempdir");
        // A figure for no target of the plan, a figure for the whole period, a closing for
        // one target: each refused, naming the entry, whichever way the store is read.
        for misfit in
            [entry("x", "99", Period::H1, "1", 3), entry("x", "*", Period::H1, "1", 3), round("x", "3")]
        {
            let path = dir.path().join("store.json");
            let _ = std::fs::remove_file(&path);
            let mut store = Store::open(&path, &plan).expect("open");
            store.save(&plan, vec![entry("a", "3", Period::H1, "4500", 1), round("r", "*")]).expect("save");
            let mut file: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
            let entries = file["entries"].as_array_mut().expect("entries");
            entries.push(serde_json::to_value(&misfit).expect("entry"));
            let bytes = serde_json::to_vec_pretty(&file).expect("json");
            std::fs::write(&path, &bytes).expect("write");
            let names = |e: StoreError| match e {
                StoreError::Unreadable { problem: StoreProblem::UnknownTarget { entry, .. }, .. } => entry,
                other => panic!("{other:?}"),
            };
            assert_eq!(names(Store::open(&path, &plan).expect_err("open refuses")), misfit.id);
            assert_eq!(names(inspect(&path, &plan).expect_err("check refuses")), misfit.id);
            assert_eq!(names(load_bytes(&bytes, &plan, &path).expect_err("load refuses")), misfit.id);
            assert_eq!(std::fs::read(&path).expect("read"), bytes, "left as it was");
        }
    }

    /// A writer killed between its backup's rename and its store's leaves the backup as a
    /// second name of the store. The next save's link for the backup is then renamed onto
    /// that same file, which POSIX makes a no-op: no link may stay behind.
    #[test]
    fn a_backup_that_already_is_the_store_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.json");
        let plan = Plan::embedded();
        let mut store = Store::open(&path, &plan).expect("open");
        store.save(&plan, vec![entry("a", "3", Period::H1, "4500", 1)]).expect("save");
        let backup = sibling(&path, "bak");
        let _ = fs::remove_file(&backup);
        fs::hard_link(&path, &backup).expect("the backup as a second name of the store");
        store.save(&plan, vec![entry("b", "3", Period::H1, "4600", 2)]).expect("save");
        let temporaries: Vec<String> = fs::read_dir(dir.path())
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(temporaries.is_empty(), "left beside the store: {temporaries:?}");
        let kept = Store::open(&backup, &plan).expect("the backup opens");
        assert!(
            kept.ledger().contains("a") && !kept.ledger().contains("b"),
            "the backup is the version replaced"
        );
    }

    #[test]
    fn a_save_merges_what_another_process_saved_and_says_so() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.json");
        let plan = Plan::embedded();
        let mut lan = Store::open(&path, &plan).expect("open");
        let mut minh = Store::open(&path, &plan).expect("open");
        assert!(!path.exists(), "opening creates nothing");
        assert_eq!(
            lan.save(&plan, vec![entry("a", "3", Period::H1, "4500", 1)]).expect("save").from_others,
            0
        );
        assert_eq!(
            minh.save(&plan, vec![entry("b", "1", Period::H1, "8.1", 2)]).expect("save").from_others,
            1
        );
        assert_eq!(minh.ledger().len(), 2);
        // Lan's view learns of Minh's entry on refresh, and a second refresh costs a stat.
        assert_eq!(lan.refresh(&plan).expect("refresh").from_others, 1);
        assert_eq!(lan.refresh(&plan).expect("refresh").from_others, 0);
        assert_eq!(Store::open(&path, &plan).expect("open").ledger(), lan.ledger());
        // The backup is the version before the last save.
        let backup = Store::open(&sibling(&path, "bak"), &plan).expect("backup");
        assert_eq!(backup.ledger().len(), 1);
    }

    #[test]
    fn entry_fields_are_the_fields_of_entry() {
        let mut e = entry("a", "3", Period::H1, "4500", 1);
        e.retracts = Some("b".into());
        e.supersedes = Some(vec!["c".into()]);
        e.action = Some(crate::domain::ledger::RoundAction::ClosePeriod);
        let value = serde_json::to_value(&e).expect("serialise");
        let mut keys: Vec<&str> = value.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut known = ENTRY_FIELDS.to_vec();
        known.sort_unstable();
        assert_eq!(keys, known);
    }

    #[test]
    fn fields_this_build_does_not_know_survive_a_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.json");
        let plan = Plan::embedded();
        let text = format!(
            r#"{{"version": 1, "plan": {{"id": "{}", "year": 2024, "hash": "{}"}}, "entries": [
                {{"id": "a", "target": "3", "period": "h1", "value": "4500", "kind": "official",
                  "source": {{"doc": "BC-12", "pages": [1, 2]}}, "note": "", "author": "lan",
                  "time": "2024-07-05T08:00:00Z", "reviewed": true}},
                {{"id": "b", "target": "1", "period": "h1", "value": "8.1", "kind": "estimate",
                  "note": "", "author": "minh", "time": "2024-07-06T08:00:00Z"}}
            ]}}"#,
            plan.id, plan.content_hash
        );
        // One process opened the store before the file held any of those fields.
        let mut early = Store::open(&path, &plan).expect("open");
        std::fs::write(&path, text).expect("write");
        let mut store = Store::open(&path, &plan).expect("open");
        assert_eq!(store.ledger().len(), 2);
        store.save(&plan, vec![entry("c", "1", Period::H1, "8.2", 3)]).expect("save");
        let saved: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        let entries = saved["entries"].as_array().expect("entries");
        let a = entries.iter().find(|e| e["id"] == "a").expect("a");
        assert_eq!(a["source"], serde_json::json!({"doc": "BC-12", "pages": [1, 2]}));
        assert_eq!(a["reviewed"], true);
        assert_eq!(a["value"], "4500");
        let b = entries.iter().find(|e| e["id"] == "b").expect("b");
        assert_eq!(b.as_object().expect("object").len(), 8, "no fields invented for others");
        // And by the process that learnt of them only when merging under the lock.
        early.save(&plan, vec![entry("d", "1", Period::H1, "8.3", 4)]).expect("save");
        let saved: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        let a = saved["entries"].as_array().expect("entries").iter().find(|e| e["id"] == "a").expect("a");
        assert_eq!(a["reviewed"], true);
    }

    #[test]
    fn notes_and_names_read_from_a_file_come_back_clean() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.json");
        let plan = Plan::embedded();
        let mut dirty = entry("a", "3", Period::H1, "4500", 1);
        dirty.note = "x\u{1b}]0;owned\u{7}y\u{202e}".into();
        dirty.author = "la\u{9b}n".into();
        Store::open(&path, &plan).expect("open").save(&plan, vec![dirty]).expect("save");
        let store = Store::open(&path, &plan).expect("open");
        let e = &store.ledger().entries()[0];
        assert_eq!((e.note.as_str(), e.author.as_str()), ("x]0;ownedy", "lan"));
        let inspection = inspect(&path, &plan).expect("inspect").expect("a store");
        assert!(matches!(inspection.findings.as_slice(), [Finding::UncleanText { .. }]));
    }
}
