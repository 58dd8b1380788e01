//! Strings of units' own target figures and of the plan sheet's columns of format 2 (`above`,
//! `shares`, `change`, `key_indicator`, `tolerance_points`) and its unit column.

use super::Lang;
use crate::domain::plan::Direction;
use crate::domain::sheet::ColumnIssue;
use crate::domain::unit_targets::{OwnProblem, UnitIssue};
use std::path::Path;

/// The Vietnamese header of the columns added here ("" for the others).
pub fn header_vi(key: &str) -> &'static str {
    match key {
        "above" => "Trên mức cao nhất là",
        "shares" => "Tỷ lệ luỹ kế theo kỳ",
        "change" => "Chỉ tiêu thay đổi",
        "key_indicator" => "Chỉ tiêu chủ yếu",
        "tolerance_points" => "Dung sai điểm phần trăm",
        "don_vi" => "Đơn vị thực hiện",
        _ => "",
    }
}

/// What the columns added here mean: Vietnamese, English.
pub fn column_help(key: &str) -> (&'static str, &'static str) {
    match key {
        "above" => (
            "Chỉ cho range: better (tốt hơn: vượt mức cao nhất là vượt chỉ tiêu, như tỷ lệ kết nạp đảng viên 3–4 %) hoặc worse (xấu hơn: vượt mức cao nhất là chưa đạt, thấp hơn mức thấp nhất là vượt, như chỉ số giá 4–4,5 %). Để trống: ra ngoài khoảng bên nào cũng là chưa đạt",
            "Only for range: better (above the upper bound is exceeded: party admissions 3–4 %) or worse (above it is short, below the lower bound is exceeded: a CPI of 4–4.5 %). Empty: outside the range on either side is short",
        ),
        "shares" => (
            "Chỉ cho cumulative: phần trăm mức cả năm cần đạt đến hết quý I, 6 tháng, 9 tháng, ba số tăng dần từ 0 đến 100 cách nhau bằng dấu cách (20 45 70). Để trống là 25 50 75",
            "Only for cumulative: the percent of the year's figure expected by Q1, 6 months and 9 months, three rising figures within 0–100 separated by blanks (20 45 70). Empty means 25 50 75",
        ),
        "change" => (
            "Chỉ tiêu tính bằng mức thay đổi so với năm trước: giảm điểm, giảm %, tăng điểm, tăng % (hoặc reduction points, reduction percent, increase points, increase percent). Số nhập vào là chính chỉ tiêu (tỷ lệ hộ nghèo), mức chỉ tiêu là mức thay đổi; không dùng với cumulative",
            "A target judged on its change from last year: reduction points, reduction percent, increase points, increase percent. The figure entered is the indicator itself (the poverty rate), the target is the change; not with cumulative",
        ),
        "key_indicator" => (
            "x (hoặc có) nếu là chỉ tiêu chủ yếu, được đếm trong “Đạt và vượt x/16 chỉ tiêu chủ yếu”. Kế hoạch không đánh dấu chỉ tiêu nào thì mọi chỉ tiêu không phải thành phần đều được đếm",
            "x (or yes) for one of the plan's key indicators, counted in “achieved or exceeded x/16”. A plan that marks none counts every target that is not a part",
        ),
        "tolerance_points" => (
            "Cho chỉ tiêu tính bằng %: thấp hơn mức cần đạt bao nhiêu điểm phần trăm vẫn là “có nguy cơ” chứ chưa “chậm”; 0–100. Không bắt buộc (mặc định 0,5)",
            "For a target in percent: how many percentage points below the expectation is still “at risk” rather than “behind”; 0–100. Optional (default 0.5)",
        ),
        "don_vi" => (
            "Để trống ở các dòng của kế hoạch. Ghi mã đơn vị (xa-my-an) ở dòng mức chỉ tiêu riêng của đơn vị đó: mã chỉ tiêu của kế hoạch và mức riêng (target, hoặc target_min và target_max); các ô khác theo kế hoạch. Các dòng này được đọc bằng “chitieu plan import BẢNG --unit MÃ”",
            "Empty in the plan's own rows. A unit id (xa-my-an) in a row of that unit's own figures: the plan's target id and the unit's figures (target, or target_min and target_max); the other cells are the plan's. Such rows are read by “chitieu plan import SHEET --unit ID”",
        ),
        _ => ("", ""),
    }
}

/// Words a cadre may write in the `above` column, besides `better` and `worse`.
pub fn above_words(key: &str) -> &'static [&'static str] {
    match key {
        "better" => &["tốt hơn", "tốt"],
        _ => &["xấu hơn", "xấu", "kém hơn"],
    }
}

/// Words for the parts of a change: `reduction`, `increase`, `points`, `percent`.
pub fn change_words(key: &str) -> &'static [&'static str] {
    match key {
        "reduction" => &["giảm"],
        "increase" => &["tăng"],
        "points" => &["điểm", "điểm %", "điểm phần trăm"],
        "percent" => &["%", "phần trăm"],
        _ => &[],
    }
}

/// A cell of a column of format 2 that cannot be read.
pub fn column_issue(lang: Lang, issue: &ColumnIssue) -> String {
    match (issue, lang) {
        (ColumnIssue::UnknownWord { key, typed }, Lang::Vi) => {
            let expected = match *key {
                "above" => "better (tốt hơn) hoặc worse (xấu hơn)",
                "change" => "giảm điểm, giảm %, tăng điểm hoặc tăng %",
                _ => "x (có) hoặc để trống",
            };
            format!("không hiểu “{typed}”; hãy viết {expected}")
        }
        (ColumnIssue::UnknownWord { key, typed }, Lang::En) => {
            let expected = match *key {
                "above" => "better or worse",
                "change" => "reduction points, reduction percent, increase points or increase percent",
                _ => "x (yes) or leave it empty",
            };
            format!("cannot read “{typed}”; write {expected}")
        }
        (ColumnIssue::BadShares(typed), Lang::Vi) => format!(
            "không đọc được “{typed}”; hãy viết ba số tăng dần từ 0 đến 100, cách nhau bằng dấu cách, cho quý I, 6 tháng, 9 tháng (20 45 70)"
        ),
        (ColumnIssue::BadShares(typed), Lang::En) => format!(
            "cannot read “{typed}”; write three rising figures within 0–100 separated by blanks, for Q1, 6 months and 9 months (20 45 70)"
        ),
    }
}

/// A unit's row of a sheet that cannot be taken.
pub fn unit_issue(lang: Lang, issue: &UnitIssue) -> String {
    match (issue, lang) {
        (UnitIssue::Own(problem), _) => own_problem(lang, problem),
        (UnitIssue::NotThePlansDirection(direction), Lang::Vi) => format!(
            "kế hoạch giao chỉ tiêu này là {}; đơn vị chỉ ghi mức riêng, không đổi yêu cầu (xoá ô hoặc sửa cho khớp)",
            direction.key()
        ),
        (UnitIssue::NotThePlansDirection(direction), Lang::En) => format!(
            "the plan's target is {}; a unit gives only its own figures, not another direction (clear the cell or make it match)",
            direction.key()
        ),
        (UnitIssue::NoRowsFor(unit), Lang::Vi) => {
            format!("không có dòng nào của đơn vị “{unit}” (cột “Đơn vị thực hiện (don_vi)”)")
        }
        (UnitIssue::NoRowsFor(unit), Lang::En) => {
            format!("there is no row for unit “{unit}” (the column “Đơn vị thực hiện (don_vi)”)")
        }
        (UnitIssue::BadUnitId(typed), Lang::Vi) => {
            format!("“{typed}” không phải mã đơn vị: 1–40 ký tự a–z, 0–9, - hoặc _ (ví dụ xa-my-an)")
        }
        (UnitIssue::BadUnitId(typed), Lang::En) => {
            format!("“{typed}” is not a unit id: 1–40 of a–z, 0–9, - or _ (e.g. xa-my-an)")
        }
    }
}

/// Why a unit's own figures do not fit the plan.
pub fn own_problem(lang: Lang, problem: &OwnProblem) -> String {
    let needs = |direction: &Direction| direction.key();
    match (problem, lang) {
        (OwnProblem::OtherPlan(plan), Lang::Vi) => {
            format!("làm cho kế hoạch “{plan}”, không phải kế hoạch này")
        }
        (OwnProblem::OtherPlan(plan), Lang::En) => format!("made for the plan “{plan}”, not this one"),
        (OwnProblem::OtherUnit(unit), Lang::Vi) => format!("là của đơn vị “{unit}”"),
        (OwnProblem::OtherUnit(unit), Lang::En) => format!("belongs to unit “{unit}”"),
        (OwnProblem::UnknownTarget(id), Lang::Vi) => format!("kế hoạch không có chỉ tiêu mã “{id}”"),
        (OwnProblem::UnknownTarget(id), Lang::En) => format!("the plan has no target “{id}”"),
        (OwnProblem::Heading(id), Lang::Vi) => {
            format!(
                "chỉ tiêu “{id}” là tiêu đề, số liệu nằm ở các chỉ tiêu thành phần; hãy ghi mức cho từng thành phần"
            )
        }
        (OwnProblem::Heading(id), Lang::En) => {
            format!("“{id}” is a heading whose figures are its parts'; give the parts' figures")
        }
        (OwnProblem::Duplicate(id), Lang::Vi) => {
            format!("chỉ tiêu “{id}” có hai lần cho cùng một đơn vị; hãy giữ một")
        }
        (OwnProblem::Duplicate(id), Lang::En) => format!("“{id}” appears twice for the same unit; keep one"),
        (OwnProblem::Needed { id, field, direction }, Lang::Vi) => {
            format!("chỉ tiêu “{id}” yêu cầu {} nên cần {field}", needs(direction))
        }
        (OwnProblem::Needed { id, field, direction }, Lang::En) => {
            format!("“{id}” is {} and needs {field}", needs(direction))
        }
        (OwnProblem::NotFor { id, field, direction }, Lang::Vi) => {
            format!("chỉ tiêu “{id}” yêu cầu {} nên không dùng {field}; hãy xoá ô", needs(direction))
        }
        (OwnProblem::NotFor { id, field, direction }, Lang::En) => {
            format!("“{id}” is {} and takes no {field}; clear the cell", needs(direction))
        }
        (OwnProblem::MinNotBelowMax(id), Lang::Vi) => {
            format!("chỉ tiêu “{id}”: mức cao nhất phải lớn hơn mức thấp nhất")
        }
        (OwnProblem::MinNotBelowMax(id), Lang::En) => {
            format!("“{id}”: the upper bound must be above the lower")
        }
    }
}

/// A unit's file of own targets that no longer fits the plan (a revision since, a hand edit).
/// Why a unit cannot be judged by its own targets (`--unit`, `units`, the units screen).
pub fn judge_error(lang: Lang, unit: &str, error: &crate::store::unit_targets::JudgeError) -> String {
    use crate::store::unit_targets::JudgeError;
    match error {
        JudgeError::Unreadable(e) => super::units_view::units_error(lang, e),
        JudgeError::Refused(path, problem) => own_targets_refused(lang, unit, path, problem),
    }
}

pub fn own_targets_refused(lang: Lang, unit: &str, path: &Path, problem: &OwnProblem) -> String {
    let what = own_problem(lang, problem);
    match lang {
        Lang::Vi => format!(
            "mức chỉ tiêu riêng của đơn vị {unit} ({}) không khớp kế hoạch: {what}. Hãy nhập lại bằng “chitieu plan import BẢNG --unit {unit}”",
            path.display()
        ),
        Lang::En => format!(
            "unit {unit}'s own targets ({}) do not fit the plan: {what}. Import them again with “chitieu plan import SHEET --unit {unit}”",
            path.display()
        ),
    }
}

/// After `plan import --unit`.
pub fn own_targets_written(lang: Lang, unit: &str, path: &Path, count: usize) -> String {
    match (lang, count) {
        (Lang::Vi, 0) => format!(
            "Đã ghi {}: đơn vị {unit} không có mức riêng, dùng mức chỉ tiêu của kế hoạch.",
            path.display()
        ),
        (Lang::En, 0) => {
            format!("Wrote {}: unit {unit} has no figures of its own and uses the plan's.", path.display())
        }
        (Lang::Vi, n) => format!(
            "Đã ghi {} ({n} chỉ tiêu có mức riêng của đơn vị {unit}; các chỉ tiêu khác theo kế hoạch).",
            path.display()
        ),
        (Lang::En, n) => format!(
            "Wrote {} ({n} targets with unit {unit}'s own figures; the others are the plan's).",
            path.display()
        ),
    }
}

/// After `plan import` of a sheet that also has units' rows, which are not part of the plan.
pub fn unit_rows_left(lang: Lang, sheet: &Path, units: &[String]) -> String {
    let list = units.join(", ");
    let first = units.first().map_or("MÃ", String::as_str);
    match lang {
        Lang::Vi => format!(
            "Bảng có mức riêng của đơn vị {list} (đã kiểm tra, không ghi vào kế hoạch). Sau “chitieu plan add” và “chitieu unit add”, ghi cho từng đơn vị: chitieu plan import {} --unit {first}",
            sheet.display()
        ),
        Lang::En => format!(
            "The sheet has own figures of unit {list} (checked, not part of the plan). After “chitieu plan add” and “chitieu unit add”, write each unit's: chitieu plan import {} --unit {first}",
            sheet.display()
        ),
    }
}

/// `plan import` of a plan without `--id`, `--title` or `--out` (a unit's import needs none).
pub fn import_needs(lang: Lang, missing: &[&str]) -> String {
    let missing = missing.join(", ");
    match lang {
        Lang::Vi => format!(
            "thiếu {missing}: đọc bảng thành kế hoạch cần --id, --title và --out (ghi mức riêng của một đơn vị thì dùng --unit MÃ)"
        ),
        Lang::En => format!(
            "missing {missing}: reading a sheet into a plan needs --id, --title and --out (for a unit's own figures, --unit ID)"
        ),
    }
}

/// The words of `chitieu units --format xlsx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitsSheet {
    SheetName,
    Period,
    Id,
    Unit,
    Reported,
    Expected,
    KeyIndicators,
    Total,
    /// Under the table: what the total adds.
    TotalNote,
}

impl UnitsSheet {
    pub fn get(self, lang: Lang) -> &'static str {
        use UnitsSheet::*;
        match self {
            SheetName => lang.pick("Các đơn vị", "Units"),
            Period => lang.pick("Kỳ", "Period"),
            Id => lang.pick("Mã", "Id"),
            Unit => lang.pick("Đơn vị", "Unit"),
            Reported => lang.pick("Đã có số liệu", "Reported"),
            Expected => lang.pick("Chỉ tiêu đến kỳ", "Targets due"),
            KeyIndicators => lang.pick("Chỉ tiêu chủ yếu", "Key indicators"),
            Total => lang.pick("Cộng (số lượng)", "Total (counts)"),
            TotalNote => lang.pick(
                "Dòng cộng chỉ cộng số chỉ tiêu; không cộng tỷ lệ của các đơn vị.",
                "The total adds counts of targets only; the units' rates are never summed.",
            ),
        }
    }
}
