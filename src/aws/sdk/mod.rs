//! The SDK implementation of the [`crate::aws`] traits: client construction (Region, profile,
//! endpoint override, retries, timeouts, the standard credential chain) and error mapping.

mod assignments;
mod directory;
pub mod ec2;
mod identity_center;
mod organizations;
mod others;
mod permission_set_details;
mod reason;
pub mod transport;

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_sdk_directory::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_async::rt::sleep::TokioSleep;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use aws_smithy_runtime_api::client::http::{SharedHttpClient, SharedHttpConnector};

use super::{AwsError, AwsErrorKind, Connect, Target};
pub use transport::Timeouts;

/// Environment variable: the SDK's first retry delay in milliseconds (tests shorten it).
pub const RETRY_BACKOFF_ENV: &str = "ADSSO_RETRY_INITIAL_BACKOFF_MS";

/// The five SDK clients and the EC2 client behind the traits.
#[derive(Debug, Clone)]
pub struct SdkCloud {
    pub(crate) ds: aws_sdk_directory::Client,
    pub(crate) sso: aws_sdk_ssoadmin::Client,
    pub(crate) store: aws_sdk_identitystore::Client,
    pub(crate) sts: aws_sdk_sts::Client,
    pub(crate) org: aws_sdk_organizations::Client,
    pub(crate) ec2: ec2::Ec2Client,
    /// The Region, to name its endpoints in errors.
    region: String,
    /// The endpoint override in effect (`--endpoint-url`, AWS_ENDPOINT_URL, the profile's).
    endpoint_url: Option<String>,
    /// The limits in effect, to state them in errors.
    timeouts: Timeouts,
}

impl SdkCloud {
    /// Loads the AWS configuration (credential chain, profile, endpoint) and builds the clients.
    pub async fn connect(target: &Target) -> Self {
        let backoff = std::env::var(RETRY_BACKOFF_ENV)
            .ok()
            .and_then(|value| value.parse::<u64>().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .http_client(https_client())
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(5)
                    .with_initial_backoff(backoff),
            )
            .timeout_config(target.timeouts.sdk_config());
        if let Some(region) = &target.region {
            loader = loader.region(aws_config::Region::new(region.clone()));
        }
        if let Some(profile) = &target.profile {
            loader = loader.profile_name(profile);
        }
        if let Some(url) = &target.endpoint_url {
            loader = loader.endpoint_url(url);
        }
        let config = loader.load().await;
        SdkCloud {
            ds: aws_sdk_directory::Client::new(&config),
            sso: aws_sdk_ssoadmin::Client::new(&config),
            store: aws_sdk_identitystore::Client::new(&config),
            sts: aws_sdk_sts::Client::new(&config),
            org: aws_sdk_organizations::Client::new(&config),
            ec2: ec2::Ec2Client::new(
                &config,
                https_connector(target.timeouts),
                target.timeouts,
                backoff,
            ),
            region: config.region().map(ToString::to_string).unwrap_or_default(),
            endpoint_url: config.endpoint_url().map(str::to_owned),
            timeouts: target.timeouts,
        }
    }

    /// Turns any SDK error of a call into an [`AwsError`] naming the call, and for failures
    /// below the API, the endpoint and what went wrong there.
    pub(crate) fn map_err<E, R>(
        &self,
        service: &'static str,
        operation: &'static str,
        error: SdkError<E, R>,
    ) -> AwsError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        let endpoint =
            || transport::endpoint_of(service, &self.region, self.endpoint_url.as_deref());
        let transport = |timed_out: bool, source: &(dyn std::error::Error + 'static)| {
            let kind = transport::classify(source, timed_out);
            let detail = transport::describe(kind, &endpoint(), &self.timeouts, source);
            AwsError::new(service, operation, kind, detail)
        };
        match &error {
            SdkError::ServiceError(context) => service_error(service, operation, context.err()),
            SdkError::TimeoutError(_) => transport(true, &error),
            SdkError::DispatchFailure(failure) => transport(failure.is_timeout(), &error),
            _ => {
                let text = transport::chain_text(&error);
                let lower = text.to_ascii_lowercase();
                if lower.contains("credential") || lower.contains("token provider") {
                    let detail = transport::credentials_text(&text);
                    return AwsError::new(service, operation, AwsErrorKind::Credentials, detail);
                }
                let detail = format!("the answer of {} could not be used: {text}", endpoint());
                AwsError::new(service, operation, AwsErrorKind::Other, detail)
            }
        }
    }
}

/// The HTTPS client of the SDK clients: rustls with ring, the crypto library adsso already uses
/// for LDAPS (the SDK's default would compile aws-lc, a C library, as well).
fn https_client() -> SharedHttpClient {
    aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https()
}

/// The same HTTPS stack as a connector for the EC2 client, with the `--aws-timeout` limits.
fn https_connector(timeouts: Timeouts) -> SharedHttpConnector {
    let connector = aws_smithy_http_client::Connector::builder()
        .connector_settings(ec2::connector_settings(timeouts))
        .sleep_impl(TokioSleep::new())
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build();
    SharedHttpConnector::new(connector)
}

/// The SDK's [`Connect`]: opens an [`SdkCloud`] with the standard credential chain and the
/// target's Region, profile, endpoint and timeouts. Created by `commands/wizard.rs` and passed
/// down, so the wizard never names the SDK client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SdkConnect;

impl Connect for SdkConnect {
    type Cloud = SdkCloud;

    async fn connect(&self, target: &Target) -> SdkCloud {
        SdkCloud::connect(target).await
    }
}

/// An error AWS answered with: its code and message.
fn service_error<E: ProvideErrorMetadata>(
    service: &'static str,
    operation: &'static str,
    err: &E,
) -> AwsError {
    let code = err.code().unwrap_or_default();
    let kind = if code.is_empty() {
        AwsErrorKind::Service
    } else {
        AwsErrorKind::from_code(code)
    };
    let detail = match (code, err.message()) {
        ("", Some(message)) => message.to_owned(),
        ("", None) => "no error code in the answer (is the endpoint an AWS API?)".to_owned(),
        (code, Some(message)) => format!("{code}: {message}"),
        (code, None) => code.to_owned(),
    };
    AwsError::new(service, operation, kind, detail)
}

#[cfg(test)]
mod tests {
    use aws_config::timeout::TimeoutConfig;

    use super::*;

    #[tokio::test]
    async fn every_client_gets_the_timeouts() {
        let connection = Target {
            region: Some("eu-west-1".to_owned()),
            endpoint_url: Some("http://127.0.0.1:9".to_owned()),
            timeouts: Timeouts::for_operation(Duration::from_secs(7)),
            ..Target::default()
        };
        let cloud = SdkCloud::connect(&connection).await;
        let configs = [
            cloud.ds.config().timeout_config().cloned(),
            cloud.sso.config().timeout_config().cloned(),
            cloud.store.config().timeout_config().cloned(),
            cloud.sts.config().timeout_config().cloned(),
            cloud.org.config().timeout_config().cloned(),
        ];
        assert_eq!(
            cloud.ec2.timeouts(),
            Timeouts::for_operation(Duration::from_secs(7))
        );
        let third = Duration::from_secs(7) / 3;
        for config in configs {
            let config = config.unwrap_or_else(TimeoutConfig::disabled);
            assert_eq!(config.operation_timeout(), Some(Duration::from_secs(7)));
            assert_eq!(config.operation_attempt_timeout(), Some(third));
            assert_eq!(config.connect_timeout(), Some(third));
            assert_eq!(config.read_timeout(), Some(third));
        }
        assert_eq!(Target::default().timeouts, Timeouts::default());
    }

    #[tokio::test]
    async fn every_sdk_client_has_the_https_client() {
        // The SDK's own default client is compiled out (it would need aws-lc): each client must
        // get adsso's, or every call would fail before connecting.
        let cloud = SdkCloud::connect(&Target::default()).await;
        assert!(cloud.ds.config().http_client().is_some());
        assert!(cloud.sso.config().http_client().is_some());
        assert!(cloud.store.config().http_client().is_some());
        assert!(cloud.sts.config().http_client().is_some());
        assert!(cloud.org.config().http_client().is_some());
    }
}
