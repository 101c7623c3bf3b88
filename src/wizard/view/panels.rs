//! Panels of the wizard's screens: the discovery line and directory list of the AWS screen,
//! the connectivity checklist overlay, the footer, and the apply-now panel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Gauge, Paragraph, Wrap};

use super::Theme;
use crate::text::wizard as words;
use crate::wizard::apply::{ApplyEnd, ApplyView, Progress};
use crate::wizard::discovery;
use crate::wizard::model::{Connectivity, DiscoveryState, Model};

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

/// What discovery found or why it could not, for the top of the AWS screen.
pub(super) fn discovery_line(model: &Model, theme: &Theme) -> Line<'static> {
    match &model.discovery {
        DiscoveryState::NotStarted => Line::raw(""),
        DiscoveryState::Running(region, ticks) => Line::raw(format!(
            "{} {} ({region})",
            SPINNER[ticks % SPINNER.len()],
            words::DISCOVERING
        )),
        DiscoveryState::Ready(found) => Line::styled(words::discovery_summary(found), theme.hint()),
        DiscoveryState::Unavailable(_, reason) => {
            Line::styled(words::discovery_unavailable(reason), theme.hint())
        }
    }
}

/// Every discovered directory, usable for a trust or not, with the reason.
pub(super) fn directory_lines(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let Some(found) = model.discovery.found() else {
        return Vec::new();
    };
    found
        .directories
        .iter()
        .map(|directory| match discovery::unusable_reason(directory) {
            None => Line::raw(format!(
                "      ✓ {} {} ({})",
                directory.id, directory.name, directory.kind
            )),
            Some(reason) => Line::styled(
                format!(
                    "      ✗ {} {} ({}): {reason}",
                    directory.id, directory.name, directory.kind
                ),
                theme.hint(),
            ),
        })
        .collect()
}

/// The connectivity checklist over most of the screen, scrollable.
pub(super) fn checks(model: &Model, frame: &mut Frame, area: Rect) {
    let Connectivity::Done { report, passed } = &model.connectivity else {
        return;
    };
    let popup = Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let verdict = if *passed {
        "all checks passed"
    } else {
        "some checks FAILED"
    };
    let block = Block::bordered().title(format!(
        " Connectivity: {verdict} · ↑↓ scroll · Esc closes "
    ));
    let text = Paragraph::new(report.trim_start().to_owned())
        .wrap(Wrap { trim: false })
        .scroll((model.scroll, 0))
        .block(block);
    frame.render_widget(text, popup);
}

/// The footer: the status message, a spinner while checking, or the key hints.
pub(super) fn footer(model: &Model, theme: &Theme) -> Line<'static> {
    if let Some(status) = &model.status {
        return Line::styled(status.clone(), theme.error());
    }
    if let Connectivity::Running(ticks) = model.connectivity {
        return Line::raw(format!(
            "{} {}",
            SPINNER[ticks % SPINNER.len()],
            words::CHECKING
        ));
    }
    Line::styled(crate::wizard::keys::footer_hints(model), theme.hint())
}

/// The apply-now panel: the password prompt, or the run's gauge, current step, wait and log.
pub(super) fn apply_panel(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
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
        ApplyView::Running(progress) => progress_panel(model, progress, None, frame, area, theme),
        ApplyView::Finished(end, progress) => {
            progress_panel(model, progress, Some(end), frame, area, theme)
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
) {
    let [title, gauge, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let elapsed = progress.ticks / 4;
    let heading = match end {
        None => format!(
            "{} {} ({elapsed} s)",
            SPINNER[progress.ticks % SPINNER.len()],
            words::APPLYING
        ),
        Some(end) => words::apply_over(end).to_owned(),
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
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((model.scroll, 0)),
        body,
    );
}
