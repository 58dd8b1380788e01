//! Strings of the full-screen view: its fixed texts, what each key does (the help page and
//! the footer), and the messages of the footer.

use super::{Lang, period_lower};
use crate::domain::period::Period;

/// Fixed strings of the full-screen view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewText {
    AllGroups,
    Store,
    User,
    ReadOnly,
    Filter,
    Detail,
    Goal,
    Notes,
    Parts,
    Figures,
    History,
    NoHistory,
    Retracted,
    EditTitle,
    Value,
    ReadAs,
    Kind,
    Note,
    TypeANumber,
    HelpTitle,
    HelpBrowse,
    HelpFilter,
    HelpEdit,
    HelpHelp,
    HelpUnits,
    HelpDetail,
    HelpConfirm,
    HelpConfirmRound,
    Enlarge,
    ReadOnlyRefused,
    NothingToUndo,
    UndoTitle,
    UndoQuestion,
    CloseTitle,
    ReopenTitle,
    DraftOffered,
    DraftAlreadySaved,
    NotInReadOnly,
    HeadingHasParts,
    NoRows,
    Cancelled,
    Current,
    Latest,
    SortedBy,
    Quote,
    DetailBack,
}

impl ViewText {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            ViewText::AllGroups => ("Tất cả", "All"),
            ViewText::Store => ("Kho", "Store"),
            ViewText::User => ("Người dùng", "User"),
            ViewText::ReadOnly => ("CHỈ XEM", "READ-ONLY"),
            ViewText::Filter => ("Lọc", "Filter"),
            ViewText::Detail => ("Chi tiết", "Detail"),
            ViewText::Goal => ("Mục tiêu", "Goal"),
            ViewText::Notes => ("Ghi chú", "Notes"),
            ViewText::Parts => ("Gồm", "Parts"),
            ViewText::Figures => ("Số liệu theo kỳ", "Figures by period"),
            ViewText::History => ("Lịch sử nhập", "History"),
            ViewText::NoHistory => ("chưa có mục nào", "no entries yet"),
            ViewText::Retracted => ("rút lại", "withdrawn"),
            ViewText::EditTitle => ("Nhập số liệu", "Enter a figure"),
            ViewText::Value => ("Giá trị", "Value"),
            ViewText::ReadAs => ("Đọc là", "Read as"),
            ViewText::Kind => ("Loại", "Kind"),
            ViewText::Note => ("Ghi chú", "Note"),
            ViewText::TypeANumber => {
                ("nhập số, ví dụ 9.266 hoặc 76,56", "type a number, e.g. 9,266 or 76.56")
            }
            ViewText::HelpTitle => ("Phím tắt", "Keys"),
            ViewText::HelpBrowse => ("Xem danh sách", "Browsing"),
            ViewText::HelpFilter => ("Gõ bộ lọc", "Typing a filter"),
            ViewText::HelpEdit => ("Nhập số liệu", "Entering a figure"),
            ViewText::HelpHelp => ("Trang này", "This page"),
            ViewText::HelpUnits => ("Các đơn vị (U)", "Units (U)"),
            ViewText::HelpDetail => ("Xem chi tiết (phím i)", "The detail (key i)"),
            ViewText::HelpConfirm => ("Xác nhận", "Confirming"),
            ViewText::HelpConfirmRound => ("Xác nhận chốt/mở lại kỳ", "Confirming a closing or reopening"),
            ViewText::Enlarge => ("Cửa sổ quá nhỏ: hãy phóng to", "The window is too small: enlarge it"),
            ViewText::ReadOnlyRefused => (
                "Đang mở chỉ để xem (--read-only): không sửa được",
                "Opened for viewing only (--read-only): nothing can be changed",
            ),
            ViewText::NothingToUndo => ("Bạn chưa có mục nào để rút lại", "You have no entry to withdraw"),
            ViewText::UndoTitle => ("Rút lại mục nhập", "Withdraw an entry"),
            ViewText::UndoQuestion => (
                "Rút lại số liệu này của dòng đang chọn? Số liệu trước đó (nếu có) lại có hiệu lực; mục vẫn còn trong lịch sử.",
                "Withdraw this figure of the selected row? The one before it (if any) stands again; it stays in the history.",
            ),
            ViewText::CloseTitle => ("Chốt số liệu", "Close a period"),
            ViewText::DraftOffered => (
                "Bản nháp chưa lưu lúc mất kết nối: Enter để lưu, Esc để bỏ",
                "Unsaved draft from a lost connection: Enter saves, Esc drops it",
            ),
            ViewText::DraftAlreadySaved => (
                "Bản nháp lúc mất kết nối đã được lưu vào kho trước đó: không lưu lại lần nữa",
                "The draft from a lost connection had reached the store already: not saved twice",
            ),
            ViewText::ReopenTitle => ("Mở lại kỳ", "Reopen a period"),
            ViewText::NotInReadOnly => ("(không dùng khi chỉ xem)", "(not when read-only)"),
            ViewText::HeadingHasParts => (
                "Chỉ tiêu này gồm các chỉ tiêu con: hãy chọn một chỉ tiêu con để nhập",
                "This target is made of parts: choose a part to enter a figure",
            ),
            ViewText::NoRows => ("Không có chỉ tiêu nào khớp bộ lọc", "No target matches the filter"),
            ViewText::Cancelled => ("Đã huỷ, chưa lưu gì", "Cancelled, nothing saved"),
            ViewText::Current => ("hiện tại", "current"),
            ViewText::Latest => ("mới nhất có số liệu", "latest with a figure"),
            ViewText::SortedBy => ("Xếp", "Sorted by"),
            ViewText::Quote => ("Nghị quyết ghi", "The resolution says"),
            ViewText::DetailBack => ("Esc: về bảng", "Esc: back to the table"),
        };
        lang.pick(vi, en)
    }
}

/// What a key does, for the help page and the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHelp {
    Move,
    Page,
    Ends,
    Group,
    Edit,
    Filter,
    Clear,
    StatusFilter,
    Period,
    NextPlan,
    Undo,
    Round,
    Detail,
    Help,
    Missing,
    Quit,
    Redraw,
    Apply,
    Save,
    Cancel,
    Field,
    Change,
    Cursor,
    Erase,
    Yes,
    No,
    Close,
    Scroll,
    Sort,
    PeriodBack,
    ClearLine,
    Back,
    OtherTarget,
    Units,
    Agency,
    UnitsPane,
}

impl KeyHelp {
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            KeyHelp::Move => ("chọn dòng", "select"),
            KeyHelp::Page => ("lên/xuống một trang", "page up/down"),
            KeyHelp::Ends => ("dòng đầu/cuối", "first/last row"),
            KeyHelp::Group => ("đổi nhóm", "group"),
            KeyHelp::Edit => ("nhập số", "edit"),
            KeyHelp::Filter => ("lọc", "filter"),
            KeyHelp::Clear => ("bỏ lọc", "clear filters"),
            KeyHelp::StatusFilter => ("lọc tình trạng", "by status"),
            KeyHelp::Period => ("đổi kỳ", "period"),
            KeyHelp::NextPlan => ("kế hoạch năm khác", "another year's plan"),
            KeyHelp::Undo => ("rút lại", "undo"),
            KeyHelp::Round => ("chốt/mở lại kỳ", "close/reopen period"),
            KeyHelp::Detail => ("phóng chi tiết", "zoom detail"),
            KeyHelp::Help => ("trợ giúp", "help"),
            KeyHelp::Missing => ("ai chưa có số liệu", "who has not reported"),
            KeyHelp::Quit => ("thoát", "quit"),
            KeyHelp::Redraw => ("vẽ lại màn hình", "redraw the screen"),
            KeyHelp::Apply => ("giữ bộ lọc", "keep the filter"),
            KeyHelp::Save => ("lưu", "save"),
            KeyHelp::Cancel => ("huỷ", "cancel"),
            KeyHelp::Field => ("chuyển ô", "next/previous field"),
            KeyHelp::Change => ("di chuyển, đổi kỳ/loại", "move, change period/kind"),
            KeyHelp::Cursor => ("di chuyển con trỏ", "move the cursor"),
            KeyHelp::Erase => ("xoá ký tự", "delete a character"),
            KeyHelp::Yes => ("đồng ý", "yes"),
            KeyHelp::No => ("thôi", "no"),
            KeyHelp::Close => ("đóng", "close"),
            KeyHelp::Scroll => ("cuộn", "scroll"),
            KeyHelp::Sort => {
                ("xếp theo tình trạng, % KH, cơ quan, mã", "sort: status, % of plan, agency, id")
            }
            KeyHelp::PeriodBack => ("kỳ trước", "previous period"),
            KeyHelp::ClearLine => ("xoá cả dòng", "erase the line"),
            KeyHelp::Back => ("về bảng", "back to the table"),
            KeyHelp::OtherTarget => ("chỉ tiêu trước/sau", "previous/next target"),
            KeyHelp::Units => ("các đơn vị", "units"),
            KeyHelp::Agency => ("lọc cơ quan chủ trì", "by lead agency"),
            KeyHelp::UnitsPane => ("tình trạng/tổng các đơn vị", "statuses/units' totals"),
        };
        lang.pick(vi, en)
    }
}

/// A colleague saved (`Some((author, value))`) or withdrew the figure behind the open form.
pub fn changed_behind_form(lang: Lang, saved: Option<(&str, &str)>) -> String {
    match (lang, saved) {
        (Lang::Vi, Some((who, value))) => {
            format!("{who} vừa nhập {value} cho kỳ này: xem lại số hiện tại trước khi lưu")
        }
        (Lang::En, Some((who, value))) => {
            format!("{who} has just entered {value} for this period: check the current figure before saving")
        }
        (Lang::Vi, None) => "Số hiện tại của kỳ này vừa được rút lại: xem lại trước khi lưu".to_owned(),
        (Lang::En, None) => {
            "The current figure of this period was just withdrawn: check before saving".to_owned()
        }
    }
}

/// `u` on a target without a figure to withdraw (in `period`, or in any).
pub fn nothing_to_withdraw(lang: Lang, id: &str, period: Option<Period>) -> String {
    match (lang, period) {
        (Lang::Vi, Some(p)) => format!("Chỉ tiêu {id} chưa có số liệu {} để rút lại", period_lower(lang, p)),
        (Lang::Vi, None) => format!("Chỉ tiêu {id} chưa có số liệu nào để rút lại"),
        (Lang::En, Some(p)) => format!("Target {id} has no {} figure to withdraw", period_lower(lang, p)),
        (Lang::En, None) => format!("Target {id} has no figure to withdraw"),
    }
}

/// The footer after a save: `Đã lưu: 3 · Cả năm · 9.500 tỷ đồng`.
pub fn saved_footer(lang: Lang, what: &str, from_others: usize) -> String {
    let mut text = format!("{}: {what}", lang.pick("Đã lưu", "Saved"));
    if from_others > 0 {
        text.push_str(&others_suffix(lang, from_others));
    }
    text
}

/// The footer after a withdrawal.
pub fn withdrawn(lang: Lang, what: &str) -> String {
    format!("{}: {what}", lang.pick("Đã rút lại", "Withdrawn"))
}

/// A save that failed; the form stays filled.
pub fn save_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Vi => format!("Chưa lưu được ({why}); sửa rồi nhấn Enter để thử lại"),
        Lang::En => format!("Not saved ({why}); press Enter to try again"),
    }
}

fn others_suffix(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!(" (và {count} mục mới từ người khác)"),
        Lang::En => format!(" (and {count} new entries from others)"),
    }
}

/// What the "enlarge" screen asks for.
pub fn enlarge(lang: Lang, width: u16, height: u16) -> String {
    match lang {
        Lang::Vi => format!("{} (cần ít nhất {width}x{height})", ViewText::Enlarge.get(lang)),
        Lang::En => format!("{} (at least {width}x{height} needed)", ViewText::Enlarge.get(lang)),
    }
}

/// How to stop waiting for the store's lock in the full-screen view.
pub fn lock_give_up_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "— Esc để thôi chờ",
        Lang::En => "— Esc to stop waiting",
    }
}

/// "đã có số liệu 2/15": of the targets due in a period, how many have a figure for it.
pub fn reported_short(lang: Lang, done: crate::domain::units::Completeness) -> String {
    match lang {
        Lang::Vi => format!("đã có số liệu {}/{}", done.reported, done.expected),
        Lang::En => format!("figures in {}/{}", done.reported, done.expected),
    }
}
