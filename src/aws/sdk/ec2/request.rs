//! EC2 query-protocol requests: a form body (`Action`, `Version`, list members as `Name.N`, the
//! names EC2's service model gives them) POSTed to the endpoint's root and signed with SigV4.

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_query::QueryWriter;
use aws_smithy_runtime_api::client::identity::Identity;
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_types::body::SdkBody;

/// The EC2 API version every request names (the one of EC2's service model).
pub const API_VERSION: &str = "2016-11-15";
/// The body's media type.
const CONTENT_TYPE: &str = "application/x-www-form-urlencoded";
/// What adsso calls itself in the `User-Agent` header.
const USER_AGENT: &str = concat!("adsso/", env!("CARGO_PKG_VERSION"));

/// `DescribeSubnets` of these ids (`SubnetId.1`, ...), from the page `next_token` names.
pub fn describe_subnets(ids: &[String], next_token: Option<&str>) -> String {
    let mut body = String::new();
    let mut writer = QueryWriter::new(&mut body, "DescribeSubnets", API_VERSION);
    if let Some(token) = next_token {
        writer.prefix("NextToken").string(token);
    }
    // EC2's serializer leaves an empty list out: no ids means every subnet.
    if !ids.is_empty() {
        let mut list = writer.prefix("SubnetId").start_list(true, None);
        for id in ids {
            list.entry().string(id);
        }
        list.finish();
    }
    writer.finish();
    body
}

/// `DescribeVpcs` (every VPC), from the page `next_token` names.
pub fn describe_vpcs(next_token: Option<&str>) -> String {
    let mut body = String::new();
    let mut writer = QueryWriter::new(&mut body, "DescribeVpcs", API_VERSION);
    if let Some(token) = next_token {
        writer.prefix("NextToken").string(token);
    }
    writer.finish();
    body
}

/// `DescribeSecurityGroups` of one group (`GroupId.1`).
pub fn describe_security_groups(group_id: &str) -> String {
    let mut body = String::new();
    let mut writer = QueryWriter::new(&mut body, "DescribeSecurityGroups", API_VERSION);
    let mut list = writer.prefix("GroupId").start_list(true, None);
    list.entry().string(group_id);
    list.finish();
    writer.finish();
    body
}

/// `DescribeNetworkAcls` of one VPC (`Filter.1.Name=vpc-id`), from the page `next_token` names.
pub fn describe_network_acls(vpc_id: &str, next_token: Option<&str>) -> String {
    of_vpc("DescribeNetworkAcls", vpc_id, next_token)
}

/// `DescribeRouteTables` of one VPC (`Filter.1.Name=vpc-id`), from the page `next_token` names.
pub fn describe_route_tables(vpc_id: &str, next_token: Option<&str>) -> String {
    of_vpc("DescribeRouteTables", vpc_id, next_token)
}

/// A listing `action` filtered to one VPC, from the page `next_token` names.
fn of_vpc(action: &str, vpc_id: &str, next_token: Option<&str>) -> String {
    let mut body = String::new();
    let mut writer = QueryWriter::new(&mut body, action, API_VERSION);
    if let Some(token) = next_token {
        writer.prefix("NextToken").string(token);
    }
    let mut filters = writer.prefix("Filter").start_list(true, None);
    let mut filter = filters.entry();
    filter.prefix("Name").string("vpc-id");
    let mut values = filter.prefix("Value").start_list(true, None);
    values.entry().string(vpc_id);
    values.finish();
    filters.finish();
    writer.finish();
    body
}

/// The request that POSTs `body` to `endpoint`, signed for EC2 in `region` with `credentials`
/// at `now`. Errors are described in words (the endpoint is not a URL, signing failed).
pub fn signed(
    endpoint: &str,
    region: &str,
    body: &str,
    credentials: &Credentials,
    now: SystemTime,
) -> Result<HttpRequest, String> {
    let uri = format!("{}/", endpoint.trim_end_matches('/'));
    let mut request = http::Request::builder()
        .method("POST")
        .uri(&uri)
        .header("content-type", CONTENT_TYPE)
        .header("user-agent", USER_AGENT)
        .body(SdkBody::from(body.to_owned()))
        .map_err(|error| format!("the endpoint `{uri}` is not a usable URL: {error}"))?;
    let identity: Identity = credentials.clone().into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(super::SERVICE)
        .time(now)
        .settings(SigningSettings::default())
        .build()
        .map_err(|error| format!("the request could not be signed: {error}"))?
        .into();
    let headers = [("content-type", CONTENT_TYPE), ("user-agent", USER_AGENT)];
    let signable = SignableRequest::new(
        "POST",
        &uri,
        headers.into_iter(),
        SignableBody::Bytes(body.as_bytes()),
    )
    .map_err(|error| format!("the request could not be signed: {error}"))?;
    let (instructions, _signature) = sign(signable, &params)
        .map_err(|error| format!("the request could not be signed: {error}"))?
        .into_parts();
    instructions.apply_to_request_http1x(&mut request);
    HttpRequest::try_from(request)
        .map_err(|error| format!("the endpoint `{uri}` is not a usable URL: {error}"))
}
