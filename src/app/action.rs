//! Everything a user can do in the full-screen view. Keys and the mouse become these (see
//! `keymap`); `app::update` is the only place that acts on them.

/// One thing to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Moving through the table.
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    NextGroup,
    PrevGroup,
    /// Scrolls the selection by this many rows (mouse wheel).
    Scroll(i32),
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    ToggleDetail,
    /// Esc: backs out one level (the detail to the table; in the table, clears the filters).
    Back,
    // Views and filters.
    StartFilter,
    /// Ctrl-U in the filter: erases what was typed.
    ClearLine,
    CycleStatusFilter,
    CyclePeriod,
    /// Steps the period in view backwards.
    PrevPeriod,
    /// Cycles the order of the rows: plan order, status (worst first), % of plan.
    CycleSort,
    ShowHelp,
    /// Shows who has not reported for the period in view (`m`).
    ShowMissing,
    /// Opens the units screen (`U`), or closes it.
    ShowUnits,
    /// Shows the targets of the next lead agency only (`a`), round to all of them.
    CycleAgency,
    /// Opens the next installed plan (the next year's, round to the first).
    NextPlan,
    // Editing.
    Edit,
    Undo,
    /// Closes the period in view, or reopens it when it is closed (asks first).
    ToggleRound,
    Confirm,
    Cancel,
    NextField,
    PrevField,
    /// ←/→ inside a form: moves the cursor in a text field, changes a choice otherwise.
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    Input(char),
    // The program.
    /// The store may have changed on disk (sent every couple of seconds).
    Refresh,
    Resize {
        width: u16,
        height: u16,
    },
    Redraw,
    Quit,
}
