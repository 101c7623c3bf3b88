//! Command-line definitions (clap). Parsing happens before anything else is set up, so `--help`
//! and `--version` stay instant.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The version `--version` prints: the package version and the commit it was built from.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("ADSSO_COMMIT"), ")");

/// Connect AWS IAM Identity Center to a self-managed Active Directory, through a two-way trust
/// with an AWS Managed Microsoft AD or through an AD Connector.
#[derive(Debug, Parser)]
#[command(name = "adsso", version = VERSION, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 done; 1 failed; 2 invalid input (usage or plan); 3 paused at a manual step."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The AWS Region (default: the plan's `aws.region`; must match it). For the wizard, the
    /// answer to its Region question.
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// A named profile of the AWS config files (default: AWS_PROFILE, then `default`).
    #[arg(long, global = true, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Send every AWS call to this endpoint (an emulator, a VPC endpoint).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// The longest one AWS call may take, retries included (e.g. 30s, 2m); a third of it per
    /// attempt, at most 5s to connect. An endpoint that does not answer fails after this.
    #[arg(long, global = true, value_name = "DUR", default_value = "60s", value_parser = parse_duration)]
    pub aws_timeout: Duration,
}

/// The subcommands; each wraps its own arguments, which the command receives as they are.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through choosing and describing the connection; ends by saving a plan (no AWS
    /// account needed). Full-screen, or line by line with --plain (automatic when TERM=dumb).
    Wizard(WizardArgs),
    /// Check a plan offline: every field against AWS's rules and the supported designs.
    /// Exit 0 when it is valid (warnings may be printed), 2 when not.
    Validate(PlanFile),
    /// Draw a plan: the directories, the trust and access directions, DNS forwarders, and
    /// Identity Center.
    Diagram(DiagramArgs),
    /// Print a commented plan template to fill in (then `adsso validate` it).
    Init(InitArgs),
    /// Check the self-managed AD from here before AWS is touched: DNS SRV records, ports on the
    /// domain controllers, the service account's LDAP bind (TLS only) and the KDC.
    /// Exit 0 when nothing failed, 1 otherwise, 2 for an invalid plan.
    Preflight(PreflightArgs),
    /// Print the JSON Schema of the plan format, or write it beside your plans with --write:
    /// saved plans and templates point editors (yaml-language-server) at it there.
    Schema(SchemaArgs),
    /// Print a completion script for a shell, e.g.
    /// `adsso completions bash > ~/.local/share/bash-completion/completions/adsso`.
    Completions(CompletionsArgs),
    /// Create what the plan describes in AWS, step by step; re-running resumes and never
    /// duplicates. Exit 0 done, 1 failed, 2 invalid input, 3 paused at a manual step.
    Apply(ApplyArgs),
    /// Show what exists in AWS for the plan (read-only).
    Status(StatusArgs),
    /// Print a plan for an existing Identity Center setup (read-only): its directory, trusts,
    /// permission sets and group assignments, grouped back into OUs where a whole OU is assigned.
    Import(ImportArgs),
    /// Delete the trust and the directory this plan created (only what is tagged as its own).
    Destroy(DestroyArgs),
    /// Print the PowerShell for a self-managed domain controller (trust mode).
    OnpremScript(OnpremScriptArgs),
}

impl Command {
    /// The plan file the command reads, if it reads one (`--edit`'s for the wizard).
    pub fn plan_file(&self) -> Option<&std::path::Path> {
        match self {
            Command::Validate(args) => Some(&args.file),
            Command::Diagram(args) => Some(&args.file),
            Command::Preflight(args) => Some(&args.file),
            Command::Apply(args) => Some(&args.file),
            Command::Status(args) => Some(&args.file),
            Command::Destroy(args) => Some(&args.file),
            Command::OnpremScript(args) => Some(&args.file),
            Command::Wizard(args) => args.edit.as_deref().or(args.out.as_deref()),
            Command::Init(_)
            | Command::Schema(_)
            | Command::Completions(_)
            | Command::Import(_) => None,
        }
    }
}

/// `adsso wizard`.
#[derive(Debug, Args)]
pub struct WizardArgs {
    /// Where to save the plan [default: the --edit file, else adsso-plan.yaml].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Open a saved plan to change it (every domain too; what the wizard does not ask is kept,
    /// comments are not). The full-screen wizard opens on Review (with answer flags, which are
    /// laid over the plan, on the first screen left with an invalid answer); it saves back to
    /// FILE.
    #[arg(long, value_name = "FILE")]
    pub edit: Option<PathBuf>,
    /// Ask line by line instead of full-screen (screen readers, dumb terminals, logs).
    #[arg(long)]
    pub plain: bool,
    /// Replace an existing --out file (or symbolic link: the link is replaced, never its
    /// target) without asking.
    #[arg(long)]
    pub force: bool,
    /// The answers given as flags (on top of the --edit plan); the wizard skips them.
    #[command(flatten)]
    pub answers: Box<crate::wizard::flags::AnswerFlags>,
}

/// `adsso schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schema to DIR/adsso-plan.schema.json (the file the modeline of saved plans
    /// and templates names) instead of printing it.
    #[arg(long, value_name = "DIR")]
    pub write: Option<PathBuf>,
}

/// `adsso completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// A command that reads one plan and nothing else (`adsso validate`).
#[derive(Debug, Args)]
pub struct PlanFile {
    /// The plan file (YAML).
    pub file: PathBuf,
}

/// `adsso diagram`.
#[derive(Debug, Args)]
pub struct DiagramArgs {
    /// The plan file (YAML).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiagramFormat::Text)]
    pub format: DiagramFormat,
}

/// `adsso init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Which of the two supported ways to connect.
    #[arg(long, value_enum)]
    pub mode: InitMode,
    /// How many self-managed domains the template lists (trust mode: a two-way trust to each;
    /// an AD Connector reaches one domain only).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub domains: usize,
}

/// `adsso preflight`.
#[derive(Debug, Args)]
pub struct PreflightArgs {
    /// The plan file (YAML).
    pub file: PathBuf,
    /// PEM file of the CA(s) that issued the DC certificates (default: the system's roots).
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Limit for each single probe, e.g. `3s` or `500ms`.
    #[arg(long, value_name = "DUR", default_value = "3s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub output: OutputFormat,
    /// Allow the service account password over unencrypted LDAP when TLS is not available.
    #[arg(long)]
    pub allow_plain_ldap: bool,
    /// Check only this self-managed domain (default: every domain of the plan, concurrently).
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
}

/// `adsso apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The plan file (YAML).
    pub file: PathBuf,
    /// Do not ask for confirmation; at a manual step without evidence, stop (exit 3).
    #[arg(long)]
    pub yes: bool,
    /// Make no change: list every call apply would make, secrets shown as references.
    #[arg(long)]
    pub dry_run: bool,
    /// The longest one wait may last (e.g. 90s, 45m, 2h).
    #[arg(long, value_name = "DUR", default_value = "60m", value_parser = parse_duration)]
    pub wait_timeout: Duration,
    /// Prune every assignment entry (as `prune: true` on each): delete the assignments of the
    /// plan's groups and permission sets in accounts the plan no longer targets.
    #[arg(long)]
    pub prune: bool,
}

/// `adsso status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The plan file (YAML).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub output: StatusFormat,
}

/// `adsso import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The IAM Identity Center instance ARN (needed when the Region has several).
    #[arg(long, value_name = "ARN")]
    pub instance: Option<String>,
    /// Only groups whose name matches (`*` and `?`; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub group_filter: Vec<String>,
    /// The plan's metadata.name (default: the directory's adsso:plan tag, or its DNS name).
    #[arg(long)]
    pub name: Option<String>,
}

/// `adsso destroy`.
#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// The plan file (YAML).
    pub file: PathBuf,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Also delete the plan's account assignments (left in place otherwise).
    #[arg(long)]
    pub include_assignments: bool,
}

/// `adsso onprem-script`.
#[derive(Debug, Args)]
pub struct OnpremScriptArgs {
    /// The plan file (YAML).
    pub file: PathBuf,
    /// The Managed AD's DNS addresses; when given, AWS is not asked (works offline).
    #[arg(long = "dns-ip", value_name = "IP")]
    pub dns_ips: Vec<std::net::Ipv4Addr>,
    /// Print only this self-managed domain's script (default: every domain's, each under a
    /// heading that names it).
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
}

/// `status` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// A table for people.
    Text,
    /// JSON for programs.
    Json,
}

/// Diagram output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagramFormat {
    /// Unicode boxes and arrows, at most 80 columns wide.
    Text,
    /// A Mermaid `flowchart`, for Markdown renderers.
    Mermaid,
}

/// Modes `init` has a template for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitMode {
    /// AD Connector: a proxy to one self-managed domain, nothing cached in AWS.
    AdConnector,
    /// AWS Managed Microsoft AD with a two-way trust to the self-managed domain.
    Trust,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A checklist for people.
    Text,
    /// JSON for scripts.
    Json,
}

/// Parses `500ms`, `3s`, `45m`, `2h` (a bare number is seconds); between 1 ms and 24 hours.
/// Used by `--timeout`, `--wait-timeout` and `--aws-timeout`; never overflows, whatever the input.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 500ms, 3s, 45m or 2h"))?;
    let millis = match unit {
        "ms" => Some(value),
        "" | "s" => value.checked_mul(1_000),
        "m" => value.checked_mul(60_000),
        "h" => value.checked_mul(3_600_000),
        _ => None,
    }
    .ok_or_else(|| format!("`{text}` is not a duration like 500ms, 3s, 45m or 2h"))?;
    if !(1..=86_400_000).contains(&millis) {
        return Err(format!("`{text}` is outside 1ms..24h"));
    }
    Ok(std::time::Duration::from_millis(millis))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use clap::Parser;

    use super::{Cli, parse_duration};

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("3s"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("45m"), Ok(Duration::from_secs(2700)));
        for bad in [
            "",
            "s",
            "25h",
            "5d",
            "soon",
            "-1s",
            "0s",
            "2m30s",
            "99999999999999999999s",
            "9999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_aws_timeout_is_global_with_a_one_minute_default() {
        let default = Cli::try_parse_from(["adsso", "status", "plan.yaml"]);
        assert_eq!(
            default.map(|c| c.aws_timeout).ok(),
            Some(Duration::from_secs(60))
        );
        let given = Cli::try_parse_from(["adsso", "status", "plan.yaml", "--aws-timeout", "2s"]);
        assert_eq!(
            given.map(|c| c.aws_timeout).ok(),
            Some(Duration::from_secs(2))
        );
        let before = Cli::try_parse_from(["adsso", "--aws-timeout", "90s", "destroy", "p.yaml"]);
        assert_eq!(
            before.map(|c| c.aws_timeout).ok(),
            Some(Duration::from_secs(90))
        );
        for bad in ["soon", "0s", "25h", ""] {
            let refused = Cli::try_parse_from(["adsso", "apply", "p.yaml", "--aws-timeout", bad]);
            assert_eq!(refused.map_err(|e| e.exit_code()).err(), Some(2), "{bad}");
        }
    }
}
