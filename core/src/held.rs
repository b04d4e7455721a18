//! Rows held in place: a task the user edits in a filtered view (只看未完成, a status, a light)
//! stays shown, though its new status no longer matches, until the view changes. Otherwise the
//! row would vanish under the hand as soon as 已完成 is picked, before its 备注 is written, and
//! the rows below would jump up. A held row that no longer matches is *leaving*: the page says
//! so on the row (已完成，将从当前筛选中移出) and leaves it out of the print.

use crate::filter::Filter;

/// The tasks (indices into the table) edited under one filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held {
    filter: Filter,
    /// Ascending, without repeats.
    tasks: Vec<usize>,
}

impl Held {
    /// Holds `task`, edited under `filter`. Under another filter than the one held, the held
    /// tasks are let go first: the user has moved on. Returns whether anything changed (a
    /// note typed into a held row changes nothing, keystroke after keystroke).
    pub fn hold(&mut self, filter: &Filter, task: usize) -> bool {
        let mut changed = false;
        if self.filter != *filter {
            self.filter = filter.clone();
            changed = !self.tasks.is_empty();
            self.tasks.clear();
        }
        if let Err(at) = self.tasks.binary_search(&task) {
            self.tasks.insert(at, task);
            changed = true;
        }
        changed
    }

    /// Lets the held tasks go when the view is no longer `filter`'s (called on every change of
    /// the view: going to another view and back does not hold them again). Returns whether
    /// anything changed.
    pub fn follow(&mut self, filter: &Filter) -> bool {
        if self.filter == *filter || self.tasks.is_empty() {
            return false;
        }
        self.filter = filter.clone();
        self.tasks.clear();
        true
    }

    /// The held tasks, when `filter` is the one they were edited under; none otherwise.
    fn under(&self, filter: &Filter) -> &[usize] {
        if self.filter == *filter {
            &self.tasks
        } else {
            &[]
        }
    }

    /// The rows to show: the filter's (`matching`, ascending) and the held ones, in source
    /// order.
    pub fn shown(&self, filter: &Filter, matching: Vec<usize>) -> Vec<usize> {
        let held = self.under(filter);
        if held.is_empty() {
            return matching;
        }
        let mut out = Vec::with_capacity(matching.len() + held.len());
        let (mut a, mut b) = (matching.iter().peekable(), held.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(&&x), Some(&&y)) if x == y => {
                    b.next();
                    a.next()
                }
                (Some(&&x), Some(&&y)) if y < x => b.next(),
                (Some(_), _) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            out.extend(next);
        }
        out
    }

    /// The held tasks the filter no longer matches (`matching`, ascending): shown only because
    /// they are held.
    pub fn leaving(&self, filter: &Filter, matching: &[usize]) -> Vec<usize> {
        self.under(filter)
            .iter()
            .copied()
            .filter(|t| matching.binary_search(t).is_err())
            .collect()
    }
}
