//! Commands for field entry: `export`, `import`, `close-period`, `reopen-period`, and the
//! confirmation of sharp changes that `set` shares with `import`.

use super::{Context, Failure};
use crate::domain::conflict;
use crate::domain::exchange::{self, Selection};
use crate::domain::ledger::{Ledger, RoundAction};
use crate::domain::period::Period;
use crate::domain::sharp::SharpChange;
use crate::i18n::{self, Lang, field as msg};
use crate::ops::import::ImportError;
use crate::ops::{self, Actor};
use crate::store::{self, Store};
use clap::Subcommand;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum FieldCommand {
    /// Write entries to a change file for another store (field laptop → office)
    Export {
        /// The change file to write
        file: PathBuf,
        /// Only entries made at or after TIME: RFC 3339 (2024-07-01T08:00:00+07:00) or a date
        /// (2024-07-01, from midnight local time)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Only entries by this author (login name)
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
    },
    /// Merge a change file into the store; importing it again changes nothing
    Import {
        /// The change file to read
        file: PathBuf,
        /// Take sharp changes without asking
        #[arg(long)]
        yes: bool,
    },
    /// Close a period (chốt số liệu): no new entries for it until it is reopened
    ClosePeriod {
        #[arg(value_parser = super::parse_period)]
        period: Period,
    },
    /// Reopen a closed period
    ReopenPeriod {
        #[arg(value_parser = super::parse_period)]
        period: Period,
    },
}

pub fn run(
    command: &FieldCommand,
    context: &Context,
    store: &mut Store,
    actor: &Actor,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    match command {
        FieldCommand::Export { file, since, author } => {
            export(context, store, file, since.as_deref(), author, actor, out)
        }
        FieldCommand::Import { file, yes } => import(context, store, file, *yes, out),
        FieldCommand::ClosePeriod { period } => {
            round(context, store, RoundAction::ClosePeriod, *period, actor, out)
        }
        FieldCommand::ReopenPeriod { period } => {
            round(context, store, RoundAction::ReopenPeriod, *period, actor, out)
        }
    }
}

/// Reads `--since`: an RFC 3339 moment, or a date meaning its first moment in the zone `tz`.
pub fn parse_since(lang: Lang, tz: &jiff::tz::TimeZone, text: &str) -> Result<jiff::Timestamp, Failure> {
    let text = text.trim();
    if let Ok(at) = text.parse::<jiff::Timestamp>() {
        return Ok(at);
    }
    text.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|date| date.to_zoned_datetime(tz.clone()).ok())
        .map(|zoned| zoned.timestamp())
        .ok_or_else(|| Failure::bad_input(msg::bad_since(lang, text)))
}

fn export(
    context: &Context,
    store: &Store,
    file: &Path,
    since: Option<&str>,
    author: &Option<String>,
    actor: &Actor,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let since = since.map(|s| parse_since(lang, &context.zone, s)).transpose()?;
    // Nor onto the files that go with it: replacing the lock file breaks the lock of a save
    // running now, and the backup is the last good copy of the store.
    let store_path = store.path();
    if [store_path.to_owned(), store::sibling(store_path, "lock"), store::sibling(store_path, "bak")]
        .iter()
        .any(|own| same_file(&store::resolve_links(file), own))
    {
        return Err(Failure::bad_input(msg::export_over_store(lang, file)));
    }
    let selection = Selection { since, author: author.clone() };
    let mut change =
        exchange::export_with_fields(&context.plan, store.ledger(), &selection, actor.now, |id| {
            store.fields_of(id)
        });
    change.unit = context.unit.clone();
    store::write_atomically(file, &exchange::to_bytes(&change), file)
        .map_err(|e| Failure { code: 1, message: i18n::cannot_write(lang, file, &e) })?;
    writeln!(out, "{}", msg::exported(lang, change.count, file))?;
    Ok(())
}

/// Whether two paths name the same file (the second may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| {
        p.canonicalize().ok().or_else(|| {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            Some(dir.canonicalize().ok()?.join(p.file_name()?))
        })
    };
    match (resolve(a), resolve(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

/// This machine's clock, read at the edge.
fn actor_now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

fn import(
    context: &Context,
    store: &mut Store,
    file: &Path,
    yes: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let plan = &context.plan;
    let text =
        std::fs::read_to_string(file).map_err(|e| Failure::bad_input(i18n::cannot_read(lang, file, &e)))?;
    let refused = |error: ImportError| {
        Failure::bad_input(match error {
            ImportError::File(e) => i18n::exchange_error(lang, file, &e),
            ImportError::Closed(found) => msg::import_closed(lang, &context.zone, file, &found.0, &found.1),
            ImportError::Clash(id) => i18n::exchange_error(
                lang,
                file,
                &exchange::ExchangeError {
                    line: 0,
                    column: 0,
                    problem: exchange::ExchangeProblem::IdClash { entry: id },
                },
            ),
            ImportError::Store(e) => crate::i18n::store_error(lang, &e),
        })
    };
    let prepared = ops::import::prepare(store, plan, &text).map_err(refused)?;
    if prepared.incoming.plan_differs {
        writeln!(out, "{}", msg::plan_differs(lang))?;
    }
    // A file that closes or reopens a period here, or brings entries dated more than a day
    // ahead of this machine's clock (a wrong clock elsewhere), is said and needs --yes.
    let ahead: Vec<&crate::domain::ledger::Entry> =
        prepared.incoming.new.iter().filter(|e| crate::domain::ledger::dated_ahead(e, actor_now())).collect();
    let said: Vec<String> = prepared
        .rounds_changed
        .iter()
        .map(|(period, closed)| msg::import_changes_round(lang, *period, *closed))
        .chain(ahead.iter().map(|e| msg::dated_ahead(lang, &context.zone, e)))
        .collect();
    if !said.is_empty() {
        if !yes {
            return Err(Failure::bad_input(format!("{}\n{}", said.join("\n"), msg::needs_yes(lang))));
        }
        for line in &said {
            writeln!(out, "{line}")?;
        }
    }
    confirm_sharp(
        context,
        &prepared.sharp,
        yes,
        &mut io::stdin().lock(),
        io::stdin().is_terminal(),
        &mut crate::domain::text::TerminalSafe::new(io::stderr()),
    )?;
    let imported = ops::import::apply(store, plan, &prepared).map_err(refused)?;
    let conflicts = &imported.conflicts;
    writeln!(out, "{}", msg::import_summary(lang, imported.added, imported.already, conflicts.len()))?;
    for c in conflicts {
        writeln!(out, "  {}", msg::conflict_line(lang, &context.zone, plan, c))?;
    }
    if !conflicts.is_empty() {
        writeln!(out, "{}", msg::conflict_advice(lang))?;
    }
    Ok(())
}

/// Asks whether to take figures far from the previous period's. With `yes`, or with nothing
/// to ask about, they are taken. Otherwise, on a terminal (`interactive`), each change is
/// listed on `err` and one answer read from `input`; without a terminal the command is refused
/// with exit 2 and a hint to add `--yes`.
///
/// `set` calls it as `import` does, after `sharp::check(plan, ledger, id, period, value)`:
/// `confirm_sharp(context, &sharp, yes, &mut io::stdin().lock(), io::stdin().is_terminal(),
/// &mut io::stderr())?` before saving.
pub fn confirm_sharp(
    context: &Context,
    changes: &[SharpChange],
    yes: bool,
    input: &mut dyn BufRead,
    interactive: bool,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    if changes.is_empty() || yes {
        return Ok(());
    }
    let listing: Vec<String> = changes.iter().map(|c| msg::sharp_change(lang, &context.plan, c)).collect();
    if !interactive {
        return Err(Failure::bad_input(format!("{}\n{}", listing.join("\n"), msg::sharp_no_terminal(lang))));
    }
    for line in &listing {
        writeln!(err, "{line}")?;
    }
    write!(err, "{} ", msg::sharp_question(lang))?;
    err.flush()?;
    let mut answer = String::new();
    input.read_line(&mut answer)?;
    if msg::is_yes(lang, &answer) { Ok(()) } else { Err(Failure::bad_input(msg::sharp_declined(lang))) }
}

fn round(
    context: &Context,
    store: &mut Store,
    action: RoundAction,
    period: Period,
    actor: &Actor,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let message = match crate::ops::round::save(store, &context.plan, action, period, actor) {
        Ok(crate::ops::round::Saved::Done(_)) => msg::round_done(lang, action, period),
        Ok(crate::ops::round::Saved::AlreadyClosed(close)) => {
            msg::already_closed(lang, &context.zone, &close)
        }
        Ok(crate::ops::round::Saved::AlreadyOpen) => msg::already_open(lang, period),
        Err(e) => return Err(Failure::bad_input(crate::i18n::store_error(lang, &e))),
    };
    writeln!(out, "{message}")?;
    Ok(())
}

/// What `chitieu check` reports about conflicts: one line per target and period whose
/// official figures conflict, worded in `lang`. `check` prints them and exits 1 when there are
/// any: `let found = field::conflict_findings(lang, &tz, &plan, store.ledger());`.
pub fn conflict_findings(
    lang: Lang,
    tz: &jiff::tz::TimeZone,
    plan: &crate::domain::plan::Plan,
    ledger: &Ledger,
) -> Vec<String> {
    conflict::conflicts(ledger).iter().map(|c| msg::conflict_problem(lang, tz, plan, c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn context(lang: Lang) -> Context {
        Context {
            unit: None,
            lang,
            ascii: false,
            colour: false,
            plan: crate::domain::plan::Plan::embedded(),
            wait: std::time::Duration::from_secs(30),
            width: None,
            zone: jiff::tz::TimeZone::UTC,
        }
    }

    fn change() -> SharpChange {
        SharpChange {
            target: "3".into(),
            period: Period::H1,
            value: Decimal::new(46_330, 0),
            previous_period: Period::Q1,
            previous: Decimal::new(2_000, 0),
            factor: Decimal::TWO,
            basis: crate::domain::sharp::Basis::PreviousPeriod,
        }
    }

    #[test]
    fn sharp_changes_are_asked_about_on_a_terminal() {
        let vi = context(Lang::Vi);
        let mut err = Vec::new();
        assert!(confirm_sharp(&vi, &[change()], false, &mut "c\n".as_bytes(), true, &mut err).is_ok());
        let asked = String::from_utf8(err).expect("utf-8");
        assert!(asked.contains("46.330 (6 tháng)") && asked.ends_with("[c/K] "), "{asked}");
        let refused = confirm_sharp(&vi, &[change()], false, &mut "\n".as_bytes(), true, &mut Vec::new());
        assert_eq!(refused.map_err(|f| f.code).err(), Some(2), "Enter alone means no");
        let en = context(Lang::En);
        assert!(
            confirm_sharp(&en, &[change()], false, &mut "yes\n".as_bytes(), true, &mut Vec::new()).is_ok()
        );
        assert!(
            confirm_sharp(&en, &[change()], false, &mut "c\n".as_bytes(), true, &mut Vec::new()).is_err()
        );
    }

    #[test]
    fn without_a_terminal_only_yes_takes_them() {
        let en = context(Lang::En);
        let failure = confirm_sharp(&en, &[change()], false, &mut "y\n".as_bytes(), false, &mut Vec::new())
            .expect_err("no terminal");
        assert_eq!(failure.code, 2);
        assert!(failure.message.contains("add --yes"), "{}", failure.message);
        assert!(confirm_sharp(&en, &[change()], true, &mut "".as_bytes(), false, &mut Vec::new()).is_ok());
        assert!(confirm_sharp(&en, &[], false, &mut "".as_bytes(), false, &mut Vec::new()).is_ok());
    }

    #[test]
    fn since_reads_dates_and_moments() {
        let utc = jiff::tz::TimeZone::UTC;
        let at = parse_since(Lang::En, &utc, "2024-07-01T08:00:00+07:00").expect("rfc 3339");
        assert_eq!(at, jiff::Timestamp::from_second(1_719_795_600).expect("time"));
        assert!(parse_since(Lang::En, &utc, "2024-07-01").is_ok());
        assert_eq!(parse_since(Lang::Vi, &utc, "1/7/2024").map_err(|f| f.code).err(), Some(2));
    }
}
