//! The preflight checklist: one [`Check`] per thing verified, each pass / warn / fail / skipped,
//! with the likely fix for failures; rendered as text or JSON.

use std::fmt::Write;

use serde::Serialize;

use crate::text::untrusted;

/// How far the continuation lines of a check's detail are indented.
const DETAIL_INDENT: &str = "          ";

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Verified.
    Pass,
    /// Works, but worth a look.
    Warn,
    /// Will break the onboarding.
    Fail,
    /// Not run because an earlier check failed.
    Skipped,
}

/// What a check is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// DNS servers and SRV records.
    Dns,
    /// TCP and UDP ports on the domain controllers.
    Ports,
    /// LDAP bind and reads as the service account.
    Ldap,
    /// The KDC's answer to an AS-REQ.
    Kerberos,
}

impl Area {
    /// Its heading in the checklist.
    pub fn title(self) -> &'static str {
        match self {
            Area::Dns => "DNS",
            Area::Ports => "Ports on the domain controllers",
            Area::Ldap => "LDAP as the service account",
            Area::Kerberos => "Kerberos",
        }
    }
}

/// One verified fact (or failure).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What the check is about.
    pub area: Area,
    /// What was checked, in a few words.
    pub title: String,
    /// The outcome.
    pub status: Status,
    /// What was seen.
    pub detail: String,
    /// The likely fix, for warnings and failures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Check {
    /// A passed check.
    pub fn pass(area: Area, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            area,
            title: title.into(),
            status: Status::Pass,
            detail: detail.into(),
            fix: None,
        }
    }

    /// A check not run, and why.
    pub fn skipped(area: Area, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            area,
            title: title.into(),
            status: Status::Skipped,
            detail: detail.into(),
            fix: None,
        }
    }

    /// A check with a problem and its likely fix.
    pub fn problem(
        area: Area,
        status: Status,
        title: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self {
            area,
            title: title.into(),
            status,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }
}

/// All checks of one preflight run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The checks, grouped by area.
    pub checks: Vec<Check>,
    /// Wall time of the run in milliseconds.
    pub elapsed_ms: u128,
}

impl Report {
    /// True when no check failed (warnings allowed).
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|check| check.status != Status::Fail)
    }

    /// Number of checks with `status`.
    pub fn count(&self, status: Status) -> usize {
        self.checks
            .iter()
            .filter(|check| check.status == status)
            .count()
    }

    /// The checklist as text.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let mut area = None;
        for check in &self.checks {
            if area != Some(check.area) {
                area = Some(check.area);
                let _ = writeln!(out, "\n{}", check.area.title());
            }
            let mark = match check.status {
                Status::Pass => "✓ pass",
                Status::Warn => "! warn",
                Status::Fail => "✗ FAIL",
                Status::Skipped => "- skip",
            };
            // Details quote DNS and LDAP answers and OS errors: shown escaped, never raw.
            let _ = writeln!(
                out,
                "  {mark}  {}: {}",
                untrusted::line(&check.title),
                untrusted::block(&check.detail, DETAIL_INDENT)
            );
            if let Some(fix) = &check.fix {
                let _ = writeln!(
                    out,
                    "          fix: {}",
                    untrusted::block(fix, DETAIL_INDENT)
                );
            }
        }
        let _ = writeln!(
            out,
            "\n{} passed, {} warnings, {} failed, {} skipped in {} ms",
            self.count(Status::Pass),
            self.count(Status::Warn),
            self.count(Status::Fail),
            self.count(Status::Skipped),
            self.elapsed_ms
        );
        out
    }

    /// The checklist as pretty JSON.
    pub fn render_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_from_the_network_are_shown_escaped() {
        let report = Report {
            checks: vec![Check::problem(
                Area::Ldap,
                Status::Fail,
                "bind as svc",
                "the DC said: \u{1b}]52;c;ZXZpbA==\u{7}\nfaked: all checks passed",
                "check \u{202e}the account",
            )],
            elapsed_ms: 1,
        };
        let text = report.render_text();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(
            text.contains("\\u{1b}]52;c;ZXZpbA==\\u{7}\n          faked"),
            "{text}"
        );
        assert!(text.contains("fix: check \\u{202e}the account"), "{text}");
    }
}
