//! [`PermissionSetDetailsApi`] on the SDK (`sso-admin`): a permission set's settings, customer
//! managed policy references, permissions boundary and tags. Every list call follows its pages.

use aws_sdk_ssoadmin::types::{CustomerManagedPolicyReference, PermissionsBoundary};

use super::SdkCloud;
use super::identity_center::{SERVICE, given};
use crate::aws::pages::Pages;
use crate::aws::{
    AwsError, AwsErrorKind, Boundary, PermissionSetDetailsApi, PermissionSetUpdate,
    PolicyReference, Tag,
};

/// A builder's refusal as an error of `operation` (a required member was missing).
fn build_error(operation: &'static str, error: impl std::fmt::Display) -> AwsError {
    AwsError::new(SERVICE, operation, AwsErrorKind::Other, error.to_string())
}

/// Our tags as the SDK's.
pub(super) fn sso_tags(
    operation: &'static str,
    tags: &[Tag],
) -> Result<Vec<aws_sdk_ssoadmin::types::Tag>, AwsError> {
    tags.iter()
        .map(|tag| {
            aws_sdk_ssoadmin::types::Tag::builder()
                .key(&tag.key)
                .value(&tag.value)
                .build()
                .map_err(|e| build_error(operation, e))
        })
        .collect()
}

/// Our reference as the SDK's.
fn reference(
    operation: &'static str,
    policy: &PolicyReference,
) -> Result<CustomerManagedPolicyReference, AwsError> {
    CustomerManagedPolicyReference::builder()
        .name(&policy.name)
        .path(&policy.path)
        .build()
        .map_err(|e| build_error(operation, e))
}

/// The SDK's reference as ours (a missing path is AWS's default, `/`).
fn from_reference(policy: &CustomerManagedPolicyReference) -> PolicyReference {
    PolicyReference {
        name: policy.name().to_owned(),
        path: given(policy.path()).unwrap_or_else(|| "/".to_owned()),
    }
}

impl PermissionSetDetailsApi for SdkCloud {
    async fn update_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
        update: &PermissionSetUpdate,
    ) -> Result<(), AwsError> {
        self.sso
            .update_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .set_session_duration(update.session_duration.clone())
            .set_description(update.description.clone())
            .set_relay_state(update.relay_state.clone())
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, "UpdatePermissionSet", e))?;
        Ok(())
    }

    async fn list_customer_policies(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Vec<PolicyReference>, AwsError> {
        const OP: &str = "ListCustomerManagedPolicyReferencesInPermissionSet";
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(SERVICE, OP);
        loop {
            let page = self
                .sso
                .list_customer_managed_policy_references_in_permission_set()
                .instance_arn(instance_arn)
                .permission_set_arn(arn)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
            out.extend(
                page.customer_managed_policy_references()
                    .iter()
                    .map(from_reference),
            );
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn attach_customer_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy: &PolicyReference,
    ) -> Result<(), AwsError> {
        const OP: &str = "AttachCustomerManagedPolicyReferenceToPermissionSet";
        self.sso
            .attach_customer_managed_policy_reference_to_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .customer_managed_policy_reference(reference(OP, policy)?)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        Ok(())
    }

    async fn detach_customer_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy: &PolicyReference,
    ) -> Result<(), AwsError> {
        const OP: &str = "DetachCustomerManagedPolicyReferenceFromPermissionSet";
        self.sso
            .detach_customer_managed_policy_reference_from_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .customer_managed_policy_reference(reference(OP, policy)?)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        Ok(())
    }

    async fn permissions_boundary(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Option<Boundary>, AwsError> {
        const OP: &str = "GetPermissionsBoundaryForPermissionSet";
        let out = match self
            .sso
            .get_permissions_boundary_for_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .send()
            .await
        {
            Ok(out) => out,
            Err(e) => {
                let error = self.map_reasoned_err(SERVICE, OP, e);
                // AWS answers ResourceNotFoundException for a set without a boundary (the set
                // itself was just listed).
                return match error.kind {
                    AwsErrorKind::DoesNotExist => Ok(None),
                    _ => Err(error),
                };
            }
        };
        let Some(boundary) = out.permissions_boundary() else {
            return Ok(None);
        };
        Ok(
            match boundary.managed_policy_arn().and_then(|a| given(Some(a))) {
                Some(arn) => Some(Boundary::Managed(arn)),
                None => boundary
                    .customer_managed_policy_reference()
                    .map(|policy| Boundary::Customer(from_reference(policy))),
            },
        )
    }

    async fn put_permissions_boundary(
        &self,
        instance_arn: &str,
        arn: &str,
        boundary: &Boundary,
    ) -> Result<(), AwsError> {
        const OP: &str = "PutPermissionsBoundaryToPermissionSet";
        let sdk = match boundary {
            Boundary::Managed(policy) => PermissionsBoundary::builder()
                .managed_policy_arn(policy)
                .build(),
            Boundary::Customer(policy) => PermissionsBoundary::builder()
                .customer_managed_policy_reference(reference(OP, policy)?)
                .build(),
        };
        self.sso
            .put_permissions_boundary_to_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .permissions_boundary(sdk)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        Ok(())
    }

    async fn delete_permissions_boundary(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<(), AwsError> {
        self.sso
            .delete_permissions_boundary_from_permission_set()
            .instance_arn(instance_arn)
            .permission_set_arn(arn)
            .send()
            .await
            .map_err(|e| {
                self.map_reasoned_err(SERVICE, "DeletePermissionsBoundaryFromPermissionSet", e)
            })?;
        Ok(())
    }

    async fn permission_set_tags(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Vec<Tag>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new(SERVICE, "ListTagsForResource");
        loop {
            let page = self
                .sso
                .list_tags_for_resource()
                .instance_arn(instance_arn)
                .resource_arn(arn)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_reasoned_err(SERVICE, "ListTagsForResource", e))?;
            out.extend(page.tags().iter().map(|tag| Tag {
                key: tag.key().to_owned(),
                value: tag.value().to_owned(),
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn tag_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
        tags: &[Tag],
    ) -> Result<(), AwsError> {
        const OP: &str = "TagResource";
        self.sso
            .tag_resource()
            .instance_arn(instance_arn)
            .resource_arn(arn)
            .set_tags(Some(sso_tags(OP, tags)?))
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        Ok(())
    }

    async fn untag_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
        keys: &[String],
    ) -> Result<(), AwsError> {
        const OP: &str = "UntagResource";
        self.sso
            .untag_resource()
            .instance_arn(instance_arn)
            .resource_arn(arn)
            .set_tag_keys(Some(keys.to_vec()))
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        Ok(())
    }
}
