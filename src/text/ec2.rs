//! What the EC2 client says about a call it could not make or an answer it could not read.

/// An EC2 call without a Region to call.
pub const NO_REGION: &str =
    "no AWS Region is set: give `--region`, set AWS_REGION, or set the profile's region";

/// An EC2 call when the credential chain has no provider at all.
pub const NO_CREDENTIALS: &str =
    "no credential provider is configured (environment, profile, SSO or instance role)";

/// An EC2 answer adsso could not read, and why.
pub fn ec2_answer_unusable(why: &str) -> String {
    format!("the answer could not be read: {why}")
}

/// An EC2 answer that is not UTF-8.
pub const EC2_ANSWER_NOT_UTF8: &str = "it is not UTF-8 text";

/// An EC2 answer over the size limit.
pub fn ec2_answer_too_large(limit: usize) -> String {
    format!("it is larger than {} MiB", limit >> 20)
}

/// An EC2 error answer without an error code.
pub fn ec2_status_only(status: u16) -> String {
    format!("HTTP status {status} without an error code (is the endpoint an AWS API?)")
}

/// An EC2 answer whose root element is not the operation's.
pub fn ec2_wrong_root(expected: &str, found: &str) -> String {
    format!(
        "expected a `{expected}` document, got `{}`",
        super::untrusted::line(found)
    )
}

/// An EC2 answer that ends before its root element closes.
pub fn ec2_cut_answer(root: &str) -> String {
    format!("it ends before `</{root}>` (cut short)")
}

/// A port that is not a number.
pub fn ec2_not_a_port(value: &str) -> String {
    format!("`{}` is not a port number", super::untrusted::line(value))
}

/// A rule number that is not a number.
pub fn ec2_not_a_number(value: &str) -> String {
    format!("`{}` is not a rule number", super::untrusted::line(value))
}

/// XML the decoder refused.
pub fn ec2_not_xml(detail: &str) -> String {
    format!("it is not well-formed XML ({detail})")
}
