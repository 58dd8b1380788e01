//! The history of entries as a table, worded once: its columns and each entry's cells, as
//! `report_columns` words the progress report's (for `chitieu history`, and for any other
//! history shown as a table).

use super::{Label, Lang, present};
use crate::domain::ledger::Entry;
use crate::domain::plan::Plan;

/// How many columns a history table has.
pub const HISTORY_COLUMNS: usize = 7;

/// Which columns are right-aligned: the figure.
pub const HISTORY_RIGHT: [bool; HISTORY_COLUMNS] = [false, false, false, true, false, false, false];

/// Thời điểm | Mã | Kỳ | Thực hiện | Loại | Người nhập | Ghi chú.
pub fn history_columns(lang: Lang) -> [&'static str; HISTORY_COLUMNS] {
    [
        Label::ColTime,
        Label::ColId,
        Label::ColPeriod,
        Label::ColActual,
        Label::ColKind,
        Label::ColAuthor,
        Label::ColNote,
    ]
    .map(|label| label.get(lang))
}

/// One entry's cells under [`history_columns`]: its time in `tz`, a withdrawal's figure in
/// brackets and a closing or reopening without one, author and note cleaned of controls.
pub fn history_cells(
    lang: Lang,
    tz: &jiff::tz::TimeZone,
    plan: &Plan,
    e: &Entry,
) -> [String; HISTORY_COLUMNS] {
    let unit = plan.target(&e.target).map_or("", |t| t.unit.get(lang));
    let value = present::value_with_unit(lang, e.value, unit);
    let kind = if let Some(action) = e.action {
        super::field::round_label(lang, action, e.period)
    } else if e.is_retraction() {
        format!("{} ({})", Label::Withdrawal.get(lang), super::kind(lang, e.kind).to_lowercase())
    } else {
        super::kind(lang, e.kind).to_owned()
    };
    let value = if e.is_round() {
        String::new()
    } else if e.is_retraction() {
        format!("({value})")
    } else {
        value
    };
    [
        present::time_in(lang, e.time, tz),
        e.target.clone(),
        super::period(lang, e.period).to_owned(),
        value,
        kind,
        crate::domain::text::clean(&e.author),
        crate::domain::text::clean(&e.note),
    ]
}
