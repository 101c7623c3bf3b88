//! `adsso status FILE [--output text|json]`: what exists in AWS for the plan (read-only).

use std::io::Write;
use std::path::Path;

use super::{AwsFlags, CommandError, Outcome, connection, load_valid, runtime};
use crate::aws::sdk::SdkCloud;
use crate::cli::StatusFormat;
use crate::steps::report::{self, Report};

/// Shows the status of the plan in `file`.
pub fn run(file: &Path, flags: &AwsFlags, format: StatusFormat) -> Result<Outcome, CommandError> {
    let Some(plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    let connection = connection(flags, &plan)?;
    let report = runtime()?.block_on(async {
        let cloud = SdkCloud::connect(&connection).await;
        report::report(&cloud, &plan).await
    })?;
    let mut out = std::io::stdout().lock();
    match format {
        StatusFormat::Json => {
            let text = serde_json::to_string_pretty(&report)
                .map_err(|e| CommandError::Write(std::io::Error::other(e)))?;
            writeln!(out, "{text}")?;
        }
        StatusFormat::Text => write!(out, "{}", table(&report))?,
    }
    Ok(Outcome::Done)
}

fn row(name: &str, value: &str) -> String {
    format!("{name:<18}{value}\n")
}

/// The text table.
pub fn table(report: &Report) -> String {
    let mut out = row("plan", &report.plan);
    out += &row(
        "account / region",
        &format!("{} / {}", report.account, report.region),
    );
    out += &row(
        "identity center",
        report.instance.as_deref().unwrap_or("no ACTIVE instance"),
    );
    match &report.directory {
        None => out += &row("directory", "none (not created yet)"),
        Some(d) => {
            let reason = if d.stage_reason.is_empty() {
                String::new()
            } else {
                format!(": {}", d.stage_reason)
            };
            let owner = if d.owned {
                "created by this plan"
            } else {
                "existing, used by this plan"
            };
            out += &row(
                "directory",
                &format!("{} {} ({}, {owner})", d.id, d.name, d.kind),
            );
            out += &row("  stage", &format!("{}{reason}", d.stage));
            out += &row("  dns", &d.dns_ips.join(", "));
        }
    }
    if let Some(t) = &report.trust {
        let reason = if t.state_reason.is_empty() {
            String::new()
        } else {
            format!(": {}", t.state_reason)
        };
        out += &row(
            "trust",
            &format!("{} {} {}", t.id, t.direction, t.trust_type),
        );
        out += &row("  state", &format!("{}{reason}", t.state));
    } else if report
        .directory
        .as_ref()
        .is_some_and(|d| d.kind == "MicrosoftAD")
    {
        out += &row("trust", "none");
    }
    match (&report.forwarders, &report.forwarders_error) {
        (Some(list), _) => {
            let text: Vec<String> = list
                .iter()
                .map(|f| format!("{} -> {}", f.remote_domain, f.dns_ips.join(", ")))
                .collect();
            out += &row(
                "forwarders",
                &if text.is_empty() {
                    "none".to_owned()
                } else {
                    text.join("; ")
                },
            );
        }
        (None, Some(error)) => out += &row("forwarders", &format!("unknown ({error})")),
        (None, None) => {}
    }
    let source = if report.synced_groups.is_empty() {
        "not detected (no group synced from the directory)".to_owned()
    } else {
        format!(
            "this directory ({} synced groups: {})",
            report.synced_groups.len(),
            report.synced_groups.join(", ")
        )
    };
    out += &row("identity source", &source);
    if !report.assignments.is_empty() {
        let present = report
            .assignments
            .iter()
            .filter(|a| a.state == "present")
            .count();
        out += &row(
            "assignments",
            &format!("{present} of {} present", report.assignments.len()),
        );
        for a in &report.assignments {
            out += &format!(
                "  {} -> {} in {}: {}\n",
                a.group, a.permission_set, a.account, a.state
            );
        }
    }
    out
}
