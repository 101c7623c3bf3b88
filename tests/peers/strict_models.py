"""AWS's input validation, from botocore's service models (botocore 1.44.8, pinned in scripts/test).

Before an AWS service runs an operation, its framework checks the request against the
operation's input shape; moto skips most of that. `validate(service, operation, params)` walks the
input shape over the decoded request (a tree of dicts, lists and scalars keyed by member name, as
strict_wire.py decodes JSON 1.1 and query/ec2 requests) and returns every violation, in member
order, each a `Violation`:
  * "missing"    a required member absent (or JSON null): "Member must not be null"
  * "type"       a value of the wrong type for its shape (string, integer/long, float/double,
                 boolean, timestamp, blob, list, map, structure)
  * "constraint" a value outside its shape's rules: string/blob/list/map `min`/`max` length (a
                 string's length is len() of the Python str, as botocore's own validator counts),
                 integer/long/float/double `min`/`max` range, string `enum`, string `pattern`
                 (Java regex semantics and Matcher.matches(): see java_regex.py)
Members and values are checked recursively (structures, list elements, map keys and values; a
`document` shape takes any JSON value).
Unknown members are ignored, as AWS's JSON and query frameworks do.

Each violation carries two paths: `path`, as AWS's validation messages name a member (first letter
lowered, list elements as `name.N.member`, N from 1, map entries as `name.<key>`), and `wire`, the
name the ec2 query protocol gives it (`Filter.1.Name`). `message()` renders AWS's text:
  Value 'x' at 'description' failed to satisfy constraint: Member must satisfy regular
  expression pattern: <pattern>
with the value left out ("Value at 'password' ...") for members the model marks sensitive.
"""
import base64
import binascii
import functools
from dataclasses import dataclass

import botocore
import botocore.loaders

from java_regex import matches

BOTOCORE_VERSION = "1.44.8"
# The services adsso calls; requests to others are passed to moto unchecked.
SERVICES = ("ds", "sso-admin", "identitystore", "sts", "ec2", "organizations")


@dataclass
class Violation:
    kind: str  # "missing" | "type" | "constraint"
    path: str  # AWS's message path: connectSettings.customerDnsIps.1.member
    wire: str  # the ec2 query name: Filter.1.Name
    value: object
    rule: str  # "Member must ..." or, for "type", the expected type
    sensitive: bool = False

    def message(self):
        if self.kind == "missing":
            return f"Value null at '{self.path}' failed to satisfy constraint: {self.rule}"
        if self.kind == "type":
            return (f"Value {render(self.value)} at '{self.path}' is not a valid {self.rule}"
                    if not self.sensitive else f"Value at '{self.path}' is not a valid {self.rule}")
        shown = "" if self.sensitive else f" {render(self.value)}"
        return f"Value{shown} at '{self.path}' failed to satisfy constraint: {self.rule}"


def render(value):
    """A value as AWS (Java's toString, quoted) writes it in a validation message."""
    def text(v):
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "[" + ", ".join(text(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k}={text(x)}" for k, x in v.items()) + "}"
        return str(v)
    return f"'{text(value)}'"


def check_botocore_version():
    """Refuses to run on another botocore: the models (and so the rules) would differ."""
    if botocore.__version__ != BOTOCORE_VERSION:
        raise RuntimeError(f"strict_models.py needs botocore {BOTOCORE_VERSION} (pinned in "
                           f"scripts/test), found {botocore.__version__}")


@functools.lru_cache(maxsize=None)
def model(service):
    check_botocore_version()
    return botocore.loaders.Loader().load_service_model(service, "service-2")


@functools.lru_cache(maxsize=None)
def json_prefixes():
    """X-Amz-Target prefix -> service, for the JSON services among SERVICES."""
    out = {}
    for service in SERVICES:
        prefix = model(service)["metadata"].get("targetPrefix")
        if prefix:
            out[prefix] = service
    return out


def protocol(service):
    """The wire protocol adsso's SDK uses: "json", "query" or "ec2"."""
    meta = model(service)["metadata"]
    return "json" if meta.get("targetPrefix") else meta["protocol"]


def input_shape(service, operation):
    """The name of the operation's input shape; None if the operation has no input; KeyError if
    the service has no such operation."""
    op = model(service)["operations"][operation]
    return op.get("input", {}).get("shape")


def ec2_name(name, member):
    """The ec2 protocol's name for a structure member (botocore's EC2Serializer rule)."""
    if "queryName" in member:
        return member["queryName"]
    if "locationName" in member:
        return member["locationName"][0].upper() + member["locationName"][1:]
    return name


def validate(service, operation, params):
    """Every violation of the operation's input rules by `params` (decoded request), in order."""
    shape = input_shape(service, operation)
    if shape is None:
        return []
    out = []
    _Walker(model(service)["shapes"], out).structure(shape, params, "", "", top=True)
    return out


def _join(prefix, name):
    return f"{prefix}.{name}" if prefix else name


_TYPES = {
    "string": (lambda v: isinstance(v, str), "String"),
    "integer": (lambda v: isinstance(v, int) and not isinstance(v, bool), "Integer"),
    "long": (lambda v: isinstance(v, int) and not isinstance(v, bool), "Long"),
    "float": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "Float"),
    "double": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "Double"),
    "boolean": (lambda v: isinstance(v, bool), "Boolean"),
    "timestamp": (lambda v: isinstance(v, (int, float, str)) and not isinstance(v, bool),
                  "Timestamp"),
    "blob": (lambda v: isinstance(v, str), "Blob"),
    "list": (lambda v: isinstance(v, list), "List"),
    "map": (lambda v: isinstance(v, dict), "Map"),
    "structure": (lambda v: isinstance(v, dict), "Structure"),
}


class _Walker:
    def __init__(self, shapes, out):
        self.shapes = shapes
        self.out = out

    def add(self, kind, path, wire, value, rule, sensitive):
        self.out.append(Violation(kind, path, wire, value, rule, sensitive))

    def value(self, shape_name, value, path, wire):
        shape = self.shapes[shape_name]
        if shape.get("document"):
            return  # a free-form JSON document: any value, no rules
        kind = shape["type"]
        sensitive = bool(shape.get("sensitive"))
        ok, type_name = _TYPES[kind]
        if not ok(value):
            self.add("type", path, wire, value, type_name, sensitive)
            return
        if kind == "structure":
            self.structure(shape_name, value, path, wire)
        elif kind == "list":
            self.length(shape, len(value), value, path, wire, sensitive)
            member = shape["member"]["shape"]
            for i, item in enumerate(value, 1):
                self.value(member, item, f"{path}.{i}.member", f"{wire}.{i}")
        elif kind == "map":
            self.length(shape, len(value), value, path, wire, sensitive)
            for key, item in value.items():
                self.value(shape["key"]["shape"], key, f"{path}.{key}", f"{wire}.{key}")
                self.value(shape["value"]["shape"], item, f"{path}.{key}", f"{wire}.{key}")
        elif kind == "string":
            self.length(shape, len(value), value, path, wire, sensitive)
            if "enum" in shape and value not in shape["enum"]:
                self.add("constraint", path, wire, value,
                         f"Member must satisfy enum value set: [{', '.join(shape['enum'])}]",
                         sensitive)
            if "pattern" in shape and not matches(shape["pattern"], value):
                self.add("constraint", path, wire, value, "Member must satisfy regular "
                         f"expression pattern: {shape['pattern']}", sensitive)
        elif kind == "blob":
            try:
                size = len(base64.b64decode(value, validate=True))
            except (binascii.Error, ValueError):
                self.add("type", path, wire, value, "Blob (base64)", sensitive)
                return
            self.length(shape, size, value, path, wire, sensitive)
        elif kind in ("integer", "long", "float", "double"):
            if "min" in shape and value < shape["min"]:
                self.add("constraint", path, wire, value,
                         f"Member must have value greater than or equal to {shape['min']}",
                         sensitive)
            if "max" in shape and value > shape["max"]:
                self.add("constraint", path, wire, value,
                         f"Member must have value less than or equal to {shape['max']}",
                         sensitive)

    def length(self, shape, size, value, path, wire, sensitive):
        if "min" in shape and size < shape["min"]:
            self.add("constraint", path, wire, value,
                     f"Member must have length greater than or equal to {shape['min']}", sensitive)
        if "max" in shape and size > shape["max"]:
            self.add("constraint", path, wire, value,
                     f"Member must have length less than or equal to {shape['max']}", sensitive)

    def structure(self, shape_name, value, path, wire, top=False):
        shape = self.shapes[shape_name]
        if top and value is None:
            value = {}
        required = set(shape.get("required", []))
        for name, member in shape.get("members", {}).items():
            if member.get("location") in ("header", "headers", "uri", "querystring",
                                          "statusCode"):
                continue  # not in a JSON 1.1 or query body (none of adsso's operations use them)
            m_path = _join(path, name[0].lower() + name[1:])
            m_wire = _join(wire, ec2_name(name, member))
            item = value.get(name)
            if item is None:
                if name in required:
                    self.add("missing", m_path, m_wire, None, "Member must not be null",
                             bool(self.shapes[member["shape"]].get("sensitive")))
                continue
            self.value(member["shape"], item, m_path, m_wire)
