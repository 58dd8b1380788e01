//! Printed reports (`report --format md|xlsx`): per group, each target with its goal, the
//! actual of every period, % of expectation and status, then a count per status, under the
//! plan's title and the date made.

pub mod csv;
pub mod json;
pub mod md;
mod options;
pub mod plan_sheet;
pub mod table;
pub mod units_xlsx;
pub mod xlsx;

pub use options::Options;

use crate::domain::conflict::{self, Conflict};
use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::domain::plan::{Group, Plan};
use crate::domain::progress::{self, PeriodChoice, Row};
use crate::domain::status::Status;
use crate::i18n::{self, Lang, present};

/// What a printed report shows, worked out once for every format.
pub struct Report<'a> {
    pub plan: &'a Plan,
    pub choice: PeriodChoice,
    /// The day it was made, in `zone`.
    pub made: jiff::civil::Date,
    /// The zone its times are shown in (the conflicting entries'), given with `made`.
    pub zone: jiff::tz::TimeZone,
    /// The groups that have targets, in `Group::ALL` order.
    pub groups: Vec<(Group, Vec<Line<'a>>)>,
    /// Targets with a goal (headings left out) per status, in `Status::ALL` order.
    pub counts: [usize; Status::ALL.len()],
    /// "Đạt và vượt x/16 chỉ tiêu chủ yếu".
    pub tally: progress::Tally,
    pub conflicts: Vec<Conflict<'a>>,
}

/// One target.
pub struct Line<'a> {
    /// Status, % and the period judged, as `report` judges them.
    pub row: Row<'a>,
    /// Periods in which official figures conflict.
    pub conflicts: Vec<Period>,
}

/// The columns of a province's progress report for one target, as text: Kế hoạch năm |
/// Cùng kỳ năm trước | Thực hiện (ước/chính thức) | Kỳ | % KH năm | % so cùng kỳ | Đánh giá.
/// The table, md and xlsx reports all write these.
pub struct Columns {
    pub plan: String,
    pub last_year: String,
    pub figure: String,
    pub period: String,
    pub of_plan: String,
    pub of_last_year: String,
    pub verdict: String,
}

impl Columns {
    pub fn of(row: &Row, lang: Lang, ascii: bool) -> Columns {
        let target = row.target;
        let figure = row.actual.map_or_else(String::new, |e| {
            format!("{} ({})", present::figure(lang, e.value), i18n::kind_short(lang, e.kind))
        });
        let period = match (row.actual, row.period) {
            (Some(_), Some(p)) => i18n::period(lang, p).to_owned(),
            _ => String::new(),
        };
        let mut verdict =
            format!("{} {}", present::status_symbol(row.status, ascii), i18n::status(lang, row.status));
        // Why a figure that was entered has no verdict (a year-only target mid-year, a change
        // target without last year's figure).
        if let Some(reason) = row.verdict.reason.and_then(|r| present::reason(lang, r))
            && target.goal.is_some()
            && row.actual.is_some()
        {
            verdict.push_str(&format!(" ({reason})"));
        }
        if let (Some(change), Some(rule)) = (row.verdict.change, target.judging.change) {
            verdict.push_str(&format!(" ({})", present::change_words(lang, target, rule, change)));
        }
        Columns {
            plan: present::goal(lang, ascii, target),
            last_year: row.last_year.map(|e| present::figure(lang, e.value)).unwrap_or_default(),
            figure,
            period,
            of_plan: present::against_plan(lang, target, &row.verdict),
            of_last_year: row.percent_of_last_year.map(|p| present::percent(lang, p)).unwrap_or_default(),
            verdict,
        }
    }
}

pub fn build<'a>(
    plan: &'a Plan,
    ledger: &'a Ledger,
    choice: PeriodChoice,
    made: jiff::civil::Date,
    zone: jiff::tz::TimeZone,
) -> Report<'a> {
    let rows = progress::assess(plan, ledger, choice);
    let conflicts = conflict::conflicts(ledger);
    let counts = progress::count_by_status(rows.iter().filter(|r| progress::is_counted(r.target)));
    let mut groups = Vec::new();
    for group in Group::ALL {
        let lines: Vec<Line<'a>> = rows
            .iter()
            .filter(|r| r.target.group == group)
            .map(|row| Line {
                row: row.clone(),
                conflicts: conflict::periods_in_conflict(&conflicts, &row.target.id),
            })
            .collect();
        if !lines.is_empty() {
            groups.push((group, lines));
        }
    }
    let tally = progress::tally(plan, ledger);
    Report { plan, choice, made, zone, groups, counts, tally, conflicts }
}

/// The statuses with their counts, in `Status::ALL` order.
pub fn summary(report: &Report) -> impl Iterator<Item = (Status, usize)> {
    Status::ALL.into_iter().zip(report.counts)
}
