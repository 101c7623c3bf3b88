"""Driver of scripts/bench-org: GROUPS AD groups each assigned one permission set in every account
of an organization of ACCOUNTS accounts in nested OUs (10 top-level OUs, 5 OUs under each), through
one `organizationalUnits: [r-...]` target per group, against the emulator with 50 ms latency on
every call. Measures the apply that creates them (wall, bound, calls, peak RSS) and the re-run that
finds them all in place."""
import atexit, json, os, socket, subprocess, sys, tempfile, time, urllib.request

import boto3

adsso, groups, accounts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
LATENCY_MS = 50
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
url = f"http://127.0.0.1:{port}"
server = subprocess.Popen([sys.executable, "tests/peers/moto_ext.py", "-p", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
atexit.register(server.kill)
env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_REGION="us-east-1",
           AWS_ENDPOINT_URL=url, AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/nonexistent",
           AWS_SHARED_CREDENTIALS_FILE="/nonexistent", ADSSO_SERVICE_ACCOUNT_PASSWORD="Bench-Passw0rd!",
           ADSSO_POLL_INITIAL_MS="50", NO_COLOR="1")


def http(path, body=None):
    req = urllib.request.Request(url + path, data=body, method="POST" if body is not None else "GET")
    return json.loads(urllib.request.urlopen(req).read() or b"{}")


for _ in range(200):
    try:
        http("/_ext/ping"); break
    except OSError:
        time.sleep(0.1)

kw = dict(endpoint_url=url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
org = boto3.client("organizations", **kw)
org.create_organization(FeatureSet="ALL")
root = org.list_roots()["Roots"][0]["Id"]
leaves = []
for top in range(10):
    parent = org.create_organizational_unit(ParentId=root, Name=f"Unit{top}")["OrganizationalUnit"]["Id"]
    for child in range(5):
        leaves.append(org.create_organizational_unit(ParentId=parent, Name=f"Team{child}")["OrganizationalUnit"]["Id"])
for i in range(accounts - 1):  # the management account is one of them
    created = org.create_account(AccountName=f"acct{i}", Email=f"acct{i}@example.com")
    account = created["CreateAccountStatus"]["AccountId"]
    org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=leaves[i % len(leaves)])
units = 1 + 10 + 10 * 5

by_az = {}
for sub in boto3.client("ec2", **kw).describe_subnets()["Subnets"]:
    by_az.setdefault(sub["AvailabilityZone"], sub)
a, b = list(by_az.values())[:2]
names = [f"Team-{g}" for g in range(groups)]
plan = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
plan.write(f"""apiVersion: adsso/v1
kind: Plan
metadata: {{name: bench}}
aws: {{region: us-east-1, accountId: "123456789012"}}
selfManaged: {{domain: corp.example.com, netbiosName: CORP, dnsServers: [10.0.0.10, 10.0.0.11]}}
connection:
  mode: ad-connector
  adConnector:
    size: Small
    vpcId: {a["VpcId"]}
    subnetIds: [{a["SubnetId"]}, {b["SubnetId"]}]
    serviceAccount: {{userName: svc-adconnector, password: {{env: ADSSO_SERVICE_ACCOUNT_PASSWORD}}}}
identityCenter:
  permissionSets:
    - {{name: ReadOnly, sessionDuration: PT8H, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}}
  assignments:
""" + "".join(f"    - {{group: {g}, permissionSet: ReadOnly, organizationalUnits: [{root}]}}\n" for g in names))
plan.close()
if os.environ.get("BENCH_SHOW_PLAN"):
    print(open(plan.name).read(), file=sys.stderr)


def timeline(calls, times):
    """Prints the run's calls as runs of one service: when the run began (seconds after the
    first call), how many calls, and the operation names."""
    start, runs = times[0], []
    for call, at in zip(calls, times):
        service, operation = call.split(".", 1)
        if runs and runs[-1][0] == service:
            runs[-1][2].append(operation)
        else:
            runs.append((service, at - start, [operation]))
    for service, at, operations in runs:
        names = sorted(set(operations))
        print(f"{at:7.3f} s  {len(operations):4d}  {service}: {', '.join(names)}", file=sys.stderr)
    print(f"{times[-1] - start:7.3f} s  last call received", file=sys.stderr)


def apply():
    """One `adsso apply --yes`: its result, wall time and peak RSS. The peak is the process's own
    VmHWM, read from /proc while it runs (wait4's ru_maxrss would count this Python process,
    whose memory the child shares until it execs)."""
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    start = time.perf_counter()
    child = subprocess.Popen([adsso, "apply", plan.name, "--yes"], env=env, stdout=out, stderr=err)
    peak_kb = 0
    while child.poll() is None:
        try:
            with open(f"/proc/{child.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - start
    err.seek(0)
    child.stderr = err.read().decode(errors="replace")
    return child, wall, peak_kb


first, _, _ = apply()
assert first.returncode == 3, first.stderr
directory = boto3.client("ds", **kw).describe_directories()["DirectoryDescriptions"][0]["DirectoryId"]
http("/_ext/sync", json.dumps({"directoryId": directory, "region": "us-east-1", "groups": names,
                               "domain": "corp.example.com"}).encode())
http("/_ext/config", json.dumps({"latencyMs": LATENCY_MS}).encode())
rows = []
for label in ("create", "re-run"):
    before = len(http("/_ext/calls")["calls"])
    run, wall, rss = apply()
    assert run.returncode == 0, run.stderr[-3000:]
    if os.environ.get("BENCH_SHOW_RUNS"):
        print(run.stderr, file=sys.stderr)
    log = http("/_ext/calls?timed=1")
    calls, times = log["calls"][before:], log["times"][before:]
    if os.environ.get("BENCH_TIMELINE") and label == "re-run":
        timeline(calls, times)
    # Identity Center's calls (sso-admin and the identity store), by receive time.
    rated_times = [t for c, t in zip(calls, times)
                   if c.startswith(("SWBExternalService.", "AWSIdentityStore."))]
    peak, first = 0, 0
    for last, at in enumerate(rated_times):  # most Identity Center calls received in any 1 s
        while at - rated_times[first] >= 1.0:
            first += 1
        peak = max(peak, last - first + 1)
    creates = sum(c.endswith(".CreateAccountAssignment") for c in calls)
    org_calls = sum(c.startswith("AWSOrganizationsV20161128.") for c in calls)
    # The bound Identity Center sets: its calls at 20 per second, and (creating) 10 creations
    # outstanding each holding a slot for one call's latency.
    bound_tps = len(rated_times) / 20
    bound_outstanding = creates * (LATENCY_MS / 1000) / 10
    bound = max(bound_tps, bound_outstanding)
    rows.append((label, wall, bound, wall / bound, creates, len(rated_times), org_calls, len(calls), rss / 1024,
                 peak))
os.unlink(plan.name)
n = groups * accounts
print(f"{groups} groups x {accounts} accounts = {n} assignments through one root target per group; "
      f"{units} OUs ({accounts} accounts in 50 leaf OUs two levels down); {LATENCY_MS} ms latency on every "
      "call; one run each (the whole apply: checks, OU resolution, gate, permission set, assignments).\n")
print("| run | wall | bound (Identity Center calls at 20/s) | wall / bound | creates | Identity Center calls | peak Identity Center calls in 1 s | Organizations calls | all calls | adsso peak RSS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r[0]} | {r[1]:.1f} s | {r[2]:.1f} s | {r[3]:.2f}x | {r[4]} | {r[5]} | {r[9]} | {r[6]} | {r[7]} | {r[8]:.1f} MB |")
