//! The state of the full-screen view and the one function that changes it.
//!
//! `update(&mut App, Action)` is the only place that acts on what the user does. It never
//! touches the terminal; the one side effect it has is saving through the [`Store`], which
//! tests point at a temporary file. Views only read `&App`.

mod action;
pub mod keymap;
pub mod theme;
pub mod units;

pub use action::Action;

use crate::app::theme::Theme;
use crate::domain::ledger::{Entry, Kind};
use crate::domain::number;
use crate::domain::period::Period;
use crate::domain::plan::{Group, Plan, Target};
use crate::domain::progress::{self, PeriodChoice, Row};
use crate::domain::rounds::ClosedPeriod;
use crate::domain::status::Status;
use crate::domain::text;
use crate::i18n::present;
use crate::i18n::{self, Lang, ViewText};
use crate::ops::Actor;
use crate::ops::record::{Figure, RecordError};
use crate::ops::withdraw::{Which, WithdrawError};
use crate::store::Store;
use ratatui::layout::{Position, Rect};
use std::cell::Cell;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// The smallest screen the layout works in; below it the view asks to enlarge the window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// The group tabs: the four groups of the plan, then all targets.
pub const TABS: usize = Group::ALL.len() + 1;
const NOTE_MAX: usize = 500;
const VALUE_MAX: usize = 40;

/// How the view is opened.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub ascii: bool,
    pub colour: bool,
    pub read_only: bool,
    /// The login name written into each entry.
    pub user: String,
    /// Today, to choose the default reporting period.
    pub today: jiff::civil::Date,
    /// The zone in which times are shown.
    pub tz: jiff::tz::TimeZone,
}

/// What the user is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Browse,
    /// Typing the text filter.
    Filter,
    Edit(Form),
    Help,
    /// The targets due in the period in view that have no figure, by lead agency (`m`);
    /// scrolled and closed like the help page.
    Missing,
    /// Asking before withdrawing this entry.
    ConfirmUndo(Entry),
    /// Asking before closing or reopening a period.
    ConfirmRound(RoundAsk),
    /// The units screen (`U`); its state is [`App::units`].
    Units,
}

/// A closing or reopening waiting for a yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundAsk {
    pub action: crate::domain::ledger::RoundAction,
    pub period: Period,
    /// The view shows the latest figures, so the period is the form's default one.
    pub default: bool,
}

/// The kind of a [`Mode`], which the key table is keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeKind {
    Browse,
    Filter,
    Edit,
    Help,
    Confirm,
    /// Confirming a closing or reopening: `c` is not a yes here, so that `c c` cannot close
    /// a period by a slip.
    ConfirmRound,
    /// Browsing with the detail over the whole body (`i`): Esc goes back to the table.
    Detail,
    Units,
}

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
    fn next(self) -> SortBy {
        match self {
            SortBy::Plan => SortBy::Status,
            SortBy::Status => SortBy::Percent,
            SortBy::Percent => SortBy::Agency,
            SortBy::Agency => SortBy::Plan,
        }
    }
}

impl Mode {
    pub fn kind(&self) -> ModeKind {
        match self {
            Mode::Browse => ModeKind::Browse,
            Mode::Filter => ModeKind::Filter,
            Mode::Edit(_) => ModeKind::Edit,
            Mode::Help | Mode::Missing => ModeKind::Help,
            Mode::ConfirmUndo(_) => ModeKind::Confirm,
            Mode::ConfirmRound(_) => ModeKind::ConfirmRound,
            Mode::Units => ModeKind::Units,
        }
    }
}

/// A line of text being typed; the cursor is a byte offset on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub cursor: usize,
}

impl Field {
    /// Types `c` at the cursor. The text either side is brought to NFC, so a combining mark
    /// typed after its letter joins it, and controls and bidi marks never get in.
    fn insert(&mut self, c: char, max_chars: usize) {
        if self.text.chars().count() >= max_chars {
            return;
        }
        let mut before = self.text[..self.cursor].to_owned();
        before.push(c);
        let before = text::clean(&before);
        let after = text::clean(&self.text[self.cursor..]);
        self.cursor = before.len();
        self.text = before + &after;
    }

    fn backspace(&mut self) {
        if let Some((at, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.text.replace_range(at..self.cursor, "");
            self.cursor = at;
        }
    }

    fn delete(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            let end = self.cursor + g.len();
            self.text.replace_range(self.cursor..end, "");
        }
    }

    fn left(&mut self) {
        if let Some((at, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.cursor = at;
        }
    }

    fn right(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += g.len();
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

/// The parts of the edit form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Value,
    Period,
    Kind,
    Note,
}

impl FormField {
    const ORDER: [FormField; 4] = [FormField::Value, FormField::Period, FormField::Kind, FormField::Note];

    fn step(self, by: isize) -> FormField {
        let i = FormField::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        FormField::ORDER[(i + by).rem_euclid(FormField::ORDER.len() as isize) as usize]
    }
}

/// The edit form of one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub target: String,
    pub value: Field,
    pub period: Period,
    pub kind: Kind,
    pub note: Field,
    pub focus: FormField,
    /// Why the last Enter did not save.
    pub error: Option<String>,
    /// A value far from the previous period's that was warned about: Enter again with the
    /// same value takes it.
    pub sharp_warned: Option<rust_decimal::Decimal>,
    /// What the form has to say besides an error: a draft given back, a colleague's change.
    pub notice: Option<String>,
    /// The id of the current figure of the form's target and period as the user last saw it,
    /// so that a colleague's change behind the form is said in the form.
    pub seen: Option<String>,
}

/// A line for the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    /// Refresh ticks seen since it was said: a message fades after [`MESSAGE_TICKS`].
    pub ticks: u8,
}

/// Refresh ticks (one every two seconds) a message stays, unless a key makes it go sooner.
/// An error stays until the next key, so that it is not missed.
pub const MESSAGE_TICKS: u8 = 3;

/// Where the last frame put things, so that a click can be mapped back (written by the view).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hits {
    /// The rows of the table below its header.
    pub table: Rect,
    /// The first visible row of the table.
    pub offset: usize,
    /// The tab bar's line, and each tab's first and last column.
    pub tabs_y: u16,
    pub tabs: [(u16, u16); TABS],
    /// Where the terminal cursor goes (a text field being typed in).
    pub cursor: Option<Position>,
}

/// The whole state of the view.
#[derive(Debug)]
pub struct App {
    pub plan: Plan,
    pub store: Store,
    pub lang: Lang,
    pub ascii: bool,
    pub read_only: bool,
    pub user: String,
    pub tz: jiff::tz::TimeZone,
    /// The clock every save is dated by (`jiff::Timestamp::now`; fixed in tests).
    pub clock: fn() -> jiff::Timestamp,
    pub theme: Theme,
    /// How the store is named in the header.
    pub store_label: String,
    /// The period a new figure is for unless the user changes it.
    pub default_period: Period,
    /// Whether the plan's year is over (new figures are then official by default).
    pub year_over: bool,
    pub mode: Mode,
    /// Index into the tabs: the groups in `Group::ALL` order, then all.
    pub tab: usize,
    pub period: PeriodChoice,
    pub filter: Field,
    pub status_filter: Option<StatusFilter>,
    pub sort: SortBy,
    /// The targets shown, as indices into `plan.targets`.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    pub detail_zoom: bool,
    pub help_scroll: u16,
    pub message: Option<Message>,
    pub size: (u16, u16),
    pub quit: bool,
    pub hits: Cell<Hits>,
    /// What the screen shows, worked out when the store or the period in view changes.
    pub view: Computed,
    /// For each target (index into `plan.targets`), its parts: the plan never changes.
    pub parts: Vec<Vec<usize>>,
    /// Target id → index into `plan.targets`.
    pub index: HashMap<String, usize>,
    /// Each target's id and names folded for the text filter (no marks, lower case), so a
    /// keystroke in the filter compares text instead of folding every name again.
    pub search: Vec<String>,
    /// The open form's text, for the exit paths to keep as a draft (see `draft`).
    pub draft: crate::store::draft::Slot,
    /// The years of the installed plans, for the header and `y` (empty with `--plan` or
    /// `--store`: the view then stays on its plan).
    pub years: Vec<i16>,
    /// The year whose plan `y` asked for: the view ends and opens it.
    pub switch_to: Option<i16>,
    /// Last year's plan and figures, for a plan whose targets name `last_year_id`.
    pub last_year: Option<(Plan, crate::domain::ledger::Ledger)>,
    /// The widest goal of the plan, with its unit in full and abbreviated (table columns).
    pub goal_widths: (usize, usize),
    /// The units screen and where the units' stores are.
    pub units: units::Units,
    /// The lead agency whose targets the table shows (`a`); all when `None`.
    pub agency: Option<String>,
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
}

/// What the view works out from the plan alone, once: the parts of each target, the index
/// of ids and the folded names. It can be made while the store is read.
#[derive(Debug, Default)]
pub struct PlanIndex {
    parts: Vec<Vec<usize>>,
    index: HashMap<String, usize>,
    search: Vec<String>,
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
    pub fn new(plan: Plan, store: Store, settings: Settings) -> App {
        let plan_index = PlanIndex::new(&plan);
        App::with_index(plan, plan_index, store, settings)
    }

    /// [`App::new`] with the plan's index made beforehand (while the store was read).
    pub fn with_index(plan: Plan, plan_index: PlanIndex, store: Store, settings: Settings) -> App {
        let default_period = Period::current(plan.year, settings.today);
        let year_over = settings.today.year() > plan.year;
        let store_label = text::clean(&store.path().display().to_string());
        let mut app = App {
            plan,
            store,
            lang: settings.lang,
            ascii: settings.ascii,
            read_only: settings.read_only,
            user: text::clean(&settings.user),
            tz: settings.tz,
            clock: jiff::Timestamp::now,
            theme: Theme::new(settings.colour, settings.ascii),
            store_label,
            default_period,
            year_over,
            mode: Mode::Browse,
            tab: 0,
            period: PeriodChoice::Latest,
            filter: Field::default(),
            status_filter: None,
            sort: SortBy::Plan,
            visible: Vec::new(),
            selected: 0,
            detail_zoom: false,
            help_scroll: 0,
            message: None,
            size: (80, 24),
            quit: false,
            hits: Cell::new(Hits::default()),
            view: Computed::default(),
            parts: plan_index.parts,
            index: plan_index.index,
            search: plan_index.search,
            draft: Default::default(),
            years: Vec::new(),
            switch_to: None,
            last_year: None,
            goal_widths: (0, 0),
            units: Default::default(),
            agency: None,
        };
        app.goal_widths = app.plan.targets.iter().fold((0, 0), |(full, short), t| {
            let width = |text: String| unicode_width::UnicodeWidthStr::width(text.as_str());
            (
                full.max(width(present::goal(app.lang, app.ascii, t))),
                short.max(width(present::goal_short(app.lang, app.ascii, t))),
            )
        });
        app.recompute();
        app
    }

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
        drop(linked);
        self.view = Computed { rows, counts, closed, tally };
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

    /// The period that a new figure or a closing is for: the one in view, or the default
    /// one when the view shows the latest figures.
    pub fn period_for_entry(&self) -> Period {
        match self.period {
            PeriodChoice::Fixed(p) => p,
            PeriodChoice::Latest => self.default_period,
        }
    }

    /// The group a tab shows; `None` for all.
    pub fn tab_group(tab: usize) -> Option<Group> {
        Group::ALL.get(tab).copied()
    }

    /// The kind of what the user is doing, which the key table is keyed by.
    pub fn mode_kind(&self) -> ModeKind {
        match self.mode {
            Mode::Browse if self.detail_zoom => ModeKind::Detail,
            _ => self.mode.kind(),
        }
    }

    pub fn selected_target(&self) -> Option<&Target> {
        self.visible.get(self.selected).map(|i| &self.plan.targets[*i])
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Rows the table shows at once (from the last frame; a guess before the first).
    fn page(&self) -> usize {
        usize::from(self.hits.get().table.height).max(1)
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
    fn next_status_filter(&self) -> Option<StatusFilter> {
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

    /// `u`: asks before withdrawing the selected target's figure in the period in view (its
    /// latest figure when the view shows the latest ones).
    fn ask_undo(&mut self) {
        if self.read_only {
            return self.warn(ViewText::ReadOnlyRefused.get(self.lang));
        }
        if self.too_small() {
            return self.warn(ViewText::Enlarge.get(self.lang));
        }
        let Some(target) = self.selected_target() else {
            return self.warn(ViewText::NoRows.get(self.lang));
        };
        if target.goal.is_none() {
            return self.warn(ViewText::HeadingHasParts.get(self.lang));
        }
        let ledger = self.store.ledger();
        let figure = match self.period {
            PeriodChoice::Fixed(period) => ledger.current(&target.id, period),
            PeriodChoice::Latest => ledger.latest(&target.id),
        };
        match figure {
            Some(entry) => self.mode = Mode::ConfirmUndo(entry.clone()),
            None => {
                let period = match self.period {
                    PeriodChoice::Fixed(p) => Some(p),
                    PeriodChoice::Latest => None,
                };
                let text = i18n::nothing_to_withdraw(self.lang, &target.id, period);
                self.warn(text)
            }
        }
    }

    /// Counts a refresh tick; an information message that has been up long enough goes.
    /// Returns whether it went.
    fn age_message(&mut self) -> bool {
        let Some(message) = &mut self.message else { return false };
        message.ticks = message.ticks.saturating_add(1);
        let gone = !message.error && message.ticks >= MESSAGE_TICKS;
        if gone {
            self.message = None;
        }
        gone
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), error: false, ticks: 0 });
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), error: true, ticks: 0 });
    }

    fn move_by(&mut self, by: isize) {
        let last = self.visible.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + by).clamp(0, last.max(0)) as usize;
    }

    /// `3 · Cả năm · 9.500 tỷ đồng`
    fn describe(&self, entry: &Entry) -> String {
        let text = present::entry(self.lang, &self.plan, entry);
        // The command line's separator, in the view's own symbols.
        if self.ascii { text.replace(" · ", self.theme.dot()) } else { text }
    }

    fn start_edit(&mut self) {
        if self.too_small() {
            return self.warn(ViewText::Enlarge.get(self.lang));
        }
        if self.read_only {
            return self.warn(ViewText::ReadOnlyRefused.get(self.lang));
        }
        let Some(target) = self.selected_target() else {
            return self.warn(ViewText::NoRows.get(self.lang));
        };
        if target.goal.is_none() {
            return self.warn(ViewText::HeadingHasParts.get(self.lang));
        }
        let period = self.period_for_entry();
        let kind = if self.year_over { Kind::Official } else { Kind::Estimate };
        let error = self.closed_message(period);
        self.mode = Mode::Edit(Form {
            target: target.id.clone(),
            value: Field::default(),
            period,
            kind,
            note: Field::default(),
            focus: FormField::Value,
            error,
            sharp_warned: None,
            notice: None,
            seen: None,
        });
        self.note_seen();
    }

    /// Opens the form again with a draft kept when the terminal hung up, and says so.
    /// Returns whether it did: not when read-only, nor for a target this plan has no figure for;
    /// also `true` (the draft is done with, not offered) when its save had reached the store.
    pub fn offer_draft(&mut self, draft: crate::store::draft::Draft) -> bool {
        let Some(&index) = self.index.get(&draft.target) else {
            return false;
        };
        // A hang-up during its save: if the entry reached the store, the draft is done with.
        if let Some(at) = draft.saving_at
            && self.store.ledger().of_target(&draft.target).any(|e| {
                e.time == at && e.author == self.user && e.period == draft.period && e.retracts.is_none()
            })
        {
            self.say(ViewText::DraftAlreadySaved.get(self.lang));
            return true;
        }
        if self.read_only || self.plan.targets[index].goal.is_none() {
            return false;
        }
        if !self.visible.contains(&index) {
            self.tab = TABS - 1;
            self.filter.clear();
            self.status_filter = None;
            self.refilter();
        }
        self.selected = self.visible.iter().position(|i| *i == index).unwrap_or(0);
        let field = |text: &str| {
            let text = text::clean(text);
            Field { cursor: text.len(), text }
        };
        self.mode = Mode::Edit(Form {
            target: draft.target,
            value: field(&draft.value),
            period: draft.period,
            kind: draft.kind,
            note: field(&draft.note),
            focus: FormField::Value,
            error: self.closed_message(draft.period),
            sharp_warned: None,
            notice: None,
            seen: None,
        });
        self.note_seen();
        if let Mode::Edit(form) = &mut self.mode {
            form.notice = Some(ViewText::DraftOffered.get(self.lang).to_owned());
        }
        self.sync_draft();
        true
    }

    /// The open form has now seen the current figure of its target and period.
    fn note_seen(&mut self) {
        if let Mode::Edit(form) = &mut self.mode {
            form.seen = self.store.ledger().current(&form.target, form.period).map(|e| e.id.clone());
        }
    }

    /// After a refresh: says in the open form when the figure behind it changed.
    fn note_change_behind_form(&mut self) {
        let Mode::Edit(form) = &self.mode else { return };
        let current = self.store.ledger().current(&form.target, form.period);
        if current.map(|e| &e.id) == form.seen.as_ref() {
            return;
        }
        let unit = self.plan.target(&form.target).map_or("", |t| t.unit.get(self.lang));
        let notice = match current {
            Some(entry) => i18n::changed_behind_form(
                self.lang,
                Some((&text::clean(&entry.author), &present::value_with_unit(self.lang, entry.value, unit))),
            ),
            None => i18n::changed_behind_form(self.lang, None),
        };
        if let Mode::Edit(form) = &mut self.mode {
            form.notice = Some(notice);
        }
        self.note_seen();
    }

    /// Puts the open form, if any, in the draft slot (or empties it).
    fn sync_draft(&self) {
        let now = match &self.mode {
            Mode::Edit(form) => Some(crate::store::draft::Draft {
                target: form.target.clone(),
                period: form.period,
                kind: form.kind,
                value: form.value.text.clone(),
                note: form.note.text.clone(),
                saving_at: None,
            }),
            _ => None,
        };
        let mut slot = self.draft.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if *slot != now {
            *slot = now;
        }
    }

    /// What `set` says about a closed period, if `period` is closed.
    fn closed_message(&self, period: Period) -> Option<String> {
        self.closed(period).map(|closed| self.closed_words(closed))
    }

    /// A closed period as the form says it, with the keys that reopen it here.
    fn closed_words(&self, closed: &ClosedPeriod) -> String {
        let in_view = closed.period == self.period_for_entry();
        i18n::field::period_closed_in_view(self.lang, closed, &self.tz, in_view)
    }

    /// `c`: asks before closing the period in view, or reopening it when it is closed.
    fn ask_round(&mut self) {
        if self.read_only {
            return self.warn(ViewText::ReadOnlyRefused.get(self.lang));
        }
        if self.too_small() {
            return self.warn(ViewText::Enlarge.get(self.lang));
        }
        let period = self.period_for_entry();
        let action = match self.closed(period) {
            Some(_) => crate::domain::ledger::RoundAction::ReopenPeriod,
            None => crate::domain::ledger::RoundAction::ClosePeriod,
        };
        let default = self.period == PeriodChoice::Latest;
        self.mode = Mode::ConfirmRound(RoundAsk { action, period, default });
    }

    /// Records the closing or reopening, the same way `chitieu close-period` does.
    fn save_round(&mut self, ask: RoundAsk) {
        self.mode = Mode::Browse;
        let lang = self.lang;
        let actor = self.actor();
        match crate::ops::round::save(&mut self.store, &self.plan, ask.action, ask.period, &actor) {
            Ok(crate::ops::round::Saved::Done(_)) => {
                self.say(i18n::field::round_done_tui(lang, ask.action, ask.period, ask.default))
            }
            Ok(crate::ops::round::Saved::AlreadyClosed(close)) => {
                self.warn(i18n::field::already_closed(lang, &close))
            }
            Ok(crate::ops::round::Saved::AlreadyOpen) => {
                self.warn(i18n::field::already_open(lang, ask.period))
            }
            Err(e) => {
                let why = i18n::store_error(lang, &e);
                self.warn(i18n::save_failed(lang, &why));
            }
        }
        self.recompute();
    }

    fn save_form(&mut self, mut form: Form) {
        let value = match number::parse(&form.value.text, self.lang.number_style()) {
            Ok(v) => v,
            Err(e) => {
                form.error = Some(i18n::number_error(self.lang, &e));
                form.focus = FormField::Value;
                self.mode = Mode::Edit(form);
                return;
            }
        };
        let figure = Figure {
            target: &form.target,
            period: form.period,
            value,
            kind: form.kind,
            note: &form.note.text,
            typed: Some((&form.value.text, self.lang.number_style())),
        };
        // A sharp change is saved when the same value is entered again after the warning.
        let confirmed = form.sharp_warned == Some(value);
        let actor = self.actor();
        // Should the connection drop during the save, the draft says which entry it became.
        if let Some(draft) = self.draft.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).as_mut() {
            draft.saving_at = Some(actor.now);
        }
        match crate::ops::record::record(&mut self.store, &self.plan, &figure, &actor, confirmed) {
            Ok(recorded) => {
                let what = self.describe(&recorded.entry);
                self.mode = Mode::Browse;
                self.say(i18n::saved_footer(self.lang, &what, recorded.merged.from_others));
            }
            Err(RecordError::Closed(closed)) => {
                form.error = Some(self.closed_words(&closed));
                self.mode = Mode::Edit(form);
            }
            Err(RecordError::Sharp(changes)) => {
                let warning: Vec<String> =
                    changes.iter().map(|c| i18n::field::sharp_change(self.lang, &self.plan, c)).collect();
                let warning = warning.join(" ");
                form.error = Some(format!("{warning} {}", i18n::field::sharp_enter_again(self.lang)));
                form.sharp_warned = Some(value);
                self.mode = Mode::Edit(form);
            }
            Err(RecordError::Store(e)) => {
                let why = i18n::store_error(self.lang, &e);
                form.error = Some(i18n::save_failed(self.lang, &why));
                self.warn(i18n::save_failed(self.lang, &why));
                self.mode = Mode::Edit(form);
            }
        }
        // Even a refused save may have taken in others' entries.
        self.recompute();
    }

    fn withdraw(&mut self, entry: Entry) {
        self.mode = Mode::Browse;
        let actor = self.actor();
        match crate::ops::withdraw::withdraw(&mut self.store, &self.plan, Which::Entry(&entry.id), &actor) {
            Ok(withdrawn) => {
                let what = self.describe(&withdrawn.retraction);
                self.say(i18n::withdrawn(self.lang, &what))
            }
            Err(WithdrawError::Nothing) => self.warn(ViewText::NothingToUndo.get(self.lang)),
            Err(WithdrawError::Closed(closed)) => self.warn(self.closed_words(&closed)),
            Err(WithdrawError::Store(e)) => {
                let why = i18n::store_error(self.lang, &e);
                self.warn(i18n::save_failed(self.lang, &why));
            }
        }
        self.recompute();
    }

    /// Who saves, and when: the user, now.
    fn actor(&self) -> Actor {
        Actor::new(&self.user, (self.clock)())
    }

    fn click(&mut self, column: u16, row: u16) {
        let hits = self.hits.get();
        if row == hits.tabs_y
            && let Some(tab) =
                hits.tabs.iter().position(|(from, to)| (*from..=*to).contains(&column) && to > from)
        {
            self.tab = tab;
            self.selected = 0;
            self.refilter();
            return;
        }
        if hits.table.contains(Position { x: column, y: row }) {
            let index = hits.offset + usize::from(row - hits.table.y);
            if index < self.visible.len() {
                self.selected = index;
            }
        }
    }
}

/// Applies one action. Returns whether the screen may have changed and needs drawing.
pub fn update(app: &mut App, action: Action) -> bool {
    let changed = apply(app, action);
    app.sync_draft();
    changed
}

/// A paste (bracketed paste: the terminal marks it, so it arrives whole): text for the field
/// being edited, never keys. In a note or the filter its line breaks become spaces; a value
/// with a line break is refused (the form says so and keeps what it had); in the table, the
/// help or a question it does nothing at all. Returns whether the screen changed.
pub fn paste(app: &mut App, text: &str) -> bool {
    let one_line =
        |text: &str| text.split(['\r', '\n']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    let changed = match &mut app.mode {
        Mode::Edit(form) => match form.focus {
            FormField::Note => {
                for c in one_line(text).chars() {
                    form.note.insert(c, NOTE_MAX);
                }
                true
            }
            FormField::Value if text.trim_end_matches(['\r', '\n']).contains(['\r', '\n']) => {
                form.error = Some(i18n::field::paste_refused(app.lang).to_owned());
                true
            }
            FormField::Value => {
                for c in text.trim().chars() {
                    form.value.insert(c, VALUE_MAX);
                }
                form.error = None;
                true
            }
            _ => false,
        },
        Mode::Filter => {
            for c in one_line(text).chars() {
                app.filter.insert(c, VALUE_MAX);
            }
            app.selected = 0;
            app.refilter();
            true
        }
        _ => false,
    };
    app.sync_draft();
    changed
}

/// Whether a form is open: what quitting with Ctrl-C keeps as a draft.
pub fn form_open(app: &App) -> bool {
    matches!(app.mode, Mode::Edit(_))
}

fn apply(app: &mut App, action: Action) -> bool {
    match action {
        Action::Resize { width, height } => {
            app.size = (width, height);
            return true;
        }
        Action::Redraw => return true,
        Action::Quit => {
            app.quit = true;
            return false;
        }
        Action::NextPlan => {
            let next =
                app.years.iter().copied().find(|y| *y > app.plan.year).or_else(|| app.years.first().copied());
            match next {
                Some(year) if year != app.plan.year => {
                    app.switch_to = Some(year);
                    app.quit = true;
                    return false;
                }
                _ => {
                    app.say(i18n::plans::only_one_plan(app.lang));
                    return true;
                }
            }
        }
        Action::Refresh => {
            let faded = app.age_message();
            return faded
                | match app.store.refresh(&app.plan) {
                    // Any change of the file, a hand edit of an existing entry too, is shown.
                    Ok(merged) if merged.changed => {
                        if merged.from_others > 0 {
                            app.say(i18n::from_others(app.lang, merged.from_others));
                        }
                        app.recompute();
                        app.note_change_behind_form();
                        true
                    }
                    Ok(_) => false,
                    Err(e) => {
                        let text = i18n::store_error(app.lang, &e);
                        let new = app.message.as_ref().is_none_or(|m| m.text != text);
                        if new {
                            app.warn(text);
                        }
                        new
                    }
                };
        }
        _ => {}
    }
    // What was said before goes at the next key: it said what the previous one did.
    app.message = None;
    let mode = std::mem::replace(&mut app.mode, Mode::Browse);
    match mode {
        Mode::Browse => browse(app, action),
        Mode::Filter => filter(app, action),
        Mode::Edit(form) => edit(app, form, action),
        mode @ (Mode::Help | Mode::Missing) => {
            match action {
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                Action::Down => app.help_scroll = app.help_scroll.saturating_add(1),
                Action::Scroll(by) => {
                    app.help_scroll = app.help_scroll.saturating_add_signed(by.clamp(-100, 100) as i16)
                }
                Action::Cancel => return true,
                _ => {}
            }
            app.mode = mode;
        }
        Mode::ConfirmUndo(entry) => match action {
            Action::Confirm => app.withdraw(entry),
            Action::Cancel => app.say(ViewText::Cancelled.get(app.lang)),
            _ => app.mode = Mode::ConfirmUndo(entry),
        },
        Mode::ConfirmRound(ask) => match action {
            Action::Confirm => app.save_round(ask),
            Action::Cancel => app.say(ViewText::Cancelled.get(app.lang)),
            _ => app.mode = Mode::ConfirmRound(ask),
        },
        Mode::Units => units::update(app, action),
    }
    true
}

fn browse(app: &mut App, action: Action) {
    match action {
        Action::Up => app.move_by(-1),
        Action::Down => app.move_by(1),
        Action::PageUp => app.move_by(-(app.page() as isize)),
        Action::PageDown => app.move_by(app.page() as isize),
        Action::First => app.selected = 0,
        Action::Last => app.selected = app.visible.len().saturating_sub(1),
        Action::Scroll(by) => app.move_by(by as isize),
        Action::Click { column, row } => app.click(column, row),
        Action::NextGroup | Action::PrevGroup => {
            let by = if action == Action::NextGroup { 1 } else { TABS - 1 };
            app.tab = (app.tab + by) % TABS;
            app.selected = 0;
            app.refilter();
        }
        Action::ToggleDetail => app.detail_zoom = !app.detail_zoom,
        Action::Back if app.detail_zoom => app.detail_zoom = false,
        Action::Back => {
            app.filter.clear();
            app.status_filter = None;
            app.refilter();
        }
        Action::StartFilter => app.mode = Mode::Filter,
        Action::CycleStatusFilter => {
            app.status_filter = app.next_status_filter();
            app.selected = 0;
            app.refilter();
        }
        Action::CycleSort => {
            app.sort = app.sort.next();
            app.refilter();
        }
        Action::CyclePeriod | Action::PrevPeriod => {
            // Latest, then each period in turn; `P` goes the other way round.
            let mut cycle = vec![PeriodChoice::Latest];
            cycle.extend(Period::THIS_YEAR.map(PeriodChoice::Fixed));
            let at = cycle.iter().position(|c| *c == app.period).unwrap_or(0);
            let by = if action == Action::CyclePeriod { 1 } else { cycle.len() - 1 };
            app.period = cycle[(at + by) % cycle.len()];
            app.recompute();
        }
        Action::ShowHelp => {
            app.help_scroll = 0;
            app.mode = Mode::Help;
        }
        Action::ShowMissing => {
            app.help_scroll = 0;
            app.mode = Mode::Missing;
        }
        Action::ShowUnits | Action::CycleAgency => units::browse(app, action),
        Action::Edit => app.start_edit(),
        Action::ToggleRound => app.ask_round(),
        Action::Undo => app.ask_undo(),
        _ => {}
    }
}

fn filter(app: &mut App, action: Action) {
    match action {
        Action::Confirm => return,
        Action::Cancel => {
            app.filter.clear();
            app.refilter();
            return;
        }
        Action::Input(c) => app.filter.insert(c, VALUE_MAX),
        Action::ClearLine => app.filter.clear(),
        Action::Backspace => app.filter.backspace(),
        Action::Left => app.filter.left(),
        Action::Right => app.filter.right(),
        _ => {}
    }
    app.selected = 0;
    app.refilter();
    app.mode = Mode::Filter;
}

fn edit(app: &mut App, mut form: Form, action: Action) {
    if action == Action::Cancel {
        app.say(ViewText::Cancelled.get(app.lang));
        return;
    }
    if action == Action::Confirm {
        if app.too_small() {
            app.warn(ViewText::Enlarge.get(app.lang));
            app.mode = Mode::Edit(form);
        } else {
            app.save_form(form);
        }
        return;
    }
    let field = match form.focus {
        FormField::Value => Some(&mut form.value),
        FormField::Note => Some(&mut form.note),
        _ => None,
    };
    let max = if form.focus == FormField::Note { NOTE_MAX } else { VALUE_MAX };
    match (action, field) {
        (Action::NextField, _) => form.focus = form.focus.step(1),
        (Action::PrevField, _) => form.focus = form.focus.step(-1),
        (Action::Input(c), Some(f)) => f.insert(c, max),
        (Action::Backspace, Some(f)) => f.backspace(),
        (Action::Delete, Some(f)) => f.delete(),
        (Action::Left, Some(f)) => f.left(),
        (Action::Right, Some(f)) => f.right(),
        (Action::Home, Some(f)) => f.cursor = 0,
        (Action::End, Some(f)) => f.cursor = f.text.len(),
        (Action::Left | Action::Right | Action::Input(' '), None) => {
            let forward = action != Action::Left;
            if form.focus == FormField::Period {
                let i = Period::ALL.iter().position(|p| *p == form.period).unwrap_or(0);
                let n = Period::ALL.len();
                form.period = Period::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }];
                form.error = app.closed_message(form.period);
                form.notice = None;
                form.seen = app.store.ledger().current(&form.target, form.period).map(|e| e.id.clone());
            } else {
                form.kind = match form.kind {
                    Kind::Estimate => Kind::Official,
                    Kind::Official => Kind::Estimate,
                };
            }
        }
        _ => {}
    }
    if matches!(action, Action::Input(_) | Action::Backspace | Action::Delete) {
        // A closed period stays said while the form is for it.
        form.error = app.closed_message(form.period);
    }
    app.mode = Mode::Edit(form);
}

#[cfg(test)]
pub(crate) mod tests;
