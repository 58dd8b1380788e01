//! The state of the full-screen view and the one function that changes it.
//!
//! `update(&mut App, Action)` is the only place that acts on what the user does. It never
//! touches the terminal; the one side effect it has is saving through the [`Store`], which
//! tests point at a temporary file. Views only read `&App`.

mod action;
mod confirm;
mod form;
pub mod keymap;
mod text_field;
pub mod theme;
pub mod units;
mod update;
mod view_model;

pub use action::Action;
pub use confirm::RoundAsk;
pub use form::{Form, FormField};
pub use text_field::Field;
pub use update::{form_open, paste, update};
pub use view_model::{Computed, PlanIndex, Shown, SortBy, StatusFilter, is_short, worst_first};

use crate::app::theme::Theme;
use crate::domain::ledger::Entry;
use crate::domain::period::Period;
use crate::domain::plan::{Group, Plan, Target};
use crate::domain::progress::PeriodChoice;
use crate::domain::text;
use crate::i18n::Lang;
use crate::i18n::present;
use crate::store::Store;
use ratatui::layout::{Position, Rect};
use std::cell::Cell;
use std::collections::HashMap;

/// The smallest screen the layout works in; below it the view asks to enlarge the window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// The group tabs: the four groups of the plan, then all targets.
pub const TABS: usize = Group::ALL.len() + 1;

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

    /// `3 · Cả năm · 9.500 tỷ đồng`
    fn describe(&self, entry: &Entry) -> String {
        let text = present::entry(self.lang, &self.plan, entry);
        // The command line's separator, in the view's own symbols.
        if self.ascii { text.replace(" · ", self.theme.dot()) } else { text }
    }
}

#[cfg(test)]
pub(crate) mod tests;
