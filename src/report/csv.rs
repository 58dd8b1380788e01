//! `report --format csv`: RFC 4180, with the byte-order mark Excel needs.

use super::json::{reason_key, two_places};
use crate::domain::conflict::Conflict;
use crate::domain::period::Period;
use crate::domain::plan::Goal;
use crate::domain::progress::Row;
use crate::i18n::Lang;
use std::io::{self, Write};

/// The progress report as CSV, a line per target, figures as plain decimals.
pub fn report_csv(lang: Lang, rows: &[Row], conflicts: &[Conflict], out: &mut dyn Write) -> io::Result<()> {
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
