//! Words of `adsso import`: the notes printed above an imported plan.

/// The head of an imported plan, before its notes.
pub const HEADER: &str = "# Written by `adsso import` from what exists in AWS. Check it with `adsso validate`;\n# `adsso apply --dry-run` should list no change.";

/// The directory is not tagged as this plan's: apply would not recognise it.
pub fn untagged(directory: &str, name: &str) -> String {
    format!(
        "directory {directory} has no tag adsso:plan={name}: apply finds a plan's directory by that tag. \
         Tag it first: aws ds add-tags-to-resource --resource-id {directory} --tags Key=adsso:plan,Value={name}"
    )
}

/// A trusted domain's NetBIOS name is a guess.
pub fn netbios_guessed(domain: &str, netbios: &str) -> String {
    format!(
        "the NetBIOS name of {domain} is not in AWS's answer: {netbios} is a guess from its DNS name; check it"
    )
}

/// A one-way trust was written as two-way.
pub fn one_way(domain: &str, direction: &str) -> String {
    format!(
        "the trust to {domain} is {direction}; Identity Center needs two-way, and the plan says two-way: apply will refuse the existing trust until it is two-way"
    )
}

/// The directory is a Managed AD without any trust.
pub const NO_TRUST: &str =
    "the Managed AD has no trust: there is no self-managed domain to describe";

/// Help for an import that could not read the setup.
pub const IMPORT_HELP: &str = "import reads with sts GetCallerIdentity, sso-admin List*/Describe*/Get*, identitystore ListGroups, ds Describe*/ListTagsForResource and organizations Describe*/List*; check the credentials' permissions and the Region";
