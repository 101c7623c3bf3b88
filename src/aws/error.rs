//! Errors from AWS calls, classified so each one can say what happened and what to do.
//! The SDK's error types are turned into [`AwsError`] in [`crate::aws::sdk`]; nothing here holds a
//! request parameter, so no secret can end up in an error. AWS's words may hold any bytes: they
//! are shown through [`crate::text::untrusted`], so they cannot drive the terminal or fake a line.

use crate::text::apply as apply_text;
use crate::text::untrusted;

/// What kind of failure an AWS call had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsErrorKind {
    /// Directory Service's EntityAlreadyExistsException.
    AlreadyExists,
    /// Identity Center's ConflictException: a write raced a previous one that had not propagated
    /// yet (concurrent changes); retryable with backoff.
    Conflict,
    /// EntityDoesNotExistException / DirectoryDoesNotExistException / ResourceNotFoundException.
    DoesNotExist,
    /// Directory Service's DirectoryLimitExceededException.
    LimitExceeded,
    /// Identity Center's ServiceQuotaExceededException.
    QuotaExceeded,
    /// Directory Service's TagLimitExceededException.
    TagLimit,
    /// Directory Service's DirectoryUnavailableException.
    DirectoryUnavailable,
    /// InvalidNextTokenException: a page token AWS no longer accepts.
    InvalidNextToken,
    /// InvalidParameterException.
    InvalidParameter,
    /// ClientException.
    Client,
    /// ServiceException, InternalFailure, HTTP 5xx.
    Service,
    /// UnsupportedOperationException.
    Unsupported,
    /// AccessDenied (IAM permissions).
    AccessDenied,
    /// The Identity Center instance's customer managed KMS key refused the call (an error whose
    /// `Reason` is `KMS_*`).
    KmsKey,
    /// Throttling that outlasted the SDK's retries.
    Throttling,
    /// ValidationException.
    Validation,
    /// Missing, expired or invalid credentials.
    Credentials,
    /// No answer within the limits (`--aws-timeout`).
    TimedOut,
    /// The endpoint refused the connection.
    Refused,
    /// The endpoint's name could not be resolved.
    Dns,
    /// The TLS connection failed (certificate, handshake).
    Tls,
    /// Any other network failure before an answer.
    Unreachable,
    /// Anything else.
    Other,
}

impl AwsErrorKind {
    /// Classifies an AWS error code.
    pub fn from_code(code: &str) -> Self {
        // EC2 names a missing resource `InvalidSubnetID.NotFound`, `InvalidGroup.NotFound`.
        if code.ends_with(".NotFound") {
            return AwsErrorKind::DoesNotExist;
        }
        match code.trim_end_matches("Exception") {
            "EntityAlreadyExists" => AwsErrorKind::AlreadyExists,
            "Conflict" => AwsErrorKind::Conflict,
            "EntityDoesNotExist"
            | "DirectoryDoesNotExist"
            | "ResourceNotFound"
            | "ParentNotFound"
            | "OrganizationalUnitNotFound"
            | "AccountNotFound" => AwsErrorKind::DoesNotExist,
            "DirectoryLimitExceeded" => AwsErrorKind::LimitExceeded,
            "ServiceQuotaExceeded" => AwsErrorKind::QuotaExceeded,
            "TagLimitExceeded" => AwsErrorKind::TagLimit,
            "DirectoryUnavailable" => AwsErrorKind::DirectoryUnavailable,
            "InvalidNextToken" => AwsErrorKind::InvalidNextToken,
            "InvalidParameter" | "InvalidParameterValue" => AwsErrorKind::InvalidParameter,
            "Client" => AwsErrorKind::Client,
            "Service" | "InternalServer" | "InternalFailure" | "ServiceUnavailable" => {
                AwsErrorKind::Service
            }
            "UnsupportedOperation" => AwsErrorKind::Unsupported,
            "AccessDenied" | "UnauthorizedOperation" | "AuthorizationError" => {
                AwsErrorKind::AccessDenied
            }
            "Throttling" | "RequestLimitExceeded" | "TooManyRequests" => AwsErrorKind::Throttling,
            "Validation" => AwsErrorKind::Validation,
            "ExpiredToken"
            | "InvalidClientTokenId"
            | "UnrecognizedClient"
            | "SignatureDoesNotMatch"
            | "AuthFailure" => AwsErrorKind::Credentials,
            _ => AwsErrorKind::Other,
        }
    }

    /// Classifies an error's `Reason` member (Identity Center and the identity store give one on
    /// AccessDenied, Validation, Throttling and ResourceNotFound): a `KMS_*` reason means the
    /// instance's customer managed key is the cause, whatever the code; `None` leaves the code's
    /// kind.
    pub fn from_reason(reason: &str) -> Option<Self> {
        reason.starts_with("KMS_").then_some(AwsErrorKind::KmsKey)
    }

    /// True for failures that a later attempt of the same call may not have: throttling, and
    /// Identity Center's write conflicts.
    pub fn is_retryable(self) -> bool {
        matches!(self, AwsErrorKind::Throttling | AwsErrorKind::Conflict)
    }
}

/// A failed AWS call: which call, what kind of failure, AWS's own words, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{service}:{operation} failed: {}{}; {}", apply_text::aws_error_what(*.kind), shown_detail(*.kind, .detail), apply_text::aws_error_fix(*.kind))]
pub struct AwsError {
    /// `ds`, `sso-admin`, `identitystore`, `sts`, `ec2`.
    pub service: &'static str,
    /// The API operation, e.g. `ConnectDirectory`.
    pub operation: &'static str,
    /// The classification.
    pub kind: AwsErrorKind,
    /// The error code and message AWS gave (or adsso's description of a network failure).
    pub detail: String,
}

impl AwsErrorKind {
    /// True for failures below the API, where no AWS answer was received.
    pub fn is_transport(self) -> bool {
        matches!(
            self,
            AwsErrorKind::TimedOut
                | AwsErrorKind::Refused
                | AwsErrorKind::Dns
                | AwsErrorKind::Tls
                | AwsErrorKind::Unreachable
        )
    }
}

/// The detail as shown: escaped, and a multi-line message indented so that none of its lines
/// can pass for a line of adsso's own output.
fn shown_detail(kind: AwsErrorKind, detail: &str) -> String {
    let shown = untrusted::block(detail, "    ");
    if shown.is_empty() {
        String::new()
    } else if kind.is_transport() || kind == AwsErrorKind::Credentials {
        format!(" ({shown})")
    } else {
        format!(" (AWS said: {shown})")
    }
}

impl AwsError {
    /// A new error.
    pub fn new(
        service: &'static str,
        operation: &'static str,
        kind: AwsErrorKind,
        detail: impl Into<String>,
    ) -> Self {
        AwsError {
            service,
            operation,
            kind,
            detail: detail.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_classified_with_or_without_the_exception_suffix() {
        assert_eq!(
            AwsErrorKind::from_code("EntityAlreadyExistsException"),
            AwsErrorKind::AlreadyExists
        );
        assert_eq!(
            AwsErrorKind::from_code("DirectoryLimitExceededException"),
            AwsErrorKind::LimitExceeded
        );
        assert_eq!(
            AwsErrorKind::from_code("Throttling"),
            AwsErrorKind::Throttling
        );
        assert_eq!(
            AwsErrorKind::from_code("ValidationException"),
            AwsErrorKind::Validation
        );
        assert_eq!(
            AwsErrorKind::from_code("AccessDeniedException"),
            AwsErrorKind::AccessDenied
        );
        assert_eq!(AwsErrorKind::from_code("Whatever"), AwsErrorKind::Other);
    }

    /// Every error code in the `errors` list of the operations adsso calls, per botocore 1.44.8's
    /// service models (`ds`, `sso-admin`, `identitystore`; `sts` GetCallerIdentity and `ec2`
    /// DescribeSubnets/DescribeSecurityGroups model none), plus the Directory Service codes named
    /// in issue 12 that other ds operations model.
    const MODELLED: &[&str] = &[
        // ds: DescribeDirectories, ListTagsForResource, ConnectDirectory, CreateMicrosoftAD,
        // DescribeTrusts, CreateTrust, VerifyTrust, DescribeConditionalForwarders, DeleteTrust,
        // DeleteDirectory.
        "ClientException",
        "DirectoryLimitExceededException",
        "DirectoryUnavailableException",
        "EntityAlreadyExistsException",
        "EntityDoesNotExistException",
        "InvalidNextTokenException",
        "InvalidParameterException",
        "ServiceException",
        "UnsupportedOperationException",
        "DirectoryDoesNotExistException",
        "TagLimitExceededException",
        // sso-admin: the permission set and account assignment operations, ListInstances.
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ThrottlingException",
        "ValidationException",
        // identitystore: ListGroups (the same five codes as sso-admin's, without Conflict and
        // ServiceQuotaExceeded).
    ];

    #[test]
    fn every_modelled_code_has_a_kind_whose_message_names_a_fix() {
        for code in MODELLED {
            let kind = AwsErrorKind::from_code(code);
            assert_ne!(kind, AwsErrorKind::Other, "{code}");
            let text = AwsError::new("ds", "X", kind, *code).to_string();
            assert!(
                !text.contains("wait a few minutes") || kind == AwsErrorKind::Service,
                "{code}: {text}"
            );
        }
    }

    #[test]
    fn a_write_conflict_is_retryable_and_not_an_existing_resource() {
        let conflict = AwsErrorKind::from_code("ConflictException");
        assert_eq!(conflict, AwsErrorKind::Conflict);
        assert!(conflict.is_retryable());
        assert!(AwsErrorKind::Throttling.is_retryable());
        assert!(!AwsErrorKind::AlreadyExists.is_retryable());
        let text = AwsError::new("sso-admin", "CreateAccountAssignment", conflict, "").to_string();
        assert!(text.contains("concurrent change"), "{text}");
        assert!(!text.contains("rename or remove"), "{text}");
        let exists = AwsError::new(
            "ds",
            "CreateTrust",
            AwsErrorKind::from_code("EntityAlreadyExistsException"),
            "",
        );
        assert!(exists.to_string().contains("already exists"), "{exists}");
    }

    #[test]
    fn each_service_gets_its_own_quota_advice() {
        let sso = AwsError::new(
            "sso-admin",
            "CreatePermissionSet",
            AwsErrorKind::from_code("ServiceQuotaExceededException"),
            "",
        )
        .to_string();
        assert!(sso.contains("Service Quotas console"), "{sso}");
        assert!(sso.contains("IAM Identity Center quotas"), "{sso}");
        assert!(!sso.contains("directory"), "{sso}");
        let ds = AwsError::new(
            "ds",
            "ConnectDirectory",
            AwsErrorKind::from_code("DirectoryLimitExceededException"),
            "",
        )
        .to_string();
        assert!(ds.contains("get-directory-limits"), "{ds}");
    }

    #[test]
    fn only_a_kms_reason_names_the_key() {
        assert_eq!(
            AwsErrorKind::from_reason("KMS_ACCESS_DENIED"),
            Some(AwsErrorKind::KmsKey)
        );
        assert_eq!(AwsErrorKind::from_reason("OTHER"), None);
    }

    #[test]
    fn the_message_says_what_happened_and_what_to_do() {
        let error = AwsError::new(
            "ds",
            "ConnectDirectory",
            AwsErrorKind::LimitExceeded,
            "DirectoryLimitExceededException: limit reached",
        );
        let text = error.to_string();
        assert!(text.starts_with("ds:ConnectDirectory failed: "), "{text}");
        assert!(text.contains("limit reached"), "{text}");
        assert!(text.contains("get-directory-limits"), "{text}");
    }

    #[test]
    fn a_hostile_multi_line_message_is_escaped_and_indented() {
        let error = AwsError::new(
            "ds",
            "CreateTrust",
            AwsErrorKind::Client,
            "ClientException: bad\u{1b}]52;c;ZXZpbA==\u{7}\ndeleted: everything\r\n\u{202e}ok",
        );
        let text = error.to_string();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(
            !text.contains('\u{202e}') && !text.contains('\r'),
            "{text:?}"
        );
        assert!(text.contains("bad\\u{1b}]52;c;ZXZpbA==\\u{7}"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[1].starts_with("    deleted: everything"), "{text}");
        assert!(lines[2].starts_with("    \\u{202e}ok"), "{text}");
    }

    #[test]
    fn a_network_failure_is_not_attributed_to_aws() {
        let error = AwsError::new(
            "sts",
            "GetCallerIdentity",
            AwsErrorKind::Refused,
            "http://127.0.0.1:9 refused the connection",
        );
        let text = error.to_string();
        assert!(!text.contains("AWS said"), "{text}");
        assert!(
            text.contains("(http://127.0.0.1:9 refused the connection)"),
            "{text}"
        );
        assert!(text.contains("refused"), "{text}");
    }
}
