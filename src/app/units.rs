//! The units screen (`U`): each registered unit of the plan with how it stands in the period
//! in view, and the units' totals beside the province's own figures (issue 14); and the
//! lead-agency filter of the table (`a`).
//!
//! The units' stores are read when the screen opens, through the one path `chitieu units`
//! takes ([`crate::store::units::open_all`]), never when the view starts; they are dropped
//! when it closes, and read afresh the next time it opens.

use super::{Action, App, Mode};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use crate::domain::units::{self, Unit, UnitStanding};
use crate::i18n::units_view::{self, Pane};
use crate::store::Store;
use std::cell::Cell;
use std::path::PathBuf;

/// The view's side of the units.
#[derive(Debug, Default)]
pub struct Units {
    /// The plan's own store, beside which the units keep theirs (`STORE.units/`), as the
    /// command line named it: with `--unit` the store in view is a unit's, and a store behind
    /// a link is opened as the file it names. Empty: the store in view.
    pub plan_store: PathBuf,
    /// The screen, while it is open.
    pub screen: Option<UnitsScreen>,
}

/// The open units screen.
#[derive(Debug)]
pub struct UnitsScreen {
    /// Every registered unit and its own store, as read when the screen opened.
    pub units: Vec<(Unit, Store)>,
    /// The plan each unit is judged by, when it has its own targets (in the order of `units`).
    pub own_plans: Vec<Option<Plan>>,
    /// The period the rows are for: the period in view (the default one for the latest).
    pub period: Period,
    /// How each unit stands in `period`, in the order of `units`.
    pub rows: Vec<UnitStanding>,
    pub pane: Pane,
    /// The first line shown of the pane.
    pub scroll: usize,
    /// The last first line that still fills the pane, as the last frame found it.
    pub max_scroll: Cell<usize>,
}

impl UnitsScreen {
    fn new(units: Vec<(Unit, Store)>, own_plans: Vec<Option<Plan>>, app: &App) -> UnitsScreen {
        let mut screen = UnitsScreen {
            max_scroll: Cell::new(units.len()),
            units,
            own_plans,
            period: Period::Year,
            rows: Vec::new(),
            pane: Pane::Statuses,
            scroll: 0,
        };
        screen.assess(app, app.period_for_entry());
        screen
    }

    /// Works out each unit's standing in `period`.
    fn assess(&mut self, app: &App, period: Period) {
        self.period = period;
        // Each unit judged by its own targets where it has them, as `chitieu units` does; the
        // others by the plan's own, even when the view itself is a unit's.
        let plan = crate::domain::unit_targets::plan_itself(&app.plan);
        self.rows = self
            .units
            .iter()
            .zip(&self.own_plans)
            .map(|((_, store), own)| units::standing(own.as_ref().unwrap_or(&plan), store.ledger(), period))
            .collect();
    }
}

impl App {
    /// `U`: reads every unit's store and opens the screen; says why when they cannot be read.
    fn open_units(&mut self) {
        let plan_store = match self.units.plan_store.as_os_str().is_empty() {
            true => self.store.path().to_owned(),
            false => self.units.plan_store.clone(),
        };
        let opened = match crate::store::units::open_all(&plan_store, &self.plan) {
            Ok(opened) => opened,
            Err(e) => return self.warn(units_view::open_error(self.lang, &e)),
        };
        // From the plan itself: with `--unit` the view's plan has that unit's own targets.
        let plan = crate::domain::unit_targets::plan_itself(&self.plan);
        let mut own_plans = Vec::with_capacity(opened.len());
        for (unit, _) in &opened {
            let unit_store = crate::store::units::store_of(&plan_store, &unit.id);
            match crate::store::unit_targets::judged_plan(&plan, &unit_store, &unit.id) {
                Ok(own) => own_plans.push(own),
                Err(e) => return self.warn(crate::i18n::units_data::judge_error(self.lang, &unit.id, &e)),
            }
        }
        self.units.screen = Some(UnitsScreen::new(opened, own_plans, self));
        self.mode = Mode::Units;
    }

    /// `a`: the table shows the targets of the next lead agency the plan names, in the order
    /// they first appear; after the last, every agency again.
    fn next_agency(&mut self) {
        let agencies = units::agencies(&self.plan);
        let at = self.agency.as_deref().and_then(|a| agencies.iter().position(|x| *x == a));
        let next = match at {
            None => agencies.first(),
            Some(i) => agencies.get(i + 1),
        };
        self.agency = next.map(|a| (*a).to_owned());
        self.selected = 0;
        self.refilter();
    }
}

/// The keys of the browse mode this module answers: `U` and `a`.
pub(super) fn browse(app: &mut App, action: Action) {
    match action {
        Action::ShowUnits => app.open_units(),
        Action::CycleAgency => app.next_agency(),
        _ => {}
    }
}

/// A key on the units screen.
pub(super) fn update(app: &mut App, action: Action) {
    let Some(mut screen) = app.units.screen.take() else { return };
    let last = screen.max_scroll.get();
    match action {
        Action::Back | Action::Cancel | Action::ShowUnits => return,
        Action::Up => screen.scroll = screen.scroll.saturating_sub(1),
        Action::Down => screen.scroll = (screen.scroll + 1).min(last),
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(PAGE),
        Action::PageDown => screen.scroll = (screen.scroll + PAGE).min(last),
        Action::First => screen.scroll = 0,
        Action::Last => screen.scroll = last,
        Action::Scroll(by) => screen.scroll = screen.scroll.saturating_add_signed(by as isize).min(last),
        Action::NextGroup | Action::PrevGroup => {
            screen.pane = match screen.pane {
                Pane::Statuses => Pane::Totals,
                Pane::Totals => Pane::Statuses,
            };
            screen.scroll = 0;
            screen.max_scroll.set(usize::MAX);
        }
        // The period in view is the table's: it stays changed when the screen closes.
        Action::CyclePeriod | Action::PrevPeriod => super::update::browse(app, action),
        _ => {}
    }
    let period = app.period_for_entry();
    if period != screen.period {
        screen.assess(app, period);
    }
    app.units.screen = Some(screen);
    app.mode = Mode::Units;
}

/// Lines a page key scrolls (the pane is at least this high at the smallest screen).
const PAGE: usize = 10;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::app::tests::{app_at, settings};
    use crate::app::{ModeKind, SortBy, TABS, update};
    use crate::domain::ledger::{Entry, Kind};
    use crate::domain::progress::PeriodChoice;
    use crate::i18n::Lang;
    use std::path::Path;

    fn figure(id: &str, target: &str, period: Period, value: &str) -> Entry {
        let value = rust_decimal::Decimal::from_str_exact(value).expect("decimal");
        let time = jiff::Timestamp::from_second(1_719_800_000).expect("time");
        Entry::figure(id.into(), target, period, value, Kind::Official, "lan", time)
    }

    /// A unit to register: id, name, and its h1 figures as (target, value).
    pub(crate) type NewUnit<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    /// Registers units beside the plan's store `store`, each with its own h1 figures.
    pub(crate) fn register(store: &Path, units: &[NewUnit]) {
        let plan = crate::domain::plan::Plan::embedded();
        for (id, name, figures) in units {
            let unit = Unit { id: (*id).into(), name: (*name).into() };
            crate::store::units::add(store, unit).expect("unit added");
            let mut unit_store =
                Store::open(&crate::store::units::store_of(store, id), &plan).expect("unit store");
            let entries =
                figures.iter().enumerate().map(|(n, (t, v))| figure(&format!("{id}-{n}"), t, Period::H1, v));
            unit_store.save(&plan, entries.collect()).expect("saved");
        }
    }

    fn app() -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut app = app_at(&dir.path().join("store.json"), settings(Lang::Vi));
        app.period = PeriodChoice::Fixed(Period::H1);
        app.recompute();
        (dir, app)
    }

    #[test]
    fn u_reads_the_units_when_it_opens_and_esc_lets_them_go() {
        let (dir, mut app) = app();
        let store = dir.path().join("store.json");
        register(
            &store,
            &[("xa-my-an", "Xã Mỹ An", &[("3", "1200"), ("1", "7.1")]), ("phuong-1", "Phường 1", &[])],
        );
        assert!(app.units.screen.is_none(), "nothing is read before the screen opens");
        update(&mut app, Action::ShowUnits);
        assert_eq!(app.mode_kind(), ModeKind::Units);
        let screen = app.units.screen.as_ref().expect("open");
        let ids: Vec<&str> = screen.units.iter().map(|(u, _)| u.id.as_str()).collect();
        assert_eq!(ids, ["xa-my-an", "phuong-1"]);
        assert_eq!(screen.period, Period::H1);
        let due = units::due(&app.plan, Period::H1).count();
        assert_eq!(screen.rows[0].completeness, units::Completeness { reported: 2, expected: due });
        assert_eq!(screen.rows[1].completeness, units::Completeness { reported: 0, expected: due });
        // A figure entered at a unit after the screen opened shows when it opens again.
        register(&store, &[("xa-moi", "Xã Mới", &[("3", "5")])]);
        update(&mut app, Action::Back);
        assert_eq!((app.mode_kind(), app.units.screen.is_none()), (ModeKind::Browse, true));
        update(&mut app, Action::ShowUnits);
        assert_eq!(app.units.screen.as_ref().map(|s| s.units.len()), Some(3));
        assert!(
            app.store.ledger().current("3", Period::H1).is_none(),
            "no unit's figure in the province's store"
        );
    }

    #[test]
    fn the_period_key_assesses_the_units_again_and_tab_shows_the_totals() {
        let (dir, mut app) = app();
        register(&dir.path().join("store.json"), &[("xa-my-an", "Xã Mỹ An", &[("3", "1200")])]);
        update(&mut app, Action::ShowUnits);
        update(&mut app, Action::CyclePeriod);
        let screen = app.units.screen.as_ref().expect("open");
        assert_eq!(
            (screen.period, app.period),
            (Period::NineMonths, PeriodChoice::Fixed(Period::NineMonths))
        );
        assert_eq!(screen.rows[0].completeness.reported, 0, "the unit has no 9-month figure");
        update(&mut app, Action::NextGroup);
        assert_eq!(app.units.screen.as_ref().map(|s| s.pane), Some(Pane::Totals));
        update(&mut app, Action::ShowUnits);
        assert_eq!(app.mode_kind(), ModeKind::Browse, "U closes the screen too");
    }

    #[test]
    fn an_unreadable_list_of_units_is_said_and_the_table_stays() {
        let (dir, mut app) = app();
        let store = dir.path().join("store.json");
        std::fs::create_dir_all(crate::store::units::dir(&store)).expect("dir");
        let list = crate::store::units::dir(&store).join("units.json");
        std::fs::write(&list, "{not json").expect("written");
        update(&mut app, Action::ShowUnits);
        assert_eq!(app.mode_kind(), ModeKind::Browse);
        let message = app.message.as_ref().expect("said why");
        assert!(message.error && message.text.contains("units.json"), "{}", message.text);
        assert_eq!(std::fs::read_to_string(&list).expect("kept"), "{not json", "never overwritten");
    }

    #[test]
    fn an_unreadable_units_store_is_named_and_nothing_opens() {
        let (dir, mut app) = app();
        let store = dir.path().join("store.json");
        register(&store, &[("xa-a", "Xã A", &[("3", "1")]), ("xa-b", "Xã B", &[]), ("xa-c", "Xã C", &[])]);
        let broken = crate::store::units::store_of(&store, "xa-b");
        std::fs::write(&broken, "{\"format\": ").expect("written");
        update(&mut app, Action::ShowUnits);
        assert_eq!(app.mode_kind(), ModeKind::Browse);
        let message = app.message.as_ref().expect("said why");
        assert!(message.error && message.text.contains("xa-b"), "{}", message.text);
        assert_eq!(std::fs::read_to_string(&broken).expect("kept"), "{\"format\": ");
    }

    /// A unit with its own revenue target (100 tỷ đồng) is judged by it, as `chitieu units`
    /// judges it: 60 by h1 is on track for it, far behind the province's 9.266.
    #[test]
    fn a_unit_with_its_own_targets_is_judged_by_them() {
        use crate::domain::status::Status;
        use crate::domain::unit_targets::{OwnTarget, OwnTargets};
        let (dir, mut app) = app();
        let store = dir.path().join("store.json");
        register(&store, &[("xa-a", "Xã A", &[("3", "60")]), ("xa-b", "Xã B", &[("3", "60")])]);
        let own = OwnTargets {
            plan: app.plan.id.clone(),
            unit: "xa-a".into(),
            targets: vec![OwnTarget {
                id: "3".into(),
                target: Some(rust_decimal::Decimal::from(100)),
                target_min: None,
                target_max: None,
            }],
        };
        crate::store::unit_targets::write(&crate::store::units::store_of(&store, "xa-a"), &own).expect("own");
        update(&mut app, Action::ShowUnits);
        let screen = app.units.screen.as_ref().expect("open");
        let count = |row: &UnitStanding, status: Status| {
            Status::ALL.iter().position(|s| *s == status).map_or(0, |i| row.statuses[i])
        };
        assert_eq!(count(&screen.rows[0], Status::OnTrack), 1, "xa-a by its own 100");
        assert_eq!(count(&screen.rows[1], Status::Behind), 1, "xa-b by the province's 9.266");
    }

    #[test]
    fn a_keeps_one_lead_agency_and_the_sort_groups_by_agency() {
        let (_dir, mut app) = app();
        app.tab = TABS - 1;
        app.refilter();
        update(&mut app, Action::CycleAgency);
        assert_eq!(app.agency.as_deref(), Some("Cục Thống kê tỉnh"));
        let shown = |app: &App| -> Vec<String> {
            app.visible.iter().map(|i| app.plan.targets[*i].id.clone()).collect()
        };
        assert_eq!(shown(&app), ["1", "2"]);
        update(&mut app, Action::CycleAgency);
        assert_eq!((app.agency.as_deref(), shown(&app)), (Some("Sở Tài chính"), vec!["3".to_owned()]));
        for _ in 0..units::agencies(&app.plan).len() - 1 {
            update(&mut app, Action::CycleAgency);
        }
        assert_eq!(app.agency, None, "after the last agency, all of them again");
        assert_eq!(app.visible.len(), app.plan.targets.len());
        while app.sort != SortBy::Agency {
            update(&mut app, Action::CycleSort);
        }
        let order: Vec<String> = shown(&app);
        let agency_of = |id: &str| app.plan.target(id).and_then(|t| t.agency.clone()).unwrap_or_default();
        let mut runs: Vec<String> = order.iter().map(|id| agency_of(id)).collect();
        runs.dedup();
        assert_eq!(runs.len(), units::agencies(&app.plan).len(), "each agency's targets together: {order:?}");
        assert_eq!(order[..3], ["1", "2", "3"]);
    }

    /// Each unit is judged by its own targets where it has them, by the plan's otherwise, even
    /// when the view itself is a unit's (whose own targets are then the view's plan).
    #[test]
    fn each_unit_is_judged_by_its_own_targets_on_the_units_screen() {
        use crate::domain::status::Status;
        use crate::domain::unit_targets::{OwnTarget, OwnTargets, apply};
        let (dir, mut app) = app();
        let store = dir.path().join("store.json");
        // GRDP growth 7,1 % in h1 at both; the plan asks for 8 % (behind).
        register(
            &store,
            &[("xa-my-an", "Xã Mỹ An", &[("1", "7.1")]), ("phuong-1", "Phường 1", &[("1", "7.1")])],
        );
        let plan_id = app.plan.id.clone();
        let own = |unit: &str, value: &str| OwnTargets {
            plan: plan_id.clone(),
            unit: unit.into(),
            targets: vec![OwnTarget {
                id: "1".into(),
                target: rust_decimal::Decimal::from_str_exact(value).ok(),
                target_min: None,
                target_max: None,
            }],
        };
        let my_an = own("xa-my-an", "7");
        crate::store::unit_targets::write(&crate::store::units::store_of(&store, "xa-my-an"), &my_an)
            .expect("own targets written");
        let key_1 =
            |app: &App, row: usize| app.units.screen.as_ref().expect("open").rows[row].key_statuses[0];

        update(&mut app, Action::ShowUnits);
        assert_eq!(key_1(&app, 0), Status::OnTrack, "7,1 % against its own 7 %");
        assert_eq!(key_1(&app, 1), Status::Behind, "the plan's 8 %");
        update(&mut app, Action::Back);

        // The view of a third unit whose own target for 1 is 6 %: the others keep theirs.
        app.plan = apply(&app.plan, "xa-khac", &own("xa-khac", "6")).expect("fits");
        update(&mut app, Action::ShowUnits);
        assert_eq!(key_1(&app, 0), Status::OnTrack);
        assert_eq!(key_1(&app, 1), Status::Behind, "not judged by the view's unit's 6 %");
    }
}
