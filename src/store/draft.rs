//! The edit form's text, kept when the terminal hangs up while a form is open (an SSH link
//! drops mid-edit), and offered back in the form on the next start.
//!
//! `update` keeps a snapshot of the open form in a [`Slot`]; the signal thread (SIGHUP,
//! SIGTERM…) and the hang-up watchdog write it with [`save_now`] just before the process
//! ends. The main loop never writes drafts while the user types. A draft is a small JSON
//! file beside the store, one per user (`STORE.draft-USER.json`), written atomically; it is
//! never the store and never merged into it: it only fills the form again, and nothing is
//! saved until the user presses Enter.

use crate::domain::ledger::Kind;
use crate::domain::period::Period;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::Duration;

/// The raw text of an edit form, as typed (the value is not parsed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub target: String,
    pub period: Period,
    pub kind: Kind,
    pub value: String,
    pub note: String,
    /// Set while the form is being saved: the moment its entry is dated with. A draft written
    /// by a hang-up in the middle of that save is not offered again when the store holds that
    /// entry (the save reached the disk), so a figure is never saved twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saving_at: Option<jiff::Timestamp>,
}

/// The form open now, if any: kept current by `app::update`, read by the exit paths.
pub type Slot = Arc<Mutex<Option<Draft>>>;

/// `STORE.draft-USER.json`, with the user name reduced to characters safe in a file name.
/// A name that loses characters on the way (Vietnamese letters, `/`) or is long is cut to
/// [`NAME_KEPT`] characters and followed by a hash of the whole name, so that two users never
/// share a draft and the file name stays within every file system's limit.
pub fn path_for(store: &Path, user: &str) -> PathBuf {
    let safe: String =
        user.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
    let name = if safe == user && user.len() <= NAME_KEPT && !user.starts_with('.') {
        safe
    } else {
        let hash = user
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        let kept: String = safe.chars().take(NAME_KEPT).collect();
        format!("{kept}-{hash:016x}")
    };
    crate::store::sibling(store, &format!("draft-{name}.json"))
}

/// How much of a user name a draft's file name keeps as it is.
const NAME_KEPT: usize = 32;

/// Writes `draft` atomically (temporary file, fsync, rename), private to its user.
pub fn write(path: &Path, draft: &Draft) -> std::io::Result<()> {
    let bytes = serde_json::to_vec_pretty(draft).map_err(std::io::Error::other)?;
    // A note may be personal, and the store's directory is often shared: 0600 from the start.
    crate::store::write_private(path, &bytes)
}

/// The draft at `path`, if there is a readable one.
pub fn read(path: &Path) -> Option<Draft> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Removes the draft once it is back in a form (the form's own snapshot takes over).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// Writes the draft in `slot`, if a form is open, to `path`: called by whichever exit path
/// comes first (signal thread, watchdog, the loop after a signal); the others wait for it
/// and write nothing. Never blocks for long on the slot: `update` holds it only to replace it.
pub fn save_now(slot: &Slot, path: &Path) {
    static DONE: Mutex<bool> = Mutex::new(false);
    let mut done = DONE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if *done {
        return;
    }
    *done = true;
    let mut draft = None;
    for _ in 0..20 {
        match slot.try_lock() {
            Ok(guard) => {
                draft = guard.clone();
                break;
            }
            Err(TryLockError::Poisoned(poisoned)) => {
                draft = poisoned.into_inner().clone();
                break;
            }
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    if let Some(draft) = draft {
        let _ = write(path, &draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips_beside_the_store_and_leaves_the_store_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("store.json");
        std::fs::write(&store, b"store bytes").expect("store");
        let path = path_for(&store, "lan/../x y");
        assert!(
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("store.json.draft-lan_.._x_y-")),
            "{path:?}"
        );
        let draft = Draft {
            target: "3".into(),
            period: Period::H1,
            kind: Kind::Official,
            value: "9.5".into(),
            note: "Sở Tài chính".into(),
            saving_at: None,
        };
        let slot: Slot = Arc::new(Mutex::new(Some(draft.clone())));
        save_now(&slot, &path);
        assert_eq!(read(&path), Some(draft));
        assert_eq!(std::fs::read(&store).expect("store"), b"store bytes");
        save_now(&slot, &dir.path().join("second"));
        assert!(!dir.path().join("second").exists(), "only the first exit path writes");
        remove(&path);
        assert_eq!(read(&path), None);
        std::fs::write(&path, b"{ half").expect("write");
        assert_eq!(read(&path), None, "an unreadable draft is not offered");
    }
}
