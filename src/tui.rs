//! The terminal: setup and restore, the event loop, signals and the hang-up watchdog.
//!
//! - Colours go out as the classic 16-colour codes (see `basic_colour`).
//! - Frames leave through a 64 KiB `BufWriter`, one write each, and only when `update` says
//!   something changed: no clock, no spinner, no cursor-position query (Ctrl-L clears and
//!   redraws everything without one).
//! - A burst of key events (an input method correcting a letter sends Backspace and the new
//!   letter in one read) is applied in full before the next frame.
//! - The store is checked every two seconds with a `stat`.
//! - The terminal is restored on quit, on panic, on SIGTERM/SIGINT/SIGQUIT (a flag the loop
//!   checks, with a fallback exit) and on SIGHUP (exit from the signal thread). crossterm
//!   0.29 spins forever once its terminal is gone, so a watchdog thread polls stdin for a
//!   hang-up and ends the process.
//! - Whichever exit path a hang-up or signal takes, an open edit form is first written as a
//!   draft beside the store (`draft`), and offered back in the form on the next start.
//! - On Windows, closing the console window does the same (`console_close`).

mod basic_colour;
#[cfg(any(windows, test))]
mod console_close;

use crate::app::keymap;
use crate::app::{self, Action, App, ModeKind};
use crate::store::draft;
use crate::ui;
use basic_colour::BasicColours;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    MouseButton, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

type Term = Terminal<CrosstermBackend<BasicColours<BufWriter<Stdout>>>>;

/// How often the store is checked for colleagues' entries.
const REFRESH: Duration = Duration::from_secs(2);
/// The longest wait for input before the stop flag is looked at again.
const TICK: Duration = Duration::from_millis(250);
/// Exit status after a hang-up, as a shell reports it (128 + SIGHUP).
#[cfg(unix)]
const HANGUP_STATUS: i32 = 129;

/// Where the exit paths keep the open form: the slot `update` keeps current, and the file.
#[derive(Clone)]
struct Keep {
    slot: draft::Slot,
    path: Arc<PathBuf>,
}

impl Keep {
    fn save(&self) {
        draft::save_now(&self.slot, &self.path);
    }
}

/// Runs the full-screen view until the user quits. A draft left at `draft_path` by a
/// hang-up is offered back in the form first.
/// Runs the view; the year of the plan to open next, if the user asked for one (`y`).
pub fn run(mut app: App, draft_path: PathBuf) -> io::Result<Option<i16>> {
    if !app.read_only
        && let Some(found) = draft::read(&draft_path)
        && app.offer_draft(found)
    {
        // The form's own snapshot takes over; a new hang-up writes it again.
        draft::remove(&draft_path);
    }
    let keep = Keep { slot: Arc::clone(&app.draft), path: Arc::new(draft_path) };
    install_panic_hook();
    let stop = Arc::new(AtomicI32::new(0));
    watch_signals(Arc::clone(&stop), keep.clone())?;
    watch_hangup(keep.clone());
    let mut terminal = enter()?;
    let result = event_loop(&mut app, &mut terminal, &stop);
    drop(terminal);
    restore();
    // Ctrl-C with a form open: what was typed is kept as a draft, as a dropped connection
    // keeps it, and offered back on the next start (Ctrl-C in the table just quits).
    if app.quit && app::form_open(&app) {
        keep.save();
        if keep.path.exists() {
            eprintln!(
                "chitieu: {}",
                crate::domain::text::for_terminal(&crate::i18n::field::draft_kept(app.lang, &keep.path))
            );
        }
    }
    let signal = stop.load(Ordering::SeqCst);
    if signal != 0 {
        keep.save();
        // Ended by a signal: say so in the exit status, as a shell would.
        std::process::exit(128 + signal);
    }
    result.map(|()| app.switch_to)
}

/// Set when a save wrote its waiting line over the screen: the next frame is drawn whole.
static SCRIBBLED: AtomicBool = AtomicBool::new(false);

/// What the view does while another process holds the store's lock: the bottom line says
/// so at once (which lock file) with the seconds waited, Esc or Ctrl-C gives up (the form
/// stays, with the reason), and after `limit` it gives up by itself. Other keys pressed
/// meanwhile are dropped rather than typed into a form that is being saved.
pub fn lock_patience(lang: crate::i18n::Lang, limit: Duration) -> crate::store::Patience {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    use crossterm::style::Print;
    Box::new(move |lock, waited| {
        let rows = terminal::size().map_or(24, |(_, rows)| rows);
        let line = crate::i18n::store_locked_count(lang, lock, waited.as_secs(), limit.as_secs());
        let hint = crate::i18n::lock_give_up_hint(lang);
        let _ = execute!(
            io::stdout(),
            cursor::MoveTo(0, rows.saturating_sub(1)),
            terminal::Clear(terminal::ClearType::CurrentLine),
            Print(crate::domain::text::for_terminal(&format!("{line} {hint}")).into_owned())
        );
        SCRIBBLED.store(true, Ordering::SeqCst);
        while event::poll(Duration::ZERO).unwrap_or(false) {
            if let Ok(Event::Key(key)) = event::read()
                && key.kind == KeyEventKind::Press
                && (key.code == KeyCode::Esc
                    || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)))
            {
                return false;
            }
        }
        waited < limit
    })
}

fn enter() -> io::Result<Term> {
    terminal::enable_raw_mode()?;
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout());
    // Queued, not flushed: they leave with the first frame, in the same write.
    // Bracketed paste: a paste arrives as one `Event::Paste`, never as keys (a note with a
    // line break would otherwise save the form and run the rest as commands).
    if let Err(e) = queue!(out, EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(BasicColours::new(out)))
}

/// Puts the terminal back as it was. Safe to call more than once, and from any thread.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

#[cfg(unix)]
fn watch_signals(stop: Arc<AtomicI32>, keep: Keep) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            if signal != SIGHUP {
                // The loop sees the flag within a tick and leaves the normal way; should it be
                // stuck inside crossterm, leave from here.
                stop.store(signal, Ordering::SeqCst);
                std::thread::sleep(Duration::from_secs(1));
            }
            keep.save();
            restore();
            std::process::exit(128 + signal);
        }
    })?;
    Ok(())
}

/// Windows has no signals but console events: see `console_close`.
#[cfg(windows)]
fn watch_signals(stop: Arc<AtomicI32>, keep: Keep) -> io::Result<()> {
    console_close::watch(stop, keep)
}

/// Ends the process when the terminal on stdin hangs up (SSH drop, tmux pane killed).
#[cfg(unix)]
fn watch_hangup(keep: Keep) {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::os::fd::AsFd;
    let spawned = std::thread::Builder::new().name("hangup".into()).spawn(move || {
        let stdin = io::stdin();
        let every = Timespec { tv_sec: 1, tv_nsec: 0 };
        loop {
            // No events asked for: poll reports only a hang-up or an error.
            let mut fds = [PollFd::from_borrowed_fd(stdin.as_fd(), PollFlags::empty())];
            let hung_up = match poll(&mut fds, Some(&every)) {
                Ok(_) => fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
                Err(e) => e != rustix::io::Errno::INTR,
            };
            if hung_up {
                keep.save();
                std::process::exit(HANGUP_STATUS);
            }
        }
    });
    // Without the watchdog the program still works; it only loses the spin guard.
    drop(spawned);
}

#[cfg(not(unix))]
fn watch_hangup(_keep: Keep) {}

fn event_loop(app: &mut App, terminal: &mut Term, stop: &AtomicI32) -> io::Result<()> {
    // The size `Terminal::new` has just read; `terminal.size()` would open /dev/tty to ask again.
    let size = terminal.get_frame().area();
    app::update(app, Action::Resize { width: size.width, height: size.height });
    terminal.draw(|frame| ui::draw(frame, app))?;
    let mut last_refresh = Instant::now();
    while !app.quit && stop.load(Ordering::SeqCst) == 0 {
        let timeout = REFRESH.saturating_sub(last_refresh.elapsed()).min(TICK);
        let mut dirty = false;
        let mut clear = false;
        if event::poll(timeout)? {
            // Apply everything already waiting before drawing once.
            loop {
                match event::read()? {
                    Event::Paste(text) => dirty |= app::paste(app, &text),
                    event => {
                        if let Some(action) = to_action(app, event) {
                            clear |= action == Action::Redraw;
                            dirty |= app::update(app, action);
                        }
                    }
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if last_refresh.elapsed() >= REFRESH {
            last_refresh = Instant::now();
            dirty |= app::update(app, Action::Refresh);
        }
        if app.quit {
            break;
        }
        if SCRIBBLED.swap(false, Ordering::SeqCst) {
            clear = true;
        }
        if clear {
            // `Terminal::clear` would ask the terminal where its cursor is (a round trip over
            // SSH that fails after 2 s without a reply); a resize clears without asking.
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
        }
        if dirty || clear {
            terminal.draw(|frame| ui::draw(frame, app))?;
        }
    }
    Ok(())
}

fn to_action(app: &App, event: Event) -> Option<Action> {
    let mode = app.mode_kind();
    match event {
        Event::Key(key) => keymap::resolve(mode, key),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(mouse)
            if matches!(mode, ModeKind::Browse | ModeKind::Detail | ModeKind::Help | ModeKind::Units) =>
        {
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) if mode == ModeKind::Browse => {
                    Some(Action::Click { column: mouse.column, row: mouse.row })
                }
                MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
                MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
                _ => None,
            }
        }
        _ => None,
    }
}
