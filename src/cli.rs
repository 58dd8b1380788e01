//! The command line: arguments, and the commands other than the full-screen view.

pub mod config;
pub mod field;
pub mod help;
pub mod plans;
pub mod unit_targets;
pub mod units;

use crate::domain::conflict::Conflict;
use crate::domain::last_year;
use crate::domain::ledger::{Kind, Ledger};
use crate::domain::period::Period;
use crate::domain::plan::{Goal, Plan};
use crate::domain::progress::{self, PeriodChoice, Row};
use crate::domain::status::Status;
use crate::i18n::present;
use crate::i18n::{self, Label, Lang};
use crate::ops::record::RecordError;
use crate::ops::withdraw::{Which, WithdrawError};
use crate::ops::{self, Actor};
use crate::store::{self, Store};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Parser)]
#[command(name = "chitieu", version, about = "Review and update the yearly targets of an action program")]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the full-screen view for viewing only: no figure can be entered or withdrawn
    #[arg(long)]
    pub read_only: bool,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// The store of actual figures (shared by pointing several users at one file)
    #[arg(long, global = true, env = "CHITIEU_STORE", value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// A plan file in place of the installed plans (see `chitieu plan list`)
    #[arg(long, global = true, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The installed plan of this year (default: the newest whose year has begun)
    #[arg(long, global = true, env = "CHITIEU_YEAR", value_name = "YEAR")]
    pub year: Option<i16>,
    /// Language of the interface (Vietnamese by default)
    #[arg(long, global = true, env = "CHITIEU_LANG", value_parser = lang_parser())]
    pub lang: Option<Lang>,
    /// Plain ASCII: no box drawing, no symbols
    #[arg(long, global = true)]
    pub ascii: bool,
    /// The terminal's background, for the full-screen view's colours: dark (default) or light
    #[arg(long, global = true, env = "CHITIEU_THEME", value_parser = ["dark", "light"])]
    pub theme: Option<String>,
    /// How long a save waits for a store another process has locked before giving up (exit 2)
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
    /// Work on this unit's own store (see `chitieu unit add`), kept beside the plan's store
    #[arg(long, global = true, env = "CHITIEU_UNIT", value_name = "ID")]
    pub unit: Option<String>,
}

/// `--lang vi|en`, the domain's [`Lang`] (which knows nothing of clap) parsed as clap would
/// parse a `ValueEnum`: the same names, the same possible values in the help.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["vi", "en"])
        .map(|name| if name == "en" { Lang::En } else { Lang::Vi })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every target with its latest figure and status
    Report {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Show the figures of this period (default: each target's latest period with a figure)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        /// Write the report to FILE (required for xlsx)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    #[command(flatten)]
    Field(field::FieldCommand),
    /// Record a figure for a target (VALUE in the language's number style: 9.500 or 8,3 in Vietnamese)
    Set {
        /// The target's id, as the plan numbers it: 3, 7a, II.4
        id: String,
        /// The figure: 9.500 and 8,3 in Vietnamese (the default); 9,500 and 8.3 with --lang en
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// q1, h1, 9m or year; last-q1, last-h1, last-9m or last-year for the same period of
        /// the year before (default: the latest period that has begun by today)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        /// An estimate (ước thực hiện) rather than an official figure
        #[arg(long)]
        estimate: bool,
        /// A note kept with the figure, such as where it comes from
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Take a figure far from the previous period's without asking
        #[arg(long)]
        yes: bool,
    },
    /// Withdraw your own latest figure still standing (history keeps both)
    Undo,
    /// Every figure entered, newest first (for one target, or all)
    History {
        /// Only this target (a heading such as 10: its parts 10a–10c)
        id: Option<String>,
        /// Only figures for this period (q1, h1, 9m, year, last-q1 …)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        /// Only entries by this login name
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// Only entries made since this moment (2024-07-01, or RFC 3339)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
    },
    /// Validate the plan and the store: exit 0 sound, 1 problems found, 2 unreadable
    Check,
    /// Plans: a template to fill in, a plan from a spreadsheet
    #[command(subcommand)]
    Plan(plans::PlanCommand),
    /// Who has not reported: the targets due in a period without a figure, by lead agency
    Missing {
        /// q1, h1, 9m or year (default: the latest period that has begun by today)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        #[arg(long, value_enum, default_value_t = units::ListFormat::Table)]
        format: units::ListFormat,
        /// A reminder letter per agency, to send by e-mail or print, in place of the list
        #[arg(long)]
        reminders: bool,
        /// Write to FILE rather than the screen
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Units that keep their own figures for the plan (communes, wards, departments)
    #[command(subcommand)]
    Unit(units::UnitCommand),
    /// All units together: completeness and statuses of each for a period
    Units {
        /// q1, h1, 9m or year (default: the latest period that has begun by today)
        #[arg(long, value_parser = parse_period)]
        period: Option<Period>,
        #[arg(long, value_enum, default_value_t = units::ListFormat::Table)]
        format: units::ListFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// Markdown, for documents
    Md,
    /// A spreadsheet (needs --out FILE)
    Xlsx,
}

pub fn parse_period(text: &str) -> Result<Period, String> {
    Period::from_key(text).ok_or_else(|| {
        "expected one of q1, h1, 9m, year, or last-q1, last-h1, last-9m, last-year for the year before"
            .to_owned()
    })
}

/// A command that could not be carried out: the message for stderr and the exit status
/// (2 for bad input, as the brief says).
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn bad_input(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: message.into() }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            // `chitieu report | head` closes the pipe early; that is not a failure.
            return Failure { code: 0, message: String::new() };
        }
        Failure { code: 1, message: error.to_string() }
    }
}

/// What every command works on.
pub struct Context {
    pub lang: Lang,
    pub ascii: bool,
    pub colour: bool,
    pub plan: Plan,
    /// How long a save waits for the store's lock (`--wait`).
    pub wait: std::time::Duration,
    /// The unit worked on (`--unit`), whose own store the command uses.
    pub unit: Option<String>,
    /// The terminal's width when output goes to one: the text report then wraps long names
    /// to fit it. `None` for a file or a pipe, which get every name in full on one line.
    pub width: Option<usize>,
}

impl Context {
    pub fn new(global: &Global, colour: bool) -> Result<Context, Failure> {
        let located = locate(global, None)?;
        Context::with(global, colour, located.plan)
    }

    /// The context of a plan already located (see [`locate`]).
    pub fn with(global: &Global, colour: bool, plan: Located) -> Result<Context, Failure> {
        let lang = global.lang.unwrap_or_default();
        let plan = match plan {
            Located::Ready(plan) => *plan,
            Located::File(path) => load_plan(lang, &path)?,
        };
        Ok(Context {
            lang,
            ascii: global.ascii,
            colour,
            plan,
            wait: std::time::Duration::from_secs(global.wait),
            unit: global.unit.clone(),
            width: None,
        })
    }
}

/// Where the plan comes from: a `--plan` file still to read, or an installed plan read
/// while choosing it.
pub enum Located {
    File(PathBuf),
    Ready(Box<Plan>),
}

/// The plan and the store a command works on.
pub struct Location {
    pub plan: Located,
    pub store: PathBuf,
}

/// `--plan FILE` with `--store` or the default store, as always; otherwise the installed
/// plan of `--year` (default: the newest whose year has begun) with `--store` or the
/// plan's own store. Without a home directory, the embedded plan and `--store`.
pub fn locate(global: &Global, command: Option<&Command>) -> Result<Location, Failure> {
    let mut location = locate_plan(global, command)?;
    // `unit` and `units` work on the plan's list of units, whatever `--unit` says.
    let on_units = matches!(command, Some(Command::Unit(_) | Command::Units { .. }));
    if let Some(id) = &global.unit
        && !on_units
        && !location.store.as_os_str().is_empty()
    {
        location.store = units::unit_store(global.lang.unwrap_or_default(), &location.store, id)?;
        // The unit's own target figures, except for `plan import --unit`, which replaces them.
        if !matches!(command, Some(Command::Plan(_))) {
            location.plan =
                unit_targets::judged(global.lang.unwrap_or_default(), location.plan, &location.store, id)?;
        }
    }
    Ok(location)
}

/// [`locate`] before `--unit`: the plan's own store.
fn locate_plan(global: &Global, command: Option<&Command>) -> Result<Location, Failure> {
    let lang = global.lang.unwrap_or_default();
    if let Some(Command::Plan(plan_command)) = command
        && !plan_command.needs_plan()
        && !(global.unit.is_some() && matches!(plan_command, plans::PlanCommand::Import { .. }))
    {
        let plan = Located::Ready(Box::new(Plan::embedded()));
        return Ok(Location { plan, store: PathBuf::new() });
    }
    if let Some(path) = &global.plan {
        return Ok(Location { plan: Located::File(path.clone()), store: store_path(global)? });
    }
    let Some(shelf) = crate::store::installed::Shelf::default_location() else {
        let plan = Located::Ready(Box::new(Plan::embedded()));
        return Ok(Location { plan, store: store_path(global)? });
    };
    let this_year = crate::store::localtime::today().year();
    let chosen = shelf
        .choose(global.year, this_year)
        .map_err(|e| Failure::bad_input(i18n::plans::shelf_error(lang, &e)))?;
    let store = global.store.clone().unwrap_or(chosen.store);
    Ok(Location { plan: Located::Ready(Box::new(chosen.plan)), store })
}

/// Reads a plan file, naming the file, line and column of any problem.
pub fn load_plan(lang: Lang, path: &Path) -> Result<Plan, Failure> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::bad_input(match lang {
            Lang::Vi => format!("không đọc được tệp kế hoạch {shown}: {}", i18n::os_error(lang, &e)),
            Lang::En => format!("cannot read the plan file {shown}: {e}"),
        })
    })?;
    Plan::parse(&text).map_err(|e| {
        let detail = i18n::plan_error(lang, &e);
        Failure::bad_input(match lang {
            Lang::Vi => format!("tệp kế hoạch {shown}, {detail}"),
            Lang::En => format!("plan file {shown}, {detail}"),
        })
    })
}

/// The store to use: `--store` / `CHITIEU_STORE`, else the default in the data directory.
pub fn store_path(global: &Global) -> Result<PathBuf, Failure> {
    match &global.store {
        Some(path) => Ok(path.clone()),
        None => store::default_path()
            .ok_or_else(|| Failure::bad_input(Label::NoHome.get(global.lang.unwrap_or_default()))),
    }
}

/// Opens the store, or fails with exit status 2 and a message naming file, line and remedy.
pub fn open_store(context: &Context, path: &Path) -> Result<Store, Failure> {
    let mut store = Store::open(path, &context.plan)
        .map_err(|e| Failure::bad_input(i18n::store_error(context.lang, &e)))?;
    store.set_patience(waiting_on_stderr(context.lang, context.wait));
    Ok(store)
}

/// While another process holds the store's lock: say so on stderr at once (which lock
/// file), show the seconds waited on a terminal, and give up after `limit`.
fn waiting_on_stderr(lang: Lang, limit: std::time::Duration) -> store::Patience {
    use std::io::IsTerminal;
    let mut shown: Option<u64> = None;
    Box::new(move |lock, waited| {
        let mut err = io::stderr().lock();
        let terminal = err.is_terminal();
        let seconds = waited.as_secs();
        if shown.is_none() {
            let _ = write!(err, "chitieu: {}", i18n::store_locked_waiting(lang, lock, limit.as_secs()));
            if !terminal {
                let _ = writeln!(err);
            }
            shown = Some(0);
        } else if terminal && shown != Some(seconds) {
            let _ = write!(
                err,
                "\r\x1b[Kchitieu: {}",
                i18n::store_locked_count(lang, lock, seconds, limit.as_secs())
            );
            shown = Some(seconds);
        }
        let keep_waiting = waited < limit;
        if !keep_waiting && terminal {
            let _ = writeln!(err);
        }
        keep_waiting
    })
}

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
    // The clock and the zone, read once here: whatever this command dates, it dates with them.
    let now = jiff::Timestamp::now();
    let today = now.to_zoned_datetime(crate::store::localtime::zone()).date();
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
                Format::Table if file.is_some() => {
                    // A file gets no colour codes, whatever the terminal.
                    let plain = Context {
                        lang: context.lang,
                        ascii: context.ascii,
                        colour: false,
                        plan: context.plan.clone(),
                        wait: context.wait,
                        unit: context.unit.clone(),
                        width: None,
                    };
                    report_table(&plain, choice, &rows, &conflicts, tally, sink)?;
                    plans::last_year_notes(&plain, last_year.map(|l| l.plan), &rows, &overridden, sink)?;
                }
                Format::Table => {
                    report_table(context, choice, &rows, &conflicts, tally, sink)?;
                    plans::last_year_notes(context, last_year.map(|l| l.plan), &rows, &overridden, sink)?;
                }
                Format::Json => report_json(context, &rows, &conflicts, tally, sink)?,
                Format::Csv => report_csv(context, &rows, &conflicts, sink)?,
                Format::Md => {
                    let report = crate::report::build(&context.plan, ledger, choice, today);
                    crate::report::md::write(&report, context.lang, context.ascii, sink)?;
                }
                Format::Xlsx => {
                    if file.is_none() {
                        return Err(Failure::bad_input(
                            i18n::field::ReportLabel::XlsxNeedsOut.get(context.lang),
                        ));
                    }
                    let report = crate::report::build(&context.plan, ledger, choice, today);
                    buffer = crate::report::xlsx::to_bytes(&report, context.lang).map_err(|e| Failure {
                        code: 1,
                        message: i18n::field::xlsx_failed(context.lang, &e),
                    })?;
                }
            }
            if let Some(path) = file {
                crate::store::write_atomically(path, &buffer, path).map_err(|e| Failure {
                    code: 1,
                    message: i18n::field::cannot_write(context.lang, path, &e),
                })?;
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
            let since = since.as_deref().map(|text| field::parse_since(context.lang, text)).transpose()?;
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
        Command::Units { period, format } => {
            let period = period.unwrap_or_else(|| Period::current(context.plan.year, today));
            units::units(context, path, period, *format, out)
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
            RecordError::Closed(closed) => i18n::field::period_closed(lang, &closed),
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
            return Err(Failure::bad_input(i18n::field::period_closed(lang, &closed)));
        }
        Err(WithdrawError::Store(e)) => return Err(Failure::bad_input(i18n::store_error(lang, &e))),
    };
    writeln!(out, "{}", i18n::withdrawn(lang, &present::entry(lang, &context.plan, &withdrawn.retraction)))?;
    writeln!(out, "{}", i18n::from_others(lang, withdrawn.merged.from_others))?;
    Ok(())
}

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
                present::time(lang, e.time),
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
    let plain = Context {
        lang,
        ascii: context.ascii,
        colour: false,
        plan: context.plan.clone(),
        wait: context.wait,
        unit: context.unit.clone(),
        width: None,
    };
    write_line(out, &header, &widths, &right, None, &plain)?;
    for row in &rows {
        write_line(out, row, &widths, &right, None, &plain)?;
    }
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
            for line in i18n::plans::revision_lines(lang, revision, None) {
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
    let conflicts = field::conflict_findings(lang, plan, open_store(context, path)?.ledger());
    let count = inspection.findings.len() + conflicts.len();
    writeln!(out, "{}", i18n::store_summary(lang, path, inspection.entries, count))?;
    for finding in &inspection.findings {
        writeln!(out, "  - {}", i18n::finding(lang, finding))?;
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

fn report_table(
    context: &Context,
    choice: PeriodChoice,
    rows: &[Row],
    conflicts: &[Conflict],
    tally: progress::Tally,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = context.lang;
    let plan = &context.plan;
    let period = match choice {
        PeriodChoice::Fixed(p) => i18n::period(lang, p),
        PeriodChoice::Latest => Label::LatestPeriod.get(lang),
    };
    writeln!(out, "{}", i18n::present::title(lang, plan))?;
    writeln!(out, "{}: {period}", Label::PeriodLabel.get(lang))?;
    writeln!(out, "{}", i18n::field::tally(lang, tally))?;

    let header = i18n::field::report_columns(lang).map(str::to_owned);
    let cells: Vec<[String; COLUMNS]> = rows
        .iter()
        .map(|row| {
            let mut cells = table_cells(context, row);
            // A target whose official figures conflict carries a mark after its status.
            if !crate::domain::conflict::periods_in_conflict(conflicts, &row.target.id).is_empty() {
                cells[COLUMNS - 1].push(' ');
                cells[COLUMNS - 1].push_str(crate::i18n::present::conflict_mark(context.ascii));
            }
            cells
        })
        .collect();
    let mut widths = header.clone().map(|h| h.width());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    // At a terminal a long name wraps within what the other columns leave of its width; in a
    // file every name is whole on its line.
    if let Some(width) = context.width {
        let others: usize = widths.iter().enumerate().filter(|(i, _)| *i != NAME).map(|(_, w)| w + 2).sum();
        widths[NAME] = widths[NAME].min(width.saturating_sub(others).max(MIN_NAME_WIDTH));
    }
    // Right-align figures, left-align text.
    let right = [false, false, false, true, true, false, true, true, false];

    for group in crate::domain::plan::Group::ALL {
        let members: Vec<(&Row, &[String; COLUMNS])> =
            rows.iter().zip(&cells).filter(|(row, _)| row.target.group == group).collect();
        if members.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{}", i18n::group(lang, group).to_uppercase())?;
        write_line(out, &header, &widths, &right, None, context)?;
        for (row, cells) in members {
            let mut lines = wrap(&cells[NAME], widths[NAME]).into_iter();
            let mut first = cells.clone();
            first[NAME] = lines.next().unwrap_or_default();
            write_line(out, &first, &widths, &right, Some(row.status), context)?;
            for more in lines {
                let mut rest: [String; COLUMNS] = Default::default();
                rest[NAME] = more;
                write_line(out, &rest, &widths, &right, None, context)?;
            }
        }
    }
    if !conflicts.is_empty() {
        writeln!(out)?;
        let mark = crate::i18n::present::conflict_mark(context.ascii);
        writeln!(out, "{mark} {}", i18n::field::ReportLabel::ConflictNote.get(lang))?;
        for conflict in conflicts {
            writeln!(out, "  {}", i18n::field::conflict_line(lang, plan, conflict))?;
        }
    }
    Ok(())
}

/// The name's column in the table report, and the least room it gets at a terminal.
const NAME: usize = 1;
const MIN_NAME_WIDTH: usize = 20;

/// `text` in lines of at most `width` columns, broken between words (a word longer than a
/// line is broken where it must be); a part's indent starts each of its lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 || text.width() <= width {
        return vec![text.to_owned()];
    }
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = indent.clone();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if line.len() > indent.len() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::replace(&mut line, indent.clone()));
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        for c in word.chars() {
            if line.len() > indent.len()
                && line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width
            {
                lines.push(std::mem::replace(&mut line, indent.clone()));
            }
            line.push(c);
        }
    }
    if line.len() > indent.len() {
        lines.push(line);
    }
    lines
}

/// The columns of the table report: id, name, then the province's progress columns.
const COLUMNS: usize = 9;

fn table_cells(context: &Context, row: &Row) -> [String; COLUMNS] {
    let lang = context.lang;
    let target = row.target;
    let indent = if target.parent.is_some() { "  " } else { "" };
    let name = format!("{indent}{}", target.name.get(lang));
    let c = crate::report::Columns::of(row, lang, context.ascii);
    let figure = match (row.actual, target.goal, context.ascii) {
        (Some(_), _, _) | (None, None, _) => c.figure,
        (None, Some(_), true) => "-".to_owned(),
        (None, Some(_), false) => Label::NoFigure.get(lang).to_owned(),
    };
    [target.id.clone(), name, c.plan, c.last_year, figure, c.period, c.of_plan, c.of_last_year, c.verdict]
}

fn write_line<const N: usize>(
    out: &mut dyn Write,
    cells: &[String; N],
    widths: &[usize; N],
    right: &[bool; N],
    status: Option<Status>,
    context: &Context,
) -> io::Result<()> {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
        let last = i == cells.len() - 1;
        let text = match status {
            Some(status) if last && context.colour => paint(cell, status),
            _ => cell.clone(),
        };
        if right[i] {
            line.push_str(&pad);
            line.push_str(&text);
        } else {
            line.push_str(&text);
            if !last {
                line.push_str(&pad);
            }
        }
        if !last {
            line.push_str("  ");
        }
    }
    writeln!(out, "{}", line.trim_end())
}

fn paint(text: &str, status: Status) -> String {
    use crossterm::style::Stylize;
    let styled = crossterm::style::style(text);
    match status {
        Status::Exceeded => styled.green().bold(),
        Status::Achieved => styled.green(),
        Status::OnTrack => styled.cyan(),
        Status::NearlyAchieved | Status::AtRisk => styled.yellow(),
        Status::NotAchieved | Status::Behind => styled.red(),
        Status::NotDue => styled,
        Status::NoData => styled.dark_grey(),
    }
    .to_string()
}

/// `report --format json`, field names and order as the brief gives them.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    plan: JsonPlan<'a>,
    summary: JsonSummary,
    targets: Vec<JsonTarget<'a>>,
}

/// "Đạt và vượt `met`/`key_indicators` chỉ tiêu chủ yếu".
#[derive(serde::Serialize)]
struct JsonSummary {
    key_indicators: usize,
    met: usize,
}

#[derive(serde::Serialize)]
struct JsonPlan<'a> {
    id: &'a str,
    year: i16,
    title: &'a str,
    content_hash: &'a str,
}

#[derive(serde::Serialize)]
struct JsonTarget<'a> {
    id: &'a str,
    group: &'a str,
    name: &'a str,
    unit: &'a str,
    direction: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_max: Option<String>,
    measure: Option<&'a str>,
    actual: Option<String>,
    /// `estimate` (ước thực hiện) or `official` (chính thức).
    actual_kind: Option<&'a str>,
    period: Option<&'a str>,
    status: &'a str,
    /// Why there is no verdict: `no_figure`, `not_reported_in`, `no_last_year`, `last_year_period`.
    reason: Option<&'a str>,
    parent: Option<&'a str>,
    section: &'a str,
    percent_of_year_target: Option<String>,
    last_year_same_period: Option<String>,
    /// Where the same-period figure comes from: entered by hand, or linked from last
    /// year's plan through `last_year_id` (with that plan and target).
    #[serde(skip_serializing_if = "Option::is_none")]
    last_year_source: Option<plans::JsonSource>,
    percent_of_last_year: Option<String>,
    /// For a ceiling: the figure minus the ceiling (above zero: over it).
    over_ceiling: Option<String>,
    /// For a change target: the change from last year's figure it is judged on.
    change: Option<String>,
    /// The periods in which official figures of this target conflict (see `conflict`).
    conflicts: Vec<&'static str>,
}

fn report_json(
    context: &Context,
    rows: &[Row],
    conflicts: &[Conflict],
    tally: progress::Tally,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = context.lang;
    let plan = &context.plan;
    let targets = rows
        .iter()
        .map(|row| {
            let t = row.target;
            let (target, target_min, target_max) = match t.goal {
                Some((Goal::Range { min, max }, _)) => (None, Some(min.to_string()), Some(max.to_string())),
                Some((Goal::AtLeast(v) | Goal::AtMost(v), _)) => (Some(Some(v.to_string())), None, None),
                None => (Some(None), None, None),
            };
            JsonTarget {
                id: &t.id,
                group: t.group.key(),
                name: t.name.get(lang),
                unit: t.unit.get(lang),
                direction: t.goal.map(|(g, _)| g.direction().key()),
                target,
                target_min,
                target_max,
                measure: t.goal.map(|(_, m)| m.key()),
                actual: row.actual.map(|e| e.value.to_string()),
                actual_kind: row.actual.map(|e| e.kind.key()),
                period: row.actual.and(row.period).map(Period::key),
                status: row.status.key(),
                reason: row.verdict.reason.map(reason_key),
                parent: t.parent.as_deref(),
                section: &t.section,
                percent_of_year_target: row.percent.map(two_places),
                last_year_same_period: row.last_year.map(|e| e.value.to_string()),
                last_year_source: row.last_year.map(plans::JsonSource::of),
                percent_of_last_year: row.percent_of_last_year.map(two_places),
                over_ceiling: row.verdict.over_ceiling.map(|v| v.normalize().to_string()),
                change: row.verdict.change.map(|v| v.normalize().to_string()),
                conflicts: crate::domain::conflict::periods_in_conflict(conflicts, &t.id)
                    .into_iter()
                    .map(Period::key)
                    .collect(),
            }
        })
        .collect();
    let report = JsonReport {
        plan: JsonPlan {
            id: &plan.id,
            year: plan.year,
            title: plan.title.get(lang),
            content_hash: &plan.content_hash,
        },
        summary: JsonSummary { key_indicators: tally.key_indicators, met: tally.met },
        targets,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// A percentage as JSON and CSV give it: a decimal string to exactly two places, `95.00`.
fn two_places(value: Decimal) -> String {
    format!("{:.2}", value.round_dp(2))
}

fn reason_key(reason: crate::domain::status::Reason) -> &'static str {
    use crate::domain::status::Reason;
    match reason {
        Reason::NoFigure => "no_figure",
        Reason::NotReportedIn => "not_reported_in",
        Reason::NoLastYear => "no_last_year",
        Reason::LastYearPeriod => "last_year_period",
    }
}

fn report_csv(
    context: &Context,
    rows: &[Row],
    conflicts: &[Conflict],
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = context.lang;
    let header = [
        "id",
        "parent",
        "group",
        "name",
        "unit",
        "direction",
        "target",
        "target_min",
        "target_max",
        "measure",
        "actual",
        "actual_kind",
        "period",
        "percent_of_year_target",
        "last_year_same_period",
        "percent_of_last_year",
        "status",
        "reason",
        "conflicts",
    ];
    // The UTF-8 byte-order mark: without it Excel on Windows reads the file in the ANSI code
    // page and garbles every Vietnamese letter when the file is opened by a double click.
    out.write_all(b"\xEF\xBB\xBF")?;
    write_csv_record(out, header.iter().copied())?;
    for row in rows {
        let t = row.target;
        let (target, min, max) = match t.goal {
            Some((Goal::Range { min, max }, _)) => (String::new(), min.to_string(), max.to_string()),
            Some((Goal::AtLeast(v) | Goal::AtMost(v), _)) => (v.to_string(), String::new(), String::new()),
            None => Default::default(),
        };
        let fields = [
            t.id.clone(),
            t.parent.clone().unwrap_or_default(),
            t.group.key().to_owned(),
            t.name.get(lang).to_owned(),
            t.unit.get(lang).to_owned(),
            t.goal.map(|(g, _)| g.direction().key()).unwrap_or_default().to_owned(),
            target,
            min,
            max,
            t.goal.map(|(_, m)| m.key()).unwrap_or_default().to_owned(),
            row.actual.map(|e| e.value.to_string()).unwrap_or_default(),
            row.actual.map(|e| e.kind.key()).unwrap_or_default().to_owned(),
            row.actual.and(row.period).map(Period::key).unwrap_or_default().to_owned(),
            row.percent.map(two_places).unwrap_or_default(),
            row.last_year.map(|e| e.value.to_string()).unwrap_or_default(),
            row.percent_of_last_year.map(two_places).unwrap_or_default(),
            row.status.key().to_owned(),
            row.verdict.reason.map(reason_key).unwrap_or_default().to_owned(),
            crate::domain::conflict::periods_in_conflict(conflicts, &t.id)
                .into_iter()
                .map(Period::key)
                .collect::<Vec<_>>()
                .join(" "),
        ];
        write_csv_record(out, fields.iter().map(String::as_str))?;
    }
    Ok(())
}

/// One RFC 4180 record: fields with a comma, quote or line break are quoted, quotes
/// doubled, and the line ends in CRLF.
fn write_csv_record<'a>(out: &mut dyn Write, fields: impl Iterator<Item = &'a str>) -> io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            line.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut out = Vec::new();
        write_csv_record(&mut out, ["a", "b,c", "say \"hi\"", "x\ny"].into_iter()).expect("write");
        assert_eq!(String::from_utf8(out).expect("utf8"), "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
