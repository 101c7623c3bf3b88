"""Driver of scripts/bench-assignments: one adsso apply that creates N account assignments against
the emulator with 50 ms latency per call, per creation time given."""
import atexit, json, os, socket, subprocess, sys, tempfile, time, urllib.request

import boto3

adsso, n, creations = sys.argv[1], int(sys.argv[2]), [int(c) for c in sys.argv[3:]]
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
plan = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
plan.close()


def setup():
    by_az = {}
    for sub in boto3.client("ec2", **kw).describe_subnets()["Subnets"]:
        by_az.setdefault(sub["AvailabilityZone"], sub)
    a, b = list(by_az.values())[:2]
    accounts = ", ".join(f'"{210000000000 + i:012d}"' for i in range(n))
    with open(plan.name, "w") as f:
        f.write(f"""apiVersion: adsso/v1
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
    - {{group: AWS-SSO-Users, permissionSet: ReadOnly, accounts: [{accounts}]}}
""")


def apply():
    return subprocess.run([adsso, "apply", plan.name, "--yes"], env=env, capture_output=True, text=True)


rows = []
for creation in creations:
    http("/moto-api/reset", b"")
    setup()
    first = apply()
    assert first.returncode == 3, first.stderr
    directory = boto3.client("ds", **kw).describe_directories()["DirectoryDescriptions"][0]["DirectoryId"]
    http("/_ext/sync", json.dumps({"directoryId": directory, "region": "us-east-1", "groups": ["AWS-SSO-Users"],
                                   "domain": "corp.example.com"}).encode())
    http("/_ext/config", json.dumps({"latencyMs": LATENCY_MS, "assignmentCreationMs": creation}).encode())
    before = len(http("/_ext/calls")["calls"])
    start = time.perf_counter()
    run = apply()
    wall = time.perf_counter() - start
    assert run.returncode == 0, run.stderr
    calls = http("/_ext/calls")["calls"][before:]
    sso = [c for c in calls if c.startswith("SWBExternalService.") or c.startswith("AWSIdentityStore.")]
    creates = sum(c.endswith(".CreateAccountAssignment") for c in calls)
    polls = sum(c.endswith(".DescribeAccountAssignmentCreationStatus") for c in calls)
    stats = http("/_ext/stats")
    # Each creation holds a slot for at least: create call + creation time + (a poll, unless instant).
    slot = LATENCY_MS / 1000 + creation / 1000 + (LATENCY_MS / 1000 if creation else 0)
    bound_outstanding = n * slot / 10
    bound_tps = n * (2 if creation else 1) / 20
    bound = max(bound_outstanding, bound_tps)
    rows.append((creation, wall, bound_outstanding, bound_tps, wall / bound, creates / n, polls / n, len(sso) / n,
                 len(calls), stats["maxOutstandingAssignments"], stats["peakTps"], stats["throttled"]))
os.unlink(plan.name)
print(f"{n} assignments of one group, {LATENCY_MS} ms latency on every call, one run each "
      "(the whole second apply: checks, gate, permission set, assignments).\n")
print("| creation time | wall | bound: 10 outstanding | bound: 20 calls/s | wall / larger bound | creates per assignment | polls per assignment | Identity Center calls per assignment | all calls | max outstanding | peak calls/s | throttled |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r[0]} ms | {r[1]:.1f} s | {r[2]:.1f} s | {r[3]:.1f} s | {r[4]:.2f}x | {r[5]:.2f} | {r[6]:.2f} | {r[7]:.2f} | {r[8]} | {r[9]} | {r[10]} | {r[11]} |")
