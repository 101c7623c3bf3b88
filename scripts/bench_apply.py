"""Driver of scripts/bench-apply: wall time and API calls of an AD Connector apply (up to the
identity-source gate) by adsso and by an aws CLI script making the same calls."""
import atexit, json, os, socket, statistics, subprocess, sys, tempfile, time, urllib.request

adsso, aws, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
url = f"http://127.0.0.1:{port}"
server = subprocess.Popen([sys.executable, "tests/peers/moto_ext.py", "-p", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
atexit.register(server.kill)  # also when a run fails
env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
           AWS_REGION="us-east-1", AWS_ENDPOINT_URL=url, AWS_EC2_METADATA_DISABLED="true",
           AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
           ADSSO_SERVICE_ACCOUNT_PASSWORD="Bench-Passw0rd!", ADSSO_POLL_INITIAL_MS="200")


def http(path, body=None):
    req = urllib.request.Request(url + path, data=body, method="POST" if body is not None else "GET")
    return urllib.request.urlopen(req).read()


for _ in range(200):
    try:
        http("/_ext/ping"); break
    except OSError:
        time.sleep(0.1)


def reset():
    http("/moto-api/reset", b"")


def awscli(*args):
    out = subprocess.run([aws, *args, "--output", "json"], env=env, check=True, capture_output=True)
    return json.loads(out.stdout or b"{}")


plan = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
plan.close()
vpc = s1 = s2 = ""


def setup():
    """Reads the default VPC's subnets (ids change on every reset) and writes the plan."""
    global vpc, s1, s2
    by_az = {}
    for sub in awscli("ec2", "describe-subnets")["Subnets"]:
        by_az.setdefault(sub["AvailabilityZone"], sub)
    pick = list(by_az.values())[:2]
    vpc, s1, s2 = pick[0]["VpcId"], pick[0]["SubnetId"], pick[1]["SubnetId"]
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
    vpcId: {vpc}
    subnetIds: [{s1}, {s2}]
    serviceAccount: {{userName: svc-adconnector, password: {{env: ADSSO_SERVICE_ACCOUNT_PASSWORD}}}}
""")


def cli_script():
    """The same calls, one aws CLI process each."""
    awscli("sts", "get-caller-identity")
    store = awscli("sso-admin", "list-instances")["Instances"][0]["IdentityStoreId"]
    awscli("ec2", "describe-subnets", "--subnet-ids", s1, s2)
    awscli("ds", "describe-directories")
    did = awscli("ds", "connect-directory", "--name", "corp.example.com", "--short-name", "CORP",
                 "--password", env["ADSSO_SERVICE_ACCOUNT_PASSWORD"], "--size", "Small",
                 "--connect-settings", json.dumps({"VpcId": vpc, "SubnetIds": [s1, s2],
                                                   "CustomerDnsIps": ["10.0.0.10", "10.0.0.11"],
                                                   "CustomerUserName": "svc-adconnector"}),
                 "--tags", "Key=adsso:plan,Value=bench")["DirectoryId"]
    while awscli("ds", "describe-directories", "--directory-ids", did)["DirectoryDescriptions"][0]["Stage"] != "Active":
        time.sleep(0.2)
    awscli("identitystore", "list-groups", "--identity-store-id", store)


def adsso_apply():
    out = subprocess.run([adsso, "apply", plan.name, "--yes"], env=env, capture_output=True)
    assert out.returncode == 3, out.stderr.decode()


results = {}
for label, fn in (("adsso apply", adsso_apply), ("aws CLI script", cli_script)):
    times, calls = [], []
    for _ in range(runs):
        reset()
        setup()
        before = len(json.loads(http("/_ext/calls"))["calls"])
        start = time.perf_counter(); fn(); times.append(time.perf_counter() - start)
        calls.append(len(json.loads(http("/_ext/calls"))["calls"]) - before)
    results[label] = (statistics.median(times), min(times), max(times), statistics.median(calls))
server.kill()
os.unlink(plan.name)
base = results["adsso apply"][0]
print(f"AD Connector apply up to the identity-source gate, {runs} runs each, emulator reset before each run.\n")
print("| what | median | min | max | API calls | median / adsso |")
print("|---|---:|---:|---:|---:|---:|")
for label, (med, lo, hi, calls) in results.items():  # noqa: B007
    print(f"| {label} | {med*1000:.0f} ms | {lo*1000:.0f} ms | {hi*1000:.0f} ms | {calls:.0f} | {med/base:.1f}x |")
