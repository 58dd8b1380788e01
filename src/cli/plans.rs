//! `chitieu plan …`: a plan from a spreadsheet, and the template to fill in.

use super::{Context, Failure};
use crate::i18n::{field as field_msg, plans as msg};
use crate::plan::Text;
use crate::plan_sheet::{self, PlanHeader};
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
    /// Read a plan's targets from a spreadsheet (.xlsx or .csv) and write the plan file
    Import {
        /// The filled-in template
        file: PathBuf,
        /// The new plan's id, e.g. tinh-2025
        #[arg(long)]
        id: String,
        /// The plan's year
        #[arg(long)]
        year: i16,
        /// The plan's title in Vietnamese
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// The title in English (optional; the Vietnamese is shown without it)
        #[arg(long, value_name = "TEXT")]
        title_en: Option<String>,
        /// The plan file to write (JSON)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

pub fn run(command: &PlanCommand, context: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = context.lang;
    let write = |path: &Path, bytes: &[u8]| {
        crate::store::write_atomically(path, bytes, path)
            .map_err(|e| Failure { code: 1, message: field_msg::cannot_write(lang, path, &e) })
    };
    match command {
        PlanCommand::Template { out: path } => {
            let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            match extension.as_deref() {
                Some("xlsx") => {
                    let bytes = plan_sheet::template_xlsx(lang)
                        .map_err(|e| Failure { code: 1, message: field_msg::xlsx_failed(lang, &e) })?;
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
        PlanCommand::Import { file, id, year, title, title_en, out: path } => {
            let rows =
                plan_sheet::read(file).map_err(|e| Failure::bad_input(msg::read_error(lang, file, &e)))?;
            let header = PlanHeader {
                id: id.clone(),
                year: *year,
                title: Text { vi: title.clone(), en: title_en.clone().unwrap_or_default() },
            };
            let (text, plan) = plan_sheet::import(&rows, &header, lang)
                .map_err(|problems| Failure::bad_input(msg::sheet_refused(lang, file, &problems)))?;
            write(path, text.as_bytes())?;
            writeln!(out, "{}", msg::plan_written(lang, path, plan.targets.len()))?;
            Ok(())
        }
    }
}

/// `mau.csv` → `mau.huong-dan.csv`.
fn help_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("mau-chi-tieu");
    path.with_file_name(format!("{stem}.huong-dan.csv"))
}
