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
Adds switches and fault injection (JSON bodies):
  POST /_ext/config   {"directoryCreatingReads": 2, "failDirectories": false}
  POST /_ext/onprem-trust {"remoteDomainName": "corp.example.com"}
  POST /_ext/sync     {"directoryId": "d-...", "region": "us-east-1", "groups": ["AWS-SSO-Users"],
                       "domain": "corp.example.com"}   identity store shows groups synced from it
  POST /_fault        {"target": "DirectoryService_20150416.DescribeDirectories" | "sts.GetCallerIdentity"
                       | "*", "count": 2, "kind": "throttle" | "http500" | "latency" | "error",
                       "latencyMs": 300, "code": "AccessDeniedException", "status": 400, "message": "..."}
  POST /_fault        {"clear": true}
  GET  /_ext/calls    every call received since the last reset, in order (targets)
  POST /moto-api/reset also clears everything above.
"""
import io
import json
import threading
import time
import urllib.parse

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
from moto.ssoadmin.models import ssoadmin_backends
from werkzeug.serving import run_simple

_lock = threading.Lock()
_config = {"directoryCreatingReads": 0, "failDirectories": False}
_onprem_ready = set()  # remote domain names whose on-premises side of the trust exists
_faults = {}  # target -> spec
_calls = []  # targets received


def _reset_ext():
    with _lock:
        _config.update({"directoryCreatingReads": 0, "failDirectories": False})
        _onprem_ready.clear()
        _faults.clear()
        _calls.clear()


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
    for name in spec.get("groups", []):
        gid = f"{abs(hash((directory_id, name))) % (10 ** 10):010d}-sync"
        store.groups[gid] = Group(gid, f"{name}@{domain}",
                                  [{"Issuer": issuer, "Id": f"{name}-sid"}],
                                  "synced from Active Directory", store_id)
        created.append(gid)
    return {"identityStoreId": store_id, "groupIds": created, "issuer": issuer}


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
                    _config.update(spec)
                    return _json(start_response, {"ok": True})
                if path == "/_ext/onprem-trust":
                    _onprem_ready.add(spec["remoteDomainName"].lower())
                    return _json(start_response, {"ok": True})
            if path == "/_ext/sync":
                return _json(start_response, sync_groups(spec, account))
            return _json(start_response, {"error": f"unknown switch {path}"}, "404 Not Found")
        target = _target(environ)
        if target:
            with _lock:
                _calls.append(target)
                fault = _faults.get(target) or _faults.get("*")
                if fault and fault.get("count", 0) > 0:
                    fault["count"] -= 1
                else:
                    fault = None
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
                    payload = json.dumps({"__type": code,
                                          "message": fault.get("message", f"injected {kind}")}).encode()
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
