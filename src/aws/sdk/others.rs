//! [`IdentityStoreApi`], [`AccountApi`] and [`NetworkApi`] on the SDK.

use super::SdkCloud;
use crate::aws::{
    AccountApi, AwsError, CallerIdentity, EgressRule, Group, IdentityStoreApi, NetworkApi, Subnet,
};

impl IdentityStoreApi for SdkCloud {
    async fn list_groups(&self, identity_store_id: &str) -> Result<Vec<Group>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        loop {
            let page = self
                .store
                .list_groups()
                .identity_store_id(identity_store_id)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_reasoned_err("identitystore", "ListGroups", e))?;
            out.extend(page.groups().iter().map(|g| {
                Group {
                    id: g.group_id().to_owned(),
                    display_name: g.display_name().unwrap_or_default().to_owned(),
                    issuers: g
                        .external_ids()
                        .iter()
                        .map(|e| e.issuer().to_owned())
                        .collect(),
                }
            }));
            token = page
                .next_token()
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
            if token.is_none() {
                return Ok(out);
            }
        }
    }
}

impl AccountApi for SdkCloud {
    async fn caller_identity(&self) -> Result<CallerIdentity, AwsError> {
        let out = self
            .sts
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| self.map_err("sts", "GetCallerIdentity", e))?;
        Ok(CallerIdentity {
            account: out.account().unwrap_or_default().to_owned(),
            arn: out.arn().unwrap_or_default().to_owned(),
        })
    }
}

impl NetworkApi for SdkCloud {
    async fn describe_subnets(&self, ids: &[String]) -> Result<Vec<Subnet>, AwsError> {
        let out = self
            .ec2
            .describe_subnets()
            .set_subnet_ids(Some(ids.to_vec()))
            .send()
            .await
            .map_err(|e| self.map_err("ec2", "DescribeSubnets", e))?;
        Ok(out
            .subnets()
            .iter()
            .map(|s| Subnet {
                id: s.subnet_id().unwrap_or_default().to_owned(),
                vpc_id: s.vpc_id().unwrap_or_default().to_owned(),
                availability_zone: s.availability_zone().unwrap_or_default().to_owned(),
            })
            .collect())
    }

    async fn security_group_egress(&self, group_id: &str) -> Result<Vec<EgressRule>, AwsError> {
        let out = self
            .ec2
            .describe_security_groups()
            .group_ids(group_id)
            .send()
            .await
            .map_err(|e| self.map_err("ec2", "DescribeSecurityGroups", e))?;
        Ok(out
            .security_groups()
            .iter()
            .flat_map(|g| g.ip_permissions_egress())
            .map(|p| EgressRule {
                protocol: p.ip_protocol().unwrap_or("-1").to_owned(),
                from_port: p.from_port(),
                to_port: p.to_port(),
                cidrs: p
                    .ip_ranges()
                    .iter()
                    .filter_map(|r| r.cidr_ip().map(str::to_owned))
                    .collect(),
            })
            .collect())
    }
}
