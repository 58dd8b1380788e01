//! The same period last year (*cùng kỳ năm trước*), linked across plans.
//!
//! A target's `last_year_id` names the same indicator in the previous year's plan, whose
//! store holds its figures: last year's Q1 figure of that indicator is this year's `last-q1`
//! of this one, and so on. The linked figures become entries for the last-year periods,
//! added to a copy of this year's ledger (never saved), so every reader (statuses, change
//! targets, the report's "cùng kỳ" column) takes them exactly like figures typed in. A
//! figure entered by hand for a last-year period wins; [`overridden`] says where it differs
//! from the linked one.

use crate::domain::ledger::{Entry, Ledger};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The start of the id of an entry made from a link: no entry id of a store starts so (they
/// are hex digits and dashes), so a linked figure can never be taken for one entered.
const LINK_PREFIX: &str = "last-year:";

/// Last year's plan and the figures of its store.
#[derive(Debug, Clone, Copy)]
pub struct LastYear<'a> {
    pub plan: &'a Plan,
    pub ledger: &'a Ledger,
}

/// Where a same-period-last-year figure comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Entered by hand in this year's store.
    Entered,
    /// Taken from last year's plan `plan`, its target `target`.
    Linked { plan: String, target: String },
}

impl Source {
    /// Where the entry `entry` (a figure for a last-year period) comes from.
    pub fn of(entry: &Entry) -> Source {
        // `last-year:` plan, target and period, apart by U+001F (in no id of a plan).
        let mut parts = entry.id.strip_prefix(LINK_PREFIX).into_iter().flat_map(|rest| rest.split('\u{1f}'));
        match (parts.next(), parts.next()) {
            (Some(plan), Some(target)) => Source::Linked { plan: plan.to_owned(), target: target.to_owned() },
            _ => Source::Entered,
        }
    }
}

/// For each target of `plan` with a `last_year_id` found in last year's plan, and each
/// period whose figure last year's store has: an entry for the same period last year,
/// unless `ledger` has one entered by hand.
pub fn linked_entries(plan: &Plan, ledger: &Ledger, last_year: LastYear) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (target, linked) in links(plan, last_year) {
        for period in Period::THIS_YEAR {
            let Some(same_period) = period.same_period_last_year() else { continue };
            if ledger.current(&target, same_period).is_some() {
                continue;
            }
            if let Some(figure) = last_year.ledger.current(&linked, period) {
                let id = format!("{LINK_PREFIX}{}\u{1f}{linked}\u{1f}{}", last_year.plan.id, period.key());
                let (value, kind) = (figure.value, figure.kind);
                let entry = Entry::figure(id, &target, same_period, value, kind, &figure.author, figure.time);
                entries.push(entry.with_note(&figure.note));
            }
        }
    }
    entries
}

/// `ledger` with the linked figures added: what the report and the view read. Borrowed
/// as it is when nothing is linked.
pub fn with_linked<'a>(plan: &Plan, ledger: &'a Ledger, last_year: Option<LastYear>) -> Cow<'a, Ledger> {
    let linked = last_year.map(|l| linked_entries(plan, ledger, l)).unwrap_or_default();
    if linked.is_empty() {
        return Cow::Borrowed(ledger);
    }
    let mut ledger = ledger.clone();
    ledger.merge(linked);
    Cow::Owned(ledger)
}

/// A same-period figure entered by hand that differs from what the link gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overridden {
    pub target: String,
    pub period: Period,
    pub entered: Decimal,
    pub linked: Decimal,
}

/// Where a figure entered by hand for a last-year period wins over a different linked one.
pub fn overridden(plan: &Plan, ledger: &Ledger, last_year: LastYear) -> Vec<Overridden> {
    let mut found = Vec::new();
    for (target, linked) in links(plan, last_year) {
        for period in Period::THIS_YEAR {
            let Some(same_period) = period.same_period_last_year() else { continue };
            let entered = ledger.current(&target, same_period).filter(|e| Source::of(e) == Source::Entered);
            let from_link = last_year.ledger.current(&linked, period);
            if let (Some(entered), Some(from_link)) = (entered, from_link)
                && entered.value != from_link.value
            {
                found.push(Overridden {
                    target: target.clone(),
                    period: same_period,
                    entered: entered.value,
                    linked: from_link.value,
                });
            }
        }
    }
    found
}

/// (this plan's target, last year's target) for every link that names a target last year's
/// plan has.
fn links(plan: &Plan, last_year: LastYear) -> Vec<(String, String)> {
    plan.targets
        .iter()
        .filter_map(|t| {
            let linked = t.last_year_id.as_ref()?;
            last_year.plan.target(linked)?;
            Some((t.id.clone(), linked.clone()))
        })
        .collect()
}

/// Links naming a target last year's plan does not have (a typo in `last_year_id`).
pub fn broken_links<'a>(plan: &'a Plan, last_year: &Plan) -> Vec<(&'a str, &'a str)> {
    plan.targets
        .iter()
        .filter_map(|t| {
            let linked = t.last_year_id.as_deref()?;
            last_year.target(linked).is_none().then_some((t.id.as_str(), linked))
        })
        .collect()
}
