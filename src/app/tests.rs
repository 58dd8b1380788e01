//! `update` for every action, without a terminal: the store is a temporary file.

use super::*;
use crate::domain::ledger::Kind;
use crate::domain::status::Status;
use crate::i18n::ViewText;
use rust_decimal::Decimal;

pub(crate) fn settings(lang: Lang) -> Settings {
    Settings {
        lang,
        ascii: false,
        colour: true,
        read_only: false,
        user: "lan".into(),
        today: jiff::civil::date(2024, 5, 10),
        tz: jiff::tz::TimeZone::UTC,
    }
}

pub(crate) fn app_at(path: &std::path::Path, settings: Settings) -> App {
    let plan = Plan::embedded();
    let store = Store::open(path, &plan).expect("store");
    let mut app = App::new(plan, store, settings);
    app.store_label = "/srv/chitieu/store.json".into();
    app
}

fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = app_at(&dir.path().join("store.json"), settings(Lang::Vi));
    (dir, app)
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn typed(app: &mut App, text: &str) {
    run(app, text.chars().map(Action::Input));
}

fn selected_id(app: &App) -> &str {
    app.selected_target().map_or("", |t| t.id.as_str())
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Edit(form) => form,
        other => panic!("not editing: {other:?}"),
    }
}

fn select(app: &mut App, id: &str) {
    app.tab = TABS - 1;
    app.refilter();
    app.selected = app.visible.iter().position(|i| app.plan.targets[*i].id == id).expect("visible");
}

fn save_value(app: &mut App, id: &str, value: &str) {
    select(app, id);
    update(app, Action::Edit);
    typed(app, value);
    update(app, Action::Confirm);
    assert_eq!(app.mode, Mode::Browse, "{:?}", app.message);
}

#[test]
fn moving_stays_inside_the_rows() {
    let (_dir, mut app) = app();
    assert_eq!(app.tab, 0);
    assert_eq!(app.visible.len(), 11, "the economic group");
    run(&mut app, [Action::Down, Action::Down]);
    assert_eq!(selected_id(&app), "3");
    update(&mut app, Action::Up);
    assert_eq!(selected_id(&app), "2");
    run(&mut app, [Action::Up, Action::Up, Action::Up]);
    assert_eq!(app.selected, 0);
    update(&mut app, Action::Last);
    assert_eq!(app.selected, 10);
    update(&mut app, Action::Down);
    assert_eq!(app.selected, 10);
    update(&mut app, Action::First);
    assert_eq!(app.selected, 0);
    update(&mut app, Action::Scroll(3));
    assert_eq!(app.selected, 3);
    update(&mut app, Action::Scroll(-30));
    assert_eq!(app.selected, 0);
    app.hits.set(Hits { table: Rect::new(0, 5, 80, 4), ..Hits::default() });
    update(&mut app, Action::PageDown);
    assert_eq!(app.selected, 4);
    update(&mut app, Action::PageUp);
    assert_eq!(app.selected, 0);
}

#[test]
fn groups_switch_both_ways_and_wrap() {
    let (_dir, mut app) = app();
    update(&mut app, Action::NextGroup);
    assert_eq!((app.tab, selected_id(&app)), (1, "6"));
    update(&mut app, Action::PrevGroup);
    update(&mut app, Action::PrevGroup);
    assert_eq!(app.tab, TABS - 1);
    assert_eq!(app.visible.len(), app.plan.targets.len());
    update(&mut app, Action::NextGroup);
    assert_eq!(app.tab, 0);
}

#[test]
fn clicks_select_rows_and_tabs() {
    let (_dir, mut app) = app();
    let mut tabs = [(0, 0); TABS];
    tabs[2] = (30, 42);
    app.hits.set(Hits { table: Rect::new(0, 5, 80, 8), offset: 0, tabs_y: 2, tabs, cursor: None });
    update(&mut app, Action::Click { column: 10, row: 7 });
    assert_eq!(selected_id(&app), "3");
    update(&mut app, Action::Click { column: 10, row: 30 });
    assert_eq!(selected_id(&app), "3", "a click outside the table changes nothing");
    update(&mut app, Action::Click { column: 35, row: 2 });
    assert_eq!(app.tab, 2);
}

#[test]
fn the_detail_zooms_in_and_out() {
    let (_dir, mut app) = app();
    update(&mut app, Action::ToggleDetail);
    assert!(app.detail_zoom);
    update(&mut app, Action::ToggleDetail);
    assert!(!app.detail_zoom);
}

#[test]
fn the_text_filter_ignores_diacritics() {
    let (_dir, mut app) = app();
    update(&mut app, Action::StartFilter);
    assert_eq!(app.mode, Mode::Filter);
    typed(&mut app, "ngan sachx");
    assert!(app.visible.is_empty());
    update(&mut app, Action::Backspace);
    let ids: Vec<_> = app.visible.iter().map(|i| app.plan.targets[*i].id.as_str()).collect();
    assert_eq!(ids, ["3"]);
    run(&mut app, [Action::Left, Action::Left, Action::Input('x'), Action::Right]);
    assert_eq!(app.filter.text, "ngan saxch");
    run(&mut app, [Action::Left, Action::Backspace]);
    assert_eq!(app.filter.text, "ngan sach");
    update(&mut app, Action::Confirm);
    assert_eq!((app.mode.kind(), app.visible.len()), (ModeKind::Browse, 1));
    update(&mut app, Action::StartFilter);
    update(&mut app, Action::Cancel);
    assert_eq!((app.filter.text.as_str(), app.visible.len()), ("", 11));
}

#[test]
fn escape_clears_every_filter() {
    let (_dir, mut app) = app();
    app.filter.text = "GRDP".into();
    run(&mut app, [Action::CycleStatusFilter]);
    update(&mut app, Action::Back);
    assert_eq!((app.filter.text.as_str(), app.status_filter, app.visible.len()), ("", None, 11));
}

#[test]
fn the_status_filter_offers_the_useful_views_first_and_skips_empty_statuses() {
    let (_dir, mut app) = app();
    save_value(&mut app, "3", "4.500");
    save_value(&mut app, "1", "8,5");
    app.tab = 0;
    app.refilter();
    let mut seen = Vec::new();
    for _ in 0..5 {
        update(&mut app, Action::CycleStatusFilter);
        seen.push((app.status_filter, app.visible.len()));
    }
    assert_eq!(seen[0], (Some(StatusFilter::Short), 1), "4.500 of 9.266 × 50 % is at risk");
    assert_eq!(seen[1], (Some(StatusFilter::NoData), 9));
    assert_eq!(seen[2], (Some(StatusFilter::Only(Status::AtRisk)), 1), "no row is behind: not offered");
    assert_eq!(seen[3], (Some(StatusFilter::Only(Status::OnTrack)), 1), "8,5 % growth is ahead of 8,0");
    assert_eq!(seen[4], (None, 11), "no target achieved: not offered");
}

#[test]
fn escape_backs_out_one_level() {
    let (_dir, mut app) = app();
    run(&mut app, [Action::CycleStatusFilter, Action::ToggleDetail]);
    assert_eq!(app.mode_kind(), ModeKind::Detail);
    update(&mut app, Action::Back);
    assert_eq!(app.mode_kind(), ModeKind::Browse, "the detail goes back to the table");
    assert!(app.status_filter.is_some(), "and keeps the filter");
    update(&mut app, Action::Back);
    assert_eq!(app.status_filter, None, "in the table Esc clears the filters");
    update(&mut app, Action::Edit);
    update(&mut app, Action::Cancel);
    assert_eq!(app.mode_kind(), ModeKind::Browse, "the form goes back to the table");
}

#[test]
fn ctrl_u_erases_the_filter_line() {
    let (_dir, mut app) = app();
    update(&mut app, Action::StartFilter);
    typed(&mut app, "ngan sach");
    update(&mut app, Action::ClearLine);
    assert_eq!((app.filter.text.as_str(), app.filter.cursor, app.visible.len()), ("", 0, 11));
    assert_eq!(app.mode, Mode::Filter, "still typing");
}

#[test]
fn the_sort_cycles_worst_status_first_then_lowest_percent_then_plan_order() {
    let (_dir, mut app) = app();
    save_value(&mut app, "3", "4.500");
    save_value(&mut app, "1", "7");
    app.tab = 0;
    app.refilter();
    let ids = |app: &App| -> Vec<String> {
        app.visible.iter().take(4).map(|i| app.plan.targets[*i].id.clone()).collect()
    };
    assert_eq!(ids(&app), ["1", "2", "3", "4"]);
    update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, SortBy::Status);
    assert_eq!(ids(&app), ["1", "3", "2", "4"], "7 of 8 % is behind, 4.500 of 4.633 at risk, then no data");
    update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, SortBy::Percent);
    assert_eq!(ids(&app), ["3", "1", "2", "4"], "48,6 % and 87,5 % of the year's plan, then no figure");
    update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, SortBy::Agency);
    update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, SortBy::Plan);
}

#[test]
fn g_and_shift_g_and_the_period_backwards() {
    let (_dir, mut app) = app();
    update(&mut app, Action::Last);
    assert_eq!(app.selected, 10);
    update(&mut app, Action::First);
    assert_eq!(app.selected, 0);
    update(&mut app, Action::PrevPeriod);
    assert_eq!(app.period, PeriodChoice::Fixed(Period::Year));
    update(&mut app, Action::PrevPeriod);
    assert_eq!(app.period, PeriodChoice::Fixed(Period::NineMonths));
    update(&mut app, Action::CyclePeriod);
    update(&mut app, Action::CyclePeriod);
    assert_eq!(app.period, PeriodChoice::Latest);
}

#[test]
fn messages_go_at_the_next_key_or_after_a_few_refreshes() {
    let (_dir, mut app) = app();
    save_value(&mut app, "3", "9.500");
    assert!(app.message.as_ref().is_some_and(|m| m.text.starts_with("Đã lưu")));
    update(&mut app, Action::Down);
    assert_eq!(app.message, None, "a key clears what the last one said");
    update(&mut app, Action::Edit);
    update(&mut app, Action::Cancel);
    assert!(app.message.is_some());
    for tick in 1..MESSAGE_TICKS {
        assert!(!update(&mut app, Action::Refresh), "tick {tick}");
        assert!(app.message.is_some(), "tick {tick}");
    }
    assert!(update(&mut app, Action::Refresh), "the message fades: redraw");
    assert_eq!(app.message, None);
    // An error stays until a key.
    update(&mut app, Action::Undo);
    update(&mut app, Action::Undo);
    app.read_only = true;
    update(&mut app, Action::Undo);
    for _ in 0..MESSAGE_TICKS + 1 {
        update(&mut app, Action::Refresh);
    }
    assert!(app.message.as_ref().is_some_and(|m| m.error));
}

#[test]
fn the_period_cycles_and_changes_the_figures() {
    let (_dir, mut app) = app();
    save_value(&mut app, "3", "4.633");
    let status_of_3 = |app: &App| app.rows().iter().find(|r| r.target.id == "3").map(|r| r.status);
    assert_eq!(app.period, PeriodChoice::Latest);
    assert_eq!(status_of_3(&app), Some(Status::OnTrack), "half of 9.266 by mid-year");
    let mut seen = Vec::new();
    for _ in 0..5 {
        update(&mut app, Action::CyclePeriod);
        seen.push(app.period);
    }
    assert_eq!(seen[..4], Period::THIS_YEAR.map(PeriodChoice::Fixed));
    assert_eq!(seen[4], PeriodChoice::Latest);
    app.period = PeriodChoice::Fixed(Period::Year);
    assert_eq!(status_of_3(&app), Some(Status::NoData));
}

#[test]
fn m_shows_who_has_not_reported_and_esc_closes_it() {
    let (_dir, mut app) = app();
    let m = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('m'),
        crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(crate::app::keymap::resolve(app.mode_kind(), m), Some(Action::ShowMissing));
    update(&mut app, Action::ShowMissing);
    assert_eq!(app.mode, Mode::Missing);
    run(&mut app, [Action::Down, Action::Down]);
    assert_eq!(app.mode, Mode::Missing, "it scrolls like the help page");
    update(&mut app, Action::Cancel);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let (_dir, mut app) = app();
    update(&mut app, Action::ShowHelp);
    assert_eq!(app.mode, Mode::Help);
    run(&mut app, [Action::Down, Action::Down, Action::Up, Action::Scroll(3)]);
    assert_eq!(app.help_scroll, 4);
    update(&mut app, Action::Quit);
    assert!(app.quit, "Ctrl-C quits from the help page too");
    app.quit = false;
    update(&mut app, Action::Cancel);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn an_edit_is_on_disk_before_the_footer_says_saved() {
    let (dir, mut app) = app();
    select(&mut app, "3");
    update(&mut app, Action::Edit);
    let f = form(&app);
    assert_eq!((f.period, f.kind, f.focus), (Period::H1, Kind::Estimate, FormField::Value));
    typed(&mut app, "9.500");
    run(&mut app, [Action::NextField, Action::NextField, Action::NextField]);
    assert_eq!(form(&app).focus, FormField::Note);
    typed(&mut app, "Sở Tài chính");
    update(&mut app, Action::Confirm);
    assert_eq!(app.mode, Mode::Browse);
    let message = app.message.clone().expect("message");
    assert_eq!(message.text, "Đã lưu: 3 · 6 tháng · 9.500 tỷ đồng");
    assert!(!message.error);
    let reopened = Store::open(&dir.path().join("store.json"), &app.plan).expect("reopen");
    let entry = reopened.ledger().current("3", Period::H1).expect("saved");
    assert_eq!((entry.value, entry.kind), (Decimal::from(9500), Kind::Estimate));
    assert_eq!((entry.author.as_str(), entry.note.as_str()), ("lan", "Sở Tài chính"));
}

#[test]
fn a_number_that_would_be_misread_is_refused() {
    let (_dir, mut app) = app();
    select(&mut app, "1");
    update(&mut app, Action::Edit);
    typed(&mut app, "8.2");
    update(&mut app, Action::Confirm);
    let error = form(&app).error.clone().expect("refused");
    assert!(error.contains("8,2"), "{error}");
    assert!(app.store.ledger().is_empty());
    update(&mut app, Action::Backspace);
    assert_eq!(form(&app).error, None, "typing clears the reason");
}

#[test]
fn a_failed_save_keeps_the_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let place = dir.path().join("shared");
    std::fs::create_dir(&place).expect("mkdir");
    let mut app = app_at(&place.join("store.json"), settings(Lang::Vi));
    // The shared folder disappears and a file takes its name: nothing can be written there.
    std::fs::remove_dir(&place).expect("rmdir");
    std::fs::write(&place, "").expect("write");
    select(&mut app, "3");
    update(&mut app, Action::Edit);
    typed(&mut app, "9.500");
    update(&mut app, Action::Confirm);
    let f = form(&app);
    assert_eq!(f.value.text, "9.500", "the figure is still there for another try");
    assert!(f.error.as_deref().is_some_and(|e| e.starts_with("Chưa lưu được")), "{:?}", f.error);
    assert!(app.message.as_ref().is_some_and(|m| m.error));
}

#[test]
fn the_form_moves_between_fields_and_choices() {
    let (_dir, mut app) = app();
    select(&mut app, "3");
    update(&mut app, Action::Edit);
    update(&mut app, Action::PrevField);
    assert_eq!(form(&app).focus, FormField::Note);
    run(&mut app, [Action::NextField, Action::NextField]);
    assert_eq!(form(&app).focus, FormField::Period);
    run(&mut app, [Action::Right, Action::Right]);
    assert_eq!(form(&app).period, Period::Year);
    run(&mut app, [Action::Right, Action::Left]);
    assert_eq!(form(&app).period, Period::Year, "wraps round");
    update(&mut app, Action::NextField);
    update(&mut app, Action::Right);
    assert_eq!(form(&app).kind, Kind::Official);
    update(&mut app, Action::Input(' '));
    assert_eq!(form(&app).kind, Kind::Estimate);
    update(&mut app, Action::Cancel);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.store.ledger().is_empty(), "cancel saves nothing");
}

#[test]
fn typing_is_composed_and_erased_by_grapheme() {
    let (_dir, mut app) = app();
    select(&mut app, "3");
    update(&mut app, Action::Edit);
    app.mode = match std::mem::replace(&mut app.mode, Mode::Browse) {
        Mode::Edit(mut f) => {
            f.focus = FormField::Note;
            Mode::Edit(f)
        }
        other => other,
    };
    // A decomposed "Việt" as some input methods send it.
    typed(&mut app, "Vie\u{0323}\u{0302}t");
    assert_eq!(form(&app).note.text, "Việt");
    assert_eq!(form(&app).note.text.chars().count(), 4);
    run(&mut app, [Action::Left, Action::Backspace]);
    assert_eq!(form(&app).note.text, "Vit");
    run(&mut app, [Action::Home, Action::Delete]);
    assert_eq!(form(&app).note.text, "it");
    run(&mut app, [Action::End, Action::Input('\u{202E}'), Action::Input('!')]);
    assert_eq!(form(&app).note.text, "it!", "bidi controls never get in");
}

#[test]
fn edits_are_refused_where_they_cannot_be_made() {
    let (_dir, mut app) = app();
    select(&mut app, "10");
    update(&mut app, Action::Edit);
    assert_eq!(app.mode, Mode::Browse, "a heading has no figure of its own");
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some(ViewText::HeadingHasParts.get(Lang::Vi)));

    select(&mut app, "3");
    update(&mut app, Action::Resize { width: 40, height: 10 });
    assert!(app.too_small());
    update(&mut app, Action::Edit);
    assert_eq!(app.mode, Mode::Browse, "no edits on a screen too small to show the form");
    update(&mut app, Action::Resize { width: 80, height: 24 });
    assert!(!app.too_small());

    app.read_only = true;
    update(&mut app, Action::Edit);
    update(&mut app, Action::Undo);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some(ViewText::ReadOnlyRefused.get(Lang::Vi)));
}

#[test]
fn undo_withdraws_the_selected_rows_figure_only_after_a_yes_and_keeps_history() {
    let (_dir, mut app) = app();
    select(&mut app, "3");
    update(&mut app, Action::Undo);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Chỉ tiêu 3 chưa có số liệu nào để rút lại")
    );
    save_value(&mut app, "3", "4.500");
    save_value(&mut app, "3", "45.000");
    save_value(&mut app, "1", "7,5");
    // The latest entry overall is target 1's; `u` on target 3 withdraws target 3's figure.
    select(&mut app, "3");
    update(&mut app, Action::Undo);
    assert_eq!(app.mode.kind(), ModeKind::Confirm);
    update(&mut app, Action::Cancel);
    assert_eq!(app.store.ledger().current("3", Period::H1).map(|e| e.value), Some(Decimal::from(45000)));
    update(&mut app, Action::Undo);
    update(&mut app, Action::Down);
    assert_eq!(app.mode.kind(), ModeKind::Confirm, "other keys leave the question open");
    update(&mut app, Action::Confirm);
    assert_eq!(app.store.ledger().current("3", Period::H1).map(|e| e.value), Some(Decimal::from(4500)));
    assert_eq!(app.store.ledger().current("1", Period::H1).map(|e| e.value), Some(Decimal::new(75, 1)));
    assert_eq!(app.store.ledger().history(Some("3")).count(), 3);
    assert!(app.message.as_ref().is_some_and(|m| m.text.starts_with("Đã rút lại: 3 · 6 tháng · 45.000")));
    // With a period in view, `u` is for that period's figure.
    update(&mut app, Action::CyclePeriod);
    assert_eq!(app.period, PeriodChoice::Fixed(Period::Q1));
    update(&mut app, Action::Undo);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Chỉ tiêu 3 chưa có số liệu quý I để rút lại")
    );
}

#[test]
fn colleagues_entries_appear_on_refresh() {
    let (dir, mut app) = app();
    assert!(!update(&mut app, Action::Refresh), "nothing changed, nothing to draw");
    let mut colleague = Store::open(&dir.path().join("store.json"), &app.plan).expect("store");
    let mut entry = crate::domain::ledger::tests::entry("x1", "3", Period::H1, "5000", 0);
    entry.author = "minh".into();
    colleague.save(&app.plan, vec![entry]).expect("save");
    assert!(update(&mut app, Action::Refresh));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Đã nhận thêm 1 mục số liệu do người khác nhập.")
    );
    assert_eq!(app.store.ledger().current("3", Period::H1).map(|e| e.value), Some(Decimal::from(5000)));
}

#[test]
fn redraw_resize_and_quit() {
    let (_dir, mut app) = app();
    assert!(update(&mut app, Action::Redraw));
    assert!(update(&mut app, Action::Resize { width: 1, height: 1 }));
    assert_eq!(app.size, (1, 1));
    assert!(!app.quit);
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn the_form_questions_a_sharp_change_and_refuses_a_closed_period() {
    let (_dir, mut app) = app();
    let plan = app.plan.clone();
    let minh = crate::ops::Actor::new("minh", jiff::Timestamp::now());
    let q1 =
        Entry::figure(minh.new_id(), "3", Period::Q1, Decimal::from(2000), Kind::Official, "minh", minh.now);
    app.store.save(&plan, vec![q1]).expect("save");
    // h1 is the default period on 10 May; 46.330 is ten times q1's pace.
    select(&mut app, "3");
    update(&mut app, Action::Edit);
    typed(&mut app, "46.330");
    update(&mut app, Action::Confirm);
    let warning = form(&app).error.clone().unwrap_or_default();
    assert!(warning.contains("46.330 (6 tháng)") && warning.contains("Enter"), "{warning}");
    assert_eq!(app.store.ledger().len(), 1, "nothing saved yet");
    update(&mut app, Action::Confirm);
    assert_eq!(app.mode, Mode::Browse, "Enter again takes it: {:?}", app.message);
    assert_eq!(app.store.ledger().current("3", Period::H1).map(|e| e.value), Some(Decimal::from(46_330)));

    let close = crate::domain::rounds::entry(
        crate::domain::ledger::RoundAction::ClosePeriod,
        Period::H1,
        "minh",
        jiff::Timestamp::now(),
    );
    app.store.save(&plan, vec![close]).expect("save");
    update(&mut app, Action::Edit);
    typed(&mut app, "4.633");
    update(&mut app, Action::Confirm);
    let refusal = form(&app).error.clone().unwrap_or_default();
    assert!(refusal.contains("đã chốt số liệu (minh,"), "{refusal}");
    assert_eq!(app.store.ledger().current("3", Period::H1).map(|e| e.value), Some(Decimal::from(46_330)));
}

fn asked(app: &App) -> &RoundAsk {
    match &app.mode {
        Mode::ConfirmRound(ask) => ask,
        other => panic!("not asking about a round: {other:?}"),
    }
}

#[test]
fn c_closes_the_default_period_when_the_view_shows_the_latest_and_reopens_it() {
    use crate::domain::ledger::RoundAction as Round;
    let (_dir, mut app) = app();
    select(&mut app, "3");
    update(&mut app, Action::ToggleRound);
    assert_eq!(asked(&app), &RoundAsk { action: Round::ClosePeriod, period: Period::H1, default: true });
    update(&mut app, Action::Cancel);
    assert_eq!((app.mode.clone(), app.store.ledger().len()), (Mode::Browse, 0), "cancel writes nothing");

    update(&mut app, Action::ToggleRound);
    update(&mut app, Action::Confirm);
    let message = app.message.clone().expect("message").text;
    assert_eq!(message, "Đã chốt số liệu kỳ 6 tháng (kỳ mặc định); mở lại: phím c");
    assert!(app.closed(Period::H1).is_some() && app.closed(Period::Q1).is_none());
    let on_disk = Store::open(app.store.path(), &app.plan).expect("store");
    assert!(crate::domain::rounds::closed(on_disk.ledger(), Period::H1).is_some(), "saved through the store");

    // The form says at once that the period is closed, and refuses it as `set` does.
    update(&mut app, Action::Edit);
    assert!(form(&app).error.as_deref().is_some_and(|e| e.contains("đã chốt số liệu (lan,")));
    typed(&mut app, "4.633");
    assert!(form(&app).error.is_some(), "typing does not hide that the period is closed");
    update(&mut app, Action::Confirm);
    assert!(
        form(&app).error.as_deref().is_some_and(|e| e.ends_with("Mở lại: Esc rồi phím c")),
        "the view's own keys, not the command line: {:?}",
        form(&app).error
    );
    update(&mut app, Action::Right); // value field: cursor only
    run(&mut app, [Action::NextField, Action::Left]);
    assert_eq!(form(&app).period, Period::Q1);
    assert_eq!(form(&app).error, None, "q1 is open");
    update(&mut app, Action::Cancel);

    update(&mut app, Action::ToggleRound);
    assert_eq!(asked(&app).action, Round::ReopenPeriod);
    update(&mut app, Action::Confirm);
    assert!(app.closed(Period::H1).is_none());
    assert_eq!(app.store.ledger().len(), 2, "a closing and a reopening, both in history");
}

#[test]
fn c_acts_on_a_fixed_period_and_says_when_someone_closed_it_first() {
    use crate::domain::ledger::RoundAction as Round;
    let (_dir, mut app) = app();
    update(&mut app, Action::CyclePeriod); // Quý I
    update(&mut app, Action::ToggleRound);
    assert_eq!(asked(&app), &RoundAsk { action: Round::ClosePeriod, period: Period::Q1, default: false });
    // Meanwhile a colleague closes q1.
    let mut other = Store::open(app.store.path(), &app.plan).expect("store");
    let plan = app.plan.clone();
    let minh = crate::ops::Actor::new("minh", jiff::Timestamp::now());
    crate::ops::round::save(&mut other, &plan, Round::ClosePeriod, Period::Q1, &minh).expect("close");
    update(&mut app, Action::Confirm);
    let message = app.message.clone().expect("message");
    assert!(message.error && message.text.contains("đã chốt trước đó (minh,"), "{message:?}");
    assert_eq!(app.store.ledger().len(), 1, "one closing, not two");
    assert!(app.closed(Period::Q1).is_some(), "the view shows the colleague's closing");
}

#[test]
fn c_is_refused_when_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = settings(Lang::En);
    s.read_only = true;
    let mut app = app_at(&dir.path().join("store.json"), s);
    update(&mut app, Action::ToggleRound);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("read-only")));
    assert!(!dir.path().join("store.json").exists());
}

#[test]
fn the_open_form_is_kept_in_the_draft_slot_and_a_draft_is_offered_back() {
    let (_dir, mut app) = app();
    select(&mut app, "3");
    update(&mut app, Action::Edit);
    typed(&mut app, "9.5");
    let kept = app.draft.lock().expect("slot").clone().expect("a draft while the form is open");
    assert_eq!((kept.target.as_str(), kept.value.as_str(), kept.period), ("3", "9.5", Period::H1));
    update(&mut app, Action::Cancel);
    assert_eq!(*app.draft.lock().expect("slot"), None, "no form, no draft");

    let (_dir2, mut later) = app_with_filter();
    assert!(later.offer_draft(kept.clone()));
    assert_eq!(selected_id(&later), "3", "the filter is cleared to show the target");
    assert_eq!((form(&later).value.text.as_str(), form(&later).value.cursor), ("9.5", 3));
    assert!(
        form(&later).notice.as_ref().is_some_and(|n| n.starts_with("Bản nháp chưa lưu")),
        "said in the form"
    );
    assert_eq!(later.store.ledger().len(), 0, "nothing saved until Enter");
    typed(&mut later, "00");
    update(&mut later, Action::Confirm);
    assert_eq!(later.store.ledger().current("3", Period::H1).map(|e| e.value), Some(Decimal::from(9500)));

    let mut heading = kept.clone();
    heading.target = "10".into();
    assert!(!later.offer_draft(heading), "a heading takes no figure");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = settings(Lang::Vi);
    s.read_only = true;
    let mut viewer = app_at(&dir.path().join("store.json"), s);
    assert!(!viewer.offer_draft(kept), "read-only opens no form");
    assert_eq!(viewer.mode, Mode::Browse);
}

fn app_with_filter() -> (tempfile::TempDir, App) {
    let (dir, mut app) = app();
    update(&mut app, Action::StartFilter);
    typed(&mut app, "dan so");
    update(&mut app, Action::Confirm);
    (dir, app)
}

#[test]
fn y_opens_the_next_installed_years_plan_or_says_there_is_none() {
    let (_dir, mut app) = app();
    update(&mut app, Action::NextPlan);
    assert!(!app.quit && app.switch_to.is_none());
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("plan add")), "{:?}", app.message);
    app.years = vec![2023, 2024, 2025];
    update(&mut app, Action::NextPlan);
    assert_eq!((app.quit, app.switch_to), (true, Some(2025)));
    app.years = vec![2023, 2024];
    app.quit = false;
    update(&mut app, Action::NextPlan);
    assert_eq!(app.switch_to, Some(2023), "round to the first year");
}

/// The screen counts as the reports do: the heading 10 is not counted beside its parts.
#[test]
fn the_tabs_count_as_the_reports_do() {
    let (_dir, app) = app();
    let all: usize = app.view.counts[TABS - 1].iter().sum();
    let headings = app.plan.targets.iter().filter(|t| t.goal.is_none()).count();
    assert!(headings > 0, "the plan has a heading");
    assert_eq!(all, app.plan.targets.len() - headings);
    let report = crate::report::build(
        &app.plan,
        app.store.ledger(),
        app.period,
        jiff::civil::date(2024, 5, 10),
        app.tz.clone(),
    );
    assert_eq!(app.view.counts[TABS - 1], report.counts, "the same counts as md and xlsx print");
}
