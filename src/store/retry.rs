//! Renames that Windows refuses for a moment. While another program has the target open
//! without sharing delete (an antivirus scan, the search indexer, a colleague's program
//! reading the store on a shared folder), `MoveFileEx` fails with access denied, which Rust
//! reports as `PermissionDenied`; a moment later it succeeds. Unix renames do not fail that
//! way, so there a refusal is final at once.

use std::io;
use std::time::Duration;

/// How often a rename is tried, and the pause before the first retry (doubled each time:
/// 50 + 100 + 200 + 400 ms, under a second in all).
pub const RENAME: Retry =
    Retry { tries: if cfg!(windows) { 5 } else { 1 }, pause: Duration::from_millis(50) };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    pub tries: u32,
    pub pause: Duration,
}

impl Retry {
    /// Runs `attempt` until it succeeds, fails with anything but `PermissionDenied`, or has
    /// been refused `tries` times; `sleep` waits between tries.
    pub fn run<T>(
        self,
        mut attempt: impl FnMut() -> io::Result<T>,
        mut sleep: impl FnMut(Duration),
    ) -> io::Result<T> {
        let mut pause = self.pause;
        let mut tried = 1;
        loop {
            match attempt() {
                Err(e) if e.kind() == io::ErrorKind::PermissionDenied && tried < self.tries => {
                    sleep(pause);
                    pause *= 2;
                    tried += 1;
                }
                done => return done,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINDOWS: Retry = Retry { tries: 5, pause: Duration::from_millis(50) };

    /// A rename refused `refusals` times, then done; with the pauses slept.
    fn renamed_after(refusals: u32, retry: Retry) -> (io::Result<()>, u32, Vec<Duration>) {
        let (mut calls, mut slept) = (0, Vec::new());
        let result = retry.run(
            || {
                calls += 1;
                if calls <= refusals { Err(io::ErrorKind::PermissionDenied.into()) } else { Ok(()) }
            },
            |pause| slept.push(pause),
        );
        (result, calls, slept)
    }

    #[test]
    fn a_rename_refused_for_a_moment_goes_through() {
        let (result, calls, slept) = renamed_after(2, WINDOWS);
        assert!(result.is_ok());
        assert_eq!(calls, 3);
        assert_eq!(slept, [Duration::from_millis(50), Duration::from_millis(100)]);
    }

    #[test]
    fn a_rename_refused_every_time_fails_after_the_last_try() {
        let (result, calls, slept) = renamed_after(u32::MAX, WINDOWS);
        assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::PermissionDenied));
        assert_eq!(calls, 5);
        assert_eq!(slept.iter().sum::<Duration>(), Duration::from_millis(750), "under a second in all");
    }

    #[test]
    fn other_failures_and_unix_refusals_are_not_retried() {
        let mut calls = 0;
        let result: io::Result<()> = WINDOWS.run(
            || {
                calls += 1;
                Err(io::ErrorKind::NotFound.into())
            },
            |_| panic!("no pause"),
        );
        assert!(result.is_err() && calls == 1);
        if cfg!(unix) {
            let (result, calls, _) = renamed_after(1, RENAME);
            assert!(result.is_err() && calls == 1, "a sticky directory's refusal is final");
        }
    }
}
