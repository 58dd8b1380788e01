//! Messages of the commands: what `set` saved or refused, what `check` found sound, `history`
//! of a heading, waiting for the store's lock.

use super::{Lang, kind, no_such_target, period, unreadable_number};
use crate::domain::ledger::Kind;
use crate::domain::number::NumberError;
use crate::domain::period::Period;
use std::path::Path;

/// `set` was given a target id the plan does not have.
pub fn unknown_target(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("{}; xem các mã bằng lệnh chitieu report", no_such_target(lang, id)),
        Lang::En => format!("{}; chitieu report lists the ids", no_such_target(lang, id)),
    }
}

/// `set` was given a heading, whose figures are all in its parts.
pub fn heading_target(lang: Lang, id: &str, parts: &[&str]) -> String {
    let parts = parts.join(", ");
    match lang {
        Lang::Vi => format!("chỉ tiêu {id} không có số liệu riêng; hãy nhập cho từng phần: {parts}"),
        Lang::En => format!("target {id} has no figure of its own; enter its parts: {parts}"),
    }
}

/// `set` was given a value it would misread or cannot read.
pub fn bad_value(lang: Lang, typed: &str, error: &NumberError) -> String {
    let why = unreadable_number(lang, typed, error);
    match lang {
        Lang::Vi => format!("{why}. Chưa ghi gì vào kho số liệu"),
        Lang::En => format!("{why}. Nothing was saved"),
    }
}

/// The confirmation `set` prints once the figure is on disk.
pub fn saved(lang: Lang, target: &str, period: Period, value: &str, kind: Kind, path: &Path) -> String {
    let period = self::period(lang, period);
    let kind = self::kind(lang, kind).to_lowercase();
    match lang {
        Lang::Vi => format!("Đã lưu chỉ tiêu {target}, {period}: {value} ({kind}) vào {}", path.display()),
        Lang::En => format!("Saved target {target}, {period}: {value} ({kind}) to {}", path.display()),
    }
}

/// How many entries a save brought in from other people.
pub fn from_others(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::Vi, 0) => "Không có số liệu mới từ người khác.".to_owned(),
        (Lang::Vi, n) => format!("Đã nhận thêm {n} mục số liệu do người khác nhập."),
        (Lang::En, 0) => "No new figures from others.".to_owned(),
        (Lang::En, 1) => "1 entry arrived from others.".to_owned(),
        (Lang::En, n) => format!("{n} entries arrived from others."),
    }
}

/// `history 10`: a heading's figures are its parts'.
pub fn history_of_parts(lang: Lang, id: &str, parts: &[&str]) -> String {
    let parts = parts.join(", ");
    match lang {
        Lang::Vi => {
            format!("Chỉ tiêu {id} không có số liệu riêng; đây là số liệu của các chỉ tiêu con {parts}.")
        }
        Lang::En => {
            format!("Target {id} has no figure of its own; these are the figures of its parts {parts}.")
        }
    }
}

/// `check`: the plan is sound.
pub fn plan_sound(lang: Lang, id: &str, year: i16, targets: usize, hash: &str) -> String {
    match lang {
        Lang::Vi => format!("Kế hoạch {id} ({year}): {targets} chỉ tiêu, mã nội dung {hash}: hợp lệ"),
        Lang::En => format!("Plan {id} ({year}): {targets} targets, content hash {hash}: sound"),
    }
}

/// `check`: there is no store yet.
pub fn no_store(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Vi => format!("Kho số liệu {}: chưa có (sẽ được tạo khi lưu số liệu đầu tiên)", path.display()),
        Lang::En => format!("Store {}: none yet (it is created by the first save)", path.display()),
    }
}

/// `check`: the store's summary line.
pub fn store_summary(lang: Lang, path: &Path, entries: usize, problems: usize) -> String {
    match (lang, problems) {
        (Lang::Vi, 0) => format!("Kho số liệu {}: {entries} mục: hợp lệ", path.display()),
        (Lang::Vi, n) => format!("Kho số liệu {}: {entries} mục, {n} vấn đề:", path.display()),
        (Lang::En, 0) => format!("Store {}: {entries} entries: sound", path.display()),
        (Lang::En, n) => format!("Store {}: {entries} entries, {n} problem(s):", path.display()),
    }
}

/// `check`: the exit message when problems were found.
pub fn problems_found(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("phát hiện {count} vấn đề trong kho số liệu (xem ở trên)"),
        Lang::En => format!("{count} problem(s) found in the store (see above)"),
    }
}

/// Said at once when a save finds the store locked by another process.
pub fn store_locked_waiting(lang: Lang, lock: &std::path::Path, limit: u64) -> String {
    match lang {
        Lang::Vi => format!(
            "kho số liệu đang bị khoá ({}): có người khác đang lưu; đang chờ, tối đa {limit} giây (Ctrl-C để thôi)",
            lock.display()
        ),
        Lang::En => format!(
            "the store is locked ({}): someone else is saving; waiting up to {limit} s (Ctrl-C to give up)",
            lock.display()
        ),
    }
}

/// The count shown while waiting for the store's lock.
pub fn store_locked_count(lang: Lang, lock: &std::path::Path, seconds: u64, limit: u64) -> String {
    match lang {
        Lang::Vi => format!("kho số liệu đang bị khoá ({}): đã chờ {seconds}/{limit} giây", lock.display()),
        Lang::En => format!("the store is locked ({}): waited {seconds}/{limit} s", lock.display()),
    }
}

/// The full-screen view needs a terminal.
pub fn needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "màn hình đầy đủ cần một terminal; để in bảng, dùng `chitieu report`",
        "the full-screen view needs a terminal; for a printed table use `chitieu report`",
    )
}
