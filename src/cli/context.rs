//! What every command works on: the plan and the store located, the settings, and the
//! failure a command ends in.

use super::args::{Command, Global};
use super::units;
use crate::domain::plan::Plan;
use crate::i18n::{self, Label, Lang};
use crate::store::{self, Store};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
    /// The time zone every time shown and every date typed is in: read once, at the edge
    /// (`main.rs`), so that a test can pass any zone.
    pub zone: jiff::tz::TimeZone,
}

impl Context {
    pub fn new(global: &Global, colour: bool, zone: jiff::tz::TimeZone) -> Result<Context, Failure> {
        let located = locate(global, None, &zone)?;
        Context::with(global, colour, located.plan, zone)
    }

    /// The context of a plan already located (see [`locate`]).
    pub fn with(
        global: &Global,
        colour: bool,
        plan: Located,
        zone: jiff::tz::TimeZone,
    ) -> Result<Context, Failure> {
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
            zone,
        })
    }

    /// What the report renderers need of this context.
    pub fn report_options(&self) -> crate::report::Options {
        crate::report::Options {
            lang: self.lang,
            ascii: self.ascii,
            colour: self.colour,
            width: self.width,
            zone: self.zone.clone(),
        }
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
pub fn locate(
    global: &Global,
    command: Option<&Command>,
    zone: &jiff::tz::TimeZone,
) -> Result<Location, Failure> {
    let mut location = locate_plan(global, command, zone)?;
    // `unit` and `units` work on the plan's list of units, whatever `--unit` says.
    let on_units = matches!(command, Some(Command::Unit(_) | Command::Units { .. }));
    if let Some(id) = &global.unit
        && !on_units
        && !location.store.as_os_str().is_empty()
    {
        location.store = units::unit_store(global.lang.unwrap_or_default(), &location.store, id)?;
        // The unit's own target figures, except for `plan import --unit`, which replaces them.
        if !matches!(command, Some(Command::Plan(_))) {
            let lang = global.lang.unwrap_or_default();
            location.plan = super::unit_targets::judged(lang, location.plan, &location.store, id)?;
        }
    }
    Ok(location)
}

/// [`locate`] before `--unit`: the plan's own store.
fn locate_plan(
    global: &Global,
    command: Option<&Command>,
    zone: &jiff::tz::TimeZone,
) -> Result<Location, Failure> {
    let lang = global.lang.unwrap_or_default();
    if let Some(Command::Plan(plan_command)) = command
        && !plan_command.needs_plan()
        && !(global.unit.is_some() && matches!(plan_command, super::plans::PlanCommand::Import { .. }))
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
    // "Has begun" by the clock, in the zone passed in.
    let this_year = jiff::Timestamp::now().to_zoned_datetime(zone.clone()).year();
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
