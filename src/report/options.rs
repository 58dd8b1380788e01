//! How a text report is shown: what the command line knows of its user and terminal, handed
//! to the renderers here (which know nothing of the command line).

use crate::i18n::Lang;

/// The settings a text report is written with.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Plain ASCII: no box drawing, no symbols.
    pub ascii: bool,
    /// Colour codes for the statuses (a terminal without NO_COLOR).
    pub colour: bool,
    /// The terminal's width when output goes to one: the text report then wraps long names
    /// to fit it. `None` for a file or a pipe, which get every name in full on one line.
    pub width: Option<usize>,
    /// The zone times are shown in (the conflicts' entries).
    pub zone: jiff::tz::TimeZone,
}
