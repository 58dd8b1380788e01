//! The program as the tests run it: with none of the settings of the machine's user (their
//! `CHITIEU_*` and `NO_COLOR` variables, their config file, their installed plans), so a
//! developer's own `config.json` or `CHITIEU_LANG=en` never changes a test's outcome. A test
//! sets on top what it needs.

// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A home, config and data directory that do not exist.
pub const NOWHERE: &str = "/nonexistent/chitieu-tests";

pub fn chitieu() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chitieu"));
    isolate(&mut command);
    command
}

/// Takes the user's settings out of the environment `command` (the program, or a wrapper
/// such as `sh` or `setpriv` that starts it) passes on.
pub fn isolate(command: &mut Command) -> &mut Command {
    for variable in
        ["CHITIEU_LANG", "CHITIEU_STORE", "CHITIEU_YEAR", "CHITIEU_UNIT", "CHITIEU_THEME", "NO_COLOR"]
    {
        command.env_remove(variable);
    }
    command
        .env("HOME", NOWHERE)
        .env("XDG_CONFIG_HOME", format!("{NOWHERE}/config"))
        .env("XDG_DATA_HOME", format!("{NOWHERE}/data"))
}

/// The program with an empty environment and a home of its own (`HOME`, data and config
/// directories below `home`), as user `lan` without colour: for tests of installed plans,
/// which live in the data directory.
pub fn at_home(home: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chitieu"));
    command
        .env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("USER", "lan")
        .env("NO_COLOR", "1")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

/// The program on `store` as user `lan`, without colour, with no `TZ` of the user's: the
/// store and file tests.
pub fn on_store(store: &Path) -> Command {
    let mut command = chitieu();
    command
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .env_remove("TZ")
        .env("USER", "lan")
        .env("NO_COLOR", "1")
        .arg("--store")
        .arg(store);
    command
}

/// [`on_store`] run with `args`: its output.
pub fn run(store: &Path, args: &[&str]) -> Output {
    on_store(store).args(args).output().expect("run chitieu")
}

/// The program on `store` run with `args` as user `tester`, in UTC, with nothing on its
/// input (a question gets no answer): the field exchange and untrusted input tests.
pub fn run_as_tester(store: &Path, args: &[&str]) -> Output {
    chitieu()
        .arg("--store")
        .arg(store)
        .args(args)
        .env("USER", "tester")
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run chitieu")
}

/// The program [`at_home`] in `home`, on `store`, run with `args`: its output.
pub fn run_at_home(home: &Path, store: &Path, args: &[&str]) -> Output {
    at_home(home).arg("--store").arg(store).args(args).output().expect("run chitieu")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The standard output of a run that must succeed (its error output if it did not).
pub fn ok(output: Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8")
}
