//! `report --format md`: Markdown for documents, numbers written the language's way.

use super::{Columns, Line, Report};
use crate::domain::progress::PeriodChoice;
use crate::i18n::field as msg;
use crate::i18n::present::{self, conflict_mark};
use crate::i18n::{self, Label, Lang, ReportLabel};
use std::io::{self, Write};

pub fn write(report: &Report, lang: Lang, ascii: bool, out: &mut dyn Write) -> io::Result<()> {
    let plan = report.plan;
    writeln!(out, "# {}", escape(&crate::i18n::present::title(lang, plan)))?;
    writeln!(out)?;
    let assessed = match report.choice {
        PeriodChoice::Fixed(p) => i18n::period(lang, p),
        PeriodChoice::Latest => Label::LatestPeriod.get(lang),
    };
    writeln!(
        out,
        "{}: {} · {}: {assessed}",
        ReportLabel::MadeOn.get(lang),
        date(lang, report.made),
        ReportLabel::AssessedIn.get(lang)
    )?;
    writeln!(out)?;
    writeln!(out, "**{}**", i18n::tally(lang, report.tally))?;

    let header = i18n::report_columns(lang);
    for (group, lines) in &report.groups {
        writeln!(out)?;
        writeln!(out, "## {}", i18n::group(lang, *group))?;
        writeln!(out)?;
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "|---|---|---|--:|--:|---|--:|--:|---|")?;
        for line in lines {
            writeln!(out, "| {} |", cells(line, lang, ascii).join(" | "))?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## {}", ReportLabel::Summary.get(lang))?;
    writeln!(out)?;
    writeln!(out, "| {} | {} |", Label::ColStatus.get(lang), ReportLabel::Count.get(lang))?;
    writeln!(out, "|---|--:|")?;
    for (status, count) in super::summary(report) {
        let symbol = present::status_symbol(status, ascii);
        writeln!(out, "| {symbol} {} | {count} |", i18n::status(lang, status))?;
    }
    writeln!(out, "| {} | {} |", ReportLabel::Total.get(lang), report.counts.iter().sum::<usize>())?;

    if !report.conflicts.is_empty() {
        writeln!(out)?;
        writeln!(out, "{} {}", conflict_mark(ascii), ReportLabel::ConflictNote.get(lang))?;
        writeln!(out)?;
        for conflict in &report.conflicts {
            writeln!(out, "- {}", escape(&msg::conflict_line(lang, &report.zone, report.plan, conflict)))?;
        }
    }
    Ok(())
}

fn cells(line: &Line, lang: Lang, ascii: bool) -> [String; 9] {
    let target = line.row.target;
    let c = Columns::of(&line.row, lang, ascii);
    let mut verdict = c.verdict;
    if !line.conflicts.is_empty() {
        let periods: Vec<&str> = line.conflicts.iter().map(|p| i18n::period(lang, *p)).collect();
        verdict.push_str(&format!(" {} {}", conflict_mark(ascii), periods.join(", ")));
    }
    [
        target.id.clone(),
        escape(target.name.get(lang)),
        escape(&c.plan),
        c.last_year,
        c.figure,
        c.period,
        c.of_plan,
        c.of_last_year,
        escape(&verdict),
    ]
}

/// A day as people write it: `27/11/2026` in Vietnamese, `2026-11-27` in English.
pub fn date(lang: Lang, day: jiff::civil::Date) -> String {
    match lang {
        Lang::Vi => day.strftime("%d/%m/%Y").to_string(),
        Lang::En => day.strftime("%Y-%m-%d").to_string(),
    }
}

/// Text safe inside a Markdown table cell.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}
