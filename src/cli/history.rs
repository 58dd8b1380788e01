//! `chitieu history`: every entry, newest first.

use super::context::Context;
use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::i18n::history::{HISTORY_COLUMNS, HISTORY_RIGHT, history_cells, history_columns};
use crate::i18n::{self, Label};
use crate::report::table;
use std::io::{self, Write};

/// `chitieu history`: every entry, newest first, withdrawals marked as such.
/// What `history` keeps besides the target: `--period`, `--author`, `--since`.
#[derive(Debug, Default)]
pub struct HistoryFilter<'a> {
    pub period: Option<Period>,
    pub author: Option<&'a str>,
    pub since: Option<jiff::Timestamp>,
}

impl HistoryFilter<'_> {
    fn keeps(&self, entry: &crate::domain::ledger::Entry) -> bool {
        self.period.is_none_or(|p| entry.period == p)
            && self.author.is_none_or(|a| entry.author == a)
            && self.since.is_none_or(|t| entry.time >= t)
    }
}

pub fn history(
    context: &Context,
    ledger: &Ledger,
    target: Option<&str>,
    only: &HistoryFilter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = context.lang;
    // A heading (indicator 10) has no figure of its own: its history is its parts'.
    let parts: Vec<&str> = match target {
        Some(id) => context
            .plan
            .targets
            .iter()
            .filter(|t| t.parent.as_deref() == Some(id))
            .map(|t| t.id.as_str())
            .collect(),
        None => Vec::new(),
    };
    if let (Some(id), false) = (target, parts.is_empty()) {
        writeln!(out, "{}", i18n::history_of_parts(lang, id, &parts))?;
    }
    let entries: Vec<&crate::domain::ledger::Entry> = match parts.is_empty() {
        true => ledger.history(target).filter(|e| only.keeps(e)).collect(),
        false => {
            let mut all: Vec<_> =
                parts.iter().flat_map(|p| ledger.history(Some(p))).filter(|e| only.keeps(e)).collect();
            // Newest first, as for one target.
            all.sort_by(|a, b| (b.time, &b.id).cmp(&(a.time, &a.id)));
            all
        }
    };
    let rows: Vec<[String; HISTORY_COLUMNS]> =
        entries.into_iter().map(|e| history_cells(lang, &context.zone, &context.plan, e)).collect();
    if rows.is_empty() {
        return writeln!(out, "{}", Label::NoEntries.get(lang));
    }
    table::write_table(out, &history_columns(lang).map(str::to_owned), &rows, &HISTORY_RIGHT)
}
