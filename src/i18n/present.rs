//! Presenting domain values as text, shared by the command line and the full-screen view.

use crate::domain::number;
use crate::domain::plan::{Goal, Target};
use crate::domain::status::Status;
use crate::i18n::Lang;
use rust_decimal::Decimal;

/// A figure in the language's style: `9.266` / `9,266`.
pub fn figure(lang: Lang, value: Decimal) -> String {
    number::format(value, lang.number_style())
}

/// The goal with its unit: `≥ 9.266 tỷ đồng`, `≤ 41,8 %`, `3–4 % tổng số đảng viên`; empty
/// for a heading.
pub fn goal(lang: Lang, ascii: bool, target: &Target) -> String {
    let Some((goal, _)) = target.goal else {
        return String::new();
    };
    let unit = target.unit.get(lang);
    let (at_least, at_most, dash) = if ascii { (">=", "<=", "-") } else { ("≥", "≤", "–") };
    let body = match goal {
        Goal::AtLeast(v) => format!("{at_least} {}", figure(lang, v)),
        Goal::AtMost(v) => format!("{at_most} {}", figure(lang, v)),
        Goal::Range { min, max } => format!("{}{dash}{}", figure(lang, min), figure(lang, max)),
    };
    with_unit(body, unit)
}

/// A value with its unit: `9.500 tỷ đồng`, `8,3 %`.
pub fn value_with_unit(lang: Lang, value: Decimal, unit: &str) -> String {
    with_unit(figure(lang, value), unit)
}

fn with_unit(body: String, unit: &str) -> String {
    if unit.is_empty() { body } else { format!("{body} {unit}") }
}

/// An entry in one line: `3 · Cả năm · 9.500 tỷ đồng`.
pub fn entry(lang: Lang, plan: &crate::domain::plan::Plan, entry: &crate::domain::ledger::Entry) -> String {
    let unit = plan.target(&entry.target).map_or("", |t| t.unit.get(lang));
    format!(
        "{} · {} · {}",
        entry.target,
        crate::i18n::period(lang, entry.period),
        value_with_unit(lang, entry.value, unit)
    )
}

/// The status mark shown beside the colour, so colour is never the only signal.
pub fn status_symbol(status: Status, ascii: bool) -> &'static str {
    match (status, ascii) {
        (Status::Achieved, false) => "✔",
        (Status::OnTrack, false) => "▲",
        (Status::AtRisk, _) => "!",
        (Status::Behind, false) => "✖",
        (Status::NoData, false) => "·",
        (Status::Achieved, true) => "OK",
        (Status::OnTrack, true) => "+",
        (Status::Behind, true) => "X",
        (Status::NoData, true) => "-",
    }
}

/// The mark of a target whose official figures conflict.
pub fn conflict_mark(ascii: bool) -> &'static str {
    if ascii { "!=" } else { "≠" }
}

/// A percentage such as `102,53 %`.
pub fn percent(lang: Lang, value: Decimal) -> String {
    format!("{} %", figure(lang, value))
}

/// A moment as people read it: `27/11/2026 14:05` in Vietnamese, `2026-11-27 14:05` in
/// English, in the machine's time zone.
pub fn time(lang: Lang, at: jiff::Timestamp) -> String {
    time_in(lang, at, &crate::store::localtime::zone())
}

/// A moment as people read it, in the zone `tz`.
pub fn time_in(lang: Lang, at: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    let local = at.to_zoned_datetime(tz.clone());
    let pattern = match lang {
        Lang::Vi => "%d/%m/%Y %H:%M",
        Lang::En => "%Y-%m-%d %H:%M",
    };
    local.strftime(pattern).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Plan;

    #[test]
    fn goals_read_as_the_document_writes_them() {
        let plan = Plan::embedded();
        let goal_of = |id: &str, lang| goal(lang, false, plan.target(id).expect("target"));
        assert_eq!(goal_of("3", Lang::Vi), "≥ 9.266 tỷ đồng");
        assert_eq!(goal_of("3", Lang::En), "≥ 9,266 billion VND");
        assert_eq!(goal_of("6", Lang::Vi), "≤ 41,8 %");
        assert_eq!(goal_of("15", Lang::Vi), "3–4 % tổng số đảng viên");
        assert_eq!(goal_of("10", Lang::Vi), "");
        assert_eq!(goal(Lang::Vi, true, plan.target("6").expect("target")), "<= 41,8 %");
    }
}
