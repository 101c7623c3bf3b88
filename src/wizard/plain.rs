//! The `--plain` front end: the same questions, asked line by line with inquire, for screen
//! readers, dumb terminals and logs. Esc on a question goes back to the previous one; Ctrl-C
//! quits without saving. What discovery read from AWS is printed escaped
//! ([`crate::text::untrusted`]).

use std::path::Path;

use inquire::validator::Validation;
use inquire::{InquireError, Select, Text};

use super::apply::event_line;
use super::discovery::{self, Found};
use super::draft::{Draft, FieldId};
use super::effects::{Connector, Effects};
use super::model::{Exit, Origin};
use super::questions::{self, Answer, Decision, Field, Screen, YesNo};
use super::save::{Overwrite, SaveError};
use crate::diagram::{self, Diagram};
use crate::plan::Mode;
use crate::text::untrusted::{Untrusted, line};
use crate::text::wizard as words;

/// How a question ended.
enum Step {
    /// Answered: go on.
    Answered,
    /// Esc: go back one question.
    Back,
}

fn yes_no(question: &str) -> Result<YesNo, InquireError> {
    let options = vec!["not sure", "yes", "no"];
    Ok(match Select::new(question, options).prompt()? {
        "yes" => YesNo::Yes,
        "no" => YesNo::No,
        _ => YesNo::Unsure,
    })
}

fn choose_mode(draft: &mut Draft) -> Result<(), InquireError> {
    println!("{}\n", words::NOT_SUPPORTED);
    let decision = Decision {
        several_domains: yes_no(words::Q_SEVERAL_DOMAINS)?,
        portal_resets: yes_no(words::Q_PORTAL_RESETS)?,
        data_in_aws: yes_no(words::Q_DATA_IN_AWS)?,
    };
    let (recommended, reasons) = decision.recommend();
    for reason in reasons {
        println!("  {reason}");
    }
    let options = vec![words::OPTION_TRUST, words::OPTION_CONNECTOR];
    let start = usize::from(recommended == Mode::AdConnector);
    let choice = Select::new("Which design?", options)
        .with_starting_cursor(start)
        .prompt()?;
    draft.mode = if choice == words::OPTION_TRUST {
        Mode::Trust
    } else {
        Mode::AdConnector
    };
    Ok(())
}

fn ask(field: Field, draft: &mut Draft, found: Option<&Found>) -> Result<Step, InquireError> {
    let message = format!("{}:", field.label);
    let answer = match field.answer {
        Answer::Choice(options) => {
            let start = options
                .iter()
                .position(|o| *o == draft.get(field.id))
                .unwrap_or(0);
            Select::new(&message, options.to_vec())
                .with_starting_cursor(start)
                .with_help_message(field.hint)
                .prompt()
                .map(str::to_owned)
        }
        Answer::Text => {
            let base = draft.clone();
            let id = field.id;
            let found = found.cloned();
            Text::new(&message)
                .with_initial_value(draft.get(field.id))
                .with_help_message(field.hint)
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
    };
    match answer {
        Ok(value) => {
            if let Some(warning) = super::secret_names::warning(field.id, &value) {
                println!("⚠ {warning}");
            }
            draft.set(field.id, value);
            Ok(Step::Answered)
        }
        Err(InquireError::OperationCanceled) => Ok(Step::Back),
        Err(error) => Err(error),
    }
}

/// Reads what exists in the default Region and prints it; `None` without AWS access.
fn discover<K: Connector>(draft: &Draft, effects: &Effects<K>) -> Option<Found> {
    let region = draft.get(FieldId::Region).to_owned();
    println!("{} ({region})...", words::DISCOVERING);
    match effects.discover(&region) {
        Ok(found) => {
            println!("{}", line(&words::discovery_summary(&found)));
            for subnet in &found.subnets {
                println!(
                    "  {} in {} ({})",
                    Untrusted(&subnet.id),
                    Untrusted(&subnet.vpc_id),
                    Untrusted(&subnet.availability_zone)
                );
            }
            for directory in &found.directories {
                let usable = discovery::unusable_reason(directory).unwrap_or("usable for a trust");
                println!(
                    "  {} {} ({}): {usable}",
                    Untrusted(&directory.id),
                    Untrusted(&directory.name),
                    Untrusted(&directory.kind.to_string())
                );
            }
            Some(found)
        }
        Err(reason) => {
            println!("{}", line(&words::discovery_unavailable(&reason)));
            None
        }
    }
}

/// Asks every question of `screens` in order; Esc steps back.
fn ask_forms(draft: &mut Draft, screens: &[Screen]) -> Result<(), InquireError> {
    ask_forms_with(draft, screens, None)
}

/// Asks every question of `screens`, validating against discovery when there is some.
fn ask_forms_with(
    draft: &mut Draft,
    screens: &[Screen],
    found: Option<&Found>,
) -> Result<(), InquireError> {
    let mut position = 0usize;
    loop {
        let all: Vec<Field> = screens
            .iter()
            .flat_map(|screen| questions::fields(*screen, draft))
            .collect();
        let Some(field) = all.get(position).copied() else {
            return Ok(());
        };
        match ask(field, draft, found)? {
            Step::Answered => position += 1,
            Step::Back => position = position.saturating_sub(1),
        }
    }
}

/// The most domains one `--plain` session asks about (a bound, far above any real plan).
const MAX_DOMAINS_ASKED: usize = 64;

/// A yes/no question whose Esc is a no.
fn confirm(question: &str, help: &str) -> Result<bool, InquireError> {
    match inquire::Confirm::new(question)
        .with_default(false)
        .with_help_message(help)
        .prompt()
    {
        Err(InquireError::OperationCanceled) => Ok(false),
        answer => answer,
    }
}

/// Asks each domain's questions in turn: the domains already in the draft (a plan being
/// edited), then, in trust mode, "Add another domain?" until the answer is no. An extra
/// domain's questions include its optional trust override.
fn ask_domains(draft: &mut Draft) -> Result<(), InquireError> {
    draft.select_domain(0);
    for _ in 0..MAX_DOMAINS_ASKED {
        if draft.domain_count() > 1 {
            println!("{}", words::domain_questions(draft.current_domain()));
        }
        ask_forms(draft, &[Screen::Domain])?;
        if draft.current_domain() + 1 < draft.domain_count() {
            draft.step_domain(1);
            continue;
        }
        if draft.mode != Mode::Trust
            || !confirm(words::ADD_ANOTHER_DOMAIN, words::ADD_ANOTHER_DOMAIN_HELP)?
        {
            break;
        }
        if draft.add_domain().is_err() {
            break;
        }
    }
    draft.select_domain(0);
    Ok(())
}

/// Asks where to save and saves: an existing file or symbolic link is replaced only after a
/// yes (default no; Esc is a no) or with `--force`; after a no or a failed save (the reason is printed), the
/// path is asked again, at most [`words::SAVE_ATTEMPTS`] times. Returns the path saved to.
fn save_asking<K: Connector>(
    plan: &crate::plan::Plan,
    out: &Path,
    overwrite: Overwrite,
    effects: &Effects<K>,
) -> Result<Option<String>, InquireError> {
    let mut suggested = out.display().to_string();
    for _ in 0..words::SAVE_ATTEMPTS {
        let path = Text::new("Save the plan to:")
            .with_initial_value(&suggested)
            .prompt()?;
        let mut outcome = effects.save(plan, Path::new(path.trim()), overwrite);
        if let Err(SaveError::Exists { path: shown, link }) = &outcome {
            let replace = match inquire::Confirm::new(&words::replace_question(shown, *link))
                .with_default(false)
                .with_help_message(words::REPLACE_HELP_PLAIN)
                .prompt()
            {
                Err(InquireError::OperationCanceled) => false,
                answer => answer?,
            };
            outcome = if replace {
                effects.save(plan, Path::new(path.trim()), Overwrite::Replace)
            } else {
                Err(SaveError::Failed(words::kept(shown)))
            };
        }
        match outcome {
            Ok(()) => return Ok(Some(path.trim().to_owned())),
            Err(error) => println!("{error}"),
        }
        suggested = path;
    }
    Ok(None)
}

/// Runs the plain wizard, on a new plan or on `edited` (a saved plan's draft: the design is
/// kept and the questions start at the first domain); returns how it ended.
pub fn run<K: Connector>(
    out: &Path,
    overwrite: Overwrite,
    mut effects: Effects<K>,
    edited: Option<Draft>,
) -> Result<Exit, InquireError> {
    println!("adsso wizard: connect IAM Identity Center to your Active Directory.");
    let origin = match edited {
        Some(_) => Origin::Edited,
        None => Origin::New,
    };
    let mut draft = edited.unwrap_or_default();
    let result = (|| {
        if origin == Origin::New {
            choose_mode(&mut draft)?;
        }
        ask_domains(&mut draft)?;
        if inquire::Confirm::new(words::CHECK_NOW)
            .with_default(false)
            .with_help_message(words::CHECK_HINT_PLAIN)
            .prompt()?
        {
            println!("{}", words::CHECKING);
            let (report, _) = effects.check_connectivity(&draft.to_plan());
            println!("{report}");
        }
        let found = discover(&draft, &effects);
        ask_forms_with(&mut draft, &[Screen::Aws, Screen::Secrets], found.as_ref())?;
        let plan = draft.to_plan();
        println!("\n{}", diagram::render_text(&Diagram::from_plan(&plan)));
        println!("What apply will do:");
        for (index, step) in crate::apply::plan_steps(&plan).iter().enumerate() {
            println!("  {}. {}", index + 1, step.describe(&plan));
        }
        println!("\nWarning: {}\n", words::SWITCH_WARNING);
        let options = vec![words::FINISH_SAVE, words::FINISH_SAVE_AND_APPLY];
        let finish = Select::new("Finish:", options).prompt()?;
        if origin == Origin::Edited {
            println!("{}", words::EDIT_DROPS_COMMENTS);
        }
        let Some(path) = save_asking(&plan, out, overwrite, &effects)? else {
            println!("{}", words::save_gave_up());
            return Ok(Exit::Quit);
        };
        if finish != words::FINISH_SAVE_AND_APPLY {
            return Ok(Exit::Saved(path));
        }
        for slot in effects.prepare_apply(&plan) {
            let typed = inquire::Password::new(&format!("{}:", slot.what()))
                .without_confirmation()
                .with_display_mode(inquire::PasswordDisplayMode::Masked)
                .with_help_message(words::PASSWORD_HELP)
                .prompt()?;
            effects.secret_entered(slot, zeroize::Zeroizing::new(typed));
        }
        println!("{}", words::APPLYING);
        let end = effects.apply(&plan, |event| println!("{}", event_line(&event)));
        Ok(Exit::Applied(path, end))
    })();
    match result {
        Err(InquireError::OperationInterrupted | InquireError::OperationCanceled) => Ok(Exit::Quit),
        other => other,
    }
}
