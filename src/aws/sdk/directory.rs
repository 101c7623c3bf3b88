//! [`DirectoryApi`] on `aws-sdk-directory`.

use aws_sdk_directory::types as ds;
use secrecy::{ExposeSecret, SecretString};

use super::SdkCloud;
use crate::aws::pages::Pages;
use crate::aws::{
    AwsError, AwsErrorKind, ConnectDirectoryRequest, CreateManagedAdRequest, CreateTrustRequest,
    Directory, DirectoryApi, DirectoryDetails, DirectoryKind, DirectoryLimits, DirectoryStage,
    Forwarder, IpRoute, Limit, Tag, TrustInfo, TrustState,
};

const DS: &str = "ds";

fn kind(kind: Option<&ds::DirectoryType>) -> DirectoryKind {
    match kind.map(ds::DirectoryType::as_str) {
        Some("ADConnector") => DirectoryKind::AdConnector,
        Some("MicrosoftAD") => DirectoryKind::MicrosoftAd,
        Some("SharedMicrosoftAD") => DirectoryKind::SharedMicrosoftAd,
        Some("SimpleAD") => DirectoryKind::SimpleAd,
        other => DirectoryKind::Other(other.unwrap_or("unknown").to_owned()),
    }
}

fn directory(d: &ds::DirectoryDescription) -> Directory {
    let connect = d.connect_settings();
    let vpc = d.vpc_settings();
    Directory {
        id: d.directory_id().unwrap_or_default().to_owned(),
        name: d.name().unwrap_or_default().to_owned(),
        kind: kind(d.r#type()),
        stage: DirectoryStage::from_name(d.stage().map_or("Requested", ds::DirectoryStage::as_str)),
        stage_reason: d.stage_reason().unwrap_or_default().to_owned(),
        dns_ips: d.dns_ip_addrs().to_vec(),
        vpc_id: connect
            .and_then(|c| c.vpc_id())
            .or_else(|| vpc.and_then(|v| v.vpc_id()))
            .map(str::to_owned),
        subnet_ids: connect
            .map(|c| c.subnet_ids().to_vec())
            .or_else(|| vpc.map(|v| v.subnet_ids().to_vec()))
            .unwrap_or_default(),
        security_group_id: connect
            .and_then(|c| c.security_group_id())
            .or_else(|| vpc.and_then(|v| v.security_group_id()))
            .map(str::to_owned),
        edition: d.edition().map(|e| e.as_str().to_owned()),
        details: DirectoryDetails {
            short_name: d.short_name().unwrap_or_default().to_owned(),
            size: d.size().map(|size| size.as_str().to_owned()),
            customer_user_name: connect
                .and_then(|c| c.customer_user_name())
                .map(str::to_owned),
        },
    }
}

fn sdk_tags(tags: &[Tag], operation: &'static str) -> Result<Vec<ds::Tag>, AwsError> {
    tags.iter()
        .map(|tag| {
            ds::Tag::builder()
                .key(&tag.key)
                .value(&tag.value)
                .build()
                .map_err(|e| AwsError::new(DS, operation, AwsErrorKind::Other, e.to_string()))
        })
        .collect()
}

fn build_error(
    operation: &'static str,
) -> impl Fn(aws_sdk_directory::error::BuildError) -> AwsError {
    move |e| AwsError::new(DS, operation, AwsErrorKind::Other, e.to_string())
}

impl DirectoryApi for SdkCloud {
    async fn describe_directories(&self, ids: &[String]) -> Result<Vec<Directory>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(DS, "DescribeDirectories");
        loop {
            let page = self
                .ds
                .describe_directories()
                .set_directory_ids((!ids.is_empty()).then(|| ids.to_vec()))
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_err(DS, "DescribeDirectories", e))?;
            out.extend(page.directory_descriptions().iter().map(directory));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn list_tags(&self, directory_id: &str) -> Result<Vec<Tag>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(DS, "ListTagsForResource");
        loop {
            let page = self
                .ds
                .list_tags_for_resource()
                .resource_id(directory_id)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_err(DS, "ListTagsForResource", e))?;
            out.extend(page.tags().iter().map(|t| Tag {
                key: t.key().to_owned(),
                value: t.value().to_owned(),
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn connect_directory(
        &self,
        request: &ConnectDirectoryRequest,
        password: &SecretString,
    ) -> Result<String, AwsError> {
        const OP: &str = "ConnectDirectory";
        let settings = ds::DirectoryConnectSettings::builder()
            .vpc_id(&request.vpc_id)
            .set_subnet_ids(Some(request.subnet_ids.clone()))
            .set_customer_dns_ips(Some(request.customer_dns_ips.clone()))
            .customer_user_name(&request.customer_user_name)
            .build()
            .map_err(build_error(OP))?;
        let out = self
            .ds
            .connect_directory()
            .name(&request.name)
            .short_name(&request.short_name)
            .description(&request.description)
            .password(password.expose_secret())
            .size(ds::DirectorySize::from(request.size.as_str()))
            .connect_settings(settings)
            .set_tags(Some(sdk_tags(&request.tags, OP)?))
            .send()
            .await
            .map_err(|e| self.map_err(DS, OP, e))?;
        Ok(out.directory_id().unwrap_or_default().to_owned())
    }

    async fn create_managed_ad(
        &self,
        request: &CreateManagedAdRequest,
        admin_password: &SecretString,
    ) -> Result<String, AwsError> {
        const OP: &str = "CreateMicrosoftAD";
        let vpc = ds::DirectoryVpcSettings::builder()
            .vpc_id(&request.vpc_id)
            .set_subnet_ids(Some(request.subnet_ids.clone()))
            .build()
            .map_err(build_error(OP))?;
        let out = self
            .ds
            .create_microsoft_ad()
            .name(&request.name)
            .short_name(&request.short_name)
            .description(&request.description)
            .password(admin_password.expose_secret())
            .edition(ds::DirectoryEdition::from(request.edition.as_str()))
            .vpc_settings(vpc)
            .set_tags(Some(sdk_tags(&request.tags, OP)?))
            .send()
            .await
            .map_err(|e| self.map_err(DS, OP, e))?;
        Ok(out.directory_id().unwrap_or_default().to_owned())
    }

    async fn describe_trusts(&self, directory_id: &str) -> Result<Vec<TrustInfo>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(DS, "DescribeTrusts");
        loop {
            let page = self
                .ds
                .describe_trusts()
                .directory_id(directory_id)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_err(DS, "DescribeTrusts", e))?;
            out.extend(page.trusts().iter().map(|t| {
                TrustInfo {
                    id: t.trust_id().unwrap_or_default().to_owned(),
                    directory_id: t.directory_id().unwrap_or_default().to_owned(),
                    remote_domain: t.remote_domain_name().unwrap_or_default().to_owned(),
                    direction: t
                        .trust_direction()
                        .map_or("", ds::TrustDirection::as_str)
                        .to_owned(),
                    trust_type: t
                        .trust_type()
                        .map_or("Forest", ds::TrustType::as_str)
                        .to_owned(),
                    selective_auth: t
                        .selective_auth()
                        .map_or("Disabled", ds::SelectiveAuth::as_str)
                        .to_owned(),
                    state: TrustState::from_name(
                        t.trust_state().map_or("Creating", ds::TrustState::as_str),
                    ),
                    state_reason: t.trust_state_reason().unwrap_or_default().to_owned(),
                }
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn create_trust(
        &self,
        request: &CreateTrustRequest,
        password: &SecretString,
    ) -> Result<String, AwsError> {
        let out = self
            .ds
            .create_trust()
            .directory_id(&request.directory_id)
            .remote_domain_name(&request.remote_domain)
            .trust_password(password.expose_secret())
            .trust_direction(ds::TrustDirection::from(request.direction.as_str()))
            .trust_type(ds::TrustType::from(request.trust_type.as_str()))
            .set_conditional_forwarder_ip_addrs(Some(request.forwarder_ips.clone()))
            .selective_auth(ds::SelectiveAuth::from(request.selective_auth.as_str()))
            .send()
            .await
            .map_err(|e| self.map_err(DS, "CreateTrust", e))?;
        Ok(out.trust_id().unwrap_or_default().to_owned())
    }

    async fn verify_trust(&self, trust_id: &str) -> Result<(), AwsError> {
        self.ds
            .verify_trust()
            .trust_id(trust_id)
            .send()
            .await
            .map_err(|e| self.map_err(DS, "VerifyTrust", e))?;
        Ok(())
    }

    async fn describe_forwarders(&self, directory_id: &str) -> Result<Vec<Forwarder>, AwsError> {
        let out = self
            .ds
            .describe_conditional_forwarders()
            .directory_id(directory_id)
            .send()
            .await
            .map_err(|e| self.map_err(DS, "DescribeConditionalForwarders", e))?;
        Ok(out
            .conditional_forwarders()
            .iter()
            .map(|f| Forwarder {
                remote_domain: f.remote_domain_name().unwrap_or_default().to_owned(),
                dns_ips: f.dns_ip_addrs().to_vec(),
            })
            .collect())
    }

    async fn delete_trust(&self, trust_id: &str) -> Result<(), AwsError> {
        self.ds
            .delete_trust()
            .trust_id(trust_id)
            .delete_associated_conditional_forwarder(true)
            .send()
            .await
            .map_err(|e| self.map_err(DS, "DeleteTrust", e))?;
        Ok(())
    }

    async fn delete_directory(&self, directory_id: &str) -> Result<(), AwsError> {
        self.ds
            .delete_directory()
            .directory_id(directory_id)
            .send()
            .await
            .map_err(|e| self.map_err(DS, "DeleteDirectory", e))?;
        Ok(())
    }

    async fn list_ip_routes(&self, directory_id: &str) -> Result<Vec<IpRoute>, AwsError> {
        const OP: &str = "ListIpRoutes";
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(DS, OP);
        loop {
            let page = self
                .ds
                .list_ip_routes()
                .directory_id(directory_id)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_err(DS, OP, e))?;
            out.extend(page.ip_routes_info().iter().filter_map(|route| {
                Some(IpRoute {
                    cidr: route.cidr_ip()?.to_owned(),
                    status: route
                        .ip_route_status_msg()
                        .map_or("", ds::IpRouteStatusMsg::as_str)
                        .to_owned(),
                })
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn directory_limits(&self) -> Result<DirectoryLimits, AwsError> {
        let out = self
            .ds
            .get_directory_limits()
            .send()
            .await
            .map_err(|e| self.map_err(DS, "GetDirectoryLimits", e))?;
        let Some(limits) = out.directory_limits() else {
            return Ok(DirectoryLimits::default());
        };
        let limit = |current: Option<i32>, limit: Option<i32>, reached: bool| Limit {
            current: current.unwrap_or_default(),
            limit: limit.unwrap_or_default(),
            reached,
        };
        Ok(DirectoryLimits {
            managed_ad: limit(
                limits.cloud_only_microsoft_ad_current_count(),
                limits.cloud_only_microsoft_ad_limit(),
                limits.cloud_only_microsoft_ad_limit_reached(),
            ),
            connected: limit(
                limits.connected_directories_current_count(),
                limits.connected_directories_limit(),
                limits.connected_directories_limit_reached(),
            ),
            cloud_only: limit(
                limits.cloud_only_directories_current_count(),
                limits.cloud_only_directories_limit(),
                limits.cloud_only_directories_limit_reached(),
            ),
        })
    }
}
