//! The mutating requests apply makes, built from the plan, and their printable form for
//! `--dry-run` (secrets shown as their references, never resolved).

use super::PLAN_TAG;
use super::events::Call;
use crate::aws::{ConnectDirectoryRequest, CreateManagedAdRequest, CreateTrustRequest, Tag};
use crate::plan::{ConnectorSize, Edition, Plan, TrustType};

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

fn description(plan: &Plan) -> String {
    format!("Created by adsso for plan {}", plan.metadata.name)
}

/// `ConnectDirectory` for an AD Connector plan.
pub fn connect_directory(plan: &Plan) -> Option<ConnectDirectoryRequest> {
    let connector = plan.connection.ad_connector.as_ref()?;
    Some(ConnectDirectoryRequest {
        name: plan.self_managed.domain.clone(),
        short_name: plan.self_managed.netbios_name.clone(),
        description: description(plan),
        size: match connector.size {
            ConnectorSize::Small => "Small",
            ConnectorSize::Large => "Large",
        }
        .to_owned(),
        vpc_id: connector.vpc_id.clone(),
        subnet_ids: connector.subnet_ids.clone(),
        customer_dns_ips: plan.self_managed.dns_servers.clone(),
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
        edition: match create.edition {
            Edition::Standard => "Standard",
            Edition::Enterprise => "Enterprise",
        }
        .to_owned(),
        vpc_id: create.vpc_id.clone(),
        subnet_ids: create.subnet_ids.clone(),
        tags: tags(plan),
    })
}

/// `CreateTrust` for a trust plan, on `directory_id`.
pub fn create_trust(plan: &Plan, directory_id: &str) -> Option<CreateTrustRequest> {
    let trust = plan.connection.trust.as_ref()?;
    Some(CreateTrustRequest {
        directory_id: directory_id.to_owned(),
        remote_domain: plan.self_managed.domain.clone(),
        direction: "Two-Way".to_owned(),
        trust_type: match trust.trust_type {
            TrustType::Forest => "Forest",
            TrustType::External => "External",
        }
        .to_owned(),
        forwarder_ips: plan.self_managed.dns_servers.clone(),
        selective_auth: if trust.selective_auth {
            "Enabled"
        } else {
            "Disabled"
        }
        .to_owned(),
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
