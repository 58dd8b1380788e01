//! Presenting domain values as text, shared by the command line and the full-screen view.

use crate::domain::number;
use crate::domain::plan::{Goal, Target};
use crate::domain::status::{Reason, Status, Verdict};
use crate::i18n::Lang;
use rust_decimal::Decimal;

/// The plan's title with its year, unless the title names the year already
/// ("2024 action program … (11th term)", not "… (11th term) (2024)").
pub fn title(lang: Lang, plan: &crate::domain::plan::Plan) -> String {
    let title = plan.title.get(lang);
    let year = plan.year.to_string();
    if title.contains(&year) { title.to_owned() } else { format!("{title} ({year})") }
}

/// A figure in the language's style: `9.266` / `9,266`.
pub fn figure(lang: Lang, value: Decimal) -> String {
    number::format(value, lang.number_style())
}

/// The goal with its unit: `≥ 9.266 tỷ đồng`, `≤ 41,8 %`, `3–4 % tổng số đảng viên`; empty
/// for a heading.
pub fn goal(lang: Lang, ascii: bool, target: &Target) -> String {
    goal_with(lang, ascii, target, target.unit.get(lang))
}

/// The goal with its unit abbreviated as a table column has room for: `≥ 9.266 tỷ đ`.
pub fn goal_short(lang: Lang, ascii: bool, target: &Target) -> String {
    goal_with(lang, ascii, target, short_unit(target.unit.get(lang)))
}

/// The usual abbreviation of a unit in a table (the detail writes it in full); a unit not
/// listed is kept as it is, and cut with an ellipsis where it must be.
pub fn short_unit(unit: &str) -> &str {
    const SHORT: &[(&str, &str)] = &[
        ("triệu đồng", "tr.đ"),
        ("tỷ đồng", "tỷ đ"),
        ("triệu USD", "tr.USD"),
        ("triệu lượt", "tr.lượt"),
        ("doanh nghiệp", "DN"),
        ("hợp tác xã", "HTX"),
        ("lao động", "LĐ"),
        ("đảng viên", "ĐV"),
        ("% tổng số đảng viên", "% ĐV"),
        ("% dân số", "% DS"),
        ("million VND", "m VND"),
        ("billion VND", "bn VND"),
        ("million USD", "m USD"),
        ("million visits", "m visits"),
        ("enterprises", "firms"),
        ("cooperatives", "co-ops"),
        ("percentage points", "pp"),
        ("% of all members", "% members"),
        ("% of population", "% pop."),
        ("% of GRDP", "% GRDP"),
    ];
    SHORT.iter().find(|(long, _)| *long == unit).map_or(unit, |(_, short)| short)
}

fn goal_with(lang: Lang, ascii: bool, target: &Target, unit: &str) -> String {
    let Some((goal, _)) = target.goal else {
        return String::new();
    };
    let (at_least, at_most, dash) = if ascii { (">=", "<=", "-") } else { ("≥", "≤", "–") };
    let body = match goal {
        Goal::AtLeast(v) => format!("{at_least} {}", figure(lang, v)),
        Goal::AtMost(v) => format!("{at_most} {}", figure(lang, v)),
        Goal::Range { min, max } => format!("{}{dash}{}", figure(lang, min), figure(lang, max)),
    };
    // A change target asks for a change from last year, not for a level of the figure:
    // `giảm ≥ 0,4 điểm %`.
    if let Some(change) = target.judging.change {
        use crate::domain::plan::{ChangeIn, ChangeWay};
        let way = match (change.way, lang) {
            (ChangeWay::Reduction, Lang::Vi) => "giảm",
            (ChangeWay::Reduction, Lang::En) => "down",
            (ChangeWay::Increase, Lang::Vi) => "tăng",
            (ChangeWay::Increase, Lang::En) => "up",
        };
        let unit = match (change.measured_in, target.is_percentage()) {
            (ChangeIn::Percent, _) => "%",
            (ChangeIn::Points, true) => lang.pick("điểm %", "points"),
            (ChangeIn::Points, false) => unit,
        };
        return with_unit(format!("{way} {body}"), unit);
    }
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
        (Status::Exceeded, false) => "✦",
        (Status::Achieved, false) => "✔",
        (Status::NearlyAchieved, false) => "≈",
        (Status::NotAchieved, false) => "✖",
        (Status::OnTrack, false) => "▲",
        (Status::AtRisk, _) => "!",
        (Status::Behind, false) => "▼",
        (Status::NotDue, false) => "○",
        (Status::NoData, false) => "·",
        (Status::Exceeded, true) => "++",
        (Status::Achieved, true) => "OK",
        (Status::NearlyAchieved, true) => "~",
        (Status::NotAchieved, true) => "X",
        (Status::OnTrack, true) => "+",
        (Status::Behind, true) => "v",
        (Status::NotDue, true) => "o",
        (Status::NoData, true) => "-",
    }
}

/// The figure against the year's plan: `48,5 %` of it for a target where more is better;
/// for a ceiling never a share, which would read the wrong way, but `vượt trần 1,2 điểm` /
/// `dưới trần 1,8 điểm`. Empty when the period has no verdict.
pub fn against_plan(lang: Lang, target: &Target, verdict: &Verdict) -> String {
    if let Some(p) = verdict.percent_of_year_target {
        return percent(lang, p);
    }
    let Some(over) = verdict.over_ceiling else {
        return String::new();
    };
    let amount = gap(lang, target, over.abs());
    match (over.cmp(&Decimal::ZERO), lang) {
        (std::cmp::Ordering::Greater, Lang::Vi) => format!("vượt trần {amount}"),
        (std::cmp::Ordering::Greater, Lang::En) => format!("{amount} over the ceiling"),
        (std::cmp::Ordering::Less, Lang::Vi) => format!("dưới trần {amount}"),
        (std::cmp::Ordering::Less, Lang::En) => format!("{amount} under the ceiling"),
        (std::cmp::Ordering::Equal, _) => lang.pick("bằng trần", "at the ceiling").to_owned(),
    }
}

/// A difference in a target's terms: `1,2 điểm` for a rate, `12 tỷ đồng` for an amount.
fn gap(lang: Lang, target: &Target, amount: Decimal) -> String {
    if target.is_percentage() {
        format!("{} {}", figure(lang, amount), lang.pick("điểm", "points"))
    } else {
        value_with_unit(lang, amount, target.unit.get(lang))
    }
}

/// The figure against the year's plan, and for a change target the change worked out from
/// last year, or why there is no verdict: what the detail shows beside a figure.
pub fn measure_against_plan(lang: Lang, target: &Target, verdict: &Verdict) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(change), Some(rule)) = (verdict.change, target.judging.change) {
        parts.push(change_words(lang, target, rule, change));
    }
    let against = against_plan(lang, target, verdict);
    if !against.is_empty() {
        parts.push(match (verdict.percent_of_year_target, lang) {
            (Some(_), Lang::Vi) => format!("đạt {against} KH năm"),
            (Some(_), Lang::En) => format!("{against} of the year's plan"),
            (None, _) => against,
        });
    }
    if let Some(why) = verdict.reason.and_then(|r| reason(lang, r)) {
        parts.push(why.to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `giảm 0,4 điểm so với năm trước`: the change a change target is judged on.
pub fn change_words(
    lang: Lang,
    target: &Target,
    rule: crate::domain::plan::Change,
    change: Decimal,
) -> String {
    use crate::domain::plan::{ChangeIn, ChangeWay};
    // A negative reduction is a rise, and is said so.
    let rose = (rule.way == ChangeWay::Increase) == (change >= Decimal::ZERO);
    let amount = match rule.measured_in {
        ChangeIn::Points => gap(lang, target, change.abs().normalize()),
        ChangeIn::Percent => percent(lang, change.abs().round_dp(2)),
    };
    match (rose, lang) {
        (true, Lang::Vi) => format!("tăng {amount} so với năm trước"),
        (true, Lang::En) => format!("up {amount} on last year"),
        (false, Lang::Vi) => format!("giảm {amount} so với năm trước"),
        (false, Lang::En) => format!("down {amount} on last year"),
    }
}

/// Why a target has no verdict, where a reader needs to be told.
pub fn reason(lang: Lang, reason: Reason) -> Option<&'static str> {
    match reason {
        Reason::NoFigure => None,
        Reason::NotReportedIn => {
            Some(lang.pick("chỉ tiêu không đánh giá kỳ này", "not assessed in this period"))
        }
        Reason::NoLastYear => Some(lang.pick(
            "cần số liệu năm trước (kỳ last-year) để tính mức giảm/tăng",
            "needs last year's figure (period last-year) to work out the change",
        )),
        Reason::LastYearPeriod => {
            Some(lang.pick("số liệu năm trước, để so sánh", "last year's figure, for comparison"))
        }
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
/// English, in the zone `tz` (read once at the edge: `main.rs`, the view's settings).
pub fn time_in(lang: Lang, at: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    let local = at.to_zoned_datetime(tz.clone());
    let pattern = match lang {
        Lang::Vi => "%d/%m/%Y %H:%M",
        Lang::En => "%Y-%m-%d %H:%M",
    };
    local.strftime(pattern).to_string()
}

/// Text the user typed or a file holds, quoted in a sentence: “ngan sach”; a lone space is
/// named, since quotes around a blank show nothing.
pub fn quoted(lang: Lang, text: &str, ascii: bool) -> String {
    match (text, ascii) {
        (" ", _) => lang.pick("dấu cách", "a space").to_owned(),
        (_, false) => format!("“{text}”"),
        (_, true) => format!("\"{text}\""),
    }
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
