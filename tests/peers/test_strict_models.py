"""Self-test of the strict emulator: moto_ext.py refuses what AWS's input rules refuse.

Run from the crate root: .venv-moto/bin/python tests/peers/test_strict_models.py
It starts the extension server as test_moto_ext.py does (same helpers) and sends real HTTP
requests: raw JSON 1.1 and query/ec2 requests for the refusals (boto3 would refuse them before
sending), boto3 for the accepted calls. Each rule kind is proved to refuse, with AWS's status,
code and message, and to accept at its boundary; every operation adsso calls is accepted when
valid. The Java-regex translation is checked directly as well.
"""
import functools
import json
import os
import sys
import unittest
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import java_regex  # noqa: E402
import strict_models  # noqa: E402
import test_moto_ext as ext  # noqa: E402
from test_moto_ext import REGION, pid, post  # noqa: E402

setUpModule = ext.setUpModule
tearDownModule = ext.tearDownModule

DESCRIPTION_PATTERN = r"^([a-zA-Z0-9_])[\\a-zA-Z0-9_@#%*+=:?./!\s-]*$"
TRUST_PASSWORD_PATTERN = r"^(\p{LD}|\p{Punct}| )+$"
SIGNING = {"ds": "ds", "sso-admin": "sso", "identitystore": "identitystore", "sts": "sts",
           "ec2": "ec2"}


@functools.lru_cache(maxsize=None)
def client(service):
    """One boto3 client per service for the whole run (building one loads its model: slow)."""
    return ext.client(service)


def _send(service, data, headers):
    headers = dict(headers, Authorization=(
        f"AWS4-HMAC-SHA256 Credential=test/20260101/{REGION}/{SIGNING[service]}/aws4_request, "
        "SignedHeaders=host, Signature=0"))
    req = urllib.request.Request(ext.URL + "/", data=data, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def call_json(service, operation, body):
    """(status, x-amzn-ErrorType, parsed body) of a raw JSON 1.1 call."""
    prefix = strict_models.model(service)["metadata"]["targetPrefix"]
    status, headers, raw = _send(service, json.dumps(body).encode(), {
        "X-Amz-Target": f"{prefix}.{operation}", "Content-Type": "application/x-amz-json-1.1"})
    lowered = {k.lower(): v for k, v in headers.items()}
    return status, lowered.get("x-amzn-errortype"), json.loads(raw or b"{}")


def call_query(service, action, fields):
    """(status, code, message) of a raw query/ec2 call (code and message None on success)."""
    version = strict_models.model(service)["metadata"]["apiVersion"]
    form = dict(fields, Action=action, Version=version)
    status, _, raw = _send(service, urllib.parse.urlencode(form).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    root = ET.fromstring(raw)
    code = root.find(".//{*}Code")
    if code is None:
        code = root.find(".//Code")
    message = root.find(".//{*}Message")
    if message is None:
        message = root.find(".//Message")
    return status, None if code is None else code.text, None if message is None else message.text


def one(value, path, rule):
    return (f"1 validation error detected: Value {value} at '{path}' failed to satisfy "
            f"constraint: {rule}")


class Strict(unittest.TestCase):
    def setUp(self):
        post("/moto-api/reset", {})
        ec2 = client("ec2")
        self.vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        self.subnets = [ec2.create_subnet(VpcId=self.vpc, CidrBlock=f"10.0.{i}.0/24",
                                          AvailabilityZone=f"{REGION}{az}")["Subnet"]["SubnetId"]
                        for i, az in ((1, "a"), (2, "b"))]

    def connect(self, **changes):
        body = {"Name": "corp.example.com", "ShortName": "CORP", "Password": "Secret-1",
                "Size": "Small", "Description": "Created by adsso for plan x",
                "ConnectSettings": {"VpcId": self.vpc, "SubnetIds": self.subnets,
                                    "CustomerDnsIps": ["10.0.1.10", "10.0.2.10"],
                                    "CustomerUserName": "svc-adconnector"}}
        body.update(changes)
        return call_json("ds", "ConnectDirectory", body)

    def microsoft_ad(self):
        status, _, out = call_json("ds", "CreateMicrosoftAD", {
            "Name": "aws.example.com", "ShortName": "AWS", "Password": "Passw0rd!x",
            "Description": "Created by adsso for plan x", "Edition": "Standard",
            "VpcSettings": {"VpcId": self.vpc, "SubnetIds": self.subnets}})
        self.assertEqual(status, 200, out)
        return out["DirectoryId"]

    def trust(self, directory, **changes):
        body = {"DirectoryId": directory, "RemoteDomainName": "corp.example.com",
                "TrustPassword": "Trust pass!1", "TrustDirection": "Two-Way",
                "TrustType": "Forest", "ConditionalForwarderIpAddrs": ["10.0.1.10"]}
        body.update(changes)
        return call_json("ds", "CreateTrust", body)

    def assertRefused(self, answer, code, message):
        status, error_type, out = answer
        self.assertEqual((status, error_type, out.get("__type"), out.get("message")),
                         (400, code, code, message))

    # ---------- the rule kinds ----------
    def test_pattern_description_comma(self):
        value = "Created by adsso, plan x"
        self.assertRefused(self.connect(Description=value), "ValidationException",
                           one(f"'{value}'", "description", "Member must satisfy regular "
                               f"expression pattern: {DESCRIPTION_PATTERN}"))
        status, _, out = call_json("ds", "DescribeDirectories", {})
        self.assertEqual((status, out["DirectoryDescriptions"]), (200, []))  # moto never saw it
        status, _, out = self.connect(Description="Created by adsso for plan x")
        self.assertEqual(status, 200, out)
        self.assertTrue(out["DirectoryId"].startswith("d-"))

    def test_java_whitespace_is_ascii(self):
        status, _, out = self.connect(Description="Created by\tadsso")
        self.assertEqual(status, 200, out)
        self.assertEqual(self.connect(Description="Created by\u2003adsso")[0], 400)

    def test_java_punct_is_ascii_only(self):
        directory = self.microsoft_ad()
        self.assertRefused(self.trust(directory, TrustPassword="Trust pass£1"),
                           "ValidationException",
                           "1 validation error detected: Value at 'trustPassword' failed to "
                           "satisfy constraint: Member must satisfy regular expression pattern: "
                           f"{TRUST_PASSWORD_PATTERN}")  # sensitive: the value is not echoed
        status, _, out = self.trust(directory, TrustPassword="Trust pass!1")
        self.assertEqual(status, 200, out)

    def test_java_digit_is_ascii_only(self):
        status, code, out = call_json("sso-admin", "ListAccountAssignmentsForPrincipal", {
            "InstanceArn": client("sso-admin").list_instances()["Instances"][0]["InstanceArn"],
            "PrincipalId": pid("g"), "PrincipalType": "GROUP",
            "Filter": {"AccountId": "\u0661" * 12}})
        self.assertEqual((status, code), (400, "ValidationException"))
        self.assertIn("at 'filter.accountId' failed to satisfy constraint: Member must satisfy "
                      "regular expression pattern: \\d{12}", out["message"])

    def test_required_missing(self):
        directory = self.microsoft_ad()
        body = {"DirectoryId": directory, "TrustPassword": "Trust pass!1",
                "TrustDirection": "Two-Way"}
        self.assertRefused(call_json("ds", "CreateTrust", body), "ValidationException",
                           one("null", "remoteDomainName", "Member must not be null"))

    def test_wrong_type(self):
        status, code, out = call_json("ds", "DescribeDirectories", {"Limit": "10"})
        self.assertEqual((status, code, out["__type"]), (400, "SerializationException",
                                                        "SerializationException"))
        self.assertIn("'limit'", out["message"])
        status, code, out = call_json("ds", "DescribeDirectories", {"DirectoryIds": "d-1"})
        self.assertEqual((status, code), (400, "SerializationException"))

    def test_string_length_boundaries(self):
        self.assertEqual(self.connect(Description="a" * 128)[0], 200)
        self.assertRefused(self.connect(Description="a" * 129), "ValidationException",
                           one(f"'{'a' * 129}'", "description",
                               "Member must have length less than or equal to 128"))
        sso = client("sso-admin")
        instance = sso.list_instances()["Instances"][0]["InstanceArn"]
        status, _, out = call_json("sso-admin", "CreatePermissionSet",
                                   {"InstanceArn": instance, "Name": "N" * 32})
        self.assertEqual(status, 200, out)
        self.assertRefused(
            call_json("sso-admin", "CreatePermissionSet", {"InstanceArn": instance,
                                                           "Name": "N" * 33}),
            "ValidationException", one(f"'{'N' * 33}'", "name",
                                       "Member must have length less than or equal to 32"))
        self.assertRefused(
            call_json("sso-admin", "CreatePermissionSet", {"InstanceArn": instance, "Name": ""}),
            "ValidationException",
            "2 validation errors detected: Value '' at 'name' failed to satisfy constraint: Member "
            "must have length greater than or equal to 1; Value '' at 'name' failed to satisfy "
            "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+")

    def test_enum(self):
        directory = self.microsoft_ad()
        self.assertRefused(self.trust(directory, TrustDirection="Both-Way"), "ValidationException",
                           one("'Both-Way'", "trustDirection", "Member must satisfy enum value "
                               "set: [One-Way: Outgoing, One-Way: Incoming, Two-Way]"))
        body = {"InstanceArn": client("sso-admin").list_instances()["Instances"][0]["InstanceArn"],
                "PrincipalId": pid("g"), "PrincipalType": "GROUP"}
        status, _, out = call_json("sso-admin", "ListAccountAssignmentsForPrincipal", body)
        self.assertEqual(status, 200, out)
        body["PrincipalType"] = "ROLE"  # moto alone answers an empty list
        self.assertRefused(call_json("sso-admin", "ListAccountAssignmentsForPrincipal", body),
                           "ValidationException",
                           one("'ROLE'", "principalType",
                               "Member must satisfy enum value set: [USER, GROUP]"))

    def test_list_length_boundaries(self):
        store = client("sso-admin").list_instances()["Instances"][0]["IdentityStoreId"]
        flt = {"AttributePath": "DisplayName", "AttributeValue": "x"}
        status, _, out = call_json("identitystore", "ListGroups",
                                   {"IdentityStoreId": store, "Filters": [flt]})
        self.assertEqual(status, 200, out)
        self.assertRefused(
            call_json("identitystore", "ListGroups", {"IdentityStoreId": store,
                                                      "Filters": [flt, flt]}),
            "ValidationException",
            one("'[{AttributePath=DisplayName, AttributeValue=x}, {AttributePath=DisplayName, "
                "AttributeValue=x}]'", "filters", "Member must have length less than or equal "
                "to 1"))
        sso = client("sso-admin")
        instance = sso.list_instances()["Instances"][0]["InstanceArn"]
        ps = sso.create_permission_set(Name="Admins", InstanceArn=instance)["PermissionSet"][
            "PermissionSetArn"]
        self.assertRefused(
            call_json("sso-admin", "UntagResource", {"InstanceArn": instance, "ResourceArn": ps,
                                                     "TagKeys": []}),
            "ValidationException", one("'[]'", "tagKeys",
                                       "Member must have length greater than or equal to 1"))

    def test_integer_range_boundaries(self):
        store = client("sso-admin").list_instances()["Instances"][0]["IdentityStoreId"]
        for ok in (1, 100):
            status, _, out = call_json("identitystore", "ListGroups",
                                       {"IdentityStoreId": store, "MaxResults": ok})
            self.assertEqual(status, 200, out)
        for bad, rule in ((0, "greater than or equal to 1"), (101, "less than or equal to 100")):
            self.assertRefused(
                call_json("identitystore", "ListGroups", {"IdentityStoreId": store,
                                                          "MaxResults": bad}),
                "ValidationException",
                one(f"'{bad}'", "maxResults", f"Member must have value {rule}"))

    def test_nested_member_path(self):
        settings = {"VpcId": self.vpc, "SubnetIds": self.subnets,
                    "CustomerDnsIps": ["10.0.1.10", "10.0.2.300"], "CustomerUserName": "svc"}
        status, code, out = self.connect(ConnectSettings=settings)
        self.assertEqual((status, code), (400, "ValidationException"))
        self.assertTrue(out["message"].startswith(
            "1 validation error detected: Value '10.0.2.300' at "
            "'connectSettings.customerDnsIps.2.member' failed to satisfy constraint: Member must "
            "satisfy regular expression pattern: ^(?:(?:25[0-5]|"), out["message"])
        del settings["CustomerUserName"]
        settings["CustomerDnsIps"] = ["10.0.1.10"]
        self.assertRefused(self.connect(ConnectSettings=settings), "ValidationException",
                           one("null", "connectSettings.customerUserName",
                               "Member must not be null"))

    def test_query_protocols(self):
        status, code, message = call_query("ec2", "DescribeSubnets", {"MaxResults": "4"})
        self.assertEqual((status, code, message), (
            400, "InvalidParameterValue", "Value (4) for parameter MaxResults is invalid. "
            "Member must have value greater than or equal to 5"))
        self.assertEqual(call_query("ec2", "DescribeSubnets", {"MaxResults": "5"})[:2],
                         (200, None))
        self.assertEqual(call_query("ec2", "DescribeSubnets", {"MaxResults": "five"})[:2],
                         (400, "InvalidParameterValue"))
        self.assertEqual(call_query("ec2", "DeleteVpc", {})[1:], (
            "MissingParameter", "The request must contain the parameter VpcId"))
        status, code, message = call_query("sts", "AssumeRole", {
            "RoleArn": "arn:aws:iam::123456789012:role/x", "RoleSessionName": "a b"})
        self.assertEqual((status, code), (400, "ValidationError"))
        self.assertEqual(message, one("'a b'", "roleSessionName", "Member must satisfy regular "
                                      "expression pattern: [\\w+=,.@-]*"))

    # ---------- every operation adsso calls, valid, is accepted ----------
    def test_adsso_operations_accepted(self):
        ok = self.assertEqual
        status, _, out = self.connect()
        ok(status, 200, out)
        connector = out["DirectoryId"]
        directory = self.microsoft_ad()
        post("/_ext/onprem-trust", {"remoteDomainName": "corp.example.com"})
        status, _, out = self.trust(directory)
        ok(status, 200, out)
        trust = out["TrustId"]
        for operation, body in (
                ("VerifyTrust", {"TrustId": trust}),
                ("DescribeTrusts", {"DirectoryId": directory, "TrustIds": [trust], "Limit": 10}),
                ("DescribeDirectories", {"DirectoryIds": [directory, connector], "Limit": 10}),
                ("DescribeConditionalForwarders", {"DirectoryId": directory,
                                                   "RemoteDomainNames": ["corp.example.com"]}),
                ("ListTagsForResource", {"ResourceId": directory}),
                ("DeleteTrust", {"TrustId": trust, "DeleteAssociatedConditionalForwarder": True}),
                ("DeleteDirectory", {"DirectoryId": connector})):
            status, _, out = call_json("ds", operation, body)
            ok(status, 200, (operation, out))
        sso, store, account = client("sso-admin"), client("identitystore"), "123456789012"
        instance = sso.list_instances()["Instances"][0]
        arn, store_id = instance["InstanceArn"], instance["IdentityStoreId"]
        ps = sso.create_permission_set(
            Name="AWSAdministratorAccess", InstanceArn=arn, SessionDuration="PT8H",
            Description="Created by adsso for plan x")["PermissionSet"]["PermissionSetArn"]
        policy = "arn:aws:iam::aws:policy/AdministratorAccess"
        sso.describe_permission_set(InstanceArn=arn, PermissionSetArn=ps)
        sso.update_permission_set(InstanceArn=arn, PermissionSetArn=ps, SessionDuration="PT4H")
        sso.attach_managed_policy_to_permission_set(InstanceArn=arn, PermissionSetArn=ps,
                                                    ManagedPolicyArn=policy)
        sso.list_managed_policies_in_permission_set(InstanceArn=arn, PermissionSetArn=ps)
        sso.detach_managed_policy_from_permission_set(InstanceArn=arn, PermissionSetArn=ps,
                                                      ManagedPolicyArn=policy)
        sso.put_inline_policy_to_permission_set(
            InstanceArn=arn, PermissionSetArn=ps, InlinePolicy=json.dumps(
                {"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}))
        sso.get_inline_policy_for_permission_set(InstanceArn=arn, PermissionSetArn=ps)
        sso.delete_inline_policy_from_permission_set(InstanceArn=arn, PermissionSetArn=ps)
        sso.list_permission_sets(InstanceArn=arn)
        request = sso.provision_permission_set(
            InstanceArn=arn, PermissionSetArn=ps, TargetType="AWS_ACCOUNT",
            TargetId=account)["PermissionSetProvisioningStatus"]["RequestId"]
        sso.describe_permission_set_provisioning_status(
            InstanceArn=arn, ProvisionPermissionSetRequestId=request)
        group = post("/_ext/sync", {"directoryId": directory, "region": REGION,
                                    "groups": ["AWS-SSO-Users"]})["groupIds"][0]
        store.list_groups(IdentityStoreId=store_id, MaxResults=100, Filters=[
            {"AttributePath": "DisplayName", "AttributeValue": "AWS-SSO-Users@aws.example.com"}])
        target = dict(InstanceArn=arn, TargetId=account, TargetType="AWS_ACCOUNT",
                      PermissionSetArn=ps, PrincipalType="GROUP", PrincipalId=group)
        created = sso.create_account_assignment(**target)["AccountAssignmentCreationStatus"]
        sso.describe_account_assignment_creation_status(
            InstanceArn=arn, AccountAssignmentCreationRequestId=created["RequestId"])
        listed = sso.list_account_assignments_for_principal(
            InstanceArn=arn, PrincipalId=group, PrincipalType="GROUP",
            Filter={"AccountId": account})["AccountAssignments"]
        ok([a["PermissionSetArn"] for a in listed], [ps])
        deleted = sso.delete_account_assignment(**target)["AccountAssignmentDeletionStatus"]
        sso.describe_account_assignment_deletion_status(
            InstanceArn=arn, AccountAssignmentDeletionRequestId=deleted["RequestId"])
        client("sts").get_caller_identity()
        ec2 = client("ec2")
        ok(len(ec2.describe_subnets(SubnetIds=self.subnets)["Subnets"]), 2)
        ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [self.vpc]}])
        calls = ext.get("/_ext/calls")["calls"]
        ok(sum(c.endswith(".DeleteDirectory") for c in calls), 1)


class JavaRegex(unittest.TestCase):
    def test_every_model_pattern_translates(self):
        """Loud: a pattern the translator cannot read fails here, it is never skipped."""
        count = 0
        for service in strict_models.SERVICES:
            for name, shape in strict_models.model(service)["shapes"].items():
                if "pattern" in shape:
                    count += 1
                    with self.subTest(service=service, shape=name):
                        java_regex.translate(shape["pattern"])
        self.assertGreater(count, 100)

    def test_java_semantics(self):
        m = java_regex.matches
        self.assertTrue(m(r"\d{12}", "123456789012"))
        self.assertFalse(m(r"\d{12}", "1234567890123"))  # matches() is a full match
        self.assertFalse(m(r"[\w+=,.@-]+", "caf\u00e9"))  # \w is ASCII
        self.assertTrue(m(r"\p{L}+", "caf\u00e9"))
        self.assertTrue(m(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*", "Ärger 1\u3000x"))
        self.assertTrue(m(TRUST_PASSWORD_PATTERN,
                          "\u00c4\u0661 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"))
        self.assertFalse(m(TRUST_PASSWORD_PATTERN, "\u00a3"))
        self.assertFalse(m(r"\p{Punct}", "\u00bf"))  # Unicode punctuation, not Java's \p{Punct}
        self.assertFalse(m(r"a.b", "a\u2028b"))  # . stops at Java's line terminators
        self.assertTrue(m(r"\p{Alnum}+", "aZ0"))
        self.assertFalse(m(r"\p{Alnum}+", "\u00e9"))
        for untranslatable in (r"[a-z&&[^b]]", r"\Qa.b\E", r"\p{javaLowerCase}", r"(a)\1",
                               r"[\P{L}]", r"\h", r"[a[b]]"):
            with self.subTest(pattern=untranslatable), self.assertRaises(java_regex.Untranslatable):
                java_regex.translate(untranslatable)


if __name__ == "__main__":
    unittest.main(verbosity=2)
