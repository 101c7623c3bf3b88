"""moto_server plus the test-only behaviour adsso's integration tests need (moto 5.2.5, pinned).

Usage: .venv-moto/bin/python tests/peers/moto_ext.py -H 127.0.0.1 -p PORT

This file is the WSGI middleware (switches, call log, faults, the strict check) and the server;
the moto patches are in ext_directory.py and ext_identity_center.py, their shared state in
ext_state.py, the strict validation in strict_wire.py, strict_models.py and java_regex.py.

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
  * Permissions boundaries (Put/Get/Delete), TagResource / UntagResource / ListTagsForResource
    on permission sets, and UpdatePermissionSet changing only the members given
    (ext_permission_sets.py).
  * Permission set ARNs in AWS's form, arn:aws:sso:::permissionSet/ssoins-<16>/ps-<16>, and
    identity store ids d-<10 hex>.
Adds to AWS Organizations (moto implements OUs, accounts, MoveAccount, CloseAccount -> SUSPENDED):
  * the `organizationManagementAccount` switch (ext_organizations.py).
Strict: every AWS call is first checked against its operation's input rules in botocore's service
model (botocore 1.44.8, pinned in scripts/test; strict_wire.py, strict_models.py, java_regex.py):
required members, types, lengths, ranges, enums and `pattern`s with Java regex semantics, nested
members too. A request that breaks them never reaches moto: it is answered as AWS does (HTTP 400,
ValidationException with "N validation error(s) detected: Value '..' at '..' failed to satisfy
constraint: ..." for the JSON services, ValidationError for sts, InvalidParameterValue or
MissingParameter for ec2). There is no switch to turn this off; GET /_ext/config shows
"strict": true. It runs after latency, rate limits and faults (those answer first, as AWS's front
door does).
Adds switches and fault injection (JSON bodies):
  POST /_ext/config   {"directoryCreatingReads": 2, "failDirectories": false,
                       "latencyMs": 0, "assignmentCreationMs": 0, "maxOutstandingAssignments": 10,
                       "failAssignmentPrincipals": [], "tpsLimit": 0,
                       "organizationManagementAccount": ""}
                      (defaults shown; only the keys given change; unknown keys -> 400)
                      organizationManagementAccount: DescribeOrganization names this account as
                      the management account (the caller then acts as a delegated administrator).
                      latencyMs: every AWS call (anything with a target) sleeps that long first;
                      calls sleep concurrently (threaded server).
  GET  /_ext/config   the current switches, and "strict": true (read-only)
  POST /_ext/onprem-trust {"remoteDomainName": "corp.example.com"}
  POST /_ext/sync     {"directoryId": "d-...", "region": "us-east-1", "groups": ["AWS-SSO-Users"],
                       "domain": "corp.example.com"}   identity store shows groups synced from it
                      (DisplayName "<group>@<domain>", ids shaped like AWS's "<10 hex>-<uuid>",
                      the same for the same directory and group on every run); answers
                      {"identityStoreId", "groupIds" (in the order given), "issuer"}. Usable as PrincipalId (GROUP) in sso-admin.
  POST /_ext/directory {"directoryId": "d-...", "region": "us-east-1", "name": "...",
                       "stageReason": "..."}   what DescribeDirectories shows as that directory's
                      Name and StageReason, any text (tests plant hostile names); only the keys
                      given change; an unknown key or directory -> 400
  POST /_ext/trust-state {"remoteDomainName": "emea.example.net", "state": "Failed",
                       "reason": "...", "region": "us-east-1"}   every trust to that domain shows
                      that TrustState and TrustStateReason (states without a next state stay);
                      an unknown key or no such trust -> 400
  POST /_fault        {"target": "DirectoryService_20150416.DescribeDirectories" | "sts.GetCallerIdentity"
                       | "*", "count": 2, "kind": "throttle" | "http500" | "latency" | "error"
                       | "repeatToken" (the real JSON answer, its NextToken always the same),
                       "latencyMs": 300, "code": "AccessDeniedException", "status": 400, "message": "...",
                       "reason": "KMS_AccessDeniedException"}   (reason: the JSON error's `Reason`
                      member, as Identity Center sends it for a customer managed key)
  POST /_fault        {"clear": true}
  GET  /_ext/calls    every call received since the last reset, in order (targets); with
                      ?timed=1 also "times": each call's receive time (monotonic seconds)
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
import io
import json
import time
import urllib.parse

from moto.moto_server.werkzeug_app import (DomainDispatcherApplication, MotoRequestHandler,
                                           create_backend_app)
from werkzeug.serving import run_simple

import ext_directory  # patches moto's Directory Service; /_ext/directory
import ext_permission_sets  # noqa: F401 - patches moto's permission set boundary, tags, update
import ext_organizations  # noqa: F401  patches moto's Organizations (delegated administration)
import strict_wire
from ext_identity_center import dump_assignments, stats, sync_groups
from ext_state import (_DEFAULTS, _RATED, _accepted, _call_times, _calls, _config, _faults,
                       _lock, _onprem_ready, _received, _reset_ext, _stats)


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


REPEATED_TOKEN = "adsso-test-repeated-token"


def _repeat_token(app, environ, start_response, target):
    """The real JSON answer with its NextToken set to the same value on every page: a listing
    that would never end. A request carrying that token is answered as the first page; like
    every request, it is first checked against the service model (strict_wire)."""
    held = {}
    try:
        request = json.loads(_body(environ) or b"{}")
    except ValueError:
        request = None
    if isinstance(request, dict) and request.get("NextToken") == REPEATED_TOKEN:
        del request["NextToken"]
        raw = json.dumps(request).encode()
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(raw), str(len(raw))
    refused = strict_wire.refusal(environ, target, _body(environ))
    if refused:
        status, headers, payload = refused
        start_response(status, headers)
        return [payload]

    def capture(status, headers, exc_info=None):
        held["status"], held["headers"] = status, headers

    body = b"".join(app(environ, capture))
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        answer = None
    if isinstance(answer, dict) and held["status"].startswith("200"):
        answer["NextToken"] = REPEATED_TOKEN
        body = json.dumps(answer).encode()
    headers = [(k, v) for k, v in held["headers"] if k.lower() != "content-length"]
    start_response(held["status"], headers + [("Content-Length", str(len(body)))])
    return [body]


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
                answer = {"calls": list(_calls)}
                if "timed" in urllib.parse.parse_qs(environ.get("QUERY_STRING", "")):
                    answer["times"] = list(_call_times)
                return _json(start_response, answer)
        if method == "GET" and path == "/_ext/config":
            with _lock:
                return _json(start_response, dict(_config, strict=True))
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
                answer, status = ext_directory.set_directory(spec, account)
                return _json(start_response, answer, status)
            if path == "/_ext/trust-state":
                answer, status = ext_directory.set_trust_state(spec, account)
                return _json(start_response, answer, status)
            return _json(start_response, {"error": f"unknown switch {path}"}, "404 Not Found")
        target = _target(environ)
        if target:
            with _lock:
                now = time.monotonic()
                _calls.append(target)
                _call_times.append(now)
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
                elif kind == "repeatToken":
                    return _repeat_token(self.app, environ, start_response, target)
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
            refused = strict_wire.refusal(environ, target, _body(environ))
            if refused:
                status, headers, payload = refused
                start_response(status, headers)
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
