//! The store under stress: writers killed at random moments, two writers at once, and the
//! permission bits of a shared file.
//!
//! The killed writer is this test binary itself, run again with `CHITIEU_TEST_WRITER` set:
//! the test `writer_child` then saves entries in a loop and prints each id once `save`
//! returned. Run normally it does nothing.

mod common;

use chitieu::domain::ledger::{Entry, Kind, new_entry_id};
use chitieu::domain::period::Period;
use chitieu::domain::plan::Plan;
use chitieu::store::Store;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const WRITER_ENV: &str = "CHITIEU_TEST_WRITER";

fn entry(n: u64, note: &str) -> Entry {
    let time = jiff::Timestamp::now();
    let value = rust_decimal::Decimal::from(n);
    Entry::figure(new_entry_id(time, "test/writer"), "3", Period::H1, value, Kind::Estimate, "writer", time)
        .with_note(note)
}

/// The child side of the kill loop (a no-op unless `CHITIEU_TEST_WRITER` names a store).
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let plan = Plan::embedded();
    let mut store = Store::open(Path::new(&path), &plan).expect("open");
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let e = entry(n, "kill loop");
        store.save(&plan, vec![e.clone()]).expect("save");
        // Only now is the entry reported saved.
        writeln!(out, "saved {}", e.id).expect("stdout");
        out.flush().expect("stdout");
    }
}

/// A small xorshift, seeded from the clock and printed, so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_a_reported_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("store.json");
    let plan = Plan::embedded();
    let seed = std::env::var("CHITIEU_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    eprintln!("kill loop seed {seed} (CHITIEU_KILL_SEED={seed} repeats it)");
    let mut rng = Rng(seed);
    let mut reported: HashSet<String> = HashSet::new();
    let rounds = 40;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", "writer_child", "--nocapture", "--test-threads=1", "--quiet"])
            .env(WRITER_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn writer");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, saves) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("saved ").map(str::to_owned))
                .inspect(|id| {
                    let _ = sender.send(id.clone());
                })
                .collect::<Vec<_>>()
        });
        // Odd rounds kill at any moment, start-up included; even rounds once the writer is
        // saving, so that a slow machine still sees kills inside the save loop.
        if round % 2 == 0 {
            saves.recv_timeout(Duration::from_secs(60)).expect("the writer saves something");
        }
        std::thread::sleep(Duration::from_millis(rng.next(120)));
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
        let ids = reader.join().expect("reader");
        reported.extend(ids);

        // Whatever moment the kill came, the store parses and holds every reported entry,
        // and the backup beside it is a sound store too.
        let store = Store::open(&path, &plan)
            .unwrap_or_else(|e| panic!("round {round}, seed {seed}: store unreadable: {e:?}"));
        let missing: Vec<&String> = reported.iter().filter(|id| !store.ledger().contains(id)).collect();
        assert!(missing.is_empty(), "round {round}, seed {seed}: lost {missing:?}");
        let backup = chitieu::store::sibling(&path, "bak");
        if backup.exists() {
            Store::open(&backup, &plan)
                .unwrap_or_else(|e| panic!("round {round}, seed {seed}: backup unreadable: {e:?}"));
        }
    }
    assert!(reported.len() >= rounds, "the writer made progress: {} entries reported", reported.len());
    // Temporary files of killed saves are swept by the next save: at most the last round's
    // can be left.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.len() <= 1, "leftover temporary files: {leftovers:?}");
    eprintln!("{} entries reported saved over {rounds} kills", reported.len());
}

#[test]
fn two_writers_at_once_keep_all_400_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("store.json");
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                for n in 0..200 {
                    let output = common::chitieu()
                        .env_remove("CHITIEU_LANG")
                        .env("USER", who)
                        .arg("--store")
                        .arg(&path)
                        // `--yes`: figures of 0–199 against a goal of 9.266 are far off what h1
                        // expects and would be questioned; this test is about the lock.
                        .args([
                            "set",
                            "3",
                            &n.to_string(),
                            "--period",
                            "h1",
                            "--yes",
                            "--note",
                            &format!("{who}-{n}"),
                        ])
                        .output()
                        .expect("run chitieu");
                    assert!(
                        output.status.success(),
                        "{who}-{n}: {}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer");
    }
    let store = Store::open(&path, &Plan::embedded()).expect("open");
    assert_eq!(store.ledger().len(), 400);
    let notes: HashSet<&str> = store.ledger().entries().iter().map(|e| e.note.as_str()).collect();
    for who in ["a", "b"] {
        for n in 0..200 {
            assert!(notes.contains(format!("{who}-{n}").as_str()), "{who}-{n} is missing");
        }
    }
}

#[cfg(unix)]
mod permissions {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
    }

    /// `chitieu set` under a given umask, through the shell (the umask is per process).
    fn set_with_umask(store: &Path, umask: &str, value: &str) {
        let status = crate::common::isolate(&mut Command::new("sh"))
            .args(["-c", &format!("umask {umask} && exec \"$0\" --store \"$1\" set 1 {value}")])
            .arg(env!("CARGO_BIN_EXE_chitieu"))
            .arg(store)
            .env_remove("CHITIEU_LANG")
            .stdout(Stdio::null())
            .status()
            .expect("sh");
        assert!(status.success());
    }

    #[test]
    fn a_new_store_follows_the_umask() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("store.json");
        set_with_umask(&store, "027", "8,3");
        assert_eq!(mode(&store), 0o640);
        let other = dir.path().join("other.json");
        set_with_umask(&other, "002", "8,3");
        assert_eq!(mode(&other), 0o664);
    }

    #[test]
    fn a_shared_store_keeps_its_mode_after_a_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("store.json");
        set_with_umask(&store, "022", "8,3");
        assert_eq!(mode(&store), 0o644);
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o664)).expect("chmod");
        // A umask that would give 0600 to a new file: the existing mode must win.
        set_with_umask(&store, "077", "8,4");
        assert_eq!(mode(&store), 0o664);
        set_with_umask(&store, "077", "8,5");
        assert_eq!(mode(&store), 0o664);
        assert_eq!(mode(&chitieu::store::sibling(&store, "bak")), 0o664, "the backup too");
    }

    #[test]
    fn a_new_lock_file_takes_the_stores_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("store.json");
        set_with_umask(&store, "002", "8,3");
        let lock = chitieu::store::sibling(&store, "lock");
        std::fs::remove_file(&lock).expect("remove lock");
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o660)).expect("chmod");
        set_with_umask(&store, "077", "8,4");
        assert_eq!(mode(&lock), 0o660, "colleagues in the group can open the lock");
    }
}
