//! The `--plain` front end: the same questions, asked line by line with inquire, for screen
//! readers, dumb terminals and logs. Esc on any question goes back to the previous one (on the
//! very first, it asks whether to quit without saving); nothing answered is lost going back.
//! Ctrl-C quits without saving. What discovery read from AWS is printed escaped
//! ([`crate::text::untrusted`]).

use std::collections::BTreeSet;
use std::path::Path;

use inquire::InquireError;

use super::apply::event_line;
use super::discovery::{self, Found};
use super::draft::{Draft, FieldId};
use super::effects::{Connector, Effects};
use super::model::{Choice, Exit, Origin};
use super::questions::{self, Decision};
use super::save::{Overwrite, SaveError};
use crate::plan::Plan;
use crate::text::cost;
use crate::text::untrusted::{Untrusted, line};
use crate::text::wizard as words;

mod ask;
mod design;
mod items;
mod pick;
mod review;

use ask::Step;
use items::{Asks, Item};

/// Where the question list goes after a question.
enum Flow {
    /// To the next question.
    Next,
    /// The same question again (a save failed).
    Stay,
    /// To this question (the first of a domain just added: the list changed around it).
    To(Item),
    /// Back one question (Esc).
    Back,
    /// The wizard ends.
    End(Exit),
}

/// What the Finish question chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Finish {
    /// Save only.
    Save,
    /// Save, then apply now.
    SaveAndApply,
}

/// Discovery of the AWS side: run once, when the AWS questions are first reached.
enum Discovered {
    /// Not yet.
    NotRun,
    /// Done: what was found, or nothing without AWS access.
    Done(Option<Box<Found>>),
}

/// One `--plain` session: the answers so far and what the questions need.
struct Session<'a, K> {
    draft: Draft,
    decision: Decision,
    origin: Origin,
    asks: Asks,
    finish: Finish,
    discovered: Discovered,
    /// The path offered by "Save the plan to:" (the last one typed).
    suggested: String,
    /// Saves that failed or were declined so far (at most [`words::SAVE_ATTEMPTS`]).
    save_attempts: usize,
    overwrite: Overwrite,
    effects: &'a mut Effects<K>,
}

impl<K: Connector> Session<'_, K> {
    /// Asks the questions from the first one until the plan is saved (and applied) or the
    /// operator quits.
    fn run(&mut self) -> Result<Exit, InquireError> {
        let mut position = 0usize;
        loop {
            let items = items::items(&self.draft, &self.asks);
            let Some(item) = items.get(position).copied() else {
                return Ok(Exit::Quit);
            };
            match self.ask(item)? {
                Flow::Next => position += 1,
                Flow::Stay => {}
                Flow::To(target) => {
                    let items = items::items(&self.draft, &self.asks);
                    position = items.iter().position(|i| *i == target).unwrap_or(position);
                }
                Flow::Back if position == 0 => {
                    if ask::quit_without_saving()? {
                        return Ok(Exit::Quit);
                    }
                }
                Flow::Back => position -= 1,
                Flow::End(exit) => return Ok(exit),
            }
        }
    }

    fn ask(&mut self, item: Item) -> Result<Flow, InquireError> {
        match item {
            Item::Design => self.design(),
            Item::DomainField(domain, id) => {
                self.draft.select_domain(domain);
                if id == FieldId::Domain && self.draft.domain_count() > 1 {
                    println!("{}", words::domain_questions(domain));
                }
                let field = questions::field(id);
                Ok(flow(ask::field(field, &mut self.draft, None)?))
            }
            Item::AddDomain => Ok(
                match ask::confirm(words::ADD_ANOTHER_DOMAIN, words::ADD_ANOTHER_DOMAIN_HELP)? {
                    Step::Answered(true) => match self.draft.add_domain() {
                        Ok(added) => Flow::To(Item::DomainField(added, FieldId::Domain)),
                        Err(_) => Flow::Next,
                    },
                    Step::Answered(_) => Flow::Next,
                    Step::Back => Flow::Back,
                },
            ),
            Item::Check => self.check(),
            Item::Field(id) => {
                self.draft.select_domain(0);
                if let Discovered::NotRun = self.discovered {
                    let found = discover(&self.draft, self.effects);
                    if let Some(found) = &found {
                        discovery::prefill(&mut self.draft, found);
                    }
                    self.discovered = Discovered::Done(found.map(Box::new));
                }
                let found = match &self.discovered {
                    Discovered::Done(found) => found.as_deref(),
                    Discovered::NotRun => None,
                };
                Ok(flow(ask::field(
                    questions::field(id),
                    &mut self.draft,
                    found,
                )?))
            }
            Item::Finish => self.finish(),
            Item::SavePath => self.save(),
        }
    }

    /// "Check connectivity now?" (discovery runs before the first AWS question).
    fn check(&mut self) -> Result<Flow, InquireError> {
        match ask::confirm(words::CHECK_NOW, words::CHECK_HINT_PLAIN)? {
            Step::Back => return Ok(Flow::Back),
            Step::Answered(true) => {
                println!("{}", words::CHECKING);
                let (report, _) = self.effects.check_connectivity(&self.draft.to_plan());
                println!("{report}");
            }
            Step::Answered(false) => {}
        }
        Ok(Flow::Next)
    }

    /// "Save the plan to:" and the save: an existing file or symbolic link is replaced only
    /// after a yes (default no; Esc is a no) or with `--force`; after a no or a failed save (the
    /// reason is printed), the path is asked again, at most [`words::SAVE_ATTEMPTS`] times.
    /// Then apply now, when chosen.
    fn save(&mut self) -> Result<Flow, InquireError> {
        if self.origin == Origin::Edited {
            println!("{}", words::EDIT_DROPS_COMMENTS);
        }
        let typed = inquire::Text::new(words::SAVE_TO)
            .with_initial_value(&self.suggested)
            .prompt();
        let path = match ask::step(typed)? {
            Step::Answered(path) => path.trim().to_owned(),
            Step::Back => return Ok(Flow::Back),
        };
        let plan = self.draft.to_plan();
        if let Err(error) = self.save_to(&plan, &path)? {
            println!("{error}");
            self.suggested = path;
            self.save_attempts += 1;
            if self.save_attempts >= words::SAVE_ATTEMPTS {
                println!("{}", words::save_gave_up());
                return Ok(Flow::End(Exit::Quit));
            }
            return Ok(Flow::Stay);
        }
        match self.finish {
            Finish::Save => Ok(Flow::End(Exit::Saved(path))),
            Finish::SaveAndApply => self.apply(&plan, path),
        }
    }

    /// Writes `plan` to `path`, asking before replacing what is there.
    fn save_to(&self, plan: &Plan, path: &str) -> Result<Result<(), SaveError>, InquireError> {
        let outcome = self.effects.save(plan, Path::new(path), self.overwrite);
        let Err(SaveError::Exists { path: shown, link }) = &outcome else {
            return Ok(outcome);
        };
        let question = words::replace_question(shown, *link);
        Ok(match ask::confirm(&question, words::REPLACE_HELP_PLAIN)? {
            Step::Answered(true) => self.effects.save(plan, Path::new(path), Overwrite::Replace),
            Step::Answered(false) | Step::Back => Err(SaveError::Failed(words::kept(shown))),
        })
    }

    /// Apply now: what apply will do and cost, asked once (as `adsso apply` does), then the
    /// passwords not in the environment, asked masked, then the run. Esc goes back to the file
    /// name; n or Ctrl-C ends the wizard (the plan is saved, nothing is applied).
    fn apply(&mut self, plan: &Plan, path: String) -> Result<Flow, InquireError> {
        let shown = line(&path).into_owned();
        println!();
        for text in crate::apply::summary::summary(plan, &shown) {
            println!("{text}");
        }
        println!("{}", cost::preflight_hint(&shown));
        match ask::confirm(cost::APPLY_QUESTION, cost::APPLY_QUESTION_HELP) {
            Err(InquireError::OperationInterrupted) | Ok(Step::Answered(false)) => {
                return Ok(Flow::End(Exit::SavedNotApplied(path)));
            }
            Ok(Step::Back) => {
                self.suggested = path;
                return Ok(Flow::Back);
            }
            Ok(Step::Answered(true)) => {}
            Err(other) => return Err(other),
        }
        for slot in self.effects.prepare_apply(plan) {
            // The same prompt as `adsso apply`: a new password twice, each try checked against
            // AWS's rules at once (the rule named, never the value), a bounded number of tries.
            use crate::secrets::typed::{self, NotTaken, Stop};
            use secrecy::ExposeSecret;
            match typed::ask(&mut typed::Terminal, slot) {
                Ok(value) => self.effects.secret_entered(
                    slot,
                    zeroize::Zeroizing::new(value.expose_secret().to_owned()),
                ),
                Err(NotTaken::Stopped(Stop::Back)) => {
                    self.suggested = path;
                    return Ok(Flow::Back);
                }
                Err(NotTaken::Stopped(Stop::Interrupted) | NotTaken::OutOfAttempts) => {
                    return Ok(Flow::End(Exit::SavedNotApplied(path)));
                }
                Err(NotTaken::Stopped(Stop::Failed(reason))) => {
                    return Err(InquireError::Custom(reason.into()));
                }
            }
        }
        println!("{}", words::APPLYING);
        let end = self
            .effects
            .apply(plan, &path, |event| println!("{}", event_line(&event)));
        Ok(Flow::End(Exit::Applied(path, end)))
    }
}

/// A field's [`Step`] as where the list goes.
fn flow(step: Step<()>) -> Flow {
    match step {
        Step::Answered(()) => Flow::Next,
        Step::Back => Flow::Back,
    }
}

/// Reads what exists in the draft's Region and prints it; `None` without AWS access.
fn discover<K: Connector>(draft: &Draft, effects: &Effects<K>) -> Option<Found> {
    let region = draft.get(FieldId::Region).to_owned();
    println!("{} ({region})...", words::DISCOVERING);
    match effects.discover(&region) {
        Ok(found) => {
            println!("{}", line(&words::discovery_summary(&found)));
            for vpc in found.vpcs() {
                let label = found.label(FieldId::VpcId, &vpc).unwrap_or_default();
                println!("  {} {label}", Untrusted(&vpc));
                for subnet in found.subnets_of(&vpc) {
                    let label = found
                        .label(FieldId::Subnet1, &subnet.id)
                        .unwrap_or_default();
                    println!("    {} {label}", Untrusted(&subnet.id));
                }
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

/// What the plain wizard starts from.
pub struct Opening {
    /// The draft: new, or a saved plan's (`--edit`), with the flags' answers laid over it.
    pub draft: Draft,
    /// Whether it is a new plan or an edited one.
    pub origin: Origin,
    /// [`Choice::Picked`] when the design is known (`--mode`, `--edit`): it is not asked.
    pub choice: Choice,
    /// The questions answered by flags: not asked while their answer is valid.
    pub given: BTreeSet<FieldId>,
}

/// Runs the plain wizard from `opening` (a known design is not asked, nor a question a flag
/// answered; an edited plan starts at its first domain); returns how it ended.
pub fn run<K: Connector>(
    out: &Path,
    overwrite: Overwrite,
    mut effects: Effects<K>,
    opening: Opening,
) -> Result<Exit, InquireError> {
    println!("adsso wizard: connect IAM Identity Center to your Active Directory.");
    let Opening {
        draft,
        origin,
        choice,
        given,
    } = opening;
    if origin == Origin::New {
        println!("{}\n", words::NOT_SUPPORTED);
    }
    let mut session = Session {
        draft,
        decision: Decision::default(),
        origin,
        asks: Asks {
            design: choice,
            given,
        },
        finish: Finish::Save,
        discovered: Discovered::NotRun,
        suggested: out.display().to_string(),
        save_attempts: 0,
        overwrite,
        effects: &mut effects,
    };
    match session.run() {
        Err(InquireError::OperationInterrupted | InquireError::OperationCanceled) => Ok(Exit::Quit),
        other => other,
    }
}
