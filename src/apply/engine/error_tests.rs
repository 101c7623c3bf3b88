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
