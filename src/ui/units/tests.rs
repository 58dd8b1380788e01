//! The units screen and the agency filter as insta snapshots, at 80×24 and a larger size, in
//! both languages, in ASCII, and with more units than lines.

use crate::app::units::tests::{NewUnit, register};
use crate::app::{self, Action, App, SortBy};
use crate::domain::period::Period;
use crate::domain::progress::PeriodChoice;
use crate::i18n::Lang;
use crate::ui::tests::{draw, fixture, text};

/// The fixture's store (figures for h1) with three units beside it: one with revenue, growth
/// and new cooperatives, one with revenue and investment, one with nothing yet.
fn with_units(lang: Lang, ascii: bool) -> (tempfile::TempDir, App) {
    let (dir, mut app) = fixture(lang, false, ascii);
    register(
        &dir.path().join("store.json"),
        &[
            ("xa-my-an", "Xã Mỹ An", &[("3", "1200"), ("1", "7.1"), ("11", "2")]),
            ("phuong-1", "Phường 1", &[("3", "800.5"), ("4", "10")]),
            ("xa-dong-hoa", "Xã Đông Hoà", &[]),
        ],
    );
    app.period = PeriodChoice::Fixed(Period::H1);
    app.recompute();
    (dir, app)
}

fn screen(lang: Lang, ascii: bool, width: u16, height: u16, keys: &[Action]) -> String {
    let (_dir, mut app) = with_units(lang, ascii);
    for key in keys {
        app::update(&mut app, *key);
    }
    text(&draw(&mut app, width, height))
}

#[test]
fn units_vi_80x24() {
    insta::assert_snapshot!(screen(Lang::Vi, false, 80, 24, &[Action::ShowUnits]));
}

#[test]
fn units_en_80x24() {
    insta::assert_snapshot!(screen(Lang::En, false, 80, 24, &[Action::ShowUnits]));
}

#[test]
fn units_vi_120x40() {
    insta::assert_snapshot!(screen(Lang::Vi, false, 120, 40, &[Action::ShowUnits]));
}

#[test]
fn units_en_120x40() {
    insta::assert_snapshot!(screen(Lang::En, false, 120, 40, &[Action::ShowUnits]));
}

#[test]
fn units_ascii_80x24() {
    let shown = screen(Lang::Vi, true, 80, 24, &[Action::ShowUnits]);
    let odd: String = shown.chars().filter(|c| !c.is_ascii() && !c.is_alphanumeric()).collect();
    assert!(odd.is_empty(), "{odd:?}\n{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn units_totals_vi_80x24() {
    insta::assert_snapshot!(screen(Lang::Vi, false, 80, 24, &[Action::ShowUnits, Action::NextGroup]));
}

#[test]
fn units_totals_en_120x40() {
    insta::assert_snapshot!(screen(Lang::En, false, 120, 40, &[Action::ShowUnits, Action::NextGroup]));
}

/// The units' total of revenue (1.200 + 800,5) stands beside the province's own 4.700.
#[test]
fn the_units_total_stands_beside_the_provinces_figure() {
    let shown = screen(Lang::Vi, false, 80, 24, &[Action::ShowUnits, Action::NextGroup]);
    let revenue = shown.lines().find(|l| l.starts_with("3 ")).expect("revenue's line");
    assert!(revenue.contains("4.700") && revenue.contains("2.000,5") && revenue.contains("2/3"), "{revenue}");
    assert!(!shown.lines().any(|l| l.starts_with("1 ")), "a growth rate is never summed:\n{shown}");
}

#[test]
fn units_none_vi_80x24() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    app::update(&mut app, Action::ShowUnits);
    let shown = text(&draw(&mut app, 80, 24));
    assert!(shown.contains("chitieu unit add"), "{shown}");
    insta::assert_snapshot!(shown);
}

/// More units than lines: the screen scrolls, and the sums stay in view.
#[test]
fn units_scrolled_vi_80x24() {
    let (dir, mut app) = fixture(Lang::Vi, false, false);
    let names: Vec<(String, String)> =
        (1..=30).map(|n| (format!("xa-{n:02}"), format!("Xã số {n}"))).collect();
    let units: Vec<NewUnit> =
        names.iter().map(|(id, name)| (id.as_str(), name.as_str(), &[("3", "10")][..])).collect();
    register(&dir.path().join("store.json"), &units);
    app::update(&mut app, Action::ShowUnits);
    let top = text(&draw(&mut app, 80, 24));
    assert!(top.contains("Xã số 1 ") && !top.contains("Xã số 30"), "{top}");
    app::update(&mut app, Action::Last);
    let bottom = text(&draw(&mut app, 80, 24));
    assert!(bottom.contains("Xã số 30") && bottom.contains("Cộng (số lượng)"), "{bottom}");
    app::update(&mut app, Action::Up);
    let up = text(&draw(&mut app, 80, 24));
    assert_ne!(up, bottom, "one key up moves the list at once from the end");
    insta::assert_snapshot!(bottom);
}

#[test]
fn agency_vi_80x24() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    app.tab = app::TABS - 1;
    app.refilter();
    for _ in 0..3 {
        app::update(&mut app, Action::CycleAgency);
    }
    let shown = text(&draw(&mut app, 80, 24));
    assert!(shown.contains("Cơ quan chủ trì: Sở Kế hoạch và Đầu tư"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn agency_en_120x40() {
    let (_dir, mut app) = fixture(Lang::En, false, false);
    app.tab = app::TABS - 1;
    app.refilter();
    app::update(&mut app, Action::CycleAgency);
    insta::assert_snapshot!(text(&draw(&mut app, 120, 40)));
}

#[test]
fn by_agency_vi_120x40() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    app.tab = app::TABS - 1;
    app.refilter();
    while app.sort != SortBy::Agency {
        app::update(&mut app, Action::CycleSort);
    }
    insta::assert_snapshot!(text(&draw(&mut app, 120, 40)));
}

/// Every size down to 1×1 draws the units screen without a panic.
#[test]
fn the_units_screen_draws_at_every_size() {
    for pane in [false, true] {
        let (_dir, mut app) = with_units(Lang::Vi, false);
        app::update(&mut app, Action::ShowUnits);
        if pane {
            app::update(&mut app, Action::NextGroup);
        }
        for width in (1..=130).step_by(7).chain([59, 60, 61]) {
            for height in (1..=45).step_by(4).chain([14, 15, 16]) {
                draw(&mut app, width, height);
            }
        }
    }
}
