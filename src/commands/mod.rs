//! One thin module per subcommand: read input, call the core, print, pick the exit code.

pub mod apply;
pub mod completions;
pub mod destroy;
pub mod diagram;
pub mod import;
pub mod init;
pub mod onprem_script;
pub mod preflight;
pub mod progress;
pub mod schema;
pub mod status;
pub mod validate;
pub mod wizard;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::aws::Target;
use crate::cli::{Cli, Command};

/// How a command ended; each maps to one exit code of the CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (exit 0).
    Done,
    /// Failed: AWS or runtime error, reason printed (exit 1).
    Failed,
    /// Invalid input: usage or plan, problems printed (exit 2).
    Invalid,
    /// Paused at a manual step, instructions printed (exit 3).
    Paused,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        ExitCode::from(match outcome {
            Outcome::Done => 0,
            Outcome::Failed => 1,
            Outcome::Invalid => 2,
            Outcome::Paused => 3,
        })
    }
}

/// Errors at the edge, before the core runs.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum CommandError {
    /// The plan file cannot be used: missing, not a regular file, unreadable or too large.
    #[error("cannot read the plan {}: {reason}", crate::text::untrusted::line(&path.display().to_string()))]
    #[diagnostic(help(
        "give the path of a plan file; `adsso init --mode trust > plan.yaml` writes one"
    ))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why (never any of its content).
        reason: crate::files::FileError,
    },
    /// The CA file cannot be used.
    #[error("cannot use the CA file {path}: {reason}")]
    CaFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The wizard needs a terminal.
    #[error("the wizard needs an interactive terminal (stdin and stdout are not both terminals)")]
    #[diagnostic(help(
        "run it in a terminal; `adsso init --mode trust` prints a plan template to fill in instead"
    ))]
    WizardNeedsTerminal,
    /// The terminal failed during the wizard.
    #[error("the terminal failed during the wizard")]
    Terminal(#[source] std::io::Error),
    /// The async runtime could not start.
    #[error(transparent)]
    Runtime(#[from] crate::runtime::RuntimeError),
    /// Writing to standard output failed.
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    /// Apply, status or destroy failed.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Apply(#[from] crate::apply::ApplyError),
    /// A secret could not be read.
    #[error(transparent)]
    Secret(#[from] crate::secrets::SecretError),
    /// Confirmation is needed but there is no terminal.
    #[error("`adsso {command}` changes AWS and asks for confirmation, but there is no terminal")]
    #[diagnostic(help("review with `adsso {command} FILE --dry-run`, then pass --yes"))]
    NoTerminal {
        /// The subcommand.
        command: &'static str,
    },
    /// `--region` is not a Region of the table.
    #[error("--region: {problem}")]
    #[diagnostic(help(
        "give a Region AWS lists (such as us-east-1), or drop --region to use the plan's aws.region"
    ))]
    UnknownRegion {
        /// What is wrong, with the closest Region when there is one.
        problem: String,
    },
    /// `--region` contradicts the plan.
    #[error("--region {flag} contradicts the plan's aws.region {plan}")]
    #[diagnostic(help("drop --region, or fix `aws.region` in the plan"))]
    RegionMismatch {
        /// The flag's value.
        flag: String,
        /// The plan's value.
        plan: String,
    },
    /// The confirmation prompt failed.
    #[error("the confirmation was not answered: {0}")]
    Prompt(String),
    /// `--domain` names no domain of the plan.
    #[error("{message}")]
    UnknownDomain {
        /// What is wrong, with the plan's domains (shown escaped).
        message: String,
        /// What to give instead.
        #[help]
        help: &'static str,
    },
    /// `init --domains N` that no template can have.
    #[error("{message}")]
    InitDomains {
        /// Why (AD Connector: one domain only; or out of range).
        message: String,
    },
    /// `schema --write DIR` where DIR is not a directory.
    #[error("--write {}: not a directory", crate::text::untrusted::line(&.0.display().to_string()))]
    #[diagnostic(help(
        "give the directory of your plans; the schema is written there as adsso-plan.schema.json"
    ))]
    SchemaDir(PathBuf),
    /// The schema file could not be written.
    #[error("cannot write {}: {reason}", crate::text::untrusted::line(&path.display().to_string()))]
    SchemaWrite {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A wizard flag's value is refused by the rules a typed answer follows.
    #[error("{flag}: {problem}")]
    WizardFlag {
        /// The flag.
        flag: &'static str,
        /// What is wrong and what is allowed.
        problem: String,
    },
    /// `adsso import` could not read the setup.
    #[error(transparent)]
    #[diagnostic(help("{}", crate::text::import::IMPORT_HELP))]
    Import(#[from] crate::inspect::import::ImportError),
    /// `adsso import` needs a Region.
    #[error("no Region: give --region (or set AWS_REGION)")]
    NoRegion,
    /// Ctrl-C.
    #[error("interrupted")]
    #[diagnostic(help("nothing is lost: run the same command again to resume"))]
    Interrupted,
}

impl CommandError {
    /// The outcome this error ends the command with.
    pub fn outcome(&self) -> Outcome {
        match self {
            CommandError::Read { .. }
            | CommandError::Secret(_)
            | CommandError::CaFile { .. }
            | CommandError::WizardNeedsTerminal
            | CommandError::WizardFlag { .. }
            | CommandError::NoTerminal { .. }
            | CommandError::UnknownRegion { .. }
            | CommandError::RegionMismatch { .. }
            | CommandError::UnknownDomain { .. }
            | CommandError::InitDomains { .. }
            | CommandError::NoRegion
            | CommandError::SchemaDir(_) => Outcome::Invalid,
            CommandError::Write(_)
            | CommandError::Runtime(_)
            | CommandError::Terminal(_)
            | CommandError::Apply(_)
            | CommandError::Prompt(_)
            | CommandError::SchemaWrite { .. }
            | CommandError::Import(_)
            | CommandError::Interrupted => Outcome::Failed,
        }
    }
}

/// Whether the operator asked for no colours (`NO_COLOR` set and not empty: no-color.org).
pub fn no_colour() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    if no_colour() {
        // Every inquire prompt (the plain wizard, apply's confirmation) without colours.
        inquire::set_global_render_config(inquire::ui::RenderConfig::empty());
    }
    let aws = Target {
        region: cli.region,
        profile: cli.profile,
        endpoint_url: cli.endpoint_url,
        timeouts: crate::aws::sdk::Timeouts::for_operation(cli.aws_timeout),
    };
    match cli.command {
        Command::Wizard(args) => wizard::run(&args, &aws),
        Command::Validate(args) => validate::run(&args.file),
        Command::Diagram(args) => diagram::run(&args),
        Command::Init(args) => init::run(args.mode, args.domains),
        Command::Schema(args) => schema::run(args.write.as_deref()),
        Command::Completions(args) => completions::run(args.shell),
        Command::Preflight(args) => preflight::run(&args),
        Command::Apply(args) => apply::run(&args, &aws),
        Command::Status(args) => status::run(&args, &aws),
        Command::Import(args) => import::run(&args, &aws),
        Command::Destroy(args) => destroy::run(&args, &aws),
        Command::OnpremScript(args) => onprem_script::run(&args, &aws),
    }
}

impl Confirm {
    /// `--yes` given or not.
    pub fn from_yes(yes: bool) -> Self {
        if yes { Confirm::Given } else { Confirm::Ask }
    }
}

/// Whether the operator already confirmed (`--yes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// `--yes`.
    Given,
    /// Ask on the terminal.
    Ask,
}

/// Reads and validates a plan; prints the problems and returns `None` when it is invalid.
pub fn load_valid(file: &Path) -> Result<Option<crate::plan::Plan>, CommandError> {
    let bytes = read_plan(file)?;
    match crate::plan::load(&bytes) {
        Ok((parsed, warnings)) => {
            eprint!("{warnings}");
            Ok(Some(parsed.plan))
        }
        Err(problems) => {
            let mut err = std::io::stderr().lock();
            write!(err, "{problems}")?;
            writeln!(
                err,
                "{}: fix the plan first (`adsso validate` lists the problems); nothing was changed",
                file.display()
            )?;
            Ok(None)
        }
    }
}

/// The index of the domain `--domain` names (`None` without `--domain`: every domain); a name
/// the plan does not list is refused with the plan's domains.
pub fn pick_domain(
    plan: &crate::plan::Plan,
    given: Option<&str>,
) -> Result<Option<usize>, CommandError> {
    let Some(given) = given else {
        return Ok(None);
    };
    match plan.self_managed.find(given) {
        Some((index, _)) => Ok(Some(index)),
        None => {
            let known: Vec<&str> = plan
                .self_managed
                .all()
                .iter()
                .map(|domain| domain.domain.as_str())
                .collect();
            Err(CommandError::UnknownDomain {
                message: crate::text::domains::unknown_domain(given, &known),
                help: crate::text::domains::UNKNOWN_DOMAIN_HELP,
            })
        }
    }
}

/// Where to call AWS for `plan`: its Region (a `--region` that AWS does not list, or that is not
/// the plan's, is refused).
pub fn connection(flags: &Target, plan: &crate::plan::Plan) -> Result<Target, CommandError> {
    if let Some(region) = &flags.region
        && let Err(problem) = crate::plan::rules::region(region)
    {
        return Err(CommandError::UnknownRegion { problem });
    }
    if let Some(region) = &flags.region
        && *region != plan.aws.region
    {
        return Err(CommandError::RegionMismatch {
            flag: region.clone(),
            plan: plan.aws.region.clone(),
        });
    }
    Ok(flags.in_region(&plan.aws.region))
}

/// Asks a yes/no question on the terminal (default: no).
pub fn confirm(question: &str, command: &'static str) -> Result<bool, CommandError> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(CommandError::NoTerminal { command });
    }
    inquire::Confirm::new(question)
        .with_default(false)
        .prompt()
        .map_err(|error| CommandError::Prompt(error.to_string()))
}

/// Reads a plan file: only a regular file of at most [`crate::plan::load::MAX_PLAN_BYTES`], never blocking on a FIFO
/// nor reading a device (so `/dev/zero` is harmless); see [`crate::files`].
pub fn read_plan(path: &Path) -> Result<Vec<u8>, CommandError> {
    crate::files::read(path, crate::files::PLAN).map_err(|reason| CommandError::Read {
        path: path.to_owned(),
        reason,
    })
}
