//! `adsso status FILE [--output text|json]`: what exists in AWS for the plan (read-only).
//! Every value of the text table passes through [`untrusted::line`]: AWS answers (names,
//! reasons, states) may hold any bytes. The JSON output is escaped by serde.

use std::io::Write;

use super::{CommandError, Outcome, connection, load_valid};
use crate::aws::Target;
use crate::aws::sdk::SdkCloud;
use crate::cli::{StatusArgs, StatusFormat};
use crate::inspect::access_report::AssignmentState;
use crate::inspect::permission_set_report::PermissionSetView;
use crate::inspect::report::{self, Report};
use crate::text::untrusted::{self, Untrusted};

/// Shows the status of the plan in `file`.
pub fn run(args: &StatusArgs, flags: &Target) -> Result<Outcome, CommandError> {
    let (file, format) = (args.file.as_path(), args.output);
    let Some(plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    let connection = connection(flags, &plan)?;
    let report = crate::runtime::block_on(async {
        let cloud = SdkCloud::connect(&connection).await;
        report::report(&cloud, &plan).await
    })??;
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

/// One line of the table; the value is escaped (it holds AWS's and the plan's text).
fn row(name: &str, value: &str) -> String {
    format!("{name:<18}{}\n", untrusted::line(value))
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
    for view in &report.trusts {
        let Some(t) = &view.trust else {
            out += &row("trust", &format!("{}: none", view.domain));
            continue;
        };
        let reason = if t.state_reason.is_empty() {
            String::new()
        } else {
            format!(": {}", t.state_reason)
        };
        out += &row(
            "trust",
            &format!("{}: {} {} {}", view.domain, t.id, t.direction, t.trust_type),
        );
        out += &row("  state", &format!("{}{reason}", t.state));
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
    out += &permission_sets(&report.permission_sets);
    if !report.assignments.is_empty() {
        let present = report
            .assignments
            .iter()
            .filter(|a| a.state == AssignmentState::Present)
            .count();
        out += &row(
            "assignments",
            &format!("{present} of {} present", report.assignments.len()),
        );
        for a in &report.assignments {
            out += &format!(
                "  {} -> {} in {}: {}\n",
                Untrusted(&a.group),
                Untrusted(&a.permission_set),
                Untrusted(&a.account),
                a.state
            );
        }
    }
    out
}

/// The permission sets part of the table: each set's state, what apply would change, and what
/// it holds of the fields beyond its policies.
fn permission_sets(views: &[PermissionSetView]) -> String {
    let mut out = String::new();
    for view in views {
        let pending = if view.pending.is_empty() {
            String::new()
        } else {
            format!(" (apply would change: {})", view.pending.join(", "))
        };
        out += &row(
            "permission set",
            &format!("{}: {}{pending}", view.name, view.state),
        );
        let held = [
            ("  description", view.description.clone()),
            ("  relay state", view.relay_state.clone()),
            (
                "  customer policy",
                (!view.customer_managed_policies.is_empty())
                    .then(|| view.customer_managed_policies.join(", ")),
            ),
            ("  boundary", view.permissions_boundary.clone()),
            (
                "  tags",
                (!view.tags.is_empty()).then(|| view.tags.join(", ")),
            ),
        ];
        for (name, value) in held {
            if let Some(value) = value {
                out += &row(name, &value);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::permission_set_report::{PermissionSetState, PermissionSetView};
    use crate::inspect::report::{DirectoryView, DomainTrustView, TrustView};

    #[test]
    fn aws_text_in_the_table_is_escaped_and_stays_on_its_line() {
        let hostile = "x\u{1b}]52;c;ZXZpbA==\u{7}\nidentity source   faked";
        let report = Report {
            plan: "p".to_owned(),
            account: "123456789012".to_owned(),
            region: "us-east-1".to_owned(),
            directory: Some(DirectoryView {
                id: "d-1".to_owned(),
                name: hostile.to_owned(),
                kind: "MicrosoftAD".to_owned(),
                stage: "Failed".to_owned(),
                stage_reason: hostile.to_owned(),
                dns_ips: vec![hostile.to_owned()],
                owned: true,
            }),
            trusts: vec![
                DomainTrustView {
                    domain: "corp.example.com".to_owned(),
                    trust: Some(TrustView {
                        id: "t-1".to_owned(),
                        direction: "Two-Way".to_owned(),
                        trust_type: "Forest".to_owned(),
                        state: "Failed".to_owned(),
                        state_reason: hostile.to_owned(),
                    }),
                },
                DomainTrustView {
                    domain: "emea.example.net".to_owned(),
                    trust: None,
                },
            ],
            forwarders: None,
            forwarders_error: Some(hostile.to_owned()),
            instance: None,
            synced_groups: vec![hostile.to_owned()],
            permission_sets: vec![PermissionSetView {
                name: "ReadOnly".to_owned(),
                state: PermissionSetState::Differs,
                pending: vec!["tags Team".to_owned()],
                description: Some(hostile.to_owned()),
                relay_state: None,
                customer_managed_policies: vec!["/team/Deny".to_owned()],
                permissions_boundary: Some(hostile.to_owned()),
                tags: vec!["Team=audit".to_owned()],
            }],
            assignments: Vec::new(),
        };
        let text = table(&report);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(
            text.contains("x\\u{1b}]52;c;ZXZpbA==\\u{7}\\nidentity"),
            "{text}"
        );
        let faked = text
            .lines()
            .filter(|l| l.starts_with("identity source"))
            .count();
        assert_eq!(faked, 1, "{text}");
        assert!(
            text.contains("trust             corp.example.com: t-1 Two-Way Forest\n"),
            "{text}"
        );
        assert!(
            text.contains("trust             emea.example.net: none\n"),
            "{text}"
        );
        assert!(
            text.contains("permission set    ReadOnly: differs (apply would change: tags Team)\n"),
            "{text}"
        );
        assert!(text.contains("  customer policy /team/Deny\n"), "{text}");
        assert!(text.contains("  tags            Team=audit\n"), "{text}");
    }
}
