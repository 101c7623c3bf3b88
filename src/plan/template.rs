//! Commented plan templates printed by `adsso init`. Each `<placeholder>` must be replaced;
//! once they are, the template validates (a test fills them in and checks). `init --mode trust
//! --domains N` lists N self-managed domains (`<domain-1>`, `<NETBIOS-1>`,
//! `<domain-1-dns-ip-1>`...), each to get its own two-way trust.

use super::model::Mode;
use super::schema::SCHEMA_MODELINE;
use super::validate::DOMAIN_PREFIX_SIGN_IN_FROM;
use crate::text::domains as words;

const AD_CONNECTOR: &str = include_str!("../../assets/templates/ad-connector.yaml");
const TRUST: &str = include_str!("../../assets/templates/trust.yaml");

/// The most domains a template lists.
pub const DOMAINS_MAX: usize = words::INIT_DOMAINS_MAX;

/// The template for a mode, starting with the schema modeline. Simple AD has none: it is refused.
pub fn template(mode: Mode) -> Option<String> {
    let body = match mode {
        Mode::AdConnector => AD_CONNECTOR,
        Mode::Trust => TRUST,
        Mode::SimpleAd => return None,
    };
    Some(format!("{SCHEMA_MODELINE}\n{body}"))
}

/// Why there is no template for a mode and a number of domains.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateRefusal {
    /// Simple AD does not work with Identity Center.
    #[error("{}", crate::text::SIMPLE_AD_REFUSED)]
    SimpleAd,
    /// An AD Connector reaches one domain only.
    #[error("{}", words::connector_one_domain(*.0))]
    ConnectorOneDomain(usize),
    /// Zero domains, or more than [`DOMAINS_MAX`].
    #[error("--domains {}: {}", .0, words::init_domains_range())]
    Count(usize),
}

/// The template for `mode` listing `domains` self-managed domains: for one domain exactly
/// [`template`]; for several (trust mode only) the same plan with `selfManaged` as a list.
pub fn template_for(mode: Mode, domains: usize) -> Result<String, TemplateRefusal> {
    if !(1..=DOMAINS_MAX).contains(&domains) {
        return Err(TemplateRefusal::Count(domains));
    }
    match mode {
        Mode::AdConnector if domains > 1 => {
            return Err(TemplateRefusal::ConnectorOneDomain(domains));
        }
        Mode::SimpleAd => return Err(TemplateRefusal::SimpleAd),
        Mode::AdConnector | Mode::Trust => {}
    }
    let one = template(mode).ok_or(TemplateRefusal::SimpleAd)?;
    if domains == 1 {
        return Ok(one);
    }
    Ok(several(&one, domains))
}

/// The trust template with its `selfManaged` mapping replaced by a list of `count` domains.
fn several(one: &str, count: usize) -> String {
    let start = one.find("\nselfManaged:\n").map(|at| at + 1);
    let end = one.find("\nconnection:\n").map(|at| at + 1);
    let (Some(start), Some(end)) = (start, end) else {
        // The shipped template always has both keys (a test holds it); never print half a plan.
        return one.to_owned();
    };
    let mut list = String::from(
        "selfManaged:                        # one entry per domain: a two-way trust to each\n",
    );
    for n in 1..=count {
        list.push_str(&entry(n));
    }
    let (head, rest) = one.split_at(start);
    let (modeline, body) = head.split_once('\n').unwrap_or((head, ""));
    let comment = words::template_domains_comment(count, count >= DOMAIN_PREFIX_SIGN_IN_FROM);
    format!("{modeline}\n{comment}{body}{list}{}", &rest[end - start..])
}

/// One domain of the list; from the second on, with the optional trust override commented out.
fn entry(n: usize) -> String {
    let mut text = if n == 1 {
        format!(
            "  - domain: <domain-{n}>              # DNS name of a domain, e.g. corp.example.com\n    \
             netbiosName: <NETBIOS-{n}>        # 1-15 characters, e.g. CORP; each domain its own\n    \
             dnsServers: [<domain-{n}-dns-ip-1>, <domain-{n}-dns-ip-2>]   # its own DNS servers, 1-4 IPv4 (2 advised)\n"
        )
    } else {
        format!(
            "  - domain: <domain-{n}>\n    netbiosName: <NETBIOS-{n}>\n    \
             dnsServers: [<domain-{n}-dns-ip-1>, <domain-{n}-dns-ip-2>]\n"
        )
    };
    if n == 2 {
        text.push_str(
            "    # trust:                        # optional: this domain's trust, when it differs\n    \
             #   type: external              # forest | external\n    \
             #   selectiveAuth: false\n    \
             #   password: {env: ADSSO_TRUST_PASSWORD_2}   # set on this domain's side too\n",
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_domain_is_the_shipped_template() {
        for mode in [Mode::Trust, Mode::AdConnector] {
            assert_eq!(template_for(mode, 1).ok(), template(mode));
        }
    }

    #[test]
    fn the_number_of_domains_is_bounded_on_both_sides() {
        assert_eq!(template_for(Mode::Trust, 0), Err(TemplateRefusal::Count(0)));
        assert!(template_for(Mode::Trust, 1).is_ok());
        assert!(template_for(Mode::Trust, DOMAINS_MAX).is_ok());
        assert_eq!(
            template_for(Mode::Trust, DOMAINS_MAX + 1),
            Err(TemplateRefusal::Count(DOMAINS_MAX + 1))
        );
        assert_eq!(
            template_for(Mode::AdConnector, 0),
            Err(TemplateRefusal::Count(0))
        );
        assert_eq!(
            template_for(Mode::SimpleAd, 1),
            Err(TemplateRefusal::SimpleAd)
        );
    }

    #[test]
    fn an_ad_connector_template_has_one_domain_with_the_reason() {
        assert!(template_for(Mode::AdConnector, 1).is_ok());
        let refused = template_for(Mode::AdConnector, 2);
        assert_eq!(refused, Err(TemplateRefusal::ConnectorOneDomain(2)));
        let text = refused.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("one domain only"), "{text}");
        assert!(text.contains("--mode trust --domains"), "{text}");
    }

    #[test]
    fn several_domains_are_listed_with_numbered_placeholders() {
        for count in 2..=DOMAINS_MAX {
            let text = template_for(Mode::Trust, count).unwrap_or_default();
            assert!(text.starts_with(SCHEMA_MODELINE), "{text}");
            assert_eq!(text.matches("  - domain: <domain-").count(), count);
            for n in 1..=count {
                assert!(text.contains(&format!("<NETBIOS-{n}>")), "{n}: {text}");
                assert!(text.contains(&format!("<domain-{n}-dns-ip-2>")), "{n}");
            }
            assert!(!text.contains("  domain: <domain>"), "{text}");
            assert!(text.contains("\nconnection:\n  # Two-way trust"), "{text}");
            assert_eq!(
                text.contains("DOMAIN\\user"),
                count >= DOMAIN_PREFIX_SIGN_IN_FROM,
                "{count}"
            );
        }
    }
}
