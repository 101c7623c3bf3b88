"""moto_server plus the test-only behaviour adsso's integration tests need (moto 5.2.5, pinned).

Usage: .venv-moto/bin/python tests/peers/moto_ext.py -H 127.0.0.1 -p PORT

Adds to Directory Service:
  * VerifyTrust; Create/Describe/Update/DeleteConditionalForwarder (CreateTrust records its
    ConditionalForwarderIpAddrs as a forwarder).
  * Directory stages Creating -> Active over N DescribeDirectories reads (N from /_ext/config
    `directoryCreatingReads`, default 0 = Active at once); `failDirectories` makes them go to
    Failed with a StageReason instead.
  * Trust states: Creating -> Created -> VerifyFailed, one step per DescribeTrusts read. VerifyTrust
    succeeds only once the on-premises side is marked done (POST /_ext/onprem-trust); the trust then
    goes Verifying -> Verified on the next reads. Without it VerifyTrust fails like AWS does.
  * CreateTrust refused on directories that are not MicrosoftAD.
Adds to IAM Identity Center (sso-admin, JSON target `SWBExternalService.<Operation>`):
  * Asynchronous account assignments: with `assignmentCreationMs` > 0, CreateAccountAssignment
    answers IN_PROGRESS and DescribeAccountAssignmentCreationStatus shows IN_PROGRESS until that
    many ms after the create was handled, then SUCCEEDED (or FAILED with a FailureReason for the
    principals in `failAssignmentPrincipals`; those are never stored). ListAccountAssignments and
    ListAccountAssignmentsForPrincipal show an assignment only once it has SUCCEEDED.
  * At most `maxOutstandingAssignments` creations IN_PROGRESS at once: one more is refused with
    ThrottlingException (400) "Exceeded the limit of N outstanding asynchronous
    CreateAccountAssignment calls".
  * DescribePermissionSetProvisioningStatus (SUCCEEDED) for the request ids ProvisionPermissionSet
    returned; ResourceNotFoundException for any other id.
  * `tpsLimit`: sso-admin and identitystore calls beyond that many accepted within the trailing
    1 s are refused with ThrottlingException (400) "Rate exceeded".
Adds switches and fault injection (JSON bodies):
  POST /_ext/config   {"directoryCreatingReads": 2, "failDirectories": false,
                       "latencyMs": 0, "assignmentCreationMs": 0, "maxOutstandingAssignments": 10,
                       "failAssignmentPrincipals": [], "tpsLimit": 0}
                      (defaults shown; only the keys given change; unknown keys -> 400)
                      latencyMs: every AWS call (anything with a target) sleeps that long first;
                      calls sleep concurrently (threaded server).
  GET  /_ext/config   the current switches
  POST /_ext/onprem-trust {"remoteDomainName": "corp.example.com"}
  POST /_ext/sync     {"directoryId": "d-...", "region": "us-east-1", "groups": ["AWS-SSO-Users"],
                       "domain": "corp.example.com"}   identity store shows groups synced from it
                      (DisplayName "<group>@<domain>", ids "NNNNNNNNNN-sync", the same for the same
                      directory and group on every run); answers {"identityStoreId", "groupIds"
                      (in the order given), "issuer"}. Usable as PrincipalId (GROUP) in sso-admin.
  POST /_ext/directory {"directoryId": "d-...", "region": "us-east-1", "name": "...",
                       "stageReason": "..."}   what DescribeDirectories shows as that directory's
                      Name and StageReason, any text (tests plant hostile names); only the keys
                      given change; an unknown key or directory -> 400
  POST /_fault        {"target": "DirectoryService_20150416.DescribeDirectories" | "sts.GetCallerIdentity"
                       | "*", "count": 2, "kind": "throttle" | "http500" | "latency" | "error",
                       "latencyMs": 300, "code": "AccessDeniedException", "status": 400, "message": "...",
                       "reason": "KMS_AccessDeniedException"}   (reason: the JSON error's `Reason`
                      member, as Identity Center sends it for a customer managed key)
  POST /_fault        {"clear": true}
  GET  /_ext/calls    every call received since the last reset, in order (targets)
  GET  /_ext/stats    {"maxOutstandingAssignments": highest number of creations IN_PROGRESS at any
                       accepted create (counting it), "peakTps": most sso-admin + identitystore
                       calls received within any 1 s window, "throttled": calls refused by tpsLimit
                       or the outstanding limit, "assignmentCreates": CreateAccountAssignment calls
                       accepted (not refused by either limit or a fault), "duplicateAssignments":
                       creates that stored a copy of an assignment already stored (moto stores
                       duplicates twice)}
  GET  /_ext/assignments?account=123456789012&region=us-east-1  every stored account assignment
                      (IN_PROGRESS ones included, with their status; FAILED ones are not stored):
                      {"assignments": [{"accountId", "targetType", "permissionSetArn",
                       "principalType", "principalId", "instanceArn", "requestId", "status"}]}
  POST /moto-api/reset also clears everything above.
"""
import collections
import copy
import hashlib
import io
import json
import threading
import time
import urllib.parse

from moto.core.exceptions import JsonRESTError
from moto.core.responses import ActionResult, EmptyResult
from moto.ds import models as dsm
from moto.ds import responses as dsr
from moto.ds.exceptions import (ClientException, EntityDoesNotExistException,
                                UnsupportedOperationException)
from moto.ds.responses import DirectoryServiceResponse
from moto.ds.validations import validate_args
from moto.identitystore.models import Group, identitystore_backends
from moto.moto_server.werkzeug_app import (DomainDispatcherApplication, MotoRequestHandler,
                                           create_backend_app)
from moto.ssoadmin import models as ssom
from moto.ssoadmin.exceptions import ResourceNotFoundException as SsoNotFound
from moto.ssoadmin.models import ssoadmin_backends
from moto.ssoadmin.responses import SSOAdminResponse
from moto.ssoadmin.utils import PAGINATION_MODEL as SSO_PAGINATION
from moto.utilities.paginator import paginate
from werkzeug.serving import run_simple

_lock = threading.Lock()
_DEFAULTS = {"directoryCreatingReads": 0, "failDirectories": False, "latencyMs": 0,
             "assignmentCreationMs": 0, "maxOutstandingAssignments": 10,
             "failAssignmentPrincipals": [], "tpsLimit": 0}
_config = {}
_onprem_ready = set()  # remote domain names whose on-premises side of the trust exists
_faults = {}  # target -> spec
_calls = []  # targets received
# Identity Center (all times from time.monotonic()):
_requests = {}  # creation request id -> {"assignment", "doneAt", "fail"}
_in_flight = []  # doneAt of every accepted creation, pruned once past
_provisioning = {}  # ProvisionPermissionSet request id -> its status
_received = []  # receive times of sso-admin + identitystore calls (peakTps)
_accepted = collections.deque()  # those the tpsLimit let through, trailing 1 s
_stats = {}
_STATS_ZERO = {"maxOutstandingAssignments": 0, "throttled": 0, "assignmentCreates": 0,
               "duplicateAssignments": 0}
_RATED = ("SWBExternalService.", "AWSIdentityStore.")  # targets the tpsLimit applies to


def _reset_ext():
    with _lock:
        _config.clear()
        _config.update(copy.deepcopy(_DEFAULTS))
        _onprem_ready.clear()
        _faults.clear()
        _calls.clear()
        _requests.clear()
        _in_flight.clear()
        _provisioning.clear()
        _received.clear()
        _accepted.clear()
        _stats.clear()
        _stats.update(_STATS_ZERO)


_reset_ext()


# ---------- directories: stages over reads ----------
_orig_dir_init = dsm.Directory.__init__


def dir_init(self, *args, **kwargs):
    _orig_dir_init(self, *args, **kwargs)
    reads = int(_config.get("directoryCreatingReads", 0))
    self.ext_reads_left = reads
    self.ext_fail = bool(_config.get("failDirectories"))
    self.stage_reason = ""
    if reads > 0:
        self.stage = "Creating"
    elif self.ext_fail:
        self._ext_fail_now()


def _ext_fail_now(self):
    self.stage = "Failed"
    self.stage_reason = ("The directory could not be created: the subnets cannot reach the DNS "
                         "servers (emulated failure)")


dsm.Directory.__init__ = dir_init
dsm.Directory._ext_fail_now = _ext_fail_now

_orig_description = dsr._directory_description


def directory_description(directory):
    out = _orig_description(directory)
    out["StageReason"] = getattr(directory, "stage_reason", "")
    return out


dsr._directory_description = directory_description

_orig_resp_describe_directories = DirectoryServiceResponse.describe_directories


def resp_describe_directories(self):
    res = _orig_resp_describe_directories(self)
    for d in self.ds_backend.directories.values():  # the next read shows the next stage
        # Lowering `directoryCreatingReads` also shortens the wait of existing directories.
        left = min(getattr(d, "ext_reads_left", 0), max(1, int(_config["directoryCreatingReads"])))
        if d.stage == "Creating":
            if left > 1:
                d.ext_reads_left = left - 1
            elif getattr(d, "ext_fail", False):
                d._ext_fail_now()
            else:
                d.stage = "Active"
    return res


DirectoryServiceResponse.describe_directories = resp_describe_directories

# ---------- trusts ----------
_orig_create_trust = dsm.DirectoryServiceBackend.create_trust


def create_trust(self, directory_id, remote_domain_name, trust_password, trust_direction,
                 trust_type, conditional_forwarder_ip_addrs, selective_auth):
    self._validate_directory_id(directory_id)
    d = self.directories[directory_id]
    if d.directory_type != "MicrosoftAD":
        raise UnsupportedOperationException("Trusts are only supported for Microsoft AD directories.")
    tid = _orig_create_trust(self, directory_id, remote_domain_name, trust_password, trust_direction,
                             trust_type, conditional_forwarder_ip_addrs, selective_auth)
    if conditional_forwarder_ip_addrs:
        d.__dict__.setdefault("cond_fwds", {})[remote_domain_name] = list(conditional_forwarder_ip_addrs)
    return tid


dsm.DirectoryServiceBackend.create_trust = create_trust

_NEXT = {"Creating": "Created", "Created": "VerifyFailed", "Verifying": "Verified"}


def _advance_trusts(backend):
    for d in backend.directories.values():
        for t in d.trusts:
            nxt = _NEXT.get(t.trust_state)
            if nxt == "VerifyFailed":
                t.trust_state_reason = ("The specified domain either does not exist or could not "
                                        "be contacted.")
            elif nxt == "Verified":
                t.trust_state_reason = ""
            if nxt:
                t.trust_state = nxt


_orig_resp_describe_trusts = DirectoryServiceResponse.describe_trusts


def resp_describe_trusts(self):
    res = _orig_resp_describe_trusts(self)
    _advance_trusts(self.ds_backend)
    return res


def verify_trust(self):
    trust_id = self._get_param("TrustId")
    for d in self.ds_backend.directories.values():
        for t in d.trusts:
            if t.trust_id == trust_id:
                with _lock:
                    ready = t.remote_domain_name.lower() in _onprem_ready
                if not ready:
                    t.trust_state = "VerifyFailed"
                    t.trust_state_reason = ("The specified domain either does not exist or could "
                                            "not be contacted.")
                    raise ClientException("The trust relationship could not be verified: the "
                                          "specified domain either does not exist or could not be "
                                          "contacted.")
                t.trust_state = "Verifying"
                return ActionResult({"TrustId": trust_id})
    raise EntityDoesNotExistException(f"Trust {trust_id} does not exist")


def _dir(self):
    did = self._get_param("DirectoryId")
    self.ds_backend._validate_directory_id(did)
    return self.ds_backend.directories[did]


def create_conditional_forwarder(self):
    d = _dir(self)
    validate_args([("remoteDomainName", self._get_param("RemoteDomainName")),
                   ("connectSettings.customerDnsIps", self._get_param("DnsIpAddrs"))])
    d.__dict__.setdefault("cond_fwds", {})[self._get_param("RemoteDomainName")] = self._get_param("DnsIpAddrs")
    return EmptyResult()


def describe_conditional_forwarders(self):
    d = _dir(self)
    names = self._get_param("RemoteDomainNames")
    fw = d.__dict__.get("cond_fwds", {})
    out = [{"RemoteDomainName": k, "DnsIpAddrs": v, "ReplicationScope": "Domain"}
           for k, v in fw.items() if not names or k in names]
    return ActionResult({"ConditionalForwarders": out})


def update_conditional_forwarder(self):
    d = _dir(self)
    fw = d.__dict__.setdefault("cond_fwds", {})
    name = self._get_param("RemoteDomainName")
    if name not in fw:
        raise EntityDoesNotExistException(f"Conditional forwarder {name} does not exist")
    fw[name] = self._get_param("DnsIpAddrs")
    return EmptyResult()


def delete_conditional_forwarder(self):
    d = _dir(self)
    fw = d.__dict__.setdefault("cond_fwds", {})
    name = self._get_param("RemoteDomainName")
    if fw.pop(name, None) is None:
        raise EntityDoesNotExistException(f"Conditional forwarder {name} does not exist")
    return EmptyResult()


_orig_delete_trust = dsm.DirectoryServiceBackend.delete_trust


def delete_trust(self, trust_id, delete_associated_conditional_forwarder):
    for d in self.directories.values():
        for t in d.trusts:
            if t.trust_id == trust_id and delete_associated_conditional_forwarder:
                d.__dict__.setdefault("cond_fwds", {}).pop(t.remote_domain_name, None)
    return _orig_delete_trust(self, trust_id, delete_associated_conditional_forwarder)


dsm.DirectoryServiceBackend.delete_trust = delete_trust

for fn in (verify_trust, create_conditional_forwarder, describe_conditional_forwarders,
           update_conditional_forwarder, delete_conditional_forwarder):
    setattr(DirectoryServiceResponse, fn.__name__, fn)
DirectoryServiceResponse.describe_trusts = resp_describe_trusts


# ---------- identity store: groups synced from a directory ----------
def sync_groups(spec, account):
    region = spec["region"]
    directory_id = spec["directoryId"]
    domain = spec.get("domain")
    if not domain:
        domain = dsm.ds_backends[account][region].directories[directory_id].name
    instances = ssoadmin_backends[account][region].list_instances()
    store_id = instances[0].identity_store_id
    backend = identitystore_backends[account][region]
    store = backend._IdentityStoreBackend__get_identity_store(store_id)
    issuer = f"arn:aws:ds:{region}:{account}:directory/{directory_id}"
    created = []
    with _lock:
        for name in spec.get("groups", []):
            # Repeatable across runs and servers (hash() of a str is not).
            digest = hashlib.sha256(f"{directory_id}/{name}".encode()).hexdigest()
            gid = f"{int(digest[:15], 16) % (10 ** 10):010d}-sync"
            store.groups[gid] = Group(gid, f"{name}@{domain}",
                                      [{"Issuer": issuer, "Id": f"{name}-sid"}],
                                      "synced from Active Directory", store_id)
            created.append(gid)
    return {"identityStoreId": store_id, "groupIds": created, "issuer": issuer}


def set_directory(spec, account):
    """Sets a directory's Name and/or StageReason; returns (answer, HTTP status)."""
    unknown = sorted(set(spec) - {"directoryId", "region", "name", "stageReason"})
    if unknown:
        return {"error": f"unknown keys {unknown}"}, "400 Bad Request"
    backend = dsm.ds_backends[account][spec.get("region", "us-east-1")]
    directory = backend.directories.get(spec.get("directoryId"))
    if directory is None:
        return {"error": f"no directory {spec.get('directoryId')}"}, "400 Bad Request"
    with _lock:
        if "name" in spec:
            directory.name = str(spec["name"])
        if "stageReason" in spec:
            directory.stage_reason = str(spec["stageReason"])
    return {"ok": True}, "200 OK"


# ---------- IAM Identity Center: asynchronous account assignments, limits, provisioning ----------
class ThrottlingException(JsonRESTError):
    code = 400

    def __init__(self, message):
        super().__init__("ThrottlingException", message)


_ASSIGNMENT_FIELDS = ("instance_arn", "target_id", "target_type", "permission_set_arn",
                      "principal_type", "principal_id")
FAILURE_REASON = "Received a 404 status error: Not supported for this principal"


def _key(assignment):
    return tuple(getattr(assignment, f) for f in _ASSIGNMENT_FIELDS)


def _visible(assignment, now):
    """Listed only once its creation has completed (filtered, never mutated on reads)."""
    return getattr(assignment, "ext_done_at", 0) <= now


def _status(request, now):
    if now < request["doneAt"]:
        return {"Status": "IN_PROGRESS"}
    if request["fail"]:
        return {"Status": "FAILED", "FailureReason": FAILURE_REASON}
    return {"Status": "SUCCEEDED"}


def create_account_assignment(self):
    params = json.loads(self.body)
    backend = self.ssoadmin_backend
    with _lock:
        now = time.monotonic()
        delay = max(0, int(_config["assignmentCreationMs"])) / 1000.0
        limit = int(_config["maxOutstandingAssignments"])
        _in_flight[:] = [t for t in _in_flight if t > now]
        if delay > 0 and len(_in_flight) >= limit:
            _stats["throttled"] += 1
            raise ThrottlingException(f"Exceeded the limit of {limit} outstanding asynchronous "
                                      "CreateAccountAssignment calls")
        assignment = ssom.AccountAssignment(
            params.get("InstanceArn"), params.get("TargetId"), params.get("TargetType"),
            params.get("PermissionSetArn"), params.get("PrincipalType"), params.get("PrincipalId"))
        assignment.ext_done_at = now + delay
        fail = assignment.principal_id in set(_config["failAssignmentPrincipals"] or [])
        if not fail:
            if any(_key(a) == _key(assignment) for a in backend.account_assignments):
                _stats["duplicateAssignments"] += 1
            backend.account_assignments.append(assignment)
        request = {"assignment": assignment, "doneAt": now + delay, "fail": fail}
        _requests[assignment.request_id] = request
        _stats["assignmentCreates"] += 1
        if delay > 0:
            _in_flight.append(now + delay)
            _stats["maxOutstandingAssignments"] = max(_stats["maxOutstandingAssignments"],
                                                      len(_in_flight))
        summary = assignment.to_json(include_creation_date=True, include_request_id=True)
        summary.update(_status(request, now))
    return json.dumps({"AccountAssignmentCreationStatus": summary})


_orig_describe_creation = SSOAdminResponse.describe_account_assignment_creation_status


def describe_account_assignment_creation_status(self):
    with _lock:
        request = _requests.get(self._get_param("AccountAssignmentCreationRequestId"))
        if request is not None:
            summary = request["assignment"].to_json(include_creation_date=True,
                                                    include_request_id=True)
            summary.update(_status(request, time.monotonic()))
    if request is None:
        return _orig_describe_creation(self)
    return json.dumps({"AccountAssignmentCreationStatus": summary})


@paginate(SSO_PAGINATION)
def list_account_assignments(self, instance_arn, account_id, permission_set_arn):
    now = time.monotonic()
    return [{"AccountId": a.target_id, "PermissionSetArn": a.permission_set_arn,
             "PrincipalType": a.principal_type, "PrincipalId": a.principal_id}
            for a in list(self.account_assignments)
            if _visible(a, now) and a.instance_arn == instance_arn
            and a.target_id == account_id and a.permission_set_arn == permission_set_arn]


@paginate(SSO_PAGINATION)
def list_account_assignments_for_principal(self, filter_, instance_arn, principal_id,
                                           principal_type):
    now = time.monotonic()
    account = (filter_ or {}).get("AccountId")
    return [{"AccountId": a.target_id, "PermissionSetArn": a.permission_set_arn,
             "PrincipalId": a.principal_id, "PrincipalType": a.principal_type}
            for a in list(self.account_assignments)
            if _visible(a, now) and (account is None or account == a.target_id)
            and a.principal_id == principal_id and a.principal_type == principal_type
            and a.instance_arn == instance_arn]


_orig_provision = SSOAdminResponse.provision_permission_set


def provision_permission_set(self):
    out = _orig_provision(self)
    status = json.loads(out)["PermissionSetProvisioningStatus"]
    with _lock:
        _provisioning[status["RequestId"]] = status
    return out


def describe_permission_set_provisioning_status(self):
    request_id = self._get_param("ProvisionPermissionSetRequestId")
    with _lock:
        status = _provisioning.get(request_id)
    if status is None:
        raise SsoNotFound(f"Could not find ProvisionPermissionSet request with id {request_id}")
    return json.dumps({"PermissionSetProvisioningStatus": status})


for fn in (create_account_assignment, describe_account_assignment_creation_status,
           provision_permission_set, describe_permission_set_provisioning_status):
    setattr(SSOAdminResponse, fn.__name__, fn)
ssom.SSOAdminBackend.list_account_assignments = list_account_assignments
ssom.SSOAdminBackend.list_account_assignments_for_principal = list_account_assignments_for_principal


def _peak_tps(times):
    peak, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= 1.0:
            start += 1
        peak = max(peak, end - start + 1)
    return peak


def stats():
    with _lock:
        out = dict(_stats)
        out["peakTps"] = _peak_tps(sorted(_received))
    return out


def dump_assignments(account, region):
    backend = ssoadmin_backends[account][region]
    with _lock:
        now = time.monotonic()
        out = []
        for a in list(backend.account_assignments):
            request = _requests.get(a.request_id)
            status = _status(request, now)["Status"] if request else "SUCCEEDED"
            out.append({"accountId": a.target_id, "targetType": a.target_type,
                        "permissionSetArn": a.permission_set_arn,
                        "principalType": a.principal_type, "principalId": a.principal_id,
                        "instanceArn": a.instance_arn, "requestId": a.request_id,
                        "status": status})
    return {"assignments": out}


# ---------- middleware: switches, call log, faults ----------
def _body(environ):
    raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    environ["wsgi.input"] = io.BytesIO(raw)
    return raw


def _target(environ):
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target
    raw = _body(environ)
    params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
    if environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        params.update(urllib.parse.parse_qs(raw.decode("utf-8", "replace")))
    action = params.get("Action", [None])[0]
    if not action:
        return None
    auth = environ.get("HTTP_AUTHORIZATION", "")
    service = auth.split("/")[3] if auth.count("/") >= 3 else "query"
    return f"{service}.{action}"


def _json(start_response, obj, status="200 OK"):
    payload = json.dumps(obj).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


class ExtMiddleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD")
        if path == "/moto-api/reset":
            _reset_ext()
            return self.app(environ, start_response)
        if path == "/_ext/ping":
            return _json(start_response, {"ok": True})
        if path == "/_ext/calls":
            with _lock:
                return _json(start_response, {"calls": list(_calls)})
        if method == "GET" and path == "/_ext/config":
            with _lock:
                return _json(start_response, dict(_config))
        if method == "GET" and path == "/_ext/stats":
            return _json(start_response, stats())
        if method == "GET" and path == "/_ext/assignments":
            query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
            default_account = environ.get("HTTP_X_MOTO_ACCOUNT_ID", "123456789012")
            account = query.get("account", [default_account])[0]
            region = query.get("region", ["us-east-1"])[0]
            return _json(start_response, dump_assignments(account, region))
        if method == "POST" and (path.startswith("/_ext/") or path == "/_fault"):
            spec = json.loads(_body(environ) or b"{}")
            account = environ.get("HTTP_X_MOTO_ACCOUNT_ID", "123456789012")
            with _lock:
                if path == "/_fault":
                    if spec.get("clear"):
                        _faults.clear()
                    else:
                        _faults[spec["target"]] = spec
                    return _json(start_response, {"ok": True})
                if path == "/_ext/config":
                    unknown = sorted(set(spec) - set(_DEFAULTS))
                    if unknown:
                        return _json(start_response, {"error": f"unknown config keys {unknown}; "
                                                      f"known: {sorted(_DEFAULTS)}"},
                                     "400 Bad Request")
                    _config.update(spec)
                    return _json(start_response, {"ok": True})
                if path == "/_ext/onprem-trust":
                    _onprem_ready.add(spec["remoteDomainName"].lower())
                    return _json(start_response, {"ok": True})
            if path == "/_ext/sync":
                return _json(start_response, sync_groups(spec, account))
            if path == "/_ext/directory":
                answer, status = set_directory(spec, account)
                return _json(start_response, answer, status)
            return _json(start_response, {"error": f"unknown switch {path}"}, "404 Not Found")
        target = _target(environ)
        if target:
            with _lock:
                now = time.monotonic()
                _calls.append(target)
                latency = max(0, int(_config["latencyMs"])) / 1000.0
                rate_limited = False
                if target.startswith(_RATED):
                    _received.append(now)
                    tps = int(_config["tpsLimit"])
                    while _accepted and now - _accepted[0] >= 1.0:
                        _accepted.popleft()
                    if tps > 0 and len(_accepted) >= tps:
                        rate_limited = True
                        _stats["throttled"] += 1
                    else:
                        _accepted.append(now)
                fault = None if rate_limited else (_faults.get(target) or _faults.get("*"))
                if fault and fault.get("count", 0) > 0:
                    fault["count"] -= 1
                else:
                    fault = None
            if latency:
                time.sleep(latency)
            if rate_limited:
                payload = json.dumps({"__type": "ThrottlingException",
                                      "message": "Rate exceeded"}).encode()
                start_response("400 Bad Request", [("Content-Type", "application/x-amz-json-1.1"),
                                                   ("X-Amzn-ErrorType", "ThrottlingException"),
                                                   ("Content-Length", str(len(payload)))])
                return [payload]
            if fault:
                kind = fault.get("kind", "throttle")
                if kind == "latency":
                    time.sleep(fault.get("latencyMs", 200) / 1000.0)
                else:
                    code, status = (("ThrottlingException", "400 Bad Request") if kind == "throttle"
                                    else ("ServiceException", "500 Internal Server Error"))
                    xml_code = "Throttling" if kind == "throttle" else "InternalFailure"
                    if kind == "error":
                        code = xml_code = fault.get("code", "ClientException")
                        status = f"{fault.get('status', 400)} Error"
                    body = {"__type": code, "message": fault.get("message", f"injected {kind}")}
                    if "reason" in fault:
                        body["Reason"] = fault["reason"]
                    payload = json.dumps(body).encode()
                    if target.startswith("ec2."):
                        xml_code = "RequestLimitExceeded" if kind == "throttle" else "InternalError"
                        payload = (f"<Response><Errors><Error><Code>{xml_code}</Code><Message>"
                                   f"injected {kind}</Message></Error></Errors>"
                                   f"<RequestID>fault</RequestID></Response>").encode()
                    elif not environ.get("HTTP_X_AMZ_TARGET"):
                        payload = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{xml_code}"
                                   f"</Code><Message>injected {kind}</Message></Error>"
                                   f"<RequestId>fault</RequestId></ErrorResponse>").encode()
                    start_response(status, [("Content-Type", "application/x-amz-json-1.1"),
                                            ("X-Amzn-ErrorType", code),
                                            ("Content-Length", str(len(payload)))])
                    return [payload]
        return self.app(environ, start_response)


if __name__ == "__main__":
    import argparse
    import os
    ap = argparse.ArgumentParser()
    ap.add_argument("-H", "--host", default="127.0.0.1")
    ap.add_argument("-p", "--port", type=int, default=5056)
    a = ap.parse_args()
    os.environ.setdefault("MOTO_PORT", str(a.port))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(a.host, a.port, ExtMiddleware(app), threaded=True, request_handler=MotoRequestHandler)
