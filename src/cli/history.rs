//! `chitieu history`: every entry, newest first.

use super::context::Context;
use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::i18n::present;
use crate::i18n::{self, Label};
use crate::report::table;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

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
    let rows: Vec<[String; 7]> = entries
        .into_iter()
        .map(|e| {
            let unit = context.plan.target(&e.target).map_or("", |t| t.unit.get(lang));
            let value = present::value_with_unit(lang, e.value, unit);
            let kind = if let Some(action) = e.action {
                i18n::field::round_label(lang, action, e.period)
            } else if e.is_retraction() {
                format!("{} ({})", Label::Withdrawal.get(lang), i18n::kind(lang, e.kind).to_lowercase())
            } else {
                i18n::kind(lang, e.kind).to_owned()
            };
            let value = if e.is_round() {
                String::new()
            } else if e.is_retraction() {
                format!("({value})")
            } else {
                value
            };
            [
                present::time_in(lang, e.time, &context.zone),
                e.target.clone(),
                i18n::period(lang, e.period).to_owned(),
                value,
                kind,
                crate::domain::text::clean(&e.author),
                crate::domain::text::clean(&e.note),
            ]
        })
        .collect();
    if rows.is_empty() {
        return writeln!(out, "{}", Label::NoEntries.get(lang));
    }
    let header = [
        Label::ColTime,
        Label::ColId,
        Label::ColPeriod,
        Label::ColActual,
        Label::ColKind,
        Label::ColAuthor,
        Label::ColNote,
    ]
    .map(|t| t.get(lang).to_owned());
    let mut widths = header.clone().map(|h| h.width());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let right = [false, false, false, true, false, false, false];
    table::write_line(out, &header, &widths, &right, None, false)?;
    for row in &rows {
        table::write_line(out, row, &widths, &right, None, false)?;
    }
    Ok(())
}
