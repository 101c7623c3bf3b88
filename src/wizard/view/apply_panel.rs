//! The apply-now panel on the Finish screen: the masked password prompt, then the run's
//! heading, gauge and log (finished steps, warnings, the current step and its wait, and at the
//! end the manual step's instructions or the failure), the log scrolled by [`super::scroll`].

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::Theme;
use super::panels::SPINNER;
use super::scroll::Scrolled;
use crate::text::wizard as words;
use crate::wizard::apply::{ApplyEnd, ApplyView, Progress};
use crate::wizard::model::Model;

/// The panel's rows: the heading, the gauge, the log.
fn layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area)
}

/// Where the log is drawn in the panel's `area`.
pub(super) fn log_area(area: Rect) -> Rect {
    layout(area)[2]
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
        ApplyView::AskingSecrets(slots) => {
            let what = slots.first().map_or("password".into(), |slot| slot.what());
            let lines = vec![
                Line::styled(words::APPLYING, theme.title()),
                Line::raw(""),
                Line::raw(words::enter_secret(&what)),
                Line::raw(""),
                Line::raw(format!("  {}▏", "•".repeat(model.secret_input.len()))),
            ];
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
    let [title, gauge, body] = layout(area);
    let elapsed = progress.ticks / 4;
    let heading = match end {
        None => format!(
            "{} {} ({elapsed} s)",
            SPINNER[progress.ticks % SPINNER.len()],
            words::APPLYING
        ),
        Some(end) => words::apply_over(end, model.save_path.trim()),
    };
    frame.render_widget(Paragraph::new(Line::styled(heading, theme.title())), title);
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
        frame.render_widget(log.paragraph(model.scroll), body);
    }
}

/// The run's log: finished steps, warnings and gates, the current step and its wait while
/// running, and the end's instructions or reason.
pub(super) fn log_lines(
    progress: &Progress,
    end: Option<&ApplyEnd>,
    theme: &Theme,
) -> Vec<Line<'static>> {
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
    match end {
        Some(ApplyEnd::Paused(instructions)) => {
            lines.extend(instructions.lines().map(|l| Line::raw(l.to_owned())))
        }
        Some(ApplyEnd::Failed(reason)) => {
            lines.push(Line::styled(format!("✗ {reason}"), theme.error()))
        }
        _ => {}
    }
    lines
}
