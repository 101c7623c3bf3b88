//! The SDK implementation of the [`crate::aws`] traits: client construction (Region, profile,
//! endpoint override, retries, the standard credential chain) and error mapping.

mod assignments;
mod directory;
mod identity_center;
mod others;

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_sdk_directory::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};

use super::{AwsError, AwsErrorKind};

/// Where and as whom to call AWS: the global `--region`, `--profile`, `--endpoint-url`.
/// Unset fields fall back to the standard AWS environment variables and config files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Connection {
    /// The Region (the plan's `aws.region` unless overridden).
    pub region: String,
    /// A named profile of `~/.aws/config`.
    pub profile: Option<String>,
    /// An endpoint override for every service (an emulator, a VPC endpoint).
    pub endpoint_url: Option<String>,
}

/// Environment variable: the SDK's first retry delay in milliseconds (tests shorten it).
pub const RETRY_BACKOFF_ENV: &str = "ADSSO_RETRY_INITIAL_BACKOFF_MS";

/// The five SDK clients behind the traits.
#[derive(Debug, Clone)]
pub struct SdkCloud {
    pub(crate) ds: aws_sdk_directory::Client,
    pub(crate) sso: aws_sdk_ssoadmin::Client,
    pub(crate) store: aws_sdk_identitystore::Client,
    pub(crate) sts: aws_sdk_sts::Client,
    pub(crate) ec2: aws_sdk_ec2::Client,
}

impl SdkCloud {
    /// Loads the AWS configuration (credential chain, profile, endpoint) and builds the clients.
    pub async fn connect(connection: &Connection) -> Self {
        let backoff = std::env::var(RETRY_BACKOFF_ENV)
            .ok()
            .and_then(|value| value.parse::<u64>().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(aws_config::Region::new(connection.region.clone()))
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(5)
                    .with_initial_backoff(backoff),
            );
        if let Some(profile) = &connection.profile {
            loader = loader.profile_name(profile);
        }
        if let Some(url) = &connection.endpoint_url {
            loader = loader.endpoint_url(url);
        }
        let config = loader.load().await;
        SdkCloud {
            ds: aws_sdk_directory::Client::new(&config),
            sso: aws_sdk_ssoadmin::Client::new(&config),
            store: aws_sdk_identitystore::Client::new(&config),
            sts: aws_sdk_sts::Client::new(&config),
            ec2: aws_sdk_ec2::Client::new(&config),
        }
    }
}

/// Turns any SDK error into an [`AwsError`] naming the call.
pub(crate) fn map_err<E, R>(
    service: &'static str,
    operation: &'static str,
    error: SdkError<E, R>,
) -> AwsError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    match &error {
        SdkError::ServiceError(context) => {
            let err = context.err();
            let code = err.code().unwrap_or_default();
            let kind = if code.is_empty() {
                AwsErrorKind::Service
            } else {
                AwsErrorKind::from_code(code)
            };
            let detail = match (code, err.message()) {
                ("", Some(message)) => message.to_owned(),
                ("", None) => {
                    "no error code in the answer (is the endpoint an AWS API?)".to_owned()
                }
                (code, Some(message)) => format!("{code}: {message}"),
                (code, None) => code.to_owned(),
            };
            AwsError::new(service, operation, kind, detail)
        }
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => {
            let detail = DisplayErrorContext(&error).to_string();
            let kind = if detail.contains("credentials") || detail.contains("identity") {
                AwsErrorKind::Credentials
            } else {
                AwsErrorKind::Unreachable
            };
            AwsError::new(service, operation, kind, detail)
        }
        _ => {
            let detail = DisplayErrorContext(&error).to_string();
            let kind = if detail.contains("credentials") || detail.contains("identity") {
                AwsErrorKind::Credentials
            } else {
                AwsErrorKind::Other
            };
            AwsError::new(service, operation, kind, detail)
        }
    }
}
