//! Whole screens as insta snapshots (text; with colour the styles are in the snapshot too),
//! colours checked cell by cell, and every size down to 1×1 drawn without a panic.

use crate::app::tests::{app_at, settings};
use crate::app::{self, Action, App, Hits};
use crate::domain::ledger::{Entry, Kind};
use crate::domain::period::Period;
use crate::domain::status::Status;
use crate::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use rust_decimal::Decimal;

fn entry(id: &str, target: &str, period: Period, value: &str, minute: i64, author: &str) -> Entry {
    let value = Decimal::from_str_exact(value).expect("decimal");
    let time = jiff::Timestamp::from_second(1_719_800_000 + minute * 60).expect("time");
    Entry::figure(id.into(), target, period, value, Kind::Official, author, time)
}

/// A store with one target of each status, a withdrawal and a note, in a fixed time zone.
pub(super) fn fixture(lang: Lang, colour: bool, ascii: bool) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = settings(lang);
    s.colour = colour;
    s.ascii = ascii;
    let mut app = app_at(&dir.path().join("store.json"), s);
    let mut noted = entry("e2", "3", Period::H1, "4700", 2, "minh");
    noted.note = "Sở Tài chính \u{1b}[31mbáo\u{202E} cáo".into();
    let mut wrong = entry("e3", "3", Period::H1, "47000", 3, "lan");
    wrong.kind = Kind::Estimate;
    let mut undo = entry("e4", "3", Period::H1, "47000", 4, "lan");
    undo.retracts = Some("e3".into());
    let entries = vec![
        entry("e1", "3", Period::Q1, "2100", 1, "lan"),
        noted,
        wrong,
        undo,
        entry("e5", "1", Period::Year, "8.2", 5, "lan"),
        entry("e6", "2", Period::H1, "74", 6, "minh"),
        entry("e7", "4", Period::H1, "20", 7, "minh"),
    ];
    app.store.save(&app.plan, entries).expect("save");
    app.recompute();
    app::update(&mut app, Action::Down);
    app::update(&mut app, Action::Down);
    (dir, app)
}

pub(super) fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    app::update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| super::draw(frame, app)).expect("draw");
    terminal.backend().buffer().clone()
}

pub(super) fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    for line in buffer.content.chunks(width) {
        let mut row = String::new();
        let mut skip = 0;
        for cell in line {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            row.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

macro_rules! screen {
    ($name:ident, $lang:expr, $w:expr, $h:expr, $colour:expr, $ascii:expr, $setup:expr) => {
        #[test]
        fn $name() {
            let (_dir, mut app) = fixture($lang, $colour, $ascii);
            let setup: fn(&mut App) = $setup;
            setup(&mut app);
            let buffer = draw(&mut app, $w, $h);
            if $colour {
                insta::assert_debug_snapshot!(buffer);
            } else {
                insta::assert_snapshot!(text(&buffer));
            }
        }
    };
}

fn browse(_: &mut App) {}
fn all_groups(app: &mut App) {
    app.tab = app::TABS - 1;
    app.refilter();
}
fn editing(app: &mut App) {
    app::update(app, Action::Edit);
    for c in "9.500".chars() {
        app::update(app, Action::Input(c));
    }
}
fn misread(app: &mut App) {
    app::update(app, Action::Edit);
    for c in "9.5".chars() {
        app::update(app, Action::Input(c));
    }
}
fn help(app: &mut App) {
    app::update(app, Action::ShowHelp);
}
/// `m`: who has not reported for the period in view (the fixture's h1).
fn missing(app: &mut App) {
    app.period = crate::domain::progress::PeriodChoice::Fixed(Period::H1);
    app.recompute();
    app::update(app, Action::ShowMissing);
}
fn undo(app: &mut App) {
    app::update(app, Action::Undo);
}
fn close_asked(app: &mut App) {
    app::update(app, Action::ToggleRound);
}
/// Minh closed h1 at a fixed time (the key would stamp it with the time of the test).
fn close_h1(app: &mut App) {
    let close = crate::domain::rounds::entry(
        crate::domain::ledger::RoundAction::ClosePeriod,
        Period::H1,
        "minh",
        jiff::Timestamp::from_second(1_719_800_000 + 9 * 60).expect("time"),
    );
    let plan = app.plan.clone();
    app.store.save(&plan, vec![close]).expect("save");
    app.recompute();
}
fn closed_edit(app: &mut App) {
    close_h1(app);
    app::update(app, Action::Edit);
}
fn reopen_asked(app: &mut App) {
    close_h1(app);
    app::update(app, Action::CyclePeriod);
    app::update(app, Action::CyclePeriod);
    app::update(app, Action::ToggleRound);
}
fn read_only(app: &mut App) {
    app.read_only = true;
}
fn read_only_help(app: &mut App) {
    app.read_only = true;
    app::update(app, Action::ShowHelp);
}
fn filtered(app: &mut App) {
    app::update(app, Action::StartFilter);
    for c in "ngan sach".chars() {
        app::update(app, Action::Input(c));
    }
}

screen!(browse_vi_120x40, Lang::Vi, 120, 40, false, false, all_groups);
screen!(browse_en_120x40, Lang::En, 120, 40, false, false, all_groups);
screen!(browse_vi_150x40, Lang::Vi, 150, 40, false, false, browse);
screen!(edit_vi_80x24, Lang::Vi, 80, 24, false, false, editing);
screen!(edit_en_80x24, Lang::En, 80, 24, false, false, editing);
screen!(edit_misread_vi_80x24, Lang::Vi, 80, 24, false, false, misread);
screen!(help_en_120x40, Lang::En, 120, 40, false, false, help);
screen!(undo_vi_80x24, Lang::Vi, 80, 24, false, false, undo);
screen!(close_vi_80x24, Lang::Vi, 80, 24, false, false, close_asked);
screen!(close_en_80x24, Lang::En, 80, 24, false, false, close_asked);
screen!(reopen_en_80x24, Lang::En, 80, 24, false, false, reopen_asked);
screen!(read_only_vi_80x24, Lang::Vi, 80, 24, false, false, read_only);
screen!(read_only_help_en_120x40, Lang::En, 120, 40, false, false, read_only_help);
screen!(filter_vi_80x24, Lang::Vi, 80, 24, false, false, filtered);
screen!(too_small_vi, Lang::Vi, 40, 10, false, false, browse);
screen!(colour_vi_80x24, Lang::Vi, 80, 24, true, false, browse);
screen!(colour_en_120x40, Lang::En, 120, 40, true, false, all_groups);

fn detail(app: &mut App) {
    app::update(app, Action::ToggleDetail);
}
fn status_filter(app: &mut App) {
    app::update(app, Action::CycleStatusFilter);
}
/// Hoa entered another official h1 figure for target 3 without having seen Minh's.
fn conflict(app: &mut App) {
    let plan = app.plan.clone();
    app.store.save(&plan, vec![entry("e8", "3", Period::H1, "4800", 8, "hoa")]).expect("save");
    app.recompute();
    app::update(app, Action::ToggleDetail);
}
/// 47.000 where the quarter had 2.100: a likely typo, questioned before it is taken.
fn sharp_change(app: &mut App) {
    app::update(app, Action::Edit);
    for c in "47.000".chars() {
        app::update(app, Action::Input(c));
    }
    app::update(app, Action::Confirm);
}
fn restored_draft(app: &mut App) {
    let draft = crate::store::draft::Draft {
        target: "2".into(),
        period: Period::H1,
        kind: Kind::Estimate,
        value: "75,1".into(),
        note: "Cục Thống kê".into(),
        saving_at: None,
    };
    assert!(app.offer_draft(draft));
}
/// Minh saves a figure for the target and period of Lan's open form.
fn changed_behind_form(app: &mut App) {
    app::update(app, Action::Edit);
    let mut colleague = crate::store::Store::open(app.store.path(), &app.plan).expect("store");
    colleague.save(&app.plan, vec![entry("e9", "3", Period::H1, "4900", 9, "minh")]).expect("save");
    app::update(app, Action::Refresh);
}

/// Every screen the issue names, at 80×24 and 60×15, in both languages and in ASCII.
macro_rules! screens {
    ($($setup:ident),* $(,)?) => {
        mod every_size {
            use super::*;
            $(
                mod $setup {
                    use super::*;
                    screen!(vi_80x24, Lang::Vi, 80, 24, false, false, super::$setup);
                    screen!(en_80x24, Lang::En, 80, 24, false, false, super::$setup);
                    screen!(vi_60x15, Lang::Vi, 60, 15, false, false, super::$setup);
                    screen!(en_60x15, Lang::En, 60, 15, false, false, super::$setup);
                    screen!(ascii_80x24, Lang::Vi, 80, 24, false, true, super::$setup);
                    screen!(ascii_60x15, Lang::En, 60, 15, false, true, super::$setup);
                }
            )*
        }
    };
}
screens!(
    browse,
    detail,
    help,
    missing,
    status_filter,
    closed_edit,
    conflict,
    sharp_change,
    restored_draft,
    changed_behind_form
);

/// `--ascii` draws nothing but ASCII symbols: letters (Vietnamese ones too) may be anything.
#[test]
fn ascii_screens_have_no_other_symbol() {
    let setups: [fn(&mut App); 13] = [
        browse,
        detail,
        help,
        status_filter,
        closed_edit,
        conflict,
        sharp_change,
        restored_draft,
        changed_behind_form,
        undo,
        close_asked,
        filtered,
        editing,
    ];
    for (n, setup) in setups.into_iter().enumerate() {
        for lang in [Lang::Vi, Lang::En] {
            for (width, height) in [(80, 24), (60, 15), (120, 40), (150, 40), (40, 10)] {
                let (_dir, mut app) = fixture(lang, false, true);
                setup(&mut app);
                let screen = text(&draw(&mut app, width, height));
                let odd: String = screen.chars().filter(|c| !c.is_ascii() && !c.is_alphanumeric()).collect();
                assert!(odd.is_empty(), "setup {n}, {lang:?} {width}×{height}: {odd:?}\n{screen}");
            }
        }
    }
}

/// The row of the table showing `id`, found by its first cells.
fn row_of(buffer: &Buffer, id: &str) -> u16 {
    let width = usize::from(buffer.area.width);
    let rows = buffer.content.chunks(width).enumerate();
    let found = rows.skip(3).find(|(_, line)| {
        let start: String = line.iter().take(7).map(|c| c.symbol()).collect();
        start.trim_start_matches(['▶', '>']).trim() == id
    });
    u16::try_from(found.expect("row").0).expect("row number")
}

/// The selected row is marked at its start, which reads without colour and without reverse
/// video, and a cursor move repaints only the two rows' marks, ids and names (and the line
/// under the table): the goals, figures and statuses of both rows are not sent again, which
/// is what kept a move within 300 bytes at 80×24.
#[test]
fn a_cursor_move_repaints_only_the_mark_id_and_name_of_two_rows() {
    for (ascii, mark) in [(false, "▶"), (true, ">")] {
        let (_dir, mut app) = fixture(Lang::Vi, false, ascii);
        let before = draw(&mut app, 80, 24);
        let (old, new) = (row_of(&before, "3"), row_of(&before, "4"));
        app::update(&mut app, Action::Down);
        let after = draw(&mut app, 80, 24);
        let line =
            |buffer: &Buffer, y: u16| text(buffer).lines().nth(usize::from(y)).unwrap_or_default().to_owned();
        assert!(line(&before, old).starts_with(&format!("{mark}3 ")), "{}", text(&before));
        assert!(line(&after, new).starts_with(&format!("{mark}4 ")), "{}", text(&after));
        assert!(line(&after, old).starts_with(" 3 "), "{}", text(&after));
        // The goal column starts where its title does.
        let goal_x = line(&after, 2).find("Mục tiêu").expect("goal title");
        let goal_x = u16::try_from(line(&after, 2)[..goal_x].chars().count()).expect("x");
        let changed: Vec<(u16, u16)> = before.diff(&after).into_iter().map(|(x, y, _)| (x, y)).collect();
        assert!(changed.iter().any(|&(_, y)| y == new), "the new row is repainted");
        let beyond: Vec<&(u16, u16)> =
            changed.iter().filter(|&&(x, y)| (y == old || y == new) && x >= goal_x).collect();
        assert!(beyond.is_empty(), "ascii {ascii}: cells beyond the name repainted: {beyond:?}");
    }
}

/// Each status's symbol and word are drawn in its colour, and in none without colour.
#[test]
fn statuses_have_their_colours_cell_by_cell() {
    let expected = [
        ("1", Status::Exceeded, Color::Green),
        ("3", Status::OnTrack, Color::Cyan),
        // GRDP per capita is a year-end figure: mid-year it is not due, in no colour.
        ("2", Status::NotDue, Color::Reset),
        ("4", Status::Behind, Color::Red),
        ("5", Status::NoData, Color::DarkGray),
    ];
    for colour in [true, false] {
        let (_dir, mut app) = fixture(Lang::Vi, colour, false);
        let buffer = draw(&mut app, 80, 24);
        for (id, status, fg) in expected {
            let row = row_of(&buffer, id);
            let word =
                format!("{} {}", app.theme.symbol(status), crate::i18n::status_short(Lang::Vi, status));
            let width = unicode_width::UnicodeWidthStr::width(word.as_str()) as u16;
            // The status column is as wide as "· Chưa có số liệu", the longest status shown.
            let x0 = buffer.area.width - 17;
            let line: String = (x0..x0 + width).map(|x| buffer[(x, row)].symbol().to_owned()).collect();
            assert_eq!(line, word, "target {id}");
            for x in x0..x0 + width {
                let cell = &buffer[(x, row)];
                let want = if colour { fg } else { Color::Reset };
                assert_eq!(cell.fg, want, "target {id} at column {x}, colour {colour}");
            }
        }
    }
}

#[test]
fn every_size_down_to_one_by_one_draws() {
    let setups: [fn(&mut App); 5] = [browse, editing, help, undo, filtered];
    for setup in setups {
        let (_dir, mut app) = fixture(Lang::Vi, true, false);
        setup(&mut app);
        for width in (1..=130).step_by(7).chain([1, 2, 59, 60, 61]) {
            for height in (1..=45).step_by(4).chain([1, 14, 15, 16]) {
                draw(&mut app, width, height);
            }
        }
    }
}

#[test]
fn the_table_follows_the_selection_and_maps_clicks_back() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    all_groups(&mut app);
    app::update(&mut app, Action::Last);
    let buffer = draw(&mut app, 80, 24);
    let last = app.selected_target().map(|t| t.id.clone()).expect("selected");
    let hits: Hits = app.hits.get();
    assert!(hits.offset > 0, "scrolled to show the last row");
    assert!(text(&buffer).contains(&format!("\n{last} ")));
    app::update(&mut app, Action::Click { column: 3, row: hits.table.y });
    assert_eq!(app.selected, hits.offset);
}

#[test]
fn a_conflict_is_marked_in_the_table_and_shown_in_full_in_the_detail() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    // Hoa entered another official h1 figure for target 3 without having seen Minh's.
    let plan = app.plan.clone();
    app.store.save(&plan, vec![entry("e8", "3", Period::H1, "4800", 8, "hoa")]).expect("save");
    app.recompute();
    let screen = text(&draw(&mut app, 120, 40));
    // Target 3 is the selected row, marked at its start.
    let row = screen.lines().find(|l| l.starts_with("▶3 ")).expect("row of target 3");
    assert!(row.contains("≠ 4.800"), "{row}");
    assert!(
        screen.contains("≠ Xung đột 6 tháng: 4.700 (minh,") && screen.contains("hay 4.800 (hoa,"),
        "{screen}"
    );
    assert!(!screen.lines().any(|l| l.starts_with(" 1 ") && l.contains('≠')), "only target 3 is marked");
}

/// Two years side by side: the header lists the installed years, and the detail shows this
/// year's figure beside last year's (linked through `last_year_id`), period by period, as bars.
#[test]
fn the_detail_compares_with_the_same_period_last_year() {
    use crate::domain::ledger::Ledger;
    use crate::domain::plan::Plan;
    let plan = Plan::parse(
        r#"{"format": 1, "id": "tinh-2025", "year": 2025, "title": {"vi": "Kế hoạch năm 2025"},
            "targets": [{"id": "5", "group": "economic", "name": {"vi": "Vốn đầu tư"}, "unit": {"vi": "tỷ đồng"},
            "direction": "at_least", "measure": "cumulative", "target": "10000", "last_year_id": "3"}]}"#,
    )
    .expect("plan");
    let last_plan = Plan::embedded();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = crate::store::Store::open(&dir.path().join("s.json"), &plan).expect("store");
    let mut settings = settings(Lang::Vi);
    settings.today = jiff::civil::date(2025, 8, 1);
    settings.colour = false;
    let mut app = App::new(plan, store, settings);
    let mut ledger = Ledger::default();
    ledger.merge([entry("a", "3", Period::H1, "4000", 1, "lan")]);
    app.last_year = Some((last_plan, ledger));
    let plan = app.plan.clone();
    app.store.save(&plan, vec![entry("b", "5", Period::H1, "5000", 2, "lan")]).expect("save");
    app.years = vec![2024, 2025];
    app.recompute();
    app::update(&mut app, Action::ToggleDetail);
    let screen = text(&draw(&mut app, 100, 30));
    assert!(screen.contains("2024 [2025] (y)"), "{screen}");
    assert!(screen.contains("So với cùng kỳ năm 2024"), "{screen}");
    assert!(screen.contains("6 tháng  năm nay ██████████  5.000 tỷ đồng"), "{screen}");
    assert!(screen.contains("cùng kỳ ████████░░  4.000 tỷ đồng"), "{screen}");
}

/// An estimate (ước thực hiện) is marked in the table; an official figure is not.
#[test]
fn an_estimate_is_marked_in_the_table() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    let mut estimate = entry("e9", "4", Period::H1, "21", 9, "minh");
    estimate.kind = Kind::Estimate;
    app.store.save(&app.plan, vec![estimate]).expect("save");
    app.recompute();
    let buffer = draw(&mut app, 80, 24);
    let line = |id: &str| -> String {
        let row = row_of(&buffer, id);
        (0..buffer.area.width).map(|x| buffer[(x, row)].symbol().to_owned()).collect()
    };
    assert!(line("4").contains(" ~21 "), "{}", line("4"));
    assert!(line("1").contains(" 8,2 ") && !line("1").contains('~'), "{}", line("1"));
}

/// The detail of a ceiling says how far under or over it a figure is, never a share; that of a
/// change target gives the change worked out from last year's figure and last year's figure.
#[test]
fn the_detail_speaks_of_ceilings_and_changes() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    let entries = vec![
        entry("c1", "6", Period::Year, "43", 10, "hoa"),
        entry("c2", "8", Period::LastYear, "1.52", 11, "hoa"),
        entry("c3", "8", Period::Year, "1.12", 12, "hoa"),
    ];
    app.store.save(&app.plan, entries).expect("save");
    app.recompute();
    all_groups(&mut app);
    let detail_of = |app: &mut App, id: &str| {
        app.selected = app.visible.iter().position(|&i| app.plan.targets[i].id == id).expect("visible");
        app::update(app, Action::ToggleDetail);
        let screen = text(&draw(app, 150, 40));
        app::update(app, Action::ToggleDetail);
        screen
    };
    let six = detail_of(&mut app, "6");
    assert!(six.contains("43 %  vượt trần 1,2 điểm  ✖ Không đạt  Chính thức"), "{six}");
    let eight = detail_of(&mut app, "8");
    assert!(eight.contains("1,12 %  giảm 0,4 điểm so với năm trước, đạt 100 % KH năm  ✔ Đạt"), "{eight}");
    assert!(eight.contains("Năm trước"), "last year's figure is listed: {eight}");
}

/// The detail of 8 questions a figure that looks like the fall the plan took before its
/// revision (0,4, with no last year's rate), and says nothing once a rate is entered.
#[test]
fn the_detail_of_8_questions_a_figure_that_looks_like_a_fall() {
    let (_dir, mut app) = fixture(Lang::Vi, false, false);
    app.store.save(&app.plan, vec![entry("f1", "8", Period::Year, "0.4", 10, "hoa")]).expect("save");
    app.recompute();
    all_groups(&mut app);
    app.selected = app.visible.iter().position(|&i| app.plan.targets[i].id == "8").expect("visible");
    app::update(&mut app, Action::ToggleDetail);
    let screen = text(&draw(&mut app, 150, 40));
    assert!(screen.contains("! chỉ tiêu 8, Cả năm: 0,4 không quá hai lần"), "{screen}");
    app.store.save(&app.plan, vec![entry("f2", "8", Period::Year, "1.12", 11, "hoa")]).expect("save");
    app.recompute();
    let screen = text(&draw(&mut app, 150, 40));
    assert!(screen.contains("1,12 %") && !screen.contains("có lẽ là mức giảm"), "{screen}");
}

/// A percentage of plan with two decimals over 100 is read whole at 80 columns in English,
/// where the column's title is narrower than the figure.
#[test]
fn a_figure_above_plan_shows_its_whole_percentage_at_80_columns() {
    for lang in [Lang::Vi, Lang::En] {
        let (_dir, mut app) = fixture(lang, false, false);
        let above = entry("e8", "1", Period::Year, "8.5", 8, "lan");
        app.store.save(&app.plan, vec![above]).expect("save");
        app.recompute();
        let screen = text(&draw(&mut app, 80, 24));
        let shown = if lang == Lang::Vi { "106,25 %" } else { "106.25 %" };
        assert!(screen.contains(shown), "{lang:?}: {shown} not on screen:\n{screen}");
        assert!(!screen.contains("###"), "{lang:?}: a figure cut to ###:\n{screen}");
    }
}

/// `?` opens on what the table's marks mean, `~` first: at 80×24, in both languages and with
/// `--ascii`, every mark and its whole meaning are on the first screen, before any key.
#[test]
fn the_help_opens_on_the_marks_whole_at_80x24() {
    for (lang, ascii) in [(Lang::Vi, false), (Lang::En, false), (Lang::Vi, true), (Lang::En, true)] {
        let (_dir, mut app) = fixture(lang, false, ascii);
        help(&mut app);
        let screen = text(&draw(&mut app, 80, 24));
        let estimate = if lang == Lang::Vi { "~9.500" } else { "~9,500" };
        let lines = crate::i18n::marks::lines(lang, ascii);
        assert_eq!(lines[0].0, estimate, "the estimate mark comes first");
        for (mark, meaning) in &lines {
            let shown =
                screen.lines().any(|l| l.contains(&format!("  {mark} ")) && l.contains(meaning.as_str()));
            assert!(shown, "{lang:?} ascii {ascii}: `{mark}` {meaning} not whole on screen:\n{screen}");
        }
    }
}
