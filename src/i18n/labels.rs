//! The names of things as tables and sentences show them: column headings, groups, periods,
//! statuses and kinds of figure.

use super::Lang;
use crate::domain::ledger::Kind;
use crate::domain::period::Period;
use crate::domain::plan::Group;
use crate::domain::status::Status;

/// Fixed strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    ColId,
    ColName,
    ColTarget,
    ColActual,
    ColPeriod,
    ColPeriodShort,
    ColPercent,
    ColStatus,
    ColGroup,
    ColUnit,
    PeriodLabel,
    LatestPeriod,
    NoFigure,
    NoFigureAscii,
    ColTime,
    ColKind,
    ColAuthor,
    ColNote,
    Withdrawal,
    NoEntries,
    NoHome,
    Sound,
    EntryId,
}

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Label::ColId => ("Mã", "ID"),
            Label::ColName => ("Chỉ tiêu", "Target"),
            Label::ColTarget => ("Mục tiêu", "Goal"),
            Label::ColActual => ("Thực hiện", "Actual"),
            Label::ColPeriod => ("Kỳ", "Period"),
            Label::ColPeriodShort => ("Kỳ", "Per"),
            Label::ColPercent => ("% KH năm", "% plan"),
            Label::ColStatus => ("Tình trạng", "Status"),
            Label::ColGroup => ("Nhóm", "Group"),
            Label::ColUnit => ("Đơn vị", "Unit"),
            Label::PeriodLabel => ("Kỳ báo cáo", "Period"),
            Label::LatestPeriod => ("kỳ gần nhất có số liệu", "latest period with a figure"),
            Label::NoFigure => ("—", "—"),
            Label::NoFigureAscii => ("-", "-"),
            Label::ColTime => ("Thời điểm", "Time"),
            Label::ColKind => ("Loại", "Kind"),
            Label::ColAuthor => ("Người nhập", "Entered by"),
            Label::ColNote => ("Ghi chú", "Note"),
            Label::Withdrawal => ("Rút lại", "Withdrawn"),
            Label::NoEntries => ("Chưa có số liệu nào được nhập.", "No figures have been entered yet."),
            Label::NoHome => (
                "không tìm thấy thư mục dữ liệu của người dùng; hãy chỉ ra kho số liệu bằng --store TỆP",
                "no user data directory was found; name the store with --store FILE",
            ),
            Label::Sound => ("hợp lệ", "sound"),
            Label::EntryId => ("Mã mục", "Entry id"),
        };
        lang.pick(vi, en)
    }
}

pub fn group(lang: Lang, group: Group) -> &'static str {
    let (vi, en) = match group {
        Group::Economic => ("Kinh tế", "Economic"),
        Group::Social => ("Xã hội", "Social"),
        Group::Environment => ("Môi trường", "Environment"),
        Group::Party => ("Xây dựng Đảng", "Party building"),
    };
    lang.pick(vi, en)
}

pub fn period(lang: Lang, period: Period) -> &'static str {
    let (vi, en) = match period {
        Period::Q1 => ("Quý I", "Q1"),
        Period::H1 => ("6 tháng", "6 months"),
        Period::NineMonths => ("9 tháng", "9 months"),
        Period::Year => ("Cả năm", "Full year"),
        Period::LastQ1 => ("Cùng kỳ Quý I", "Last year's Q1"),
        Period::LastH1 => ("Cùng kỳ 6 tháng", "Last year's 6 months"),
        Period::LastNineMonths => ("Cùng kỳ 9 tháng", "Last year's 9 months"),
        Period::LastYear => ("Năm trước", "Last year"),
    };
    lang.pick(vi, en)
}

/// A period in two letters, for a table column: "6T" (6 tháng), "9M", "CN" (cả năm).
pub fn period_short(lang: Lang, period: Period) -> &'static str {
    let (vi, en) = match period {
        Period::Q1 => ("Q1", "Q1"),
        Period::H1 => ("6T", "H1"),
        Period::NineMonths => ("9T", "9M"),
        Period::Year => ("CN", "FY"),
        // Last year's (cùng kỳ năm trước): the same letters, marked.
        Period::LastQ1 => ("Q1'", "Q1'"),
        Period::LastH1 => ("6T'", "H1'"),
        Period::LastNineMonths => ("9T'", "9M'"),
        Period::LastYear => ("CN'", "FY'"),
    };
    lang.pick(vi, en)
}

/// A period inside a sentence, before a noun: "quý I", "6 tháng"; "half-year", "full-year"
/// (not "the Full year period").
pub fn period_lower(lang: Lang, p: Period) -> &'static str {
    match (lang, p) {
        (Lang::Vi, Period::Q1) => "quý I",
        (Lang::Vi, Period::Year) => "cả năm",
        (Lang::En, Period::H1) => "half-year",
        (Lang::En, Period::NineMonths) => "nine-month",
        (Lang::En, Period::Year) => "full-year",
        _ => period(lang, p),
    }
}

/// The status in a word or two, for the view's narrow status column; reports and the
/// detail use [`status`] in full.
pub fn status_short(lang: Lang, status: Status) -> &'static str {
    match (status, lang) {
        (Status::OnTrack, Lang::Vi) => "Đúng tiến độ",
        (Status::AtRisk, Lang::Vi) => "Có nguy cơ",
        _ => self::status(lang, status),
    }
}

pub fn status(lang: Lang, status: Status) -> &'static str {
    let (vi, en) = match status {
        Status::Exceeded => ("Vượt", "Exceeded"),
        Status::Achieved => ("Đạt", "Achieved"),
        Status::NearlyAchieved => ("Xấp xỉ đạt", "Nearly achieved"),
        Status::NotAchieved => ("Không đạt", "Not achieved"),
        Status::OnTrack => ("Đúng/vượt tiến độ", "On track"),
        Status::AtRisk => ("Có nguy cơ không đạt", "At risk"),
        Status::Behind => ("Chậm tiến độ", "Behind"),
        Status::NotDue => ("Chưa đến kỳ", "Not due"),
        Status::NoData => ("Chưa có số liệu", "No data"),
    };
    lang.pick(vi, en)
}

/// The kind in a few letters, beside a figure in a table: `6.500 (ước)`.
pub fn kind_short(lang: Lang, kind: Kind) -> &'static str {
    let (vi, en) = match kind {
        Kind::Estimate => ("ước", "est."),
        Kind::Official => ("chính thức", "official"),
    };
    lang.pick(vi, en)
}

pub fn kind(lang: Lang, kind: Kind) -> &'static str {
    let (vi, en) = match kind {
        Kind::Estimate => ("Ước thực hiện", "Estimate"),
        Kind::Official => ("Chính thức", "Official"),
    };
    lang.pick(vi, en)
}
