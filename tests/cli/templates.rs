//! `adsso init`: every template starts with the schema modeline, does not validate with its
//! `<placeholder>`s, and validates (and draws) once they are filled: one domain per mode, and
//! `--mode trust --domains N` with numbered placeholders; `--domains` bounded on both sides and
//! refused for an AD Connector (one domain only).

use std::path::Path;

use crate::support::{adsso, temp_plan};

/// Sensible values for every `<placeholder>` of the `init` templates.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("<plan-name>", "corp-sso"),
    ("<region>", "eu-central-1"),
    ("<account-id>", "123456789012"),
    ("<domain>", "corp.example.com"),
    ("<NETBIOS>", "CORP"),
    ("<dns-ip-1>", "10.0.0.10"),
    ("<dns-ip-2>", "10.0.0.11"),
    ("<aws-domain>", "aws.corp.example.com"),
    ("<AWS-NETBIOS>", "AWSCORP"),
    ("<vpc-id>", "vpc-0123456789abcdef0"),
    ("<subnet-id-1>", "subnet-0123456789abcdef0"),
    ("<subnet-id-2>", "subnet-0fedcba9876543210"),
    ("<service-account>", "svc-adconnector"),
    ("<ad-group>", "AWS-SSO-Users"),
    ("<team>", "platform-team"),
];

/// The `<placeholder>`s left in `text`.
fn placeholders_left(text: &str) -> Vec<String> {
    let mut left = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        match after.find('>') {
            Some(end)
                if end > 0
                    && after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                left.push(format!("<{}>", &after[..end]));
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    left
}

/// Test values for the numbered placeholders of `init --domains N`: distinct per domain.
fn numbered(text: &str, count: usize) -> String {
    let mut filled = text.to_owned();
    for n in 1..=count {
        for (placeholder, value) in [
            (format!("<domain-{n}-dns-ip-1>"), format!("10.{n}.0.10")),
            (format!("<domain-{n}-dns-ip-2>"), format!("10.{n}.0.11")),
            (format!("<domain-{n}>"), format!("forest{n}.example.net")),
            (format!("<NETBIOS-{n}>"), format!("FOREST{n}")),
        ] {
            filled = filled.replace(&placeholder, &value);
        }
    }
    filled
}

/// `init --mode MODE --domains N`'s template with every placeholder filled.
pub(crate) fn filled_template(mode: &str, domains: usize) -> String {
    let count = domains.to_string();
    let run = adsso(["init", "--mode", mode, "--domains", &count]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    fill(&run.stdout, domains)
}

/// `template` with the test value of each placeholder.
fn fill(template: &str, domains: usize) -> String {
    let mut filled = numbered(template, domains);
    for (placeholder, value) in PLACEHOLDERS {
        filled = filled.replace(placeholder, value);
    }
    filled
}

/// `init --mode MODE --domains N` prints a template that does not validate as printed and
/// validates (and draws) once its placeholders are filled.
fn check_template(mode: &str, domains: usize) {
    let count = domains.to_string();
    let run = adsso(["init", "--mode", mode, "--domains", &count]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    let template = run.stdout;
    assert!(
        template.starts_with("# yaml-language-server: $schema="),
        "init --mode {mode} must start with the schema modeline:\n{template}"
    );
    assert!(!placeholders_left(&template).is_empty());

    let (_dir, raw) = temp_plan("raw.yaml", template.as_bytes());
    let run = adsso([Path::new("validate"), &raw]);
    assert_eq!(
        run.code,
        Some(2),
        "the template with its placeholders must not validate: {}",
        run.all_output()
    );
    assert!(!run.panicked(), "{}", run.stderr);

    let filled = fill(&template, domains);
    let left = placeholders_left(&filled);
    assert!(
        left.is_empty(),
        "placeholders without a test value: {left:?}"
    );
    let (_dir, path) = temp_plan("filled.yaml", filled.as_bytes());
    let run = adsso([Path::new("validate"), &path]);
    assert_eq!(
        run.code,
        Some(0),
        "the filled template must validate:\n{filled}\n{}",
        run.all_output()
    );
    let run = adsso([Path::new("diagram"), &path]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    for n in 1..=domains.max(2) {
        assert_eq!(
            run.stdout.contains(&format!("forest{n}.example.net")),
            domains > 1 && n <= domains,
            "{}",
            run.stdout
        );
    }
}

#[test]
fn init_trust_template_validates_once_filled() {
    check_template("trust", 1);
}

#[test]
fn init_trust_templates_of_several_domains_validate_once_filled() {
    for domains in [2, 4, 10] {
        check_template("trust", domains);
    }
}

#[test]
fn init_without_domains_is_the_one_domain_template() {
    let plain = adsso(["init", "--mode", "trust"]);
    let one = adsso(["init", "--mode", "trust", "--domains", "1"]);
    assert_eq!(plain.code, Some(0));
    assert_eq!(plain.stdout, one.stdout);
    assert!(plain.stdout.contains("\nselfManaged:\n  domain: <domain>"));
}

#[test]
fn init_domains_is_bounded_on_both_sides() {
    for (count, code) in [
        ("0", 2),
        ("1", 0),
        ("10", 0),
        ("11", 2),
        ("-1", 2),
        ("many", 2),
    ] {
        let run = adsso(["init", "--mode", "trust", "--domains", count]);
        assert_eq!(
            run.code,
            Some(code),
            "--domains {count}: {}",
            run.all_output()
        );
        assert!(!run.panicked(), "{}", run.stderr);
        if code == 2 && count.parse::<u32>().is_ok() {
            assert!(run.stderr.contains("1-10 domains"), "{}", run.stderr);
            assert!(run.stdout.is_empty());
        }
    }
}

#[test]
fn init_refuses_an_ad_connector_of_several_domains_with_the_reason() {
    let run = adsso(["init", "--mode", "ad-connector", "--domains", "2"]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let said = said(&run.stderr);
    assert!(said.contains("one domain only"), "{said}");
    assert!(said.contains("--mode trust --domains N"), "{said}");
}

#[test]
fn init_ad_connector_template_validates_once_filled() {
    check_template("ad-connector", 1);
}

/// What miette said, as one line: its wrapping and the `│` margin it draws removed.
fn said(stderr: &str) -> String {
    stderr
        .split_whitespace()
        .filter(|word| *word != "│")
        .collect::<Vec<_>>()
        .join(" ")
}
