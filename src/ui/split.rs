//! Layouts worked out by hand when they are simple, by ratatui's `Layout` when they are not.
//!
//! `Layout` solves every new combination of constraints and area with a constraint solver
//! (kasuari) and caches the answer. At start every layout is new: at 80×24 the first frame's
//! five layouts cost 2.4 million instructions, two thirds of drawing it (issue 6). The
//! screen's own layouts are almost all fixed lengths around one part that takes the rest, and
//! whenever the lengths fit, the answer is plain addition. Anything else (lengths that do
//! not fit, percentages, two growing parts) goes to `Layout`, so the result is always
//! `Layout`'s; the tests compare the two for every size.

use ratatui::layout::{Constraint, Direction, Flex, Layout, Rect};

/// `Layout::vertical(constraints).areas(area)`.
pub(super) fn vertical<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    match direct(area, Direction::Vertical, &constraints, 0) {
        Some(rects) => rects.try_into().unwrap_or_else(|_| unreachable!("one area per constraint")),
        None => Layout::vertical(constraints).areas(area),
    }
}

/// The columns `Table` lays out for `widths` with `spacing` between them (it uses
/// `Flex::Start`), with no selection symbol.
pub(super) fn columns(area: Rect, widths: &[Constraint], spacing: u16) -> Vec<Rect> {
    direct(area, Direction::Horizontal, widths, spacing).unwrap_or_else(|| {
        Layout::horizontal(widths.iter().copied()).flex(Flex::Start).spacing(spacing).split(area).to_vec()
    })
}

/// The areas when every constraint is a `Length` but one `Min` or `Fill(n > 0)`, which takes
/// what the others leave, and the lengths fit; `None` otherwise.
fn direct(area: Rect, direction: Direction, constraints: &[Constraint], spacing: u16) -> Option<Vec<Rect>> {
    let room = match direction {
        Direction::Horizontal => area.width,
        Direction::Vertical => area.height,
    };
    let gaps = u16::try_from(constraints.len().saturating_sub(1)).ok()?;
    let mut taken = spacing.checked_mul(gaps)?;
    let mut growing = None;
    for (i, constraint) in constraints.iter().enumerate() {
        let length = match *constraint {
            Constraint::Length(n) => n,
            Constraint::Min(n) if growing.is_none() => {
                growing = Some(i);
                n
            }
            Constraint::Fill(weight) if weight > 0 && growing.is_none() => {
                growing = Some(i);
                0
            }
            _ => return None,
        };
        taken = taken.checked_add(length)?;
    }
    // Without a growing part, where the spare room goes depends on the flex.
    let growing = growing?;
    let spare = room.checked_sub(taken)?;
    let mut start = match direction {
        Direction::Horizontal => area.x,
        Direction::Vertical => area.y,
    };
    let rects = constraints
        .iter()
        .enumerate()
        .map(|(i, constraint)| {
            let length = match *constraint {
                Constraint::Length(n) | Constraint::Min(n) => n,
                _ => 0,
            } + if i == growing { spare } else { 0 };
            let rect = match direction {
                Direction::Horizontal => Rect { x: start, width: length, ..area },
                Direction::Vertical => Rect { y: start, height: length, ..area },
            };
            start = start.saturating_add(length).saturating_add(spacing);
            rect
        })
        .collect();
    Some(rects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Constraint::{Fill, Length, Min, Percentage};

    /// The screen's vertical layouts, for every height up to 200 (and a few offsets).
    #[test]
    fn vertical_splits_are_layouts() {
        for height in 0..=200 {
            for area in [Rect::new(0, 0, 80, height), Rect::new(3, 5, 17, height)] {
                let detail = (height / 2).max(3);
                let screen = [Length(1), Length(1), Min(4), Length(2)];
                assert_eq!(vertical(area, screen), Layout::vertical(screen).areas(area), "{area:?}");
                let summary = [Min(3), Length(1)];
                assert_eq!(vertical(area, summary), Layout::vertical(summary).areas(area), "{area:?}");
                let below = [Min(3), Length(detail)];
                assert_eq!(vertical(area, below), Layout::vertical(below).areas(area), "{area:?}");
            }
        }
    }

    /// The table's columns, with and without the period, for every width up to 400.
    #[test]
    fn columns_are_the_tables() {
        let narrow = [Length(5), Fill(1), Length(16), Length(11), Length(8), Length(18)];
        let wide = [Length(5), Fill(1), Length(16), Length(11), Length(9), Length(8), Length(18)];
        for width in 0..=400 {
            for area in [Rect::new(0, 0, width, 1), Rect::new(2, 7, width, 1)] {
                for widths in [&narrow[..], &wide[..]] {
                    let layout = Layout::horizontal(widths.iter().copied()).flex(Flex::Start).spacing(1);
                    assert_eq!(columns(area, widths, 1), layout.split(area).to_vec(), "{area:?} {widths:?}");
                }
            }
        }
    }

    #[test]
    fn only_lengths_around_one_growing_part_are_worked_out_by_hand() {
        let area = Rect::new(0, 0, 80, 24);
        assert!(direct(area, Direction::Vertical, &[Length(2), Min(1)], 0).is_some());
        assert!(direct(area, Direction::Vertical, &[Length(30), Min(1)], 0).is_none(), "does not fit");
        assert!(direct(area, Direction::Vertical, &[Min(2), Fill(1)], 0).is_none(), "two growing");
        assert!(direct(area, Direction::Vertical, &[Length(2), Length(3)], 0).is_none(), "none growing");
        assert!(direct(area, Direction::Vertical, &[Length(2), Fill(0)], 0).is_none());
        assert!(direct(area, Direction::Horizontal, &[Percentage(60), Fill(1)], 2).is_none());
    }
}
