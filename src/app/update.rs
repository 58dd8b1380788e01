//! `update`: what each action does in each mode, and `paste`.

use super::{Action, App, Form, FormField, Mode, TABS};
use crate::domain::ledger::Kind;
use crate::domain::period::Period;
use crate::domain::progress::PeriodChoice;
use crate::i18n::{self, ViewText};
use ratatui::layout::Position;

const NOTE_MAX: usize = 500;
const VALUE_MAX: usize = 40;

impl App {
    /// Rows the table shows at once (from the last frame; a guess before the first).
    fn page(&self) -> usize {
        usize::from(self.hits.get().table.height).max(1)
    }

    fn move_by(&mut self, by: isize) {
        let last = self.visible.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + by).clamp(0, last.max(0)) as usize;
    }

    fn click(&mut self, column: u16, row: u16) {
        let hits = self.hits.get();
        if row == hits.tabs_y
            && let Some(tab) =
                hits.tabs.iter().position(|(from, to)| (*from..=*to).contains(&column) && to > from)
        {
            self.tab = tab;
            self.selected = 0;
            self.refilter();
            return;
        }
        if hits.table.contains(Position { x: column, y: row }) {
            let index = hits.offset + usize::from(row - hits.table.y);
            if index < self.visible.len() {
                self.selected = index;
            }
        }
    }
}

/// Applies one action. Returns whether the screen may have changed and needs drawing.
pub fn update(app: &mut App, action: Action) -> bool {
    let changed = apply(app, action);
    app.sync_draft();
    changed
}

/// A paste (bracketed paste: the terminal marks it, so it arrives whole): text for the field
/// being edited, never keys. In a note or the filter its line breaks become spaces; a value
/// with a line break is refused (the form says so and keeps what it had); in the table, the
/// help or a question it does nothing at all. Returns whether the screen changed.
pub fn paste(app: &mut App, text: &str) -> bool {
    let one_line =
        |text: &str| text.split(['\r', '\n']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    let changed = match &mut app.mode {
        Mode::Edit(form) => match form.focus {
            FormField::Note => {
                for c in one_line(text).chars() {
                    form.note.insert(c, NOTE_MAX);
                }
                true
            }
            FormField::Value if text.trim_end_matches(['\r', '\n']).contains(['\r', '\n']) => {
                form.error = Some(i18n::field::paste_refused(app.lang).to_owned());
                true
            }
            FormField::Value => {
                for c in text.trim().chars() {
                    form.value.insert(c, VALUE_MAX);
                }
                form.error = None;
                true
            }
            _ => false,
        },
        Mode::Filter => {
            for c in one_line(text).chars() {
                app.filter.insert(c, VALUE_MAX);
            }
            app.selected = 0;
            app.refilter();
            true
        }
        _ => false,
    };
    app.sync_draft();
    changed
}

/// Whether a form is open: what quitting with Ctrl-C keeps as a draft.
pub fn form_open(app: &App) -> bool {
    matches!(app.mode, Mode::Edit(_))
}

fn apply(app: &mut App, action: Action) -> bool {
    match action {
        Action::Resize { width, height } => {
            app.size = (width, height);
            return true;
        }
        Action::Redraw => return true,
        Action::Quit => {
            app.quit = true;
            return false;
        }
        Action::NextPlan => {
            let next =
                app.years.iter().copied().find(|y| *y > app.plan.year).or_else(|| app.years.first().copied());
            match next {
                Some(year) if year != app.plan.year => {
                    app.switch_to = Some(year);
                    app.quit = true;
                    return false;
                }
                _ => {
                    app.say(i18n::plans::only_one_plan(app.lang));
                    return true;
                }
            }
        }
        Action::Refresh => {
            let faded = app.age_message();
            return faded
                | match app.store.refresh(&app.plan) {
                    // Any change of the file, a hand edit of an existing entry too, is shown.
                    Ok(merged) if merged.changed => {
                        if merged.from_others > 0 {
                            app.say(i18n::from_others(app.lang, merged.from_others));
                        }
                        app.recompute();
                        app.note_change_behind_form();
                        true
                    }
                    Ok(_) => false,
                    Err(e) => {
                        let text = i18n::store_error(app.lang, &e);
                        let new = app.message.as_ref().is_none_or(|m| m.text != text);
                        if new {
                            app.warn(text);
                        }
                        new
                    }
                };
        }
        _ => {}
    }
    // What was said before goes at the next key: it said what the previous one did.
    app.message = None;
    let mode = std::mem::replace(&mut app.mode, Mode::Browse);
    match mode {
        Mode::Browse => browse(app, action),
        Mode::Filter => filter(app, action),
        Mode::Edit(form) => edit(app, form, action),
        mode @ (Mode::Help | Mode::Missing) => {
            match action {
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                Action::Down => app.help_scroll = app.help_scroll.saturating_add(1),
                Action::Scroll(by) => {
                    app.help_scroll = app.help_scroll.saturating_add_signed(by.clamp(-100, 100) as i16)
                }
                Action::Cancel => return true,
                _ => {}
            }
            app.mode = mode;
        }
        Mode::ConfirmUndo(entry) => match action {
            Action::Confirm => app.withdraw(entry),
            Action::Cancel => app.say(ViewText::Cancelled.get(app.lang)),
            _ => app.mode = Mode::ConfirmUndo(entry),
        },
        Mode::ConfirmRound(ask) => match action {
            Action::Confirm => app.save_round(ask),
            Action::Cancel => app.say(ViewText::Cancelled.get(app.lang)),
            _ => app.mode = Mode::ConfirmRound(ask),
        },
        Mode::Units => super::units::update(app, action),
    }
    true
}

pub(super) fn browse(app: &mut App, action: Action) {
    match action {
        Action::Up => app.move_by(-1),
        Action::Down => app.move_by(1),
        Action::PageUp => app.move_by(-(app.page() as isize)),
        Action::PageDown => app.move_by(app.page() as isize),
        Action::First => app.selected = 0,
        Action::Last => app.selected = app.visible.len().saturating_sub(1),
        Action::Scroll(by) => app.move_by(by as isize),
        Action::Click { column, row } => app.click(column, row),
        Action::NextGroup | Action::PrevGroup => {
            let by = if action == Action::NextGroup { 1 } else { TABS - 1 };
            app.tab = (app.tab + by) % TABS;
            app.selected = 0;
            app.refilter();
        }
        Action::ToggleDetail => app.detail_zoom = !app.detail_zoom,
        Action::Back if app.detail_zoom => app.detail_zoom = false,
        Action::Back => {
            app.filter.clear();
            app.status_filter = None;
            app.refilter();
        }
        Action::StartFilter => app.mode = Mode::Filter,
        Action::CycleStatusFilter => {
            app.status_filter = app.next_status_filter();
            app.selected = 0;
            app.refilter();
        }
        Action::CycleSort => {
            app.sort = app.sort.next();
            app.refilter();
        }
        Action::CyclePeriod | Action::PrevPeriod => {
            // Latest, then each period in turn; `P` goes the other way round.
            let mut cycle = vec![PeriodChoice::Latest];
            cycle.extend(Period::THIS_YEAR.map(PeriodChoice::Fixed));
            let at = cycle.iter().position(|c| *c == app.period).unwrap_or(0);
            let by = if action == Action::CyclePeriod { 1 } else { cycle.len() - 1 };
            app.period = cycle[(at + by) % cycle.len()];
            app.recompute();
        }
        Action::ShowHelp => {
            app.help_scroll = 0;
            app.mode = Mode::Help;
        }
        Action::ShowMissing => {
            app.help_scroll = 0;
            app.mode = Mode::Missing;
        }
        Action::ShowUnits | Action::CycleAgency => super::units::browse(app, action),
        Action::Edit => app.start_edit(),
        Action::ToggleRound => app.ask_round(),
        Action::Undo => app.ask_undo(),
        _ => {}
    }
}

fn filter(app: &mut App, action: Action) {
    match action {
        Action::Confirm => return,
        Action::Cancel => {
            app.filter.clear();
            app.refilter();
            return;
        }
        Action::Input(c) => app.filter.insert(c, VALUE_MAX),
        Action::ClearLine => app.filter.clear(),
        Action::Backspace => app.filter.backspace(),
        Action::Left => app.filter.left(),
        Action::Right => app.filter.right(),
        _ => {}
    }
    app.selected = 0;
    app.refilter();
    app.mode = Mode::Filter;
}

fn edit(app: &mut App, mut form: Form, action: Action) {
    if action == Action::Cancel {
        app.say(ViewText::Cancelled.get(app.lang));
        return;
    }
    if action == Action::Confirm {
        if app.too_small() {
            app.warn(ViewText::Enlarge.get(app.lang));
            app.mode = Mode::Edit(form);
        } else {
            app.save_form(form);
        }
        return;
    }
    let field = match form.focus {
        FormField::Value => Some(&mut form.value),
        FormField::Note => Some(&mut form.note),
        _ => None,
    };
    let max = if form.focus == FormField::Note { NOTE_MAX } else { VALUE_MAX };
    match (action, field) {
        (Action::NextField, _) => form.focus = form.focus.step(1),
        (Action::PrevField, _) => form.focus = form.focus.step(-1),
        (Action::Input(c), Some(f)) => f.insert(c, max),
        (Action::Backspace, Some(f)) => f.backspace(),
        (Action::Delete, Some(f)) => f.delete(),
        (Action::Left, Some(f)) => f.left(),
        (Action::Right, Some(f)) => f.right(),
        (Action::Home, Some(f)) => f.cursor = 0,
        (Action::End, Some(f)) => f.cursor = f.text.len(),
        (Action::Left | Action::Right | Action::Input(' '), None) => {
            let forward = action != Action::Left;
            if form.focus == FormField::Period {
                let i = Period::ALL.iter().position(|p| *p == form.period).unwrap_or(0);
                let n = Period::ALL.len();
                form.period = Period::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }];
                form.error = app.closed_message(form.period);
                form.notice = None;
                form.seen = app.store.ledger().current(&form.target, form.period).map(|e| e.id.clone());
            } else {
                form.kind = match form.kind {
                    Kind::Estimate => Kind::Official,
                    Kind::Official => Kind::Estimate,
                };
            }
        }
        _ => {}
    }
    if matches!(action, Action::Input(_) | Action::Backspace | Action::Delete) {
        // A closed period stays said while the form is for it.
        form.error = app.closed_message(form.period);
    }
    app.mode = Mode::Edit(form);
}
