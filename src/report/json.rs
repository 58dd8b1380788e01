//! `report --format json`.

use crate::domain::conflict::Conflict;
use crate::domain::period::Period;
use crate::domain::plan::{Goal, Plan};
use crate::domain::progress::{self, Row};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use std::io::{self, Write};

/// `report --format json`, field names and order as the brief gives them.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    plan: JsonPlan<'a>,
    summary: JsonSummary,
    targets: Vec<JsonTarget<'a>>,
}

/// "Đạt và vượt `met`/`key_indicators` chỉ tiêu chủ yếu".
#[derive(serde::Serialize)]
struct JsonSummary {
    key_indicators: usize,
    met: usize,
}

#[derive(serde::Serialize)]
struct JsonPlan<'a> {
    id: &'a str,
    year: i16,
    title: &'a str,
    content_hash: &'a str,
}

#[derive(serde::Serialize)]
struct JsonTarget<'a> {
    id: &'a str,
    group: &'a str,
    name: &'a str,
    unit: &'a str,
    direction: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_max: Option<String>,
    measure: Option<&'a str>,
    actual: Option<String>,
    /// `estimate` (ước thực hiện) or `official` (chính thức).
    actual_kind: Option<&'a str>,
    period: Option<&'a str>,
    status: &'a str,
    /// Why there is no verdict: `no_figure`, `not_reported_in`, `no_last_year`, `last_year_period`.
    reason: Option<&'a str>,
    parent: Option<&'a str>,
    section: &'a str,
    percent_of_year_target: Option<String>,
    last_year_same_period: Option<String>,
    /// Where the same-period figure comes from: entered by hand, or linked from last
    /// year's plan through `last_year_id` (with that plan and target).
    #[serde(skip_serializing_if = "Option::is_none")]
    last_year_source: Option<JsonSource>,
    percent_of_last_year: Option<String>,
    /// For a ceiling: the figure minus the ceiling (above zero: over it).
    over_ceiling: Option<String>,
    /// For a change target: the change from last year's figure it is judged on.
    change: Option<String>,
    /// The periods in which official figures of this target conflict (see `conflict`).
    conflicts: Vec<&'static str>,
}

/// `last_year_source` of `report --format json`.
#[derive(serde::Serialize)]
struct JsonSource {
    /// `entered` or `linked`.
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<String>,
}

impl JsonSource {
    fn of(entry: &crate::domain::ledger::Entry) -> JsonSource {
        match crate::domain::last_year::Source::of(entry) {
            crate::domain::last_year::Source::Entered => {
                JsonSource { kind: "entered", plan: None, target: None }
            }
            crate::domain::last_year::Source::Linked { plan, target } => {
                JsonSource { kind: "linked", plan: Some(plan), target: Some(target) }
            }
        }
    }
}

/// The progress report as JSON: the plan, the tally, then every target.
pub fn report_json(
    plan: &Plan,
    lang: Lang,
    rows: &[Row],
    conflicts: &[Conflict],
    tally: progress::Tally,
    out: &mut dyn Write,
) -> io::Result<()> {
    let targets = rows
        .iter()
        .map(|row| {
            let t = row.target;
            let (target, target_min, target_max) = match t.goal {
                Some((Goal::Range { min, max }, _)) => (None, Some(min.to_string()), Some(max.to_string())),
                Some((Goal::AtLeast(v) | Goal::AtMost(v), _)) => (Some(Some(v.to_string())), None, None),
                None => (Some(None), None, None),
            };
            JsonTarget {
                id: &t.id,
                group: t.group.key(),
                name: t.name.get(lang),
                unit: t.unit.get(lang),
                direction: t.goal.map(|(g, _)| g.direction().key()),
                target,
                target_min,
                target_max,
                measure: t.goal.map(|(_, m)| m.key()),
                actual: row.actual.map(|e| e.value.to_string()),
                actual_kind: row.actual.map(|e| e.kind.key()),
                period: row.actual.and(row.period).map(Period::key),
                status: row.status.key(),
                reason: row.verdict.reason.map(reason_key),
                parent: t.parent.as_deref(),
                section: &t.section,
                percent_of_year_target: row.percent.map(two_places),
                last_year_same_period: row.last_year.map(|e| e.value.to_string()),
                last_year_source: row.last_year.map(JsonSource::of),
                percent_of_last_year: row.percent_of_last_year.map(two_places),
                over_ceiling: row.verdict.over_ceiling.map(|v| v.normalize().to_string()),
                change: row.verdict.change.map(|v| v.normalize().to_string()),
                conflicts: crate::domain::conflict::periods_in_conflict(conflicts, &t.id)
                    .into_iter()
                    .map(Period::key)
                    .collect(),
            }
        })
        .collect();
    let report = JsonReport {
        plan: JsonPlan {
            id: &plan.id,
            year: plan.year,
            title: plan.title.get(lang),
            content_hash: &plan.content_hash,
        },
        summary: JsonSummary { key_indicators: tally.key_indicators, met: tally.met },
        targets,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// A percentage as JSON and CSV give it: a decimal string to exactly two places, `95.00`.
pub(super) fn two_places(value: Decimal) -> String {
    format!("{:.2}", value.round_dp(2))
}

pub(super) fn reason_key(reason: crate::domain::status::Reason) -> &'static str {
    use crate::domain::status::Reason;
    match reason {
        Reason::NoFigure => "no_figure",
        Reason::NotReportedIn => "not_reported_in",
        Reason::NoLastYear => "no_last_year",
        Reason::LastYearPeriod => "last_year_period",
    }
}
