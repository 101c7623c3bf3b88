//! The fake cloud's permission set details: settings, customer managed policy references,
//! permissions boundary and tags, kept on each [`super::access::FakeSet`]. Test-only.

use super::Fake;
use crate::aws::*;

impl PermissionSetDetailsApi for Fake {
    async fn update_permission_set(
        &self,
        _: &str,
        arn: &str,
        update: &PermissionSetUpdate,
    ) -> Result<(), AwsError> {
        self.with_set("UpdatePermissionSet", arn, |set| {
            if let Some(duration) = &update.session_duration {
                set.session_duration = Some(duration.clone());
            }
            if let Some(description) = &update.description {
                set.description = Some(description.clone());
            }
            if let Some(relay) = &update.relay_state {
                set.relay_state = Some(relay.clone());
            }
        })
    }

    async fn list_customer_policies(
        &self,
        _: &str,
        arn: &str,
    ) -> Result<Vec<PolicyReference>, AwsError> {
        self.read_set(arn, |set| set.customer.clone())
    }

    async fn attach_customer_policy(
        &self,
        _: &str,
        arn: &str,
        policy: &PolicyReference,
    ) -> Result<(), AwsError> {
        self.with_set(
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            arn,
            |set| set.customer.push(policy.clone()),
        )
    }

    async fn detach_customer_policy(
        &self,
        _: &str,
        arn: &str,
        policy: &PolicyReference,
    ) -> Result<(), AwsError> {
        self.with_set(
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            arn,
            |set| set.customer.retain(|p| p != policy),
        )
    }

    async fn permissions_boundary(&self, _: &str, arn: &str) -> Result<Option<Boundary>, AwsError> {
        self.read_set(arn, |set| set.boundary.clone())
    }

    async fn put_permissions_boundary(
        &self,
        _: &str,
        arn: &str,
        boundary: &Boundary,
    ) -> Result<(), AwsError> {
        self.with_set("PutPermissionsBoundaryToPermissionSet", arn, |set| {
            set.boundary = Some(boundary.clone());
        })
    }

    async fn delete_permissions_boundary(&self, _: &str, arn: &str) -> Result<(), AwsError> {
        self.with_set("DeletePermissionsBoundaryFromPermissionSet", arn, |set| {
            set.boundary = None;
        })
    }

    async fn permission_set_tags(&self, _: &str, arn: &str) -> Result<Vec<Tag>, AwsError> {
        self.read_set(arn, |set| set.tags.clone())
    }

    async fn tag_permission_set(&self, _: &str, arn: &str, tags: &[Tag]) -> Result<(), AwsError> {
        self.with_set("TagResource", arn, |set| {
            for tag in tags {
                set.tags.retain(|t| t.key != tag.key);
                set.tags.push(tag.clone());
            }
        })
    }

    async fn untag_permission_set(
        &self,
        _: &str,
        arn: &str,
        keys: &[String],
    ) -> Result<(), AwsError> {
        self.with_set("UntagResource", arn, |set| {
            set.tags.retain(|t| !keys.contains(&t.key));
        })
    }
}
