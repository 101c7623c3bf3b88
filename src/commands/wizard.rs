//! `adsso wizard [--out FILE] [--edit FILE] [--plain]`: opens the plan to edit (through the
//! bounded loader: a plan that does not load or validate is refused, exit 2), picks the front
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
use crate::wizard::model::{Colour, Exit, Model};
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
    let edited = match &args.edit {
        Some(file) => match super::load_valid(file)? {
            Some(plan) => Some(Draft::from_plan(plan)),
            None => return Ok(Outcome::Invalid),
        },
        None => None,
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
        plain::run(out, overwrite, effects, edited)
            .map_err(|error| CommandError::Terminal(std::io::Error::other(error.to_string())))?
    } else {
        let colour = if super::no_colour() {
            Colour::Off
        } else {
            Colour::On
        };
        let path = out.display().to_string();
        let mut model = match edited {
            Some(draft) => Model::editing(path, colour, draft),
            None => Model::new(path, colour),
        };
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
