//! Tests of the generated PowerShell: its content, and its token structure under hostile values.

use super::quote::SINGLE_QUOTES;
use super::*;

fn plan(name: &str) -> Plan {
    let path = format!("{}/assets/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    crate::plan::load(&std::fs::read(path).unwrap())
        .unwrap()
        .0
        .plan
}

fn managed() -> ManagedSide {
    ManagedSide::from_aws(
        "aws.corp.example.com",
        &["10.1.0.5".to_owned(), "10.1.1.5".to_owned()],
    )
    .unwrap()
}

/// One token of the script as PowerShell's tokenizer sees its strings: a single-quoted literal
/// (its decoded value) or a run of other text.
#[derive(Debug, PartialEq, Eq)]
enum Token {
    Literal(String),
    Code(String),
}

/// Splits a script into single-quoted literals and the rest, by PowerShell's rules for the
/// parts this generator uses: `#` comments to the end of the line, double-quoted strings
/// (backtick escapes, `""`), and single-quoted literals where a doubled quote character (any of
/// the five) stands for itself and a single one ends the literal.
fn tokens(script: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut code = String::new();
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if SINGLE_QUOTES.contains(&c) {
            out.push(Token::Code(std::mem::take(&mut code)));
            let mut value = String::new();
            loop {
                let Some(inner) = chars.next() else {
                    panic!("unterminated literal in the script: {value:?}");
                };
                if SINGLE_QUOTES.contains(&inner) {
                    if chars
                        .peek()
                        .is_some_and(|next| SINGLE_QUOTES.contains(next))
                    {
                        value.push(inner);
                        chars.next();
                        continue;
                    }
                    break;
                }
                value.push(inner);
            }
            out.push(Token::Literal(value));
            continue;
        }
        code.push(c);
        match c {
            '#' => {
                for inner in chars.by_ref() {
                    code.push(inner);
                    if inner == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                while let Some(inner) = chars.next() {
                    code.push(inner);
                    if inner == '`' {
                        if let Some(escaped) = chars.next() {
                            code.push(escaped);
                        }
                    } else if inner == '"' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out.push(Token::Code(code));
    out
}

fn code_only(tokens: &[Token]) -> Vec<&str> {
    tokens
        .iter()
        .map(|token| match token {
            Token::Literal(_) => "'…'",
            Token::Code(code) => code.as_str(),
        })
        .collect()
}

fn literals(tokens: &[Token]) -> Vec<&str> {
    tokens
        .iter()
        .filter_map(|token| match token {
            Token::Literal(value) => Some(value.as_str()),
            Token::Code(_) => None,
        })
        .collect()
}

fn literals_for(local: &str, aws: &str, source: &str) -> Literals {
    Literals {
        scope: "forest",
        class: "Forest",
        local_domain: quoted(local, "test").unwrap(),
        aws_domain: quoted(aws, "test").unwrap(),
        masters: quoted("10.1.0.5", "test").unwrap(),
        password_source: quoted(source, "test").unwrap(),
    }
}

#[test]
fn hostile_values_stay_inside_their_literals() {
    let benign = tokens(&template::render(&literals_for(
        "corp.example.com",
        "aws.example.com",
        "{env: X}",
    )));
    let hostile_values = [
        "x'; Start-Process calc.exe #",
        "\u{2019}) ; Remove-Item C:\\ -Recurse #\u{2018}",
        "$(Start-Process calc.exe) `\" @' \u{201A}\u{201B}",
        "''''",
    ];
    for hostile in hostile_values {
        let script = template::render(&literals_for(hostile, hostile, hostile));
        let parsed = tokens(&script);
        assert_eq!(code_only(&parsed), code_only(&benign), "{script}");
        let values = literals(&parsed);
        let benign_values = literals(&benign);
        assert_eq!(values.len(), benign_values.len());
        // Literal 0 is 'Stop'; then the local and AWS domains, the DNS address, the source.
        assert_eq!(values[1], hostile);
        assert_eq!(values[2], hostile);
        assert_eq!(values[4], hostile);
    }
}

#[test]
fn forest_trust_script_has_forwarder_local_side_and_checks() {
    let text = script(&plan("trust.yaml"), &managed()).unwrap().unwrap();
    assert!(text.contains("$MasterServers = @('10.1.0.5', '10.1.1.5')"));
    assert!(text.contains("-MasterServers $MasterServers -ReplicationScope Forest"));
    assert!(text.contains("$AwsDomain = 'aws.corp.example.com'"));
    assert!(text.contains("[System.DirectoryServices.ActiveDirectory.Forest]::GetCurrentForest()"));
    assert!(
        text.contains("CreateLocalSideOfTrustRelationship($AwsDomain, 'Bidirectional', $Plain)")
    );
    assert!(text.contains("Read-Host -AsSecureString"));
    assert!(text.contains("Get-ADTrust -Identity $AwsDomain"));
    assert!(text.contains("$PasswordSource = '{env: ADSSO_TRUST_PASSWORD}'"));
}

#[test]
fn an_unknown_managed_side_stops_the_script_before_any_change() {
    let unknown = ManagedSide {
        domain: None,
        dns_ips: Vec::new(),
    };
    let text = script(&plan("trust.yaml"), &unknown).unwrap().unwrap();
    assert!(text.contains("$AwsDomain = ''"));
    assert!(text.contains("$MasterServers = @()"));
    let guard = text.find("throw 'The Managed AD is not known yet").unwrap();
    assert!(guard < text.find("Add-DnsServerConditionalForwarderZone").unwrap());
}

#[test]
fn a_secret_file_path_never_appears() {
    let mut plan = plan("trust.yaml");
    let path = "/home/ops/secret-trust-pw.txt";
    if let Some(trust) = plan.connection.trust.as_mut() {
        trust.password = SecretRef::File(path.to_owned());
    }
    let text = script(&plan, &managed()).unwrap().unwrap();
    assert!(!text.contains(path), "{text}");
    assert!(!text.contains("secret-trust-pw"), "{text}");
    assert!(text.contains("{file: ...}"));
}

#[test]
fn names_from_aws_that_are_not_dns_names_are_refused() {
    for name in [
        "aws.example.com'\nStart-Process calc.exe #",
        "a\u{1b}]52;c;eA==\u{7}.com",
        "",
    ] {
        let error = ManagedSide::from_aws(name, &[]).unwrap_err();
        assert!(
            matches!(error, ScriptError::ManagedDomain { .. }),
            "{name:?}"
        );
        let message = error.to_string();
        assert!(!message.chars().any(untrusted::is_unsafe), "{message:?}");
    }
    let error =
        ManagedSide::from_aws("aws.example.com", &["10.0.0.1\n$(calc)".to_owned()]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the Managed AD's DNS address `10.0.0.1\\n$(calc)` from AWS is not an IPv4 address; the PowerShell is not written"
    );
}

#[test]
fn ad_connector_plans_have_no_script() {
    assert_eq!(script(&plan("ad-connector.yaml"), &managed()), Ok(None));
}

/// The script's text from `from` up to `to` (both must be there).
fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("no {from:?}"));
    let end = text[start..]
        .find(to)
        .unwrap_or_else(|| panic!("no {to:?} after {from:?}"));
    &text[start..start + end]
}

#[test]
fn every_check_runs_before_the_first_change_and_a_failure_stops_it() {
    let text = script(&plan("trust.yaml"), &managed()).unwrap().unwrap();
    let checks = between(&text, "# 0. Checks before any change.", "# 1. DNS");
    for check in [
        "Resolve-DnsName -Type SRV -Server $Server -DnsOnly -QuickTimeout",
        "Get-ADReplicationSite -Filter *",
        "$FirstSite._sites.dc._msdcs.$AwsDomain",
        "NullSessionPipes",
        "@('netlogon', 'samr', 'lsarpc'",
        "w32tm /stripchart \"/computer:$($MasterServers[0])\" /samples:1 /dataonly",
        "$Skew -gt $MaxSkewSeconds",
        "w32tm /query /source",
    ] {
        assert!(
            checks.contains(check),
            "{check} not among the checks:\n{checks}"
        );
    }
    assert!(
        checks.contains("if ($Problems.Count -gt 0 -and -not $Force -and -not $WhatIfPreference) {\n    throw \"Stopped before any change"),
        "{checks}"
    );
    for change in [
        "Add-DnsServerConditionalForwarderZone",
        "CreateLocalSideOfTrustRelationship",
        "Read-Host",
    ] {
        assert!(!checks.contains(change), "{change} before the checks end");
    }
    assert!(text.contains("$FirstSite = 'Default-First-Site-Name'"));
    assert!(text.contains("$MaxSkewSeconds = 300"));
}

#[test]
fn what_if_prints_each_change_instead_of_making_it() {
    let text = script(&plan("trust.yaml"), &managed()).unwrap().unwrap();
    assert!(text.contains("[CmdletBinding(SupportsShouldProcess = $true)]\nparam([switch]$Force)"));
    assert!(text.trim_end().ends_with("}\nInvoke-AdssoTrustSide @args"));
    let forwarder = between(
        &text,
        "} elseif ($PSCmdlet.ShouldProcess(\"DNS zone $AwsDomain\"",
        "if (-not $WhatIfPreference) {",
    );
    assert!(
        forwarder.contains("Add-DnsServerConditionalForwarderZone"),
        "{forwarder}"
    );
    let trust = between(
        &text,
        "if ($PSCmdlet.ShouldProcess($AwsDomain, 'Create the local side of a two-way forest trust')) {",
        "if ($WhatIfPreference) {",
    );
    assert!(trust.contains("Read-Host -AsSecureString"), "{trust}");
    assert!(
        trust.contains("CreateLocalSideOfTrustRelationship"),
        "{trust}"
    );
    let after = text
        .split("if ($WhatIfPreference) {")
        .nth(1)
        .unwrap_or_default();
    assert!(after.contains("Write-Host 'WhatIf: nothing was changed.'\n    return"));
    assert!(text.find("Get-ADTrust").unwrap() > text.find("WhatIf: nothing was changed").unwrap());
}

#[test]
fn a_dc_of_another_domain_skips_its_part_so_a_file_of_several_runs_anywhere() {
    let text = script(&plan("trust.yaml"), &managed()).unwrap().unwrap();
    let guard = between(
        &text,
        "if ((Get-ADDomain).DNSRoot -ne $LocalDomain) {",
        "# 0.",
    );
    assert!(guard.contains("Skipped: this domain controller is not in $LocalDomain"));
    assert!(guard.contains("return"));
}

#[test]
fn the_template_has_no_marker_left_and_external_trusts_use_the_domain_class() {
    let mut plan = plan("trust.yaml");
    if let Some(trust) = plan.connection.trust.as_mut() {
        trust.trust_type = TrustType::External;
    }
    let text = script(&plan, &managed()).unwrap().unwrap();
    assert!(!text.contains("@@"), "{text}");
    assert!(text.contains("[System.DirectoryServices.ActiveDirectory.Domain]::GetCurrentDomain()"));
    assert!(text.contains("'Create the local side of a two-way domain trust'"));
    let literal = template::render(&literals_for("@@AWS_DOMAIN@@", "aws.example.com", "x"));
    assert!(
        literal.contains("$LocalDomain = '@@AWS_DOMAIN@@'"),
        "a value is never scanned"
    );
}
