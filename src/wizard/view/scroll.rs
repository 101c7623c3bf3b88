//! Scrolling of the long views: the Diagram and Review screens, apply now's log and the
//! connectivity checklist. Their lines are word-wrapped here to the width they are drawn at, so
//! the number of rows is known: the offset stops at the end (the content's rows minus the
//! viewport's) and the position (`lines 1-20 of 57`) is shown when the content does not fit.
//! `update` clamps the offset with the same computation at the terminal's size
//! ([`scroll_limit`]).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Theme, apply_panel, panels, screens};
use crate::diagram::{self, Diagram};
use crate::text::wizard as words;
use crate::wizard::apply::ApplyView;
use crate::wizard::model::{Follow, Model, Overlay};
use crate::wizard::questions::Screen;

/// The display width of `text` in cells.
pub(super) fn width_of(text: &str) -> usize {
    Span::raw(text).width()
}

/// One row being filled: its styled characters and their width.
#[derive(Default)]
struct Row {
    cells: Vec<(char, Style)>,
    width: usize,
}

impl Row {
    fn push(&mut self, cell: (char, Style)) {
        self.width += width_of(cell.0.encode_utf8(&mut [0; 4]));
        self.cells.push(cell);
    }

    /// The row as a line, consecutive cells of one style in one span.
    fn into_line(self) -> Line<'static> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut text = String::new();
        let mut style = None;
        for (c, cell_style) in self.cells {
            if style.is_some_and(|s| s != cell_style) {
                spans.push(Span::styled(
                    std::mem::take(&mut text),
                    style.unwrap_or_default(),
                ));
            }
            style = Some(cell_style);
            text.push(c);
        }
        if let Some(style) = style {
            spans.push(Span::styled(text, style));
        }
        Line::from(spans)
    }
}

/// Word-wraps `lines` to `width` cells, keeping each character's style: a row breaks at a
/// space (dropped), a word longer than the width breaks where it must. An empty line stays.
pub(super) fn wrap(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in lines {
        let cells: Vec<(char, Style)> = line
            .spans
            .iter()
            .flat_map(|span| {
                let style = line.style.patch(span.style);
                span.content.chars().map(move |c| (c, style))
            })
            .collect();
        let mut row = Row::default();
        let mut words = cells
            .chunk_by(|a, b| (a.0 == ' ') == (b.0 == ' '))
            .peekable();
        if words.peek().is_none() {
            out.push(Line::raw(""));
            continue;
        }
        for word in words {
            let word_width: usize = word
                .iter()
                .map(|(c, _)| width_of(c.encode_utf8(&mut [0; 4])))
                .sum();
            let space = word.first().is_some_and(|(c, _)| *c == ' ');
            if row.width + word_width <= width {
                word.iter().for_each(|cell| row.push(*cell));
            } else if space {
                out.push(std::mem::take(&mut row).into_line());
            } else {
                if row.width > 0 && word_width <= width {
                    out.push(std::mem::take(&mut row).into_line());
                }
                for cell in word {
                    if row.width + width_of(cell.0.encode_utf8(&mut [0; 4])) > width {
                        out.push(std::mem::take(&mut row).into_line());
                    }
                    row.push(*cell);
                }
            }
        }
        if !row.cells.is_empty() {
            out.push(row.into_line());
        }
    }
    out
}

/// A form wrapped to `width`, and the offset that shows the `focus` lines (their wrapped rows)
/// in `height` rows: the form stays at its top until the focused field would pass the bottom,
/// then scrolls just enough, never past the form's end.
pub(super) fn follow_focus(
    lines: Vec<Line<'static>>,
    focus: std::ops::Range<usize>,
    width: u16,
    height: u16,
) -> (Vec<Line<'static>>, u16) {
    let mut rows = Vec::new();
    let (mut start, mut end) = (0, 0);
    for (index, line) in lines.into_iter().enumerate() {
        if index == focus.start {
            start = rows.len();
        }
        rows.extend(wrap(vec![line], width));
        if index + 1 == focus.end {
            end = rows.len();
        }
    }
    let height = usize::from(height);
    let offset = end.saturating_sub(height).min(start);
    (rows, u16::try_from(offset).unwrap_or(u16::MAX))
}

/// How a scrolled view picks its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// Where the operator scrolled it ([`Model::scroll`]).
    Page,
    /// Apply now's log: while [`Follow::Current`], the row `Some(r)` at the top (the end's text)
    /// or, with `None`, the last rows.
    Log(Option<usize>),
}

/// Wrapped lines and where they are drawn.
pub(super) struct Scrolled {
    /// The lines, wrapped to the area's width.
    pub lines: Vec<Line<'static>>,
    /// Where they are drawn.
    pub area: Rect,
    /// How the offset is picked.
    pub anchor: Anchor,
}

impl Scrolled {
    /// Wraps `lines` for `area`, scrolled where the operator put them.
    pub(super) fn new(lines: Vec<Line<'static>>, area: Rect) -> Self {
        Self {
            lines: wrap(lines, area.width),
            area,
            anchor: Anchor::Page,
        }
    }

    /// Wraps apply now's log for `area`; `follow` is the line it follows (see [`Anchor::Log`]).
    pub(super) fn log(lines: Vec<Line<'static>>, follow: Option<usize>, area: Rect) -> Self {
        let mut rows = Vec::new();
        let mut anchor = None;
        for (index, line) in lines.into_iter().enumerate() {
            if Some(index) == follow {
                anchor = Some(rows.len());
            }
            rows.extend(wrap(vec![line], area.width));
        }
        Self {
            lines: rows,
            area,
            anchor: Anchor::Log(anchor),
        }
    }

    /// The largest useful offset: the last rows fill the area.
    pub(super) fn max_offset(&self) -> u16 {
        u16::try_from(self.lines.len())
            .unwrap_or(u16::MAX)
            .saturating_sub(self.area.height)
    }

    /// The offset a log that follows the run has.
    fn following(&self) -> u16 {
        match self.anchor {
            Anchor::Log(Some(row)) => u16::try_from(row)
                .unwrap_or(u16::MAX)
                .min(self.max_offset()),
            Anchor::Log(None) | Anchor::Page => self.max_offset(),
        }
    }

    /// The offset shown for the model: the log's while it follows the run, otherwise the
    /// model's (stopped at the end).
    pub(super) fn offset(&self, model: &Model) -> u16 {
        match (self.anchor, model.follow) {
            (Anchor::Log(_), Follow::Current) => self.following(),
            _ => model.scroll.min(self.max_offset()),
        }
    }

    /// The position shown, `lines 1-20 of 57`; `None` when everything fits.
    pub(super) fn position(&self, offset: u16) -> Option<Line<'static>> {
        let total = self.lines.len();
        let height = usize::from(self.area.height);
        (total > height).then(|| {
            let first = usize::from(offset.min(self.max_offset())) + 1;
            let last = (first + height - 1).min(total);
            Line::raw(format!(" {} ", words::scroll_position(first, last, total))).right_aligned()
        })
    }

    /// The lines from `offset` (stopped at the end) as a paragraph.
    pub(super) fn paragraph(&self, offset: u16) -> Paragraph<'static> {
        Paragraph::new(self.lines.clone()).scroll((offset.min(self.max_offset()), 0))
    }
}

/// The three rows of the wizard: the steps, the screen's box, the footer.
pub(super) fn rows(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Inside the screen's box.
pub(super) fn body(area: Rect) -> Rect {
    let [_, body, _] = rows(area);
    Block::bordered().inner(body)
}

/// What scrolls in the terminal `area` for the model's state, if anything.
pub(super) fn scrolled(model: &Model, area: Rect, theme: &Theme) -> Option<Scrolled> {
    if model.overlay == Overlay::Checks {
        let lines = panels::checks_lines(model)?;
        return Some(Scrolled::new(
            lines,
            Block::bordered().inner(panels::checks_area(area)),
        ));
    }
    let body = body(area);
    match (&model.apply, model.screen) {
        (ApplyView::Confirming(lines), Screen::Finish) => {
            Some(Scrolled::new(screens::text_lines(&lines.join("\n")), body))
        }
        (ApplyView::Running(progress), Screen::Finish) => {
            let (lines, follow) = apply_panel::log_lines(progress, None, theme);
            Some(Scrolled::log(
                lines,
                follow,
                apply_panel::log_area(model, body),
            ))
        }
        (ApplyView::Finished(end, progress), Screen::Finish) => {
            let (lines, follow) = apply_panel::log_lines(progress, Some(end), theme);
            Some(Scrolled::log(
                lines,
                follow,
                apply_panel::log_area(model, body),
            ))
        }
        (_, Screen::Diagram) => Some(Scrolled::new(
            screens::text_lines(&diagram::render_text(&Diagram::from_plan(
                &model.draft.to_plan(),
            ))),
            body,
        )),
        (_, Screen::Review) => Some(Scrolled::new(screens::review(model, theme), body)),
        _ => None,
    }
}

/// The largest scroll offset of what scrolls now, at the terminal's size (0 when nothing does).
pub fn scroll_limit(model: &Model) -> u16 {
    let area = Rect::new(0, 0, model.size.width, model.size.height);
    scrolled(model, area, &Theme(model.colour)).map_or(0, |s| s.max_offset())
}

/// The offset after scrolling by `lines` from where the view is now, stopped at both ends, and
/// whether apply now's log then still follows the run (it does when scrolled back to where it
/// follows).
pub fn scrolled_by(model: &Model, lines: i16) -> (u16, Follow) {
    let area = Rect::new(0, 0, model.size.width, model.size.height);
    let Some(view) = scrolled(model, area, &Theme(model.colour)) else {
        return (0, model.follow);
    };
    let offset = view
        .offset(model)
        .saturating_add_signed(lines)
        .min(view.max_offset());
    let follow = match view.anchor {
        Anchor::Log(_) if offset == view.following() => Follow::Current,
        Anchor::Log(_) => Follow::Held,
        Anchor::Page => model.follow,
    };
    (offset, follow)
}
