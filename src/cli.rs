//! Command-line definitions (clap). Parsing happens before anything else is set up, so `--help`
//! and `--version` stay instant.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

/// Connect AWS IAM Identity Center to a self-managed Active Directory, through a two-way trust
/// with an AWS Managed Microsoft AD or through an AD Connector.
#[derive(Debug, Parser)]
#[command(name = "adsso", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 done; 1 failed; 2 invalid input (usage or plan); 3 paused at a manual step."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The AWS Region (default: the plan's `aws.region`; must match it).
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// A named profile of the AWS config files (default: AWS_PROFILE, then `default`).
    #[arg(long, global = true, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Send every AWS call to this endpoint (an emulator, a VPC endpoint).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan offline: every field against AWS's rules and the supported designs.
    /// Exit 0 when it is valid (warnings may be printed), 2 when not.
    Validate {
        /// The plan file (YAML).
        file: PathBuf,
    },
    /// Draw a plan: the directories, the trust and access directions, DNS forwarders, and
    /// Identity Center.
    Diagram {
        /// The plan file (YAML).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiagramFormat::Text)]
        format: DiagramFormat,
    },
    /// Print a commented plan template to fill in (then `adsso validate` it).
    Init {
        /// Which of the two supported ways to connect.
        #[arg(long, value_enum)]
        mode: InitMode,
    },
    /// Print the JSON Schema of the plan format (the source of assets/plan.schema.json).
    Schema,
    /// Create what the plan describes in AWS, step by step; re-running resumes and never
    /// duplicates. Exit 0 done, 1 failed, 2 invalid input, 3 paused at a manual step.
    Apply {
        /// The plan file (YAML).
        file: PathBuf,
        /// Do not ask for confirmation; at a manual step without evidence, stop (exit 3).
        #[arg(long)]
        yes: bool,
        /// Make no change: list every call apply would make, secrets shown as references.
        #[arg(long)]
        dry_run: bool,
        /// The longest one wait may last (e.g. 90s, 45m, 2h).
        #[arg(long, value_name = "DUR", default_value = "60m", value_parser = crate::steps::wait::parse_duration)]
        wait_timeout: Duration,
    },
    /// Show what exists in AWS for the plan (read-only).
    Status {
        /// The plan file (YAML).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
        output: StatusFormat,
    },
    /// Delete the trust and the directory this plan created (only what is tagged as its own).
    Destroy {
        /// The plan file (YAML).
        file: PathBuf,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Print the PowerShell for a self-managed domain controller (trust mode).
    OnpremScript {
        /// The plan file (YAML).
        file: PathBuf,
        /// The Managed AD's DNS addresses; when given, AWS is not asked (works offline).
        #[arg(long = "dns-ip", value_name = "IP")]
        dns_ips: Vec<std::net::Ipv4Addr>,
    },
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
