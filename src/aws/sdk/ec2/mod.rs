//! EC2's read-only calls adsso makes (`DescribeSubnets`, `DescribeVpcs`,
//! `DescribeSecurityGroups`, `DescribeNetworkAcls`, `DescribeRouteTables`), without the generated `aws-sdk-ec2` crate: that crate alone took
//! 8-10 CPU-minutes to compile, most of a build from source, for these few calls.
//!
//! The client is built from the SDK's own parts, so it behaves like the other clients: the
//! credentials and endpoint override of the loaded `SdkConfig` (including `AWS_ENDPOINT_URL_EC2`
//! and the profile's `ec2` section), the same HTTPS connector, SigV4 from `aws-sigv4`, and the
//! `--aws-timeout` limits. Requests use EC2's query protocol ([`request`]); answers are XML
//! ([`answer`]), read up to a size limit. Throttling, server errors and failures below the API are
//! retried with backoff within the call's total time. The strict test emulator checks every
//! request against EC2's service model.

mod answer;
mod request;
#[cfg(test)]
mod tests;
mod vpc_answer;
#[cfg(test)]
mod vpc_tests;

use std::time::Duration;

use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_smithy_runtime_api::client::http::{
    HttpConnector, HttpConnectorSettings, SharedHttpConnector,
};
use aws_types::SdkConfig;
use aws_types::service_config::ServiceConfigKey;

use super::transport::{self, Timeouts};
use crate::aws::pages::Pages;
use crate::aws::{AwsError, AwsErrorKind, EgressRule, NetworkAcl, RouteTable, Subnet, Vpc};
use crate::text::ec2 as text;

/// The service name, as errors and SigV4 name it.
const SERVICE: &str = "ec2";
/// The most attempts of one call.
const ATTEMPTS: u32 = 5;
/// The most pages of one listing (a bound against an answer that never ends).
const MAX_PAGES: usize = 100;
/// The longest pause between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(20);

/// A client for EC2's read-only calls.
#[derive(Debug, Clone)]
pub struct Ec2Client {
    connector: SharedHttpConnector,
    credentials: Option<SharedCredentialsProvider>,
    region: String,
    endpoint: String,
    timeouts: Timeouts,
    first_backoff: Duration,
}

impl Ec2Client {
    /// A client with `config`'s credentials, Region and endpoint override, calling through
    /// `connector` within `timeouts`; the first retry waits `first_backoff`.
    pub fn new(
        config: &SdkConfig,
        connector: SharedHttpConnector,
        timeouts: Timeouts,
        first_backoff: Duration,
    ) -> Self {
        let region = config.region().map(ToString::to_string).unwrap_or_default();
        Ec2Client {
            connector,
            credentials: config.credentials_provider(),
            endpoint: endpoint(config, &region),
            region,
            timeouts,
            first_backoff,
        }
    }

    /// The endpoint called: the override, or the Region's EC2 endpoint.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The limits each call keeps to.
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// `DescribeSubnets` of these subnet ids (every subnet when `ids` is empty), every page.
    pub async fn describe_subnets(&self, ids: &[String]) -> Result<Vec<Subnet>, AwsError> {
        self.every_page(
            "DescribeSubnets",
            |token| request::describe_subnets(ids, token),
            answer::subnets,
        )
        .await
    }

    /// `DescribeVpcs`: every VPC, every page.
    pub async fn describe_vpcs(&self) -> Result<Vec<Vpc>, AwsError> {
        self.every_page("DescribeVpcs", request::describe_vpcs, answer::vpcs)
            .await
    }

    /// `DescribeNetworkAcls` of one VPC, every page: one listing gives every subnet's ACL.
    pub async fn describe_network_acls(&self, vpc_id: &str) -> Result<Vec<NetworkAcl>, AwsError> {
        self.every_page(
            "DescribeNetworkAcls",
            |token| request::describe_network_acls(vpc_id, token),
            vpc_answer::network_acls,
        )
        .await
    }

    /// `DescribeRouteTables` of one VPC, every page: the main table and every explicit one.
    pub async fn describe_route_tables(&self, vpc_id: &str) -> Result<Vec<RouteTable>, AwsError> {
        self.every_page(
            "DescribeRouteTables",
            |token| request::describe_route_tables(vpc_id, token),
            vpc_answer::route_tables,
        )
        .await
    }

    /// Every page of a listing: `body` gives the request of a page token, `read` an answer's
    /// items and next token. Bounded by [`MAX_PAGES`] and by a token that comes back unchanged
    /// ([`Pages`]).
    async fn every_page<T>(
        &self,
        operation: &'static str,
        body: impl Fn(Option<&str>) -> String,
        read: impl Fn(&str) -> Result<answer::Page<T>, String>,
    ) -> Result<Vec<T>, AwsError> {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = Pages::at_most(SERVICE, operation, MAX_PAGES);
        loop {
            let text = self.call(operation, body(token.as_deref())).await?;
            let page = read(&text).map_err(|detail| unusable(operation, &detail))?;
            items.extend(page.items);
            token = pages.next(page.next.as_deref())?;
            if token.is_none() {
                return Ok(items);
            }
        }
    }

    /// The outbound rules of one security group (`DescribeSecurityGroups`).
    pub async fn security_group_egress(&self, group_id: &str) -> Result<Vec<EgressRule>, AwsError> {
        const OPERATION: &str = "DescribeSecurityGroups";
        let body = request::describe_security_groups(group_id);
        let answer = self.call(OPERATION, body).await?;
        answer::egress_rules(&answer).map_err(|detail| unusable(OPERATION, &detail))
    }

    /// One call: attempts with backoff while the failure is worth retrying, all within the
    /// call's total time. Returns the successful answer's text.
    async fn call(&self, operation: &'static str, body: String) -> Result<String, AwsError> {
        let attempts = async {
            let mut backoff = self.first_backoff;
            let mut attempt = 1;
            loop {
                match self.attempt(operation, &body).await {
                    Err(error) if attempt < ATTEMPTS && worth_retrying(&error) => {
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(MAX_BACKOFF);
                        attempt += 1;
                    }
                    outcome => return outcome,
                }
            }
        };
        match tokio::time::timeout(self.timeouts.operation, attempts).await {
            Ok(outcome) => outcome,
            Err(_) => Err(self.timed_out(operation)),
        }
    }

    /// One attempt: sign, send, read the answer (bounded), and turn an error answer into an
    /// [`AwsError`].
    async fn attempt(&self, operation: &'static str, body: &str) -> Result<String, AwsError> {
        if self.region.is_empty() {
            return Err(AwsError::new(
                SERVICE,
                operation,
                AwsErrorKind::Other,
                text::NO_REGION,
            ));
        }
        let credentials = self.credentials(operation).await?;
        let now = std::time::SystemTime::now();
        let signed = request::signed(&self.endpoint, &self.region, body, &credentials, now)
            .map_err(|detail| AwsError::new(SERVICE, operation, AwsErrorKind::Other, detail))?;
        let exchange = async {
            let response = self.connector.call(signed).await.map_err(|error| {
                let kind = transport::classify(&error, error.is_timeout());
                let detail = transport::describe(kind, &self.endpoint, &self.timeouts, &error);
                AwsError::new(SERVICE, operation, kind, detail)
            })?;
            let status = response.status().as_u16();
            let text = answer::read_bounded(response.into_body())
                .await
                .map_err(|error| self.body_error(operation, error))?;
            Ok((status, text))
        };
        let (status, text) = tokio::time::timeout(self.timeouts.attempt, exchange)
            .await
            .map_err(|_| self.timed_out(operation))??;
        if (200..300).contains(&status) {
            return Ok(text);
        }
        let (kind, detail) = answer::error(status, &text);
        Err(AwsError::new(SERVICE, operation, kind, detail))
    }

    /// The credentials of the chain, or the chain's own reason why there are none.
    async fn credentials(
        &self,
        operation: &'static str,
    ) -> Result<aws_credential_types::Credentials, AwsError> {
        let missing =
            |detail: String| AwsError::new(SERVICE, operation, AwsErrorKind::Credentials, detail);
        let provider = self
            .credentials
            .as_ref()
            .ok_or_else(|| missing(text::NO_CREDENTIALS.to_owned()))?;
        provider
            .provide_credentials()
            .await
            .map_err(|error| missing(transport::credentials_text(&transport::chain_text(&error))))
    }

    /// An answer whose body could not be read.
    fn body_error(&self, operation: &'static str, error: answer::BodyError) -> AwsError {
        match error {
            answer::BodyError::TooLarge => unusable(
                operation,
                &text::ec2_answer_too_large(answer::MAX_ANSWER_BYTES),
            ),
            answer::BodyError::NotUtf8 => unusable(operation, text::EC2_ANSWER_NOT_UTF8),
            answer::BodyError::Transport(error) => {
                let kind = transport::classify(error.as_ref(), false);
                let detail =
                    transport::describe(kind, &self.endpoint, &self.timeouts, error.as_ref());
                AwsError::new(SERVICE, operation, kind, detail)
            }
        }
    }

    /// The timeout error, with the limits in effect.
    fn timed_out(&self, operation: &'static str) -> AwsError {
        let error = std::io::Error::from(std::io::ErrorKind::TimedOut);
        let detail = transport::describe(
            AwsErrorKind::TimedOut,
            &self.endpoint,
            &self.timeouts,
            &error,
        );
        AwsError::new(SERVICE, operation, AwsErrorKind::TimedOut, detail)
    }
}

/// A failure a later attempt may not have: throttling, a server error, or no answer at all
/// (the credentials and a refused request are final).
fn worth_retrying(error: &AwsError) -> bool {
    error.kind.is_retryable() || error.kind == AwsErrorKind::Service || error.kind.is_transport()
}

/// An answer adsso could not read.
fn unusable(operation: &'static str, detail: &str) -> AwsError {
    AwsError::new(
        SERVICE,
        operation,
        AwsErrorKind::Other,
        text::ec2_answer_unusable(detail),
    )
}

/// The endpoint EC2 is called at: the service's own override (`AWS_ENDPOINT_URL_EC2`, the
/// profile's `ec2` section), the global one (`--endpoint-url`, `AWS_ENDPOINT_URL`), or the
/// Region's endpoint in its partition's domain ([`transport::endpoint_of`], which names every
/// service's endpoint in errors).
fn endpoint(config: &SdkConfig, region: &str) -> String {
    let own = config.service_config().and_then(|services| {
        let key = ServiceConfigKey::builder()
            .service_id("EC2")
            .env("AWS_ENDPOINT_URL")
            .profile("endpoint_url")
            .build()
            .ok()?;
        services.load_config(key)
    });
    own.or_else(|| config.endpoint_url().map(str::to_owned))
        .unwrap_or_else(|| transport::endpoint_of(SERVICE, region, None))
}

/// Settings of the connector: the `--aws-timeout` limits.
pub(super) fn connector_settings(timeouts: Timeouts) -> HttpConnectorSettings {
    HttpConnectorSettings::builder()
        .connect_timeout(timeouts.connect)
        .read_timeout(timeouts.attempt)
        .build()
}
