//! Tests of the apply errors: what they say, what they advise, and that AWS text stays escaped.

use super::*;
use crate::commands::CommandError;

#[test]
fn the_message_escapes_aws_text_and_the_fix_reaches_the_command_report_as_help() {
    let error = ApplyError::SubnetMissing {
        id: "subnet-1\u{1b}[8m".to_owned(),
        region: "eu-west-1".to_owned(),
    };
    let text = error.to_string();
    assert!(
        text.contains("subnet-1\\u{1b}[8m does not exist in eu-west-1"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text}");
    let command = CommandError::from(error);
    let help = miette::Diagnostic::help(&command)
        .map(|h| h.to_string())
        .unwrap_or_default();
    assert!(help.contains("aws ec2 describe-subnets"), "{help}");
    let report = format!("{:?}", miette::Report::new(command));
    assert!(report.contains("describe-subnets"), "{report}");
}

#[test]
fn an_instance_status_aws_does_not_document_is_shown_escaped() {
    let error = ApplyError::InstanceNotActive {
        arn: "arn:aws:sso:::instance/ssoins-1".to_owned(),
        status: InstanceStatus::from_name("ODD\u{202e}"),
    };
    let text = error.to_string();
    assert!(text.contains("is ODD\\u{202e}, not ACTIVE"), "{text}");
    assert_eq!(InstanceStatus::from_name("ACTIVE"), InstanceStatus::Active);
}

#[test]
fn failed_assignments_list_each_failure_and_the_sync_scope_advice_only_with_group_problems() {
    let error = ApplyError::AssignmentsFailed {
        created: 2,
        present: 1,
        failures: vec!["G -> Set in 111122223333: FAILED: no\nfake line".to_owned()],
        problems: None,
    };
    let text = error.to_string();
    assert!(
        text.contains("2 created, 1 already present; 1 failed:"),
        "{text}"
    );
    assert!(text.contains("FAILED: no\n      fake line"), "{text}");
    let help = miette::Diagnostic::help(&error)
        .map(|h| h.to_string())
        .unwrap_or_default();
    assert!(help.contains("re-run `adsso apply`"), "{help}");
    assert!(!help.contains("sync scope"), "{help}");
}

#[test]
fn the_fix_of_a_failed_resource_a_wrong_account_or_a_timeout_is_help_not_message() {
    let cases = [
        (
            ApplyError::WrongAccount {
                expected: "111122223333".to_owned(),
                actual: "444455556666".to_owned(),
            },
            "use credentials of 111122223333",
        ),
        (
            ApplyError::DirectoryFailed {
                id: "d-1".to_owned(),
                stage: "Failed".to_owned(),
                reason: "no DNS".to_owned(),
            },
            apply_text::DIRECTORY_FAILED_FIX,
        ),
        (
            ApplyError::TrustFailed {
                id: "t-1".to_owned(),
                domain: "corp.example.com".to_owned(),
                state: "Failed".to_owned(),
                reason: "bad password".to_owned(),
            },
            apply_text::TRUST_FAILED_FIX,
        ),
        (
            ApplyError::TrustDirection {
                domain: "corp.example.com".to_owned(),
                id: "t-2".to_owned(),
                direction: "One-Way: Outgoing".to_owned(),
            },
            "delete-trust \\\n         --trust-id t-2",
        ),
        (
            ApplyError::Timeout {
                what: "the directory".to_owned(),
                state: "Creating".to_owned(),
                waited: std::time::Duration::from_secs(90),
            },
            "re-run `adsso apply` later (or give a longer `--wait-timeout`)",
        ),
    ];
    for (error, fix) in cases {
        let message = error.to_string();
        let help = miette::Diagnostic::help(&error)
            .map(|h| h.to_string())
            .unwrap_or_default();
        let fix = fix.replace("\\\n         ", "");
        assert!(help.contains(&fix), "{help}");
        assert!(!message.contains(&fix), "{message}");
        assert_eq!(error.with_fix(), format!("{message}\n{help}"));
    }
    let timeout = ApplyError::Timeout {
        what: "x".to_owned(),
        state: "Creating".to_owned(),
        waited: std::time::Duration::from_secs(90),
    };
    assert_eq!(
        timeout.to_string(),
        "gave up waiting after 90s for x (still Creating); AWS keeps working"
    );
}
