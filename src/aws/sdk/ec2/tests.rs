//! The EC2 client's requests and answers, without a network: bodies in EC2's wire names, a
//! SigV4 signature, and answers read as untrusted bytes.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;

use super::answer::{self, Page};
use super::request;
use super::*;
use crate::aws::Vpc;

fn credentials() -> Credentials {
    Credentials::new("AKIDEXAMPLE", "secret-key-example", None, None, "test")
}

#[test]
fn describe_subnets_names_each_id_and_the_page_token() {
    let ids = ["subnet-1".to_owned(), "subnet-2 &=".to_owned()];
    assert_eq!(
        request::describe_subnets(&ids, None),
        "Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-1&SubnetId.2=subnet-2%20%26%3D"
    );
    assert_eq!(
        request::describe_subnets(&[], Some("t/1")),
        "Action=DescribeSubnets&Version=2016-11-15&NextToken=t%2F1"
    );
}

#[test]
fn describe_security_groups_names_the_group() {
    assert_eq!(
        request::describe_security_groups("sg-0abc"),
        "Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-0abc"
    );
}

#[test]
fn requests_are_signed_for_ec2_in_the_region() {
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let request = request::signed(
        "http://127.0.0.1:5000/",
        "eu-west-1",
        "Action=DescribeSubnets&Version=2016-11-15",
        &credentials(),
        time,
    )
    .unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "http://127.0.0.1:5000/");
    let authorization = request.headers().get("authorization").unwrap();
    assert!(
        authorization.starts_with(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/eu-west-1/ec2/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="
        ),
        "{authorization}"
    );
    assert_eq!(
        request.headers().get("x-amz-date"),
        Some("20231114T221320Z")
    );
    assert!(!authorization.contains("secret-key-example"));
}

#[test]
fn an_endpoint_that_is_not_a_url_is_an_error_not_a_panic() {
    let error = request::signed(
        "not a url",
        "eu-west-1",
        "",
        &credentials(),
        SystemTime::now(),
    )
    .unwrap_err();
    assert!(
        error.starts_with("the endpoint `not a url/` is not a usable URL"),
        "{error}"
    );
}

const SUBNETS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>7a62c49f</requestId>
  <subnetSet>
    <item>
      <subnetId>subnet-a</subnetId><state>available</state><vpcId>vpc-1</vpcId>
      <availabilityZone>eu-west-1a</availabilityZone><cidrBlock>10.0.1.0/24</cidrBlock>
      <tagSet><item><key>subnetId</key><value>not-this</value></item>
        <item><key>Name</key><value>app-a</value></item></tagSet>
    </item>
    <item>
      <vpcId>vpc-1</vpcId><subnetId>subnet-b</subnetId>
      <availabilityZone>eu-west-1b</availabilityZone>
    </item>
  </subnetSet>
  <nextToken>page-2</nextToken>
</DescribeSubnetsResponse>"#;

#[test]
fn subnets_are_read_with_their_name_range_and_the_next_page_token() {
    let page = answer::subnets(SUBNETS).unwrap();
    let subnet = |id: &str, zone: &str, cidr: &str, name: &str| Subnet {
        id: id.to_owned(),
        vpc_id: "vpc-1".to_owned(),
        availability_zone: zone.to_owned(),
        cidr: cidr.to_owned(),
        name: name.to_owned(),
    };
    assert_eq!(
        page,
        Page {
            items: vec![
                subnet("subnet-a", "eu-west-1a", "10.0.1.0/24", "app-a"),
                subnet("subnet-b", "eu-west-1b", "", ""),
            ],
            next: Some("page-2".to_owned()),
        }
    );
    let last = SUBNETS.replace("<nextToken>page-2</nextToken>", "<nextToken/>");
    assert_eq!(answer::subnets(&last).unwrap().next, None);
}

#[test]
fn vpcs_are_read_with_their_name_and_range() {
    let xml = r#"<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
      <requestId>1</requestId>
      <vpcSet>
        <item><vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/16</cidrBlock>
          <cidrBlockAssociationSet><item><cidrBlock>10.9.0.0/16</cidrBlock></item></cidrBlockAssociationSet>
          <tagSet><item><key>Team</key><value>x</value></item><item><key>Name</key><value>prod</value></item></tagSet>
        </item>
        <item><vpcId>vpc-2</vpcId><cidrBlock>172.31.0.0/16</cidrBlock></item>
      </vpcSet>
    </DescribeVpcsResponse>"#;
    let vpc = |id: &str, cidr: &str, name: &str| Vpc {
        id: id.to_owned(),
        cidr: cidr.to_owned(),
        name: name.to_owned(),
    };
    assert_eq!(
        answer::vpcs(xml).unwrap(),
        Page {
            items: vec![
                vpc("vpc-1", "10.0.0.0/16", "prod"),
                vpc("vpc-2", "172.31.0.0/16", "")
            ],
            next: None,
        }
    );
    assert_eq!(
        request::describe_vpcs(Some("n")),
        "Action=DescribeVpcs&Version=2016-11-15&NextToken=n"
    );
}

const GROUPS: &str = r#"<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <securityGroupInfo><item>
    <groupId>sg-1</groupId>
    <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>
      <ipRanges><item><cidrIp>10.9.9.9/32</cidrIp></item></ipRanges></item></ipPermissions>
    <ipPermissionsEgress>
      <item><ipProtocol>udp</ipProtocol><fromPort>53</fromPort><toPort>53</toPort>
        <ipRanges><item><cidrIp>10.0.0.10/32</cidrIp><description>dns</description></item>
          <item><cidrIp>10.0.0.11/32</cidrIp></item></ipRanges></item>
      <item><ipProtocol>-1</ipProtocol><ipRanges/></item>
    </ipPermissionsEgress>
  </item></securityGroupInfo>
</DescribeSecurityGroupsResponse>"#;

#[test]
fn egress_rules_are_read_and_ingress_is_ignored() {
    let rules = answer::egress_rules(GROUPS).unwrap();
    assert_eq!(
        rules,
        vec![
            EgressRule {
                protocol: "udp".to_owned(),
                from_port: Some(53),
                to_port: Some(53),
                cidrs: vec!["10.0.0.10/32".to_owned(), "10.0.0.11/32".to_owned()],
            },
            EgressRule {
                protocol: "-1".to_owned(),
                from_port: None,
                to_port: None,
                cidrs: vec![],
            },
        ]
    );
}

#[test]
fn hostile_or_cut_answers_are_refused_with_a_reason() {
    let cut = &SUBNETS[..SUBNETS.find("</subnetSet>").unwrap()];
    assert_eq!(
        answer::subnets(cut).unwrap_err(),
        "it ends before `</DescribeSubnetsResponse>` (cut short)"
    );
    let wrong = "<DescribeVpcsResponse></DescribeVpcsResponse>";
    assert_eq!(
        answer::subnets(wrong).unwrap_err(),
        "expected a `DescribeSubnetsResponse` document, got `DescribeVpcsResponse`"
    );
    let escape = SUBNETS.replace("subnet-a", "subnet-\u{1b}[31m");
    assert_eq!(
        answer::subnets(&escape).unwrap_err(),
        "it is not well-formed XML (XML parse error)"
    );
    let port = GROUPS.replace("<fromPort>53</fromPort>", "<fromPort>5&#x202E;3</fromPort>");
    assert_eq!(
        answer::egress_rules(&port).unwrap_err(),
        "`5\\u{202e}3` is not a port number"
    );
    for garbage in [
        "",
        "not xml",
        "<A/><DescribeSubnetsResponse></DescribeSubnetsResponse>",
        "<a><b></a>",
        "<<<",
        "<DescribeSubnetsResponse",
    ] {
        assert!(answer::subnets(garbage).is_err(), "{garbage:?}");
    }
}

#[test]
fn error_answers_give_the_code_kind_and_message() {
    let xml = "<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code>\
               <Message>The subnet ID 'subnet-x' does not exist</Message></Error></Errors>\
               <RequestID>1</RequestID></Response>";
    assert_eq!(
        answer::error(400, xml),
        (
            AwsErrorKind::DoesNotExist,
            "InvalidSubnetID.NotFound: The subnet ID 'subnet-x' does not exist".to_owned()
        )
    );
    let throttled = xml.replace("InvalidSubnetID.NotFound", "RequestLimitExceeded");
    assert_eq!(answer::error(503, &throttled).0, AwsErrorKind::Throttling);
    let denied = xml.replace("InvalidSubnetID.NotFound", "UnauthorizedOperation");
    assert_eq!(answer::error(403, &denied).0, AwsErrorKind::AccessDenied);
    let auth = xml.replace("InvalidSubnetID.NotFound", "AuthFailure");
    assert_eq!(answer::error(401, &auth).0, AwsErrorKind::Credentials);
    assert_eq!(
        answer::error(502, "<html>bad gateway</html>"),
        (
            AwsErrorKind::Service,
            "HTTP status 502 without an error code (is the endpoint an AWS API?)".to_owned()
        )
    );
    assert_eq!(answer::error(400, "").0, AwsErrorKind::Other);
}

#[test]
fn the_regional_endpoint_is_in_the_partitions_domain() {
    assert_eq!(
        transport::endpoint_of(SERVICE, "eu-west-1", None),
        "https://ec2.eu-west-1.amazonaws.com"
    );
    assert_eq!(
        transport::endpoint_of(SERVICE, "cn-north-1", None),
        "https://ec2.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(
        transport::endpoint_of(SERVICE, "eusc-de-east-1", None),
        "https://ec2.eusc-de-east-1.amazonaws.eu"
    );
    assert_eq!(
        transport::endpoint_of(SERVICE, "us-gov-west-1", None),
        "https://ec2.us-gov-west-1.amazonaws.com"
    );
}

#[test]
fn only_throttling_server_errors_and_transport_failures_are_retried() {
    let error = |kind| AwsError::new(SERVICE, "DescribeSubnets", kind, "");
    for kind in [
        AwsErrorKind::Throttling,
        AwsErrorKind::Service,
        AwsErrorKind::TimedOut,
        AwsErrorKind::Refused,
        AwsErrorKind::Unreachable,
    ] {
        assert!(worth_retrying(&error(kind)), "{kind:?}");
    }
    for kind in [
        AwsErrorKind::Credentials,
        AwsErrorKind::AccessDenied,
        AwsErrorKind::DoesNotExist,
        AwsErrorKind::Other,
    ] {
        assert!(!worth_retrying(&error(kind)), "{kind:?}");
    }
}

/// A server that answers every connection with plain-text HTTP, so a TLS client fails its
/// handshake. Returns its `https://` URL.
async fn plain_http_server() -> String {
    use tokio::io::AsyncWriteExt;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        for _ in 0..20 {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let _ = socket
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    });
    format!("https://127.0.0.1:{port}")
}

fn config(endpoint: &str) -> SdkConfig {
    SdkConfig::builder()
        .region(aws_types::region::Region::new("eu-west-1"))
        .credentials_provider(SharedCredentialsProvider::new(credentials()))
        .endpoint_url(endpoint)
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build()
}

#[tokio::test]
async fn https_goes_through_tls_and_a_failed_handshake_is_said_as_such() {
    let endpoint = plain_http_server().await;
    let timeouts = Timeouts::for_operation(Duration::from_secs(5));
    let client = Ec2Client::new(
        &config(&endpoint),
        super::super::https_connector(timeouts),
        timeouts,
        Duration::from_millis(1),
    );
    assert_eq!(client.endpoint(), endpoint);
    let error = client.describe_subnets(&[]).await.unwrap_err();
    assert_eq!(error.kind, AwsErrorKind::Tls, "{error}");
    assert!(
        error
            .detail
            .starts_with(&format!("TLS with {endpoint} failed")),
        "{error}"
    );
}

#[tokio::test]
async fn a_call_without_a_region_says_so_without_calling() {
    let config = SdkConfig::builder()
        .credentials_provider(SharedCredentialsProvider::new(credentials()))
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build();
    let timeouts = Timeouts::default();
    let client = Ec2Client::new(
        &config,
        super::super::https_connector(timeouts),
        timeouts,
        Duration::ZERO,
    );
    let error = client.security_group_egress("sg-1").await.unwrap_err();
    assert_eq!(error.kind, AwsErrorKind::Other);
    assert_eq!(error.detail, crate::text::ec2::NO_REGION);
}

#[tokio::test]
async fn a_stalled_endpoint_ends_the_call_within_its_total_time() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    // Accepts and never answers.
    tokio::spawn(async move {
        let mut held = Vec::new();
        for _ in 0..20 {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            held.push(socket);
        }
    });
    let timeouts = Timeouts::for_operation(Duration::from_millis(600));
    let client = Ec2Client::new(
        &config(&endpoint),
        super::super::https_connector(timeouts),
        timeouts,
        Duration::from_millis(10),
    );
    let started = std::time::Instant::now();
    let error = client.describe_subnets(&[]).await.unwrap_err();
    assert_eq!(error.kind, AwsErrorKind::TimedOut, "{error}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}
