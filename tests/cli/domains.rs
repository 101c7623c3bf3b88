//! `--domain` of `onprem-script` and `preflight`, offline, on the two-forest example: one
//! domain's script or every domain's under a heading that names it, and an unknown domain
//! refused with exit 2 naming the plan's domains (before any network).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::{Run, adsso, crate_dir, temp_plan};

fn two_forests() -> PathBuf {
    crate_dir().join("assets/examples/trust-two-forests.yaml")
}

fn onprem_script(extra: &[&str]) -> Run {
    let plan = two_forests();
    let mut args = vec![
        "onprem-script",
        plan.to_str().unwrap(),
        "--dns-ip",
        "10.9.0.5",
    ];
    args.extend_from_slice(extra);
    adsso(args)
}

/// The value a script sets `$LocalDomain` to, once per script printed.
fn local_domains(script: &str) -> Vec<&str> {
    script
        .lines()
        .filter_map(|line| line.strip_prefix("$LocalDomain = "))
        .collect()
}

#[test]
fn onprem_script_prints_every_domain_under_its_heading_by_default() {
    let run = onprem_script(&[]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(
        local_domains(&run.stdout),
        ["'corp.example.com'", "'emea.example.net'"]
    );
    let corp = run.stdout.find("# ==== corp.example.com (selfManaged[0])");
    let emea = run.stdout.find("# ==== emea.example.net (selfManaged[1])");
    assert!(corp.is_some() && corp < emea, "{}", run.stdout);
    // Each domain's own trust type and password reference.
    assert!(
        run.stdout.contains("two-way forest trust"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("two-way domain trust"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("'{env: ADSSO_TRUST_PASSWORD_EMEA}'"));
}

#[test]
fn onprem_script_domain_prints_that_domains_script_only() {
    for given in ["emea.example.net", "EMEA.Example.NET"] {
        let run = onprem_script(&["--domain", given]);
        assert_eq!(run.code, Some(0), "{}", run.all_output());
        assert_eq!(local_domains(&run.stdout), ["'emea.example.net'"]);
        assert!(!run.stdout.contains("# ===="), "{}", run.stdout);
        assert!(!run.stdout.contains("'corp.example.com'"), "{}", run.stdout);
        assert!(
            run.stdout.contains("two-way domain trust"),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("$MasterServers = @('10.9.0.5')"));
    }
    let first = onprem_script(&["--domain", "corp.example.com"]);
    assert_eq!(local_domains(&first.stdout), ["'corp.example.com'"]);
    assert!(first.stdout.contains("'{env: ADSSO_TRUST_PASSWORD}'"));
}

/// An unknown `--domain` ends with exit 2, names the given value (escaped) and every domain of
/// the plan, prints nothing on stdout, and needs no network.
fn assert_unknown_domain(run: &Run, started: Instant) {
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(!run.panicked(), "{}", run.stderr);
    let said = said(&run.stderr);
    assert!(said.contains("is not a domain of the plan"), "{said}");
    assert!(
        said.contains("`corp.example.com`, `emea.example.net`"),
        "{said}"
    );
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn an_unknown_domain_is_refused_naming_the_plans_domains() {
    for given in ["apac.example.org", "corp", "evil\u{1b}[2J.example.com"] {
        let started = Instant::now();
        assert_unknown_domain(&onprem_script(&["--domain", given]), started);
        let plan = two_forests();
        let started = Instant::now();
        let run = adsso([
            "preflight",
            plan.to_str().unwrap(),
            "--timeout",
            "100ms",
            "--domain",
            given,
        ]);
        assert_unknown_domain(&run, started);
        if given.contains('\u{1b}') {
            assert!(run.stderr.contains("evil\\u{1b}[2J"), "{}", run.stderr);
        }
    }
}

#[test]
fn an_ad_connector_plan_has_its_one_domain_for_preflight() {
    let text =
        std::fs::read_to_string(crate_dir().join("assets/examples/ad-connector.yaml")).unwrap();
    let (_dir, plan) = temp_plan("connector.yaml", text.as_bytes());
    let run = adsso([
        "preflight".as_ref(),
        plan.as_os_str(),
        "--domain".as_ref(),
        "emea.example.net".as_ref(),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(run.stderr.contains("`corp.example.com`"), "{}", run.stderr);
}

/// What miette said, as one line: its wrapping and the `│` margin it draws removed.
fn said(stderr: &str) -> String {
    stderr
        .split_whitespace()
        .filter(|word| *word != "│")
        .collect::<Vec<_>>()
        .join(" ")
}
