//! The full-screen view fed random actions (keys, clicks, scrolls, typed text) and random
//! terminal sizes, down to 0×0: `update` and a frame drawn into a `TestBackend` after each
//! one never panic. The store is a fresh file in a temporary directory (on /dev/shm when
//! there is one, so the fsync of a save costs little).
#![no_main]

use chitieu::app::{self, Action, App, Settings};
use chitieu::i18n::Lang;
use chitieu::domain::plan::Plan;
use chitieu::store::Store;
use chitieu::ui;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TEXT: &[char] = &['1', '2', ',', '.', '5', '-', 'a', 'ệ', 'đ', ' ', '\u{0303}', '\u{202e}', '\u{1b}', 'x', '/'];

fn action(op: u8, arg: u8, arg2: u8) -> Action {
    match op % 36 {
        0 => Action::Up,
        1 => Action::Down,
        2 => Action::PageUp,
        3 => Action::PageDown,
        4 => Action::First,
        5 => Action::Last,
        6 => Action::NextGroup,
        7 => Action::PrevGroup,
        8 => Action::Scroll(i32::from(arg as i8) * 100),
        9 => Action::Click { column: u16::from(arg), row: u16::from(arg2) },
        10 => Action::ToggleDetail,
        11 => Action::StartFilter,
        12 => Action::ClearFilter,
        13 => Action::CycleStatusFilter,
        14 => Action::CyclePeriod,
        15 => Action::ShowHelp,
        16 => Action::Edit,
        17 => Action::Undo,
        18 => Action::Confirm,
        19 => Action::Cancel,
        20 => Action::NextField,
        21 => Action::PrevField,
        22 => Action::Left,
        23 => Action::Right,
        24 => Action::Home,
        25 => Action::End,
        26 => Action::Backspace,
        27 => Action::Delete,
        28 => Action::Input(TEXT[usize::from(arg) % TEXT.len()]),
        29 => Action::Input(char::from_u32(u32::from(arg) << 8 | u32::from(arg2)).unwrap_or('?')),
        30 => Action::Redraw,
        31 => Action::Refresh,
        // Sizes: tiny ones often, any up to 255 × 255 otherwise.
        32 => Action::Resize { width: u16::from(arg % 4), height: u16::from(arg2 % 4) },
        33 => Action::Resize { width: 60 + u16::from(arg % 100), height: 15 + u16::from(arg2 % 50) },
        34 => Action::Resize { width: u16::from(arg), height: u16::from(arg2) },
        _ => Action::Input(char::from(b'0' + arg % 10)),
    }
}

fn plan() -> &'static Plan {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(Plan::embedded)
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, data)) = data.split_first() else {
        return;
    };
    let base = if std::path::Path::new("/dev/shm").is_dir() { "/dev/shm" } else { "/tmp" };
    let Ok(dir) = tempfile::tempdir_in(base) else {
        return;
    };
    let plan = plan().clone();
    let Ok(store) = Store::open(&dir.path().join("store.json"), &plan) else {
        return;
    };
    let settings = Settings {
        lang: if flags & 1 == 0 { Lang::Vi } else { Lang::En },
        ascii: flags & 2 != 0,
        colour: flags & 4 != 0,
        read_only: flags & 8 != 0,
        user: "lan".into(),
        today: jiff::civil::date(2024, 1 + i8::try_from(flags >> 4).unwrap_or(0) % 12, 10),
        tz: jiff::tz::TimeZone::UTC,
    };
    let mut app = App::new(plan, store, settings);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    for chunk in data.chunks(3).take(400) {
        let [op, arg, arg2] = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let action = action(op, arg, arg2);
        if let Action::Resize { width, height } = action {
            terminal.backend_mut().resize(width, height);
            let _ = terminal.resize(ratatui::layout::Rect::new(0, 0, width, height));
        }
        app::update(&mut app, action);
        if app.quit {
            break;
        }
        terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
    }
});
