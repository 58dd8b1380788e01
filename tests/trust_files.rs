//! The store's files and paths under a hostile or unlucky setup (issue 11, holes 4–8, 14,
//! 15): a held lock, a FIFO, a symbolic link, a sticky or ACL'd directory, a strict umask,
//! a time zone that is not a file. Each through the real binary on real files.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Waits for `child`, killing it (and failing) if it has not ended within `limit`: a guard
/// for the holes that used to hang for ever, not a measurement.
fn finish(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[cfg(target_os = "linux")]
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
}

/// Hole 5: a held lock is said within the first moments (naming the lock file), counted,
/// and given up after `--wait` with exit 2 and nothing written.
#[test]
fn a_held_lock_is_said_at_once_and_given_up_after_the_wait() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let lock = dir.path().join("store.json.lock");
    let holder = Command::new("flock")
        .arg("-x")
        .arg(&lock)
        .args(["-c", "sleep 30"])
        .spawn()
        .expect("flock (util-linux)");
    let mut holder = KillOnDrop(holder);
    // flock has the lock once the file exists and a non-blocking try fails.
    let start = Instant::now();
    let held = || {
        lock.exists()
            && !Command::new("flock")
                .args(["-n", "-x"])
                .arg(&lock)
                .arg("true")
                .status()
                .expect("flock")
                .success()
    };
    while !held() {
        assert!(start.elapsed() < Duration::from_secs(10), "flock never took the lock");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut child = common::on_store(&store)
        .args(["--wait", "2", "set", "1", "8,1"])
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut first = String::new();
    err.read_line(&mut first).expect("read");
    // Said while it is still waiting, not only when it gives up.
    assert!(child.try_wait().expect("wait").is_none(), "the message came only at the end: {first}");
    assert!(first.contains("khoá") && first.contains("store.json.lock"), "{first}");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).expect("read");
    let output = finish(child, Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(2), "{first}{rest}");
    assert!(rest.contains("không ghi gì"), "{rest}");
    assert!(!store.exists(), "nothing written");
    holder.0.kill().expect("kill flock");
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Hole 5: a store path that is a FIFO is refused at once, for reading and for saving.
#[test]
fn a_fifo_store_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    mkfifo(&store);
    for args in [&["report"][..], &["set", "1", "8,1"], &["check"]] {
        let child = common::on_store(&store)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let output = finish(child, Duration::from_secs(10));
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", common::stderr(&output));
        assert!(
            common::stderr(&output).contains("không phải là một tệp thường"),
            "{}",
            common::stderr(&output)
        );
    }
}

/// Hole 4: a store behind a symbolic link stays behind it; the backup and the lock are the
/// real file's, and writers through the link and through the real path share one file.
#[cfg(unix)]
#[test]
fn a_store_behind_a_symlink_stays_one_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real_dir = dir.path().join("srv");
    fs::create_dir(&real_dir).expect("dir");
    let real = real_dir.join("store.json");
    let link = dir.path().join("store.json");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    for (path, args) in
        [(&link, ["set", "1", "8,1"]), (&real, ["set", "2", "76,1"]), (&link, ["set", "1", "8,2"])]
    {
        let output = common::run(path, &args);
        assert!(output.status.success(), "{}", common::stderr(&output));
    }
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link is still a link");
    assert!(fs::symlink_metadata(real_dir.join("store.json.bak")).expect("bak").file_type().is_file());
    assert!(!dir.path().join("store.json.bak").exists(), "no backup beside the link");
    assert!(!dir.path().join("store.json.lock").exists(), "one lock: the real file's");
    let history = String::from_utf8_lossy(&common::run(&real, &["history"]).stdout).into_owned();
    assert_eq!(history.lines().count(), 4, "all three entries in one file: {history}");
}

/// Hole 4: a store with a second name (hard link) is pointed out by `check`.
#[cfg(unix)]
#[test]
fn check_says_when_the_store_has_hard_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    assert!(common::run(&store, &["set", "1", "8,1"]).status.success());
    fs::hard_link(&store, dir.path().join("other.json")).expect("link");
    let output = common::run(&store, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("liên kết cứng"));
}

/// Hole 8: `export` onto the store's lock file or backup is refused, and they are left as
/// they were.
#[test]
fn export_onto_the_lock_or_the_backup_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    assert!(common::run(&store, &["set", "1", "8,1"]).status.success());
    assert!(common::run(&store, &["set", "1", "8,2"]).status.success());
    for own in ["store.json.lock", "store.json.bak"] {
        let path = dir.path().join(own);
        let before = fs::read(&path).expect("read");
        let output = common::run(&store, &["export", path.to_str().expect("utf-8")]);
        assert_eq!(output.status.code(), Some(2), "{own}: {}", common::stderr(&output));
        assert_eq!(fs::read(&path).expect("read"), before, "{own} untouched");
    }
}

/// Hole 14: `TZ` naming a device or a FIFO is not read; times fall back to UTC with a note.
#[cfg(unix)]
#[test]
fn a_time_zone_that_is_not_a_file_falls_back_to_utc() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    assert!(common::run(&store, &["set", "1", "8,1"]).status.success());
    let fifo = dir.path().join("zone");
    mkfifo(&fifo);
    for tz in ["/dev/zero".to_owned(), fifo.display().to_string(), format!(":{}", fifo.display())] {
        let child = common::on_store(&store)
            .env("TZ", &tz)
            .args(["history"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let output = finish(child, Duration::from_secs(10));
        assert!(output.status.success(), "TZ={tz}: {}", common::stderr(&output));
        assert!(common::stderr(&output).contains("UTC"), "a note says so: {}", common::stderr(&output));
        assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    }
}

/// Hole 15: a config file whose `store` is empty is refused like `--store ""`.
#[test]
fn an_empty_store_in_the_config_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config");
    fs::create_dir_all(config.join("chitieu")).expect("dir");
    fs::write(config.join("chitieu/config.json"), "{\n  \"store\": \"\"\n}\n").expect("write");
    let output = common::chitieu()
        .env_remove("CHITIEU_STORE")
        .env_remove("CHITIEU_UNIT")
        .env_remove("CHITIEU_LANG")
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("HOME", dir.path())
        .env("USER", "lan")
        .args(["set", "1", "8,1"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2), "{}", common::stderr(&output));
    assert!(
        common::stderr(&output).contains("\"store\" is empty") && common::stderr(&output).contains("2"),
        "{}",
        common::stderr(&output)
    );
    assert!(!dir.path().join("data").exists(), "no store anywhere");
}

/// Hole 6: before the first save, a strict umask does not make a lock file only its
/// creator can open: it takes the shared directory's mode.
#[cfg(unix)]
#[test]
fn the_lock_file_is_not_private_under_a_strict_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).expect("dir");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o2775)).expect("chmod");
    let store = shared.join("store.json");
    let output = crate::common::isolate(&mut Command::new("sh"))
        .arg("-c")
        .arg(format!("umask 077 && exec \"$0\" --store '{}' set 1 8,1", store.display()))
        .arg(env!("CARGO_BIN_EXE_chitieu"))
        .env_remove("CHITIEU_STORE")
        .env_remove("CHITIEU_UNIT")
        .env_remove("CHITIEU_LANG")
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .env("USER", "lan")
        .output()
        .expect("sh");
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert_eq!(mode(&shared.join("store.json.lock")), 0o664);
}

/// Hole 6: a POSIX ACL granting a colleague access survives saves.
#[cfg(target_os = "linux")]
#[test]
fn an_acl_on_the_store_survives_a_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    assert!(common::run(&store, &["set", "1", "8,1"]).status.success());
    let Ok(set) = Command::new("setfacl").args(["-m", "u:nobody:rw"]).arg(&store).status() else {
        eprintln!("setfacl (apt: acl) is not installed: skipped");
        return;
    };
    if !set.success() {
        eprintln!("this file system takes no ACLs: skipped");
        return;
    }
    let acl = |path: &Path| {
        String::from_utf8_lossy(
            &Command::new("getfacl").arg("-c").arg(path).output().expect("getfacl").stdout,
        )
        .into_owned()
    };
    assert!(acl(&store).contains("user:nobody:rw-"));
    assert!(common::run(&store, &["set", "1", "8,2"]).status.success());
    assert!(acl(&store).contains("user:nobody:rw-"), "{}", acl(&store));
}

/// Hole 6: in a sticky directory, another user's save is refused before anything is
/// written, in words that say what to do, and leaves no temporary file or backup.
#[cfg(target_os = "linux")]
#[test]
fn a_save_in_a_sticky_directory_says_what_to_do_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    if rustix::process::geteuid().as_raw() != 0 {
        eprintln!("needs root to act as a second user: skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let sticky = dir.path().join("shared");
    fs::create_dir(&sticky).expect("dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::set_permissions(&sticky, fs::Permissions::from_mode(0o1777)).expect("chmod");
    let store = sticky.join("store.json");
    assert!(common::run(&store, &["set", "1", "8,1"]).status.success());
    fs::set_permissions(&store, fs::Permissions::from_mode(0o666)).expect("chmod");
    fs::set_permissions(sticky.join("store.json.lock"), fs::Permissions::from_mode(0o666)).expect("chmod");
    let before = names(&sticky);
    let output = crate::common::isolate(&mut Command::new("setpriv"))
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_chitieu"), "--store"])
        .arg(&store)
        .args(["set", "1", "8,2"])
        .env_remove("CHITIEU_LANG")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("USER", "minh")
        .output()
        .expect("setpriv");
    assert_eq!(output.status.code(), Some(2), "{}", common::stderr(&output));
    assert!(common::stderr(&output).contains("chmod -t"), "{}", common::stderr(&output));
    assert_eq!(names(&sticky), before, "no temporary file, no backup left");
}

/// Hole 7: the draft is never readable by others, not even while it is being written, and
/// users whose names differ only in letters outside ASCII, or are very long, get a draft
/// each.
#[cfg(unix)]
#[test]
fn drafts_are_private_from_the_start_and_one_per_user() {
    use chitieu::store::draft::{Draft, path_for, read, write};
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let draft = Draft {
        target: "3".into(),
        period: chitieu::domain::period::Period::H1,
        kind: chitieu::domain::ledger::Kind::Official,
        value: "9.500".into(),
        note: "riêng".into(),
        saving_at: None,
    };
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let watcher = {
        let done = std::sync::Arc::clone(&done);
        let dir = dir.path().to_owned();
        std::thread::spawn(move || {
            let mut seen_open = Vec::new();
            while !done.load(Ordering::SeqCst) {
                for item in fs::read_dir(&dir).expect("dir").flatten() {
                    if let Ok(meta) = item.metadata() {
                        use std::os::unix::fs::PermissionsExt;
                        if meta.permissions().mode() & 0o077 != 0 {
                            seen_open.push(item.file_name());
                        }
                    }
                }
            }
            seen_open
        })
    };
    let path = path_for(&store, "lan");
    for _ in 0..200 {
        write(&path, &draft).expect("write");
    }
    done.store(true, Ordering::SeqCst);
    let seen_open = watcher.join().expect("watcher");
    assert!(seen_open.is_empty(), "readable by others while written: {seen_open:?}");

    let (lan, lăn) = (path_for(&store, "lân"), path_for(&store, "lăn"));
    assert_ne!(lan, lăn, "two Vietnamese names, two drafts");
    let long = "n".repeat(300);
    let long_path = path_for(&store, &long);
    write(&long_path, &draft).expect("a very long name still gets a draft");
    assert_eq!(read(&long_path), Some(draft));
}
