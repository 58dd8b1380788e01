//! The questions asked before a change that is not typed in a form: withdrawing a figure
//! (`u`) and closing or reopening a period (`c`), and what a yes does through `ops`.

use super::{App, Mode};
use crate::domain::ledger::Entry;
use crate::domain::period::Period;
use crate::domain::progress::PeriodChoice;
use crate::i18n::{self, ViewText};
use crate::ops::withdraw::{Which, WithdrawError};

/// A closing or reopening waiting for a yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundAsk {
    pub action: crate::domain::ledger::RoundAction,
    pub period: Period,
    /// The view shows the latest figures, so the period is the form's default one.
    pub default: bool,
}

impl App {
    /// `u`: asks before withdrawing the selected target's figure in the period in view (its
    /// latest figure when the view shows the latest ones).
    pub(super) fn ask_undo(&mut self) {
        if self.read_only {
            return self.warn(ViewText::ReadOnlyRefused.get(self.lang));
        }
        if self.too_small() {
            return self.warn(ViewText::Enlarge.get(self.lang));
        }
        let Some(target) = self.selected_target() else {
            return self.warn(ViewText::NoRows.get(self.lang));
        };
        if target.goal.is_none() {
            return self.warn(ViewText::HeadingHasParts.get(self.lang));
        }
        let ledger = self.store.ledger();
        let figure = match self.period {
            PeriodChoice::Fixed(period) => ledger.current(&target.id, period),
            PeriodChoice::Latest => ledger.latest(&target.id),
        };
        match figure {
            Some(entry) => self.mode = Mode::ConfirmUndo(entry.clone()),
            None => {
                let period = match self.period {
                    PeriodChoice::Fixed(p) => Some(p),
                    PeriodChoice::Latest => None,
                };
                let text = i18n::nothing_to_withdraw(self.lang, &target.id, period);
                self.warn(text)
            }
        }
    }

    /// `c`: asks before closing the period in view, or reopening it when it is closed.
    pub(super) fn ask_round(&mut self) {
        if self.read_only {
            return self.warn(ViewText::ReadOnlyRefused.get(self.lang));
        }
        if self.too_small() {
            return self.warn(ViewText::Enlarge.get(self.lang));
        }
        let period = self.period_for_entry();
        let action = match self.closed(period) {
            Some(_) => crate::domain::ledger::RoundAction::ReopenPeriod,
            None => crate::domain::ledger::RoundAction::ClosePeriod,
        };
        let default = self.period == PeriodChoice::Latest;
        self.mode = Mode::ConfirmRound(RoundAsk { action, period, default });
    }

    /// Records the closing or reopening, the same way `chitieu close-period` does.
    pub(super) fn save_round(&mut self, ask: RoundAsk) {
        self.mode = Mode::Browse;
        let lang = self.lang;
        let actor = self.actor();
        match crate::ops::round::save(&mut self.store, &self.plan, ask.action, ask.period, &actor) {
            Ok(crate::ops::round::Saved::Done(_)) => {
                self.say(i18n::field::round_done_tui(lang, ask.action, ask.period, ask.default))
            }
            Ok(crate::ops::round::Saved::AlreadyClosed(close)) => {
                self.warn(i18n::field::already_closed(lang, &self.tz, &close))
            }
            Ok(crate::ops::round::Saved::AlreadyOpen) => {
                self.warn(i18n::field::already_open(lang, ask.period))
            }
            Err(e) => {
                let why = i18n::store_error(lang, &e);
                self.warn(i18n::save_failed(lang, &why));
            }
        }
        self.recompute();
    }

    pub(super) fn withdraw(&mut self, entry: Entry) {
        self.mode = Mode::Browse;
        let actor = self.actor();
        match crate::ops::withdraw::withdraw(&mut self.store, &self.plan, Which::Entry(&entry.id), &actor) {
            Ok(withdrawn) => {
                let what = self.describe(&withdrawn.retraction);
                self.say(i18n::withdrawn(self.lang, &what))
            }
            Err(WithdrawError::Nothing) => self.warn(ViewText::NothingToUndo.get(self.lang)),
            Err(WithdrawError::Closed(closed)) => self.warn(self.closed_words(&closed)),
            Err(WithdrawError::Store(e)) => {
                let why = i18n::store_error(self.lang, &e);
                self.warn(i18n::save_failed(self.lang, &why));
            }
        }
        self.recompute();
    }
}
