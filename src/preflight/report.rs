//! The preflight checklist: one [`Check`] per thing verified, each pass / warn / fail / skipped,
//! with the likely fix for failures, and the domain it is about; rendered as text or JSON. A
//! report of one domain reads as it always did; one of several is grouped by domain, each group
//! headed by its domain, with a verdict per domain.

use std::fmt::Write;

use serde::Serialize;

use crate::text::domains as words;
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
    /// The self-managed domain checked (its DNS name, as the plan writes it); set by the run.
    pub domain: String,
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
            domain: String::new(),
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
            domain: String::new(),
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
            domain: String::new(),
            area,
            title: title.into(),
            status,
            detail: detail.into(),
            fix: Some(fix.into()),
        }
    }

    /// The same check, about `domain`.
    pub fn about(mut self, domain: &str) -> Self {
        domain.clone_into(&mut self.domain);
        self
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

    /// The domains checked, in the order of the report (the plan's order).
    pub fn domains(&self) -> Vec<&str> {
        let mut domains: Vec<&str> = Vec::new();
        for check in &self.checks {
            if !domains.contains(&check.domain.as_str()) {
                domains.push(&check.domain);
            }
        }
        domains
    }

    /// The checks of `domain`.
    fn of<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Check> + 'a {
        self.checks
            .iter()
            .filter(move |check| check.domain == domain)
    }

    /// The checklist as text: for one domain by area; for several, by domain then area, with
    /// each domain's verdict before the totals.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let domains = self.domains();
        if domains.len() <= 1 {
            render_checks(&mut out, self.checks.iter(), None);
        } else {
            for domain in &domains {
                let _ = writeln!(out, "\n{}", words::preflight_domain_heading(domain));
                render_checks(&mut out, self.of(domain), Some(domain));
            }
            out.push('\n');
            for domain in &domains {
                let count = |status| self.of(domain).filter(|c| c.status == status).count();
                let _ = writeln!(
                    out,
                    "{}",
                    words::preflight_domain_tally(
                        domain,
                        count(Status::Pass),
                        count(Status::Warn),
                        count(Status::Fail),
                        count(Status::Skipped)
                    )
                );
            }
        }
        let _ = writeln!(
            out,
            "{}{} passed, {} warnings, {} failed, {} skipped in {} ms",
            if domains.len() <= 1 { "\n" } else { "" },
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

/// Writes `checks` under area headings (naming `domain` when the report has several).
fn render_checks<'a>(
    out: &mut String,
    checks: impl Iterator<Item = &'a Check>,
    domain: Option<&str>,
) {
    let mut area = None;
    for check in checks {
        if area != Some(check.area) {
            area = Some(check.area);
            let heading = match domain {
                Some(domain) => words::preflight_area_heading(check.area.title(), domain),
                None => check.area.title().to_owned(),
            };
            let _ = writeln!(out, "\n{heading}");
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

    fn two_domains() -> Report {
        Report {
            checks: vec![
                Check::pass(Area::Dns, "DNS 10.0.0.10 over UDP", "SRV found")
                    .about("corp.example.com"),
                Check::pass(Area::Ports, "dc1 TCP 88", "open").about("corp.example.com"),
                Check::problem(
                    Area::Dns,
                    Status::Fail,
                    "DNS 10.1.0.10 over UDP",
                    "no answer",
                    "check routes",
                )
                .about("emea.example.net"),
                Check::skipped(Area::Ports, "domain controllers", "skipped")
                    .about("emea.example.net"),
            ],
            elapsed_ms: 7,
        }
    }

    #[test]
    fn one_domain_reads_as_before_without_domain_headings() {
        let report = Report {
            checks: vec![
                Check::pass(Area::Dns, "DNS 10.0.0.10 over UDP", "SRV found")
                    .about("corp.example.com"),
                Check::pass(Area::Ports, "dc1 TCP 88", "open").about("corp.example.com"),
            ],
            elapsed_ms: 3,
        };
        assert_eq!(
            report.render_text(),
            "\nDNS\n  ✓ pass  DNS 10.0.0.10 over UDP: SRV found\n\nPorts on the domain controllers\n  \
             ✓ pass  dc1 TCP 88: open\n\n2 passed, 0 warnings, 0 failed, 0 skipped in 3 ms\n"
        );
        assert_eq!(report.domains(), ["corp.example.com"]);
    }

    #[test]
    fn several_domains_are_grouped_each_check_under_its_domain() {
        let report = two_domains();
        let text = report.render_text();
        let corp = text.find("══ corp.example.com ══").unwrap_or(usize::MAX);
        let emea = text.find("══ emea.example.net ══").unwrap_or(usize::MAX);
        assert!(corp < emea && emea < text.len(), "{text}");
        let (first, second) = text.split_at(emea);
        assert!(
            first.contains("DNS · corp.example.com\n  ✓ pass  DNS 10.0.0.10"),
            "{text}"
        );
        assert!(!first.contains("10.1.0.10"), "{text}");
        assert!(
            second.contains("DNS · emea.example.net\n  ✗ FAIL  DNS 10.1.0.10"),
            "{text}"
        );
        assert!(
            second.contains("corp.example.com: ready (2 passed, 0 warnings, 0 failed, 0 skipped)"),
            "{text}"
        );
        assert!(
            second.contains(
                "emea.example.net: NOT ready (0 passed, 0 warnings, 1 failed, 1 skipped)"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("2 passed, 0 warnings, 1 failed, 1 skipped in 7 ms\n"),
            "{text}"
        );
        assert!(!report.passed());
    }

    #[test]
    fn the_json_names_the_domain_of_every_check() {
        let json: serde_json::Value =
            serde_json::from_str(&two_domains().render_json()).unwrap_or_default();
        let domains: Vec<&str> = json["checks"]
            .as_array()
            .map(|checks| checks.iter().filter_map(|c| c["domain"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            domains,
            [
                "corp.example.com",
                "corp.example.com",
                "emea.example.net",
                "emea.example.net"
            ]
        );
        assert_eq!(json["checks"][2]["status"], "fail");
    }

    #[test]
    fn a_domain_heading_shows_a_hostile_name_escaped() {
        let report = Report {
            checks: vec![
                Check::pass(Area::Dns, "a", "b").about("corp.example.com"),
                Check::pass(Area::Dns, "a", "b").about("evil\u{1b}[2J.example.com"),
            ],
            elapsed_ms: 1,
        };
        let text = report.render_text();
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("evil\\u{1b}[2J.example.com"), "{text}");
    }
}
