//! Panels of the wizard's screens: the discovery line and directory list of the AWS screen,
//! the connectivity checklist overlay and the footer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};

use super::{Theme, scroll};
use crate::text::wizard as words;
use crate::wizard::discovery;
use crate::wizard::model::{Connectivity, DiscoveryState, Model};

pub(super) const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

/// What discovery found or why it could not, for the top of the AWS screen.
pub(super) fn discovery_line(model: &Model, theme: &Theme) -> Line<'static> {
    match &model.discovery {
        DiscoveryState::NotStarted => Line::raw(""),
        DiscoveryState::Running(region, ticks) => Line::raw(format!(
            "{} {} ({region})",
            SPINNER[ticks % SPINNER.len()],
            words::DISCOVERING
        )),
        DiscoveryState::Ready(found) => Line::styled(
            format!(
                "{}{}",
                words::discovery_summary(found),
                words::DISCOVERY_PICKS
            ),
            theme.hint(),
        ),
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

/// Where the connectivity checklist is drawn over the terminal `area`.
pub(super) fn checks_area(area: Rect) -> Rect {
    Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// The connectivity checklist's lines, once the check is done.
pub(super) fn checks_lines(model: &Model) -> Option<Vec<Line<'static>>> {
    let Connectivity::Done { report, .. } = &model.connectivity else {
        return None;
    };
    Some(
        report
            .trim_start()
            .lines()
            .map(|line| Line::raw(line.to_owned()))
            .collect(),
    )
}

/// The connectivity checklist over most of the screen, scrollable.
pub(super) fn checks(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Connectivity::Done { passed, .. } = &model.connectivity else {
        return;
    };
    let popup = checks_area(area);
    frame.render_widget(Clear, popup);
    let verdict = if *passed {
        "all checks passed"
    } else {
        "some checks FAILED"
    };
    let mut block = Block::bordered().title(format!(
        " Connectivity: {verdict} · ↑↓ scroll · Esc closes "
    ));
    if let Some(scrolled) = scroll::scrolled(model, area, theme) {
        if let Some(position) = scrolled.position(scrolled.offset(model)) {
            block = block.title_bottom(position);
        }
        frame.render_widget(block, popup);
        frame.render_widget(scrolled.paragraph(scrolled.offset(model)), scrolled.area);
    }
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
