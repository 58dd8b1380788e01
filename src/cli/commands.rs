//! The commands other than the full-screen view, and the one place that runs them.

use super::args::{Command, Format};
use super::context::{Context, Failure, open_store};
use super::history::{HistoryFilter, history};
use super::{field, plans, units};
use crate::domain::last_year;
use crate::domain::ledger::Kind;
use crate::domain::period::Period;
use crate::domain::progress::{self, PeriodChoice};
use crate::i18n::present;
use crate::i18n::{self, Label};
use crate::ops::record::RecordError;
use crate::ops::withdraw::{Which, WithdrawError};
use crate::ops::{self, Actor};
use crate::report::{csv, json, table};
use crate::store;
use std::io::{self, Write};
use std::path::Path;

/// Runs a command other than the full-screen view on the store at `path`, writing its
/// output to `out`.
pub fn run(command: &Command, context: &Context, path: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    run_with_year(command, context, None, path, out)
}

/// [`run`], given `--year` (the new plan's year for `plan import`).
pub fn run_with_year(
    command: &Command,
    context: &Context,
    year: Option<i16>,
    path: &Path,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // The clock, read once here, and the zone read at the edge (`Context::zone`): whatever
    // this command dates, it dates with them.
    let now = jiff::Timestamp::now();
    let today = now.to_zoned_datetime(context.zone.clone()).date();
    match command {
        Command::Report { format, period, out: file } => {
            let store = open_store(context, path)?;
            // Last year's figures through `last_year_id`, beside those entered by hand.
            let last_year = plans::last_year(context.lang, &context.plan);
            let last_year = last_year.as_ref().map(|(plan, ledger)| last_year::LastYear { plan, ledger });
            let linked = last_year::with_linked(&context.plan, store.ledger(), last_year);
            let ledger = &*linked;
            let overridden = last_year
                .map(|l| last_year::overridden(&context.plan, store.ledger(), l))
                .unwrap_or_default();
            let choice = period.map_or(PeriodChoice::Latest, PeriodChoice::Fixed);
            let rows = progress::assess(&context.plan, ledger, choice);
            let conflicts = crate::domain::conflict::conflicts(ledger);
            let tally = progress::tally(&context.plan, ledger);
            let mut buffer = Vec::new();
            let sink: &mut dyn Write = if file.is_some() { &mut buffer } else { &mut *out };
            match format {
                Format::Table => {
                    let mut options = context.report_options();
                    if file.is_some() {
                        // A file gets no colour codes, whatever the terminal, and every name whole.
                        options.colour = false;
                        options.width = None;
                    }
                    table::report_table(&context.plan, &options, choice, &rows, &conflicts, tally, sink)?;
                    plans::last_year_notes(context, last_year.map(|l| l.plan), &rows, &overridden, sink)?;
                }
                Format::Json => {
                    json::report_json(&context.plan, context.lang, &rows, &conflicts, tally, sink)?
                }
                Format::Csv => csv::report_csv(context.lang, &rows, &conflicts, sink)?,
                Format::Md => {
                    let report =
                        crate::report::build(&context.plan, ledger, choice, today, context.zone.clone());
                    crate::report::md::write(&report, context.lang, context.ascii, sink)?;
                }
                Format::Xlsx => {
                    if file.is_none() {
                        return Err(Failure::bad_input(i18n::ReportLabel::XlsxNeedsOut.get(context.lang)));
                    }
                    let report =
                        crate::report::build(&context.plan, ledger, choice, today, context.zone.clone());
                    buffer = crate::report::xlsx::to_bytes(&report, context.lang)
                        .map_err(|e| Failure { code: 1, message: i18n::xlsx_failed(context.lang, &e) })?;
                }
            }
            if let Some(path) = file {
                crate::store::write_atomically(path, &buffer, path)
                    .map_err(|e| Failure { code: 1, message: i18n::cannot_write(context.lang, path, &e) })?;
            }
            Ok(())
        }
        Command::Set { id, value, period, estimate, note, yes } => {
            let kind = if *estimate { Kind::Estimate } else { Kind::Official };
            let request = SetRequest { id, value, period: *period, kind, note: note.as_deref(), yes: *yes };
            set(context, path, &request, today, &Actor::here(now), out)
        }
        Command::History { id, period, author, since } => {
            let target = match id {
                Some(typed) => Some(
                    context
                        .plan
                        .find(typed)
                        .ok_or_else(|| Failure::bad_input(i18n::unknown_target(context.lang, typed)))?
                        .id
                        .as_str(),
                ),
                None => None,
            };
            let since = since
                .as_deref()
                .map(|text| field::parse_since(context.lang, &context.zone, text))
                .transpose()?;
            let store = open_store(context, path)?;
            let only = HistoryFilter { period: *period, author: author.as_deref(), since };
            history(context, store.ledger(), target, &only, out)?;
            plans::print_revisions(context, target, out)?;
            Ok(())
        }
        Command::Undo => undo(context, path, &Actor::here(now), out),
        Command::Check => check(context, path, out),
        Command::Field(command) => {
            // A unit's change file goes into that unit's store, and only there.
            let routed;
            let path = match command {
                field::FieldCommand::Import { file, .. } => {
                    routed = units::import_store(context, path, file)?;
                    routed.as_path()
                }
                _ => path,
            };
            let mut store = open_store(context, path)?;
            field::run(command, context, &mut store, &Actor::here(now), out)
        }
        Command::Plan(command) => plans::run(command, context, year, path, out),
        Command::Missing { period, format, reminders, out: file } => {
            let period = period.unwrap_or_else(|| Period::current(context.plan.year, today));
            let request = units::MissingRequest {
                period,
                format: *format,
                reminders: *reminders,
                file: file.as_deref(),
            };
            units::missing(context, path, &request, out)
        }
        Command::Unit(command) => units::run_unit(command, context, path, out),
        Command::Units { period, format, out: file } => {
            let period = period.unwrap_or_else(|| Period::current(context.plan.year, today));
            units::units(context, path, period, *format, file.as_deref(), out)
        }
    }
}

/// What `chitieu set` was asked to record, as typed.
pub struct SetRequest<'a> {
    pub id: &'a str,
    pub value: &'a str,
    pub period: Option<Period>,
    pub kind: Kind,
    pub note: Option<&'a str>,
    /// Take a sharp change without asking (`--yes`).
    pub yes: bool,
}

/// Records a figure. Everything typed is checked before the store is touched, so refused
/// input changes nothing on disk; the confirmation is printed only once the save returned.
pub fn set(
    context: &Context,
    path: &Path,
    request: &SetRequest,
    today: jiff::civil::Date,
    actor: &Actor,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let plan = &context.plan;
    let target =
        plan.find(request.id).ok_or_else(|| Failure::bad_input(i18n::unknown_target(lang, request.id)))?;
    if target.goal.is_none() {
        let parts: Vec<&str> = plan.parts(&target.id).map(|t| t.id.as_str()).collect();
        return Err(Failure::bad_input(i18n::heading_target(lang, &target.id, &parts)));
    }
    let value = crate::domain::number::parse(request.value, lang.number_style())
        .map_err(|e| Failure::bad_input(i18n::bad_value(lang, request.value, &e)))?;
    let period = request.period.unwrap_or_else(|| Period::current(plan.year, today));
    let figure = ops::record::Figure {
        target: &target.id,
        period,
        value,
        kind: request.kind,
        note: request.note.unwrap_or(""),
        typed: Some((request.value, lang.number_style())),
    };
    let mut store = open_store(context, path)?;
    let mut recorded = ops::record::record(&mut store, plan, &figure, actor, request.yes);
    if let Err(RecordError::Sharp(changes)) = &recorded {
        use std::io::IsTerminal;
        let stdin = io::stdin();
        let interactive = stdin.is_terminal();
        let mut err = crate::domain::text::TerminalSafe::new(io::stderr());
        field::confirm_sharp(context, changes, false, &mut stdin.lock(), interactive, &mut err)?;
        recorded = ops::record::record(&mut store, plan, &figure, actor, true);
    }
    let recorded = recorded.map_err(|e| {
        Failure::bad_input(match e {
            RecordError::Closed(closed) => i18n::field::period_closed_in(lang, &closed, &context.zone),
            RecordError::Sharp(changes) => changes
                .iter()
                .map(|c| i18n::field::sharp_change(lang, plan, c))
                .collect::<Vec<_>>()
                .join("\n"),
            RecordError::Store(e) => i18n::store_error(lang, &e),
        })
    })?;
    let entry = &recorded.entry;
    let shown = present::value_with_unit(lang, value, target.unit.get(lang));
    writeln!(out, "{}", i18n::saved(lang, &target.id, period, &shown, entry.kind, store.path()))?;
    writeln!(out, "{}", i18n::from_others(lang, recorded.merged.from_others))?;
    writeln!(out, "{}: {}", Label::EntryId.get(lang), entry.id)?;
    Ok(())
}

/// `chitieu undo`: withdraws the user's own latest figure still standing, unless its period
/// is closed (both decided under the store's lock).
pub fn undo(context: &Context, path: &Path, actor: &Actor, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = context.lang;
    let mut store = open_store(context, path)?;
    let withdrawn = match ops::withdraw::withdraw(&mut store, &context.plan, Which::Latest, actor) {
        Ok(withdrawn) => withdrawn,
        Err(WithdrawError::Nothing) => {
            writeln!(out, "{}", i18n::ViewText::NothingToUndo.get(lang))?;
            return Ok(());
        }
        Err(WithdrawError::Closed(closed)) => {
            return Err(Failure::bad_input(i18n::field::period_closed_in(lang, &closed, &context.zone)));
        }
        Err(WithdrawError::Store(e)) => return Err(Failure::bad_input(i18n::store_error(lang, &e))),
    };
    writeln!(out, "{}", i18n::withdrawn(lang, &present::entry(lang, &context.plan, &withdrawn.retraction)))?;
    writeln!(out, "{}", i18n::from_others(lang, withdrawn.merged.from_others))?;
    Ok(())
}

/// `chitieu check`: exit 0 when plan and store are sound, 1 when problems were found, 2 when
/// the store cannot be read at all.
pub fn check(context: &Context, path: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = context.lang;
    let plan = &context.plan;
    writeln!(out, "{}", i18n::plan_sound(lang, &plan.id, plan.year, plan.targets.len(), &plan.content_hash))?;
    let revisions = plans::revisions(context);
    if !revisions.is_empty() {
        writeln!(out, "{}", i18n::plans::revisions_in_check(lang, revisions.len()))?;
        for revision in &revisions {
            for line in i18n::plans::revision_lines(lang, &context.zone, revision, None) {
                writeln!(out, "  {line}")?;
            }
        }
    }
    let mut inspection =
        store::inspect(path, plan).map_err(|e| Failure::bad_input(i18n::store_error(lang, &e)))?;
    // A store made before a recorded revision is expected, not a problem: the revision says
    // what changed.
    if let Some(inspection) = &mut inspection {
        inspection.findings.retain(|finding| match finding {
            store::Finding::PlanChanged { store_hash, plan_hash } => {
                !(revisions.iter().any(|r| &r.from == store_hash)
                    && revisions.iter().any(|r| &r.to == plan_hash))
            }
            _ => true,
        });
    }
    let Some(inspection) = inspection else {
        writeln!(out, "{}", i18n::no_store(lang, path))?;
        return Ok(());
    };
    // Official figures that contradict each other count as problems too (see `conflict`).
    let conflicts = field::conflict_findings(lang, &context.zone, plan, open_store(context, path)?.ledger());
    let count = inspection.findings.len() + conflicts.len();
    writeln!(out, "{}", i18n::store_summary(lang, path, inspection.entries, count))?;
    for finding in &inspection.findings {
        writeln!(out, "  - {}", i18n::finding(lang, &context.zone, finding))?;
    }
    for conflict in &conflicts {
        writeln!(out, "  - {conflict}")?;
    }
    if count > 0 {
        out.flush()?;
        return Err(Failure { code: 1, message: i18n::problems_found(lang, count) });
    }
    Ok(())
}
