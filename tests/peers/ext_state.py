"""The extension server's shared state: switches, fault specs, call log, Identity Center
bookkeeping, statistics (see moto_ext.py for what each does). One lock guards all of it; the
containers are only ever mutated in place, so modules may import them by name."""
import collections
import copy
import threading

_lock = threading.Lock()
_DEFAULTS = {"directoryCreatingReads": 0, "failDirectories": False, "latencyMs": 0,
             "assignmentCreationMs": 0, "maxOutstandingAssignments": 10,
             "failAssignmentPrincipals": [], "tpsLimit": 0, "organizationManagementAccount": ""}
_config = {}
_onprem_ready = set()  # remote domain names whose on-premises side of the trust exists
_faults = {}  # target -> spec
_calls = []  # targets received
_call_times = []  # time.monotonic() of each of _calls, when received
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
        _call_times.clear()
        _requests.clear()
        _in_flight.clear()
        _provisioning.clear()
        _received.clear()
        _accepted.clear()
        _stats.clear()
        _stats.update(_STATS_ZERO)


_reset_ext()
