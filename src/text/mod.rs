//! User-facing text in one place: rule explanations, refusals with their reasons, diagram labels.
//! Keeping it here keeps the wording consistent between `validate`, `diagram`, the wizard and
//! the README, and makes it reviewable in one read.

use crate::plan::rules::shown;

// ---- loading ---------------------------------------------------------------------------------

/// What a plan file may be.
pub const PLAN_TEXT_ALLOWED: &str = "a plan is UTF-8 YAML text (see `adsso init`)";
/// The file is too large to be a plan.
pub const PLAN_TOO_LARGE: &str = "a plan is at most 256 KiB";
/// The largest secret file.
pub const SECRET_FILE_TOO_LARGE: &str = "a secret file is at most 4 KiB";
/// The largest CA file.
pub const CA_FILE_TOO_LARGE: &str = "a CA file is at most 1 MiB";
/// The file is not UTF-8.
pub const PLAN_NOT_UTF8: &str = "the file is not UTF-8 text";
/// The file contains NUL bytes.
pub const PLAN_BINARY: &str = "the file contains binary data (a NUL byte)";
/// The file has no content.
pub const PLAN_EMPTY: &str = "the file is empty (no YAML content, only comments or blank lines)";
/// How to get a plan.
pub const PLAN_START_WITH_INIT: &str =
    "start from `adsso init --mode ad-connector` or `adsso init --mode trust`";

/// `selfManaged: []`.
pub const NO_DOMAINS: &str =
    "an empty list of domains; give at least one (domain, netbiosName, dnsServers)";

// ---- secrets ---------------------------------------------------------------------------------

/// The three ways to reference a secret.
pub const SECRET_FORMS: &str =
    "a secret reference: {env: NAME}, {file: PATH} (no group or other access) or {prompt: true}";
/// A literal secret was written (the value is never repeated).
pub const SECRET_LITERAL: &str = "a literal password is not allowed in a plan (the value is not shown); \
     use a secret reference: {env: NAME}, {file: PATH} (no group or other access) or {prompt: true}";
/// The reference is empty.
pub const SECRET_MISSING: &str = "the secret reference is empty; use {env: NAME}, {file: PATH} (no group or other access) or {prompt: true}";
/// A sequence instead of a reference.
pub const SECRET_NOT_A_MAP: &str = "a list is not a secret reference; use {env: NAME}, {file: PATH} (no group or other access) or {prompt: true}";
/// `{prompt: false}`.
pub const SECRET_PROMPT_FALSE: &str =
    "`prompt: false` gives no secret; use {prompt: true}, {env: NAME} or {file: PATH}";
/// An unknown key inside a secret reference (not shown: it may be a pasted secret).
pub const SECRET_UNKNOWN_KEY: &str = "unknown key in a secret reference (not shown); a secret reference is {env: NAME}, {file: PATH} (no group or other access) or {prompt: true}";
/// More than one source.
pub const SECRET_SEVERAL: &str =
    "a secret reference names exactly one source: {env: NAME}, {file: PATH} or {prompt: true}";
/// Allowed environment variable names.
pub const ENV_NAME_ALLOWED: &str =
    "an environment variable name: letters, digits and `_`, not starting with a digit";
/// Allowed file references.
pub const FILE_PATH_ALLOWED: &str = "a non-empty path to a file only you can access (no group or other access, e.g. mode 0600 or 0400)";

/// Asking a password at apply time.
pub fn type_password(what: &str) -> String {
    format!("{what}:")
}
/// Asking a new password the second time.
pub fn type_password_again(what: &str) -> String {
    format!("{what} (again, to confirm):")
}
/// The two entries of a new password differ (neither is shown).
pub fn password_mismatch(what: &str) -> String {
    format!("the two entries of the {what} do not match; type it again")
}
/// Nothing was typed.
pub fn password_empty(what: &str) -> String {
    format!("the {what} is empty; type it again")
}
/// A typed password breaks AWS's rule `problem` (the value is never shown).
pub fn password_refused(what: &str, problem: &str) -> String {
    format!("the {what} does not meet AWS's rules: {problem}; type another")
}

/// A size in words: "3.0 GiB (3221225472 bytes)", "262145 bytes".
pub fn describe_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    match UNITS.iter().find(|(_, unit)| bytes >= *unit) {
        Some((name, unit)) => {
            let tenths = bytes.saturating_mul(10) / unit;
            format!("{}.{} {name} ({bytes} bytes)", tenths / 10, tenths % 10)
        }
        None => format!("{bytes} bytes"),
    }
}

/// One line of `validate` about a secret: checked against AWS's rules, or left for apply.
pub fn secret_readiness(what: &str, reference: &str, checked: bool) -> String {
    if checked {
        format!("the {what} ({reference}) meets AWS's rules")
    } else {
        format!(
            "the {what} ({reference}) is not readable here without asking; apply checks it against AWS's rules before any call"
        )
    }
}

/// An account id written as a YAML number.
pub const ACCOUNT_ID_QUOTED: &str = "an account id must be quoted, e.g. \"012345678901\": unquoted, YAML \
     tools read it as a number (and drop a leading zero)";

/// A parser error in our words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseExplanation {
    /// What is wrong.
    pub problem: String,
    /// What is allowed instead.
    pub allowed: String,
    /// For a missing required key: its name (the diagnostic's path then ends with it).
    pub missing_key: Option<String>,
}

/// Explains a YAML parser or type error in our words.
///
/// The parser's message names the expected type or the valid keys; it is reworded for an
/// operator. The parser's source snippet is never used: it could show a secret.
pub fn explain_parse_error(message: &str) -> ParseExplanation {
    let message = strip_position_suffix(message);
    let explain = |problem: String, allowed: String| ParseExplanation {
        problem,
        allowed,
        missing_key: None,
    };
    if let Some((name, expected)) = split_expected(message, "unknown field `") {
        return explain(
            format!("unknown key {}", shown(name)),
            format!("allowed keys here: {expected}"),
        );
    }
    if let Some((name, expected)) = split_expected(message, "unknown variant `") {
        return explain(
            format!("{} is not allowed", shown(name)),
            format!("allowed values: {expected}"),
        );
    }
    if let Some(breach) = message.strip_prefix("budget breached: ") {
        let kind = breach.split([' ', '{', '(']).next().unwrap_or_default();
        return explain(
            format!("the document is too large or too complex ({kind})"),
            PLAN_LIMITS.into(),
        );
    }
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return ParseExplanation {
            problem: "this required key is missing".into(),
            allowed: "add it (`adsso init` prints a complete plan)".into(),
            missing_key: Some(name.to_owned()),
        };
    }
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        let key = key.split(", set ").next().unwrap_or(key);
        return explain(
            format!("the key {} appears twice", shown(key)),
            "each key once".into(),
        );
    }
    let (problem, allowed) = match message {
        "invalid boolean" => ("not a boolean", "true or false"),
        "expected mapping start" => (
            "expected keys and values here",
            "a mapping (`key: value` lines or `{key: value}`)",
        ),
        "expected sequence start" => ("expected a list here", "a list (`[a, b]` or `- a` lines)"),
        "expected string scalar" => (
            "expected a single value here",
            "text, a number or a name, not a list or mapping",
        ),
        other => (other, ""),
    };
    explain(shorten(problem), allowed.to_owned())
}

/// A parser message cut to a readable length (it may quote the input).
fn shorten(message: &str) -> String {
    const MAX: usize = 300;
    if message.chars().count() <= MAX {
        message.to_owned()
    } else {
        format!("{}…", message.chars().take(MAX).collect::<String>())
    }
}

/// The resource limits on plan files.
pub const PLAN_LIMITS: &str = "a plan is at most 256 KiB with at most 32 levels of nesting, 100 anchors and aliases and 20,000 nodes";

/// `unknown field `x`, expected one of a, b` -> (`x`, `a, b`).
fn split_expected<'a>(message: &'a str, prefix: &str) -> Option<(&'a str, &'a str)> {
    let rest = message.strip_prefix(prefix)?;
    let (name, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected one of ")
        .or_else(|| rest.split_once("expected "))
        .map_or("none", |(_, expected)| expected);
    Some((name, expected))
}

/// Removes a trailing " at line X, column Y" the parser adds (we print our own position).
fn strip_position_suffix(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].trim_end(),
        None => message.trim_end(),
    }
}

// ---- validation: what is allowed -------------------------------------------------------------

/// `metadata.name`.
pub const PLAN_NAME_ALLOWED: &str =
    "1-63 characters of a-z, 0-9 and `-` (it tags what apply creates)";
/// `aws.region`.
pub const REGION_ALLOWED: &str = "a Region AWS lists in one of its partitions (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, \
     aws-iso-e, aws-iso-f, aws-eusc), such as `us-east-1` or `eusc-de-east-1`: the Region of the Identity Center instance";
/// An ARN of another partition than the Region's.
pub const PARTITION_MATCHES_REGION: &str = "an ARN of the Region's partition (`arn:aws:` for `us-east-1`, `arn:aws-cn:` \
     for `cn-north-1`, `arn:aws-us-gov:` for `us-gov-west-1`, ...), or change `aws.region`";
/// Account ids.
pub const ACCOUNT_ALLOWED: &str = "a 12-digit AWS account id, quoted (\"123456789012\")";
/// Domain names.
pub const FQDN_ALLOWED: &str = "a fully qualified domain name with at least two labels (corp.example.com): \
     letters, digits, `-` inside labels, no trailing dot";
/// NetBIOS names.
pub const NETBIOS_ALLOWED: &str = "a NetBIOS name of 1-15 characters without spaces or any of \\ / : * ? \" < > |, not starting with `.`, not a name Windows reserves (NETWORK, SYSTEM, LOCAL, ...) (CORP)";
/// The DNS server list.
pub const DNS_SERVERS_ALLOWED: &str =
    "1 to 4 distinct IPv4 addresses of DNS servers for the domain (2 advised)";
/// One DNS server.
pub const DNS_SERVER_ALLOWED: &str =
    "an IPv4 address such as 10.0.0.10 (not loopback, link-local, multicast or 0.0.0.0)";
/// Only one DNS server.
pub const DNS_SERVERS_ADVICE: &str =
    "give two DNS servers so the directory survives the loss of one";
/// Public DNS server addresses in trust mode.
pub const PUBLIC_DNS_ADVICE: &str = "the Managed AD reaches public addresses only through IP routes (AddIpRoutes); prefer private addresses reached over VPN or Direct Connect";
/// VPC ids.
pub const VPC_ID_ALLOWED: &str = "a VPC id: `vpc-` and 8 or 17 hex digits (vpc-0123456789abcdef0)";
/// Subnet ids.
pub const SUBNET_ID_ALLOWED: &str =
    "a subnet id: `subnet-` and 8 or 17 hex digits (subnet-0123456789abcdef0)";
/// The subnet pair.
pub const SUBNETS_ALLOWED: &str =
    "exactly 2 distinct subnets of the VPC, in different Availability Zones";
/// Directory ids.
pub const DIRECTORY_ID_ALLOWED: &str = "a directory id: `d-` and 10 hex digits (d-0123456789)";
/// Service account names.
pub const SERVICE_ACCOUNT_ALLOWED: &str = "the account's sAMAccountName only: 1-20 letters, digits, `.`, `_`, `-` (svc-adconnector, not CORP\\svc or svc@corp.example.com)";
/// Connection modes.
pub const MODE_ALLOWED: &str = "`ad-connector` or `trust`";
/// Simple AD.
pub const SIMPLE_AD_REFUSED: &str =
    "Simple AD (Samba based) does not work with IAM Identity Center";
/// AD Connector with several domains.
pub const CONNECTOR_ONE_DOMAIN: &str = "an AD Connector reaches the users and groups of one domain only; \
for several domains or forests use `mode: trust` (an AWS Managed Microsoft AD with a two-way trust to each domain)";
/// Four or more trusted domains.
pub const DOMAIN_PREFIX_SIGN_IN: &str = "with four or more domains, Identity Center signs users in as \
`DOMAIN\\user` (the NetBIOS name first): tell your users before they sign in";
/// A per-domain trust override outside trust mode.
pub const DOMAIN_TRUST_ONLY: &str =
    "a domain's `trust:` (type, selectiveAuth, password) belongs to `mode: trust` only";
/// Two entries name the same domain.
pub const DOMAINS_DISTINCT: &str = "each domain is listed once (one trust per domain)";
/// Two entries share a NetBIOS name.
pub const NETBIOS_DISTINCT: &str =
    "each domain has its own NetBIOS name; trusts fail when NetBIOS names overlap";
/// Two entries list the same DNS servers.
pub const DNS_SERVER_SETS_DISTINCT: &str = "each domain lists the DNS servers that answer for it \
(its conditional forwarder); two domains with the same servers are likely a copy-paste slip";
/// A child domain of a forest-trusted forest.
pub const CHILD_DOMAIN_COVERED: &str = "a forest trust already reaches the child domains of its forest: \
remove this entry (or make it an external trust with `trust: {type: external}`)";
/// AD Connector section required.
pub const AD_CONNECTOR_REQUIRED: &str =
    "add `connection.adConnector` (size, vpcId, subnetIds, serviceAccount)";
/// Trust section required.
pub const TRUST_REQUIRED: &str = "add `connection.trust` (direction, type, password, managedAd)";
/// Only the section of the mode.
pub const ONE_SECTION_PER_MODE: &str = "keep only the section that matches `connection.mode`";
/// Trust directions.
pub const DIRECTION_ALLOWED: &str = "only `two-way` works with IAM Identity Center";
/// One-way outgoing.
pub const ONE_WAY_OUTGOING_REFUSED: &str = "a one-way outgoing trust (the AWS domain trusts the self-managed one, \
     not the reverse) lets users sign in but breaks sync: IAM Identity Center cannot read the self-managed users and groups";
/// One-way incoming.
pub const ONE_WAY_INCOMING_REFUSED: &str = "a one-way incoming trust (the self-managed domain trusts the AWS one, \
     not the reverse) lets IAM Identity Center read users and groups but breaks sign-in: self-managed users cannot authenticate to AWS";
/// existingDirectoryId / create.
pub const MANAGED_AD_ONE_OF: &str = "set exactly one of `existingDirectoryId` (a Managed Microsoft AD you have) or `create` (a new one)";
/// Managed AD domain name.
pub const MANAGED_DOMAIN_DIFFERS: &str =
    "the AWS Managed Microsoft AD needs its own domain name (aws.corp.example.com)";
/// Managed AD NetBIOS name.
pub const MANAGED_NETBIOS_DIFFERS: &str =
    "the two NetBIOS names of a trust must differ (AWSCORP and CORP)";
/// Instance ARN.
pub const INSTANCE_ARN_ALLOWED: &str = "arn:PARTITION:sso:::instance/ssoins-<16 characters> (PARTITION aws, aws-cn, \
     aws-us-gov, aws-eusc, ...), or leave it out to discover it";
/// Permission set names.
pub const PERMISSION_SET_NAME_ALLOWED: &str =
    "1-32 characters of letters, digits and + = , . @ _ -";
/// Permission set names are unique.
pub const PERMISSION_SET_UNIQUE: &str = "each permission set name appears once";
/// existing: true.
pub const EXISTING_PERMISSION_SET: &str = "an existing permission set is only referenced: remove `sessionDuration`, `managedPolicies`, `inlinePolicy`, `description`, `relayState`, `customerManagedPolicies`, `permissionsBoundary` and `tags`, or `existing: true`";
/// Session durations.
pub const SESSION_DURATION_ALLOWED: &str =
    "an ISO 8601 duration from PT1H to PT12H of at most 100 characters (PT8H, PT1H30M, PT3600.5S)";
/// Managed policies.
pub const MANAGED_POLICY_ALLOWED: &str = "distinct AWS managed policy ARNs of 20-2048 characters: \
     arn:PARTITION:iam::aws:policy/[PATH/]NAME (PARTITION aws, aws-cn, aws-us-gov, aws-eusc, ...; no empty path segment)";
/// Too many managed policies.
pub const MANAGED_POLICY_COUNT: &str = "at most 20 managed policies per permission set";
/// Inline policies.
pub const INLINE_POLICY_ALLOWED: &str = "an identity-based IAM policy as JSON text of 1-32768 characters, at most 10240 \
     of them not white space (tab, newline and U+0020-U+00FF only): only the keys `Version` (2012-10-17 or 2008-10-17), `Id` and \
     `Statement` (an object or a non-empty array of objects); each statement has `Effect` Allow or Deny, \
     `Action` or `NotAction`, `Resource` or `NotResource`, and no `Principal` or `NotPrincipal`";
/// Group names.
pub const GROUP_ALLOWED: &str = "the name of a group in the self-managed AD that is in the sync scope: \
     1-256 characters, no control characters";
/// Assignment references.
pub const PERMISSION_SET_REFERENCE: &str = "the name of a permission set under `identityCenter.permissionSets` (add it, with `existing: true` if it already exists)";
/// Assignment accounts.
pub const ACCOUNTS_ALLOWED: &str = "distinct 12-digit AWS account ids, quoted";
/// Tag count.
pub const TAGS_COUNT_ALLOWED: &str = "at most 49 tags (AWS allows 50 and adsso adds `adsso:plan`)";
/// A `.` in a new NetBIOS name.
pub const NETBIOS_DOT_ADVICE: &str = "Microsoft advises against `.` in NetBIOS domain names (it can break \
     name resolution and trusts): prefer letters, digits and `-`";
/// Tag keys.
pub const TAG_KEY_ALLOWED: &str = "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with `aws:` and not `adsso:plan`";
/// Tag values.
pub const TAG_VALUE_ALLOWED: &str =
    "a tag value of 0-256 letters, digits, spaces and _ . : / = + - @";

/// `text` with the `FILE` placeholder of the advice it holds (`adsso status FILE`) replaced
/// by the plan file the command was given, escaped and quoted for a POSIX shell when it needs
/// it. Without a file, or for a path that is not plain text, `FILE` stays.
pub fn with_plan_file(text: &str, file: Option<&std::path::Path>) -> String {
    let Some(file) = file.and_then(std::path::Path::to_str) else {
        return text.to_owned();
    };
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c);
    let shown = if !file.is_empty() && file.chars().all(plain) {
        file.to_owned()
    } else {
        format!("'{}'", untrusted::line(file).replace('\'', r"'\''"))
    };
    [" FILE`", " FILE "]
        .iter()
        .fold(text.to_owned(), |text, pattern| {
            text.replace(pattern, &pattern.replace("FILE", &shown))
        })
}

pub mod apply;
pub mod aws;
pub mod checks;
pub mod cost;
pub mod diagram;
pub mod doctor;
pub mod doctor_aws;
pub mod domains;
pub mod ec2;
pub mod flags;
pub mod import;
mod permission_sets;
pub mod plain;
pub mod preflight;
pub mod preflight_deep;
pub mod secret_fields;
pub mod targets;
pub mod untrusted;

pub use targets::*;
pub mod wizard;

pub use permission_sets::*;

#[cfg(test)]
mod wording_tests;

#[cfg(test)]
mod size_tests {
    use super::describe_size;

    #[test]
    fn sizes_are_shown_with_their_exact_byte_count() {
        assert_eq!(describe_size(0), "0 bytes");
        assert_eq!(describe_size(1023), "1023 bytes");
        assert_eq!(describe_size(262_145), "256.0 KiB (262145 bytes)");
        assert_eq!(describe_size(3 << 30), "3.0 GiB (3221225472 bytes)");
        assert_eq!(describe_size(1_572_864), "1.5 MiB (1572864 bytes)");
    }
}
