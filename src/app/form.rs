//! The edit form of one target: opening it (or a draft kept at a hang-up), what it says
//! about a closed period or a colleague's change, and its save through `ops::record`.

use super::{App, Field, Mode, TABS};
use crate::domain::ledger::Kind;
use crate::domain::number;
use crate::domain::period::Period;
use crate::domain::rounds::ClosedPeriod;
use crate::domain::text;
use crate::i18n::present;
use crate::i18n::{self, ViewText};
use crate::ops::Actor;
use crate::ops::record::{Figure, RecordError};

/// The parts of the edit form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Value,
    Period,
    Kind,
    Note,
}

impl FormField {
    const ORDER: [FormField; 4] = [FormField::Value, FormField::Period, FormField::Kind, FormField::Note];

    pub(super) fn step(self, by: isize) -> FormField {
        let i = FormField::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        FormField::ORDER[(i + by).rem_euclid(FormField::ORDER.len() as isize) as usize]
    }
}

/// The edit form of one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub target: String,
    pub value: Field,
    pub period: Period,
    pub kind: Kind,
    pub note: Field,
    pub focus: FormField,
    /// Why the last Enter did not save.
    pub error: Option<String>,
    /// A value far from the previous period's that was warned about: Enter again with the
    /// same value takes it.
    pub sharp_warned: Option<rust_decimal::Decimal>,
    /// What the form has to say besides an error: a draft given back, a colleague's change.
    pub notice: Option<String>,
    /// The id of the current figure of the form's target and period as the user last saw it,
    /// so that a colleague's change behind the form is said in the form.
    pub seen: Option<String>,
}

impl App {
    pub(super) fn start_edit(&mut self) {
        if self.too_small() {
            return self.warn(ViewText::Enlarge.get(self.lang));
        }
        if self.read_only {
            return self.warn(ViewText::ReadOnlyRefused.get(self.lang));
        }
        let Some(target) = self.selected_target() else {
            return self.warn(ViewText::NoRows.get(self.lang));
        };
        if target.goal.is_none() {
            return self.warn(ViewText::HeadingHasParts.get(self.lang));
        }
        let period = self.period_for_entry();
        let kind = if self.year_over { Kind::Official } else { Kind::Estimate };
        let error = self.closed_message(period);
        self.mode = Mode::Edit(Form {
            target: target.id.clone(),
            value: Field::default(),
            period,
            kind,
            note: Field::default(),
            focus: FormField::Value,
            error,
            sharp_warned: None,
            notice: None,
            seen: None,
        });
        self.note_seen();
    }

    /// Opens the form again with a draft kept when the terminal hung up, and says so.
    /// Returns whether it did: not when read-only, nor for a target this plan has no figure for;
    /// also `true` (the draft is done with, not offered) when its save had reached the store.
    pub fn offer_draft(&mut self, draft: crate::store::draft::Draft) -> bool {
        let Some(&index) = self.index.get(&draft.target) else {
            return false;
        };
        // A hang-up during its save: if the entry reached the store, the draft is done with.
        if let Some(at) = draft.saving_at
            && self.store.ledger().of_target(&draft.target).any(|e| {
                e.time == at && e.author == self.user && e.period == draft.period && e.retracts.is_none()
            })
        {
            self.say(ViewText::DraftAlreadySaved.get(self.lang));
            return true;
        }
        if self.read_only || self.plan.targets[index].goal.is_none() {
            return false;
        }
        if !self.visible.contains(&index) {
            self.tab = TABS - 1;
            self.filter.clear();
            self.status_filter = None;
            self.refilter();
        }
        self.selected = self.visible.iter().position(|i| *i == index).unwrap_or(0);
        let field = |text: &str| {
            let text = text::clean(text);
            Field { cursor: text.len(), text }
        };
        self.mode = Mode::Edit(Form {
            target: draft.target,
            value: field(&draft.value),
            period: draft.period,
            kind: draft.kind,
            note: field(&draft.note),
            focus: FormField::Value,
            error: self.closed_message(draft.period),
            sharp_warned: None,
            notice: None,
            seen: None,
        });
        self.note_seen();
        if let Mode::Edit(form) = &mut self.mode {
            form.notice = Some(ViewText::DraftOffered.get(self.lang).to_owned());
        }
        self.sync_draft();
        true
    }

    /// The open form has now seen the current figure of its target and period.
    fn note_seen(&mut self) {
        if let Mode::Edit(form) = &mut self.mode {
            form.seen = self.store.ledger().current(&form.target, form.period).map(|e| e.id.clone());
        }
    }

    /// After a refresh: says in the open form when the figure behind it changed.
    pub(super) fn note_change_behind_form(&mut self) {
        let Mode::Edit(form) = &self.mode else { return };
        let current = self.store.ledger().current(&form.target, form.period);
        if current.map(|e| &e.id) == form.seen.as_ref() {
            return;
        }
        let unit = self.plan.target(&form.target).map_or("", |t| t.unit.get(self.lang));
        let notice = match current {
            Some(entry) => i18n::changed_behind_form(
                self.lang,
                Some((&text::clean(&entry.author), &present::value_with_unit(self.lang, entry.value, unit))),
            ),
            None => i18n::changed_behind_form(self.lang, None),
        };
        if let Mode::Edit(form) = &mut self.mode {
            form.notice = Some(notice);
        }
        self.note_seen();
    }

    /// Puts the open form, if any, in the draft slot (or empties it).
    pub(super) fn sync_draft(&self) {
        let now = match &self.mode {
            Mode::Edit(form) => Some(crate::store::draft::Draft {
                target: form.target.clone(),
                period: form.period,
                kind: form.kind,
                value: form.value.text.clone(),
                note: form.note.text.clone(),
                saving_at: None,
            }),
            _ => None,
        };
        let mut slot = self.draft.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if *slot != now {
            *slot = now;
        }
    }

    /// What `set` says about a closed period, if `period` is closed.
    pub(super) fn closed_message(&self, period: Period) -> Option<String> {
        self.closed(period).map(|closed| self.closed_words(closed))
    }

    /// A closed period as the form says it, with the keys that reopen it here.
    pub(super) fn closed_words(&self, closed: &ClosedPeriod) -> String {
        let in_view = closed.period == self.period_for_entry();
        i18n::field::period_closed_in_view(self.lang, closed, &self.tz, in_view)
    }

    pub(super) fn save_form(&mut self, mut form: Form) {
        let value = match number::parse(&form.value.text, self.lang.number_style()) {
            Ok(v) => v,
            Err(e) => {
                form.error = Some(i18n::number_error(self.lang, &e));
                form.focus = FormField::Value;
                self.mode = Mode::Edit(form);
                return;
            }
        };
        let figure = Figure {
            target: &form.target,
            period: form.period,
            value,
            kind: form.kind,
            note: &form.note.text,
            typed: Some((&form.value.text, self.lang.number_style())),
        };
        // A sharp change is saved when the same value is entered again after the warning.
        let confirmed = form.sharp_warned == Some(value);
        let actor = self.actor();
        // Should the connection drop during the save, the draft says which entry it became.
        if let Some(draft) = self.draft.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).as_mut() {
            draft.saving_at = Some(actor.now);
        }
        match crate::ops::record::record(&mut self.store, &self.plan, &figure, &actor, confirmed) {
            Ok(recorded) => {
                let what = self.describe(&recorded.entry);
                self.mode = Mode::Browse;
                self.say(i18n::saved_footer(self.lang, &what, recorded.merged.from_others));
            }
            Err(RecordError::Closed(closed)) => {
                form.error = Some(self.closed_words(&closed));
                self.mode = Mode::Edit(form);
            }
            Err(RecordError::Sharp(changes)) => {
                let warning: Vec<String> =
                    changes.iter().map(|c| i18n::field::sharp_change(self.lang, &self.plan, c)).collect();
                let warning = warning.join(" ");
                form.error = Some(format!("{warning} {}", i18n::field::sharp_enter_again(self.lang)));
                form.sharp_warned = Some(value);
                self.mode = Mode::Edit(form);
            }
            Err(RecordError::Store(e)) => {
                let why = i18n::store_error(self.lang, &e);
                form.error = Some(i18n::save_failed(self.lang, &why));
                self.warn(i18n::save_failed(self.lang, &why));
                self.mode = Mode::Edit(form);
            }
        }
        // Even a refused save may have taken in others' entries.
        self.recompute();
    }

    /// Who saves, and when: the user, now.
    pub(super) fn actor(&self) -> Actor {
        Actor::new(&self.user, (self.clock)())
    }
}
