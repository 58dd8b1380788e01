//! Named style roles. The domain decides a status; the theme picks how it looks.
//!
//! Only the 16 basic colours are used, as foreground on the terminal's own background, so
//! the screen reads on dark and light backgrounds alike; the selection is reverse video.
//! Without colour (`NO_COLOR`) the roles keep only bold and reverse, and every status is
//! still written with its symbol and its word. `--ascii` swaps box drawing and symbols for
//! plain characters.

use crate::domain::status::Status;
use crate::i18n::present;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub colour: bool,
    pub ascii: bool,
    pub title: Style,
    pub dim: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub column_header: Style,
    pub selected: Style,
    pub key: Style,
    pub label: Style,
    pub info: Style,
    pub error: Style,
    pub border: Style,
    /// In `Status::ALL` order.
    status: [Style; Status::ALL.len()],
}

/// Box drawing in plain ASCII.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    pub fn new(colour: bool, ascii: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let fg = |c: Color| if colour { Style::new().fg(c) } else { Style::new() };
        Theme {
            colour,
            ascii,
            title: bold,
            // Labels are the terminal's own colour, faint: dark grey vanishes on some dark
            // palettes (Solarized's is its background), faint text reads on any.
            dim: if colour { Style::new().add_modifier(Modifier::DIM) } else { Style::new() },
            tab: Style::new(),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            column_header: bold.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            label: bold,
            info: fg(Color::Green),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            border: fg(Color::DarkGray),
            status: {
                let strong = if colour { Modifier::BOLD } else { Modifier::empty() };
                [
                    fg(Color::Green).add_modifier(strong),
                    fg(Color::Green),
                    fg(Color::Yellow),
                    fg(Color::Red).add_modifier(strong),
                    fg(Color::Cyan),
                    fg(Color::Yellow),
                    fg(Color::Red).add_modifier(strong),
                    // Not due is no signal at all: the terminal's own colour.
                    Style::new(),
                    fg(Color::DarkGray),
                ]
            },
        }
    }

    /// For a light background (`--theme light`): yellow and cyan, faint on white in
    /// xterm's and PuTTY's palettes, become magenta and blue; dark grey becomes faint text.
    /// Still only the 16 basic colours.
    pub fn on_light_background(mut self) -> Theme {
        let swap = |style: Style| match style.fg {
            Some(Color::Yellow) => style.fg(Color::Magenta),
            Some(Color::Cyan) => style.fg(Color::Blue),
            Some(Color::DarkGray) => Style { fg: None, ..style }.add_modifier(Modifier::DIM),
            _ => style,
        };
        for style in [&mut self.dim, &mut self.key, &mut self.info, &mut self.error, &mut self.border] {
            *style = swap(*style);
        }
        for style in &mut self.status {
            *style = swap(*style);
        }
        self
    }

    /// The style of a status (its colour; nothing without colour).
    pub fn status(&self, status: Status) -> Style {
        let i = Status::ALL.iter().position(|s| *s == status).unwrap_or(Status::ALL.len() - 1);
        self.status[i]
    }

    /// The mark written beside each status, so colour is never the only signal.
    pub fn symbol(&self, status: Status) -> &'static str {
        present::status_symbol(status, self.ascii)
    }

    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii { ASCII_BORDER } else { border::PLAIN }
    }

    /// A divider between tabs and hints.
    pub fn divider(&self) -> &'static str {
        if self.ascii { "|" } else { "│" }
    }

    /// The filled and empty cells of a bar.
    pub fn bar(&self) -> (&'static str, &'static str) {
        if self.ascii { ("#", ".") } else { ("█", "░") }
    }

    /// The separator between items of a line.
    pub fn dot(&self) -> &'static str {
        if self.ascii { " - " } else { " · " }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_background_gets_colours_that_read_on_white() {
        let light = Theme::new(true, false).on_light_background();
        for status in Status::ALL {
            let fg = light.status(status).fg;
            assert!(!matches!(fg, Some(Color::Yellow | Color::Cyan | Color::DarkGray)), "{status:?}: {fg:?}");
        }
        assert_eq!(light.status(Status::AtRisk).fg, Some(Color::Magenta));
        assert_eq!(light.status(Status::OnTrack).fg, Some(Color::Blue));
        let plain = Theme::new(false, false);
        assert_eq!(plain.clone().on_light_background(), plain, "nothing to change without colour");
    }

    #[test]
    fn statuses_are_coloured_by_meaning_and_none_without() {
        let theme = Theme::new(true, false);
        let colours: Vec<_> = Status::ALL.iter().map(|s| theme.status(*s).fg).collect();
        // Good is green (exceeded in bold), in-year progress cyan, short within the tolerance
        // yellow, short beyond it red, not due the terminal's own colour, no data grey.
        let (g, c, y, r, n) =
            (Some(Color::Green), Some(Color::Cyan), Some(Color::Yellow), Some(Color::Red), None);
        assert_eq!(colours, [g, g, y, r, c, y, r, n, Some(Color::DarkGray)]);
        assert!(theme.status(Status::Exceeded).add_modifier.contains(Modifier::BOLD));
        assert!(!theme.status(Status::Achieved).add_modifier.contains(Modifier::BOLD));
        let plain = Theme::new(false, false);
        assert!(Status::ALL.iter().all(|s| plain.status(*s).fg.is_none()));
    }
}
