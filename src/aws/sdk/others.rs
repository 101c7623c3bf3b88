//! [`IdentityStoreApi`] and [`AccountApi`] on the SDK, and [`NetworkApi`] on the EC2 client.

use super::SdkCloud;
use crate::aws::pages::Pages;
use crate::aws::{
    AccountApi, AwsError, CallerIdentity, EgressRule, Group, IdentityStoreApi, NetworkAcl,
    NetworkApi, RouteTable, Subnet, Vpc,
};

impl IdentityStoreApi for SdkCloud {
    async fn list_groups(&self, identity_store_id: &str) -> Result<Vec<Group>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new("identitystore", "ListGroups");
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
            token = pages.next(page.next_token())?;
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
        self.ec2.describe_subnets(ids).await
    }

    async fn security_group_egress(&self, group_id: &str) -> Result<Vec<EgressRule>, AwsError> {
        self.ec2.security_group_egress(group_id).await
    }

    async fn describe_vpcs(&self) -> Result<Vec<Vpc>, AwsError> {
        self.ec2.describe_vpcs().await
    }

    async fn describe_network_acls(&self, vpc_id: &str) -> Result<Vec<NetworkAcl>, AwsError> {
        self.ec2.describe_network_acls(vpc_id).await
    }

    async fn describe_route_tables(&self, vpc_id: &str) -> Result<Vec<RouteTable>, AwsError> {
        self.ec2.describe_route_tables(vpc_id).await
    }
}
