//! Strings of the units' commands (`unit add`, `unit list`, `missing`, its reminders, and
//! picking a unit's store): Vietnamese and English side by side, as in the rest of `i18n`.

use super::Lang;
use crate::domain::units::{RESERVED_ID, Unit};
use std::path::Path;

/// `--unit ID` (or a change file) names a unit the plan does not have.
pub fn unknown_unit(lang: Lang, id: &str, known: &[Unit]) -> String {
    let list = if known.is_empty() {
        lang.pick("chưa có đơn vị nào", "none yet").to_owned()
    } else {
        known.iter().map(|u| u.id.as_str()).collect::<Vec<_>>().join(", ")
    };
    match lang {
        Lang::Vi => format!(
            "không có đơn vị “{id}” trong kế hoạch này (đã có: {list}); đăng ký bằng: chitieu unit add {id} --name \"Tên đơn vị\""
        ),
        Lang::En => format!(
            "no unit “{id}” in this plan (registered: {list}); register it with: chitieu unit add {id} --name \"Unit name\""
        ),
    }
}

/// A change file whose header names a unit id that could not be a unit's.
pub fn file_names_bad_unit(lang: Lang, file: &Path, id: &str) -> String {
    match lang {
        Lang::Vi => format!("tệp {} ghi đơn vị không hợp lệ “{id}”", file.display()),
        Lang::En => format!("file {} names an invalid unit “{id}”", file.display()),
    }
}

/// A change file for another unit (or for the plan itself, `from` empty) than `--unit into`.
pub fn file_of_another_unit(lang: Lang, file: &Path, from: &str, into: &str) -> String {
    let file = file.display();
    match (lang, from.is_empty()) {
        (Lang::Vi, true) => {
            format!(
                "tệp {file} là số liệu của kế hoạch chung, không của đơn vị {into}: nhập không kèm --unit"
            )
        }
        (Lang::En, true) => {
            format!("file {file} holds the plan's own figures, not unit {into}'s: import it without --unit")
        }
        (Lang::Vi, false) => format!(
            "tệp {file} là số liệu của đơn vị {from}, không của đơn vị {into}; không nhập gì. Nhập bằng --unit {from} (hoặc không kèm --unit)"
        ),
        (Lang::En, false) => format!(
            "file {file} holds unit {from}'s figures, not unit {into}'s; nothing imported. Import it with --unit {from} (or without --unit)"
        ),
    }
}

/// `unit add` with an id that cannot name a unit's store file.
pub fn bad_unit_id(lang: Lang, id: &str) -> String {
    match (lang, id == RESERVED_ID) {
        (Lang::Vi, true) => format!(
            "mã đơn vị “{id}” để dành cho danh sách các đơn vị (tệp {RESERVED_ID}.json); hãy chọn mã khác, ví dụ xa-my-an"
        ),
        (Lang::En, true) => format!(
            "unit id “{id}” is kept for the list of units (file {RESERVED_ID}.json); choose another, e.g. xa-my-an"
        ),
        (Lang::Vi, false) => format!(
            "mã đơn vị “{id}” không dùng được: 1–40 ký tự a–z, 0–9, - hoặc _, bắt đầu bằng chữ hoặc số (ví dụ xa-my-an)"
        ),
        (Lang::En, false) => format!(
            "unit id “{id}” cannot be used: 1–40 of a–z, 0–9, - or _, starting with a letter or digit (e.g. xa-my-an)"
        ),
    }
}

pub fn empty_unit_name(lang: Lang) -> &'static str {
    lang.pick("tên đơn vị trống", "the unit's name is empty")
}

/// `unit add` done: where the unit's figures are kept and how to work on them.
pub fn unit_registered(lang: Lang, unit: &Unit, store: &Path) -> String {
    let (id, name, store) = (&unit.id, &unit.name, store.display());
    match lang {
        Lang::Vi => format!(
            "Đã đăng ký đơn vị {id}: {name}. Số liệu của đơn vị ở {store}; dùng --unit {id} hoặc CHITIEU_UNIT={id}."
        ),
        Lang::En => {
            format!(
                "Registered unit {id}: {name}. Its figures are kept in {store}; use --unit {id} or CHITIEU_UNIT={id}."
            )
        }
    }
}

pub fn no_units_yet(lang: Lang) -> &'static str {
    lang.pick("Chưa có đơn vị nào.", "No units yet.")
}

/// `missing --reminders --out FILE` done.
pub fn reminders_written(lang: Lang, file: &Path, agencies: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi {} ({agencies} cơ quan còn thiếu số liệu).", file.display()),
        Lang::En => format!("Wrote {} ({agencies} agencies with figures missing).", file.display()),
    }
}

/// "Đã có số liệu 12/27 chỉ tiêu đến kỳ báo cáo".
pub fn reported_line(lang: Lang, done: crate::domain::units::Completeness) -> String {
    match lang {
        Lang::Vi => format!("Đã có số liệu {}/{} chỉ tiêu đến kỳ báo cáo", done.reported, done.expected),
        Lang::En => format!("Figures in for {}/{} targets due", done.reported, done.expected),
    }
}

/// Targets no lead agency was named for are grouped under this.
pub fn no_agency(lang: Lang) -> &'static str {
    lang.pick("(chưa giao cơ quan chủ trì)", "(no lead agency named)")
}

/// The head of a reminder letter to one agency: the address line and the request.
pub fn reminder_opening(
    lang: Lang,
    agency: &str,
    program: &str,
    period: &str,
    year: i16,
    targets: usize,
) -> String {
    match lang {
        Lang::Vi => format!(
            "Kính gửi: {agency}\n\nĐể tổng hợp kết quả thực hiện {program} kỳ {period} năm {year}, đề nghị quý cơ quan gửi số liệu của {targets} chỉ tiêu sau (cơ quan chủ trì theo dõi):"
        ),
        Lang::En => format!(
            "To: {agency}\n\nTo compile the results of {program} for the {period} period of {year}, please send the figures of these {targets} targets, for which your office is the lead agency:"
        ),
    }
}

pub fn year_plan(lang: Lang) -> &'static str {
    lang.pick("kế hoạch năm", "year plan")
}

pub fn reminder_closing(lang: Lang) -> &'static str {
    lang.pick("Trân trọng cảm ơn.", "Thank you.")
}
