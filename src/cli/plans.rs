//! `chitieu plan …`: a plan from a spreadsheet, the template to fill in, and the plans
//! installed side by side.

use super::{Context, Failure};
use crate::domain::plan::Text;
use crate::i18n::{self, plans as msg};
use crate::report::plan_sheet::{self, PlanHeader};
use crate::store::installed::{Installed, Shelf};
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Write a spreadsheet template of a plan's targets (.xlsx, or .csv), one example row
    Template {
        /// The file to write: mau-chi-tieu.xlsx or mau-chi-tieu.csv
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a plan's targets from a spreadsheet (.xlsx or .csv) and write the plan file;
    /// --year YEAR gives the plan's year. With --unit ID: that unit's own target figures
    /// for the plan in use
    Import {
        /// The filled-in template
        file: PathBuf,
        /// The new plan's id, e.g. tinh-2025
        #[arg(long)]
        id: Option<String>,
        /// The plan's title in Vietnamese
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The title in English (optional; the Vietnamese is shown without it)
        #[arg(long, value_name = "TEXT")]
        title_en: Option<String>,
        /// The plan file to write (JSON)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check a plan file and install it beside the others, with a store of its own
    Add {
        /// The plan file (JSON), as `plan import` writes it
        file: PathBuf,
    },
    /// The installed plans: id, year, targets, figures entered, store, title
    List,
}

/// `year` is `--year`: for `import` the new plan's year.
pub fn run(
    command: &PlanCommand,
    context: &Context,
    year: Option<i16>,
    store: &Path,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let write = |path: &Path, bytes: &[u8]| {
        crate::store::write_atomically(path, bytes, path)
            .map_err(|e| Failure { code: 1, message: i18n::cannot_write(lang, path, &e) })
    };
    match command {
        PlanCommand::Template { out: path } => {
            let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            match extension.as_deref() {
                Some("xlsx") => {
                    let bytes = plan_sheet::template_xlsx(lang)
                        .map_err(|e| Failure { code: 1, message: i18n::xlsx_failed(lang, &e) })?;
                    write(path, &bytes)?;
                    writeln!(out, "{}", msg::template_written(lang, path, None))?;
                }
                Some("csv") => {
                    // A CSV has one sheet: the explanation goes in a file of its own beside it.
                    let help = help_path(path);
                    write(path, &plan_sheet::template_csv(lang))?;
                    write(&help, &plan_sheet::template_help_csv(lang))?;
                    writeln!(out, "{}", msg::template_written(lang, path, Some(&help)))?;
                }
                _ => return Err(Failure::bad_input(msg::unknown_extension(lang, path))),
            }
            Ok(())
        }
        PlanCommand::Import { file, .. } if context.unit.is_some() => {
            super::unit_targets::import(context, store, file, out)
        }
        PlanCommand::Import { file, id, title, title_en, out: path } => {
            // Needed for a plan, not for a unit's own figures (above).
            let (Some(id), Some(title), Some(path)) = (id.clone(), title.clone(), path.clone()) else {
                let given = [("--id", id.is_some()), ("--title", title.is_some()), ("--out", path.is_some())];
                let missing: Vec<&str> = given.iter().filter(|(_, g)| !g).map(|(name, _)| *name).collect();
                return Err(Failure::bad_input(crate::i18n::units_data::import_needs(lang, &missing)));
            };
            let year = year.ok_or_else(|| Failure::bad_input(msg::import_needs_year(lang)))?;
            let rows =
                plan_sheet::read(file).map_err(|e| Failure::bad_input(msg::read_error(lang, file, &e)))?;
            let header =
                PlanHeader { id, year, title: Text { vi: title, en: title_en.clone().unwrap_or_default() } };
            let (text, plan) = plan_sheet::import(&rows, &header, lang)
                .map_err(|problems| Failure::bad_input(msg::sheet_refused(lang, file, &problems)))?;
            write(&path, text.as_bytes())?;
            writeln!(out, "{}", msg::plan_written(lang, &path, plan.targets.len()))?;
            let units = plan_sheet::units_in(&rows);
            if !units.is_empty() {
                writeln!(out, "{}", crate::i18n::units_data::unit_rows_left(lang, file, &units))?;
            }
            Ok(())
        }
        PlanCommand::Add { file } => add(context, &shelf(context)?, file, out),
        PlanCommand::List => list(context, &shelf(context)?, store, out),
    }
}

impl PlanCommand {
    /// Whether the command works on the plan in use: a template or an import does not, and
    /// its `--year` is the new plan's, not one to open.
    pub fn needs_plan(&self) -> bool {
        !matches!(self, PlanCommand::Template { .. } | PlanCommand::Import { .. })
    }
}

fn shelf(context: &Context) -> Result<Shelf, Failure> {
    Shelf::default_location().ok_or_else(|| Failure::bad_input(crate::i18n::Label::NoHome.get(context.lang)))
}

fn shelf_failure(context: &Context, error: &crate::store::installed::ShelfError) -> Failure {
    Failure::bad_input(msg::shelf_error(context.lang, error))
}

/// `chitieu plan add FILE`: checked as any `--plan` file, then installed.
pub fn add(context: &Context, shelf: &Shelf, file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = context.lang;
    let plan = super::load_plan(lang, file)?;
    let text =
        std::fs::read_to_string(file).map_err(|e| Failure::bad_input(i18n::cannot_read(lang, file, &e)))?;
    // The one author rule (see `ops::Actor`): the same name whatever the language.
    let author = crate::ops::Actor::here(jiff::Timestamp::now()).author;
    let added = shelf.install(&plan, &text, &author).map_err(|e| shelf_failure(context, &e))?;
    let unchanged = added.before.as_ref().is_some_and(|b| b.plan.content_hash == plan.content_hash);
    writeln!(out, "{}", msg::plan_installed(lang, &added.installed, added.before.is_some(), unchanged))?;
    if let Some(revision) = &added.revision {
        for line in msg::revision_lines(lang, &context.zone, revision, None) {
            writeln!(out, "{line}")?;
        }
    }
    // A link to a target last year's plan does not have is most likely a typo: said now.
    if let Ok(Some(previous)) = shelf.previous_year(plan.year) {
        for (target, linked) in crate::domain::last_year::broken_links(&plan, &previous.plan) {
            writeln!(out, "{}", msg::broken_link(lang, target, linked, &previous.plan.id))?;
        }
    }
    Ok(())
}

/// The revisions recorded for the plan in use (none for a plan not installed), for `check`
/// and `history`.
pub fn revisions(context: &Context) -> Vec<crate::store::installed::Revision> {
    let Some(shelf) = Shelf::default_location() else { return Vec::new() };
    match shelf.find(&context.plan.id) {
        Ok(Some(_)) => shelf.revisions(&context.plan.id).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The revisions touching `target` (all with `None`), under `history`'s entries.
pub fn print_revisions(context: &Context, target: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    let revisions = revisions(context);
    let touching: Vec<_> =
        revisions.iter().filter(|r| target.is_none_or(|t| r.changes.iter().any(|c| c.target == t))).collect();
    if touching.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    for revision in touching.into_iter().rev() {
        for line in msg::revision_lines(context.lang, &context.zone, revision, target) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `chitieu plan list`: every installed plan, the one in use marked.
pub fn list(context: &Context, shelf: &Shelf, in_use: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = context.lang;
    let plans = shelf.list().map_err(|e| shelf_failure(context, &e))?;
    let header = msg::list_header(lang).map(str::to_owned);
    let rows: Vec<[String; 7]> = plans
        .iter()
        .map(|installed| {
            let using = installed.plan.id == context.plan.id && installed.store == in_use;
            [
                if using { "*".to_owned() } else { String::new() },
                installed.plan.id.clone(),
                installed.plan.year.to_string(),
                installed.plan.targets.len().to_string(),
                figures(installed).map_or_else(|| "?".to_owned(), |n| n.to_string()),
                installed.store.display().to_string(),
                installed.plan.title.get(lang).to_owned(),
            ]
        })
        .collect();
    let right = [false, false, false, true, true, false, false];
    crate::report::table::write_table(out, &header, &rows, &right)?;
    writeln!(out)?;
    writeln!(out, "{}", msg::list_footer(lang))?;
    Ok(())
}

/// How many figures stand in a plan's store (0 with no store yet; `None` if it does not open).
fn figures(installed: &Installed) -> Option<usize> {
    let store =
        crate::store::Store::read_file(&installed.store).and_then(|s| s.check(&installed.plan)).ok()?;
    let ledger = store.ledger();
    Some(ledger.entries().iter().enumerate().filter(|(i, e)| !e.is_round() && ledger.is_standing(*i)).count())
}

/// `mau.csv` → `mau.huong-dan.csv`.
fn help_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("mau-chi-tieu");
    path.with_file_name(format!("{stem}.huong-dan.csv"))
}

/// Last year's installed plan and the figures of its store, when the plan in use links to
/// it (`last_year_id`). A store of last year that does not open is said on stderr, and the
/// report goes on without it.
pub fn last_year(
    lang: crate::i18n::Lang,
    plan: &crate::domain::plan::Plan,
) -> Option<(crate::domain::plan::Plan, crate::domain::ledger::Ledger)> {
    if plan.targets.iter().all(|t| t.last_year_id.is_none()) {
        return None;
    }
    last_year_of(lang, plan.year)
}

/// [`last_year`] for a plan of `year` known to link: what the view reads on a thread of its
/// own while it reads this year's store.
pub fn last_year_of(
    lang: crate::i18n::Lang,
    year: i16,
) -> Option<(crate::domain::plan::Plan, crate::domain::ledger::Ledger)> {
    let previous = Shelf::default_location()?.previous_year(year).ok()??;
    match crate::store::Store::read_file(&previous.store).and_then(|s| s.check(&previous.plan)) {
        Ok(store) => Some((previous.plan, store.ledger().clone())),
        Err(e) => {
            eprintln!("chitieu: {}", msg::last_year_unreadable(lang, &crate::i18n::store_error(lang, &e)));
            None
        }
    }
}

/// Under the table: where "cùng kỳ" came from last year's plan, and where a figure entered
/// by hand won over a different linked one.
pub fn last_year_notes(
    context: &Context,
    last_year: Option<&crate::domain::plan::Plan>,
    rows: &[crate::domain::progress::Row],
    overridden: &[crate::domain::last_year::Overridden],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use crate::domain::last_year::Source;
    let Some(last_year) = last_year else { return Ok(()) };
    let linked: Vec<&str> = rows
        .iter()
        .filter(|r| r.last_year.is_some_and(|e| Source::of(e) != Source::Entered))
        .map(|r| r.target.id.as_str())
        .collect();
    if linked.is_empty() && overridden.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    if !linked.is_empty() {
        writeln!(out, "{}", msg::linked_note(context.lang, &last_year.id, last_year.year, &linked))?;
    }
    for o in overridden {
        writeln!(out, "{}", msg::overridden_note(context.lang, &last_year.id, o))?;
    }
    Ok(())
}

/// The years of the installed plans, each once, oldest first (the view's `y` goes through them).
pub fn installed_years() -> Vec<i16> {
    Shelf::default_location().and_then(|shelf| shelf.years().ok()).unwrap_or_default()
}
