//! The `Reason` member of Identity Center's and the identity store's errors. AccessDenied,
//! Validation, Throttling and ResourceNotFound carry one (`KMS_*`) when the instance's customer
//! managed KMS key is the cause; the SDK parses it into the typed exception only, so each
//! operation's error type is read here, and the reason decides the [`AwsErrorKind`].

use aws_sdk_directory::error::{ProvideErrorMetadata, SdkError};

use super::SdkCloud;
use crate::aws::{AwsError, AwsErrorKind};

/// An operation error that may carry a `Reason`.
pub(crate) trait Reasoned {
    /// The `Reason` member of the modelled exception, as AWS spells it.
    fn reason(&self) -> Option<&str>;
}

/// Implements [`Reasoned`] for operation error enums, reading the given variants' `reason()`.
macro_rules! reasoned {
    ($krate:ident: $variants:tt: $($op:ident::$error:ident),+ $(,)?) => {
        $(reasoned_one!($krate, $variants, $op::$error);)+
    };
}

/// One [`Reasoned`] implementation (see `reasoned!`).
macro_rules! reasoned_one {
    ($krate:ident, [$($variant:ident),+], $op:ident::$error:ident) => {
        impl Reasoned for $krate::operation::$op::$error {
            fn reason(&self) -> Option<&str> {
                match self {
                    $(Self::$variant(e) => e.reason().map(|r| r.as_str()),)+
                    _ => None,
                }
            }
        }
    };
}

reasoned!(aws_sdk_ssoadmin: [AccessDeniedException, ThrottlingException, ValidationException]:
    list_instances::ListInstancesError,
);

reasoned!(aws_sdk_ssoadmin:
    [AccessDeniedException, ThrottlingException, ValidationException, ResourceNotFoundException]:
    list_permission_sets::ListPermissionSetsError,
    describe_permission_set::DescribePermissionSetError,
    create_permission_set::CreatePermissionSetError,
    update_permission_set::UpdatePermissionSetError,
    list_managed_policies_in_permission_set::ListManagedPoliciesInPermissionSetError,
    attach_managed_policy_to_permission_set::AttachManagedPolicyToPermissionSetError,
    detach_managed_policy_from_permission_set::DetachManagedPolicyFromPermissionSetError,
    get_inline_policy_for_permission_set::GetInlinePolicyForPermissionSetError,
    put_inline_policy_to_permission_set::PutInlinePolicyToPermissionSetError,
    delete_inline_policy_from_permission_set::DeleteInlinePolicyFromPermissionSetError,
    list_customer_managed_policy_references_in_permission_set::ListCustomerManagedPolicyReferencesInPermissionSetError,
    attach_customer_managed_policy_reference_to_permission_set::AttachCustomerManagedPolicyReferenceToPermissionSetError,
    detach_customer_managed_policy_reference_from_permission_set::DetachCustomerManagedPolicyReferenceFromPermissionSetError,
    get_permissions_boundary_for_permission_set::GetPermissionsBoundaryForPermissionSetError,
    put_permissions_boundary_to_permission_set::PutPermissionsBoundaryToPermissionSetError,
    delete_permissions_boundary_from_permission_set::DeletePermissionsBoundaryFromPermissionSetError,
    list_tags_for_resource::ListTagsForResourceError,
    tag_resource::TagResourceError,
    untag_resource::UntagResourceError,
    provision_permission_set::ProvisionPermissionSetError,
    describe_permission_set_provisioning_status::DescribePermissionSetProvisioningStatusError,
    list_account_assignments_for_principal::ListAccountAssignmentsForPrincipalError,
    create_account_assignment::CreateAccountAssignmentError,
    describe_account_assignment_creation_status::DescribeAccountAssignmentCreationStatusError,
    delete_account_assignment::DeleteAccountAssignmentError,
    describe_account_assignment_deletion_status::DescribeAccountAssignmentDeletionStatusError,
);

reasoned!(aws_sdk_identitystore:
    [AccessDeniedException, ThrottlingException, ValidationException, ResourceNotFoundException]:
    list_groups::ListGroupsError,
);

/// Applies an error's `Reason`: a `KMS_*` reason makes it a [`AwsErrorKind::KmsKey`] failure, and
/// any reason is added to the detail (AWS's message alone may not name it).
pub(crate) fn with_reason(mut error: AwsError, reason: Option<&str>) -> AwsError {
    let Some(reason) = reason.filter(|r| !r.is_empty()) else {
        return error;
    };
    if error.kind.is_transport() {
        return error;
    }
    if let Some(kind) = AwsErrorKind::from_reason(reason) {
        error.kind = kind;
    }
    error.detail = format!("{} (Reason: {reason})", error.detail);
    error
}

impl SdkCloud {
    /// [`SdkCloud::map_err`] for Identity Center and identity store calls, which also reads the
    /// error's `Reason`.
    pub(crate) fn map_reasoned_err<E, R>(
        &self,
        service: &'static str,
        operation: &'static str,
        error: SdkError<E, R>,
    ) -> AwsError
    where
        E: ProvideErrorMetadata + Reasoned + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        let reason = error
            .as_service_error()
            .and_then(Reasoned::reason)
            .map(str::to_owned);
        with_reason(self.map_err(service, operation, error), reason.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_ssoadmin::operation::create_account_assignment::CreateAccountAssignmentError;
    use aws_sdk_ssoadmin::types::error::{AccessDeniedException, ConflictException};
    use aws_sdk_ssoadmin::types::{AccessDeniedExceptionReason, ValidationExceptionReason};

    use super::*;

    #[test]
    fn the_typed_exception_gives_its_reason() {
        let denied = CreateAccountAssignmentError::AccessDeniedException(
            AccessDeniedException::builder()
                .message("no")
                .reason(AccessDeniedExceptionReason::KmsAccessDeniedException)
                .build(),
        );
        assert_eq!(denied.reason(), Some("KMS_AccessDeniedException"));
        let conflict = CreateAccountAssignmentError::ConflictException(
            ConflictException::builder().message("busy").build(),
        );
        assert_eq!(conflict.reason(), None);
        let validation =
            aws_sdk_identitystore::operation::list_groups::ListGroupsError::ValidationException(
                aws_sdk_identitystore::types::error::ValidationException::builder()
                    .message("bad")
                    .reason(aws_sdk_identitystore::types::ValidationExceptionReason::KmsDisabled)
                    .build(),
            );
        assert_eq!(validation.reason(), Some("KMS_DISABLED"));
        assert_eq!(
            ValidationExceptionReason::KmsDisabledException.as_str(),
            "KMS_DisabledException"
        );
    }

    #[test]
    fn a_kms_reason_blames_the_key_not_iam() {
        let error = AwsError::new(
            "sso-admin",
            "CreateAccountAssignment",
            AwsErrorKind::AccessDenied,
            "AccessDeniedException: denied",
        );
        let error = with_reason(error, Some("KMS_AccessDeniedException"));
        assert_eq!(error.kind, AwsErrorKind::KmsKey);
        let text = error.to_string();
        assert!(text.contains("Reason: KMS_AccessDeniedException"), "{text}");
        assert!(text.contains("KMS key"), "{text}");
        assert!(text.contains("key policy"), "{text}");
        assert!(!text.contains("use credentials allowed to call"), "{text}");
    }

    #[test]
    fn another_reason_keeps_the_kind_and_no_reason_changes_nothing() {
        let error = AwsError::new("sso-admin", "ListInstances", AwsErrorKind::Validation, "x");
        let kept = with_reason(error.clone(), Some("SOMETHING_ELSE"));
        assert_eq!(kept.kind, AwsErrorKind::Validation);
        assert_eq!(kept.detail, "x (Reason: SOMETHING_ELSE)");
        assert_eq!(with_reason(error.clone(), None), error);
    }
}
