//! `adsso wizard [--out FILE] [--edit FILE] [--plain] [answers]`: opens the plan to edit (through
//! the bounded loader: a plan that does not load or validate is refused, exit 2), lays the
//! answers given as flags over it (a refused value is exit 2, naming the flag), picks the front
//! end (plain when asked or when TERM=dumb), gives it the SDK's connector, runs it, and reports
//! how it ended.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::{CommandError, Outcome};
use crate::aws::Target;
use crate::aws::sdk::SdkConnect;
use crate::cli::WizardArgs;
use crate::wizard::apply::ApplyEnd;
use crate::wizard::draft::Draft;
use crate::wizard::effects::Effects;
use crate::wizard::flags::Presets;
use crate::wizard::model::{Choice, Colour, Exit, Model, Origin};
use crate::wizard::save::Overwrite;
use crate::wizard::{plain, terminal};

/// Where the plan is saved without `--out` or `--edit`.
const DEFAULT_OUT: &str = "adsso-plan.yaml";

/// Runs the wizard; with `force`, an existing `out` (file or symbolic link) is replaced without
/// asking.
pub fn run(args: &WizardArgs, aws: &Target) -> Result<Outcome, CommandError> {
    let (plain, force) = (args.plain, args.force);
    let out = match (&args.out, &args.edit) {
        (Some(out), _) | (None, Some(out)) => out.clone(),
        (None, None) => PathBuf::from(DEFAULT_OUT),
    };
    let out = out.as_path();
    let (mut draft, origin) = match &args.edit {
        Some(file) => match super::load_valid(file)? {
            Some(plan) => (Draft::from_plan(plan), Origin::Edited),
            None => return Ok(Outcome::Invalid),
        },
        None => (Draft::default(), Origin::New),
    };
    let presets = Presets::new(&args.answers, aws.region.as_deref());
    presets
        .apply(&mut draft)
        .map_err(|refused| CommandError::WizardFlag {
            flag: refused.flag,
            problem: refused.problem,
        })?;
    let choice = match (origin, presets.mode) {
        (Origin::Edited, _) | (_, Some(_)) => Choice::Picked,
        (Origin::New, None) => Choice::Open,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(CommandError::WizardNeedsTerminal);
    }
    let dumb = std::env::var("TERM").is_ok_and(|term| term == "dumb");
    let effects = Effects::new(SdkConnect, aws.clone());
    let overwrite = if force {
        Overwrite::Replace
    } else {
        Overwrite::Ask
    };
    let exit = if plain || dumb {
        let opening = plain::Opening {
            draft,
            origin,
            choice,
            given: presets.given(),
        };
        plain::run(out, overwrite, effects, opening)
            .map_err(|error| CommandError::Terminal(std::io::Error::other(error.to_string())))?
    } else {
        let colour = if super::no_colour() {
            Colour::Off
        } else {
            Colour::On
        };
        let path = out.display().to_string();
        let mut model = Model::opening(path, colour, draft, origin, choice);
        model.overwrite = overwrite;
        terminal::run(model, effects).map_err(CommandError::Terminal)?
    };
    Ok(match exit {
        Exit::Saved(path) => {
            eprintln!("{path}: {}", crate::text::wizard::saved(&path));
            Outcome::Done
        }
        Exit::SavedNotApplied(path) => {
            eprintln!("{path}: {}", crate::text::wizard::saved(&path));
            eprintln!("{}", crate::text::wizard::not_applied(&path));
            Outcome::Done
        }
        Exit::Applied(path, end) => {
            eprintln!("{path}: {}", crate::text::wizard::saved(&path));
            match end {
                ApplyEnd::Done => Outcome::Done,
                ApplyEnd::Paused(instructions) => {
                    println!("{instructions}");
                    eprintln!("{}", crate::text::wizard::resume(&path));
                    Outcome::Paused
                }
                ApplyEnd::Failed(reason) => {
                    eprintln!(
                        "apply failed: {}",
                        crate::text::untrusted::block(&reason, "    ")
                    );
                    eprintln!("{}", crate::text::wizard::resume(&path));
                    Outcome::Failed
                }
            }
        }
        Exit::Quit | Exit::Running => {
            eprintln!("{}", crate::text::wizard::QUIT_UNSAVED);
            Outcome::Failed
        }
    })
}
