"""Directory Service additions to moto (see moto_ext.py): directory stages over reads, trust
states, VerifyTrust, conditional forwarders, CreateTrust only on MicrosoftAD directories, IP
routes (AddIpRoutes, ListIpRoutes, RemoveIpRoutes).
Importing this module patches moto."""
from moto.core.responses import ActionResult, EmptyResult
from moto.ds import models as dsm
from moto.ds import responses as dsr
from moto.core.exceptions import JsonRESTError
from moto.core.utils import utcnow
from moto.ds.exceptions import (ClientException, EntityAlreadyExistsException,
                                EntityDoesNotExistException, UnsupportedOperationException)
from moto.ds.responses import DirectoryServiceResponse
from moto.ds.validations import validate_args

from ext_state import _config, _lock, _onprem_ready


class IpRouteLimitExceededException(JsonRESTError):
    """AWS's answer to more IP routes than a directory may have."""

    def __init__(self, message):
        super().__init__("IpRouteLimitExceededException", message)


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

# ---------- IP routes (AddIpRoutes / ListIpRoutes / RemoveIpRoutes) ----------
_MAX_IP_ROUTES = 100  # per directory (Directory Service quotas)


def add_ip_routes(self):
    d = _dir(self)
    if d.directory_type != "MicrosoftAD":
        raise UnsupportedOperationException("IP routes are only supported for Microsoft AD "
                                            "directories.")
    routes = d.__dict__.setdefault("ip_routes", [])
    new = self._get_param("IpRoutes") or []
    known = {r["CidrIp"] for r in routes}
    for route in new:
        if route.get("CidrIp") in known:
            raise EntityAlreadyExistsException(f"IP route {route.get('CidrIp')} already exists "
                                               f"for directory {d.directory_id}.")
    if len(routes) + len(new) > _MAX_IP_ROUTES:
        raise IpRouteLimitExceededException(f"A directory has at most {_MAX_IP_ROUTES} IP routes.")
    for route in new:
        routes.append({"DirectoryId": d.directory_id, "CidrIp": route["CidrIp"],
                       "IpRouteStatusMsg": "Added", "AddedDateTime": utcnow(),
                       "Description": route.get("Description", "")})
    return EmptyResult()


def list_ip_routes(self):
    d = _dir(self)
    return ActionResult({"IpRoutesInfo": list(d.__dict__.get("ip_routes", []))})


def remove_ip_routes(self):
    d = _dir(self)
    gone = set(self._get_param("CidrIps") or [])
    d.__dict__["ip_routes"] = [r for r in d.__dict__.get("ip_routes", []) if r["CidrIp"] not in gone]
    return EmptyResult()


for fn in (add_ip_routes, list_ip_routes, remove_ip_routes):
    setattr(DirectoryServiceResponse, fn.__name__, fn)

for fn in (verify_trust, create_conditional_forwarder, describe_conditional_forwarders,
           update_conditional_forwarder, delete_conditional_forwarder):
    setattr(DirectoryServiceResponse, fn.__name__, fn)
DirectoryServiceResponse.describe_trusts = resp_describe_trusts


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


def set_trust_state(spec, account):
    """Sets the TrustState (and TrustStateReason) of every trust to a remote domain, as AWS
    shows a trust that failed; returns (answer, HTTP status)."""
    unknown = sorted(set(spec) - {"remoteDomainName", "region", "state", "reason"})
    if unknown or "remoteDomainName" not in spec or "state" not in spec:
        return {"error": f"unknown keys {unknown} (remoteDomainName and state are required)"}, \
            "400 Bad Request"
    backend = dsm.ds_backends[account][spec.get("region", "us-east-1")]
    remote = str(spec["remoteDomainName"]).lower()
    changed = 0
    with _lock:
        for d in backend.directories.values():
            for t in d.trusts:
                if t.remote_domain_name.lower() == remote:
                    t.trust_state = str(spec["state"])
                    t.trust_state_reason = str(spec.get("reason", ""))
                    changed += 1
    if not changed:
        return {"error": f"no trust to {remote}"}, "400 Bad Request"
    return {"ok": True, "trusts": changed}, "200 OK"
