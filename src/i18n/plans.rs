//! Strings of plans made from a spreadsheet and installed side by side: the template's
//! headers and explanations, and the problems found in a sheet. Vietnamese and English side
//! by side, as in the rest of `i18n`.

use super::{Lang, cannot_read, no_such_target, unreadable_number};
use crate::domain::plan::{Direction, Measure};
use crate::domain::sheet::{Issue, ReadError, SheetProblem};
use crate::store::installed::{Installed, Revision, ShelfError};
use std::path::Path;

pub const SHEET_TABLE: &str = "Chỉ tiêu";
pub const SHEET_HELP: &str = "Hướng dẫn";

/// The Vietnamese header of a column, as the template writes it before the key.
pub fn header_vi(key: &str) -> &'static str {
    match key {
        "id" => "Mã chỉ tiêu",
        "parent" => "Thuộc chỉ tiêu",
        "group" => "Nhóm",
        "section" => "Mục",
        "name" => "Tên chỉ tiêu",
        "name.en" => "Tên tiếng Anh",
        "unit" => "Đơn vị tính",
        "unit.en" => "Đơn vị tiếng Anh",
        "direction" => "Yêu cầu",
        "target" => "Mức chỉ tiêu",
        "target_min" => "Mức thấp nhất",
        "target_max" => "Mức cao nhất",
        "measure" => "Cách tính",
        "reported_in" => "Kỳ báo cáo",
        "agency" => "Cơ quan chủ trì",
        "last_year_id" => "Mã năm trước",
        "tolerance_percent" => "Dung sai phần trăm",
        "quote" => "Trích văn bản",
        _ => super::units_data::header_vi(key),
    }
}

/// The template's header: the Vietnamese, then the key in brackets (both are accepted).
pub fn header(key: &str) -> String {
    format!("{} ({key})", header_vi(key))
}

/// Words a cadre may write for a direction, besides its key.
pub fn direction_words(direction: Direction) -> &'static [&'static str] {
    match direction {
        Direction::AtLeast => &["tối thiểu", "không thấp hơn", "≥", ">="],
        Direction::AtMost => &["tối đa", "không vượt quá", "≤", "<="],
        Direction::Range => &["trong khoảng", "khoảng"],
    }
}

/// Words a cadre may write for a measure, besides its key.
pub fn measure_words(measure: Measure) -> &'static [&'static str] {
    match measure {
        Measure::Level => &["mức", "tỷ lệ", "tỉ lệ"],
        Measure::Cumulative => &["luỹ kế", "lũy kế", "cộng dồn"],
        Measure::YearEnd => &["cuối năm", "số cuối năm"],
    }
}

/// What each column means: Vietnamese, English.
pub fn column_help(key: &str) -> (&'static str, &'static str) {
    match key {
        "id" => (
            "Mã chỉ tiêu, duy nhất; dùng trong lệnh “chitieu set MÃ …”. Ví dụ: 1, 7a, II.4",
            "The target's id, unique; what “chitieu set ID …” takes. E.g. 1, 7a, II.4",
        ),
        "parent" => (
            "Với chỉ tiêu thành phần (7a): mã của chỉ tiêu nó thuộc về (7). Để trống nếu không có",
            "For a part (7a): the id of its indicator (7). Empty otherwise",
        ),
        "group" => (
            "Nhóm: Kinh tế, Xã hội, Môi trường, Xây dựng Đảng (hoặc economic, social, environment, party)",
            "Group: economic, social, environment, party (or the Vietnamese names)",
        ),
        "section" => (
            "Mục của văn bản nêu chỉ tiêu (I.2, II.5). Không bắt buộc",
            "Where the document states it (I.2, II.5). Optional",
        ),
        "name" => ("Tên chỉ tiêu như văn bản viết", "The target's name as the document writes it"),
        "name.en" => (
            "Tên tiếng Anh. Không bắt buộc: để trống thì giao diện tiếng Anh hiện tên tiếng Việt",
            "The English name. Optional: without it the English interface shows the Vietnamese",
        ),
        "unit" => ("Đơn vị tính: %, tỷ đồng, km, …", "The unit: %, billion VND, km, …"),
        "unit.en" => ("Đơn vị tính tiếng Anh. Không bắt buộc", "The unit in English. Optional"),
        "direction" => (
            "at_least (tối thiểu, đạt từ mức trở lên), at_most (tối đa, không vượt quá) hoặc range (trong khoảng). Để trống cả yêu cầu, mức và cách tính nếu chỉ tiêu chỉ là tiêu đề của các chỉ tiêu thành phần",
            "at_least, at_most or range. Leave direction, figures and measure empty for a heading whose figures are all in its parts",
        ),
        "target" => (
            "Mức chỉ tiêu, cho at_least và at_most. Số ô của bảng tính hoặc chữ theo cách viết số tiếng Việt (6,5; 4.900)",
            "The figure, for at_least and at_most. A number cell, or text in the active language's number style (6.5; 4,900 in English)",
        ),
        "target_min" => ("Mức thấp nhất, cho range", "The lower bound, for range"),
        "target_max" => (
            "Mức cao nhất, cho range; phải lớn hơn mức thấp nhất",
            "The upper bound, for range; above the lower",
        ),
        "measure" => (
            "level (mức, tỷ lệ: đúng ở mọi thời điểm) hoặc cumulative (luỹ kế: tăng dần trong năm)",
            "level (a rate that holds at any time) or cumulative (a count that grows through the year)",
        ),
        "reported_in" => (
            "Các kỳ báo cáo chỉ tiêu, cách nhau bằng dấu cách: q1 h1 9m year. Để trống là mọi kỳ",
            "The periods the target is reported in, separated by blanks: q1 h1 9m year. Empty means all",
        ),
        "agency" => (
            "Cơ quan chủ trì theo dõi chỉ tiêu. Không bắt buộc",
            "The office in charge of the target. Optional",
        ),
        "last_year_id" => (
            "Mã của chính chỉ tiêu này trong kế hoạch năm trước, để so sánh cùng kỳ năm trước. Không bắt buộc",
            "The id of the same indicator in last year's plan, for the same period last year. Optional",
        ),
        "tolerance_percent" => (
            "Thấp hơn mức cần đạt bao nhiêu phần trăm vẫn là “có nguy cơ” chứ chưa “chậm”; 0–100. Không bắt buộc (mặc định 5)",
            "How far below the expectation, in percent, is still “at risk” rather than “behind”; 0–100. Optional (default 5)",
        ),
        "quote" => (
            "Câu văn bản nêu chỉ tiêu, nguyên văn. Không bắt buộc",
            "The document's sentence, word for word. Optional",
        ),
        _ => super::units_data::column_help(key),
    }
}

pub fn help_header(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Vi => ["Cột", "Khoá", "Bắt buộc", "Ý nghĩa", "Meaning (English)"],
        Lang::En => ["Column", "Key", "Required", "Ý nghĩa (tiếng Việt)", "Meaning"],
    }
}

pub fn required(lang: Lang, required: bool) -> &'static str {
    match (required, lang) {
        (true, Lang::Vi) => "có",
        (false, Lang::Vi) => "không",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// One problem of a sheet, with its row and column.
pub fn sheet_problem(lang: Lang, problem: &SheetProblem) -> String {
    let column = &problem.column;
    let place = match (lang, problem.row, column.is_empty()) {
        (_, 0, true) => String::new(),
        (Lang::Vi, 0, false) => format!("{column}: "),
        (Lang::En, 0, false) => format!("{column}: "),
        (Lang::Vi, row, true) => format!("dòng {row}: "),
        (Lang::En, row, true) => format!("row {row}: "),
        (Lang::Vi, row, false) => format!("dòng {row}, cột “{column}”: "),
        (Lang::En, row, false) => format!("row {row}, column “{column}”: "),
    };
    let what = match (&problem.issue, lang) {
        (Issue::UnknownColumn, Lang::Vi) => {
            "cột không thuộc mẫu kế hoạch; hãy đặt tên cột như bảng mẫu (“chitieu plan template”) hoặc xoá cột".to_owned()
        }
        (Issue::UnknownColumn, Lang::En) => {
            "this column is not a field of the plan format; name it as the template does (“chitieu plan template”) or remove it".to_owned()
        }
        (Issue::DuplicateColumn, Lang::Vi) => "cột này có hai lần; hãy giữ một".to_owned(),
        (Issue::DuplicateColumn, Lang::En) => "this column appears twice; keep one".to_owned(),
        (Issue::MissingColumn, Lang::Vi) => "thiếu cột bắt buộc này ở dòng tiêu đề".to_owned(),
        (Issue::MissingColumn, Lang::En) => "the header row lacks this required column".to_owned(),
        (Issue::NoRows, Lang::Vi) => "không có dòng chỉ tiêu nào dưới dòng tiêu đề".to_owned(),
        (Issue::NoRows, Lang::En) => "there is no target row under the header".to_owned(),
        (Issue::Required, Lang::Vi) => "ô trống; cột này cần có giá trị".to_owned(),
        (Issue::Required, Lang::En) => "empty; this column needs a value".to_owned(),
        (Issue::BadNumber { typed, error }, _) => unreadable_number(lang, typed, error),
        (Issue::UnknownGroup(typed), Lang::Vi) => format!(
            "không có nhóm “{typed}”; hãy viết Kinh tế, Xã hội, Môi trường, Xây dựng Đảng (hoặc economic, social, environment, party)"
        ),
        (Issue::UnknownGroup(typed), Lang::En) => {
            format!("there is no group “{typed}”; write economic, social, environment or party")
        }
        (Issue::UnknownDirection(typed), Lang::Vi) => {
            format!("không hiểu yêu cầu “{typed}”; hãy viết at_least (tối thiểu), at_most (tối đa) hoặc range (trong khoảng)")
        }
        (Issue::UnknownDirection(typed), Lang::En) => {
            format!("unknown direction “{typed}”; write at_least, at_most or range")
        }
        (Issue::UnknownMeasure(typed), Lang::Vi) => {
            format!("không hiểu cách tính “{typed}”; hãy viết level (mức) hoặc cumulative (luỹ kế)")
        }
        (Issue::UnknownMeasure(typed), Lang::En) => {
            format!("unknown measure “{typed}”; write level or cumulative")
        }
        (Issue::UnknownPeriod(typed), Lang::Vi) => {
            format!("không có kỳ “{typed}”; các kỳ là q1, h1, 9m, year, cách nhau bằng dấu cách")
        }
        (Issue::UnknownPeriod(typed), Lang::En) => {
            format!("there is no period “{typed}”; the periods are q1, h1, 9m, year, separated by blanks")
        }
        (Issue::DuplicateId { id, first_row }, Lang::Vi) => {
            format!("mã “{id}” đã dùng ở dòng {first_row}; mỗi chỉ tiêu một mã riêng")
        }
        (Issue::DuplicateId { id, first_row }, Lang::En) => {
            format!("the id “{id}” is already used in row {first_row}; each target needs its own")
        }
        (Issue::UnknownParent(parent), Lang::Vi) => {
            format!("{} trong bảng; hãy sửa mã hoặc thêm dòng chỉ tiêu đó", no_such_target(lang, parent))
        }
        (Issue::UnknownParent(parent), Lang::En) => {
            format!("{} in the sheet; correct the id or add that row", no_such_target(lang, parent))
        }
        (Issue::NeededFor(direction), Lang::Vi) => {
            format!("ô trống; chỉ tiêu yêu cầu {} cần có mức này", direction.key())
        }
        (Issue::NeededFor(direction), Lang::En) => {
            format!("empty; a target that is {} needs this figure", direction.key())
        }
        (Issue::NotFor(direction), Lang::Vi) => {
            format!("chỉ tiêu yêu cầu {} không dùng mức này; hãy xoá ô hoặc sửa yêu cầu", direction.key())
        }
        (Issue::NotFor(direction), Lang::En) => {
            format!("a target that is {} takes no such figure; clear the cell or change the direction", direction.key())
        }
        (Issue::NoDirection, Lang::Vi) => {
            "có mức hoặc cách tính mà chưa có yêu cầu; hãy viết at_least, at_most hoặc range".to_owned()
        }
        (Issue::NoDirection, Lang::En) => "figures without a direction; write at_least, at_most or range".to_owned(),
        (Issue::MinNotBelowMax, Lang::Vi) => "mức cao nhất phải lớn hơn mức thấp nhất".to_owned(),
        (Issue::MinNotBelowMax, Lang::En) => "the upper bound must be above the lower".to_owned(),
        (Issue::NoGoal, Lang::Vi) => {
            "chỉ tiêu không có yêu cầu, mức, cách tính, cũng không có chỉ tiêu thành phần; hãy điền yêu cầu và mức".to_owned()
        }
        (Issue::NoGoal, Lang::En) => {
            "the target has no direction, figure or measure, and no parts; fill in the direction and figure".to_owned()
        }
        (Issue::ToleranceOutOfRange, Lang::Vi) => "dung sai phải từ 0 đến 100".to_owned(),
        (Issue::ToleranceOutOfRange, Lang::En) => "the tolerance must be from 0 to 100".to_owned(),
        (Issue::Plan(error), _) => super::plan_error(lang, error),
        (Issue::BadHeader, Lang::Vi) => "không được để trống hoặc có dấu cách ở đầu, cuối".to_owned(),
        (Issue::BadHeader, Lang::En) => "must not be empty or start or end with a blank".to_owned(),
        (Issue::Column(issue), _) => super::units_data::column_issue(lang, issue),
        (Issue::Unit(issue), _) => super::units_data::unit_issue(lang, issue),
    };
    format!("{place}{what}")
}

/// All the problems of a sheet, one a line, under a line that says nothing was written.
pub fn sheet_refused(lang: Lang, path: &Path, problems: &[SheetProblem]) -> String {
    let mut message = match lang {
        Lang::Vi => format!(
            "{} có {} lỗi; chưa ghi tệp kế hoạch nào. Sửa bảng tính rồi chạy lại:",
            path.display(),
            problems.len()
        ),
        Lang::En => format!(
            "{} has {} problem(s); no plan file was written. Correct the sheet and run again:",
            path.display(),
            problems.len()
        ),
    };
    for problem in problems {
        message.push_str("\n  ");
        message.push_str(&sheet_problem(lang, problem));
    }
    message
}

pub fn read_error(lang: Lang, path: &Path, error: &ReadError) -> String {
    let shown = path.display();
    match (error, lang) {
        (ReadError::Io(e), _) => cannot_read(lang, path, e),
        (ReadError::Xlsx(e), Lang::Vi) => format!("{shown} không phải bảng tính xlsx đọc được: {e}"),
        (ReadError::Xlsx(e), Lang::En) => format!("{shown} is not a readable xlsx workbook: {e}"),
        (ReadError::NotUtf8 { row }, Lang::Vi) => format!(
            "{shown}, dòng {row}: tệp không phải UTF-8; trong Excel hãy lưu bằng “CSV UTF-8 (Comma delimited)”"
        ),
        (ReadError::NotUtf8 { row }, Lang::En) => {
            format!(
                "{shown}, row {row}: the file is not UTF-8; in Excel save it as “CSV UTF-8 (Comma delimited)”"
            )
        }
        (ReadError::Csv(e), Lang::Vi) => format!("{shown} không đọc được như CSV: {e}"),
        (ReadError::Csv(e), Lang::En) => format!("{shown} cannot be read as CSV: {e}"),
        (ReadError::UnknownKind, Lang::Vi) => format!("{shown}: chỉ đọc được tệp .xlsx hoặc .csv"),
        (ReadError::UnknownKind, Lang::En) => format!("{shown}: only .xlsx and .csv files can be read"),
    }
}

pub fn template_written(lang: Lang, path: &Path, help: Option<&Path>) -> String {
    let mut message = match lang {
        Lang::Vi => format!("Đã ghi bảng mẫu {}", path.display()),
        Lang::En => format!("Wrote the template {}", path.display()),
    };
    if let Some(help) = help {
        message.push_str(&match lang {
            Lang::Vi => format!(" và phần giải thích các cột {}", help.display()),
            Lang::En => format!(" and the explanation of its columns {}", help.display()),
        });
    }
    message
}

pub fn plan_written(lang: Lang, path: &Path, targets: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã ghi kế hoạch {} ({targets} chỉ tiêu). Cài đặt bằng: chitieu plan add {}",
            path.display(),
            path.display()
        ),
        Lang::En => format!(
            "Wrote the plan {} ({targets} targets). Install it with: chitieu plan add {}",
            path.display(),
            path.display()
        ),
    }
}

pub fn unknown_extension(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Vi => format!("{}: hãy đặt tên tệp đuôi .xlsx hoặc .csv", path.display()),
        Lang::En => format!("{}: name the file .xlsx or .csv", path.display()),
    }
}

pub fn shelf_error(lang: Lang, error: &ShelfError) -> String {
    match (error, lang) {
        (ShelfError::YearChanged { id, installed, new }, Lang::Vi) => format!(
            "kế hoạch {id} đã cài là kế hoạch năm {installed}, bản mới ghi năm {new}; kế hoạch năm khác cần mã khác (ví dụ tinh-{new})"
        ),
        (ShelfError::YearChanged { id, installed, new }, Lang::En) => format!(
            "the installed plan {id} is the plan of {installed}, the new version says {new}; another year's plan needs another id (e.g. tinh-{new})"
        ),
        (ShelfError::DropsTargetsWithFigures { id, targets }, Lang::Vi) => format!(
            "bản mới của kế hoạch {id} bỏ các chỉ tiêu đã có số liệu: {}; hãy giữ các chỉ tiêu đó trong bản mới (số liệu không bị xoá). Chưa cài gì",
            targets.join(", ")
        ),
        (ShelfError::DropsTargetsWithFigures { id, targets }, Lang::En) => format!(
            "the new version of plan {id} drops targets that have figures: {}; keep them in the new version (figures are never deleted). Nothing was installed",
            targets.join(", ")
        ),
        (ShelfError::Store(error), _) => super::store_error(lang, error),
        (ShelfError::Io { path, error }, _) => super::cannot_read_or_write(lang, path, error),
        (ShelfError::Plan { path, error }, Lang::Vi) => format!(
            "kế hoạch đã cài {} không còn đọc được ({}); hãy sửa tệp hoặc cài lại bằng “chitieu plan add”",
            path.display(),
            super::plan_error(lang, error)
        ),
        (ShelfError::Plan { path, error }, Lang::En) => format!(
            "the installed plan {} no longer reads ({}); correct it or install it again with “chitieu plan add”",
            path.display(),
            super::plan_error(lang, error)
        ),
        (ShelfError::BadId(id), Lang::Vi) => format!(
            "mã kế hoạch “{id}” không dùng làm tên tệp được; chỉ dùng chữ không dấu, chữ số, “.”, “-”, “_” (ví dụ tinh-2025)"
        ),
        (ShelfError::BadId(id), Lang::En) => {
            format!(
                "the plan id “{id}” cannot name a file; use letters, digits, “.”, “-”, “_” only (e.g. tinh-2025)"
            )
        }
        (ShelfError::NoPlanForYear { year, years }, Lang::Vi) => format!(
            "chưa cài kế hoạch năm {year}; các năm đã cài: {}. Cài bằng “chitieu plan add KE-HOACH.json”",
            years_list(years)
        ),
        (ShelfError::NoPlanForYear { year, years }, Lang::En) => format!(
            "no plan of {year} is installed; installed years: {}. Install one with “chitieu plan add PLAN.json”",
            years_list(years)
        ),
        (ShelfError::SeveralPlansForYear { year, ids }, Lang::Vi) => format!(
            "có {} kế hoạch năm {year} ({}); hãy chọn bằng --plan TỆP (đường dẫn trong “chitieu plan list”)",
            ids.len(),
            ids.join(", ")
        ),
        (ShelfError::SeveralPlansForYear { year, ids }, Lang::En) => format!(
            "{} plans of {year} are installed ({}); pick one with --plan FILE (the path is in “chitieu plan list”)",
            ids.len(),
            ids.join(", ")
        ),
    }
}

fn years_list(years: &[i16]) -> String {
    let mut years: Vec<String> = years.iter().map(i16::to_string).collect();
    years.dedup();
    years.join(", ")
}

pub fn plan_installed(lang: Lang, installed: &Installed, replaced: bool, unchanged: bool) -> String {
    let plan = &installed.plan;
    let (id, year, count, store) = (&plan.id, plan.year, plan.targets.len(), installed.store.display());
    match (lang, replaced, unchanged) {
        (Lang::Vi, _, true) => format!("Kế hoạch {id} ({year}) đã cài đúng bản này; không có gì thay đổi"),
        (Lang::En, _, true) => {
            format!("This version of plan {id} ({year}) is already installed; nothing changed")
        }
        (Lang::Vi, false, false) => format!(
            "Đã cài kế hoạch {id} năm {year} ({count} chỉ tiêu); số liệu lưu tại {store}. Mở bằng: chitieu --year {year}"
        ),
        (Lang::En, false, false) => format!(
            "Installed plan {id} of {year} ({count} targets); its figures are kept in {store}. Open it with: chitieu --year {year}"
        ),
        (Lang::Vi, true, false) => format!(
            "Đã thay kế hoạch {id} năm {year} bằng bản mới ({count} chỉ tiêu); giữ nguyên kho số liệu {store}"
        ),
        (Lang::En, true, false) => {
            format!(
                "Replaced plan {id} of {year} with the new version ({count} targets); the store {store} is kept"
            )
        }
    }
}

pub fn list_header(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Vi => ["", "Mã", "Năm", "Chỉ tiêu", "Số liệu", "Kho số liệu", "Tên"],
        Lang::En => ["", "Id", "Year", "Targets", "Figures", "Store", "Title"],
    }
}

pub fn list_footer(lang: Lang) -> &'static str {
    lang.pick(
        "* đang dùng. Chọn năm bằng --year NĂM (hoặc CHITIEU_YEAR); mặc định là kế hoạch mới nhất đã bắt đầu.",
        "* in use. Pick a year with --year YEAR (or CHITIEU_YEAR); the default is the newest plan whose year has begun.",
    )
}

pub fn import_needs_year(lang: Lang) -> &'static str {
    lang.pick(
        "hãy cho biết năm của kế hoạch: --year NĂM (ví dụ --year 2025)",
        "give the plan's year: --year YEAR (e.g. --year 2025)",
    )
}

/// A revision: when, by whom, and each target changed, field by field. With `only`, the
/// changes of that target alone.
pub fn revision_lines(
    lang: Lang,
    tz: &jiff::tz::TimeZone,
    revision: &Revision,
    only: Option<&str>,
) -> Vec<String> {
    let when = super::present::time_in(lang, revision.time, tz);
    let author = crate::domain::text::clean(&revision.author);
    let changes: Vec<_> = revision.changes.iter().filter(|c| only.is_none_or(|t| c.target == t)).collect();
    let mut lines = vec![match lang {
        Lang::Vi => format!("Điều chỉnh kế hoạch {when} ({author}): {} chỉ tiêu thay đổi", changes.len()),
        Lang::En => format!("Plan revised {when} ({author}): {} target(s) changed", changes.len()),
    }];
    for change in changes {
        let target = &change.target;
        match (&change.old, &change.new, lang) {
            (None, _, Lang::Vi) => lines.push(format!("  {target}: chỉ tiêu mới")),
            (None, _, Lang::En) => lines.push(format!("  {target}: new target")),
            (_, None, Lang::Vi) => lines.push(format!("  {target}: bỏ khỏi kế hoạch")),
            (_, None, Lang::En) => lines.push(format!("  {target}: removed from the plan")),
            _ => {
                for (field, old, new) in change.fields() {
                    lines.push(format!("  {target}: {field} {old} → {new}"));
                }
            }
        }
    }
    lines
}

pub fn revisions_in_check(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Kế hoạch đã được điều chỉnh {count} lần; số liệu nhập trước vẫn gắn với chỉ tiêu đã nhập:"
        ),
        Lang::En => {
            format!("The plan was revised {count} time(s); figures entered before stay with their targets:")
        }
    }
}

pub fn last_year_unreadable(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Vi => format!("không đọc được số liệu năm trước để so sánh cùng kỳ: {why}"),
        Lang::En => format!("cannot read last year's figures for the same period: {why}"),
    }
}

pub fn linked_note(lang: Lang, plan: &str, year: i16, targets: &[&str]) -> String {
    let targets = targets.join(", ");
    match lang {
        Lang::Vi => format!(
            "Cùng kỳ năm trước lấy từ kế hoạch {plan} ({year}) theo mã năm trước: chỉ tiêu {targets}."
        ),
        Lang::En => format!(
            "Same period last year taken from plan {plan} ({year}) through last_year_id: targets {targets}."
        ),
    }
}

pub fn overridden_note(lang: Lang, plan: &str, o: &crate::domain::last_year::Overridden) -> String {
    let period = super::period(lang, o.period);
    let style = lang.number_style();
    let (entered, linked) =
        (crate::domain::number::format(o.entered, style), crate::domain::number::format(o.linked, style));
    match lang {
        Lang::Vi => format!(
            "Chỉ tiêu {}, {period}: dùng số nhập tay {entered}, không dùng số {linked} của kế hoạch {plan}.",
            o.target
        ),
        Lang::En => format!(
            "Target {}, {period}: the figure entered by hand, {entered}, is used rather than {linked} from plan {plan}.",
            o.target
        ),
    }
}

pub fn broken_link(lang: Lang, target: &str, linked: &str, plan: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Lưu ý: chỉ tiêu {target} ghi mã năm trước “{linked}”, nhưng kế hoạch {plan} không có chỉ tiêu đó; cùng kỳ sẽ để trống cho đến khi sửa"
        ),
        Lang::En => format!(
            "Note: target {target} names last year's “{linked}”, which plan {plan} does not have; its same period stays empty until corrected"
        ),
    }
}

pub fn only_one_plan(lang: Lang) -> &'static str {
    lang.pick(
        "Chỉ có một kế hoạch để mở ở đây; cài thêm bằng “chitieu plan add” (không dùng được với --plan, --store)",
        "Only one plan to open here; install more with “chitieu plan add” (not with --plan or --store)",
    )
}

/// The header's list of installed years, the one in view in brackets: `2024 [2025] 2026 (y)`.
pub fn years(years: &[i16], current: i16) -> String {
    let shown: Vec<String> =
        years.iter().map(|y| if *y == current { format!("[{y}]") } else { y.to_string() }).collect();
    format!("{} (y)", shown.join(" "))
}

pub fn compared_heading(lang: Lang, year: i16) -> String {
    match lang {
        Lang::Vi => format!("So với cùng kỳ năm {}:", year - 1),
        Lang::En => format!("Against the same period of {}:", year - 1),
    }
}

pub fn this_year(lang: Lang) -> &'static str {
    lang.pick("năm nay", "this year")
}

pub fn same_period(lang: Lang) -> &'static str {
    lang.pick("cùng kỳ", "last year")
}
