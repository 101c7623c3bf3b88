//! Words of the per-domain tools: `--domain` of `onprem-script` and `preflight`, the domain
//! headings of a preflight report of several domains, and `init --domains`.

use super::untrusted;

/// The most domains `init --domains` lists (a plan may list more: add entries by hand).
pub const INIT_DOMAINS_MAX: usize = 10;

/// `--domain D` names no domain of the plan. Both the value and the plan's names are shown
/// escaped.
pub fn unknown_domain(given: &str, known: &[&str]) -> String {
    let names = known
        .iter()
        .map(|name| format!("`{}`", untrusted::line(name)))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "--domain `{}` is not a domain of the plan; its domains: {names}",
        untrusted::line(given)
    )
}

/// The help under [`unknown_domain`].
pub const UNKNOWN_DOMAIN_HELP: &str = "give one of the plan's `selfManaged` domain names (without case), or leave out --domain for every domain";

/// `init --mode ad-connector --domains N` with N above one.
pub fn connector_one_domain(count: usize) -> String {
    format!(
        "--domains {count}: {}",
        super::CONNECTOR_ONE_DOMAIN
            .replace("`mode: trust`", "`adsso init --mode trust --domains N`")
    )
}

/// `init --domains N` with N out of range.
pub fn init_domains_range() -> String {
    format!(
        "a template lists 1-{INIT_DOMAINS_MAX} domains; a plan may list more (add entries to `selfManaged` by hand)"
    )
}

/// The heading of one domain's checks in a preflight report of several domains.
pub fn preflight_domain_heading(domain: &str) -> String {
    format!("══ {} ══", untrusted::line(domain))
}

/// An area heading inside one domain's checks: `DNS · corp.example.com`.
pub fn preflight_area_heading(area: &str, domain: &str) -> String {
    format!("{area} · {}", untrusted::line(domain))
}

/// One domain's tally at the end of a preflight report of several domains.
pub fn preflight_domain_tally(
    domain: &str,
    passed: usize,
    warnings: usize,
    failed: usize,
    skipped: usize,
) -> String {
    let verdict = if failed == 0 { "ready" } else { "NOT ready" };
    format!(
        "{}: {verdict} ({passed} passed, {warnings} warnings, {failed} failed, {skipped} skipped)",
        untrusted::line(domain)
    )
}

/// The header comment of an `init --domains N` trust template; `domain_prefix` when users of
/// that many domains sign in as `DOMAIN\user`.
pub fn template_domains_comment(count: usize, domain_prefix: bool) -> String {
    let mut comment = format!(
        "# {count} self-managed domains: the Managed AD gets a two-way trust to each (one `CreateTrust`\n\
         # each, and `adsso onprem-script FILE --domain D` for each domain's DCs). A forest trust already\n\
         # reaches the child domains of its forest: list forest roots, or other domains as external trusts.\n"
    );
    if domain_prefix {
        comment.push_str(
            "# With four or more domains, Identity Center signs users in as DOMAIN\\user.\n",
        );
    }
    comment
}
