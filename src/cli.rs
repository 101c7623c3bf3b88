//! Command-line definitions (clap). Parsing happens before anything else is set up, so `--help`
//! and `--version` stay instant.

use std::path::PathBuf;

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
