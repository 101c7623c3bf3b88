//! Errors from AWS calls, classified so each one can say what happened and what to do.
//! The SDK's error types are turned into [`AwsError`] in [`crate::aws::sdk`]; nothing here holds a
//! request parameter, so no secret can end up in an error. AWS's words may hold any bytes: they
//! are shown through [`crate::text::untrusted`], so they cannot drive the terminal or fake a line.

use crate::apply_text;
use crate::text::untrusted;

/// What kind of failure an AWS call had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsErrorKind {
    /// EntityAlreadyExistsException.
    AlreadyExists,
    /// EntityDoesNotExistException / ResourceNotFoundException.
    DoesNotExist,
    /// DirectoryLimitExceededException.
    LimitExceeded,
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
        match code.trim_end_matches("Exception") {
            "EntityAlreadyExists" | "Conflict" => AwsErrorKind::AlreadyExists,
            "EntityDoesNotExist" | "ResourceNotFound" => AwsErrorKind::DoesNotExist,
            "DirectoryLimitExceeded" | "ServiceQuotaExceeded" => AwsErrorKind::LimitExceeded,
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
            | "SignatureDoesNotMatch" => AwsErrorKind::Credentials,
            _ => AwsErrorKind::Other,
        }
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
        assert!(text.contains("GetDirectoryLimits"), "{text}");
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
