//! [`IdentityCenterApi`] on the SDK (`sso-admin`): instances, permission sets and their AWS
//! managed and inline policies, provisioning. Every list call follows its pages.

use aws_sdk_ssoadmin::types::{ProvisionTargetType, StatusValues};

use super::SdkCloud;
use crate::aws::pages::Pages;
use crate::aws::{
    AwsError, AwsErrorKind, IdentityCenterApi, Instance, InstanceStatus, NewPermissionSet,
    PermissionSetInfo, RequestState, RequestStatus,
};

pub(super) const SERVICE: &str = "sso-admin";

/// An asynchronous request's status from the SDK's status fields.
pub(super) fn request(
    operation: &'static str,
    request_id: Option<&str>,
    status: Option<&StatusValues>,
    failure_reason: Option<&str>,
) -> Result<RequestStatus, AwsError> {
    let Some(request_id) = request_id.filter(|id| !id.is_empty()) else {
        return Err(AwsError::new(
            SERVICE,
            operation,
            AwsErrorKind::Other,
            "the answer holds no request id",
        ));
    };
    Ok(RequestStatus {
        request_id: request_id.to_owned(),
        state: RequestState::from_status(status.map_or("", |s| s.as_str()), failure_reason),
    })
}

/// A text member AWS answered, `None` when absent or empty.
pub(super) fn given(value: Option<&str>) -> Option<String> {
    value.filter(|v| !v.is_empty()).map(str::to_owned)
}

pub(super) fn missing(operation: &'static str, what: &str) -> AwsError {
    AwsError::new(
        SERVICE,
        operation,
        AwsErrorKind::Other,
        format!("the answer holds no {what}"),
    )
}

impl IdentityCenterApi for SdkCloud {
    async fn list_instances(&self) -> Result<Vec<Instance>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(SERVICE, "ListInstances");
        loop {
            let page = self
                .sso
                .list_instances()
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_reasoned_err(SERVICE, "ListInstances", e))?;
            out.extend(page.instances().iter().map(|i| Instance {
                arn: i.instance_arn().unwrap_or_default().to_owned(),
                identity_store_id: i.identity_store_id().unwrap_or_default().to_owned(),
                owner_account: i.owner_account_id().unwrap_or_default().to_owned(),
                status: InstanceStatus::from_name(i.status().map_or("", |s| s.as_str())),
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn list_permission_sets(&self, instance_arn: &str) -> Result<Vec<String>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(SERVICE, "ListPermissionSets");
        loop {
            let page = self
                .sso
                .list_permission_sets()
                .instance_arn(instance_arn)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_reasoned_err(SERVICE, "ListPermissionSets", e))?;
            out.extend(page.permission_sets().iter().cloned());
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn describe_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<PermissionSetInfo, AwsError> {
        const OP: &str = "DescribePermissionSet";
        let out = self
            .sso
            .describe_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let set = out
            .permission_set()
            .ok_or_else(|| missing(OP, "permission set"))?;
        Ok(PermissionSetInfo {
            arn: set.permission_set_arn().unwrap_or(arn).to_owned(),
            name: set.name().unwrap_or_default().to_owned(),
            session_duration: given(set.session_duration()),
            description: given(set.description()),
            relay_state: given(set.relay_state()),
        })
    }

    async fn create_permission_set(&self, request: &NewPermissionSet) -> Result<String, AwsError> {
        const OP: &str = "CreatePermissionSet";
        let tags = super::permission_set_details::sso_tags(OP, &request.tags)?;
        let out = self
            .sso
            .create_permission_set()
            .instance_arn(&request.instance_arn)
            .name(&request.name)
            .description(&request.description)
            .session_duration(&request.session_duration)
            .set_relay_state(request.relay_state.clone())
            .set_tags(Some(tags))
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        out.permission_set()
            .and_then(|set| set.permission_set_arn())
            .map(str::to_owned)
            .ok_or_else(|| missing(OP, "permission set ARN"))
    }

    async fn list_managed_policies(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Vec<String>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(SERVICE, "ListManagedPoliciesInPermissionSet");
        loop {
            let page = self
                .sso
                .list_managed_policies_in_permission_set()
                .instance_arn(instance_arn)
                .permission_set_arn(arn)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| {
                    self.map_reasoned_err(SERVICE, "ListManagedPoliciesInPermissionSet", e)
                })?;
            out.extend(
                page.attached_managed_policies()
                    .iter()
                    .filter_map(|p| p.arn().map(str::to_owned)),
            );
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn attach_managed_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError> {
        self.sso
            .attach_managed_policy_to_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .managed_policy_arn(policy_arn)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, "AttachManagedPolicyToPermissionSet", e))?;
        Ok(())
    }

    async fn detach_managed_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError> {
        self.sso
            .detach_managed_policy_from_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .managed_policy_arn(policy_arn)
            .send()
            .await
            .map_err(|e| {
                self.map_reasoned_err(SERVICE, "DetachManagedPolicyFromPermissionSet", e)
            })?;
        Ok(())
    }

    async fn inline_policy(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Option<String>, AwsError> {
        let out = self
            .sso
            .get_inline_policy_for_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, "GetInlinePolicyForPermissionSet", e))?;
        Ok(out
            .inline_policy()
            .filter(|p| !p.trim().is_empty())
            .map(str::to_owned))
    }

    async fn put_inline_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy: &str,
    ) -> Result<(), AwsError> {
        self.sso
            .put_inline_policy_to_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .inline_policy(policy)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, "PutInlinePolicyToPermissionSet", e))?;
        Ok(())
    }

    async fn delete_inline_policy(&self, instance_arn: &str, arn: &str) -> Result<(), AwsError> {
        self.sso
            .delete_inline_policy_from_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .send()
            .await
            .map_err(|e| {
                self.map_reasoned_err(SERVICE, "DeleteInlinePolicyFromPermissionSet", e)
            })?;
        Ok(())
    }

    async fn provision_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<RequestStatus, AwsError> {
        const OP: &str = "ProvisionPermissionSet";
        let out = self
            .sso
            .provision_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .target_type(ProvisionTargetType::AllProvisionedAccounts)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let status = out
            .permission_set_provisioning_status()
            .ok_or_else(|| missing(OP, "provisioning status"))?;
        request(
            OP,
            status.request_id(),
            status.status(),
            status.failure_reason(),
        )
    }

    async fn provisioning_status(
        &self,
        instance_arn: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError> {
        const OP: &str = "DescribePermissionSetProvisioningStatus";
        let out = self
            .sso
            .describe_permission_set_provisioning_status()
            .instance_arn(instance_arn)
            .provision_permission_set_request_id(request_id)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let status = out
            .permission_set_provisioning_status()
            .ok_or_else(|| missing(OP, "provisioning status"))?;
        request(
            OP,
            status.request_id().or(Some(request_id)),
            status.status(),
            status.failure_reason(),
        )
    }
}
