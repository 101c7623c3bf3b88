//! The apply-now panel on the Finish screen: the masked password prompt, then the run's
//! heading, gauge and log (finished steps, warnings, the current step and its wait, and at the
//! end the manual step's instructions or the failure), the log scrolled by [`super::scroll`].

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::Theme;
use super::panels::SPINNER;
use super::scroll::{Scrolled, wrap};
use crate::text::wizard as words;
use crate::wizard::apply::{ApplyEnd, ApplyView, Progress};
use crate::wizard::model::Model;

/// The heading of the run: a spinner and the time while it runs, then how it ended.
fn heading(model: &Model, progress: &Progress, end: Option<&ApplyEnd>) -> String {
    match end {
        None => format!(
            "{} {} ({} s)",
            SPINNER[progress.ticks % SPINNER.len()],
            words::APPLYING,
            progress.ticks / 4
        ),
        Some(end) => words::apply_over(end, model.save_path.trim()),
    }
}

/// The panel's rows: the heading (word-wrapped, then a blank row), the gauge, the log.
fn layout(model: &Model, area: Rect) -> [Rect; 3] {
    let rows = match &model.apply {
        ApplyView::Running(progress) => heading_rows(model, progress, None, area.width),
        ApplyView::Finished(end, progress) => heading_rows(model, progress, Some(end), area.width),
        ApplyView::NotStarted | ApplyView::Confirming(_) | ApplyView::AskingSecrets(_) => 1,
    };
    Layout::vertical([
        Constraint::Length(rows.saturating_add(1)),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area)
}

fn heading_rows(model: &Model, progress: &Progress, end: Option<&ApplyEnd>, width: u16) -> u16 {
    let text = heading(model, progress, end);
    u16::try_from(wrap(vec![Line::raw(text)], width).len()).unwrap_or(1)
}

/// Where the log is drawn in the panel's `area`.
pub(super) fn log_area(model: &Model, area: Rect) -> Rect {
    layout(model, area)[2]
}

/// The password prompt, or the run's progress; `log` is the log scrolled (see
/// [`super::scroll::scrolled`]).
pub(super) fn apply_panel(
    model: &Model,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    log: Option<&Scrolled>,
) {
    match &model.apply {
        ApplyView::NotStarted => {}
        ApplyView::Confirming(_) => {
            if let Some(page) = log {
                frame.render_widget(page.paragraph(page.offset(model)), area);
            }
        }
        ApplyView::AskingSecrets(slots) => {
            let what = slots.first().map_or("password".into(), |slot| slot.what());
            let question = match model.secret_first {
                Some(_) => crate::text::type_password_again(&what),
                None => words::enter_secret(&what),
            };
            let mut lines = vec![
                Line::styled(words::APPLYING, theme.title()),
                Line::raw(""),
                Line::raw(question),
                Line::raw(""),
                Line::raw(format!("  {}▏", "•".repeat(model.secret_input.len()))),
            ];
            if let Some(problem) = &model.secret_problem {
                lines.push(Line::raw(""));
                lines.push(Line::styled(format!("✗ {problem}"), theme.error()));
            }
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
        }
        ApplyView::Running(progress) => {
            progress_panel(model, progress, None, frame, area, theme, log)
        }
        ApplyView::Finished(end, progress) => {
            progress_panel(model, progress, Some(end), frame, area, theme, log)
        }
    }
}

fn progress_panel(
    model: &Model,
    progress: &Progress,
    end: Option<&ApplyEnd>,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    log: Option<&Scrolled>,
) {
    let [title, gauge, body] = layout(model, area);
    let heading = heading(model, progress, end);
    frame.render_widget(
        Paragraph::new(wrap(
            vec![Line::styled(heading, theme.title())],
            title.width,
        )),
        title,
    );
    let label = progress
        .step
        .as_ref()
        .map_or_else(String::new, |(index, total, _)| {
            format!("step {index} of {total}")
        });
    let ratio = if matches!(end, Some(ApplyEnd::Done)) {
        1.0
    } else {
        progress.ratio()
    };
    frame.render_widget(
        Gauge::default().ratio(ratio.clamp(0.0, 1.0)).label(label),
        gauge,
    );
    if let Some(log) = log {
        frame.render_widget(log.paragraph(log.offset(model)), body);
    }
}

/// The run's log: finished steps, warnings and gates, the current step and its wait while
/// running, and the end's instructions or reason; with the index of the line the log follows
/// (the first line of the end's text; `None`: its last line).
pub(super) fn log_lines(
    progress: &Progress,
    end: Option<&ApplyEnd>,
    theme: &Theme,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut lines: Vec<Line<'static>> = progress
        .log
        .iter()
        .flat_map(|entry| {
            entry
                .lines()
                .map(|l| Line::raw(l.to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    if let (None, Some((index, _, description))) = (end, &progress.step) {
        lines.push(Line::styled(
            format!("▶ {index}. {description}"),
            theme.focus(),
        ));
    }
    if let (None, Some(waiting)) = (end, &progress.waiting) {
        lines.push(Line::styled(format!("  {waiting}"), theme.hint()));
    }
    let anchor = end.map(|_| lines.len());
    match end {
        Some(ApplyEnd::Paused(instructions)) => {
            lines.extend(instructions.lines().map(|l| Line::raw(l.to_owned())))
        }
        Some(ApplyEnd::Failed(reason)) => {
            lines.push(Line::styled(format!("✗ {reason}"), theme.error()))
        }
        _ => {}
    }
    (lines, anchor)
}
