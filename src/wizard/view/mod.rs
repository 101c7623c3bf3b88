//! `view`: draws the model with ratatui. No I/O and no state changes: the same model always
//! gives the same frame (the snapshot tests rely on it).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::apply::ApplyView;
use super::draft::FieldId;
use super::model::{Colour, Model, Origin, Overlay, Room, TermSize};
use super::questions::{Answer, Screen};
use super::secret_names;
use crate::diagram::{self, Diagram};
use crate::plan::Mode;
use crate::text::wizard as words;

mod panels;

pub use super::model::{MIN_HEIGHT, MIN_WIDTH};

/// Styles, or none under `NO_COLOR`.
pub(crate) struct Theme(Colour);

impl Theme {
    fn style(&self, style: Style) -> Style {
        match self.0 {
            Colour::On => style,
            Colour::Off => Style::default(),
        }
    }
    fn focus(&self) -> Style {
        self.style(Style::default().add_modifier(Modifier::REVERSED))
    }
    fn error(&self) -> Style {
        self.style(Style::default().fg(Color::Red))
    }
    fn hint(&self) -> Style {
        self.style(Style::default().fg(Color::DarkGray))
    }
    fn title(&self) -> Style {
        self.style(Style::default().add_modifier(Modifier::BOLD))
    }
}

/// Draws the whole wizard.
pub fn view(model: &Model, frame: &mut Frame) {
    let area = frame.area();
    let size = TermSize {
        width: area.width,
        height: area.height,
    };
    if size.room() == Room::TooSmall {
        let mut message = words::too_small(area.width, area.height);
        if model.overlay == Overlay::ConfirmQuit {
            message = format!("{message}\n\n{}", words::CONFIRM_QUIT);
        }
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let theme = Theme(model.colour);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(steps_line(model, &theme)), header);
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", model.screen.title()),
        theme.title(),
    ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let lines = match model.screen {
        Screen::Choose => choose(model, &theme, inner.width),
        Screen::Domain | Screen::Aws | Screen::Secrets => form(model, &theme),
        Screen::Diagram => text_lines(&diagram::render_text(&Diagram::from_plan(
            &model.draft.to_plan(),
        ))),
        Screen::Review => review(model, &theme),
        Screen::Finish => finish(model, &theme),
    };
    let scroll = match model.screen {
        Screen::Diagram | Screen::Review => model.scroll,
        _ => focus_scroll(model, inner.height),
    };
    if model.screen == Screen::Finish && model.apply != ApplyView::NotStarted {
        panels::apply_panel(model, frame, inner, &theme);
    } else {
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0)),
            inner,
        );
    }
    frame.render_widget(Paragraph::new(panels::footer(model, &theme)), footer);
    match model.overlay {
        Overlay::None => {}
        Overlay::Help => popup(
            frame,
            area,
            "Help",
            &format!("{}\n\n{}", help_for(model), words::HELP),
        ),
        Overlay::ConfirmQuit => popup(frame, area, "Quit?", words::CONFIRM_QUIT),
        Overlay::Checks => panels::checks(model, frame, area),
        Overlay::ConfirmReplace { link } => popup(
            frame,
            area,
            "Replace?",
            &format!(
                "{}\n\n{}",
                words::replace_question(model.save_path.trim(), link),
                words::REPLACE_KEYS
            ),
        ),
    }
}

fn steps_line(model: &Model, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("adsso ", theme.title())];
    for (index, screen) in Screen::ALL.iter().enumerate() {
        let label = format!("{} {}", index + 1, screen.title());
        let style = if *screen == model.screen {
            theme.focus()
        } else {
            theme.hint()
        };
        spans.push(Span::styled(label, style));
        if index + 1 < Screen::ALL.len() {
            spans.push(Span::raw(" › "));
        }
    }
    Line::from(spans)
}

/// Keeps the focused field in view on long forms (two lines per field at most).
fn focus_scroll(model: &Model, height: u16) -> u16 {
    let line = (model.focus as u16).saturating_mul(2);
    line.saturating_sub(height.saturating_sub(6))
}

fn marker(focused: bool) -> &'static str {
    if focused { "▶ " } else { "  " }
}

fn choose(model: &Model, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let option = |index: usize, mode: Mode, label: &str| {
        let chosen = if model.draft.mode == mode {
            "(●) "
        } else {
            "( ) "
        };
        let style = if model.focus == index {
            theme.focus()
        } else {
            Style::default()
        };
        Line::from(vec![
            Span::raw(marker(model.focus == index)),
            Span::styled(format!("{chosen}{label}"), style),
        ])
    };
    let mut lines = vec![
        Line::raw("How should IAM Identity Center reach your Active Directory? (Enter chooses)"),
        Line::raw(""),
        option(0, Mode::Trust, words::OPTION_TRUST),
        option(1, Mode::AdConnector, words::OPTION_CONNECTOR),
        Line::raw(""),
        Line::styled(
            "Not sure? Answer these (← →) and press Enter on one for the recommendation:",
            theme.hint(),
        ),
    ];
    let questions = [
        (2, words::Q_SEVERAL_DOMAINS, model.decision.several_domains),
        (3, words::Q_PORTAL_RESETS, model.decision.portal_resets),
        (4, words::Q_DATA_IN_AWS, model.decision.data_in_aws),
    ];
    for (index, question, answer) in questions {
        let style = if model.focus == index {
            theme.focus()
        } else {
            Style::default()
        };
        lines.push(Line::from(vec![
            Span::raw(marker(model.focus == index)),
            Span::raw(format!("{question:<56}")),
            Span::styled(format!("[{}]", answer.label()), style),
        ]));
    }
    let (mode, reasons) = model.decision.recommend();
    let name = if mode == Mode::Trust {
        "two-way trust"
    } else {
        "AD Connector"
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("Recommended: {name}"), theme.title()));
    for reason in reasons {
        lines.push(Line::raw(format!("  {reason}")));
    }
    lines.push(Line::raw(""));
    let _ = width;
    lines.push(Line::styled(words::NOT_SUPPORTED, theme.hint()));
    lines
}

fn form(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if model.screen == Screen::Domain {
        if let Some(heading) = crate::wizard::keys::domain_hints(model) {
            lines.push(Line::styled(heading, theme.title()));
        }
        lines.push(Line::styled(words::CHECK_HINT, theme.hint()));
        lines.push(Line::raw(""));
    }
    if model.screen == Screen::Aws {
        lines.push(panels::discovery_line(model, theme));
        lines.push(Line::raw(""));
    }
    for (index, field) in model.fields().iter().enumerate() {
        let focused = model.focus == index;
        let mut value = secret_names::shown(field.id, model.draft.get(field.id));
        if let Some(subnet) = model
            .discovery
            .found()
            .and_then(|found| found.subnet(&value))
            && matches!(field.id, FieldId::Subnet1 | FieldId::Subnet2)
        {
            value = format!("{value} ({})", subnet.availability_zone);
        }
        let shown = match field.answer {
            Answer::Choice(_) => format!("‹ {value} ›"),
            Answer::Text if focused => format!("{value}▏"),
            Answer::Text => value,
        };
        let error = model.error(field.id);
        let mark = if error.is_some() { "✗ " } else { "  " };
        let style = if focused {
            theme.focus()
        } else {
            Style::default()
        };
        lines.push(Line::from(vec![
            Span::raw(marker(focused)),
            Span::styled(mark, theme.error()),
            Span::raw(format!("{:<26}", field.label)),
            Span::styled(shown, style),
        ]));
        let warning = secret_names::warning(field.id, model.draft.get(field.id));
        if let Some(error) = error.filter(|_| focused || !model.draft.get(field.id).is_empty()) {
            lines.push(Line::styled(format!("      {error}"), theme.error()));
        } else if let Some(warning) = warning {
            lines.push(Line::styled(format!("      ⚠ {warning}"), theme.error()));
        } else if focused {
            lines.push(Line::styled(format!("      {}", field.hint), theme.hint()));
        }
        if focused && field.id == FieldId::ExistingDirectoryId {
            lines.extend(panels::directory_lines(model, theme));
        }
    }
    lines
}

fn text_lines(text: &str) -> Vec<Line<'static>> {
    text.lines()
        .map(|line| Line::raw(line.to_owned()))
        .collect()
}

fn review(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let plan = model.draft.to_plan();
    let mut lines = vec![Line::styled("What apply will do", theme.title())];
    for (index, step) in crate::apply::plan_steps(&plan).iter().enumerate() {
        lines.push(Line::raw(format!(
            "  {}. {}",
            index + 1,
            step.describe(&plan)
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("⚠ {}", words::SWITCH_WARNING),
        theme.error(),
    ));
    for warning in crate::plan::validate(&plan)
        .into_iter()
        .filter(|d| !d.is_error())
    {
        lines.push(Line::styled(format!("⚠ {warning}"), theme.error()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("The plan", theme.title()));
    lines.extend(text_lines(&super::save::plan_text(&plan)));
    lines
}

fn finish(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let path_style = if model.focus == 0 {
        theme.focus()
    } else {
        Style::default()
    };
    let button_style = if model.focus == 1 {
        theme.focus()
    } else {
        Style::default()
    };
    let mut lines = vec![
        Line::raw("Save the plan (written with mode 0600; it holds no password)."),
        Line::raw(""),
        Line::from(vec![
            Span::raw(marker(model.focus == 0)),
            Span::raw("File: "),
            Span::styled(format!("{}▏", model.save_path), path_style),
        ]),
        Line::from(vec![
            Span::raw(marker(model.focus == 1)),
            Span::styled("[ Save ]", button_style),
        ]),
        Line::from(vec![
            Span::raw(marker(model.focus == 2)),
            Span::styled(
                words::APPLY_NOW,
                if model.focus == 2 {
                    theme.focus()
                } else {
                    Style::default()
                },
            ),
        ]),
        Line::raw(""),
    ];
    if model.origin == Origin::Edited {
        lines.push(Line::styled(words::EDIT_DROPS_COMMENTS, theme.hint()));
        lines.push(Line::raw(""));
    }
    if let Some(error) = &model.save_error {
        lines.push(Line::styled(format!("✗ {error}"), theme.error()));
        lines.push(Line::raw(""));
    }
    if model.errors.is_empty() {
        lines.push(Line::styled("✓ The plan is valid.", theme.hint()));
    } else {
        lines.push(Line::styled(
            format!("✗ {}", words::PLAN_INVALID),
            theme.error(),
        ));
        for error in model.errors.values() {
            lines.push(Line::styled(format!("    {error}"), theme.error()));
        }
    }
    lines
}

fn help_for(model: &Model) -> String {
    if model.apply != ApplyView::NotStarted {
        return words::HELP_APPLY.to_owned();
    }
    if model.screen == Screen::Domain && model.draft.mode == Mode::Trust {
        return format!("{} {}", words::HELP_DOMAIN, words::HELP_DOMAINS);
    }
    help_screen(model.screen).to_owned()
}

fn help_screen(screen: Screen) -> &'static str {
    match screen {
        Screen::Choose => words::HELP_CHOOSE,
        Screen::Domain => words::HELP_DOMAIN,
        Screen::Aws => words::HELP_AWS,
        Screen::Secrets => words::HELP_SECRETS,
        Screen::Diagram => words::HELP_DIAGRAM,
        Screen::Review => words::HELP_REVIEW,
        Screen::Finish => words::HELP_FINISH,
    }
}

fn popup(frame: &mut Frame, area: Rect, title: &str, text: &str) {
    let width = area.width.saturating_sub(10).min(70);
    let height = area.height.saturating_sub(6).min(16);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(format!(" {title} · Esc closes "));
    frame.render_widget(
        Paragraph::new(text.to_owned())
            .wrap(Wrap { trim: true })
            .block(block),
        popup,
    );
}
