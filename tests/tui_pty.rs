//! End to end: the real binary in a pseudo-terminal, driven by keys like a person would.
//!
//! The pseudo-terminal comes from rustix, which the program already depends on for its
//! hang-up watchdog, so the test adds no crate. It also counts the bytes the program writes
//! to the terminal: run with `--nocapture` to see them.
#![cfg(unix)]

mod common;

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Pty {
    master: File,
    output: Arc<Mutex<Vec<u8>>>,
    child: Child,
}

impl Pty {
    fn spawn(args: &[&str], config_home: &Path) -> Pty {
        use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("openpt");
        // Not inherited by the child: holding its own master, it would never see a hang-up.
        rustix::io::fcntl_setfd(&master, rustix::io::FdFlags::CLOEXEC).expect("cloexec");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let size = rustix::termios::Winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
        rustix::termios::tcsetwinsize(&master, size).expect("window size");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        let slave_path = std::path::PathBuf::from(name.to_str().expect("pts name"));
        let slave = std::fs::OpenOptions::new().read(true).write(true).open(&slave_path).expect("slave");
        let child = {
            let mut command = common::chitieu();
            command
                .args(args)
                .env("TERM", "xterm-256color")
                .env("XDG_CONFIG_HOME", config_home)
                .env("USER", "lan")
                .env_remove("NO_COLOR")
                .env_remove("CHITIEU_LANG")
                .env_remove("CHITIEU_STORE")
                .env_remove("CHITIEU_UNIT")
                // No installed plan of the machine's user changes which plan is used.
                .env_remove("CHITIEU_YEAR")
                .env("XDG_DATA_HOME", "/nonexistent/chitieu-tests")
                .stdin(Stdio::from(slave.try_clone().expect("clone")))
                .stdout(Stdio::from(slave.try_clone().expect("clone")))
                .stderr(Stdio::from(slave));
            command.spawn().expect("spawn chitieu")
        };
        let master = File::from(master);
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("clone master");
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").extend_from_slice(&chunk[..n]);
            }
        });
        Pty { master, output, child }
    }

    fn len(&self) -> usize {
        self.output.lock().expect("lock").len()
    }

    fn since(&self, from: usize) -> String {
        String::from_utf8_lossy(&self.output.lock().expect("lock")[from..]).into_owned()
    }

    /// Waits until `needle` appears in what was written after `from`; returns the time taken.
    fn wait_for(&self, from: usize, needle: &str) -> Duration {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.since(from).contains(needle) {
                return start.elapsed();
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("«{needle}» never appeared; the screen got:\n{}", self.since(from));
    }

    /// Waits until nothing more is written for a while; returns the bytes written since `from`.
    fn settle(&self, from: usize) -> usize {
        let mut last = self.len();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = self.len();
            if now == last {
                return now - from;
            }
            last = now;
        }
    }

    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).expect("write keys");
        self.master.flush().expect("flush");
    }
}

/// A failed test leaves no program behind.
impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn edit_target_3_in_a_terminal_and_read_it_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    let started = Instant::now();
    let mut pty = Pty::spawn(&["--store", store_arg], dir.path());
    pty.wait_for(0, "Kinh tế");
    let first_frame = started.elapsed();
    let first_bytes = pty.settle(0);

    // One cursor move.
    let before = pty.len();
    pty.send("j");
    let move_bytes = pty.settle(before);

    // Filter to the budget target, ignoring diacritics, and edit it. A Vietnamese input
    // method corrects a letter with Ctrl-H (0x08) and the new letter, all in one burst.
    let before_edit = pty.len();
    pty.send("/ngan sacx\u{8}h\r");
    pty.settle(before_edit);
    pty.send("\r");
    pty.wait_for(before_edit, "Nhập số liệu");
    let typed = pty.len();
    pty.send("9.500");
    pty.wait_for(typed, "9.500 tỷ đồng");
    let confirmed = pty.len();
    pty.send("\r");
    pty.wait_for(confirmed, "Đã lưu");
    let edit_bytes = pty.settle(before_edit);

    // Ctrl-L redraws everything without asking the terminal where its cursor is.
    let before_clear = pty.len();
    pty.send("\u{c}");
    pty.settle(before_clear);
    assert!(
        pty.since(before_clear).contains("Tình trạng"),
        "a whole frame is sent again, the unchanged column titles included"
    );
    assert!(!pty.since(0).contains("\u{1b}[6n"), "no cursor-position query, ever");
    let all = pty.since(0);
    assert!(all.contains("\u{1b}[32"), "green for an achieved target, as a classic colour code");
    assert!(!all.contains("38;5;") && !all.contains("38;2;"), "only the 16 basic colours");

    pty.send("q");
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = pty.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "chitieu did not quit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    let tail = pty.since(confirmed);
    assert!(tail.contains("\u{1b}[?1049l"), "the alternate screen is left on quit");

    eprintln!(
        "first frame after {first_frame:?} ({first_bytes} bytes); one cursor move: {move_bytes} bytes; \
         filter + edit + save: {edit_bytes} bytes"
    );

    let report = common::chitieu()
        .args(["report", "--format", "json", "--store", store_arg])
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .expect("report");
    assert!(report.status.success());
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).expect("json");
    let target =
        json["targets"].as_array().expect("targets").iter().find(|t| t["id"] == "3").expect("target 3");
    assert_eq!(target["actual"], "9500");
    let text = String::from_utf8(report.stdout).expect("utf-8");
    assert!(text.contains("\"actual\": \"9500\""));
}

#[test]
fn a_form_open_at_hang_up_comes_back_as_a_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    let mut pty = form_on_target_3(store_arg, dir.path());
    let typed = pty.len();
    pty.send("9.5\t\t\tabc");
    pty.wait_for(typed, "abc");
    pty.settle(typed);

    // The SSH link drops: the terminal's hang-up signal.
    let hang_up = Command::new("kill").args(["-HUP", &pty.child.id().to_string()]).status().expect("kill");
    assert!(hang_up.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while pty.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < deadline, "chitieu did not end after the hang-up");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!store.exists(), "the store is not touched");
    let drafts: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("store.json.draft-") && n.ends_with(".json"))
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = std::fs::read_to_string(dir.path().join(&drafts[0])).expect("draft");
    assert!(
        draft.contains("\"value\": \"9.5\"")
            && draft.contains("\"note\": \"abc\"")
            && draft.contains("\"target\": \"3\""),
        "{draft}"
    );

    // The next start opens the form with it.
    let mut again = Pty::spawn(&["--store", store_arg], dir.path());
    again.wait_for(0, "Bản nháp chưa lưu");
    assert!(again.since(0).contains("9.5"));
    assert!(!dir.path().join(&drafts[0]).exists(), "the form has taken the draft over");
    again.send("\u{3}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while again.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < deadline, "chitieu did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!store.exists(), "nothing saved without Enter");
}

/// The view on the store at `store_arg`, with the form open on target 3 (the third row).
fn form_on_target_3(store_arg: &str, config_home: &Path) -> Pty {
    let mut pty = Pty::spawn(&["--store", store_arg], config_home);
    pty.wait_for(0, "Kinh tế");
    pty.settle(0);
    let before = pty.len();
    pty.send("jj\r");
    pty.wait_for(before, "Nhập số liệu");
    pty
}

/// Sets figures with the command line, as a colleague would have.
fn set(store: &str, config_home: &Path, args: &[&str]) {
    let status = common::chitieu()
        .args(["--store", store, "--lang", "vi"])
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("USER", "lan")
        .output()
        .expect("set");
    assert!(status.status.success());
}

fn quit(pty: &mut Pty) {
    pty.send("q");
    let deadline = Instant::now() + Duration::from_secs(5);
    while pty.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < deadline, "chitieu did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `i` then Esc comes back to the table; `u` on the first row withdraws that row's figure,
/// not the latest entry overall (target 3's, entered after it).
#[test]
fn escape_leaves_the_detail_and_u_withdraws_the_selected_rows_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    set(store_arg, dir.path(), &["set", "1", "7,6", "--period", "h1"]);
    set(store_arg, dir.path(), &["set", "3", "6.500", "--period", "9m"]);
    let mut pty = Pty::spawn(&["--store", store_arg], dir.path());
    pty.wait_for(0, "Tình trạng");
    pty.settle(0);

    let before = pty.len();
    pty.send("i");
    pty.wait_for(before, "Esc: về bảng");
    pty.settle(before);
    let back = pty.len();
    pty.send("\u{1b}");
    pty.wait_for(back, "Tình trạng");

    pty.settle(back);
    let asked = pty.len();
    pty.send("u");
    pty.wait_for(asked, "Rút lại mục nhập");
    let said = pty.len();
    pty.send("y");
    pty.wait_for(said, "Đã rút lại: 1");
    quit(&mut pty);

    let report = common::chitieu()
        .args(["report", "--format", "json", "--store", store_arg])
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .expect("report");
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).expect("json");
    let actual = |id: &str| {
        json["targets"].as_array().expect("targets").iter().find(|t| t["id"] == id).expect("target")["actual"]
            .clone()
    };
    assert_eq!(actual("1"), serde_json::Value::Null, "the first row's figure is withdrawn");
    assert_eq!(actual("3"), "6500", "the latest entry overall stays");
}

/// With `--ascii` the terminal gets no symbol outside ASCII: Vietnamese letters only.
#[test]
fn ascii_sends_no_other_symbol() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    set(store_arg, dir.path(), &["set", "1", "7,6", "--period", "h1"]);
    let mut pty = Pty::spawn(&["--store", store_arg, "--ascii"], dir.path());
    pty.wait_for(0, "Tình trạng");
    // The detail, the help page, a filter and the form, too.
    for keys in ["i", "\u{1b}", "?", "\u{1b}", "f", "\r", "\u{1b}"] {
        let before = pty.len();
        pty.send(keys);
        pty.settle(before);
    }
    let all = pty.since(0);
    let odd: String = all.chars().filter(|c| !c.is_ascii() && !c.is_alphanumeric()).collect();
    assert!(odd.is_empty(), "{odd:?}");
    assert!(all.contains("Chưa có số liệu"), "Vietnamese letters stay");
    quit(&mut pty);
}

/// What the store holds, read by the library.
fn entries_of(store: &Path) -> Vec<chitieu::domain::ledger::Entry> {
    chitieu::store::Store::open(store, &chitieu::domain::plan::Plan::embedded())
        .expect("open")
        .ledger()
        .entries()
        .to_vec()
}

/// Waits for the program to end; its exit status.
fn ended(pty: &mut Pty) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = pty.child.try_wait().expect("wait") {
            return status;
        }
        assert!(Instant::now() < deadline, "chitieu did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What a terminal sends for a paste once the program asked for bracketed paste.
fn pasted(text: &str) -> String {
    format!("\u{1b}[200~{text}\u{1b}[201~")
}

/// Issue 11, hole 16: a paste is text for the field being edited. Its line breaks become
/// spaces in a note, a value with one is refused, and in the table it runs no command (the
/// paste that once closed two periods: `c` then Enter). The terminal's paste mode is turned
/// on, and off again when the program ends.
#[test]
fn a_paste_is_text_for_the_field_never_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    let mut pty = Pty::spawn(&["--store", store_arg], dir.path());
    pty.wait_for(0, "Kinh tế");
    assert!(pty.since(0).contains("\u{1b}[?2004h"), "bracketed paste is asked for");
    pty.settle(0);

    // In the table: a paste that would close the period in view, were it typed.
    let table = pty.len();
    pty.send(&pasted("c\ry\rc\r"));
    pty.settle(table);
    assert!(!store.exists(), "nothing was closed or saved");

    pty.send("jj\r");
    pty.wait_for(table, "Nhập số liệu");
    let value = pty.len();
    pty.send(&pasted("4.500\n4.700"));
    pty.wait_for(value, "xuống dòng");
    pty.send(&pasted("4.500"));
    pty.send("\t\t\t");
    let note = pty.len();
    pty.send(&pasted("Sở Tài chính\r\nbáo cáo\rc\r"));
    // (Drawn word by word: the spaces between are cells that did not change.)
    pty.wait_for(note, "chính");
    pty.settle(note);
    assert!(!store.exists(), "the line breaks of the paste did not save the form");
    let save = pty.len();
    pty.send("\r");
    pty.wait_for(save, "Đã lưu");
    quit(&mut pty);
    assert!(pty.since(save).contains("\u{1b}[?2004l"), "paste mode is turned off on the way out");

    let entries = entries_of(&store);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].value.to_string(), "4500");
    assert_eq!(entries[0].note, "Sở Tài chính báo cáo c");
}

/// Issue 11, hole 17: Ctrl-C in a form keeps what was typed as a draft, offered on the next
/// start; Ctrl-C in the table just quits.
#[test]
fn ctrl_c_in_a_form_keeps_a_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    let mut pty = form_on_target_3(store_arg, dir.path());
    let typed = pty.len();
    pty.send("4.321");
    pty.wait_for(typed, "4.321");
    pty.settle(typed);
    pty.send("\u{3}");
    ended(&mut pty);
    assert!(!store.exists(), "nothing saved");

    let mut again = Pty::spawn(&["--store", store_arg], dir.path());
    again.wait_for(0, "Bản nháp chưa lưu");
    assert!(again.since(0).contains("4.321"), "the typed value comes back");
    again.send("\u{1b}");
    again.settle(0);
    let table = again.len();
    again.send("\u{3}");
    ended(&mut again);
    let drafts = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".draft-"))
        .count();
    assert_eq!(drafts, 0, "Ctrl-C in the table keeps no draft: {}", again.since(table));
}

/// Issue 11, hole 18: a hand edit that changes an existing entry is shown without waiting
/// for some other change.
#[test]
fn a_hand_edit_of_an_entry_is_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    set(store_arg, dir.path(), &["set", "3", "4.500", "--period", "h1"]);
    let mut pty = Pty::spawn(&["--store", store_arg], dir.path());
    pty.wait_for(0, "4.500");
    pty.settle(0);
    let edited = pty.len();
    let text = std::fs::read_to_string(&store).expect("read");
    assert!(text.contains("\"4500\""));
    std::fs::write(&store, text.replace("\"4500\"", "\"4700\"")).expect("hand edit");
    // A frame redraws only the cells that changed ("5" → "7"): Ctrl-L now and then draws
    // the whole screen, which shows whichever figure the view holds.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let before = pty.len();
        pty.send("\u{c}");
        pty.settle(before);
        if pty.since(before).contains("4.700") {
            break;
        }
        assert!(Instant::now() < deadline, "the edited figure never appeared: {}", pty.since(edited));
    }
    quit(&mut pty);
}

/// Issue 11, hole 3: a draft written by a hang-up in the middle of its save is not offered
/// again once the store holds the entry that save made: a figure is never saved twice.
#[test]
fn a_draft_whose_save_reached_the_store_is_not_offered_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let store_arg = store.to_str().expect("utf-8 path");
    set(store_arg, dir.path(), &["set", "3", "4.500", "--period", "h1"]);
    let saved = entries_of(&store).pop().expect("the entry");
    let draft = chitieu::store::draft::Draft {
        target: "3".into(),
        period: saved.period,
        kind: saved.kind,
        value: "4.500".into(),
        note: String::new(),
        saving_at: Some(saved.time),
    };
    let draft_path = chitieu::store::draft::path_for(&store, "lan");
    chitieu::store::draft::write(&draft_path, &draft).expect("draft");
    let mut pty = Pty::spawn(&["--store", store_arg], dir.path());
    pty.wait_for(0, "Tình trạng");
    pty.settle(0);
    assert!(!pty.since(0).contains("Bản nháp chưa lưu"), "the saved figure is not offered again");
    assert!(!draft_path.exists(), "the draft is done with");
    quit(&mut pty);
    assert_eq!(entries_of(&store).len(), 1, "saved once");
}
