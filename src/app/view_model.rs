//! What the table shows: the rows in the period in view, worked out once per change
//! ([`Computed`]), and which of them the tab, the filters and the sort keep.

use super::{App, TABS};
use crate::domain::period::Period;
use crate::domain::plan::{Plan, Target};
use crate::domain::progress::{self, Row};
use crate::domain::rounds::ClosedPeriod;
use crate::domain::status::Status;
use crate::domain::text;
use std::collections::HashMap;

/// Which rows the status filter (`f`) keeps. The two views cadres ask for come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// "chưa đạt": every target short of what its period expects.
    Short,
    /// "chưa có số liệu".
    NoData,
    /// One status.
    Only(Status),
}

impl StatusFilter {
    pub fn keeps(self, status: Status) -> bool {
        match self {
            StatusFilter::Short => is_short(status),
            StatusFilter::NoData => status == Status::NoData,
            StatusFilter::Only(only) => only == status,
        }
    }
}

/// Statuses from the most urgent (`Status::urgency`, the order in which a heading takes its
/// parts' status): the order of the status sort, and of the single-status filters.
pub fn worst_first() -> Vec<Status> {
    let mut all = Status::ALL.to_vec();
    all.sort_by_key(|s| std::cmp::Reverse(s.urgency()));
    all
}

/// Short of what the period or the year expects ("chưa đạt"): at risk, behind, nearly
/// achieved, not achieved.
pub fn is_short(status: Status) -> bool {
    matches!(status, Status::Behind | Status::AtRisk | Status::NearlyAchieved | Status::NotAchieved)
}

/// The order of the rows (`s` cycles it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The plan's own order, by id.
    #[default]
    Plan,
    /// The most urgent status first (see [`worst_first`]), then plan order.
    Status,
    /// The lowest % of what the period expects first; targets without one last.
    Percent,
    /// Grouped by lead agency, in the order the agencies first appear; plan order within.
    Agency,
}

impl SortBy {
    pub(super) fn next(self) -> SortBy {
        match self {
            SortBy::Plan => SortBy::Status,
            SortBy::Status => SortBy::Percent,
            SortBy::Percent => SortBy::Agency,
            SortBy::Agency => SortBy::Plan,
        }
    }
}

/// One target as the table shows it in the period in view (owned, so that it can be kept
/// in [`App`] between frames).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub value: Option<rust_decimal::Decimal>,
    /// Whether the figure is an estimate (*ước thực hiện*) rather than official.
    pub estimate: bool,
    /// The period of the figure shown (or the one asked for, when there is none).
    pub period: Option<Period>,
    pub status: Status,
    pub percent: Option<rust_decimal::Decimal>,
}

/// Everything the frame needs that depends on the whole ledger, computed once per change of
/// the store or of the period in view ([`App::recompute`]): drawing a frame and moving the
/// cursor only read it, so neither does work in proportion to the number of entries.
#[derive(Debug, Default)]
pub struct Computed {
    /// One per target, in plan order.
    pub rows: Vec<Shown>,
    /// Counts per status of each tab, ignoring the text and status filters.
    pub counts: [[usize; Status::ALL.len()]; TABS],
    /// The closing in force for each period (`Period::ALL` order), if it is closed.
    pub closed: [Option<ClosedPeriod>; Period::ALL.len()],
    /// "Đạt và vượt x/16 chỉ tiêu chủ yếu", as the reports head it.
    pub tally: progress::Tally,
    /// "Đã có số liệu x/y" for the period in view: worked out with the rest when the store
    /// or the period changes, not on every frame (every target of the plan is asked).
    pub reported: crate::domain::units::Completeness,
}

/// What the view works out from the plan alone, once: the parts of each target, the index
/// of ids and the folded names. It can be made while the store is read.
#[derive(Debug, Default)]
pub struct PlanIndex {
    pub(super) parts: Vec<Vec<usize>>,
    pub(super) index: HashMap<String, usize>,
    pub(super) search: Vec<String>,
}

impl PlanIndex {
    pub fn new(plan: &Plan) -> PlanIndex {
        let search = plan
            .targets
            .iter()
            .map(|t| text::fold(&format!("{} {} {}", t.id, t.name.vi, t.name.en)))
            .collect();
        let index: HashMap<String, usize> =
            plan.targets.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
        let mut parts = vec![Vec::new(); plan.targets.len()];
        for (i, target) in plan.targets.iter().enumerate() {
            if let Some(parent) = target.parent.as_deref().and_then(|p| index.get(p)) {
                parts[*parent].push(i);
            }
        }
        PlanIndex { parts, index, search }
    }
}

impl App {
    /// The ledger the view reads: the store's, with last year's figures linked in (see
    /// `domain::last_year`). Never saved.
    pub fn ledger(&self) -> std::borrow::Cow<'_, crate::domain::ledger::Ledger> {
        let last_year =
            self.last_year.as_ref().map(|(plan, ledger)| crate::domain::last_year::LastYear { plan, ledger });
        crate::domain::last_year::with_linked(&self.plan, self.store.ledger(), last_year)
    }

    /// Every target as it stands in the period in view, in plan order.
    pub fn rows(&self) -> Vec<Row<'_>> {
        progress::assess(&self.plan, self.store.ledger(), self.period)
    }

    /// Works out [`Computed`] again and the rows shown: after anything that may have changed
    /// the store (a save, a refused save, a refresh) or the period in view. Linear in the
    /// entries and targets; nothing else in the view is.
    pub fn recompute(&mut self) {
        let linked = self.ledger();
        let ledger = &*linked;
        let rows: Vec<Shown> = progress::assess(&self.plan, ledger, self.period)
            .into_iter()
            .map(|row| Shown {
                value: row.actual.map(|e| e.value),
                estimate: row.actual.is_some_and(|e| e.kind == crate::domain::ledger::Kind::Estimate),
                period: row.period,
                status: row.status,
                percent: row.percent,
            })
            .collect();
        let mut counts = [[0; Status::ALL.len()]; TABS];
        for (tab, counts) in counts.iter_mut().enumerate() {
            let group = App::tab_group(tab);
            for (row, target) in rows.iter().zip(&self.plan.targets) {
                if group.is_none_or(|g| target.group == g)
                    && progress::is_counted(target)
                    && let Some(i) = Status::ALL.iter().position(|s| *s == row.status)
                {
                    counts[i] += 1;
                }
            }
        }
        let closed = Period::ALL.map(|p| crate::domain::rounds::check_open(ledger, p).err());
        let tally = progress::tally(&self.plan, ledger);
        let reported = crate::domain::units::completeness(&self.plan, ledger, self.period_for_entry());
        drop(linked);
        self.view = Computed { rows, counts, closed, tally, reported };
        self.refilter();
    }

    /// Whether official figures of `target` for `period` contradict each other. Asked by
    /// the table for the rows it draws (a few dozen), not worked out for every target on
    /// each change of the store.
    pub fn in_conflict(&self, target: &Target, period: Period) -> bool {
        crate::domain::conflict::in_conflict(self.store.ledger(), &target.id, period)
    }

    /// The closing in force for `period`, if it is closed (as of the last recompute).
    pub fn closed(&self, period: Period) -> Option<&ClosedPeriod> {
        self.view.closed[Period::ALL.iter().position(|p| *p == period).unwrap_or(0)].as_ref()
    }

    /// Recomputes the rows shown, keeping the selected target when it is still there.
    pub fn refilter(&mut self) {
        let keep = self.selected_target().map(|t| t.id.clone());
        let group = App::tab_group(self.tab);
        let query = text::fold(self.filter.text.trim());
        self.visible = self
            .view
            .rows
            .iter()
            .zip(&self.plan.targets)
            .enumerate()
            .filter(|(_, (_, target))| group.is_none_or(|g| target.group == g))
            .filter(|(_, (_, target))| {
                self.agency.is_none() || target.agency.as_deref().map(str::trim) == self.agency.as_deref()
            })
            .filter(|(_, (row, _))| self.status_filter.is_none_or(|f| f.keeps(row.status)))
            .filter(|(i, _)| query.is_empty() || self.search[*i].contains(&query))
            .map(|(i, _)| i)
            .collect();
        let rows = &self.view.rows;
        match self.sort {
            SortBy::Plan => {}
            SortBy::Status => self.visible.sort_by_key(|i| std::cmp::Reverse(rows[*i].status.urgency())),
            // Stable sorts: equal rows keep the plan's order.
            SortBy::Percent => self.visible.sort_by_key(|i| (rows[*i].percent.is_none(), rows[*i].percent)),
            SortBy::Agency => {
                let agencies = crate::domain::units::agencies(&self.plan);
                let targets = &self.plan.targets;
                // Targets without an agency last, as `chitieu missing` lists them.
                self.visible.sort_by_key(|i| {
                    let agency = targets[*i].agency.as_deref().map(str::trim);
                    agency.and_then(|a| agencies.iter().position(|x| *x == a)).unwrap_or(usize::MAX)
                });
            }
        }
        self.selected = keep
            .and_then(|id| self.visible.iter().position(|i| self.plan.targets[*i].id == id))
            .unwrap_or(self.selected)
            .min(self.visible.len().saturating_sub(1));
    }

    /// `f`: no filter, "chưa đạt", "chưa có số liệu", then each other status that the tab
    /// has rows of, worst first.
    pub(super) fn next_status_filter(&self) -> Option<StatusFilter> {
        let counts = self.view.counts[self.tab];
        let has_rows = |s: &Status| Status::ALL.iter().position(|x| x == s).is_some_and(|i| counts[i] > 0);
        let mut cycle = vec![None, Some(StatusFilter::Short), Some(StatusFilter::NoData)];
        cycle.extend(
            worst_first()
                .iter()
                .filter(|s| **s != Status::NoData && has_rows(s))
                .map(|s| Some(StatusFilter::Only(*s))),
        );
        let at = cycle.iter().position(|f| *f == self.status_filter).unwrap_or(0);
        cycle[(at + 1) % cycle.len()]
    }
}
