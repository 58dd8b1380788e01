//! `chitieu set`, `history`, `check` and `report` driven through the real binary, on stores
//! in temporary directories: what is refused changes nothing on disk, and bad files are
//! named, located and left exactly as they were.

mod common;

use chitieu::domain::plan::Plan;
use chitieu::store::Store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The names in a directory, sorted, to see that nothing was created beside the store.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn store_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("store.json")
}

fn report_json(store: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    let output = common::run(store, &args);
    assert!(output.status.success(), "report failed: {}", common::stderr(&output));
    serde_json::from_slice(&output.stdout).expect("report is JSON")
}

fn actual_of(report: &serde_json::Value, id: &str) -> (serde_json::Value, serde_json::Value) {
    let target = report["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("target {id} in the report"));
    (target["actual"].clone(), target["period"].clone())
}

#[test]
fn an_english_decimal_is_refused_in_vietnamese_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);

    let output = common::run(&store, &["set", "1", "8.3"]);
    assert_eq!(output.status.code(), Some(2), "{}", common::stderr(&output));
    assert!(
        common::stderr(&output).contains("8,3"),
        "the hint shows how to write it: {}",
        common::stderr(&output)
    );
    assert!(listing(dir.path()).is_empty(), "no store, lock or backup was created");

    // The same with a store already there: its bytes stay as they were.
    let saved = common::run(&store, &["set", "1", "8,3"]);
    assert!(saved.status.success(), "{}", common::stderr(&saved));
    let before = fs::read(&store).expect("store");
    let names = listing(dir.path());
    let output = common::run(&store, &["set", "1", "8.4"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("8,4"), "{}", common::stderr(&output));
    assert_eq!(fs::read(&store).expect("store"), before);
    assert_eq!(listing(dir.path()), names);

    // English mode is the mirror image.
    let output = common::run(&store, &["--lang", "en", "set", "1", "8,3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("8.3"), "{}", common::stderr(&output));
    assert_eq!(fs::read(&store).expect("store"), before);
}

#[test]
fn a_saved_figure_shows_in_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    assert_eq!(actual_of(&report_json(&store, &[]), "1").0, serde_json::Value::Null);
    assert!(!store.exists(), "reading does not create the store");

    let output = common::run(&store, &["set", "1", "8,3"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(stdout(&output).contains("8,3"), "the confirmation shows the value: {}", stdout(&output));
    let report = report_json(&store, &[]);
    assert_eq!(actual_of(&report, "1").0, "8.3");
    // The 2024 plan's year is over, so the default period is the full year.
    let today = jiff::ZonedDateTime::now().date();
    let expected = chitieu::domain::period::Period::current(2024, today).key();
    assert_eq!(actual_of(&report, "1").1, expected);
}

#[test]
fn report_shows_the_latest_period_or_the_one_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    for args in [
        ["set", "3", "2.000", "--period", "q1"],
        ["set", "3", "4.500", "--period", "h1"],
        ["set", "3", "4.700", "--period", "h1"],
    ] {
        let output = common::run(&store, &args);
        assert!(output.status.success(), "{}", common::stderr(&output));
    }
    let latest = report_json(&store, &[]);
    assert_eq!(actual_of(&latest, "3"), ("4700".into(), "h1".into()));
    let q1 = report_json(&store, &["--period", "q1"]);
    assert_eq!(actual_of(&q1, "3"), ("2000".into(), "q1".into()));
    let year = report_json(&store, &["--period", "year"]);
    assert_eq!(actual_of(&year, "3").0, serde_json::Value::Null);
    let status =
        year["targets"].as_array().expect("targets").iter().find(|t| t["id"] == "3").expect("3")["status"]
            .clone();
    assert_eq!(status, "no_data");
}

#[test]
fn unknown_targets_and_headings_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    let output = common::run(&store, &["set", "99", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("99"));
    let output = common::run(&store, &["set", "10", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("10a"), "names the parts to enter: {}", common::stderr(&output));
    assert!(listing(dir.path()).is_empty());
    // Ids are matched as the plan spells them, ignoring case.
    let output = common::run(&store, &["set", "ii.4", "300"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert_eq!(actual_of(&report_json(&store, &[]), "II.4").0, "300");
}

#[test]
fn notes_lose_escape_sequences_and_history_lists_newest_first_with_withdrawals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    let note = "Sở Tài chi\u{301}nh \u{1b}[31mđỏ\u{202e}";
    for args in [
        ["set", "3", "4.500", "--period", "h1", "--note", note],
        ["set", "3", "45.000", "--period", "h1", "--note", "nhầm"],
    ] {
        let output = common::run(&store, &args);
        assert!(output.status.success(), "{}", common::stderr(&output));
    }
    let text = fs::read_to_string(&store).expect("store");
    assert!(text.contains("\"note\": \"Sở Tài chính [31mđỏ\""), "NFC, no ESC, no bidi: {text}");
    assert!(text.contains("\"author\": \"lan\""));

    // Undo through the operation the full-screen view uses: a withdrawal, and history keeps both.
    let plan = Plan::embedded();
    let mut opened = Store::open(&store, &plan).expect("open");
    let lan = chitieu::ops::Actor::new("lan", jiff::Timestamp::now());
    let which = chitieu::ops::withdraw::Which::Latest;
    let undo = chitieu::ops::withdraw::withdraw(&mut opened, &plan, which, &lan).expect("something to undo");
    assert_eq!(undo.retraction.value.to_string(), "45000");

    let output = common::run(&store, &["history", "3"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 4, "a header and three entries: {lines:?}");
    assert!(lines[1].contains("Rút lại") && lines[1].contains("45.000"), "{}", lines[1]);
    assert!(lines[2].contains("45.000") && lines[2].contains("nhầm"), "{}", lines[2]);
    assert!(lines[3].contains("4.500") && lines[3].contains("Sở Tài chính"), "{}", lines[3]);
    assert!(!stdout(&output).contains('\u{1b}'));
    assert_eq!(
        actual_of(&report_json(&store, &[]), "3").0,
        "4500",
        "the withdrawal restores the figure before"
    );

    let english = common::run(&store, &["--lang", "en", "history"]);
    assert!(stdout(&english).contains("Withdrawn") && stdout(&english).contains("45,000"));
}

#[cfg(target_os = "linux")]
#[test]
fn the_default_store_lives_in_the_data_directory() {
    let home = tempfile::tempdir().expect("tempdir");
    let output = common::chitieu()
        .env_remove("CHITIEU_STORE")
        .env_remove("CHITIEU_UNIT")
        .env_remove("CHITIEU_LANG")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home.path())
        .args(["set", "1", "8,3"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(home.path().join(".local/share/chitieu/store.json").is_file());
    // And CHITIEU_STORE points elsewhere.
    let other = home.path().join("shared.json");
    let output = common::chitieu()
        .env("HOME", home.path())
        .env("CHITIEU_STORE", &other)
        .args(["set", "1", "8,4"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(other.is_file());
}

// ---- bad files ----

/// A sound store for the embedded plan, one field per line so that lines can be named.
fn store_text(plan_id: &str, hash: &str, version: &str, entries: &[(&str, &str, &str)]) -> String {
    let entries: Vec<String> = entries
        .iter()
        .map(|(id, target, value)| {
            format!(
                "    {{\n      \"id\": \"{id}\",\n      \"target\": \"{target}\",\n      \"period\": \"h1\",\n      \
                 \"value\": {value},\n      \"kind\": \"official\",\n      \"note\": \"\",\n      \
                 \"author\": \"lan\",\n      \"time\": \"2024-07-05T08:00:00Z\"\n    }}"
            )
        })
        .collect();
    format!(
        "{{\n  \"version\": {version},\n  \"plan\": {{\n    \"id\": \"{plan_id}\",\n    \"year\": 2024,\n    \
         \"hash\": \"{hash}\"\n  }},\n  \"entries\": [\n{}\n  ]\n}}\n",
        entries.join(",\n")
    )
}

fn sound_store() -> String {
    let plan = Plan::embedded();
    store_text(&plan.id, &plan.content_hash, "1", &[("a", "3", "\"4500\""), ("b", "1", "\"8.3\"")])
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle in text") + 1
}

/// Writes `text` as the store (with a good `.bak` beside it when `with_backup`), runs
/// `args`, and checks exit 2, a message naming the file and the backup, and every byte
/// of the directory unchanged. Returns the message.
fn refused(text: &str, with_backup: bool, args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    fs::write(&store, text).expect("write store");
    if with_backup {
        fs::write(dir.path().join("store.json.bak"), sound_store()).expect("write backup");
    }
    let names = listing(dir.path());
    let output = common::run(&store, args);
    let message = common::stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
    assert!(message.contains(&store.display().to_string()), "names the file: {message}");
    assert!(message.contains("store.json.bak"), "names the backup: {message}");
    assert_eq!(fs::read_to_string(&store).expect("store"), text, "the file is left byte for byte");
    assert_eq!(listing(dir.path()), names, "nothing created beside it");
    message
}

#[test]
fn a_file_that_is_not_json_is_refused_with_its_place() {
    let message = refused("hello, world\n", true, &["set", "1", "8,3"]);
    assert!(message.contains("dòng 1, cột 1") && message.contains("JSON"), "{message}");
    assert!(message.contains("bản tốt gần nhất"), "{message}");
    let without_backup = refused("hello, world\n", false, &["set", "1", "8,3"]);
    assert!(without_backup.contains("không có bản sao lưu"), "{without_backup}");
}

#[test]
fn a_truncated_file_is_refused() {
    let text = sound_store();
    let cut = &text[..text.find("\"b\"").expect("second entry")];
    let message = refused(cut, true, &["set", "1", "8,3"]);
    assert!(message.contains("cắt cụt"), "{message}");
    assert!(message.contains(&format!("dòng {}", cut.lines().count())), "{message}");
}

#[test]
fn a_newer_or_unknown_schema_is_refused() {
    let plan = Plan::embedded();
    let newer = store_text(&plan.id, &plan.content_hash, "2", &[("a", "3", "\"4500\"")]);
    let message = refused(&newer, true, &["set", "1", "8,3"]);
    assert!(message.contains("phiên bản mới hơn") && message.contains('2'), "{message}");
    let english = refused(&newer, true, &["--lang", "en", "report"]);
    assert!(english.contains("newer chitieu") && english.contains("previous good copy"), "{english}");
    let missing = newer.replace("\"version\": 2,", "");
    let message = refused(&missing, true, &["set", "1", "8,3"]);
    assert!(message.contains("\"version\""), "{message}");
}

#[test]
fn an_entry_for_an_unknown_target_is_refused_at_its_line() {
    let plan = Plan::embedded();
    let text =
        store_text(&plan.id, &plan.content_hash, "1", &[("a", "3", "\"4500\""), ("ghost", "99", "\"1\"")]);
    let message = refused(&text, true, &["set", "1", "8,3"]);
    let line = line_of(&text, "\"ghost\"");
    assert!(message.contains(&format!("dòng {line}, cột 7")), "{message}");
    assert!(message.contains("“99”") && message.contains("ghost"), "{message}");
}

#[test]
fn a_value_that_is_not_a_decimal_string_is_refused_at_its_line() {
    let plan = Plan::embedded();
    for value in ["\"8,3\"", "8.3", "\"1e5\"", "\"\"", "null"] {
        let text =
            store_text(&plan.id, &plan.content_hash, "1", &[("a", "3", "\"4500\""), ("b", "1", value)]);
        let message = refused(&text, true, &["set", "1", "8,3"]);
        let line = line_of(&text, &format!("\"value\": {value}"));
        assert!(message.contains(&format!("dòng {line}, cột")), "{value}: {message}");
    }
}

#[test]
fn a_store_for_another_plan_is_refused() {
    let text = store_text("ha-noi-2025", "0000000000000000", "1", &[("a", "3", "\"4500\"")]);
    let message = refused(&text, true, &["set", "1", "8,3"]);
    assert!(message.contains("ha-noi-2025"), "{message}");
    let message = refused(&text, true, &["check"]);
    assert!(message.contains("kế hoạch khác"), "{message}");
}

// ---- check ----

#[test]
fn check_tells_sound_from_doubtful_from_unreadable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    let output = common::run(&store, &["check"]);
    assert_eq!(output.status.code(), Some(0), "no store yet is sound: {}", common::stderr(&output));
    assert!(!store.exists());

    fs::write(&store, sound_store()).expect("write");
    let output = common::run(&store, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), common::stderr(&output));
    assert!(stdout(&output).contains("2 mục: hợp lệ"), "{}", stdout(&output));

    let plan = Plan::embedded();
    let changed_plan = store_text(&plan.id, "0123456789abcdef", "1", &[("a", "3", "\"4500\"")]);
    fs::write(&store, &changed_plan).expect("write");
    let output = common::run(&store, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("0123456789abcdef"), "{}", stdout(&output));
    // The report still works on such a store.
    assert!(common::run(&store, &["report"]).status.success());

    let duplicate =
        store_text(&plan.id, &plan.content_hash, "1", &[("a", "3", "\"4500\""), ("a", "3", "\"4600\"")]);
    fs::write(&store, &duplicate).expect("write");
    let output = common::run(&store, &["--lang", "en", "check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("entry id a appears more than once"), "{}", stdout(&output));
    assert_eq!(fs::read_to_string(&store).expect("store"), duplicate, "check never writes");

    let same_twice =
        store_text(&plan.id, &plan.content_hash, "1", &[("a", "3", "\"4500\""), ("a", "3", "\"4500\"")]);
    fs::write(&store, &same_twice).expect("write");
    assert_eq!(common::run(&store, &["check"]).status.code(), Some(0), "an identical copy is harmless");

    fs::write(&store, "{").expect("write");
    assert_eq!(common::run(&store, &["check"]).status.code(), Some(2));
}

/// `chitieu undo` withdraws the user's own latest figure: the previous one is current again,
/// a colleague's later figure is left alone, and history keeps everything.
#[test]
fn undo_withdraws_your_own_latest_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    assert!(common::run(&store, &["undo"]).status.success(), "nothing to undo is not an error");
    assert!(!store.exists(), "and it creates no store");
    assert!(common::run(&store, &["set", "3", "4.500", "--period", "h1"]).status.success());
    assert!(common::run(&store, &["set", "3", "4.800", "--period", "h1"]).status.success());
    let colleague =
        common::on_store(&store).env("USER", "minh").args(["set", "1", "7,9", "--period", "h1"]).output();
    assert!(colleague.expect("run chitieu").status.success());

    let output = common::run(&store, &["undo"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(stdout(&output).contains("Đã rút lại: 3 · 6 tháng · 4.800 tỷ đồng"), "{}", stdout(&output));
    let report = report_json(&store, &["--period", "h1"]);
    let actual = |id: &str| {
        report["targets"]
            .as_array()
            .and_then(|t| t.iter().find(|t| t["id"] == id))
            .map(|t| t["actual"].clone())
    };
    assert_eq!(actual("3"), Some("4500".into()));
    assert_eq!(actual("1"), Some("7.9".into()), "a colleague's figure is not yours to withdraw");
    assert_eq!(stdout(&common::run(&store, &["history", "3"])).lines().count(), 1 + 3);
}

/// `history` filters by period, author and time; a heading lists its parts' figures.
#[test]
fn history_filters_and_a_heading_shows_its_parts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    assert!(common::run(&store, &["set", "10a", "4", "--period", "h1"]).status.success());
    assert!(common::run(&store, &["set", "10b", "1", "--period", "9m"]).status.success());
    let minh = common::on_store(&store)
        .env("USER", "minh")
        .args(["set", "3", "6.500", "--period", "9m"])
        .output()
        .expect("run");
    assert!(minh.status.success(), "{}", common::stderr(&minh));

    let heading = stdout(&common::run(&store, &["history", "10"]));
    assert!(heading.starts_with("Chỉ tiêu 10 không có số liệu riêng"), "{heading}");
    assert!(heading.contains("10a") && heading.contains("10b"), "{heading}");

    let rows = |args: &[&str]| {
        stdout(&common::run(&store, args)).lines().skip(1).map(str::to_owned).collect::<Vec<_>>()
    };
    let nine_months = rows(&["history", "--period", "9m"]);
    assert_eq!(nine_months.len(), 2, "{nine_months:?}");
    assert!(nine_months.iter().all(|l| l.contains("9 tháng")));
    let by_minh = rows(&["history", "--author", "minh"]);
    assert_eq!(by_minh.len(), 1, "{by_minh:?}");
    assert!(by_minh[0].contains("6.500"));
    assert_eq!(rows(&["history", "--since", "2999-01-01"]), [] as [String; 0]);
    assert_eq!(rows(&["history", "--since", "2000-01-01"]).len(), 3);
}

/// `--help` and argument errors in Vietnamese by default, in English on request.
#[test]
fn help_and_argument_errors_speak_the_users_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    let help = common::run(&store, &["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    assert!(
        text.contains("Cách dùng: chitieu") && text.contains("Lệnh:") && text.contains("In trợ giúp này"),
        "{text}"
    );
    assert!(!text.contains("Usage:") && !text.contains("Print help"), "{text}");
    let sub = stdout(&common::run(&store, &["report", "--help"]));
    assert!(sub.contains("--out <TỆP>") && sub.contains("PowerShell"), "{sub}");

    let english = stdout(&common::run(&store, &["--lang", "en", "--help"]));
    assert!(english.contains("Usage: chitieu") && english.contains("Print help"), "{english}");
    let from_env = common::on_store(&store).env("CHITIEU_LANG", "en").arg("--help").output().expect("run");
    assert!(stdout(&from_env).contains("Usage: chitieu"));

    let wrong = common::run(&store, &["report", "--fromat", "csv"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        common::stderr(&wrong).starts_with("lỗi: đối số không có: --fromat"),
        "{}",
        common::stderr(&wrong)
    );
    let wrong_en = common::run(&store, &["--lang", "en", "report", "--fromat", "csv"]);
    assert!(
        common::stderr(&wrong_en).contains("unexpected argument '--fromat'"),
        "{}",
        common::stderr(&wrong_en)
    );
}

/// The operating system's words come in the user's language too.
#[test]
fn os_errors_are_worded_in_vietnamese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_in(&dir);
    let missing = dir.path().join("khong-co.json");
    let output = common::run(&store, &["--plan", missing.to_str().expect("path"), "report"]);
    assert_eq!(output.status.code(), Some(2));
    let said = common::stderr(&output);
    assert!(
        said.contains("không có tệp hay thư mục này (mã lỗi 2)") && !said.contains("No such file"),
        "{said}"
    );
    let english = common::run(&store, &["--lang", "en", "--plan", missing.to_str().expect("path"), "report"]);
    assert!(common::stderr(&english).contains("No such file or directory"), "{}", common::stderr(&english));
}
