use super::*;

#[test]
fn answers_from_the_network_are_shown_escaped() {
    let report = Report {
        checks: vec![Check::problem(
            CheckId::LdapBind,
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
            Check::pass(CheckId::DnsServer, "DNS 10.0.0.10 over UDP", "SRV found")
                .about("corp.example.com"),
            Check::pass(CheckId::PortsTcp, "dc1 TCP 88", "open").about("corp.example.com"),
            Check::problem(
                CheckId::DnsServer,
                Status::Fail,
                "DNS 10.1.0.10 over UDP",
                "no answer",
                "check routes",
            )
            .about("emea.example.net"),
            Check::skipped(CheckId::PortsTcp, "domain controllers", "skipped")
                .about("emea.example.net"),
        ],
        elapsed_ms: 7,
    }
}

#[test]
fn one_domain_reads_by_area_each_line_with_its_id() {
    let report = Report {
        checks: vec![
            Check::pass(CheckId::DnsServer, "DNS 10.0.0.10 over UDP", "SRV found")
                .about("corp.example.com"),
            Check::pass(CheckId::PortsTcp, "dc1 TCP 88", "open").about("corp.example.com"),
        ],
        elapsed_ms: 3,
    };
    assert_eq!(
        report.render_text(),
        "\nDNS\n  ✓ pass  [dns.server] DNS 10.0.0.10 over UDP: SRV found\n\nPorts on the domain \
         controllers\n  ✓ pass  [ports.tcp] dc1 TCP 88: open\n\n2 passed, 0 warnings, 0 failed, \
         0 skipped in 3 ms\n"
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
        first.contains("DNS · corp.example.com\n  ✓ pass  [dns.server] DNS 10.0.0.10"),
        "{text}"
    );
    assert!(!first.contains("10.1.0.10"), "{text}");
    assert!(
        second.contains("DNS · emea.example.net\n  ✗ FAIL  [dns.server] DNS 10.1.0.10"),
        "{text}"
    );
    assert!(
        second.contains("corp.example.com: ready (2 passed, 0 warnings, 0 failed, 0 skipped)"),
        "{text}"
    );
    assert!(
        second.contains("emea.example.net: NOT ready (0 passed, 0 warnings, 1 failed, 1 skipped)"),
        "{text}"
    );
    assert!(
        text.ends_with("2 passed, 0 warnings, 1 failed, 1 skipped in 7 ms\n"),
        "{text}"
    );
    assert!(!report.passed());
}

#[test]
fn checks_about_no_domain_come_first_without_a_domain_heading() {
    let mut report = two_domains();
    report.checks.insert(
        0,
        Check::problem(
            CheckId::DirectoryStage,
            Status::Warn,
            "d-1234567890",
            "Impaired",
            "wait",
        ),
    );
    let text = report.render_text();
    let stage = text.find("[directory.stage]").unwrap_or(usize::MAX);
    let corp = text.find("══ corp.example.com ══").unwrap_or(0);
    assert!(stage < corp, "{text}");
    assert!(text.starts_with("\nAWS directory\n  ! warn"), "{text}");
    assert_eq!(report.domains(), ["corp.example.com", "emea.example.net"]);
}

#[test]
fn the_json_has_the_issue_field_names_and_the_domain_of_every_check() {
    let json: serde_json::Value =
        serde_json::from_str(&two_domains().render_json()).unwrap_or_default();
    let checks = json["checks"].as_array().cloned().unwrap_or_default();
    let domains: Vec<&str> = checks.iter().filter_map(|c| c["domain"].as_str()).collect();
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
    assert_eq!(json["checks"][2]["id"], "dns.server");
    assert_eq!(json["checks"][2]["subject"], "DNS 10.1.0.10 over UDP");
    assert_eq!(json["checks"][2]["detail"], "no answer");
    assert_eq!(json["checks"][2]["fix"], "check routes");
    assert!(json["checks"][0].get("fix").is_none());
}

#[test]
fn a_domain_heading_shows_a_hostile_name_escaped() {
    let report = Report {
        checks: vec![
            Check::pass(CheckId::DnsServer, "a", "b").about("corp.example.com"),
            Check::pass(CheckId::DnsServer, "a", "b").about("evil\u{1b}[2J.example.com"),
        ],
        elapsed_ms: 1,
    };
    let text = report.render_text();
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("evil\\u{1b}[2J.example.com"), "{text}");
}

#[test]
fn every_id_is_dotted_lowercase_unique_and_listed_once() {
    let mut seen = std::collections::HashSet::new();
    for id in CheckId::ALL {
        let text = id.as_str();
        assert!(
            text.chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-'),
            "{text}"
        );
        assert!(seen.insert(text), "{text} twice");
    }
    assert_eq!(seen.len(), 20);
}

#[test]
fn a_report_passes_with_warnings_and_fails_with_one_failure() {
    let warn = Check::problem(CheckId::Ntp, Status::Warn, "ntp", "slow", "fix");
    let fail = Check::problem(CheckId::Ntp, Status::Fail, "ntp", "dead", "fix");
    let mut report = Report {
        checks: vec![warn, Check::skipped(CheckId::Ntp, "ntp", "no DC")],
        elapsed_ms: 0,
    };
    assert!(report.passed());
    report.checks.push(fail);
    assert!(!report.passed());
    assert_eq!(report.count(Status::Fail), 1);
    assert_eq!(report.with_id(CheckId::Ntp).count(), 3);
}

#[test]
fn areas_follow_the_ids() {
    assert_eq!(CheckId::KerberosClockSkew.area(), Area::Kerberos);
    assert_eq!(CheckId::NetworkNacl.area(), Area::Network);
    assert_eq!(CheckId::IdentityCenterInstance.area(), Area::IdentityCenter);
    assert_eq!(CheckId::LdapGroups.area(), Area::Ldap);
    assert!(Area::Dns < Area::Ports && Area::Ldap < Area::Directory);
}

#[test]
fn the_readme_documents_every_id_in_its_troubleshooting_table() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## When it does not work")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();
    for id in CheckId::ALL {
        let row = format!("\n| `{id}` |");
        assert_eq!(section.matches(&row).count(), 1, "README row for {id}");
    }
    let rows = section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .count();
    assert_eq!(
        rows,
        CheckId::ALL.len(),
        "a README row names an id adsso lacks"
    );
}
