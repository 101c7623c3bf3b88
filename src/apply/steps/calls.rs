//! The mutating requests apply makes, built from the plan, and their printable form for
//! `--dry-run` (secrets shown as their references, never resolved).

use crate::apply::PLAN_TAG;
use crate::apply::events::Call;
use crate::aws::{ConnectDirectoryRequest, CreateManagedAdRequest, CreateTrustRequest, Tag};
use crate::plan::{ConnectorSize, Edition, Plan, TrustDirection, TrustType};

/// The tags apply puts on what it creates: the plan's tags and `adsso:plan`.
pub fn tags(plan: &Plan) -> Vec<Tag> {
    let mut tags: Vec<Tag> = plan
        .tags
        .iter()
        .map(|(key, value)| Tag {
            key: key.clone(),
            value: value.clone(),
        })
        .collect();
    tags.push(Tag {
        key: PLAN_TAG.to_owned(),
        value: plan.metadata.name.clone(),
    });
    tags.sort();
    tags
}

/// The directory's `Description`. Directory Service allows only
/// `^([a-zA-Z0-9_])[\\a-zA-Z0-9_@#%*+=:?./!\s-]*$` (0-128): no comma, no parentheses.
pub fn description(plan: &Plan) -> String {
    format!("Created by adsso for plan {}", plan.metadata.name)
}

/// The `Size` Directory Service takes for a connector size (the model's `DirectorySize` enum).
pub fn size_name(size: ConnectorSize) -> &'static str {
    match size {
        ConnectorSize::Small => "Small",
        ConnectorSize::Large => "Large",
    }
}

/// The `Edition` Directory Service takes (the model's `DirectoryEdition` enum; its `Hybrid` is
/// not offered: a hybrid directory extends an on-premises domain instead of trusting it).
pub fn edition_name(edition: Edition) -> &'static str {
    match edition {
        Edition::Standard => "Standard",
        Edition::Enterprise => "Enterprise",
    }
}

/// The `TrustType` Directory Service takes (the model's `TrustType` enum).
pub fn trust_type_name(trust_type: TrustType) -> &'static str {
    match trust_type {
        TrustType::Forest => "Forest",
        TrustType::External => "External",
    }
}

/// The `TrustDirection` Directory Service takes (the model's `TrustDirection` enum). Only
/// `Two-Way` is ever sent: validation refuses the one-way forms.
pub fn trust_direction_name(direction: TrustDirection) -> &'static str {
    match direction {
        TrustDirection::TwoWay => "Two-Way",
        TrustDirection::OneWayOutgoing => "One-Way: Outgoing",
        TrustDirection::OneWayIncoming => "One-Way: Incoming",
    }
}

/// The `SelectiveAuth` Directory Service takes (the model's `SelectiveAuth` enum).
pub fn selective_auth_name(enabled: bool) -> &'static str {
    if enabled { "Enabled" } else { "Disabled" }
}

/// The permission set's `Description`. sso-admin allows 1-700 characters of tab, newline,
/// carriage return, U+0020-U+007E and U+00A1-U+00FF.
pub fn permission_set_description(plan: &Plan) -> String {
    format!("Created by adsso for plan {}", plan.metadata.name)
}

/// `ConnectDirectory` for an AD Connector plan.
pub fn connect_directory(plan: &Plan) -> Option<ConnectDirectoryRequest> {
    let connector = plan.connection.ad_connector.as_ref()?;
    Some(ConnectDirectoryRequest {
        name: plan.self_managed.first().domain.clone(),
        short_name: plan.self_managed.first().netbios_name.clone(),
        description: description(plan),
        size: size_name(connector.size).to_owned(),
        vpc_id: connector.vpc_id.clone(),
        subnet_ids: connector.subnet_ids.clone(),
        customer_dns_ips: plan.self_managed.first().dns_servers.clone(),
        customer_user_name: connector.service_account.user_name.clone(),
        tags: tags(plan),
    })
}

/// `CreateMicrosoftAD` for a trust plan that creates its Managed AD.
pub fn create_managed_ad(plan: &Plan) -> Option<CreateManagedAdRequest> {
    let create = plan.connection.trust.as_ref()?.managed_ad.create.as_ref()?;
    Some(CreateManagedAdRequest {
        name: create.domain.clone(),
        short_name: create.netbios_name.clone(),
        description: description(plan),
        edition: edition_name(create.edition).to_owned(),
        vpc_id: create.vpc_id.clone(),
        subnet_ids: create.subnet_ids.clone(),
        tags: tags(plan),
    })
}

/// `CreateTrust` from `directory_id` to the plan's domain `selfManaged[index]`, with that
/// domain's trust settings (its override over `connection.trust`).
pub fn create_trust(plan: &Plan, directory_id: &str, index: usize) -> Option<CreateTrustRequest> {
    let trust = plan.connection.trust.as_ref()?;
    let domain = plan.self_managed.all().get(index)?;
    let settings = domain.trust_settings(trust);
    Some(CreateTrustRequest {
        directory_id: directory_id.to_owned(),
        remote_domain: domain.domain.clone(),
        direction: trust_direction_name(TrustDirection::TwoWay).to_owned(),
        trust_type: trust_type_name(settings.trust_type).to_owned(),
        forwarder_ips: domain.dns_servers.clone(),
        selective_auth: selective_auth_name(settings.selective_auth).to_owned(),
    })
}

fn shown_tags(tags: &[Tag]) -> String {
    tags.iter()
        .map(|tag| format!("{}={}", tag.key, tag.value))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The dry-run form of `ConnectDirectory`.
pub fn connect_directory_call(request: &ConnectDirectoryRequest, password: &str) -> Call {
    Call {
        service: "ds",
        operation: "ConnectDirectory",
        params: vec![
            ("Name", request.name.clone()),
            ("ShortName", request.short_name.clone()),
            ("Description", request.description.clone()),
            ("Password", password.to_owned()),
            ("Size", request.size.clone()),
            ("ConnectSettings.VpcId", request.vpc_id.clone()),
            ("ConnectSettings.SubnetIds", request.subnet_ids.join(", ")),
            (
                "ConnectSettings.CustomerDnsIps",
                request.customer_dns_ips.join(", "),
            ),
            (
                "ConnectSettings.CustomerUserName",
                request.customer_user_name.clone(),
            ),
            ("Tags", shown_tags(&request.tags)),
        ],
    }
}

/// The dry-run form of `CreateMicrosoftAD`.
pub fn create_managed_ad_call(request: &CreateManagedAdRequest, password: &str) -> Call {
    Call {
        service: "ds",
        operation: "CreateMicrosoftAD",
        params: vec![
            ("Name", request.name.clone()),
            ("ShortName", request.short_name.clone()),
            ("Description", request.description.clone()),
            ("Password", password.to_owned()),
            ("Edition", request.edition.clone()),
            ("VpcSettings.VpcId", request.vpc_id.clone()),
            ("VpcSettings.SubnetIds", request.subnet_ids.join(", ")),
            ("Tags", shown_tags(&request.tags)),
        ],
    }
}

/// The dry-run form of `CreateTrust`.
pub fn create_trust_call(request: &CreateTrustRequest, password: &str) -> Call {
    Call {
        service: "ds",
        operation: "CreateTrust",
        params: vec![
            ("DirectoryId", request.directory_id.clone()),
            ("RemoteDomainName", request.remote_domain.clone()),
            ("TrustPassword", password.to_owned()),
            ("TrustDirection", request.direction.clone()),
            ("TrustType", request.trust_type.clone()),
            (
                "ConditionalForwarderIpAddrs",
                request.forwarder_ips.join(", "),
            ),
            ("SelectiveAuth", request.selective_auth.clone()),
        ],
    }
}

/// The dry-run form of `VerifyTrust`.
pub fn verify_trust_call(trust_id: &str) -> Call {
    Call {
        service: "ds",
        operation: "VerifyTrust",
        params: vec![("TrustId", trust_id.to_owned())],
    }
}
