"""Self-test of tests/peers/moto_ext.py (the IAM Identity Center and load switches).

Run from the crate root: .venv-moto/bin/python tests/peers/test_moto_ext.py
It starts the extension server itself on a free 127.0.0.1 port, talks to it with boto3 (dummy
credentials, us-east-1), resets it before every test, and stops it by its PID at the end.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT = "123456789012"
REGION = "us-east-1"
NO_RETRY = Config(retries={"total_max_attempts": 1, "mode": "standard"}, max_pool_connections=50)

_server = None
_log = None
URL = None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _http(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def post(path, body):
    code, out = _http("POST", path, body)
    assert code == 200, (path, body, code, out)
    return out


def get(path):
    code, out = _http("GET", path)
    assert code == 200, (path, code, out)
    return out


def pid(name):
    """An Identity Store principal id (a UUID, as sso-admin's PrincipalId pattern wants) named by
    `name`: the same name gives the same id."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def config(**switches):
    post("/_ext/config", switches)


def client(service):
    return boto3.client(service, endpoint_url=URL, region_name=REGION, aws_access_key_id="test",
                        aws_secret_access_key="test", config=NO_RETRY)


def setUpModule():
    global _server, _log, URL
    port = _free_port()
    URL = f"http://127.0.0.1:{port}"
    _log = tempfile.TemporaryFile()
    _server = subprocess.Popen([sys.executable, os.path.join(HERE, "moto_ext.py"), "-H",
                                "127.0.0.1", "-p", str(port)], stdout=_log, stderr=_log,
                               stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        if _server.poll() is not None:
            _log.seek(0)
            raise RuntimeError(f"moto_ext.py exited: {_log.read().decode(errors='replace')}")
        try:
            if _http("GET", "/_ext/ping")[0] == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("moto_ext.py did not answer within 60 s")
        time.sleep(0.1)


def tearDownModule():
    if _server is not None:
        _server.kill()
        _server.wait()


class Base(unittest.TestCase):
    def setUp(self):
        post("/moto-api/reset", {})
        self.sso = client("sso-admin")
        self.store = client("identitystore")
        instance = self.sso.list_instances()["Instances"][0]
        self.instance = instance["InstanceArn"]
        self.store_id = instance["IdentityStoreId"]
        self.ps = self.sso.create_permission_set(Name="Admins", InstanceArn=self.instance,
                                                 SessionDuration="PT1H")["PermissionSet"][
            "PermissionSetArn"]

    def create(self, principal, account=ACCOUNT, ps=None):
        return self.sso.create_account_assignment(
            InstanceArn=self.instance, TargetId=account, TargetType="AWS_ACCOUNT",
            PermissionSetArn=ps or self.ps, PrincipalType="GROUP",
            PrincipalId=principal)["AccountAssignmentCreationStatus"]

    def creation_status(self, request_id):
        return self.sso.describe_account_assignment_creation_status(
            InstanceArn=self.instance,
            AccountAssignmentCreationRequestId=request_id)["AccountAssignmentCreationStatus"]

    def listed(self):
        return [a["PrincipalId"] for a in self.sso.list_account_assignments(
            InstanceArn=self.instance, AccountId=ACCOUNT,
            PermissionSetArn=self.ps)["AccountAssignments"]]

    def listed_for(self, principal):
        return self.sso.list_account_assignments_for_principal(
            InstanceArn=self.instance, PrincipalId=principal,
            PrincipalType="GROUP")["AccountAssignments"]

    def stored(self):
        return get("/_ext/assignments")["assignments"]


class Config_(Base):
    def test_defaults_and_unknown_keys(self):
        self.assertEqual(get("/_ext/config"), {
            "directoryCreatingReads": 0, "failDirectories": False, "latencyMs": 0,
            "assignmentCreationMs": 0, "maxOutstandingAssignments": 10,
            "failAssignmentPrincipals": [], "tpsLimit": 0, "organizationManagementAccount": "",
            "strict": True})
        code, out = _http("POST", "/_ext/config", {"latencyMS": 5})
        self.assertEqual(code, 400, out)
        self.assertIn("latencyMS", out["error"])
        code, out = _http("POST", "/_ext/config", {"strict": False})  # read-only: always strict
        self.assertEqual(code, 400, out)
        self.assertTrue(get("/_ext/config")["strict"])

    def test_moto_default_assignment_succeeds_at_once(self):
        status = self.create(pid("g-1"))
        self.assertEqual(status["Status"], "SUCCEEDED")
        self.assertEqual(self.creation_status(status["RequestId"])["Status"], "SUCCEEDED")
        self.assertEqual(self.listed(), [pid("g-1")])


class Latency(Base):
    def test_calls_sleep_concurrently(self):
        config(latencyMs=200)
        sts = client("sts")
        started = time.monotonic()
        sts.get_caller_identity()
        self.assertGreaterEqual(time.monotonic() - started, 0.2)
        clients = [client("sso-admin") for _ in range(10)]
        errors = []

        def call(c):
            try:
                c.list_instances()
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=call, args=(c,)) for c in clients]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        self.assertEqual(errors, [])
        self.assertGreaterEqual(elapsed, 0.2)
        self.assertLess(elapsed, 1.2, f"10 concurrent calls at 200 ms took {elapsed:.2f} s "
                                       "(serialized would be 2 s)")

    def test_switch_endpoints_do_not_sleep(self):
        config(latencyMs=2000)
        started = time.monotonic()
        get("/_ext/stats")
        get("/_ext/calls")
        config(latencyMs=0)
        self.assertLess(time.monotonic() - started, 1.0)


class AsyncAssignments(Base):
    def test_in_progress_then_succeeded_and_listed_only_then(self):
        config(assignmentCreationMs=1000)
        started = time.monotonic()
        status = self.create(pid("g-1"))
        self.assertEqual(status["Status"], "IN_PROGRESS")
        self.assertEqual(status["PrincipalId"], pid("g-1"))
        rid = status["RequestId"]
        self.assertEqual(self.creation_status(rid)["Status"], "IN_PROGRESS")
        self.assertEqual(self.listed(), [])
        self.assertEqual(self.listed_for(pid("g-1")), [])
        self.assertEqual([(a["principalId"], a["status"]) for a in self.stored()],
                         [(pid("g-1"), "IN_PROGRESS")])
        time.sleep(max(0.0, 1.05 - (time.monotonic() - started)))
        done = self.creation_status(rid)
        self.assertEqual(done["Status"], "SUCCEEDED")
        self.assertEqual(done["RequestId"], rid)
        self.assertEqual(done["PermissionSetArn"], self.ps)
        self.assertEqual(self.listed(), [pid("g-1")])
        self.assertEqual([a["AccountId"] for a in self.listed_for(pid("g-1"))], [ACCOUNT])
        self.assertEqual([(a["principalId"], a["status"]) for a in self.stored()],
                         [(pid("g-1"), "SUCCEEDED")])

    def test_outstanding_limit_refuses_with_throttling(self):
        config(assignmentCreationMs=1500, maxOutstandingAssignments=3)
        for i in range(3):
            self.assertEqual(self.create(pid(f"g-{i}"))["Status"], "IN_PROGRESS")
        with self.assertRaises(ClientError) as refused:
            self.create(pid("g-3"))
        err = refused.exception.response
        self.assertEqual(err["Error"]["Code"], "ThrottlingException")
        self.assertEqual(err["Error"]["Message"], "Exceeded the limit of 3 outstanding "
                                                  "asynchronous CreateAccountAssignment calls")
        self.assertEqual(err["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assertEqual(err["ResponseMetadata"]["HTTPHeaders"]["x-amzn-errortype"],
                         "ThrottlingException")
        stats = get("/_ext/stats")
        self.assertEqual(stats["throttled"], 1)
        self.assertEqual(stats["maxOutstandingAssignments"], 3)
        self.assertEqual(stats["assignmentCreates"], 3)
        self.assertEqual(len(self.stored()), 3)  # the refused one is not stored
        time.sleep(1.55)
        self.assertEqual(self.create(pid("g-3"))["Status"], "IN_PROGRESS")
        self.assertEqual(get("/_ext/stats")["assignmentCreates"], 4)

    def test_default_limit_is_ten(self):
        config(assignmentCreationMs=5000)
        for i in range(10):
            self.create(pid(f"g-{i}"))
        with self.assertRaises(ClientError) as refused:
            self.create(pid("g-10"))
        self.assertEqual(refused.exception.response["Error"]["Message"],
                         "Exceeded the limit of 10 outstanding asynchronous "
                         "CreateAccountAssignment calls")
        self.assertEqual(get("/_ext/stats")["maxOutstandingAssignments"], 10)

    def test_failed_principals(self):
        config(failAssignmentPrincipals=[pid("g-bad")])
        at_once = self.create(pid("g-bad"))
        self.assertEqual(at_once["Status"], "FAILED")
        self.assertIn("Not supported for this principal", at_once["FailureReason"])
        self.assertEqual(self.creation_status(at_once["RequestId"])["Status"], "FAILED")
        config(assignmentCreationMs=800)
        later = self.create(pid("g-bad"))
        ok = self.create(pid("g-ok"))
        self.assertEqual(later["Status"], "IN_PROGRESS")
        self.assertEqual(self.creation_status(later["RequestId"])["Status"], "IN_PROGRESS")
        time.sleep(0.85)
        failed = self.creation_status(later["RequestId"])
        self.assertEqual(failed["Status"], "FAILED")
        self.assertEqual(failed["FailureReason"],
                         "Received a 404 status error: Not supported for this principal")
        self.assertEqual(self.creation_status(ok["RequestId"])["Status"], "SUCCEEDED")
        self.assertEqual(self.listed(), [pid("g-ok")])
        self.assertEqual(self.listed_for(pid("g-bad")), [])
        self.assertEqual([a["principalId"] for a in self.stored()], [pid("g-ok")])

    def test_unknown_creation_request(self):
        with self.assertRaises(ClientError) as missing:
            self.creation_status("00000000-0000-0000-0000-000000000000")
        self.assertEqual(missing.exception.response["Error"]["Code"], "ResourceNotFoundException")

    def test_delete_after_async_create(self):
        config(assignmentCreationMs=100)
        self.create(pid("g-1"))
        time.sleep(0.15)
        deleted = self.sso.delete_account_assignment(
            InstanceArn=self.instance, TargetId=ACCOUNT, TargetType="AWS_ACCOUNT",
            PermissionSetArn=self.ps, PrincipalType="GROUP", PrincipalId=pid("g-1"))
        self.assertEqual(deleted["AccountAssignmentDeletionStatus"]["Status"], "SUCCEEDED")
        self.assertEqual(self.listed(), [])
        self.assertEqual(self.stored(), [])


class Rate(Base):
    def test_tps_limit_refuses_and_counts(self):
        time.sleep(1.05)  # setUp's calls leave the trailing second
        config(tpsLimit=5)
        results = []
        for _ in range(8):
            try:
                self.sso.list_instances()
                results.append("ok")
            except ClientError as e:
                results.append((e.response["Error"]["Code"], e.response["Error"]["Message"],
                                e.response["ResponseMetadata"]["HTTPStatusCode"]))
        self.assertEqual(results[:5], ["ok"] * 5)
        self.assertEqual(results[5:], [("ThrottlingException", "Rate exceeded", 400)] * 3)
        sts = client("sts")
        sts.get_caller_identity()  # other services are not rate limited
        stats = get("/_ext/stats")
        self.assertEqual(stats["throttled"], 3)
        self.assertGreaterEqual(stats["peakTps"], 8)
        time.sleep(1.05)
        self.store.list_groups(IdentityStoreId=self.store_id)  # identitystore counts too
        self.assertEqual(get("/_ext/stats")["throttled"], 3)

    def test_peak_tps_from_receive_times(self):
        time.sleep(1.05)
        for _ in range(4):
            self.sso.list_instances()
        time.sleep(1.05)
        for _ in range(3):
            self.store.list_groups(IdentityStoreId=self.store_id)
        client("sts").get_caller_identity()  # not counted
        # setUp made 2 calls more than 1 s before the first burst of 4.
        self.assertEqual(get("/_ext/stats")["peakTps"], 4)


class Stats(Base):
    def test_duplicates_creates_and_dump(self):
        self.create(pid("g-1"))
        self.create(pid("g-1"))
        self.create(pid("g-2"))
        self.create(pid("g-1"), account="111122223333")
        stats = get("/_ext/stats")
        self.assertEqual(stats["assignmentCreates"], 4)
        self.assertEqual(stats["duplicateAssignments"], 1)
        self.assertEqual(stats["throttled"], 0)
        self.assertEqual(stats["maxOutstandingAssignments"], 0)  # assignmentCreationMs is 0
        self.assertEqual(sorted((a["accountId"], a["permissionSetArn"], a["principalId"])
                                for a in self.stored()),
                         sorted([(ACCOUNT, self.ps, pid("g-1")), (ACCOUNT, self.ps, pid("g-1")),
                                 (ACCOUNT, self.ps, pid("g-2")),
                                 ("111122223333", self.ps, pid("g-1"))]))
        self.assertEqual(get("/_ext/assignments?account=999999999999&region=us-east-1"),
                         {"assignments": []})

    def test_fault_injected_create_does_not_count(self):
        post("/_fault", {"target": "SWBExternalService.CreateAccountAssignment", "count": 1})
        with self.assertRaises(ClientError):
            self.create(pid("g-1"))
        self.create(pid("g-1"))
        stats = get("/_ext/stats")
        self.assertEqual((stats["assignmentCreates"], stats["throttled"]), (1, 0))


class Provisioning(Base):
    def test_status_of_known_and_unknown_requests(self):
        out = self.sso.provision_permission_set(
            InstanceArn=self.instance, PermissionSetArn=self.ps,
            TargetType="ALL_PROVISIONED_ACCOUNTS")["PermissionSetProvisioningStatus"]
        status = self.sso.describe_permission_set_provisioning_status(
            InstanceArn=self.instance,
            ProvisionPermissionSetRequestId=out["RequestId"])["PermissionSetProvisioningStatus"]
        self.assertEqual(status["Status"], "SUCCEEDED")
        self.assertEqual(status["RequestId"], out["RequestId"])
        self.assertEqual(status["PermissionSetArn"], self.ps)
        self.assertEqual(status["AccountId"], ACCOUNT)
        self.assertIn("CreatedDate", status)
        with self.assertRaises(ClientError) as missing:
            self.sso.describe_permission_set_provisioning_status(
                InstanceArn=self.instance,
                ProvisionPermissionSetRequestId="00000000-0000-0000-0000-000000000000")
        self.assertEqual(missing.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertIn("SWBExternalService.DescribePermissionSetProvisioningStatus",
                      get("/_ext/calls")["calls"])


class Sync(Base):
    def test_fifty_groups_fast_and_assignable(self):
        names = [f"Team-{i:02d}" for i in range(50)]
        started = time.monotonic()
        out = post("/_ext/sync", {"directoryId": "d-1234567890", "region": REGION,
                                  "domain": "corp.example.com", "groups": names})
        self.assertLess(time.monotonic() - started, 1.0)
        ids = out["groupIds"]
        self.assertEqual(len(set(ids)), 50)
        self.assertEqual(out["identityStoreId"], self.store_id)
        again = post("/_ext/sync", {"directoryId": "d-1234567890", "region": REGION,
                                    "domain": "corp.example.com", "groups": names})
        self.assertEqual(again["groupIds"], ids)  # repeatable
        groups = []
        for page in self.store.get_paginator("list_groups").paginate(
                IdentityStoreId=self.store_id):
            groups.extend(page["Groups"])
        self.assertEqual(sorted(g["DisplayName"] for g in groups),
                         sorted(f"{n}@corp.example.com" for n in names))
        gid = self.store.get_group_id(IdentityStoreId=self.store_id, AlternateIdentifier={
            "UniqueAttribute": {"AttributePath": "displayName",
                                "AttributeValue": "Team-07@corp.example.com"}})["GroupId"]
        self.assertEqual(gid, ids[7])
        for gid in ids:
            self.create(gid)
        second = self.sso.create_permission_set(Name="Readers", InstanceArn=self.instance,
                                                SessionDuration="PT8H")["PermissionSet"][
            "PermissionSetArn"]
        self.create(ids[0], ps=second)
        self.create(ids[0], account="111122223333")
        got = sorted((a["AccountId"], a["PermissionSetArn"], a["PrincipalType"])
                     for a in self.listed_for(ids[0]))
        self.assertEqual(got, sorted([(ACCOUNT, self.ps, "GROUP"), (ACCOUNT, second, "GROUP"),
                                      ("111122223333", self.ps, "GROUP")]))
        only = self.sso.list_account_assignments_for_principal(
            InstanceArn=self.instance, PrincipalId=ids[0], PrincipalType="GROUP",
            Filter={"AccountId": "111122223333"})["AccountAssignments"]
        self.assertEqual([a["AccountId"] for a in only], ["111122223333"])
        self.assertEqual([a["PrincipalId"] for a in self.listed_for(ids[49])], [ids[49]])
        self.assertEqual(len(self.listed()), 50)
        self.assertEqual(get("/_ext/stats")["duplicateAssignments"], 0)

    def test_pagination_of_listing(self):
        for i in range(7):
            self.create(pid(f"g-{i}"))
        seen, token = [], None
        while True:
            kw = {"NextToken": token} if token else {}
            page = self.sso.list_account_assignments(InstanceArn=self.instance, AccountId=ACCOUNT,
                                                     PermissionSetArn=self.ps, MaxResults=3, **kw)
            seen.extend(a["PrincipalId"] for a in page["AccountAssignments"])
            token = page.get("NextToken")
            if not token:
                break
        self.assertEqual(seen, [pid(f"g-{i}") for i in range(7)])


class Directory(Base):
    def test_name_and_stage_reason_can_be_planted(self):
        ec2 = client("ec2")
        subnets = ec2.describe_subnets()["Subnets"]
        by_az = {}
        for subnet in subnets:
            by_az.setdefault(subnet["AvailabilityZone"], subnet)
        pick = list(by_az.values())[:2]
        ds = client("ds")
        did = ds.create_microsoft_ad(
            Name="aws.corp.example.com", ShortName="AWSCORP", Password="Passw0rd!x",
            VpcSettings={"VpcId": pick[0]["VpcId"],
                         "SubnetIds": [p["SubnetId"] for p in pick]})["DirectoryId"]
        hostile = "evil\u001b]52;c;ZXZpbA==\u0007\nfaked"
        post("/_ext/directory", {"directoryId": did, "name": hostile, "stageReason": hostile})
        described = ds.describe_directories(DirectoryIds=[did])["DirectoryDescriptions"][0]
        self.assertEqual((described["Name"], described["StageReason"]), (hostile, hostile))
        code, _ = _http("POST", "/_ext/directory", {"directoryId": did, "stage": "Active"})
        self.assertEqual(code, 400)
        code, _ = _http("POST", "/_ext/directory", {"directoryId": "d-0000000000", "name": "x"})
        self.assertEqual(code, 400)

    def test_a_trust_can_be_made_to_fail_per_remote_domain(self):
        ec2 = client("ec2")
        by_az = {}
        for subnet in ec2.describe_subnets()["Subnets"]:
            by_az.setdefault(subnet["AvailabilityZone"], subnet)
        pick = list(by_az.values())[:2]
        ds = client("ds")
        did = ds.create_microsoft_ad(
            Name="aws.corp.example.com", ShortName="AWSCORP", Password="Passw0rd!x",
            VpcSettings={"VpcId": pick[0]["VpcId"],
                         "SubnetIds": [p["SubnetId"] for p in pick]})["DirectoryId"]
        for remote, kind in (("corp.example.com", "Forest"), ("emea.example.net", "External")):
            ds.create_trust(DirectoryId=did, RemoteDomainName=remote, TrustPassword="pw-1",
                            TrustDirection="Two-Way", TrustType=kind,
                            ConditionalForwarderIpAddrs=["10.0.0.10"])
        post("/_ext/trust-state", {"remoteDomainName": "EMEA.example.net", "state": "Failed",
                                   "reason": "The trust password is wrong."})
        states = {t["RemoteDomainName"]: (t["TrustState"], t.get("TrustStateReason", ""))
                  for t in ds.describe_trusts(DirectoryId=did)["Trusts"]}
        self.assertEqual(states["emea.example.net"], ("Failed", "The trust password is wrong."))
        self.assertNotEqual(states["corp.example.com"][0], "Failed")
        code, _ = _http("POST", "/_ext/trust-state", {"remoteDomainName": "nowhere.example",
                                                      "state": "Failed"})
        self.assertEqual(code, 400)
        code, _ = _http("POST", "/_ext/trust-state", {"remoteDomainName": "corp.example.com",
                                                      "state": "Failed", "colour": "red"})
        self.assertEqual(code, 400)


class Organizations(Base):
    def test_the_management_account_switch_makes_the_caller_a_delegated_administrator(self):
        org = client("organizations")
        org.create_organization(FeatureSet="ALL")
        self.assertEqual(org.describe_organization()["Organization"]["MasterAccountId"],
                         "123456789012")
        config(organizationManagementAccount="999999999999")
        described = org.describe_organization()["Organization"]
        self.assertEqual(described["MasterAccountId"], "999999999999")
        self.assertIn("999999999999", described["MasterAccountArn"])
        self.assertNotIn("123456789012", described["MasterAccountArn"])

    def test_an_ou_id_that_breaks_the_model_is_refused_before_moto(self):
        org = client("organizations")
        org.create_organization(FeatureSet="ALL")
        with self.assertRaises(ClientError) as caught:
            org.list_accounts_for_parent(ParentId="ou-NOPE")
        self.assertIn("failed to satisfy constraint", str(caught.exception))


class Reset(Base):
    def test_reset_clears_everything(self):
        config(latencyMs=1, assignmentCreationMs=5000, maxOutstandingAssignments=3,
               failAssignmentPrincipals=[pid("g-bad")], tpsLimit=1000, directoryCreatingReads=3)
        self.create(pid("g-1"))
        self.create(pid("g-1"))
        self.create(pid("g-bad"))
        with self.assertRaises(ClientError):
            self.create(pid("g-2"))
        rid = self.sso.provision_permission_set(
            InstanceArn=self.instance, PermissionSetArn=self.ps,
            TargetType="ALL_PROVISIONED_ACCOUNTS")["PermissionSetProvisioningStatus"]["RequestId"]
        before = get("/_ext/stats")
        self.assertEqual((before["throttled"], before["duplicateAssignments"]), (1, 1))
        post("/moto-api/reset", {})
        self.assertEqual(get("/_ext/calls"), {"calls": []})
        self.assertEqual(get("/_ext/stats"), {"maxOutstandingAssignments": 0, "peakTps": 0,
                                              "throttled": 0, "assignmentCreates": 0,
                                              "duplicateAssignments": 0})
        self.assertEqual(get("/_ext/config")["assignmentCreationMs"], 0)
        self.assertEqual(get("/_ext/config")["failAssignmentPrincipals"], [])
        self.assertEqual(get("/_ext/config")["maxOutstandingAssignments"], 10)
        self.assertEqual(get("/_ext/config")["tpsLimit"], 0)
        self.assertEqual(get("/_ext/config")["latencyMs"], 0)
        self.assertEqual(self.stored(), [])
        sso = client("sso-admin")
        instance = sso.list_instances()["Instances"][0]["InstanceArn"]
        with self.assertRaises(ClientError):
            sso.describe_permission_set_provisioning_status(InstanceArn=instance,
                                                            ProvisionPermissionSetRequestId=rid)


if __name__ == "__main__":
    unittest.main(verbosity=2)
