//! A [`Report`] as text (grouped by domain, then area, each line with its check id) or as JSON.
//! Subjects, details and fixes quote DNS, LDAP and AWS answers: the text shows them escaped.

use std::fmt::Write;

use super::{Check, Report, Status};
use crate::text::checks as words;
use crate::text::domains as domain_words;
use crate::text::untrusted;

/// How far the continuation lines of a check's detail are indented.
const DETAIL_INDENT: &str = "          ";

impl Report {
    /// The checklist as text: for one domain by area; for several, by domain then area, with
    /// each domain's verdict before the totals. Checks about no domain come first.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let domains = self.domains();
        let general = self.checks.iter().filter(|check| check.domain.is_empty());
        if domains.len() <= 1 {
            render_checks(&mut out, general, None);
            let of_domain = self.checks.iter().filter(|check| !check.domain.is_empty());
            render_checks(&mut out, of_domain, None);
        } else {
            render_checks(&mut out, general, None);
            for domain in &domains {
                let _ = writeln!(out, "\n{}", domain_words::preflight_domain_heading(domain));
                render_checks(&mut out, self.of(domain), Some(domain));
            }
            out.push('\n');
            for domain in &domains {
                let count = |status| self.of(domain).filter(|c| c.status == status).count();
                let _ = writeln!(
                    out,
                    "{}",
                    domain_words::preflight_domain_tally(
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
            "{}{}",
            if domains.len() <= 1 { "\n" } else { "" },
            words::totals(
                self.count(Status::Pass),
                self.count(Status::Warn),
                self.count(Status::Fail),
                self.count(Status::Skipped),
                self.elapsed_ms
            )
        );
        out
    }

    /// The checklist as pretty JSON: `{"checks": [{"id", "domain", "status", "subject",
    /// "detail", "fix"}], "elapsed_ms"}`.
    pub fn render_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// The checks of `domain`.
    fn of<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Check> + 'a {
        self.checks
            .iter()
            .filter(move |check| check.domain == domain)
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
        if area != Some(check.area()) {
            area = Some(check.area());
            let title = words::area_title(check.area());
            let heading = match domain {
                Some(domain) => domain_words::preflight_area_heading(title, domain),
                None => title.to_owned(),
            };
            let _ = writeln!(out, "\n{heading}");
        }
        let _ = writeln!(
            out,
            "  {}  [{}] {}: {}",
            words::mark(check.status),
            check.id,
            untrusted::line(&check.subject),
            untrusted::block(&check.detail, DETAIL_INDENT)
        );
        if let Some(fix) = &check.fix {
            let _ = writeln!(
                out,
                "{DETAIL_INDENT}fix: {}",
                untrusted::block(fix, DETAIL_INDENT)
            );
        }
    }
}
