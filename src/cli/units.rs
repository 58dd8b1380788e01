//! Part III, "Tổ chức thực hiện": `missing` (who has not reported, by lead agency, and the
//! reminders to send them), `unit add` / `unit list` (the units that keep their own figures)
//! and `units` (all units together for a period).

use super::{Context, Failure, open_store};
use crate::domain::period::Period;
use crate::domain::status::Status;
use crate::domain::units::{self, AgencyMissing, Unit};
use crate::i18n::{self, Lang, present};
use crate::store::{self, Store};
use clap::{Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// The formats of `missing` and `units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    /// Markdown, for documents
    Md,
}

/// The formats of `units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitsFormat {
    Table,
    Json,
    /// Markdown, for documents
    Md,
    /// A spreadsheet to print or send (needs --out FILE)
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// Register a unit (commune, ward, department…) for the plan; `--unit ID` then works on
    /// its own store
    Add {
        /// 1–40 of a–z, 0–9, - and _: it names the unit's store file (xa-my-an)
        id: String,
        /// The unit's name as it is written: "Xã Mỹ An"
        #[arg(long)]
        name: String,
    },
    /// The units registered for the plan
    List,
}

/// What `chitieu missing` was asked for.
pub struct MissingRequest<'a> {
    pub period: Period,
    pub format: ListFormat,
    pub reminders: bool,
    pub file: Option<&'a Path>,
}

pub(super) fn units_error(lang: Lang, error: &store::units::UnitsError) -> Failure {
    Failure::bad_input(i18n::units_view::units_error(lang, error))
}

fn unknown_unit(lang: Lang, id: &str, known: &[Unit]) -> Failure {
    let list = if known.is_empty() {
        lang.pick("chưa có đơn vị nào", "none yet").to_owned()
    } else {
        known.iter().map(|u| u.id.as_str()).collect::<Vec<_>>().join(", ")
    };
    Failure::bad_input(match lang {
        Lang::Vi => format!(
            "không có đơn vị \"{id}\" trong kế hoạch này (đã có: {list}); đăng ký bằng: chitieu unit add {id} --name \"Tên đơn vị\""
        ),
        Lang::En => format!(
            "no unit \"{id}\" in this plan (registered: {list}); register it with: chitieu unit add {id} --name \"Unit name\""
        ),
    })
}

/// The store of the registered unit `id` of the plan whose store is `plan_store`.
pub fn unit_store(lang: Lang, plan_store: &Path, id: &str) -> Result<PathBuf, Failure> {
    let known = store::units::list(plan_store).map_err(|e| units_error(lang, &e))?;
    if !known.iter().any(|u| u.id == id) {
        return Err(unknown_unit(lang, id, &known));
    }
    Ok(store::units::store_of(plan_store, id))
}

/// The store a change file is imported into: the one in use when the file and `--unit`
/// agree on the unit (or both name none); the unit's own when the file comes from a unit
/// and no `--unit` is given (a commune's file at the province). Any other pairing is refused
/// before anything is read into a store.
pub fn import_store(context: &Context, path: &Path, file: &Path) -> Result<PathBuf, Failure> {
    let lang = context.lang;
    // Only the header's `unit` is looked at here; the file is checked whole by the import.
    #[derive(serde::Deserialize)]
    struct Header {
        unit: Option<String>,
    }
    let from = std::fs::read_to_string(file)
        .ok()
        .and_then(|text| serde_json::from_str::<Header>(&text).ok())
        .and_then(|header| header.unit);
    match (&context.unit, from) {
        (None, None) => Ok(path.to_owned()),
        (None, Some(from)) => {
            if !units::valid_id(&from) {
                return Err(Failure::bad_input(match lang {
                    Lang::Vi => format!("tệp {} ghi đơn vị không hợp lệ \"{from}\"", file.display()),
                    Lang::En => format!("file {} names an invalid unit \"{from}\"", file.display()),
                }));
            }
            unit_store(lang, path, &from)
        }
        (Some(into), Some(from)) if *into == from => Ok(path.to_owned()),
        (Some(into), from) => {
            let from = from.unwrap_or_default();
            Err(Failure::bad_input(match (lang, from.is_empty()) {
                (Lang::Vi, true) => format!(
                    "tệp {} là số liệu của kế hoạch chung, không của đơn vị {into}: nhập không kèm --unit",
                    file.display()
                ),
                (Lang::En, true) => format!(
                    "file {} holds the plan's own figures, not unit {into}'s: import it without --unit",
                    file.display()
                ),
                (Lang::Vi, false) => format!(
                    "tệp {} là số liệu của đơn vị {from}, không của đơn vị {into}; không nhập gì. Nhập bằng --unit {from} (hoặc không kèm --unit)",
                    file.display()
                ),
                (Lang::En, false) => format!(
                    "file {} holds unit {from}'s figures, not unit {into}'s; nothing imported. Import it with --unit {from} (or without --unit)",
                    file.display()
                ),
            }))
        }
    }
}

/// `chitieu unit add` / `chitieu unit list`, on the plan's own store's list of units.
pub fn run_unit(
    command: &UnitCommand,
    context: &Context,
    path: &Path,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    match command {
        UnitCommand::Add { id, name } => {
            let id = id.trim();
            if !units::valid_id(id) {
                return Err(Failure::bad_input(match lang {
                    Lang::Vi => format!(
                        "mã đơn vị \"{id}\" không dùng được: 1–40 ký tự a–z, 0–9, - hoặc _, bắt đầu bằng chữ hoặc số (ví dụ xa-my-an)"
                    ),
                    Lang::En => format!(
                        "unit id \"{id}\" cannot be used: 1–40 of a–z, 0–9, - or _, starting with a letter or digit (e.g. xa-my-an)"
                    ),
                }));
            }
            let name = crate::domain::text::clean(name);
            if name.trim().is_empty() {
                return Err(Failure::bad_input(lang.pick("tên đơn vị trống", "the unit's name is empty")));
            }
            let unit = Unit { id: id.to_owned(), name: name.trim().to_owned() };
            store::units::add(path, unit.clone()).map_err(|e| units_error(lang, &e))?;
            let store = store::units::store_of(path, id);
            match lang {
                Lang::Vi => writeln!(
                    out,
                    "Đã đăng ký đơn vị {id}: {}. Số liệu của đơn vị ở {}; dùng --unit {id} hoặc CHITIEU_UNIT={id}.",
                    unit.name,
                    store.display()
                )?,
                Lang::En => writeln!(
                    out,
                    "Registered unit {id}: {}. Its figures are kept in {}; use --unit {id} or CHITIEU_UNIT={id}.",
                    unit.name,
                    store.display()
                )?,
            }
            Ok(())
        }
        UnitCommand::List => {
            let known = store::units::list(path).map_err(|e| units_error(lang, &e))?;
            if known.is_empty() {
                writeln!(out, "{}", lang.pick("Chưa có đơn vị nào.", "No units yet."))?;
            }
            for unit in known {
                writeln!(out, "{}  {}", unit.id, unit.name)?;
            }
            Ok(())
        }
    }
}

/// `chitieu missing`: the targets due in the period without a figure, by lead agency; or
/// with `--reminders` a letter per agency.
pub fn missing(
    context: &Context,
    path: &Path,
    request: &MissingRequest,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let plan = &context.plan;
    let period = request.period;
    let store = open_store(context, path)?;
    let groups = units::missing(plan, store.ledger(), period);
    let done = units::completeness(plan, store.ledger(), period);
    let mut text = Vec::new();
    if request.reminders {
        reminders(context, period, &groups, &mut text)?;
    } else {
        match request.format {
            ListFormat::Json => {
                #[derive(serde::Serialize)]
                struct Json<'a> {
                    period: &'static str,
                    reported: usize,
                    expected: usize,
                    missing: Vec<JsonGroup<'a>>,
                }
                #[derive(serde::Serialize)]
                struct JsonGroup<'a> {
                    agency: Option<&'a str>,
                    targets: Vec<&'a str>,
                }
                let json = Json {
                    period: period.key(),
                    reported: done.reported,
                    expected: done.expected,
                    missing: groups
                        .iter()
                        .map(|g| JsonGroup {
                            agency: g.agency,
                            targets: g.targets.iter().map(|t| t.id.as_str()).collect(),
                        })
                        .collect(),
                };
                serde_json::to_writer_pretty(&mut text, &json).map_err(io::Error::from)?;
                writeln!(text)?;
            }
            ListFormat::Table | ListFormat::Md => {
                let md = request.format == ListFormat::Md;
                let title = format!("{} ({})", plan.title.get(lang), plan.year);
                if md {
                    writeln!(text, "# {title}\n")?;
                } else {
                    writeln!(text, "{title}")?;
                }
                writeln!(text, "{}: {}", lang.pick("Kỳ", "Period"), i18n::period(lang, period))?;
                writeln!(text, "{}", reported_line(lang, done))?;
                if groups.is_empty() {
                    writeln!(text, "{}", lang.pick("Không còn thiếu số liệu nào.", "Nothing is missing."))?;
                }
                for group in &groups {
                    writeln!(text)?;
                    let agency = agency_name(lang, group);
                    if md {
                        writeln!(text, "## {agency} ({})\n", group.targets.len())?;
                    } else {
                        writeln!(text, "{agency} ({})", group.targets.len())?;
                    }
                    for target in &group.targets {
                        let bullet = if md { "-" } else { " " };
                        writeln!(
                            text,
                            "{bullet} {}  {}  ({})",
                            target.id,
                            target.name.get(lang),
                            present::goal(lang, context.ascii, target)
                        )?;
                    }
                }
            }
        }
    }
    match request.file {
        Some(file) => {
            store::write_atomically(file, &text, file)
                .map_err(|e| Failure { code: 1, message: i18n::cannot_write(lang, file, &e) })?;
            let count = groups.len();
            match lang {
                Lang::Vi => writeln!(out, "Đã ghi {} ({count} cơ quan còn thiếu số liệu).", file.display())?,
                Lang::En => {
                    writeln!(out, "Wrote {} ({count} agencies with figures missing).", file.display())?
                }
            }
        }
        None => out.write_all(&text)?,
    }
    Ok(())
}

/// "Đã có số liệu 12/27 chỉ tiêu đến kỳ báo cáo".
fn reported_line(lang: Lang, done: units::Completeness) -> String {
    match lang {
        Lang::Vi => format!("Đã có số liệu {}/{} chỉ tiêu đến kỳ báo cáo", done.reported, done.expected),
        Lang::En => format!("Figures in for {}/{} targets due", done.reported, done.expected),
    }
}

fn agency_name<'a>(lang: Lang, group: &AgencyMissing<'a>) -> &'a str {
    group.agency.unwrap_or(lang.pick("(chưa giao cơ quan chủ trì)", "(no lead agency named)"))
}

/// One letter per agency, separated by a form feed (each on its own page when printed).
fn reminders(
    context: &Context,
    period: Period,
    groups: &[AgencyMissing],
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = context.lang;
    let plan = &context.plan;
    let period_name = i18n::period(lang, period).to_lowercase();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            writeln!(out, "\x0c")?;
        }
        let agency = agency_name(lang, group);
        match lang {
            Lang::Vi => {
                writeln!(out, "Kính gửi: {agency}")?;
                writeln!(out)?;
                writeln!(
                    out,
                    "Để tổng hợp kết quả thực hiện {} kỳ {period_name} năm {}, đề nghị quý cơ quan gửi số liệu của {} chỉ tiêu sau (cơ quan chủ trì theo dõi):",
                    plan.title.get(lang),
                    plan.year,
                    group.targets.len()
                )?;
            }
            Lang::En => {
                writeln!(out, "To: {agency}")?;
                writeln!(out)?;
                writeln!(
                    out,
                    "To compile the results of {} for the {period_name} period of {}, please send the figures of these {} targets, for which your office is the lead agency:",
                    plan.title.get(lang),
                    plan.year,
                    group.targets.len()
                )?;
            }
        }
        writeln!(out)?;
        for target in &group.targets {
            let goal = present::goal(lang, context.ascii, target);
            writeln!(
                out,
                "- {}. {} ({}: {goal})",
                target.id,
                target.name.get(lang),
                lang.pick("kế hoạch năm", "year plan")
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{}", lang.pick("Trân trọng cảm ơn.", "Thank you."))?;
    }
    Ok(())
}

/// `chitieu units`: one row per registered unit, each unit's store read once.
pub fn units(
    context: &Context,
    path: &Path,
    period: Period,
    format: UnitsFormat,
    file: Option<&Path>,
    terminal: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = context.lang;
    let plan = &context.plan;
    if format == UnitsFormat::Xlsx && file.is_none() {
        return Err(Failure::bad_input(i18n::ReportLabel::XlsxNeedsOut.get(lang)));
    }
    let opened = store::units::open_all(path, plan)
        .map_err(|e| Failure::bad_input(i18n::units_view::open_error(lang, &e)))?;
    let mut rows: Vec<(&Unit, units::UnitStanding)> = Vec::with_capacity(opened.len());
    for (unit, store) in &opened {
        // Each unit judged by its own targets where it has them.
        let unit_store = store::units::store_of(path, &unit.id);
        let own_plan = super::unit_targets::plan_of_unit(lang, plan, &unit_store, &unit.id)?;
        rows.push((unit, units::standing(own_plan.as_ref().unwrap_or(plan), store.ledger(), period)));
    }
    let mut buffer = Vec::new();
    let write_file = |bytes: &[u8]| match file {
        Some(file) => store::write_atomically(file, bytes, file)
            .map_err(|e| Failure { code: 1, message: i18n::cannot_write(lang, file, &e) }),
        None => Ok(()),
    };
    if format == UnitsFormat::Xlsx {
        let lines: Vec<crate::report::units_xlsx::UnitLine> = rows
            .iter()
            .map(|(unit, standing)| crate::report::units_xlsx::UnitLine {
                id: &unit.id,
                name: &unit.name,
                standing,
            })
            .collect();
        let bytes = crate::report::units_xlsx::to_bytes(plan, period, &lines, lang)
            .map_err(|e| Failure { code: 1, message: i18n::xlsx_failed(lang, &e) })?;
        return write_file(&bytes);
    }
    // With --out the text goes to the file, written whole at the end.
    let out: &mut dyn Write = if file.is_some() { &mut buffer } else { terminal };
    match format {
        UnitsFormat::Xlsx => {}
        UnitsFormat::Json => {
            #[derive(serde::Serialize)]
            struct Json<'a> {
                period: &'static str,
                units: Vec<JsonUnit<'a>>,
                /// Sums across units, of counts only.
                total: JsonTotal,
                /// The units' totals of the figures that add up, beside the province's own.
                totals: Vec<JsonSum<'a>>,
            }
            #[derive(serde::Serialize)]
            struct JsonSum<'a> {
                target: &'a str,
                /// The sum of the units' figures (null when no unit has one).
                #[serde(with = "rust_decimal::serde::str_option")]
                units_total: Option<rust_decimal::Decimal>,
                units_reporting: usize,
                #[serde(with = "rust_decimal::serde::str_option")]
                province: Option<rust_decimal::Decimal>,
            }
            #[derive(serde::Serialize)]
            struct JsonUnit<'a> {
                id: &'a str,
                name: &'a str,
                reported: usize,
                expected: usize,
                statuses: serde_json::Map<String, serde_json::Value>,
                key_indicators: Vec<&'static str>,
            }
            #[derive(serde::Serialize)]
            struct JsonTotal {
                reported: usize,
                expected: usize,
                statuses: serde_json::Map<String, serde_json::Value>,
            }
            let statuses = |counts: &[usize]| {
                Status::ALL.iter().zip(counts).map(|(s, n)| (s.key().to_owned(), (*n).into())).collect()
            };
            let mut sum = [0; Status::ALL.len()];
            for (_, standing) in &rows {
                for (total, n) in sum.iter_mut().zip(standing.statuses) {
                    *total += n;
                }
            }
            let province =
                Store::open(path, plan).map_err(|e| Failure::bad_input(i18n::store_error(lang, &e)))?;
            let ledgers: Vec<_> = opened.iter().map(|(_, store)| store.ledger()).collect();
            let sums = units::totals(plan, province.ledger(), &ledgers, period);
            let json = Json {
                period: period.key(),
                totals: sums
                    .iter()
                    .map(|sum| JsonSum {
                        target: &sum.target.id,
                        units_total: sum.total,
                        units_reporting: sum.reporting,
                        province: sum.province,
                    })
                    .collect(),
                units: rows
                    .iter()
                    .map(|(unit, s)| JsonUnit {
                        id: &unit.id,
                        name: &unit.name,
                        reported: s.completeness.reported,
                        expected: s.completeness.expected,
                        statuses: statuses(&s.statuses),
                        key_indicators: s.key_statuses.iter().map(|s| s.key()).collect(),
                    })
                    .collect(),
                total: JsonTotal {
                    reported: rows.iter().map(|(_, s)| s.completeness.reported).sum(),
                    expected: rows.iter().map(|(_, s)| s.completeness.expected).sum(),
                    statuses: statuses(&sum),
                },
            };
            serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        UnitsFormat::Table | UnitsFormat::Md => {
            units_table(context, period, &rows, format == UnitsFormat::Md, out)?
        }
    }
    write_file(&buffer)
}

/// The units' grid: id, name, reported/expected, counts per status, then one status mark
/// per key indicator (a symbol, so it reads without colour).
fn units_table(
    context: &Context,
    period: Period,
    rows: &[(&Unit, units::UnitStanding)],
    md: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = context.lang;
    let plan = &context.plan;
    let title = format!("{} ({})", plan.title.get(lang), plan.year);
    if md {
        writeln!(out, "# {title}\n")?;
    } else {
        writeln!(out, "{title}")?;
    }
    writeln!(out, "{}: {}", lang.pick("Kỳ", "Period"), i18n::period(lang, period))?;
    if rows.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Chưa có đơn vị nào: đăng ký bằng chitieu unit add ID --name \"Tên\".",
                "No units yet: register one with chitieu unit add ID --name \"Name\"."
            )
        )?;
        return Ok(());
    }
    // The statuses shown as columns: those a period can give, in the order of `Status::ALL`.
    let shown = units::statuses_shown(period);
    let keys: Vec<&str> = plan.key_indicators().map(|t| t.id.as_str()).collect();
    let mut header: Vec<String> = vec![
        lang.pick("Mã", "Id").into(),
        lang.pick("Đơn vị", "Unit").into(),
        lang.pick("Đã có", "In").into(),
    ];
    header.extend(shown.iter().map(|s| present::status_symbol(*s, context.ascii).to_owned()));
    header.push(format!("{} {}", lang.pick("Chỉ tiêu chủ yếu", "Key indicators"), keys.join(" ")));
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut sums = vec![0usize; shown.len()];
    let (mut reported, mut expected) = (0, 0);
    for (unit, standing) in rows {
        let mut cells = vec![
            unit.id.clone(),
            unit.name.clone(),
            format!("{}/{}", standing.completeness.reported, standing.completeness.expected),
        ];
        reported += standing.completeness.reported;
        expected += standing.completeness.expected;
        for (i, status) in shown.iter().enumerate() {
            let n = count_of(&standing.statuses, *status);
            sums[i] += n;
            cells.push(n.to_string());
        }
        let marks: Vec<String> = standing
            .key_statuses
            .iter()
            .zip(&keys)
            .map(|(s, id)| {
                let mark = present::status_symbol(*s, context.ascii);
                format!("{mark:>width$}", width = id.width())
            })
            .collect();
        cells.push(marks.join(" "));
        table.push(cells);
    }
    let mut total = vec![
        String::new(),
        lang.pick("Cộng (số lượng)", "Total (counts)").into(),
        format!("{reported}/{expected}"),
    ];
    total.extend(sums.iter().map(usize::to_string));
    total.push(String::new());
    table.push(total);
    if md {
        writeln!(out)?;
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(header.len()))?;
        for row in &table {
            writeln!(
                out,
                "| {} |",
                row.iter().map(|c| c.replace('|', "\\|")).collect::<Vec<_>>().join(" | ")
            )?;
        }
    } else {
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in &table {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let line = |cells: &[String]| {
            let mut text = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                let pad = " ".repeat(w.saturating_sub(cell.width()));
                if i >= 2 && i < cells.len() - 1 {
                    text.push_str(&pad);
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
                text.push_str("  ");
            }
            text.trim_end().to_owned()
        };
        writeln!(out)?;
        writeln!(out, "{}", line(&header))?;
        for row in &table {
            writeln!(out, "{}", line(row))?;
        }
    }
    writeln!(out)?;
    let legend: Vec<String> = shown
        .iter()
        .map(|s| format!("{} {}", present::status_symbol(*s, context.ascii), i18n::status(lang, *s)))
        .collect();
    writeln!(out, "{}", legend.join(" · "))?;
    writeln!(
        out,
        "{}",
        lang.pick(
            "Dòng cộng chỉ cộng số chỉ tiêu; không cộng tỷ lệ của các đơn vị.",
            "The total adds counts of targets only; the units' rates are never summed."
        )
    )?;
    Ok(())
}

fn count_of(counts: &[usize], status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).map_or(0, |i| counts[i])
}
