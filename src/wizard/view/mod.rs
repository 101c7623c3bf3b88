//! `view`: draws the model with ratatui. No I/O and no state changes: the same model always
//! gives the same frame (the snapshot tests rely on it).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::apply::ApplyView;
use super::model::{Colour, Model, Overlay, Room, TermSize};
use super::questions::Screen;
use crate::plan::Mode;
use crate::text::wizard as words;

mod apply_panel;
mod panels;
mod screens;
mod scroll;

pub use scroll::{scroll_limit, scrolled_by};

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
    let [header, body, footer] = scroll::rows(area);
    frame.render_widget(Paragraph::new(steps_line(model, &theme)), header);
    let scrolled =
        scroll::scrolled(model, area, &theme).filter(|_| model.overlay != Overlay::Checks);
    let mut block = Block::bordered().title(Span::styled(
        format!(" {} ", model.screen.title()),
        theme.title(),
    ));
    if let Some(position) = scrolled.as_ref().and_then(|s| s.position(s.offset(model))) {
        block = block.title_bottom(position);
    }
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if model.screen == Screen::Finish && model.apply != ApplyView::NotStarted {
        apply_panel::apply_panel(model, frame, inner, &theme, scrolled.as_ref());
    } else if let Some(scrolled) = &scrolled {
        frame.render_widget(scrolled.paragraph(scrolled.offset(model)), inner);
    } else {
        let paragraph = match model.screen {
            Screen::Choose | Screen::Finish => {
                let lines = match model.screen {
                    Screen::Choose => screens::choose(model, &theme, inner.width),
                    _ => screens::finish(model, &theme),
                };
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .scroll((screens::focus_scroll(model, inner.height), 0))
            }
            _ => {
                let (lines, focus) = screens::form(model, &theme);
                let (rows, offset) = scroll::follow_focus(lines, focus, inner.width, inner.height);
                Paragraph::new(rows).scroll((offset, 0))
            }
        };
        frame.render_widget(paragraph, inner);
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
        Overlay::Checks => panels::checks(model, frame, area, &theme),
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
