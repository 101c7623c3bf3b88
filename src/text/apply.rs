//! User-facing text of `apply`, `status`, `destroy` and `onprem-script`: AWS error explanations,
//! gate instructions, likely fixes. A sibling of [`crate::text`], kept apart so the wording of the
//! commands that change AWS can be reviewed in one read.

use crate::aws::AwsErrorKind;
use crate::plan::Mode;
use crate::text::untrusted::Untrusted;

/// What an AWS error kind means, in a few words.
pub fn aws_error_what(kind: AwsErrorKind) -> &'static str {
    match kind {
        AwsErrorKind::AlreadyExists => "the resource already exists",
        AwsErrorKind::Conflict => {
            "a concurrent change conflicted with this one (IAM Identity Center had not finished \
             propagating an earlier write), and it still conflicted after adsso retried with backoff"
        }
        AwsErrorKind::DoesNotExist => "the resource does not exist (or is not visible to you)",
        AwsErrorKind::LimitExceeded => "the account's directory quota for this Region is reached",
        AwsErrorKind::QuotaExceeded => "an IAM Identity Center quota is reached",
        AwsErrorKind::TagLimit => "the resource would have more tags than Directory Service allows",
        AwsErrorKind::DirectoryUnavailable => "the directory is unavailable",
        AwsErrorKind::InvalidNextToken => "AWS no longer accepts the page token of a listing",
        AwsErrorKind::InvalidParameter => "AWS refused a parameter",
        AwsErrorKind::Client => "AWS refused the request (a problem on the client side)",
        AwsErrorKind::Service => "the AWS service failed internally",
        AwsErrorKind::Unsupported => "the operation is not supported for this resource",
        AwsErrorKind::AccessDenied => "access denied",
        AwsErrorKind::KmsKey => {
            "the IAM Identity Center instance's customer managed KMS key refused the operation \
             (AWS gave a KMS_* reason)"
        }
        AwsErrorKind::Throttling => "AWS throttled the requests, even after retries",
        AwsErrorKind::Validation => "AWS refused the request as invalid",
        AwsErrorKind::Credentials => "the AWS credentials are missing, expired or invalid",
        AwsErrorKind::TimedOut => "the call timed out: the AWS endpoint did not answer in time",
        AwsErrorKind::Refused => "the connection to the AWS endpoint was refused",
        AwsErrorKind::Dns => "the AWS endpoint's name could not be resolved (DNS lookup failed)",
        AwsErrorKind::Tls => "the TLS connection to the AWS endpoint failed",
        AwsErrorKind::Unreachable => "AWS could not be reached",
        AwsErrorKind::Other => "the call failed",
    }
}

/// What to do about an AWS error kind.
pub fn aws_error_fix(kind: AwsErrorKind) -> &'static str {
    match kind {
        AwsErrorKind::AlreadyExists => {
            "another resource has this name; `adsso status FILE` shows what exists, then rename or remove the other one"
        }
        AwsErrorKind::Conflict => {
            "make sure nothing else (another adsso run, the console, automation) changes the same \
             permission sets or assignments now, then re-run `adsso apply`: what was made is kept"
        }
        AwsErrorKind::DoesNotExist => {
            "check the id in the plan, the Region (`aws.region`, `--region`) and the account"
        }
        AwsErrorKind::LimitExceeded => {
            "delete an unused directory or request a quota increase from Directory Service \
             (`aws ds get-directory-limits` shows the counts), then re-run"
        }
        AwsErrorKind::QuotaExceeded => {
            "see the IAM Identity Center quotas (User Guide, \"IAM Identity Center quotas\": permission \
             sets per instance, managed policies per permission set, inline policy size, assignments); \
             remove unused ones or request an increase in the Service Quotas console (service \
             \"IAM Identity Center\"), then re-run"
        }
        AwsErrorKind::TagLimit => {
            "a Directory Service resource holds at most 50 tags: remove tags from the plan's `tags` \
             or from the directory (`aws ds remove-tags-from-resource`), then re-run"
        }
        AwsErrorKind::DirectoryUnavailable => {
            "check the directory's status and reason (`aws ds describe-directories`, the Directory \
             Service console); an Impaired or Inoperable directory needs the steps of the Directory \
             Service troubleshooting guide (security group and network changes are the usual cause) \
             before it can be used; once it is Active, re-run"
        }
        AwsErrorKind::InvalidNextToken => {
            "the listing changed or its token expired while adsso read it: re-run `adsso apply`"
        }
        AwsErrorKind::InvalidParameter | AwsErrorKind::Validation => {
            "check the plan's values against AWS's rules (`adsso validate FILE`) and AWS's message"
        }
        AwsErrorKind::Client => {
            "read AWS's message: for a trust it is usually DNS, the security group's outbound rule or the password"
        }
        AwsErrorKind::Service | AwsErrorKind::Other => {
            "wait a few minutes and re-run `adsso apply`: it resumes where it stopped"
        }
        AwsErrorKind::Unsupported => {
            "trusts need an AWS Managed Microsoft AD; check the directory type and the plan's mode"
        }
        AwsErrorKind::AccessDenied => {
            "use credentials allowed to call ds:*, sso:*, identitystore:*, ec2:Describe* (`--profile`, AWS_PROFILE)"
        }
        AwsErrorKind::KmsKey => {
            "check the KMS key configured for the instance (IAM Identity Center console -> Settings -> \
             Management -> Encryption): it must be enabled and not pending deletion (`aws kms \
             describe-key`), and its key policy must let IAM Identity Center and the identity store \
             (and your credentials, through them) use it; fix the key or its policy, then re-run"
        }
        AwsErrorKind::Throttling => "wait a minute and re-run `adsso apply`; it resumes safely",
        AwsErrorKind::Credentials => {
            "configure credentials (`aws configure`, `aws sso login`, AWS_PROFILE or `--profile`) and re-run"
        }
        AwsErrorKind::TimedOut => {
            "check that this host reaches the endpoint (network, proxy, firewall, `--endpoint-url`, `--region`), \
             or allow more time per call with `--aws-timeout DUR`, then re-run"
        }
        AwsErrorKind::Refused => {
            "nothing accepts connections there: check `--endpoint-url` (or AWS_ENDPOINT_URL), the Region \
             and any proxy (HTTPS_PROXY), then re-run"
        }
        AwsErrorKind::Dns => {
            "check this host's DNS settings, the Region name (`aws.region`) and `--endpoint-url`, then re-run"
        }
        AwsErrorKind::Tls => {
            "check the system's CA certificates (a TLS-inspecting proxy needs its CA installed) and that \
             `--endpoint-url` uses https only where the endpoint serves TLS, then re-run"
        }
        AwsErrorKind::Unreachable => {
            "check the network, `--endpoint-url` and the Region, then re-run"
        }
    }
}

/// The likely fixes when a directory ends in `Failed`.
pub const DIRECTORY_FAILED_FIX: &str = "likely causes: the two subnets are not in different Availability Zones of the VPC, \
the VPC cannot reach the self-managed DNS servers (VPN/Direct Connect, routes, firewall: TCP/UDP 53, 88, 389), \
the service account's password or name is wrong, or Kerberos pre-authentication is disabled for it. \
Fix the cause, delete the failed directory (`adsso destroy FILE`), then re-run `adsso apply`";

/// What to do when an existing directory is Impaired or Inoperable.
pub const DIRECTORY_IMPAIRED_FIX: &str = "See the Directory Service troubleshooting guide (\"Troubleshooting \
AWS Managed Microsoft AD\", directory status reasons): the usual causes are a changed or deleted security group, \
network ACL or ENI of the directory, or a changed Admin account. `aws ds describe-directories --directory-ids ID` \
shows the reason; once the directory is Active again (AWS restores it automatically when the cause is fixed, or \
restore a snapshot), re-run `adsso apply`";

/// The likely fixes when a trust ends in `Failed` or `VerifyFailed`.
pub const TRUST_FAILED_FIX: &str = "likely causes: the trust password differs from the one used on the self-managed side; \
the Managed AD's security group has no outbound rule to the self-managed network (the most common cause of \
\"domain could not be contacted\"); the conditional forwarders are missing on either side; the on-premises \
firewall blocks 53, 88, 389, 445; anonymous pipes netlogon, samr, lsarpc are not allowed";

/// The console link of IAM Identity Center's settings.
pub fn identity_center_console(region: &str) -> String {
    format!(
        "https://{region}.console.aws.amazon.com/singlesignon/home?region={region}#/instances/settings"
    )
}

/// The plan's file as the instructions name it: its path when known, `FILE` otherwise.
fn plan_file(file: Option<&str>) -> String {
    file.map_or_else(|| "FILE".to_owned(), |file| Untrusted(file).to_string())
}

/// Instructions of the identity-source gate. Only a trust's directory has groups of its own
/// (the AWS domain's) that must stay out of the sync scope; an AD Connector has none.
pub fn identity_source_gate(
    region: &str,
    directory_id: &str,
    domains: &[&str],
    mode: Mode,
) -> String {
    let directory_id = Untrusted(directory_id);
    let domain = domains.join(", ");
    let several = match domains {
        [_, _, ..] => format!(
            concat!(
                "  With several domains, each synced group shows as Group@domain (e.g. {}): a plan names a group\n",
                "  of one domain as Group@domain.\n",
            ),
            domains
                .iter()
                .map(|d| format!("AWS-SSO-Users@{d}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => String::new(),
    };
    let not_aws_groups = match mode {
        Mode::Trust => format!(
            "     (sync groups that live in {domain}, not groups of the AWS domain: their members are not synced).\n"
        ),
        Mode::AdConnector | Mode::SimpleAd => String::new(),
    };
    format!(
        concat!(
            "MANUAL STEP: make the directory {directory_id} the identity source of IAM Identity Center (console only, no API exists).\n",
            "  WARNING: switching the identity source DELETES Identity Center's existing users, groups and assignments,\n",
            "  and changes the AWS access portal URL.\n",
            "  1. Open {console}\n",
            "  2. Identity source -> Actions -> Change identity source -> Active Directory.\n",
            "  3. Choose the directory {directory_id}, type ACCEPT, and confirm.\n",
            "  4. Under Manage sync, add the groups of {domain} that need AWS access to the sync scope.\n",
            "{not_aws_groups}",
            "{several}",
            "  adsso checks for groups synced from {directory_id} in the identity store; sync runs in minutes to hours.\n",
            "  When adsso waits here in a terminal, it checks on its own; press Enter to check at once.\n",
        ),
        directory_id = directory_id,
        console = identity_center_console(region),
        domain = domain,
        not_aws_groups = not_aws_groups,
        several = several,
    )
}

/// Instructions of the on-premises gate (the script follows them); `file` is the plan's file
/// when known.
pub fn onprem_gate(
    aws_domain: &str,
    dns_ips: &[String],
    self_domain: &str,
    file: Option<&str>,
) -> String {
    let aws_domain = Untrusted(aws_domain);
    format!(
        concat!(
            "MANUAL STEP: create the self-managed side of the trust on a domain controller of {self_domain}.\n",
            "  The AWS Managed AD {aws_domain} answers DNS at {ips}.\n",
            "  Run the PowerShell below (also `adsso onprem-script {file}`) as a Domain Admin (forest trust: Enterprise Admin);\n",
            "  it asks for the trust password, the same one the plan references.\n",
            "  adsso then calls VerifyTrust; the step is done when the trust verifies (waiting in a terminal: press Enter to check at once).\n",
        ),
        self_domain = self_domain,
        aws_domain = aws_domain,
        file = plan_file(file),
        ips = if dns_ips.is_empty() {
            "(not known yet)".to_owned()
        } else {
            Untrusted(&dns_ips.join(", ")).to_string()
        }
    )
}

/// The warning when a security group cannot reach the self-managed DNS servers.
pub fn egress_missing(group: &str, servers: &[String]) -> String {
    format!(
        "the Managed AD's security group {group} has no outbound rule to {} on port 53: the trust \
         will fail with \"the domain could not be contacted\". Add outbound rules to the self-managed \
         network (TCP/UDP 53, 88, 389, 445, 464, 636, 3268-3269, 49152-65535), e.g. \
         `aws ec2 authorize-security-group-egress --group-id {group} --ip-permissions ...`",
        servers.join(", ")
    )
}

/// Said when an `organizationalUnits` entry names nothing in the organization.
pub const UNKNOWN_OU_FIX: &str = "each `organizationalUnits` entry must name an OU id, the root id or a path of OU names \
(Root/Workloads/Prod) of the organization the credentials' account belongs to: check them with `aws organizations \
list-roots` and `aws organizations list-organizational-units-for-parent --parent-id ID`";
/// Why the management account is not assigned.
pub const MANAGEMENT_ACCOUNT_SKIPPED: &str = "the management account: a delegated administrator cannot assign there (assign it from the management account)";
/// Said when groups of the plan are not in Identity Center: where to add them and when to re-run.
pub const SYNC_SCOPE_ADVICE: &str = "Identity Center only sees AD groups inside its configurable AD sync scope, and sync runs \
about every 3 hours. Add the groups: IAM Identity Center console -> Settings -> Identity source -> Actions -> Manage sync -> \
Add groups (groups of the self-managed domain, not groups of a Managed AD holding foreign members). After the next sync, \
run `adsso apply FILE` again: the assignments already made are kept, the others are created.";

/// The fix when the plan's subnets do not fit.
pub const SUBNETS_FIX: &str =
    "fix `vpcId`/`subnetIds` in the plan (`aws ec2 describe-subnets` lists them)";

/// The fix when the plan's existing directory cannot take a trust by its type or edition.
pub const EXISTING_DIRECTORY_FIX: &str = "name a Standard or Enterprise Edition AWS Managed Microsoft AD \
of this account in `connection.trust.managedAd.existingDirectoryId`, or let adsso create one (`managedAd.create`)";

/// A plan group whose bare name matched groups of several domains.
pub fn group_in_several_domains(name: &str, found: &[String]) -> String {
    format!(
        "{}: found in more than one domain ({}); name one in the plan as Group@domain (skipped)",
        Untrusted(name),
        found
            .iter()
            .map(|f| Untrusted(f).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// How to resume after a pause; `file` is the plan's file when known.
pub fn resume(file: Option<&str>) -> String {
    format!(
        "when done, run `adsso apply {}` again: it resumes where it stopped",
        plan_file(file)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_values_in_gate_instructions_cannot_fake_a_line() {
        let hostile = "10.0.0.1\u{1b}]52;c;ZXZpbA==\u{7}\nadsso: done".to_owned();
        let texts = [
            onprem_gate(
                &hostile,
                std::slice::from_ref(&hostile),
                "corp.example.com",
                None,
            ),
            identity_source_gate("us-east-1", &hostile, &["corp.example.com"], Mode::Trust),
        ];
        for text in texts {
            assert!(!text.contains('\u{1b}'), "{text:?}");
            assert!(
                text.contains("\\u{1b}]52;c;ZXZpbA==\\u{7}\\nadsso: done"),
                "{text}"
            );
            assert!(
                !text.lines().any(|l| l.starts_with("adsso: done")),
                "{text}"
            );
        }
    }

    #[test]
    fn gate_instructions_keep_their_indentation() {
        let texts = [
            identity_source_gate("us-east-1", "d-1", &["corp.example.com"], Mode::Trust),
            onprem_gate("aws.corp.example.com", &[], "corp.example.com", None),
        ];
        for text in texts {
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines[0].starts_with("MANUAL STEP"), "{text}");
            assert!(
                lines[1..].iter().all(|line| line.starts_with("  ")),
                "a line lost its indentation:\n{text}"
            );
        }
    }

    #[test]
    fn the_connector_gate_does_not_mention_an_aws_domain() {
        let connector =
            identity_source_gate("us-east-1", "d-1", &["corp.example.com"], Mode::AdConnector);
        assert!(!connector.contains("AWS domain"), "{connector}");
        let trust = identity_source_gate("us-east-1", "d-1", &["corp.example.com"], Mode::Trust);
        assert!(trust.contains("not groups of the AWS domain"), "{trust}");
    }

    #[test]
    fn the_plan_file_is_named_when_known() {
        assert!(resume(Some("/srv/plans/corp.yaml")).contains("adsso apply /srv/plans/corp.yaml"));
        assert!(resume(None).contains("adsso apply FILE"));
        let gate = onprem_gate(
            "aws.corp.example.com",
            &[],
            "corp.example.com",
            Some("p.yaml"),
        );
        assert!(gate.contains("adsso onprem-script p.yaml"), "{gate}");
    }
}
