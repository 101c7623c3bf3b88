"""IAM Identity Center and identity store additions to moto (see moto_ext.py): groups synced
from a directory, asynchronous account assignments with their limits, permission set
provisioning status, AWS-shaped permission set ARNs and identity store ids, and the statistics
and assignment dump the switches answer. Importing this module patches moto."""
import hashlib
import json
import time

from moto.core.exceptions import JsonRESTError
from moto.ds import models as dsm
from moto.identitystore.models import Group, identitystore_backends
from moto.ssoadmin import models as ssom
from moto.ssoadmin.exceptions import ResourceNotFoundException as SsoNotFound
from moto.ssoadmin.models import ssoadmin_backends
from moto.ssoadmin.responses import SSOAdminResponse
from moto.ssoadmin.utils import PAGINATION_MODEL as SSO_PAGINATION
from moto.utilities.paginator import paginate

from ext_state import _config, _in_flight, _lock, _provisioning, _received, _requests, _stats


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
            # Repeatable across runs and servers (hash() of a str is not); groups of the same
            # name in two trusted domains are two groups.
            digest = hashlib.sha256(f"{directory_id}/{domain.lower()}/{name}".encode()).hexdigest()
            # Shaped like Identity Store group ids (sso-admin's PrincipalId pattern).
            gid = (f"{digest[:10]}-{digest[10:18]}-{digest[18:22]}-{digest[22:26]}-"
                   f"{digest[26:30]}-{digest[30:42]}")
            store.groups[gid] = Group(gid, f"{name}@{domain}",
                                      [{"Issuer": issuer, "Id": f"{name}@{domain}-sid"}],
                                      "synced from Active Directory", store_id)
            created.append(gid)
    return {"identityStoreId": store_id, "groupIds": created, "issuer": issuer}


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


def permission_set_arn(instance_arn):
    """AWS's form, arn:aws:sso:::permissionSet/ssoins-<16>/ps-<16> (moto writes instance/...,
    which sso-admin's PermissionSetArn pattern refuses)."""
    return (instance_arn.replace(":instance/", ":permissionSet/", 1) + "/ps-"
            + ssom.random.get_random_string(length=16).lower())


ssom.PermissionSet.generate_id = staticmethod(permission_set_arn)
_orig_instance_init = ssom.Instance.__init__


def instance_init(self, *args, **kwargs):
    """Identity store ids as AWS writes them, d-<10 hex> (moto uses any lowercase letter, which
    identitystore's IdentityStoreId pattern refuses)."""
    _orig_instance_init(self, *args, **kwargs)
    self.identity_store_id = f"d-{ssom.random.get_random_hex(10)}"


ssom.Instance.__init__ = instance_init
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
