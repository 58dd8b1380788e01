//! Windows: closing the console window keeps an open form as a draft, as a hang-up does on
//! unix.
//!
//! Windows has no SIGHUP. Closing the window (its ✕, or End task) sends `CTRL_CLOSE_EVENT` to
//! a handler set with `SetConsoleCtrlHandler`, on a thread the system makes for it, and ends
//! the process when the handler returns — or after about 5 seconds if it has not. So the
//! draft is written here, on that thread, before returning: a handler that only wakes another
//! thread (as the `ctrlc` crate's does) returns at once and the process is gone before the
//! draft is written. Ctrl-Break (and Ctrl-C, which raw mode otherwise turns into a key) set the
//! stop flag, as SIGQUIT and SIGINT do on unix: the loop leaves, restores the console and keeps
//! the form.

use std::sync::atomic::{AtomicI32, Ordering};

// The console events, as wincon.h numbers them (`windows_sys::Win32::System::Console`): named
// here so that what each one does is tested on every platform.
const CTRL_C_EVENT: u32 = 0;
const CTRL_BREAK_EVENT: u32 = 1;
const CTRL_CLOSE_EVENT: u32 = 2;
const CTRL_LOGOFF_EVENT: u32 = 5;
const CTRL_SHUTDOWN_EVENT: u32 = 6;

/// The stop flag's value for a closed window: SIGHUP's number, as a hang-up on unix.
const CLOSED: i32 = 1;
const INTERRUPTED: i32 = 2;
const QUIT: i32 = 3;

/// What the view does on a console event; whether it handled it. For a closed window it
/// returns only once `keep_form` has written the draft: Windows ends the process when it does.
fn on_event(event: u32, stop: &AtomicI32, keep_form: impl FnOnce()) -> bool {
    match event {
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
            // The flag first: should the loop see its console go and leave before this
            // thread is done, `run` then waits for the draft (`draft::save_now` writes once,
            // and a second caller waits for the first).
            stop.store(CLOSED, Ordering::SeqCst);
            keep_form();
            true
        }
        CTRL_C_EVENT | CTRL_BREAK_EVENT => {
            stop.store(if event == CTRL_C_EVENT { INTERRUPTED } else { QUIT }, Ordering::SeqCst);
            true
        }
        _ => false,
    }
}

#[cfg(windows)]
pub(super) use windows::watch;

#[cfg(windows)]
mod windows {
    use super::on_event;
    use crate::tui::Keep;
    use std::io;
    use std::sync::atomic::AtomicI32;
    use std::sync::{Arc, Mutex, Once};
    use windows_sys::Win32::System::Console::SetConsoleCtrlHandler;
    use windows_sys::core::BOOL;

    /// The view being watched: its stop flag and its form. Replaced when the view opens
    /// another year's plan; the handler itself is registered once.
    static WATCHED: Mutex<Option<(Arc<AtomicI32>, Keep)>> = Mutex::new(None);

    pub(in crate::tui) fn watch(stop: Arc<AtomicI32>, keep: Keep) -> io::Result<()> {
        *WATCHED.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some((stop, keep));
        static REGISTER: Once = Once::new();
        let mut result = Ok(());
        REGISTER.call_once(|| {
            // SAFETY: `handler` has the signature `PHANDLER_ROUTINE` asks for, lives as long
            // as the program, and touches only thread-safe state.
            #[allow(unsafe_code)]
            let added = unsafe { SetConsoleCtrlHandler(Some(handler), 1) };
            if added == 0 {
                result = Err(io::Error::last_os_error());
            }
        });
        result
    }

    /// Runs on a thread Windows starts for each console event.
    extern "system" fn handler(event: u32) -> BOOL {
        let watched = WATCHED.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        let handled = watched.is_some_and(|(stop, keep)| on_event(event, &stop, || keep.save()));
        BOOL::from(handled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_closed_window_keeps_the_open_form_before_the_handler_returns_and_break_only_stops() {
        // What the loop sees when the form is kept: the flag must already be up.
        let flag_when_kept = Cell::new(None);
        let stop = AtomicI32::new(0);
        assert!(on_event(CTRL_CLOSE_EVENT, &stop, || flag_when_kept.set(Some(stop.load(Ordering::SeqCst)))));
        assert_eq!(
            flag_when_kept.get(),
            Some(CLOSED),
            "the form is kept, after the loop is told, before returning"
        );

        for (event, flag) in [(CTRL_BREAK_EVENT, QUIT), (CTRL_C_EVENT, INTERRUPTED)] {
            let stop = AtomicI32::new(0);
            let kept = Cell::new(false);
            assert!(on_event(event, &stop, || kept.set(true)), "handled");
            assert_eq!(stop.load(Ordering::SeqCst), flag, "the loop is asked to leave, as on SIGQUIT/SIGINT");
            assert!(!kept.get(), "the loop keeps the form itself on its way out");
        }

        let kept = Cell::new(false);
        assert!(!on_event(99, &AtomicI32::new(0), || kept.set(true)), "an unknown event is left to Windows");
        assert!(!kept.get());
    }
}
