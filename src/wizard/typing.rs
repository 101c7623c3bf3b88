//! Editing the focused answer: typing and erasing in a text field (or the save path),
//! changing a choice with ← → (or Space), the decision helper's answers, and the picks that
//! discovery offers for a text field.

use super::model::{Choice, Model};
use super::questions::{Answer, Screen, YesNo};
use super::update::quit;
use crate::plan::Mode;

pub(super) fn change(model: &mut Model, step: isize) {
    if model.screen == Screen::Choose {
        if let Some(answer) = decision_answer(model) {
            *answer = if step > 0 {
                answer.cycle()
            } else {
                answer.cycle().cycle()
            };
            model.follow_recommendation();
        } else {
            model.focus = 1 - model.focus.min(1);
            model.draft.mode = if model.focus == 0 {
                Mode::Trust
            } else {
                Mode::AdConnector
            };
            model.choice = Choice::Picked;
            model.revalidate();
        }
        return;
    }
    let Some(field) = model.focused_field() else {
        return;
    };
    if super::secret_names::is_secret_field(field.id) {
        let text = super::secret_source::cycled(field.id, &model.draft, step);
        model.draft.set(field.id, text);
        model.revalidate();
        return;
    }
    let candidates = model
        .discovery
        .found()
        .map(|found| found.candidates(field.id, &model.draft))
        .unwrap_or_default();
    if field.answer == Answer::Text && !candidates.is_empty() {
        let current = candidates
            .iter()
            .position(|c| c == model.draft.get(field.id));
        let second_start = model
            .discovery
            .found()
            .filter(|_| field.id == super::draft::FieldId::Subnet2)
            .and_then(|found| found.second_subnet_start(&model.draft));
        let next = match current {
            Some(index) => (index as isize + step).rem_euclid(candidates.len() as isize) as usize,
            None if step > 0 => second_start.unwrap_or(0),
            None => candidates.len() - 1,
        };
        model.draft.set(field.id, candidates[next].clone());
        model.revalidate();
        return;
    }
    if let Answer::Choice(options) = field.answer {
        let current = options
            .iter()
            .position(|o| *o == model.draft.get(field.id))
            .unwrap_or(0) as isize;
        let next = (current + step).rem_euclid(options.len() as isize) as usize;
        model.draft.set(field.id, options[next]);
        model.revalidate();
    }
}

fn decision_answer(model: &mut Model) -> Option<&mut YesNo> {
    match model.focus {
        2 => Some(&mut model.decision.several_domains),
        3 => Some(&mut model.decision.portal_resets),
        4 => Some(&mut model.decision.data_in_aws),
        _ => None,
    }
}

pub(super) fn type_char(model: &mut Model, c: char) {
    if model.screen == Screen::Finish && model.focus == 0 {
        model.save_path.push(c);
        return;
    }
    match model.focused_field() {
        Some(field) if field.answer == Answer::Text => {
            let mut value = model.draft.get(field.id).to_owned();
            value.push(c);
            model.draft.set(field.id, value);
            model.revalidate();
        }
        Some(_) if c == ' ' => change(model, 1),
        _ if c == 'q' => quit(model),
        _ if c == ' ' && model.screen == Screen::Choose => change(model, 1),
        _ => {}
    }
}

pub(super) fn erase(model: &mut Model) {
    if model.screen == Screen::Finish && model.focus == 0 {
        model.save_path.pop();
        return;
    }
    if let Some(field) = model.focused_field().filter(|f| f.answer == Answer::Text) {
        let mut value = model.draft.get(field.id).to_owned();
        value.pop();
        model.draft.set(field.id, value);
        model.revalidate();
    }
}
