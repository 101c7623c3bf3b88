"""Self-test of tests/peers/ext_permission_sets.py (permissions boundaries, tags and
UpdatePermissionSet on permission sets), with the server and helpers of test_moto_ext.py.

Run from the crate root: .venv-moto/bin/python tests/peers/test_moto_permission_sets.py
"""
import unittest

from botocore.exceptions import ClientError

from test_moto_ext import Base, setUpModule, tearDownModule  # noqa: F401 - module fixtures

BOUNDARY_ARN = "arn:aws:iam::aws:policy/PowerUserAccess"


class Boundary(Base):
    def arns(self):
        return {"InstanceArn": self.instance, "PermissionSetArn": self.ps}

    def test_none_then_put_get_replace_and_delete(self):
        with self.assertRaises(ClientError) as caught:
            self.sso.get_permissions_boundary_for_permission_set(**self.arns())
        self.assertEqual(caught.exception.response["Error"]["Code"],
                         "ResourceNotFoundException")
        self.sso.put_permissions_boundary_to_permission_set(
            PermissionsBoundary={"CustomerManagedPolicyReference": {"Name": "Limits"}},
            **self.arns())
        got = self.sso.get_permissions_boundary_for_permission_set(**self.arns())
        self.assertEqual(got["PermissionsBoundary"],
                         {"CustomerManagedPolicyReference": {"Name": "Limits", "Path": "/"}})
        self.sso.put_permissions_boundary_to_permission_set(
            PermissionsBoundary={"ManagedPolicyArn": BOUNDARY_ARN}, **self.arns())
        got = self.sso.get_permissions_boundary_for_permission_set(**self.arns())
        self.assertEqual(got["PermissionsBoundary"], {"ManagedPolicyArn": BOUNDARY_ARN})
        self.sso.delete_permissions_boundary_from_permission_set(**self.arns())
        with self.assertRaises(ClientError):
            self.sso.get_permissions_boundary_for_permission_set(**self.arns())
        with self.assertRaises(ClientError) as caught:
            self.sso.delete_permissions_boundary_from_permission_set(**self.arns())
        self.assertEqual(caught.exception.response["Error"]["Code"],
                         "ResourceNotFoundException")

    def test_an_invalid_boundary_is_refused_by_the_strict_check(self):
        with self.assertRaises(ClientError) as caught:
            self.sso.put_permissions_boundary_to_permission_set(
                PermissionsBoundary={"ManagedPolicyArn": "arn:aws:iam::123456789012:policy/X"},
                **self.arns())
        self.assertEqual(caught.exception.response["Error"]["Code"], "ValidationException")


class Tags(Base):
    def tags(self, arn=None):
        return self.sso.list_tags_for_resource(InstanceArn=self.instance,
                                               ResourceArn=arn or self.ps)["Tags"]

    def test_creation_tags_are_listed_and_tag_resource_adds_or_replaces(self):
        arn = self.sso.create_permission_set(
            Name="Tagged", InstanceArn=self.instance, SessionDuration="PT1H",
            Tags=[{"Key": "adsso:plan", "Value": "p"}])["PermissionSet"]["PermissionSetArn"]
        self.assertEqual(self.tags(arn), [{"Key": "adsso:plan", "Value": "p"}])
        self.sso.tag_resource(InstanceArn=self.instance, ResourceArn=arn,
                              Tags=[{"Key": "Team", "Value": "a"}])
        self.sso.tag_resource(InstanceArn=self.instance, ResourceArn=arn,
                              Tags=[{"Key": "Team", "Value": "b"}])
        self.assertEqual(self.tags(arn), [{"Key": "adsso:plan", "Value": "p"},
                                          {"Key": "Team", "Value": "b"}])
        self.sso.untag_resource(InstanceArn=self.instance, ResourceArn=arn, TagKeys=["Team"])
        self.assertEqual(self.tags(arn), [{"Key": "adsso:plan", "Value": "p"}])
        self.assertEqual(self.tags(), [])

    def test_an_unknown_arn_is_not_found(self):
        unknown = self.ps[:-16] + "0" * 16
        with self.assertRaises(ClientError) as caught:
            self.tags(unknown)
        self.assertEqual(caught.exception.response["Error"]["Code"],
                         "ResourceNotFoundException")


class Update(Base):
    def describe(self):
        return self.sso.describe_permission_set(InstanceArn=self.instance,
                                                PermissionSetArn=self.ps)["PermissionSet"]

    def test_only_the_members_given_change(self):
        self.sso.update_permission_set(InstanceArn=self.instance, PermissionSetArn=self.ps,
                                       Description="first", RelayState="https://x/a",
                                       SessionDuration="PT8H")
        self.sso.update_permission_set(InstanceArn=self.instance, PermissionSetArn=self.ps,
                                       Description="second")
        got = self.describe()
        self.assertEqual((got["Description"], got["RelayState"], got["SessionDuration"]),
                         ("second", "https://x/a", "PT8H"))


class CustomerPolicies(Base):
    def test_attach_list_detach_with_the_default_path(self):
        arns = {"InstanceArn": self.instance, "PermissionSetArn": self.ps}
        self.sso.attach_customer_managed_policy_reference_to_permission_set(
            CustomerManagedPolicyReference={"Name": "A"}, **arns)
        self.sso.attach_customer_managed_policy_reference_to_permission_set(
            CustomerManagedPolicyReference={"Name": "B", "Path": "/team/"}, **arns)
        listed = self.sso.list_customer_managed_policy_references_in_permission_set(
            **arns)["CustomerManagedPolicyReferences"]
        self.assertEqual(listed, [{"Name": "A", "Path": "/"}, {"Name": "B", "Path": "/team/"}])
        self.sso.detach_customer_managed_policy_reference_from_permission_set(
            CustomerManagedPolicyReference={"Name": "B", "Path": "/team/"}, **arns)
        listed = self.sso.list_customer_managed_policy_references_in_permission_set(
            **arns)["CustomerManagedPolicyReferences"]
        self.assertEqual(listed, [{"Name": "A", "Path": "/"}])


if __name__ == "__main__":
    unittest.main(verbosity=2)
