"""Patches moto's AWS Organizations for adsso's tests: with the switch
`organizationManagementAccount` set (POST /_ext/config), DescribeOrganization names that account
as the management account, so the caller (123456789012) acts as a delegated administrator would:
a member account of the organization that is not its management account.

Importing this module patches moto."""
from moto.organizations import models as orgm

from ext_state import _config, _lock

_describe = orgm.FakeOrganization.describe


def _describe_with_switch(self):
    answer = _describe(self)
    with _lock:
        management = _config.get("organizationManagementAccount") or ""
    if management:
        organization = answer["Organization"]
        organization["MasterAccountId"] = management
        organization["MasterAccountArn"] = organization["MasterAccountArn"].replace(
            self.master_account_id, management)
    return answer


orgm.FakeOrganization.describe = _describe_with_switch
