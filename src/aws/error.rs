//! Errors from AWS calls, classified so each one can say what happened and what to do.
//! The SDK's error types are turned into [`AwsError`] in [`crate::aws::sdk`]; nothing here holds a
//! request parameter, so no secret can end up in an error.

use crate::apply_text;

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
    /// No answer: network, DNS, timeout.
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
#[error("{service}:{operation} failed: {}{}; {}", apply_text::aws_error_what(*.kind), shown_detail(.detail), apply_text::aws_error_fix(*.kind))]
pub struct AwsError {
    /// `ds`, `sso-admin`, `identitystore`, `sts`, `ec2`.
    pub service: &'static str,
    /// The API operation, e.g. `ConnectDirectory`.
    pub operation: &'static str,
    /// The classification.
    pub kind: AwsErrorKind,
    /// The error code and message AWS gave (or the transport's description).
    pub detail: String,
}

fn shown_detail(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" (AWS said: {detail})")
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
}
