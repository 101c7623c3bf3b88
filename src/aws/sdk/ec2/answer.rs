//! EC2's XML answers, read as untrusted bytes: the body is read up to [`MAX_ANSWER_BYTES`], must
//! be UTF-8, and only the elements adsso uses are taken (by the names of EC2's service model);
//! everything else is skipped. An error answer gives its code and message.

use aws_smithy_types::body::SdkBody;
use aws_smithy_xml::decode::{Document, ScopedDecoder, XmlDecodeError, try_data};
use http_body_util::{BodyExt, Limited};

use crate::aws::{AwsErrorKind, EgressRule, Subnet, Vpc};
use crate::text::ec2 as text;

/// The largest answer read (a page of a thousand subnets is about 1.5 MB).
pub const MAX_ANSWER_BYTES: usize = 8 << 20;

/// Why an answer's body could not be read.
#[derive(Debug)]
pub enum BodyError {
    /// It was longer than [`MAX_ANSWER_BYTES`].
    TooLarge,
    /// It was not UTF-8.
    NotUtf8,
    /// The connection failed while it was read.
    Transport(Box<dyn std::error::Error + Send + Sync>),
}

/// The whole body as text, at most [`MAX_ANSWER_BYTES`].
pub async fn read_bounded(body: SdkBody) -> Result<String, BodyError> {
    let collected = Limited::new(body, MAX_ANSWER_BYTES)
        .collect()
        .await
        .map_err(|error| {
            if error.is::<http_body_util::LengthLimitError>() {
                BodyError::TooLarge
            } else {
                BodyError::Transport(error)
            }
        })?;
    String::from_utf8(collected.to_bytes().to_vec()).map_err(|_| BodyError::NotUtf8)
}

pub use crate::aws::Page;

/// The items of a listing answer: each `item` of the `set` element under the root `root`,
/// read by `item`, and the `nextToken`.
pub(super) fn page<T>(
    xml: &str,
    root_name: &str,
    set: &str,
    item: impl Fn(&mut ScopedDecoder<'_, '_>) -> Result<T, String>,
) -> Result<Page<T>, String> {
    well_formed(xml, root_name)?;
    let mut document = Document::new(xml);
    let mut root = root(&mut document)?;
    let mut page = Page {
        items: Vec::new(),
        next: None,
    };
    while let Some(mut member) = root.next_tag() {
        if member.start_el().matches(set) {
            while let Some(mut element) = member.next_tag() {
                if element.start_el().matches("item") {
                    page.items.push(item(&mut element)?);
                }
            }
        } else if member.start_el().matches("nextToken") {
            page.next = Some(data(&mut member)?).filter(|token| !token.is_empty());
        }
    }
    Ok(page)
}

/// The subnets of a `DescribeSubnetsResponse`.
pub fn subnets(xml: &str) -> Result<Page<Subnet>, String> {
    page(xml, "DescribeSubnetsResponse", "subnetSet", subnet)
}

/// The VPCs of a `DescribeVpcsResponse`.
pub fn vpcs(xml: &str) -> Result<Page<Vpc>, String> {
    page(xml, "DescribeVpcsResponse", "vpcSet", vpc)
}

/// One `item` of `subnetSet`.
fn subnet(item: &mut ScopedDecoder<'_, '_>) -> Result<Subnet, String> {
    let mut subnet = Subnet::default();
    while let Some(mut field) = item.next_tag() {
        if field.start_el().matches("subnetId") {
            subnet.id = data(&mut field)?;
        } else if field.start_el().matches("vpcId") {
            subnet.vpc_id = data(&mut field)?;
        } else if field.start_el().matches("availabilityZone") {
            subnet.availability_zone = data(&mut field)?;
        } else if field.start_el().matches("cidrBlock") {
            subnet.cidr = data(&mut field)?;
        } else if field.start_el().matches("tagSet") {
            subnet.name = name_tag(&mut field)?;
        }
    }
    Ok(subnet)
}

/// One `item` of `vpcSet`.
fn vpc(item: &mut ScopedDecoder<'_, '_>) -> Result<Vpc, String> {
    let mut vpc = Vpc::default();
    while let Some(mut field) = item.next_tag() {
        if field.start_el().matches("vpcId") {
            vpc.id = data(&mut field)?;
        } else if field.start_el().matches("cidrBlock") {
            vpc.cidr = data(&mut field)?;
        } else if field.start_el().matches("tagSet") {
            vpc.name = name_tag(&mut field)?;
        }
    }
    Ok(vpc)
}

/// The value of the `Name` tag of a `tagSet` (empty without one).
fn name_tag(tags: &mut ScopedDecoder<'_, '_>) -> Result<String, String> {
    let mut name = String::new();
    while let Some(mut tag) = tags.next_tag() {
        let (mut key, mut value) = (String::new(), String::new());
        while let Some(mut field) = tag.next_tag() {
            if field.start_el().matches("key") {
                key = data(&mut field)?;
            } else if field.start_el().matches("value") {
                value = data(&mut field)?;
            }
        }
        if key == "Name" {
            name = value;
        }
    }
    Ok(name)
}

/// The outbound rules of every group of a `DescribeSecurityGroupsResponse`.
pub fn egress_rules(xml: &str) -> Result<Vec<EgressRule>, String> {
    well_formed(xml, "DescribeSecurityGroupsResponse")?;
    let mut document = Document::new(xml);
    let mut root = root(&mut document)?;
    let mut rules = Vec::new();
    while let Some(mut member) = root.next_tag() {
        if !member.start_el().matches("securityGroupInfo") {
            continue;
        }
        while let Some(mut group) = member.next_tag() {
            while let Some(mut field) = group.next_tag() {
                if field.start_el().matches("ipPermissionsEgress") {
                    while let Some(mut permission) = field.next_tag() {
                        rules.push(egress_rule(&mut permission)?);
                    }
                }
            }
        }
    }
    Ok(rules)
}

/// One `item` of `ipPermissionsEgress`. No protocol means every protocol (`-1`), as the SDK
/// read it.
fn egress_rule(permission: &mut ScopedDecoder<'_, '_>) -> Result<EgressRule, String> {
    let mut rule = EgressRule {
        protocol: "-1".to_owned(),
        from_port: None,
        to_port: None,
        cidrs: Vec::new(),
    };
    while let Some(mut field) = permission.next_tag() {
        if field.start_el().matches("ipProtocol") {
            rule.protocol = data(&mut field)?;
        } else if field.start_el().matches("fromPort") {
            rule.from_port = Some(port(&mut field)?);
        } else if field.start_el().matches("toPort") {
            rule.to_port = Some(port(&mut field)?);
        } else if field.start_el().matches("ipRanges") {
            while let Some(mut range) = field.next_tag() {
                while let Some(mut cidr) = range.next_tag() {
                    if cidr.start_el().matches("cidrIp") {
                        rule.cidrs.push(data(&mut cidr)?);
                    }
                }
            }
        }
    }
    Ok(rule)
}

/// An error answer's kind and detail: `Code: Message` from EC2's
/// `<Response><Errors><Error>`, or the HTTP status when the answer has no code.
pub fn error(status: u16, xml: &str) -> (AwsErrorKind, String) {
    match error_code(xml) {
        Some((code, message)) => {
            let detail = if message.is_empty() {
                code.clone()
            } else {
                format!("{code}: {message}")
            };
            (AwsErrorKind::from_code(&code), detail)
        }
        None if status >= 500 => (AwsErrorKind::Service, text::ec2_status_only(status)),
        None => (AwsErrorKind::Other, text::ec2_status_only(status)),
    }
}

/// The first error's code and message, if the answer is EC2's error document.
fn error_code(xml: &str) -> Option<(String, String)> {
    let mut document = Document::new(xml);
    let mut root = document.root_element().ok()?;
    if !root.start_el().matches("Response") {
        return None;
    }
    while let Some(mut errors) = root.next_tag() {
        if !errors.start_el().matches("Errors") {
            continue;
        }
        while let Some(mut error) = errors.next_tag() {
            let (mut code, mut message) = (String::new(), String::new());
            while let Some(mut field) = error.next_tag() {
                if field.start_el().matches("Code") {
                    code = data(&mut field).ok()?;
                } else if field.start_el().matches("Message") {
                    message = data(&mut field).ok()?;
                }
            }
            if !code.is_empty() {
                return Some((code, message));
            }
        }
    }
    None
}

/// The whole answer tokenizes, its root is `root`, and it ends with the root's close tag, so a
/// cut answer is refused rather than read in part (the decoder would stop at the cut without an
/// error).
fn well_formed(xml: &str, root: &str) -> Result<(), String> {
    for token in Document::new(xml) {
        token.map_err(|error| shown(&error))?;
    }
    let mut document = Document::new(xml);
    let found = document.root_element().map_err(|error| shown(&error))?;
    if !found.start_el().matches(root) {
        return Err(text::ec2_wrong_root(root, found.start_el().local()));
    }
    drop(found);
    if xml.trim_end().ends_with(&format!("</{root}>")) {
        Ok(())
    } else {
        Err(text::ec2_cut_answer(root))
    }
}

/// The document's root element (its name is checked by [`well_formed`]).
fn root<'inp, 'a>(document: &'a mut Document<'inp>) -> Result<ScopedDecoder<'inp, 'a>, String> {
    document.root_element().map_err(|error| shown(&error))
}

/// An element's text.
pub(super) fn data(element: &mut ScopedDecoder<'_, '_>) -> Result<String, String> {
    try_data(element)
        .map(|value| value.trim().to_owned())
        .map_err(|error| shown(&error))
}

/// A port number (`-1` for every port of ICMP).
pub(super) fn port(element: &mut ScopedDecoder<'_, '_>) -> Result<i32, String> {
    let value = data(element)?;
    value.parse().map_err(|_| text::ec2_not_a_port(&value))
}

/// The decoder's error in words.
fn shown(error: &XmlDecodeError) -> String {
    text::ec2_not_xml(&error.to_string())
}
