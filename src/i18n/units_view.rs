//! Strings of the units (issue 14) shared by `chitieu units` and the view's units screen:
//! the screen's titles and columns, the units' totals, the agency filter, and why the units
//! could not be read. Vietnamese and English side by side, as in the rest of `i18n`.

use super::Lang;
use crate::store::units::{OpenError, UnitsError};

/// Why the list of units could not be read or written.
pub fn units_error(lang: Lang, error: &UnitsError) -> String {
    match (error, lang) {
        (UnitsError::Io(path, e), _) => super::cannot_read_or_write(lang, path, e),
        (UnitsError::Unreadable(path, what), Lang::Vi) => format!(
            "danh sách đơn vị {} không đọc được ({what}); sửa hoặc khôi phục tệp, chitieu không ghi đè nó",
            path.display()
        ),
        (UnitsError::Unreadable(path, what), Lang::En) => format!(
            "the list of units {} cannot be read ({what}); fix or restore the file, chitieu will not overwrite it",
            path.display()
        ),
        (UnitsError::Exists(unit), Lang::Vi) => format!("đơn vị {} đã có: {}", unit.id, unit.name),
        (UnitsError::Exists(unit), Lang::En) => format!("unit {} already exists: {}", unit.id, unit.name),
    }
}

/// Why the units' figures could not all be read: the list, or one unit's store.
pub fn open_error(lang: Lang, error: &OpenError) -> String {
    match error {
        OpenError::List(e) => units_error(lang, e),
        OpenError::Store(unit, e) => {
            format!("{} {}: {}", lang.pick("đơn vị", "unit"), unit.id, super::store_error(lang, e))
        }
    }
}

/// How to register a unit, when there is none.
pub fn no_units(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa có đơn vị nào. Đăng ký một đơn vị bằng lệnh: chitieu unit add ID --name \"Tên\" (ví dụ: chitieu unit add xa-my-an --name \"Xã Mỹ An\"), rồi mở lại màn hình này.",
        "No units yet. Register one with: chitieu unit add ID --name \"Name\" (e.g. chitieu unit add xa-my-an --name \"Xã Mỹ An\"), then open this screen again.",
    )
}

/// The two parts of the units screen (Tab switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// Completeness, counts per status and the key indicators' marks.
    Statuses,
    /// The units' totals beside the province's own figures.
    Totals,
}

/// Fixed strings of the units screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitsText {
    Title,
    ColId,
    ColUnit,
    ColReported,
    ColKeyIndicators,
    /// The row of sums under the units.
    TotalCounts,
    ColTarget,
    ColProvince,
    ColUnitsTotal,
    ColReporting,
    NothingSummable,
    /// The rule, said under the totals.
    SumRule,
    LeadAgency,
    NoAgency,
    ByAgency,
}

impl UnitsText {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            UnitsText::Title => ("Các đơn vị", "Units"),
            UnitsText::ColId => ("Mã", "Id"),
            UnitsText::ColUnit => ("Đơn vị", "Unit"),
            UnitsText::ColReported => ("Đã có", "In"),
            UnitsText::ColKeyIndicators => ("Chỉ tiêu chủ yếu", "Key indicators"),
            UnitsText::TotalCounts => ("Cộng (số lượng)", "Total (counts)"),
            UnitsText::ColTarget => ("Chỉ tiêu", "Target"),
            UnitsText::ColProvince => ("Tỉnh", "Province"),
            UnitsText::ColUnitsTotal => ("Tổng các đơn vị", "Units' total"),
            UnitsText::ColReporting => ("Đơn vị có số", "Units in"),
            UnitsText::NothingSummable => (
                "Không có chỉ tiêu nào đến kỳ mà cộng được số của các đơn vị.",
                "No target due in this period whose units' figures add up.",
            ),
            UnitsText::SumRule => (
                "Chỉ cộng số lượng và tổng tích luỹ trong năm; tỷ lệ, %, bình quân đầu người, chỉ số không bao giờ cộng.",
                "Only counts and sums that grow through the year are added; rates, percentages, per-capita figures and indices never are.",
            ),
            UnitsText::LeadAgency => ("Cơ quan chủ trì", "Lead agency"),
            UnitsText::NoAgency => ("(chưa giao cơ quan chủ trì)", "(no lead agency named)"),
            UnitsText::ByAgency => ("theo cơ quan chủ trì", "by lead agency"),
        };
        lang.pick(vi, en)
    }
}

/// The name of a pane, as the screen's title line writes it.
pub fn pane(lang: Lang, pane: Pane) -> &'static str {
    match pane {
        Pane::Statuses => lang.pick("Tình trạng", "Statuses"),
        Pane::Totals => UnitsText::ColUnitsTotal.get(lang),
    }
}

/// "3 đơn vị" / "3 units".
pub fn unit_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("{n} đơn vị"),
        Lang::En if n == 1 => "1 unit".to_owned(),
        Lang::En => format!("{n} units"),
    }
}

/// "Tổng các đơn vị: 2.000,5 tỷ đồng", the figure already worded.
pub fn units_total(lang: Lang, figure: &str) -> String {
    format!("{}: {figure}", UnitsText::ColUnitsTotal.get(lang))
}

/// "2/3": units with a figure of all units.
pub fn reporting(reporting: usize, of: usize) -> String {
    format!("{reporting}/{of}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list of units that cannot be read says why in Vietnamese too, as the store and
    /// installed plans do (it printed the system's English words).
    #[test]
    fn a_units_list_that_cannot_be_read_says_why_in_vietnamese() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let said = units_error(Lang::Vi, &UnitsError::Io("units.json".into(), missing));
        assert_eq!(said, "không đọc/ghi được units.json: không có tệp hay thư mục này");
    }
}
