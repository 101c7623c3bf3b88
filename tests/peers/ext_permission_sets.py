"""Permission set additions to moto (see moto_ext.py): what moto 5.2.5 lacks for a permission
set's permissions boundary and tags, and UpdatePermissionSet as AWS does it. Importing this
module patches moto.

  * Put/Get/DeletePermissionsBoundary(To|For|From)PermissionSet: one boundary per set, an AWS
    managed policy ARN or a customer managed policy reference (Path "/" when not given); Get and
    Delete answer ResourceNotFoundException when the set has none (as AWS does).
  * TagResource / UntagResource / ListTagsForResource on permission set ARNs (the tags given to
    CreatePermissionSet included); TagResource replaces the value of a key already there; an
    unknown ARN answers ResourceNotFoundException.
  * UpdatePermissionSet changes only the members given (moto clears Description and RelayState
    and resets SessionDuration to one hour when they are absent).
"""
import json

from moto.ssoadmin.exceptions import ResourceNotFoundException
from moto.ssoadmin.models import PermissionSet
from moto.ssoadmin.responses import SSOAdminResponse


def _find(response, arn):
    """The permission set with this ARN in the caller's backend."""
    for permission_set in response.ssoadmin_backend.permission_sets:
        if permission_set.permission_set_arn == arn:
            return permission_set
    raise ResourceNotFoundException(f"Could not find permission set with arn {arn}")


def update_permission_set(self):
    permission_set = _find(self, self._get_param("PermissionSetArn"))
    for member, attribute in (("Description", "description"),
                              ("SessionDuration", "session_duration"),
                              ("RelayState", "relay_state")):
        value = self._get_param(member)
        if value is not None:
            setattr(permission_set, attribute, value)
    return "{}"


def put_permissions_boundary_to_permission_set(self):
    permission_set = _find(self, self._get_param("PermissionSetArn"))
    boundary = dict(self._get_param("PermissionsBoundary") or {})
    reference = boundary.get("CustomerManagedPolicyReference")
    if reference is not None:
        boundary["CustomerManagedPolicyReference"] = {"Name": reference["Name"],
                                                      "Path": reference.get("Path", "/")}
    permission_set.ext_boundary = boundary
    return "{}"


def _boundary(permission_set):
    boundary = getattr(permission_set, "ext_boundary", None)
    if not boundary:
        raise ResourceNotFoundException(
            f"Permissions boundary not found for {permission_set.permission_set_arn}")
    return boundary


def get_permissions_boundary_for_permission_set(self):
    permission_set = _find(self, self._get_param("PermissionSetArn"))
    return json.dumps({"PermissionsBoundary": _boundary(permission_set)})


def delete_permissions_boundary_from_permission_set(self):
    permission_set = _find(self, self._get_param("PermissionSetArn"))
    _boundary(permission_set)
    permission_set.ext_boundary = None
    return "{}"


def _tags(permission_set):
    if permission_set.tags is None:
        permission_set.tags = []
    return permission_set.tags


def tag_resource(self):
    permission_set = _find(self, self._get_param("ResourceArn"))
    tags = _tags(permission_set)
    for tag in self._get_param("Tags") or []:
        tags[:] = [t for t in tags if t["Key"] != tag["Key"]]
        tags.append({"Key": tag["Key"], "Value": tag.get("Value", "")})
    return "{}"


def untag_resource(self):
    permission_set = _find(self, self._get_param("ResourceArn"))
    keys = set(self._get_param("TagKeys") or [])
    tags = _tags(permission_set)
    tags[:] = [t for t in tags if t["Key"] not in keys]
    return "{}"


def list_tags_for_resource(self):
    permission_set = _find(self, self._get_param("ResourceArn"))
    return json.dumps({"Tags": list(_tags(permission_set))})


for fn in (update_permission_set, put_permissions_boundary_to_permission_set,
           get_permissions_boundary_for_permission_set,
           delete_permissions_boundary_from_permission_set, tag_resource, untag_resource,
           list_tags_for_resource):
    setattr(SSOAdminResponse, fn.__name__, fn)
PermissionSet.ext_boundary = None
