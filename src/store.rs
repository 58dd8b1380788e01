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

use crate::ledger::{Entry, Ledger};
use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The schema version written by this build. Older versions are read; newer ones refused.
pub const SCHEMA_VERSION: u32 = 1;

/// Which plan a store was made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    pub id: String,
    pub year: i16,
    pub hash: String,
}

impl PlanRef {
    pub fn of(plan: &Plan) -> PlanRef {
        PlanRef { id: plan.id.clone(), year: plan.year, hash: plan.content_hash.clone() }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct StoreFile {
    version: u32,
    plan: PlanRef,
    entries: Vec<Entry>,
}

/// The default store: `store.json` in the user's data directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("vn", "chitieu", "chitieu").map(|dirs| dirs.data_dir().join("store.json"))
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
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    plan: PlanRef,
    ledger: Ledger,
    /// The file as last read or written, or `None` if it did not exist.
    seen: Option<Stamp>,
}

/// What a save or refresh brought in from other people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Merged {
    /// Entries found on disk that this process had not seen.
    pub from_others: usize,
}

impl Store {
    /// Opens the store at `path` for `plan`. A missing file is an empty store; the file is
    /// created by the first save, not by reading.
    pub fn open(path: &Path, plan: &Plan) -> Result<Store, StoreError> {
        let mut store =
            Store { path: path.to_owned(), plan: PlanRef::of(plan), ledger: Ledger::default(), seen: None };
        if let Some((entries, stamp)) = store.read(plan)? {
            store.ledger.merge(entries);
            store.seen = Some(stamp);
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// Saves `entries` durably, merging whatever others saved meanwhile. On success the
    /// entries are on disk; on failure nothing on disk has changed.
    pub fn save(&mut self, plan: &Plan, entries: Vec<Entry>) -> Result<Merged, StoreError> {
        self.save_checked(plan, entries, |_| Ok::<(), std::convert::Infallible>(())).map_err(|e| match e {
            SaveError::Store(e) => e,
            SaveError::Refused(never) => match never {},
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
        let _lock = self.lock()?;
        let mut merged = Merged::default();
        let previous = self.read(plan)?;
        if let Some((on_disk, _)) = previous {
            merged.from_others = self.ledger.merge(on_disk);
        }
        check(&self.ledger).map_err(SaveError::Refused)?;
        let mut next = self.ledger.clone();
        next.merge(entries);
        self.write(&next)?;
        self.ledger = next;
        Ok(merged)
    }

    /// Reads the file again if someone else changed it; a cheap `stat` when nobody did.
    pub fn refresh(&mut self, plan: &Plan) -> Result<Merged, StoreError> {
        let now = fs::metadata(&self.path).ok().map(|m| Stamp::of(&m));
        if now == self.seen {
            return Ok(Merged::default());
        }
        let mut merged = Merged::default();
        self.seen = match self.read(plan)? {
            Some((entries, stamp)) => {
                merged.from_others = self.ledger.merge(entries);
                Some(stamp)
            }
            None => None,
        };
        Ok(merged)
    }

    fn lock(&self) -> Result<File, StoreError> {
        let lock_path = sibling(&self.path, "lock");
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::io(&lock_path, e))?;
        file.lock().map_err(|e| StoreError::io(&lock_path, e))?;
        Ok(file)
    }

    /// Reads and checks the file; `None` if there is none.
    fn read(&self, plan: &Plan) -> Result<Option<(Vec<Entry>, Stamp)>, StoreError> {
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(&self.path, e)),
        };
        let stamp = Stamp::of(&file.metadata().map_err(|e| StoreError::io(&self.path, e))?);
        let mut text = String::new();
        io::Read::read_to_string(&mut file, &mut text).map_err(|e| StoreError::io(&self.path, e))?;
        let entries = parse(&text, plan).map_err(|(line, column, problem)| StoreError::Unreadable {
            path: self.path.clone(),
            line,
            column,
            problem,
            backup: Some(sibling(&self.path, "bak")).filter(|b| b.exists()),
        })?;
        Ok(Some((entries, stamp)))
    }

    fn write(&mut self, ledger: &Ledger) -> Result<(), StoreError> {
        let file = StoreFile {
            version: SCHEMA_VERSION,
            plan: self.plan.clone(),
            entries: ledger.entries().to_vec(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| StoreError::io(&self.path, e.into()))?;
        bytes.push(b'\n');
        // The file being replaced was read and checked just now, under the lock: keep it.
        if self.path.exists() {
            let backup = sibling(&self.path, "bak");
            let old = fs::read(&self.path).map_err(|e| StoreError::io(&self.path, e))?;
            write_atomically(&backup, &old, &self.path).map_err(|e| StoreError::io(&backup, e))?;
        }
        write_atomically(&self.path, &bytes, &self.path).map_err(|e| StoreError::io(&self.path, e))?;
        self.seen = fs::metadata(&self.path).ok().map(|m| Stamp::of(&m));
        Ok(())
    }
}

/// Replaces `path` with `bytes`: a temporary file in the same directory, fsync, rename,
/// fsync of the directory. The new file takes the permission bits and group of
/// `permissions_from` when that exists, and follows the umask otherwise.
pub fn write_atomically(path: &Path, bytes: &[u8], permissions_from: &Path) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".chitieu-").suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default is 0600, which would lock colleagues out of a shared store;
        // 0666 passes through the umask like any newly created file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    if let Ok(old) = fs::metadata(permissions_from) {
        temp.as_file().set_permissions(old.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Keeping the group can fail for a user outside it; the mode is what matters then.
            let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(old.gid()));
        }
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Parses and checks store text; on failure, the line, column and problem.
fn parse(text: &str, plan: &Plan) -> Result<Vec<Entry>, (usize, usize, StoreProblem)> {
    // The version is read first, so that a newer file is refused for what it is rather
    // than for a field this build does not know.
    #[derive(Deserialize)]
    struct Version {
        version: Option<serde_json::Value>,
    }
    let json_error = |e: serde_json::Error| {
        let problem = if e.is_eof() {
            StoreProblem::Truncated
        } else {
            let message = e.to_string();
            StoreProblem::Json(message.split(" at line ").next().unwrap_or(&message).to_owned())
        };
        (e.line(), e.column(), problem)
    };
    let version: Version = serde_json::from_str(text).map_err(json_error)?;
    match version.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) if v > u64::from(SCHEMA_VERSION) => return Err((0, 0, StoreProblem::NewerVersion(v))),
        _ => return Err((0, 0, StoreProblem::UnknownVersion)),
    }
    let file: StoreFile = serde_json::from_str(text).map_err(json_error)?;
    if file.plan.id != plan.id || file.plan.year != plan.year {
        return Err((0, 0, StoreProblem::OtherPlan { id: file.plan.id, year: file.plan.year }));
    }
    for entry in &file.entries {
        if !crate::exchange::target_fits(plan, entry) {
            // Located only on failure: searching the text for every entry is quadratic.
            let (line, column) = crate::text::locate_json_id(text, &entry.id).unwrap_or((0, 0));
            return Err((
                line,
                column,
                StoreProblem::UnknownTarget { entry: entry.id.clone(), target: entry.target.clone() },
            ));
        }
    }
    Ok(file.entries)
}

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
    fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io { path: path.to_owned(), source }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    Json(String),
    Truncated,
    NewerVersion(u64),
    UnknownVersion,
    OtherPlan { id: String, year: i16 },
    UnknownTarget { entry: String, target: String },
}
