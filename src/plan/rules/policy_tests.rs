//! Unit tests of the inline policy rule: identity-based policies pass and parse to the same
//! document whatever their spacing; every refusal says what is wrong and where in the policy.

use super::identity_center::json_problem;
use super::*;

/// A one-statement identity policy around `statement` (a JSON object's text).
fn policy_with(statement: &str) -> String {
    format!(r#"{{"Version": "2012-10-17", "Statement": [{statement}]}}"#)
}

const READ_REPORTS: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::corp-reports", "arn:aws:s3:::corp-reports/*"]
    }
  ]
}
"#;

#[test]
fn inline_policies_that_are_identity_policies_pass() {
    let parsed = inline_policy(READ_REPORTS).unwrap();
    assert_eq!(parsed["Statement"][0]["Sid"], "ReadReports");
    for good in [
        r#"{"Version": "2008-10-17", "Id": "reports", "Statement": {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::corp-reports"]}}"#,
        &policy_with(
            r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#,
        ),
        &policy_with(
            r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::café/*"}"#,
        ),
        "{\r\n\t\"Version\": \"2012-10-17\",\r\n\t\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\r\n}",
    ] {
        assert!(
            inline_policy(good).is_ok(),
            "{good}: {:?}",
            inline_policy(good)
        );
    }
}

#[test]
fn inline_policies_compare_by_meaning() {
    let compact = r#"{"Statement":[{"Resource":["arn:aws:s3:::corp-reports","arn:aws:s3:::corp-reports/*"],"Action":["s3:GetObject","s3:ListBucket"],"Effect":"Allow","Sid":"ReadReports"}],"Version":"2012-10-17"}"#;
    assert_eq!(inline_policy(compact), inline_policy(READ_REPORTS));
    let other = READ_REPORTS.replace("s3:ListBucket", "s3:ListAllMyBuckets");
    assert_ne!(inline_policy(&other), inline_policy(READ_REPORTS));
}

#[test]
fn inline_policy_length_is_1_to_32768_characters() {
    for empty in ["", "  \n\t"] {
        assert_eq!(inline_policy(empty), Err("the policy is empty".into()));
    }
    let fits = format!("{READ_REPORTS:<INLINE_POLICY_MAX$}");
    assert_eq!(fits.chars().count(), INLINE_POLICY_MAX);
    assert!(inline_policy(&fits).is_ok());
    let long = format!("{fits} ");
    assert_eq!(
        inline_policy(&long),
        Err("the policy has 32769 characters".into())
    );
}

#[test]
fn inline_policy_characters_are_those_aws_takes() {
    let quoted = READ_REPORTS.replace("\"Version\"", "\u{201c}Version\u{201d}");
    let problem = inline_policy(&quoted).unwrap_err();
    assert!(problem.contains("line 2, column 3"), "{problem}");
    assert!(problem.contains("\\u{201c}"), "{problem}");
    let control = READ_REPORTS.replace("ReadReports", "Read\u{7}Reports");
    let problem = inline_policy(&control).unwrap_err();
    assert!(problem.contains("line 5, column 19"), "{problem}");
}

#[test]
fn inline_policy_json_errors_say_where_in_the_policy() {
    let missing_comma = READ_REPORTS.replace(r#""Effect": "Allow","#, r#""Effect": "Allow""#);
    assert_eq!(
        inline_policy(&missing_comma),
        Err(
            "the policy is not valid JSON at line 7, column 7 of the policy: expected `,` or `}`"
                .into()
        )
    );
    // Columns count characters: `é` is one, though two bytes.
    let problem = inline_policy(r#"{"Version": "é" "x"}"#).unwrap_err();
    assert!(problem.contains("line 1, column 17"), "{problem}");
    let cut = &READ_REPORTS[..READ_REPORTS.len() - 3];
    let problem = inline_policy(cut).unwrap_err();
    assert!(
        problem.starts_with("the policy ends before its JSON is complete (line 10)"),
        "{problem}"
    );
    let secretish = format!(r#"{{"Version": "{}"#, "S3cr3t".repeat(1000));
    let problem = inline_policy(&secretish).unwrap_err();
    assert!(
        !problem.contains("S3cr3t") && problem.len() < 200,
        "{problem}"
    );
}

#[test]
fn inline_policy_document_shape() {
    for (policy, expected) in [
        ("[]".to_owned(), "the policy is an array, not a JSON object"),
        (
            r#"{"Version": "2012-10-17", "Statements": []}"#.to_owned(),
            "the policy has the unknown key `Statements`",
        ),
        (
            r#"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"#.to_owned(),
            "the policy has no `Version`",
        ),
        (
            READ_REPORTS.replace("2012-10-17", "2012-10-18"),
            "`Version` is `2012-10-18`",
        ),
        (
            READ_REPORTS.replace("\"2012-10-17\"", "2012"),
            "`Version` is a number, not a string",
        ),
        (
            READ_REPORTS.replace("{\n  \"Version\"", "{\"Id\": 7, \"Version\""),
            "`Id` is a number, not a string",
        ),
        (
            r#"{"Version": "2012-10-17"}"#.to_owned(),
            "the policy has no `Statement`",
        ),
        (
            r#"{"Version": "2012-10-17", "Statement": []}"#.to_owned(),
            "`Statement` is an empty array",
        ),
        (
            r#"{"Version": "2012-10-17", "Statement": "Allow"}"#.to_owned(),
            "`Statement` is a string, not an object or an array of objects",
        ),
        (
            policy_with(r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, null"#),
            "`Statement[1]` is null, not an object",
        ),
    ] {
        assert_eq!(inline_policy(&policy), Err(expected.into()), "{policy}");
    }
}

#[test]
fn inline_policy_statements_are_identity_statements() {
    for (statement, expected) in [
        (
            r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}"#,
            "`Statement[0]` has `Principal`, which an identity-based policy cannot have",
        ),
        (
            r#"{"Sid": "Deny1", "Effect": "Deny", "NotPrincipal": {"AWS": "x"}, "Action": "s3:*", "Resource": "*"}"#,
            "`Statement[0]` (Sid `Deny1`) has `NotPrincipal`, which an identity-based policy cannot have",
        ),
        (
            r#"{"Action": "s3:*", "Resource": "*"}"#,
            "`Statement[0]` has no `Effect`",
        ),
        (
            r#"{"Effect": "allow", "Action": "s3:*", "Resource": "*"}"#,
            "`Statement[0]` has `Effect` `allow`",
        ),
        (
            r#"{"Effect": true, "Action": "s3:*", "Resource": "*"}"#,
            "`Statement[0]` has an `Effect` that is a boolean, not a string",
        ),
        (
            r#"{"Effect": "Deny", "Action": "s3:*", "NotAction": "s3:Get*", "Resource": "*"}"#,
            "`Statement[0]` has both `Action` and `NotAction`",
        ),
        (
            r#"{"Effect": "Allow", "Resource": "*"}"#,
            "`Statement[0]` has neither `Action` nor `NotAction`",
        ),
        (
            r#"{"Effect": "Allow", "Action": "s3:*"}"#,
            "`Statement[0]` has neither `Resource` nor `NotResource`",
        ),
        (
            r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "NotResource": "x"}"#,
            "`Statement[0]` has both `Resource` and `NotResource`",
        ),
        (
            r#"{"Effect": "Allow", "Action": [], "Resource": "*"}"#,
            "`Statement[0]`: `Action` is not a string or a non-empty array of strings",
        ),
        (
            r#"{"Effect": "Allow", "Action": "s3:*", "NotResource": ["x", 7]}"#,
            "`Statement[0]`: `NotResource` is not a string or a non-empty array of strings",
        ),
    ] {
        let policy = policy_with(statement);
        assert_eq!(inline_policy(&policy), Err(expected.into()), "{policy}");
    }
    let single = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*"}}"#;
    assert_eq!(
        inline_policy(single),
        Err("`Statement` has neither `Resource` nor `NotResource`".into())
    );
}

#[test]
fn inline_policy_json_errors_inside_strings_are_located() {
    let tab = READ_REPORTS.replace("ReadReports", "Read\tReports");
    assert_eq!(
        inline_policy(&tab),
        Err(
            "the policy is not valid JSON at line 5, column 19 of the policy: \
             control character (\\u0000-\\u001F) found while parsing a string"
                .into()
        )
    );
}

#[test]
fn json_error_messages_are_cut_after_64_characters_only() {
    // serde_json's own messages are shorter; an error made here has no position (line 0).
    use serde::de::Error as _;
    let longest = "m".repeat(QUOTE_MAX);
    let error = serde_json::Error::custom(&longest);
    assert_eq!(
        json_problem("{}", &error),
        format!("the policy is not valid JSON at line 0, column 1 of the policy: {longest}")
    );
    let error = serde_json::Error::custom(format!("{longest}m"));
    assert_eq!(
        json_problem("{}", &error),
        format!("the policy is not valid JSON at line 0, column 1 of the policy: {longest}…")
    );
}
