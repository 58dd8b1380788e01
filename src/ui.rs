//! The screen, drawn from `&App` only. Layout here; the parts in `ui/*.rs`.
//!
//! ```text
//! title… · Kỳ: … · Lọc: … · Người dùng: … · Kho: …   header in one line
//!  Kinh tế ·11 │ Xã hội ·9 │ …                  group tabs with counts per status
//! Mã  Chỉ tiêu   Mục tiêu   Thực hiện Kỳ % kỳ  Tình trạng
//! …                                             the table
//! ─ Chi tiết ──────────────                     the selected target (beside the table
//! …                                             on a wide screen; one line on a short one)
//! message                                       footer: last message, keys that apply
//! ↑/↓ chọn dòng · Tab đổi nhóm · …
//! ```

mod detail;
mod footer;
mod header;
mod popup;
mod split;
mod table;
mod units;

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Mode};
use crate::i18n;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// A screen at least this wide shows the detail beside the table instead of below it.
const SIDE_BY_SIDE: u16 = 140;
/// A screen at least this tall shows the detail below the table; a shorter one gives the
/// table the room and names the selected target in one line (`i` shows the detail). At 80×24
/// that shows twice the rows, and a cursor move redraws two table rows and that line instead
/// of half the screen: a few hundred bytes over SSH rather than over a thousand.
const DETAIL_BELOW: u16 = 30;

/// Draws a frame and places the terminal cursor in the field being typed in.
pub fn draw(frame: &mut Frame, app: &App) {
    frame.render_widget(app, frame.area());
    if let Some(position) = app.hits.get().cursor {
        frame.set_cursor_position(position);
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut hits = self.hits.get();
        hits.cursor = None;
        self.hits.set(hits);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = i18n::enlarge(self.lang, MIN_WIDTH, MIN_HEIGHT);
            Paragraph::new(Line::from(text).style(self.theme.error))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let [head, tabs, body, foot] = split::vertical(
            area,
            [Constraint::Length(1), Constraint::Length(1), Constraint::Min(4), Constraint::Length(2)],
        );
        header::header(self, head, buf);
        if self.mode == Mode::Units {
            // The units screen takes the tabs' line and the body.
            let screen = Rect { height: tabs.height + body.height, ..tabs };
            units::units(self, screen, buf);
            footer::footer(self, foot, buf);
            return;
        }
        header::tabs(self, tabs, buf);
        if self.detail_zoom {
            detail::detail(self, body, buf);
            let mut hits = self.hits.get();
            hits.table = Rect::default();
            self.hits.set(hits);
        } else if area.width >= SIDE_BY_SIDE {
            let [left, right] = Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .spacing(2)
                .areas(body);
            table::table(self, left, buf);
            detail::detail(self, right, buf);
        } else if area.height < DETAIL_BELOW {
            let [top, bottom] = split::vertical(body, [Constraint::Min(3), Constraint::Length(1)]);
            table::table(self, top, buf);
            detail::summary(self, bottom, buf);
        } else {
            let detail_height = (body.height / 2).max(3);
            let [top, bottom] =
                split::vertical(body, [Constraint::Min(3), Constraint::Length(detail_height)]);
            table::table(self, top, buf);
            detail::detail(self, bottom, buf);
        }
        footer::footer(self, foot, buf);
        match &self.mode {
            Mode::Edit(form) => popup::form(self, form, body, buf),
            Mode::Help => popup::help(self, body, buf),
            Mode::Missing => popup::missing(self, body, buf),
            Mode::ConfirmUndo(entry) => popup::confirm(self, entry, body, buf),
            Mode::ConfirmRound(round) => popup::confirm_round(self, round, body, buf),
            Mode::Browse | Mode::Filter | Mode::Units => {}
        }
    }
}

/// A part of `area` of at most `width` × `height`, centred.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

#[cfg(test)]
mod tests;
