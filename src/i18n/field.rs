//! Strings of field entry: change files (export, import), conflicts, closed rounds, sharp
//! changes and drafts. Vietnamese and English side by side, as in the rest of `i18n`.

use super::{Lang, period};
use crate::domain::conflict::Conflict;
use crate::domain::ledger::{Entry, RoundAction};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use crate::domain::rounds::ClosedPeriod;
use crate::domain::sharp::SharpChange;
use crate::i18n::present;
use jiff::tz::TimeZone;
use std::path::Path;

pub fn bad_since(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "--since “{text}” không phải thời điểm; hãy viết một ngày (2024-07-01) hoặc thời điểm RFC 3339 (2024-07-01T08:00:00+07:00)"
        ),
        Lang::En => format!(
            "--since “{text}” is not a time; give a date (2024-07-01) or an RFC 3339 time (2024-07-01T08:00:00+07:00)"
        ),
    }
}

pub fn export_over_store(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Vi => format!(
            "{} là chính kho số liệu (hoặc tệp khoá, bản sao lưu của nó); hãy chọn tên tệp khác cho tệp trao đổi, ví dụ thay-doi.json",
            path.display()
        ),
        Lang::En => format!(
            "{} is the store itself (or its lock file or backup); name another file for the changes, e.g. changes.json",
            path.display()
        ),
    }
}

pub fn exported(lang: Lang, count: usize, path: &Path) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi {count} mục vào {}", path.display()),
        Lang::En => format!("Wrote {count} entries to {}", path.display()),
    }
}

pub fn plan_differs(lang: Lang) -> String {
    lang.pick(
        "Lưu ý: tệp được xuất với nội dung kế hoạch khác (cùng mã, cùng năm); các chỉ tiêu vẫn khớp.",
        "Note: the file was made with a different text of the same plan (same id and year); its targets all match.",
    )
    .to_owned()
}

/// A closed period, for `set`, `undo` and `import`, its time shown in `tz`.
pub fn period_closed_in(lang: Lang, closed: &ClosedPeriod, tz: &TimeZone) -> String {
    let when = present::time_in(lang, closed.at, tz);
    let p = period(lang, closed.period);
    let key = closed.period.key();
    match lang {
        Lang::Vi => format!(
            "kỳ {p} đã chốt số liệu ({}, {when}): không nhận số liệu mới cho kỳ này. Nếu cần sửa, mở lại bằng: chitieu reopen-period {key}",
            closed.by
        ),
        Lang::En => format!(
            "the {p} period was closed ({}, {when}): no new entries are taken for it. To change it, reopen it: chitieu reopen-period {key}",
            closed.by
        ),
    }
}

/// The same, in the full-screen view: how to reopen it there, with its own keys. `in_view`:
/// the period is the one `c` acts on now.
pub fn period_closed_in_view(
    lang: Lang,
    closed: &ClosedPeriod,
    tz: &jiff::tz::TimeZone,
    in_view: bool,
) -> String {
    let when = present::time_in(lang, closed.at, tz);
    let p = crate::i18n::period_lower(lang, closed.period);
    let by = &closed.by;
    match (lang, in_view) {
        (Lang::Vi, true) => {
            format!("Kỳ {p} đã chốt số liệu ({by}, {when}): không nhận số mới. Mở lại: Esc rồi phím c")
        }
        (Lang::Vi, false) => {
            format!(
                "Kỳ {p} đã chốt số liệu ({by}, {when}): không nhận số mới. Mở lại: Esc, p chọn kỳ {p}, rồi phím c"
            )
        }
        (Lang::En, true) => {
            format!("The {p} period is closed ({by}, {when}): no new figures. To reopen: Esc, then c")
        }
        (Lang::En, false) => format!(
            "The {p} period is closed ({by}, {when}): no new figures. To reopen: Esc, p to view the {p} period, then c"
        ),
    }
}

pub fn import_closed(lang: Lang, tz: &TimeZone, path: &Path, entry: &Entry, closed: &ClosedPeriod) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp trao đổi {}: mục {} (chỉ tiêu {}) thuộc {}. Không nhập mục nào; kho giữ nguyên",
            path.display(),
            entry.id,
            entry.target,
            period_closed_in(lang, closed, tz)
        ),
        Lang::En => format!(
            "change file {}: entry {} (target {}) belongs to {}. Nothing was imported; the store is unchanged",
            path.display(),
            entry.id,
            entry.target,
            period_closed_in(lang, closed, tz)
        ),
    }
}

pub fn sharp_change(lang: Lang, plan: &Plan, change: &SharpChange) -> String {
    let name = plan.target(&change.target).map(|t| t.name.get(lang)).unwrap_or_default();
    let (new, old) = (present::figure(lang, change.value), present::figure(lang, change.previous));
    let factor = present::figure(lang, change.factor);
    let (p, q) = (period(lang, change.period), period(lang, change.previous_period));
    match (change.basis, lang) {
        (crate::domain::sharp::Basis::Expectation, Lang::Vi) => {
            return format!(
                "Chỉ tiêu {} ({name}): {new} ({p}) chênh lệch hơn {factor} lần so với mức cần đạt {old} của kỳ này. Có gõ nhầm không?",
                change.target
            );
        }
        (crate::domain::sharp::Basis::Expectation, Lang::En) => {
            return format!(
                "Target {} ({name}): {new} ({p}) is more than {factor}-fold off the {old} expected by this period. A typo?",
                change.target
            );
        }
        (crate::domain::sharp::Basis::CommaThousands, Lang::Vi) => {
            return format!(
                "Chỉ tiêu {} ({name}): dấu phẩy là dấu thập phân, nên số vừa gõ được đọc là {new}; nếu muốn {old} thì gõ dấu chấm ({old}).",
                change.target
            );
        }
        (crate::domain::sharp::Basis::CommaThousands, Lang::En) => {
            return format!(
                "Target {} ({name}): the comma marks decimals in Vietnamese, so the figure reads {new}; for {old} type a dot.",
                change.target
            );
        }
        (crate::domain::sharp::Basis::PreviousPeriod, _) => {}
    }
    match lang {
        Lang::Vi => format!(
            "Chỉ tiêu {} ({name}): {new} ({p}) chênh lệch hơn {factor} lần so với {old} ({q}). Có gõ nhầm không?",
            change.target
        ),
        Lang::En => format!(
            "Target {} ({name}): {new} ({p}) differs more than {factor}-fold from {old} ({q}). A typo?",
            change.target
        ),
    }
}

pub fn sharp_no_terminal(lang: Lang) -> String {
    lang.pick(
        "Không có cửa sổ dòng lệnh để hỏi xác nhận: kiểm tra lại số liệu, hoặc thêm --yes để vẫn nhận.",
        "No terminal to ask on: check the figures, or add --yes to take them anyway.",
    )
    .to_owned()
}

pub fn sharp_question(lang: Lang) -> &'static str {
    lang.pick("Vẫn nhận các số liệu này? [c/K]", "Take these figures anyway? [y/N]")
}

/// Whether a typed answer means yes: `c`/`có` in Vietnamese, `y`/`yes` in English.
pub fn is_yes(lang: Lang, answer: &str) -> bool {
    let answer = crate::domain::text::fold(answer.trim());
    match lang {
        Lang::Vi => matches!(answer.as_str(), "c" | "co" | "y" | "yes"),
        Lang::En => matches!(answer.as_str(), "y" | "yes"),
    }
}

/// The TUI's way to confirm a sharp change.
/// A value pasted with a line break in it.
pub fn paste_refused(lang: Lang) -> &'static str {
    lang.pick(
        "Số liệu dán vào có xuống dòng: không nhận. Hãy dán một số duy nhất.",
        "The pasted value has a line break: not taken. Paste a single figure.",
    )
}

/// Said on the terminal after Ctrl-C closed an open form: where its text was kept.
pub fn draft_kept(lang: Lang, path: &std::path::Path) -> String {
    match lang {
        Lang::Vi => format!(
            "Biểu mẫu đang mở được giữ làm bản nháp ({}); lần mở sau sẽ hiện lại để lưu (Enter) hoặc bỏ (Esc).",
            path.display()
        ),
        Lang::En => format!(
            "The open form was kept as a draft ({}); the next start shows it again to save (Enter) or drop (Esc).",
            path.display()
        ),
    }
}

pub fn sharp_enter_again(lang: Lang) -> &'static str {
    lang.pick("Nhấn Enter lần nữa để vẫn lưu.", "Press Enter again to save it anyway.")
}

pub fn sharp_declined(lang: Lang) -> String {
    lang.pick("Không nhận gì; kho giữ nguyên.", "Nothing was taken; the store is unchanged.").to_owned()
}

/// An import that closes or reopens a period in this store.
pub fn import_changes_round(lang: Lang, which: Period, closed: bool) -> String {
    let p = period(lang, which);
    match (lang, closed) {
        (Lang::Vi, false) => format!("Tệp này MỞ LẠI kỳ {p}, kỳ mà kho này đã chốt."),
        (Lang::Vi, true) => format!("Tệp này CHỐT kỳ {p}, kỳ đang mở trong kho này."),
        (Lang::En, false) => format!("This file REOPENS {p}, which this store had closed."),
        (Lang::En, true) => format!("This file CLOSES {p}, which is open in this store."),
    }
}

/// An imported entry dated more than a day ahead of this machine's clock.
pub fn dated_ahead(lang: Lang, tz: &TimeZone, entry: &crate::domain::ledger::Entry) -> String {
    let said = super::dated_ahead_of_clock(lang, tz, &entry.id, entry.time);
    // A sentence of its own here: "Mục …", "Entry …".
    let mut letters = said.chars();
    let first = letters.next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
    let said = first + letters.as_str();
    match lang {
        Lang::Vi => format!("{said}: đồng hồ của máy đã nhập nó có lẽ sai."),
        Lang::En => format!("{said}: the machine that made it likely has a wrong clock."),
    }
}

/// How to take an import that had to be questioned.
pub fn needs_yes(lang: Lang) -> &'static str {
    lang.pick(
        "Không ghi gì. Kiểm tra lại, rồi thêm --yes để vẫn nhập.",
        "Nothing written. Check, then add --yes to import anyway.",
    )
}

pub fn import_summary(lang: Lang, new: usize, already: usize, conflicts: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã nhập: {new} mục mới, {already} mục đã có, {conflicts} xung đột."),
        Lang::En => format!("Imported: {new} new, {already} already there, {conflicts} conflicts."),
    }
}

/// One conflict: target, period, and each official value with author and time (in `tz`).
pub fn conflict_line(lang: Lang, tz: &TimeZone, plan: &Plan, conflict: &Conflict) -> String {
    let name = plan.target(conflict.target).map(|t| t.name.get(lang)).unwrap_or_default();
    let values = conflict_values(lang, conflict, tz);
    format!("{} {name} ({}): {values}", conflict.target, period(lang, conflict.period))
}

/// The contradicting official figures of a conflict, each with author and time (shown in
/// `tz`): "8,5 (lan, 01/07/2024 08:00) hay 9,1 (hoa, 02/07/2024 09:30)".
pub fn conflict_values(lang: Lang, conflict: &Conflict, tz: &TimeZone) -> String {
    let values: Vec<String> = conflict
        .entries
        .iter()
        .map(|e| {
            let (value, author) = (present::figure(lang, e.value), crate::domain::text::clean(&e.author));
            format!("{value} ({author}, {})", present::time_in(lang, e.time, tz))
        })
        .collect();
    values.join(lang.pick(" hay ", " or "))
}

pub fn conflict_advice(lang: Lang) -> String {
    lang.pick(
        "Các số liệu chính thức trên mâu thuẫn nhau; nhập số đúng cho chỉ tiêu và kỳ đó để giải quyết (lịch sử giữ tất cả).",
        "These official figures contradict each other; enter the right figure for that target and period to resolve it (history keeps all).",
    )
    .to_owned()
}

/// A `check` finding: a conflict, worded as a problem.
pub fn conflict_problem(lang: Lang, tz: &TimeZone, plan: &Plan, conflict: &Conflict) -> String {
    match lang {
        Lang::Vi => format!("xung đột số liệu chính thức: {}", conflict_line(lang, tz, plan, conflict)),
        Lang::En => format!("conflicting official figures: {}", conflict_line(lang, tz, plan, conflict)),
    }
}

/// How history shows a round entry (its target is `*` and its value 0, which mean nothing).
pub fn round_label(lang: Lang, action: RoundAction, p: Period) -> String {
    match (action, lang) {
        (RoundAction::ClosePeriod, Lang::Vi) => format!("chốt số liệu kỳ {}", period(lang, p)),
        (RoundAction::ClosePeriod, Lang::En) => format!("closed the {} period", period(lang, p)),
        (RoundAction::ReopenPeriod, Lang::Vi) => format!("mở lại kỳ {}", period(lang, p)),
        (RoundAction::ReopenPeriod, Lang::En) => format!("reopened the {} period", period(lang, p)),
    }
}

pub fn already_closed(lang: Lang, tz: &TimeZone, close: &Entry) -> String {
    let when = present::time_in(lang, close.time, tz);
    match lang {
        Lang::Vi => format!(
            "Kỳ {} đã chốt trước đó ({}, {when}); không ghi gì thêm.",
            period(lang, close.period),
            close.author
        ),
        Lang::En => format!(
            "The {} period was already closed ({}, {when}); nothing written.",
            period(lang, close.period),
            close.author
        ),
    }
}

pub fn already_open(lang: Lang, p: Period) -> String {
    match lang {
        Lang::Vi => format!("Kỳ {} đang mở; không ghi gì thêm.", period(lang, p)),
        Lang::En => format!("The {} period is open; nothing written.", period(lang, p)),
    }
}

pub fn round_done(lang: Lang, action: RoundAction, p: Period) -> String {
    let name = period(lang, p);
    match (action, lang) {
        (RoundAction::ClosePeriod, Lang::Vi) => format!(
            "Đã chốt số liệu kỳ {name}: số liệu mới cho kỳ này sẽ bị từ chối cho đến khi mở lại (chitieu reopen-period {}).",
            p.key()
        ),
        (RoundAction::ClosePeriod, Lang::En) => format!(
            "Closed the {name} period: new entries for it are refused until it is reopened (chitieu reopen-period {}).",
            p.key()
        ),
        (RoundAction::ReopenPeriod, Lang::Vi) => format!("Đã mở lại kỳ {name}: lại nhận số liệu mới."),
        (RoundAction::ReopenPeriod, Lang::En) => {
            format!("Reopened the {name} period: new entries are taken again.")
        }
    }
}

/// The full-screen view's footer after `c` closed or reopened a period; `default` when the
/// view showed the latest figures and the form's default period was taken.
pub fn round_done_tui(lang: Lang, action: RoundAction, p: Period, default: bool) -> String {
    let name = period(lang, p);
    let which = match (default, lang) {
        (false, _) => "",
        (true, Lang::Vi) => " (kỳ mặc định)",
        (true, Lang::En) => " (the default period)",
    };
    match (action, lang) {
        (RoundAction::ClosePeriod, Lang::Vi) => format!("Đã chốt số liệu kỳ {name}{which}; mở lại: phím c"),
        (RoundAction::ClosePeriod, Lang::En) => format!("Closed the {name} period{which}; c reopens it"),
        (RoundAction::ReopenPeriod, Lang::Vi) => format!("Đã mở lại kỳ {name}{which}: lại nhận số liệu mới"),
        (RoundAction::ReopenPeriod, Lang::En) => {
            format!("Reopened the {name} period{which}: entries are taken again")
        }
    }
}

/// The question before `c` closes or reopens a period.
pub fn round_question(lang: Lang, action: RoundAction, p: Period) -> String {
    let name = crate::i18n::period_lower(lang, p);
    match (action, lang) {
        (RoundAction::ClosePeriod, Lang::Vi) => {
            format!("Chốt số liệu kỳ {name}? Số liệu mới cho kỳ này sẽ bị từ chối cho đến khi mở lại.")
        }
        (RoundAction::ClosePeriod, Lang::En) => {
            format!("Close the {name} period? New entries for it will be refused until it is reopened.")
        }
        (RoundAction::ReopenPeriod, Lang::Vi) => format!("Mở lại kỳ {name}? Kỳ này sẽ lại nhận số liệu mới."),
        (RoundAction::ReopenPeriod, Lang::En) => {
            format!("Reopen the {name} period? It will take new entries again.")
        }
    }
}

/// Why the question is about this period when the view shows the latest figures.
pub fn round_default_period(lang: Lang, p: Period) -> String {
    match lang {
        Lang::Vi => format!("Đang xem số mới nhất: dùng kỳ mặc định của ô nhập, {}.", period(lang, p)),
        Lang::En => format!(
            "The view shows the latest figures: this is the form's default period, {}.",
            period(lang, p)
        ),
    }
}

/// Who closed the period, in the question before reopening it.
pub fn closed_by(lang: Lang, closed: &ClosedPeriod, tz: &jiff::tz::TimeZone) -> String {
    let when = present::time_in(lang, closed.at, tz);
    match lang {
        Lang::Vi => format!("Đã chốt bởi {} lúc {when}.", crate::domain::text::clean(&closed.by)),
        Lang::En => format!("Closed by {} at {when}.", crate::domain::text::clean(&closed.by)),
    }
}

/// The header's mark of a closed period: `đã chốt`, or `6 tháng đã chốt` when the view shows
/// the latest figures and the closed period is the default one.
pub fn closed_mark(lang: Lang, default: Option<Period>) -> String {
    match (default, lang) {
        (None, Lang::Vi) => "đã chốt".to_owned(),
        (None, Lang::En) => "closed".to_owned(),
        (Some(p), Lang::Vi) => format!("{} đã chốt", period(lang, p)),
        (Some(p), Lang::En) => format!("{} closed", period(lang, p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::{Kind, Ledger};
    use rust_decimal::Decimal;

    /// An author's name from another machine's file is printed without its control characters
    /// by `check`, `report` and `import`, as the view shows it (the printed line kept them).
    #[test]
    fn a_conflict_is_printed_without_control_characters_in_names() {
        let at = jiff::Timestamp::from_second(1_720_000_000).expect("time");
        let official = |id: &str, value, author| {
            Entry::figure(id.into(), "3", Period::H1, Decimal::new(value, 1), Kind::Official, author, at)
        };
        let ledger = Ledger::new([official("a", 85, "lan\u{1b}[2J"), official("b", 91, "hoa")]);
        let conflict = crate::domain::conflict::conflict_for(&ledger, "3", Period::H1).expect("a conflict");
        let line = conflict_line(Lang::En, &TimeZone::UTC, &Plan::embedded(), &conflict);
        assert!(!line.contains('\u{1b}') && line.contains("8.5 (lan"), "{line}");
    }
}
