"""The strict emulator's wire side: decode an AWS request, validate it, answer AWS's error.

moto_ext.py's middleware calls `refusal(environ, target, raw_body)` for every AWS call before moto
dispatches it; it returns None (let moto answer) or the (status, headers, payload) to send.
Requests are decoded per protocol into the member-name tree strict_models.validate() checks:
  * JSON 1.1 (ds, sso-admin, identitystore): `X-Amz-Target: <targetPrefix>.<Operation>`, JSON body.
    A body that is not a JSON object answers SerializationException.
  * query (sts) and ec2 (ec2): form fields `Action=..&Version=..` (body and query string);
    members by name (ec2: `queryName`, else `locationName` capitalised, else the member name);
    lists `Name.member.N` (query; flattened lists `Name.N`) or `Name.N` (ec2); maps
    `Name.entry.N.key/value`; an empty list is `Name=`. Integers, floats and booleans are
    converted from their text; text that does not convert stays a string, so it fails the type
    check.
Each refusal is logged (stderr; also appended to $STRICT_REFUSALS_LOG when set).
Requests for services outside strict_models.SERVICES, for unknown operations, or in another
protocol (for instance CBOR) are not checked: moto answers them as before.

`error_code()` decides the answer's code, in one place (below). Answers: JSON services HTTP 400,
header x-amzn-ErrorType, body {"__type": code, "message": ...}; sts the query XML
<ErrorResponse><Error><Type>Sender</Type>...; ec2 <Response><Errors><Error>... with
<RequestID>. The message is AWS's: "N validation error(s) detected: <each>; <each>" (ec2: its
one-line sentence for the first violation).
"""
import json
import os
import sys
import urllib.parse
import uuid
from xml.sax.saxutils import escape

import strict_models
from strict_models import ec2_name

strict_models.check_botocore_version()


def error_code(service, violations):
    """The error code AWS answers for these violations of `service`'s input rules.

    JSON services (ds, sso-admin, identitystore): the framework's check runs before the operation
    and answers ValidationException for any constraint or missing member, whatever the operation
    models in `errors` (ds models InvalidParameterException, but that is the operation's own
    check); a value of the wrong JSON type never reaches it: SerializationException.
    sts (query): ValidationError. ec2: MissingParameter for a missing required member,
    InvalidParameterValue for anything else.
    """
    kinds = {v.kind for v in violations}
    proto = strict_models.protocol(service)
    if proto == "ec2":
        return "MissingParameter" if violations[0].kind == "missing" else "InvalidParameterValue"
    if proto == "query":
        return "ValidationError"
    return "SerializationException" if "type" in kinds else "ValidationException"


def message(service, violations):
    if strict_models.protocol(service) == "ec2":
        first = violations[0]
        if first.kind == "missing":
            return f"The request must contain the parameter {first.wire}"
        rule = first.rule if first.kind == "constraint" else f"Expected a {first.rule}."
        shown = "" if first.sensitive else f" ({strict_models.render(first.value)[1:-1]})"
        return f"Value{shown} for parameter {first.wire} is invalid. {rule}"
    if any(v.kind == "type" for v in violations):
        violations = [v for v in violations if v.kind == "type"]
    n = len(violations)
    head = f"{n} validation error{'s' if n != 1 else ''} detected: "
    return head + "; ".join(v.message() for v in violations)


def answer(service, violations):
    """(status line, headers, body bytes) of AWS's refusal."""
    code = error_code(service, violations)
    text = message(service, violations)
    request_id = str(uuid.uuid4())
    proto = strict_models.protocol(service)
    if proto == "json":
        payload = json.dumps({"__type": code, "message": text}).encode()
        ctype = "application/x-amz-json-1.1"
    elif proto == "ec2":
        payload = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
                   f"{code}</Code><Message>{escape(text)}</Message></Error></Errors><RequestID>"
                   f"{request_id}</RequestID></Response>").encode()
        ctype = "text/xml;charset=UTF-8"
    else:
        payload = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>"
                   f"{escape(text)}</Message></Error><RequestId>{request_id}</RequestId>"
                   f"</ErrorResponse>").encode()
        ctype = "text/xml"
    headers = [("Content-Type", ctype), ("X-Amzn-ErrorType", code),
               ("x-amzn-RequestId", request_id), ("Content-Length", str(len(payload)))]
    return "400 Bad Request", headers, payload


# ---------- decoding ----------
def _json_request(target, raw):
    """(service, operation, params) of a JSON 1.1 request; params None if the body is not a
    JSON object. None if the target is not one of the checked services' operations."""
    prefix, _, operation = target.rpartition(".")
    service = strict_models.json_prefixes().get(prefix)
    if service is None or operation not in strict_models.model(service)["operations"]:
        return None
    try:
        params = json.loads(raw or b"{}")
    except ValueError:
        params = None
    return service, operation, params if isinstance(params, dict) else None


def _form(environ, raw):
    fields = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        fields.update(urllib.parse.parse_qs(raw.decode("utf-8", "replace"),
                                            keep_blank_values=True))
    return {k: v[0] for k, v in fields.items()}


def _present(fields, name):
    dotted = name + "."
    return name in fields or any(k.startswith(dotted) for k in fields)


def _indexes(fields, base):
    dotted = base + "."
    found = set()
    for k in fields:
        if k.startswith(dotted):
            head = k[len(dotted):].split(".", 1)[0]
            if head.isdigit():
                found.add(int(head))
    return sorted(found)


def _scalar(kind, text):
    try:
        if kind in ("integer", "long"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
    except ValueError:
        return text
    if kind == "boolean":
        return {"true": True, "false": False}.get(text, text)
    return text


def decode_query(shapes, shape_name, fields, prefix, ec2):
    """The member-name tree of a query/ec2 request's fields for shape `shape_name` at `prefix`."""
    shape = shapes[shape_name]
    kind = shape["type"]
    if kind == "structure":
        out = {}
        for name, member in shape.get("members", {}).items():
            key = ec2_name(name, member) if ec2 else member.get("locationName", name)
            full = f"{prefix}.{key}" if prefix else key
            if _present(fields, full):
                out[name] = decode_query(shapes, member["shape"], fields, full, ec2)
        return out
    if kind == "list":
        if fields.get(prefix) == "":
            return []
        member = shape["member"]
        if ec2 or shape.get("flattened"):
            base = prefix
        else:
            base = f"{prefix}.{member.get('locationName', 'member')}"
        return [decode_query(shapes, member["shape"], fields, f"{base}.{i}", ec2)
                for i in _indexes(fields, base)]
    if kind == "map":
        base = prefix if shape.get("flattened") else f"{prefix}.entry"
        key_name = shape["key"].get("locationName", "key")
        value_name = shape["value"].get("locationName", "value")
        out = {}
        for i in _indexes(fields, base):
            k = fields.get(f"{base}.{i}.{key_name}")
            out[k] = decode_query(shapes, shape["value"]["shape"], fields,
                                  f"{base}.{i}.{value_name}", ec2)
        return out
    if prefix not in fields:
        return None
    return _scalar(kind, fields[prefix])


def _query_request(target, environ, raw):
    service, _, operation = target.partition(".")
    if service not in strict_models.SERVICES or strict_models.protocol(service) == "json":
        return None
    if operation not in strict_models.model(service)["operations"]:
        return None
    shape = strict_models.input_shape(service, operation)
    fields = _form(environ, raw)
    params = {} if shape is None else decode_query(
        strict_models.model(service)["shapes"], shape, fields, "",
        strict_models.protocol(service) == "ec2")
    return service, operation, params


def refusal(environ, target, raw):
    """AWS's answer to a request that breaks its operation's input rules, or None."""
    if environ.get("HTTP_X_AMZ_TARGET"):
        request = _json_request(target, raw)
    else:
        request = _query_request(target, environ, raw)
    if request is None:
        return None
    service, operation, params = request
    if params is None:
        payload = json.dumps({"__type": "SerializationException",
                              "message": "The request body is not a JSON object"}).encode()
        return "400 Bad Request", [("Content-Type", "application/x-amz-json-1.1"),
                                   ("X-Amzn-ErrorType", "SerializationException"),
                                   ("Content-Length", str(len(payload)))], payload
    violations = strict_models.validate(service, operation, params)
    if not violations:
        return None
    _log_refusal(target, message(service, violations))
    return answer(service, violations)


def _log_refusal(target, text):
    """Every refusal goes to the server's stderr and, when STRICT_REFUSALS_LOG names a file, is
    appended there (one JSON line), so a run of the Rust tests can list what AWS would refuse."""
    line = json.dumps({"target": target, "message": text})
    print(f"strict: refused {line}", file=sys.stderr, flush=True)
    path = os.environ.get("STRICT_REFUSALS_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
