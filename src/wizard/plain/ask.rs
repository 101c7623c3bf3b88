//! The `--plain` front end's prompts, one question each: a form field (validated as typed,
//! against discovery when there is some), the decision helper's yes / no / not sure, and the
//! yes/no questions. Each tells whether it was answered or Esc asked to go back.

use inquire::validator::Validation;
use inquire::{InquireError, Select, Text};

use crate::text::wizard as words;
use crate::wizard::discovery::{self, Found};
use crate::wizard::draft::Draft;
use crate::wizard::questions::{self, Answer, Field, YesNo};

/// How a question ended.
pub(super) enum Step<T> {
    /// Answered with this.
    Answered(T),
    /// Esc: go back one question.
    Back,
}

/// Esc (inquire's "canceled") as [`Step::Back`]; Ctrl-C and errors stay errors.
pub(super) fn step<T>(answer: Result<T, InquireError>) -> Result<Step<T>, InquireError> {
    match answer {
        Ok(value) => Ok(Step::Answered(value)),
        Err(InquireError::OperationCanceled) => Ok(Step::Back),
        Err(error) => Err(error),
    }
}

/// A decision-helper question: not sure, yes or no (the cursor on `current`).
pub(super) fn yes_no(question: &str, current: YesNo) -> Result<Step<YesNo>, InquireError> {
    let answers = [YesNo::Unsure, YesNo::Yes, YesNo::No];
    let options: Vec<&str> = answers.iter().map(|answer| answer.label()).collect();
    let start = answers.iter().position(|a| *a == current).unwrap_or(0);
    let chosen = Select::new(question, options)
        .with_starting_cursor(start)
        .prompt();
    Ok(match step(chosen)? {
        Step::Answered(label) => Step::Answered(
            answers
                .into_iter()
                .find(|answer| answer.label() == label)
                .unwrap_or(YesNo::Unsure),
        ),
        Step::Back => Step::Back,
    })
}

/// One of `options` (the cursor on `start`).
pub(super) fn select(
    question: &str,
    options: Vec<&'static str>,
    start: usize,
) -> Result<Step<&'static str>, InquireError> {
    step(
        Select::new(question, options)
            .with_starting_cursor(start)
            .prompt(),
    )
}

/// A yes/no question, no by default.
pub(super) fn confirm(question: &str, help: &str) -> Result<Step<bool>, InquireError> {
    step(
        inquire::Confirm::new(question)
            .with_default(false)
            .with_help_message(help)
            .prompt(),
    )
}

/// "Quit without saving?", asked when Esc is pressed on the first question: true to quit (Esc
/// here is a no: the question is asked again).
pub(super) fn quit_without_saving() -> Result<bool, InquireError> {
    Ok(matches!(
        confirm(words::PLAIN_QUIT_UNSAVED, words::PLAIN_QUIT_UNSAVED_HELP)?,
        Step::Answered(true)
    ))
}

/// Asks one form field and stores the answer in the draft. A text field that discovery has
/// values for is a pick list first ([`super::pick`]); a typed answer is validated as typed,
/// against discovery too when `found` has something.
pub(super) fn field(
    field: Field,
    draft: &mut Draft,
    found: Option<&Found>,
) -> Result<Step<()>, InquireError> {
    let message = format!("{}:", field.label);
    let answer = match field.answer {
        Answer::Choice(options) => {
            let start = options
                .iter()
                .position(|o| *o == draft.get(field.id))
                .unwrap_or(0);
            Select::new(&message, options.to_vec())
                .with_starting_cursor(start)
                .with_help_message(words::plain_hint(field.hint))
                .prompt()
                .map(str::to_owned)
        }
        Answer::Text => match found.map(|found| super::pick::options(field.id, draft, found)) {
            Some(options) if !options.is_empty() => {
                super::pick::ask(&message, &options, draft.get(field.id)).and_then(|picked| {
                    match picked {
                        Some(value) => Ok(value),
                        None => typed(&message, field, draft, found),
                    }
                })
            }
            _ => typed(&message, field, draft, found),
        },
    };
    Ok(match step(answer)? {
        Step::Answered(value) => {
            if let Some(warning) = crate::wizard::secret_names::warning(field.id, &value) {
                println!("⚠ {warning}");
            }
            draft.set(field.id, value);
            Step::Answered(())
        }
        Step::Back => Step::Back,
    })
}

/// Asks a text field, validated as typed (against discovery too when `found` has something).
fn typed(
    message: &str,
    field: Field,
    draft: &Draft,
    found: Option<&Found>,
) -> Result<String, InquireError> {
    let base = draft.clone();
    let id = field.id;
    let found = found.cloned();
    Text::new(message)
        .with_initial_value(draft.get(field.id))
        .with_help_message(words::plain_hint(field.hint))
        .with_validator(move |input: &str| {
            let mut candidate = base.clone();
            candidate.set(id, input);
            let mut errors = questions::errors(&candidate);
            if let Some(found) = &found {
                errors.extend(
                    discovery::errors(&candidate, found)
                        .into_iter()
                        .map(|(id, error)| (questions::FieldAt::global(id), error)),
                );
            }
            Ok(
                match errors.remove(&questions::FieldAt::of(&candidate, id)) {
                    Some(error) => Validation::Invalid(error.into()),
                    None => Validation::Valid,
                },
            )
        })
        .prompt()
}
