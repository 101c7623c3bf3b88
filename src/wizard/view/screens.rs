//! What each screen shows, as lines: the design choice with its helper, the forms, the review
//! and the Finish screen. [`super::view`] lays them out and scrolls them.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Theme, panels};
use crate::plan::Mode;
use crate::text::wizard as words;
use crate::wizard::draft::FieldId;
use crate::wizard::model::{Choice, Model, Origin};
use crate::wizard::questions::{Answer, Screen};
use crate::wizard::secret_names;

/// Keeps the focused item in view on the Choose and Finish screens (two lines per item at most).
pub(super) fn focus_scroll(model: &Model, height: u16) -> u16 {
    let line = (model.focus as u16).saturating_mul(2);
    line.saturating_sub(height.saturating_sub(6))
}

fn marker(focused: bool) -> &'static str {
    if focused { "▶ " } else { "  " }
}

pub(super) fn choose(model: &Model, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let option = |index: usize, mode: Mode, label: &str| {
        let chosen = if model.choice != Choice::Open && model.draft.mode == mode {
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
    lines.push(Line::raw(""));
    match model.decision.recommend() {
        Some((mode, reasons)) => {
            lines.push(Line::styled(words::recommended(mode), theme.title()));
            for reason in reasons {
                lines.push(Line::raw(format!("  {reason}")));
            }
        }
        None => lines.push(Line::styled(words::NO_RECOMMENDATION, theme.hint())),
    }
    lines.push(Line::raw(""));
    let _ = width;
    lines.push(Line::styled(words::NOT_SUPPORTED, theme.hint()));
    lines
}

/// A form's lines, and which of them belong to the focused field (its row, its hint or error,
/// the directories listed under it).
pub(super) fn form(model: &Model, theme: &Theme) -> (Vec<Line<'static>>, Range<usize>) {
    let mut lines = Vec::new();
    let mut focus = 0..0;
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
        let first = lines.len();
        let mut value = secret_names::shown(field.id, model.draft.get(field.id));
        if secret_names::is_secret_field(field.id) {
            value = crate::wizard::secret_source::shown(&value);
        }
        if let Some(label) = model
            .discovery
            .found()
            .and_then(|found| found.label(field.id, &value))
        {
            value = format!("{value} ({label})");
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
        if focused {
            focus = first..lines.len();
        }
    }
    (lines, focus)
}

pub(super) fn text_lines(text: &str) -> Vec<Line<'static>> {
    text.lines()
        .map(|line| Line::raw(line.to_owned()))
        .collect()
}

pub(super) fn review(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let plan = secret_names::masked(&model.draft).to_plan();
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
    lines.extend(text_lines(&crate::wizard::save::plan_text(&plan)));
    lines
}

pub(super) fn finish(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
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
