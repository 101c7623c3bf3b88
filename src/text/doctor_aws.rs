//! Words of `adsso doctor` about the directory, the trusts and IAM Identity Center: what each
//! check saw and the documented fix (Directory Service's trust troubleshooting, quotas, Identity
//! Center's account rules).

/// The subject of a trust check.
pub fn trust_subject(domain: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("trust {id} to {domain}"),
        None => format!("trust to {domain}"),
    }
}

/// A trust's state and reason.
pub fn trust_state(state: &str, reason: &str, selective_auth: &str) -> String {
    let reason = if reason.is_empty() {
        String::new()
    } else {
        format!(": {reason}")
    };
    format!("{state}{reason} (selective authentication {selective_auth})")
}

/// No trust to the domain.
pub const TRUST_MISSING: &str = "no trust to this domain exists on the directory";
/// The fix of a missing trust.
pub const TRUST_MISSING_FIX: &str = "run `adsso apply FILE`: it creates the two-way trust";
/// The fix of a trust still in progress.
pub const TRUST_PENDING_FIX: &str = "wait: AWS is still working on the trust; once the \
self-managed side exists (`adsso onprem-script FILE`), `adsso apply FILE` verifies it";
/// The fix of a trust being deleted.
pub const TRUST_DELETING_FIX: &str =
    "wait until it is gone, then `adsso apply FILE` creates it again";

/// "Access is denied".
pub const TRUST_ACCESS_DENIED_FIX: &str = "\"Access is denied\" has three documented causes: \
(1) the trust password differs between the sides: set the same one on the self-managed DC \
(`adsso onprem-script FILE`) and in AWS (delete and re-create the trust with `adsso apply`); \
(2) the named pipes netlogon, samr and lsarpc are not allowed for anonymous access on the \
self-managed DCs (Group Policy: Network access: Named Pipes that can be accessed anonymously); \
(3) the two sides use different AD site names: rename the self-managed site to match the \
Managed AD's (Default-First-Site-Name) or give both the same site";
/// "The operation could not be performed".
pub const TRUST_NOT_PERFORMED_FIX: &str = "\"The operation could not be performed\" means the \
NetBIOS names overlap: the Managed AD's NetBIOS name must differ from every NetBIOS name of the \
self-managed forest (and its trusted domains); re-create the directory with another NetBIOS name";
/// "Could not be contacted".
pub const TRUST_NOT_CONTACTED_FIX: &str = "\"The specified domain either does not exist or \
could not be contacted\": the Managed AD cannot reach the self-managed DNS servers: check the \
conditional forwarder on both sides (`adsso status FILE`, `adsso onprem-script FILE`) and the \
network checks above (network.sg-egress: the security group's outbound rules; network.nacl; \
network.route)";
/// Selective authentication.
pub const TRUST_SELECTIVE_AUTH_FIX: &str = "with selective authentication enabled, users of the \
trusted domain need the \"Allowed to Authenticate\" permission on the computer objects they \
sign in to (the Managed AD's domain controllers); grant it, or disable selective authentication \
(`selectiveAuth: false`, then `aws ds update-trust --selective-auth Disabled`)";
/// Another reason.
pub const TRUST_OTHER_FIX: &str = "see Directory Service's trust troubleshooting guide for this \
reason; `adsso preflight FILE` checks the self-managed side (DNS, ports, Kerberos, clock)";

/// The directory's subject.
pub fn directory_subject(id: &str, name: &str) -> String {
    format!("{id} ({name})")
}

/// A directory's stage and reason.
pub fn stage(stage: &str, reason: &str) -> String {
    if reason.is_empty() {
        stage.to_owned()
    } else {
        format!("{stage}: {reason}")
    }
}

/// The fix of a directory still being created or updated.
pub const STAGE_BUSY_FIX: &str = "wait (a Managed AD takes 20-45 minutes, an AD Connector a few); \
`adsso apply FILE` waits for it";
/// The fix of an Impaired or Inoperable directory.
pub const STAGE_IMPAIRED_FIX: &str = "Impaired or Inoperable usually means the domain \
controllers lost their network (security group, NACL, route changes) or their DNS: check the \
network checks, then Directory Service's troubleshooting for the stage reason; AWS tries to \
restore it";
/// The fix of a failed directory.
pub const STAGE_FAILED_FIX: &str = "a failed directory does not recover: read the reason, fix it \
(for an AD Connector: the DNS servers must answer from the subnets, the service account must \
bind), delete it (`adsso destroy FILE`) and apply again";

/// The limits subject.
pub fn limits_subject(kind: &str) -> String {
    format!("{kind} directories in this Region")
}

/// A count against its limit.
pub fn limits_detail(current: i32, limit: i32) -> String {
    format!("{current} of {limit} used")
}

/// The fix when the limit is reached.
pub const LIMITS_FIX: &str = "delete a directory you no longer use, or ask for more in Service \
Quotas (AWS Directory Service), before `adsso apply` creates one";

/// The plan's directory exists: nothing to create.
pub const LIMITS_NOT_NEEDED: &str = "the plan's directory exists: apply creates none";

/// The Identity Center subject.
pub fn instance_subject(region: &str) -> String {
    format!("IAM Identity Center in {region}")
}

/// An instance found.
pub fn instance_detail(arn: &str, owner: &str, status: &str) -> String {
    format!("{arn} (owner account {owner}, {status})")
}

/// No instance.
pub const INSTANCE_NONE: &str = "no IAM Identity Center instance in this Region for this account";
/// Its fix.
pub const INSTANCE_NONE_FIX: &str = "enable IAM Identity Center in the plan's Region (console: \
IAM Identity Center -> Enable), or set `aws.region` to the Region where it is enabled: the \
directory must be in the same Region";
/// The instance's owner is another account.
pub fn instance_other_owner(owner: &str, account: &str) -> String {
    format!(
        "the instance belongs to account {owner}, the directory is in {account}: Identity Center \
         only offers directories of its own account"
    )
}
/// Its fix.
pub const INSTANCE_OWNER_FIX: &str = "run the plan in the Organizations management account or \
in the delegated administrator account of IAM Identity Center (the account that owns the \
instance)";
/// The plan names an instance that is not there.
pub fn instance_not_listed(arn: &str) -> String {
    format!("the plan's instance {arn} is not among the instances of this Region and account")
}
/// The instance is not ACTIVE.
pub fn instance_not_active(status: &str) -> String {
    format!("the instance is {status}, not ACTIVE")
}
/// Its fix.
pub const INSTANCE_WAIT_FIX: &str = "wait until the instance is ACTIVE, or fix \
`identityCenter.instanceArn` in the plan";
