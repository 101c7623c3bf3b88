//! Words of the diagrams: box titles, arrow labels, legends and notes.

/// Identity Center box.
pub const IDENTITY_CENTER: &str = "IAM Identity Center";
/// Managed AD box.
pub const MANAGED_AD: &str = "AWS Managed Microsoft AD";
/// AD Connector box.
pub const AD_CONNECTOR: &str = "AD Connector";
/// Self-managed box.
pub const SELF_MANAGED: &str = "Self-managed AD";
/// Instance not pinned in the plan.
pub const INSTANCE_DISCOVERED: &str = "instance found at apply time";
/// Existing directory without a known domain name.
pub const EXISTING_DIRECTORY: &str = "the existing Managed AD";
/// Neither existing nor create.
pub const NOT_CHOSEN: &str = "not chosen yet";
/// Trust arrow label.
pub const TRUSTS: &str = "trusts";
/// Sign-in access label.
pub const SIGN_IN: &str = "sign-in";
/// Sync access label.
pub const SYNC: &str = "sync";
/// Identity source arrow label.
pub const IDENTITY_SOURCE: &str = "identity source";
/// Identity source arrow legend.
pub const IDENTITY_SOURCE_SWITCH: &str = "identity source: set in the Identity Center console (switching deletes its existing users, groups and assignments)";
/// Forwarder label.
pub const FORWARDER: &str = "DNS forwarder";
/// Connector traffic label.
pub const CONNECTOR_TRAFFIC: &str = "DNS 53 · Kerberos 88 · LDAP 389 (TCP+UDP)";
/// Incomplete plan.
pub const INCOMPLETE_HEADLINE: &str = "Incomplete plan: no supported connection to draw";
/// Incomplete plan note.
pub const INCOMPLETE_NOTE: &str = "Choose `mode: trust` with `connection.trust` or `mode: ad-connector` with `connection.adConnector`.";

/// Notes for the trust design.
pub const TRUST_NOTES: &[&str] = &[
    "Users and groups stay in your AD; Identity Center reads them through the trust.",
    "Sync groups that live in your domain: members of Managed AD groups that come from the trusted domain are not synced.",
    "Open the Managed AD's security group OUTBOUND to your DNS servers and DCs (the usual \"domain could not be contacted\").",
];
/// Notes for the AD Connector design.
pub const CONNECTOR_NOTES: &[&str] = &[
    "Nothing is cached in AWS: every sign-in is proxied to your domain controllers.",
    "Password resets happen in AD only, not from the AWS access portal.",
    "One domain only: several domains or forests need a two-way trust with a Managed AD.",
];

/// Headline of a trust diagram; `direction` is `two-way`, `one-way outgoing`...
pub fn trust_headline(direction: &str, kind: &str, plan: &str, region: &str) -> String {
    let direction = match direction {
        "two-way" => "Two-way".to_owned(),
        other => format!("{} (refused)", capitalise(other)),
    };
    format!("{direction} {kind} trust · plan {plan} · {region}")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
/// Headline of an AD Connector diagram.
pub fn connector_headline(plan: &str, region: &str) -> String {
    format!("AD Connector · plan {plan} · {region}")
}
/// Headline of a trust diagram of several domains.
pub fn trusts_headline(direction: &str, domains: usize, plan: &str, region: &str) -> String {
    let direction = match direction {
        "two-way" => "Two-way".to_owned(),
        other => format!("{} (refused)", capitalise(other)),
    };
    format!("{direction} trusts with {domains} self-managed domains · plan {plan} · {region}")
}
/// `a trusts b (forest trust)`, with several domains.
pub fn trusts_typed(truster: &str, trusted: &str, kind: &str) -> String {
    format!("{truster} trusts {trusted} ({kind} trust)")
}
/// The label of a trust arrow with several domains: `trusts (external)`.
pub fn trusts_label(kind: &str) -> String {
    format!("trusts ({kind})")
}
/// The on-prem forwarder of one of several domains.
pub fn onprem_forwarder_of(domain: &str, aws_domain: &str) -> String {
    format!(
        "on the DNS servers of {domain} (adsso onprem-script --domain {domain}): {aws_domain} → the Managed AD's DNS IPs"
    )
}
/// Notes for a trust diagram of several domains; `domain_prefix` from four domains on.
pub fn several_domains_notes(domain_prefix: bool) -> Vec<String> {
    let mut notes = vec![
        "Each domain's DCs run their own side of its trust: `adsso onprem-script FILE --domain D`.".to_owned(),
        "A forest trust already reaches the child domains of its forest: list forest roots, or other domains as external trusts.".to_owned(),
    ];
    if domain_prefix {
        notes.push(
            "With four or more domains, Identity Center signs users in as DOMAIN\\user (the NetBIOS name first)."
                .to_owned(),
        );
    }
    notes
}
/// `a trusts b`.
pub fn trusts(truster: &str, trusted: &str) -> String {
    format!("{truster} trusts {trusted}")
}
/// Sign-in access.
pub fn sign_in(domain: &str) -> String {
    format!("sign-in: users of {domain} authenticate to AWS")
}
/// Sync access.
pub fn sync(domain: &str) -> String {
    format!("sync: IAM Identity Center reads users and groups of {domain}")
}
/// What breaks without the AWS -> self-managed trust.
pub fn sign_in_breaks(domain: &str) -> String {
    format!("sign-in breaks: users of {domain} cannot authenticate to AWS")
}
/// What breaks without the self-managed -> AWS trust.
pub fn sync_breaks(domain: &str) -> String {
    format!("sync breaks: IAM Identity Center cannot read users and groups of {domain}")
}
/// The AWS-side forwarder.
pub fn aws_forwarder(domain: &str, dns: &str) -> String {
    format!("on the Managed AD (apply creates it): {domain} → {dns}")
}
/// The on-prem forwarder.
pub fn onprem_forwarder(aws_domain: &str) -> String {
    format!("on your DNS servers (adsso onprem-script): {aws_domain} → the Managed AD's DNS IPs")
}
/// AD Connector traffic.
pub fn connector_traffic(domain: &str) -> String {
    format!(
        "from both connector subnets to the DCs of {domain}: DNS 53, Kerberos 88, LDAP 389, TCP and UDP"
    )
}
