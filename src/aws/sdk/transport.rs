//! Failures below the AWS API: no answer in time, a refused connection, a failed DNS lookup or
//! TLS handshake, missing credentials. They are classified by walking the SDK error's
//! `source()` chain and described in words that name the endpoint; the SDK's `Debug` dump is
//! never shown.

use std::error::Error;
use std::io::ErrorKind;
use std::time::Duration;

use aws_config::timeout::TimeoutConfig;

use crate::aws::AwsErrorKind;

/// How long AWS calls may take. `--aws-timeout` sets the total of one call (every retry
/// included); the connect and per-attempt limits are derived from it, so a stalled endpoint
/// ends a call within the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Establishing the TCP (and TLS) connection.
    pub connect: Duration,
    /// One attempt, from sending the request to the end of the answer (also the read limit).
    pub attempt: Duration,
    /// One call, every retry included.
    pub operation: Duration,
}

impl Timeouts {
    /// The default total of one call (`--aws-timeout`).
    pub const DEFAULT_OPERATION: Duration = Duration::from_secs(60);
    /// The longest connect limit.
    pub const MAX_CONNECT: Duration = Duration::from_secs(5);

    /// The limits for a total of `operation` per call: a third of it per attempt (at least one
    /// second, at most the total), and at most five seconds to connect.
    pub fn for_operation(operation: Duration) -> Self {
        let attempt = (operation / 3).max(operation.min(Duration::from_secs(1)));
        Timeouts {
            connect: Self::MAX_CONNECT.min(attempt),
            attempt,
            operation,
        }
    }

    /// The SDK's timeout configuration.
    pub fn sdk_config(&self) -> TimeoutConfig {
        TimeoutConfig::builder()
            .connect_timeout(self.connect)
            .read_timeout(self.attempt)
            .operation_attempt_timeout(self.attempt)
            .operation_timeout(self.operation)
            .build()
    }
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts::for_operation(Self::DEFAULT_OPERATION)
    }
}

/// `3s`, `1.7s`, `500ms`: how a limit is shown.
pub fn shown_duration(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis.is_multiple_of(1000) {
        format!("{}s", millis / 1000)
    } else if millis < 1000 {
        format!("{millis}ms")
    } else {
        format!("{:.1}s", duration.as_secs_f64())
    }
}

/// `error`, then each error after it in its chain. After an `io::Error` the next one is its
/// payload (`io::Error::source` would skip it).
fn chain<'a>(error: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(error), |&error| {
        match error.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn Error + 'static)),
            None => error.source(),
        }
    })
}

/// The SDK's wrapper messages, which say nothing the classification does not.
const GENERIC: [&str; 8] = [
    "dispatch failure",
    "request has timed out",
    "response error",
    "failed to construct request",
    "other",
    "io error",
    "timeout",
    "user error",
];

/// The chain's messages joined with `: ` (repeats and the SDK's wrapper words dropped): the
/// transport's own words, never a `Debug` dump.
pub fn chain_text(error: &(dyn Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    for text in chain(error).map(|e| e.to_string()) {
        let text = text.trim().to_owned();
        let generic = GENERIC.contains(&text.to_ascii_lowercase().as_str());
        if !text.is_empty() && !generic && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

/// The credential chain's failure as one sentence. The chain lists each provider it tried on a
/// line of its own ("Attempted:\n\tEnvironment: ...\n\tProfile: ..."); that becomes "no
/// credentials found; tried: Environment, Profile, ...". Other text is joined onto one line.
pub fn credentials_text(text: &str) -> String {
    if let Some((_, attempted)) = text.split_once("Attempted:") {
        let tried: Vec<&str> = attempted
            .lines()
            .filter(|line| line.starts_with([' ', '\t']))
            .filter_map(|line| line.trim().split_once(':').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && !name.contains(' '))
            .collect();
        if !tried.is_empty() {
            return format!("no credentials found; tried: {}", tried.join(", "));
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Classifies a failure that got no usable answer from AWS. `timed_out` is the SDK's own
/// verdict (its operation timeout, or the connector's timeout flag).
pub fn classify(error: &(dyn Error + 'static), timed_out: bool) -> AwsErrorKind {
    let texts: Vec<String> = chain(error)
        .map(|e| e.to_string().to_ascii_lowercase())
        .collect();
    let any = |words: &[&str]| texts.iter().any(|t| words.iter().any(|w| t.contains(w)));
    let io_kind = |kind: ErrorKind| {
        chain(error).any(|e| {
            e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == kind)
        })
    };
    if any(&["credential", "token provider", "no identity"]) {
        AwsErrorKind::Credentials
    } else if timed_out || io_kind(ErrorKind::TimedOut) || any(&["timed out", "timeout"]) {
        AwsErrorKind::TimedOut
    } else if io_kind(ErrorKind::ConnectionRefused) || any(&["connection refused"]) {
        AwsErrorKind::Refused
    } else if any(&[
        "dns",
        "failed to lookup address",
        "name or service not known",
    ]) {
        AwsErrorKind::Dns
    } else if any(&["certificate", "tls", "handshake", "invalidcontenttype"]) {
        AwsErrorKind::Tls
    } else {
        AwsErrorKind::Unreachable
    }
}

/// What adsso says about a transport failure of `kind` at `endpoint` (the SDK's words follow
/// for the kinds where they add something).
pub fn describe(
    kind: AwsErrorKind,
    endpoint: &str,
    timeouts: &Timeouts,
    error: &(dyn Error + 'static),
) -> String {
    match kind {
        AwsErrorKind::TimedOut => format!(
            "no answer from {endpoint} within the limits: connect {}, attempt {}, whole call {}, set by `--aws-timeout`",
            shown_duration(timeouts.connect),
            shown_duration(timeouts.attempt),
            shown_duration(timeouts.operation)
        ),
        AwsErrorKind::Refused => format!("{endpoint} refused the connection"),
        AwsErrorKind::Dns => format!("the DNS lookup of {endpoint} failed"),
        AwsErrorKind::Tls => format!("TLS with {endpoint} failed: {}", chain_text(error)),
        AwsErrorKind::Credentials => credentials_text(&chain_text(error)),
        _ => format!("calling {endpoint}: {}", chain_text(error)),
    }
}

/// The endpoint a service is called at: the endpoint override when there is one, or the
/// Region's AWS endpoint.
pub fn endpoint_of(service: &str, region: &str, endpoint_url: Option<&str>) -> String {
    if let Some(url) = endpoint_url {
        return url.to_owned();
    }
    let host = match service {
        "sso-admin" => "sso",
        other => other,
    };
    let partition = crate::plan::rules::partition_of(region);
    let suffix = partition.map_or("amazonaws.com", |partition| partition.dns_suffix);
    // Organizations is global: one endpoint per partition, in its first Region.
    let region = match (service, partition.map(|p| p.id)) {
        ("organizations", Some("aws") | None) => "us-east-1",
        ("organizations", Some("aws-cn")) => "cn-northwest-1",
        ("organizations", Some("aws-us-gov")) => "us-gov-west-1",
        _ => region,
    };
    format!("https://{host}.{region}.{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_limits_bound_a_call_to_a_minute() {
        let timeouts = Timeouts::default();
        assert_eq!(timeouts.operation, Duration::from_secs(60));
        assert_eq!(timeouts.attempt, Duration::from_secs(20));
        assert_eq!(timeouts.connect, Duration::from_secs(5));
        let config = timeouts.sdk_config();
        assert_eq!(config.connect_timeout(), Some(Duration::from_secs(5)));
        assert_eq!(config.read_timeout(), Some(Duration::from_secs(20)));
        assert_eq!(
            config.operation_attempt_timeout(),
            Some(Duration::from_secs(20))
        );
        assert_eq!(config.operation_timeout(), Some(Duration::from_secs(60)));
    }

    #[test]
    fn short_limits_never_exceed_the_total() {
        for millis in [1, 500, 2_000, 4_000, 90_000] {
            let total = Duration::from_millis(millis);
            let t = Timeouts::for_operation(total);
            assert!(t.attempt <= total && t.connect <= t.attempt, "{t:?}");
            assert!(t.attempt >= total / 3, "{t:?}");
        }
    }

    #[test]
    fn io_errors_are_classified_by_kind_through_wrappers() {
        #[derive(Debug)]
        struct Wrap(std::io::Error);
        impl std::fmt::Display for Wrap {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("client error (Connect)")
            }
        }
        impl Error for Wrap {
            fn source(&self) -> Option<&(dyn Error + 'static)> {
                Some(&self.0)
            }
        }
        let refused = Wrap(std::io::Error::from(ErrorKind::ConnectionRefused));
        assert_eq!(classify(&refused, false), AwsErrorKind::Refused);
        let nested =
            std::io::Error::other(Wrap(std::io::Error::new(ErrorKind::TimedOut, "no answer")));
        assert_eq!(classify(&nested, false), AwsErrorKind::TimedOut);
        let dns = std::io::Error::other("dns error: failed to lookup address information");
        assert_eq!(classify(&dns, false), AwsErrorKind::Dns);
        let tls = std::io::Error::other("invalid peer certificate: UnknownIssuer");
        assert_eq!(classify(&tls, false), AwsErrorKind::Tls);
        let creds = std::io::Error::other("the credential provider was not enabled");
        assert_eq!(classify(&creds, true), AwsErrorKind::Credentials);
        let other = std::io::Error::other("connection reset");
        assert_eq!(classify(&other, false), AwsErrorKind::Unreachable);
        assert_eq!(classify(&other, true), AwsErrorKind::TimedOut);
    }

    #[test]
    fn the_credential_chains_failure_is_one_sentence() {
        let chain = "the credential provider was not enabled: no credentials found in chain. \
                     Attempted:\n\tEnvironment: the credential provider was not enabled: \
                     environment variable not set\n\tProfile: the credential provider was not \
                     enabled\n\tEc2InstanceMetadata: the credential provider was not enabled: \
                     IMDS disabled by AWS_EC2_METADATA_DISABLED env var set to `true`";
        assert_eq!(
            credentials_text(chain),
            "no credentials found; tried: Environment, Profile, Ec2InstanceMetadata"
        );
        assert_eq!(
            credentials_text("the token\n\thas expired"),
            "the token has expired"
        );
    }

    #[test]
    fn the_chain_text_has_each_message_once_and_no_debug() {
        let error = std::io::Error::other(std::io::Error::new(
            ErrorKind::ConnectionRefused,
            "Connection refused (os error 111)",
        ));
        let text = chain_text(&error);
        assert_eq!(text, "Connection refused (os error 111)");
        assert!(!text.contains("Custom {"), "{text}");
    }

    #[test]
    fn endpoints_are_named() {
        assert_eq!(
            endpoint_of("organizations", "eu-west-1", None),
            "https://organizations.us-east-1.amazonaws.com"
        );
        assert_eq!(
            endpoint_of("organizations", "cn-north-1", None),
            "https://organizations.cn-northwest-1.amazonaws.com.cn"
        );
        assert_eq!(
            endpoint_of("sts", "eu-west-1", None),
            "https://sts.eu-west-1.amazonaws.com"
        );
        assert_eq!(
            endpoint_of("sso-admin", "cn-north-1", None),
            "https://sso.cn-north-1.amazonaws.com.cn"
        );
        assert_eq!(
            endpoint_of("ds", "eusc-de-east-1", None),
            "https://ds.eusc-de-east-1.amazonaws.eu"
        );
        assert_eq!(
            endpoint_of("ds", "us-east-1", Some("http://127.0.0.1:9")),
            "http://127.0.0.1:9"
        );
        assert_eq!(shown_duration(Duration::from_millis(1666)), "1.7s");
        assert_eq!(shown_duration(Duration::from_millis(500)), "500ms");
        assert_eq!(shown_duration(Duration::from_secs(2)), "2s");
    }
}
