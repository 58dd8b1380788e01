use chitieu::app::{App, PlanIndex, Settings};
use chitieu::cli::config;
use chitieu::cli::{self, Cli, Context, Failure, Global};
use chitieu::store::{self, Store};
use chitieu::{i18n, tui};
use clap::FromArgMatches;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The language is needed before clap parses, to word its help and its errors.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config_lang = config::path().and_then(|p| config::load(&p).ok().flatten()).and_then(|c| c.lang);
    let lang = cli::help::lang_before_parsing(&argv, std::env::var_os("CHITIEU_LANG"), config_lang);
    let parsed = cli::help::command(lang).try_get_matches_from(&argv).and_then(|m| Cli::from_arg_matches(&m));
    let mut args = match parsed {
        Ok(args) => args,
        Err(error) => {
            let mut text = cli::help::error_message(lang, &error);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            if error.use_stderr() {
                eprint!("{text}");
                return ExitCode::from(2);
            }
            print!("{text}");
            return ExitCode::SUCCESS;
        }
    };
    match run(&mut args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                // Messages name ids and text from files: through the one sanitising function.
                eprintln!("chitieu: {}", chitieu::domain::text::for_terminal(&failure.message));
            }
            ExitCode::from(failure.code)
        }
    }
}

fn run(args: &mut Cli) -> Result<(), Failure> {
    if let Some(path) = config::path() {
        match config::load(&path) {
            Ok(Some(config)) => config::apply(&mut args.global, config),
            Ok(None) => {}
            Err((line, column, what)) => {
                let lang = args.global.lang.unwrap_or_default();
                return Err(Failure::bad_input(i18n::config_error(lang, &path, line, column, &what)));
            }
        }
    }
    if let Some(tz) = chitieu::store::localtime::refused_tz() {
        eprintln!(
            "chitieu: {}",
            chitieu::domain::text::for_terminal(&i18n::tz_refused(args.global.lang.unwrap_or_default(), &tz))
        );
    }
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colour = std::io::stdout().is_terminal() && !no_colour;
    // The time zone, read here once: every time shown, every date typed and "today" (the
    // plan's year, the view's period) is in it.
    let zone = chitieu::store::localtime::zone();
    let Some(command) = args.command.as_ref() else {
        return view(args, colour, &zone);
    };
    let location = cli::locate(&args.global, Some(command), &zone)?;
    let path = location.store;
    let mut context = Context::with(&args.global, colour, location.plan, zone)?;
    // At a terminal the text report wraps long names to its width; a file gets them whole.
    if std::io::stdout().is_terminal() {
        context.width = crossterm::terminal::size().ok().map(|(width, _)| usize::from(width));
    }
    let mut out = std::io::BufWriter::new(chitieu::domain::text::TerminalSafe::new(std::io::stdout().lock()));
    cli::run_with_year(command, &context, args.global.year, &path, &mut out)?;
    out.flush()?;
    Ok(())
}

/// The full-screen view.
fn view(args: &Cli, colour: bool, zone: &jiff::tz::TimeZone) -> Result<(), Failure> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::bad_input(i18n::needs_terminal(args.global.lang.unwrap_or_default())));
    }
    // `y` in the view ends it with the year of the plan to open next.
    let mut global = args.global.clone();
    while let Some(year) = view_once(&global, args.read_only, colour, zone)? {
        global.year = Some(year);
    }
    Ok(())
}

/// The view of one plan; the year of the next plan to open, if the user asked for one.
fn view_once(
    global: &Global,
    read_only: bool,
    colour: bool,
    zone: &jiff::tz::TimeZone,
) -> Result<Option<i16>, Failure> {
    let location = cli::locate(global, None, zone)?;
    let path = location.store;
    // A large store file is read and indexed on a thread while this one reads the plan and
    // works out what the view needs from it: these are most of the time to the first frame,
    // and the machine has a second core. A small one (a province's year is a few hundred
    // entries) is read here: a thread would cost more than it saves.
    let large = std::fs::metadata(&path).is_ok_and(|m| m.len() >= 1 << 20);
    let reading = large.then(|| {
        let path = path.clone();
        std::thread::spawn(move || Store::read_file(&path))
    });
    let context = Context::with(global, colour, location.plan, zone.clone())?;
    // Last year's plan and store, for the targets that link to it, on a thread of their own:
    // as much work again as this year's, and the machine has a second core.
    let last_year = context.plan.targets.iter().any(|t| t.last_year_id.is_some()).then(|| {
        let (lang, year) = (context.lang, context.plan.year);
        std::thread::spawn(move || cli::plans::last_year_of(lang, year))
    });
    let plan_index = PlanIndex::new(&context.plan);
    let read = match reading {
        Some(reading) => reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        None => Store::read_file(&path),
    };
    let mut store = read
        .and_then(|read| read.check(&context.plan))
        .map_err(|e| Failure::bad_input(i18n::store_error(context.lang, &e)))?;
    store.set_patience(tui::lock_patience(context.lang, std::time::Duration::from_secs(global.wait)));
    let user = store::login_name().unwrap_or_else(|| chitieu::ops::UNKNOWN_AUTHOR.to_owned());
    let draft = chitieu::store::draft::path_for(&path, &user);
    let tz = context.zone.clone();
    let settings = Settings {
        lang: context.lang,
        ascii: context.ascii,
        colour,
        read_only,
        user,
        today: jiff::Timestamp::now().to_zoned_datetime(tz.clone()).date(),
        tz,
    };
    let mut app = App::with_index(context.plan, plan_index, store, settings);
    // The units' stores are beside the plan's own store (read only when `U` asks for them).
    app.units.plan_store =
        global.unit.as_ref().and_then(|_| store::units::owner(&path)).unwrap_or_else(|| path.clone());
    // Switching years only among installed plans, each with its own store.
    if global.plan.is_none() && global.store.is_none() {
        app.years = cli::plans::installed_years();
    }
    app.last_year =
        last_year.and_then(|reading| reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
    if app.last_year.is_some() {
        app.recompute();
    }
    if global.theme.as_deref() == Some("light") {
        app.theme = app.theme.on_light_background();
    }
    Ok(tui::run(app, draft)?)
}
