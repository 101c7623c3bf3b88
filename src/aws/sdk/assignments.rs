//! [`AssignmentApi`] on the SDK (`sso-admin`): account assignments of groups and the status of
//! their asynchronous creation and deletion.

use aws_sdk_ssoadmin::types::{PrincipalType, TargetType};

use super::SdkCloud;
use super::identity_center::{SERVICE, missing, request};
use crate::aws::{AssignmentApi, AssignmentKey, AwsError, Page, RequestStatus};

impl AssignmentApi for SdkCloud {
    async fn group_assignments_page(
        &self,
        instance_arn: &str,
        group_id: &str,
        token: Option<String>,
    ) -> Result<Page<AssignmentKey>, AwsError> {
        let page = self
            .sso
            .list_account_assignments_for_principal()
            .instance_arn(instance_arn)
            .principal_id(group_id)
            .principal_type(PrincipalType::Group)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, "ListAccountAssignmentsForPrincipal", e))?;
        let items = page
            .account_assignments()
            .iter()
            .map(|a| AssignmentKey {
                account_id: a.account_id().unwrap_or_default().to_owned(),
                permission_set_arn: a.permission_set_arn().unwrap_or_default().to_owned(),
                group_id: a.principal_id().unwrap_or(group_id).to_owned(),
            })
            .collect();
        Ok(Page {
            items,
            next: page.next_token().map(str::to_owned),
        })
    }

    async fn create_assignment(
        &self,
        instance_arn: &str,
        key: &AssignmentKey,
    ) -> Result<RequestStatus, AwsError> {
        const OP: &str = "CreateAccountAssignment";
        let out = self
            .sso
            .create_account_assignment()
            .instance_arn(instance_arn)
            .target_id(&key.account_id)
            .target_type(TargetType::AwsAccount)
            .permission_set_arn(&key.permission_set_arn)
            .principal_type(PrincipalType::Group)
            .principal_id(&key.group_id)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let status = out
            .account_assignment_creation_status()
            .ok_or_else(|| missing(OP, "creation status"))?;
        request(
            OP,
            status.request_id(),
            status.status(),
            status.failure_reason(),
        )
    }

    async fn assignment_creation_status(
        &self,
        instance_arn: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError> {
        const OP: &str = "DescribeAccountAssignmentCreationStatus";
        let out = self
            .sso
            .describe_account_assignment_creation_status()
            .instance_arn(instance_arn)
            .account_assignment_creation_request_id(request_id)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let status = out
            .account_assignment_creation_status()
            .ok_or_else(|| missing(OP, "creation status"))?;
        request(
            OP,
            status.request_id().or(Some(request_id)),
            status.status(),
            status.failure_reason(),
        )
    }

    async fn delete_assignment(
        &self,
        instance_arn: &str,
        key: &AssignmentKey,
    ) -> Result<RequestStatus, AwsError> {
        const OP: &str = "DeleteAccountAssignment";
        let out = self
            .sso
            .delete_account_assignment()
            .instance_arn(instance_arn)
            .target_id(&key.account_id)
            .target_type(TargetType::AwsAccount)
            .permission_set_arn(&key.permission_set_arn)
            .principal_type(PrincipalType::Group)
            .principal_id(&key.group_id)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let status = out
            .account_assignment_deletion_status()
            .ok_or_else(|| missing(OP, "deletion status"))?;
        request(
            OP,
            status.request_id(),
            status.status(),
            status.failure_reason(),
        )
    }

    async fn assignment_deletion_status(
        &self,
        instance_arn: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError> {
        const OP: &str = "DescribeAccountAssignmentDeletionStatus";
        let out = self
            .sso
            .describe_account_assignment_deletion_status()
            .instance_arn(instance_arn)
            .account_assignment_deletion_request_id(request_id)
            .send()
            .await
            .map_err(|e| self.map_reasoned_err(SERVICE, OP, e))?;
        let status = out
            .account_assignment_deletion_status()
            .ok_or_else(|| missing(OP, "deletion status"))?;
        request(
            OP,
            status.request_id().or(Some(request_id)),
            status.status(),
            status.failure_reason(),
        )
    }
}
