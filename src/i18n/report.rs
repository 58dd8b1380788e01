//! Strings of the progress report, on screen and printed (text table, md, xlsx): its columns,
//! labels and the tally of key indicators.

use super::{Label, Lang};

/// The columns of the progress report, as the text table and md print them (the xlsx adds
/// unit, kind and conflict columns of its own).
pub fn report_columns(lang: Lang) -> [&'static str; 9] {
    [
        Label::ColId.get(lang),
        Label::ColName.get(lang),
        ReportLabel::YearPlan.get(lang),
        ReportLabel::LastYearSamePeriod.get(lang),
        ReportLabel::Figure.get(lang),
        Label::ColPeriod.get(lang),
        ReportLabel::PercentOfPlan.get(lang),
        ReportLabel::PercentOfLastYear.get(lang),
        ReportLabel::Verdict.get(lang),
    ]
}

/// Labels of printed reports (md, xlsx).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportLabel {
    MadeOn,
    AssessedIn,
    Unit,
    Goal,
    Conflict,
    Summary,
    Count,
    Total,
    XlsxNeedsOut,
    ConflictNote,
    Sheet,
    YearPlan,
    LastYearSamePeriod,
    Figure,
    PercentOfPlan,
    PercentOfLastYear,
    Verdict,
    FigureKind,
}

impl ReportLabel {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            ReportLabel::MadeOn => ("Ngày lập", "Made on"),
            ReportLabel::AssessedIn => ("Kỳ đánh giá", "Assessed for"),
            ReportLabel::Unit => ("Đơn vị", "Unit"),
            ReportLabel::Goal => ("Mục tiêu", "Goal"),
            ReportLabel::Conflict => ("Xung đột", "Conflict"),
            ReportLabel::Summary => ("Tổng hợp theo tình trạng", "Summary by status"),
            ReportLabel::Count => ("Số chỉ tiêu", "Targets"),
            ReportLabel::Total => ("Tổng cộng", "Total"),
            ReportLabel::XlsxNeedsOut => (
                "báo cáo xlsx cần tên tệp: thêm --out TỆP, ví dụ --out bao-cao.xlsx",
                "an xlsx report needs a file name: add --out FILE, e.g. --out report.xlsx",
            ),
            ReportLabel::ConflictNote => (
                "xung đột: các số liệu chính thức dưới đây mâu thuẫn nhau; nhập số đúng để giải quyết (lịch sử: chitieu history MÃ)",
                "conflict: the official figures below contradict each other; enter the right one to resolve it (history: chitieu history ID)",
            ),
            ReportLabel::Sheet => ("Báo cáo", "Report"),
            ReportLabel::YearPlan => ("Kế hoạch năm", "Year's plan"),
            ReportLabel::LastYearSamePeriod => ("Cùng kỳ năm trước", "Same period last year"),
            ReportLabel::Figure => ("Thực hiện (ước/chính thức)", "Figure (estimate/official)"),
            ReportLabel::PercentOfPlan => ("% KH năm", "% of year's plan"),
            ReportLabel::PercentOfLastYear => ("% so cùng kỳ", "% of last year"),
            ReportLabel::Verdict => ("Đánh giá", "Verdict"),
            ReportLabel::FigureKind => ("Loại số liệu", "Kind"),
        };
        lang.pick(vi, en)
    }
}

/// "Đạt và vượt 9/16 chỉ tiêu chủ yếu": the key indicators met for the year.
pub fn tally(lang: Lang, tally: crate::domain::progress::Tally) -> String {
    let (met, all) = (tally.met, tally.key_indicators);
    match lang {
        Lang::Vi => format!("Đạt và vượt {met}/{all} chỉ tiêu chủ yếu"),
        Lang::En => format!("{met}/{all} key indicators achieved or exceeded"),
    }
}

/// The tally in the view's header, where room is short: "Đạt và vượt 9/16".
pub fn tally_short(lang: Lang, tally: crate::domain::progress::Tally) -> String {
    let (met, all) = (tally.met, tally.key_indicators);
    match lang {
        Lang::Vi => format!("Đạt và vượt {met}/{all}"),
        Lang::En => format!("Met {met}/{all}"),
    }
}
