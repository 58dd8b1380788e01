//! One path per user action: each operation takes the store, the plan, the request and who
//! acts when (an [`Actor`], the clock read once at the edge), and returns the outcome or a
//! refusal as data. The command line and the full-screen view only ask, confirm and print.
//!
//! The rules every path shares live here once: who the author is ([`Actor`]), no entry for a
//! closed period (checked under the store's lock, on the store as it is on disk), a figure far
//! from the previous period's only once the user said yes.

pub mod import;
pub mod record;
pub mod round;
pub mod unit_targets;
pub mod withdraw;

use crate::store;

/// The author written when the system gives no login name: the same in every language, so
/// that `undo --lang en` finds what `set` saved in Vietnamese.
pub const UNKNOWN_AUTHOR: &str = "?";

/// What earlier versions wrote for an unknown author (the command line wrote it in the
/// interface's language): still found by `undo`.
const UNKNOWN_AUTHOR_BEFORE: [&str; 2] = ["không rõ", "unknown"];

/// Who acts, and when: the author written into entries, the origin hashed into their ids,
/// and the moment they are dated. Made at the edge ([`Actor::here`]), fixed in tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub author: String,
    pub origin: String,
    pub now: jiff::Timestamp,
}

impl Actor {
    /// `author` (cleaned: NFC, no control or bidi characters; [`UNKNOWN_AUTHOR`] when empty)
    /// on this machine at `now`.
    pub fn new(author: &str, now: jiff::Timestamp) -> Actor {
        let author = crate::domain::text::clean(author.trim());
        let author = if author.is_empty() { UNKNOWN_AUTHOR.to_owned() } else { author };
        Actor { origin: store::origin(&author), author, now }
    }

    /// Whoever runs this program (their login name), at `now`.
    pub fn here(now: jiff::Timestamp) -> Actor {
        Actor::new(&store::login_name().unwrap_or_default(), now)
    }

    /// Whether an entry's `author` is this actor: their name, or for the unknown author also
    /// what earlier versions wrote for it.
    pub fn is_me(&self, author: &str) -> bool {
        author == self.author || (self.author == UNKNOWN_AUTHOR && UNKNOWN_AUTHOR_BEFORE.contains(&author))
    }

    /// A fresh entry id, as every entry's is made.
    pub fn new_id(&self) -> String {
        crate::domain::ledger::new_entry_id(self.now, &self.origin)
    }
}
