//! The help page's first section: what the marks in the table's figure and status columns
//! mean, above all `~` (an estimate, *ước thực hiện*, not yet the official figure).

use super::Lang;
use super::labels::{Label, status_short};
use super::present;
use crate::domain::status::Status;
use rust_decimal::Decimal;

pub fn title(lang: Lang) -> &'static str {
    lang.pick("Ký hiệu trong bảng", "Marks in the table")
}

/// Each mark as the table writes it (with a sample figure, in the language's own digits),
/// and what it means: the figures, then each status.
pub fn lines(lang: Lang, ascii: bool) -> Vec<(String, String)> {
    let figure = present::figure(lang, Decimal::from(9500));
    let none = if ascii { Label::NoFigureAscii } else { Label::NoFigure };
    let mut lines = vec![
        (
            format!("~{figure}"),
            lang.pick("ước thực hiện, chưa chính thức", "estimate (ước), not yet official"),
        ),
        (figure.clone(), lang.pick("số chính thức", "official figure")),
        (
            format!("{} {figure}", present::conflict_mark(ascii)),
            lang.pick("các số chính thức không khớp", "official figures disagree"),
        ),
        (none.get(lang).to_owned(), lang.pick("chưa có số liệu", "no figure yet")),
    ];
    lines.extend(Status::ALL.map(|status| {
        let mark = format!("{} {}", present::status_symbol(status, ascii), status_short(lang, status));
        (mark, meaning(lang, status))
    }));
    lines.into_iter().map(|(mark, meaning)| (mark, meaning.to_owned())).collect()
}

/// What a status says, in a few words (at most 33 columns, what the help has beside its
/// keys at 60 columns): the first four judge the whole year, the next three the figures so
/// far against what the period expects.
fn meaning(lang: Lang, status: Status) -> &'static str {
    let (vi, en) = match status {
        Status::Exceeded => ("cả năm: hơn kế hoạch", "year: beats the plan"),
        Status::Achieved => ("cả năm: bằng kế hoạch", "year: meets the plan"),
        Status::NearlyAchieved => ("cả năm: thiếu trong mức cho phép", "year: short, within tolerance"),
        Status::NotAchieved => ("cả năm: thiếu quá mức cho phép", "year: short beyond tolerance"),
        Status::OnTrack => ("đến nay: đủ mức kỳ này cần", "so far: as expected, or ahead"),
        Status::AtRisk => ("đến nay: thiếu trong mức cho phép", "so far: short, within tolerance"),
        Status::Behind => ("đến nay: thiếu quá mức cho phép", "so far: short beyond tolerance"),
        Status::NotDue => ("không báo cáo trong kỳ này", "not reported in this period"),
        Status::NoData => ("chưa có số (hay số năm trước)", "no figure (or last year's)"),
    };
    lang.pick(vi, en)
}
