//! The AWS emulator peer: moto 5.2.5 (pinned, in `.venv-moto`) plus adsso's extension server
//! `tests/peers/moto_ext.py`, strict: it refuses what AWS's input rules (botocore 1.44.8's models,
//! pinned) refuse. Each [`Peer`] is one server on a free 127.0.0.1 port, started
//! fresh (so tests never share state), reset on start, and killed by its PID on drop.
//! If the peer cannot start, the test fails with the reason: it never skips.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::{Run, crate_dir};

/// The pinned emulator version.
pub const MOTO_VERSION: &str = "5.2.5";
/// jsonschema, pinned: `tests/peers/schema_check.py` checks plans against the JSON Schema.
pub const JSONSCHEMA_VERSION: &str = "4.25.1";
/// The pinned botocore (and boto3): the strict emulator checks every request against its models,
/// which are also the source of `src/plan/rules/aws_model.rs`.
pub const BOTOCORE_VERSION: &str = "1.44.8";
/// The account moto answers for.
pub const ACCOUNT: &str = "123456789012";
/// The Region every test uses.
pub const REGION: &str = "us-east-1";

/// The venv's python, created on first use (`scripts/test` creates it beforehand).
pub fn python() -> PathBuf {
    static READY: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    READY
        .get_or_init(ensure_venv)
        .clone()
        .unwrap_or_else(|reason| panic!("the moto peer cannot be installed: {reason}"))
}

fn ensure_venv() -> Result<PathBuf, String> {
    let venv = crate_dir().join(".venv-moto");
    let python = venv.join("bin").join("python");
    let installed = Command::new(&python)
        .args([
            "-c",
            "import importlib.metadata as m, moto, botocore, boto3, flask, flask_cors, jsonschema; \
             print(moto.__version__, botocore.__version__, boto3.__version__, m.version('jsonschema'))",
        ])
        .output()
        .is_ok_and(|out| {
            String::from_utf8_lossy(&out.stdout).trim()
                == format!("{MOTO_VERSION} {BOTOCORE_VERSION} {BOTOCORE_VERSION} {JSONSCHEMA_VERSION}")
        });
    if installed {
        return Ok(python);
    }
    let run = |program: &Path, args: &[&str]| -> Result<(), String> {
        let out = Command::new(program)
            .args(args)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{} {}` failed: {}",
                program.display(),
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    };
    let venv_text = venv.display().to_string();
    run(Path::new("python3"), &["-m", "venv", &venv_text])
        .map_err(|e| format!("{e} (on Debian: apt-get install python3-venv)"))?;
    run(
        &venv.join("bin").join("pip"),
        &[
            "install",
            "-q",
            &format!("moto=={MOTO_VERSION}"),
            &format!("botocore=={BOTOCORE_VERSION}"),
            &format!("boto3=={BOTOCORE_VERSION}"),
            "flask",
            "flask-cors",
            &format!("jsonschema=={JSONSCHEMA_VERSION}"),
        ],
    )?;
    Ok(python)
}

/// Which server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavor {
    /// moto with `tests/peers/moto_ext.py`.
    Extended,
    /// `moto_server` as published.
    Plain,
}

/// A running emulator.
pub struct Peer {
    child: Child,
    port: u16,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .unwrap_or_else(|e| panic!("no free local port: {e}"))
}

impl Peer {
    /// Starts a fresh emulator with adsso's extension and waits until it answers (at most 60 s).
    pub fn start() -> Peer {
        Peer::launch(Flavor::Extended)
    }

    /// Starts plain `moto_server` (no extension: no call log, no switches, no faults).
    pub fn start_plain() -> Peer {
        Peer::launch(Flavor::Plain)
    }

    fn launch(flavor: Flavor) -> Peer {
        let python = python();
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("moto.log");
        let port = free_port();
        let log_file = std::fs::File::create(&log).unwrap();
        let mut command = match flavor {
            Flavor::Extended => {
                let mut command = Command::new(python);
                command.arg(crate_dir().join("tests").join("peers").join("moto_ext.py"));
                command
            }
            Flavor::Plain => Command::new(python.with_file_name("moto_server")),
        };
        let child = command
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the moto peer: {e}"));
        let mut peer = Peer {
            child,
            port,
            log,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = peer.child.try_wait() {
                panic!(
                    "the moto peer exited ({status}) before answering:\n{}",
                    peer.log_text()
                );
            }
            let probe = match flavor {
                Flavor::Extended => "/_ext/ping",
                Flavor::Plain => "/moto-api/",
            };
            if peer
                .try_request("GET", probe, "")
                .is_ok_and(|(code, _)| code == 200)
            {
                break;
            }
            if Instant::now() > deadline {
                panic!(
                    "the moto peer did not answer within 60 s:\n{}",
                    peer.log_text()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        peer.post("/moto-api/reset", "");
        peer
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The endpoint URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn try_request(&self, method: &str, path: &str, body: &str) -> std::io::Result<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )?;
        let mut response = String::new();
        stream.read_to_string(&mut response)?;
        let code = response
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        Ok((code, body))
    }

    /// POSTs a switch; panics unless it answers 200.
    pub fn post(&self, path: &str, body: &str) -> String {
        let (code, text) = self
            .try_request("POST", path, body)
            .unwrap_or_else(|e| panic!("POST {path} failed: {e}"));
        assert_eq!(code, 200, "POST {path} {body}: {text}");
        text
    }

    /// Every call the emulator received since the reset (`Service.Operation` targets).
    pub fn calls(&self) -> Vec<String> {
        let (_, text) = self.try_request("GET", "/_ext/calls", "").unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["calls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    }

    /// How many received calls end with `.operation`.
    pub fn count(&self, operation: &str) -> usize {
        let suffix = format!(".{operation}");
        self.calls().iter().filter(|c| c.ends_with(&suffix)).count()
    }

    /// Runs python (boto3 against this peer) and returns its standard output, parsed as JSON.
    pub fn boto(&self, code: &str) -> serde_json::Value {
        let script = format!(
            "import boto3, json\nkw = dict(endpoint_url='{}', region_name='{REGION}', aws_access_key_id='test', aws_secret_access_key='test')\n{code}",
            self.url()
        );
        let out = Command::new(python())
            .args(["-c", &script])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "boto3 failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "boto3 printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// The default VPC and two of its subnets in different Availability Zones.
    pub fn network(&self) -> (String, [String; 2]) {
        let value = self.boto(
            "ec2 = boto3.client('ec2', **kw)\nsubs = ec2.describe_subnets()['Subnets']\nby_az = {}\nfor s in subs: by_az.setdefault(s['AvailabilityZone'], s)\npick = list(by_az.values())[:2]\nprint(json.dumps({'vpc': pick[0]['VpcId'], 'subnets': [p['SubnetId'] for p in pick]}))",
        );
        let subnet = |i: usize| value["subnets"][i].as_str().unwrap().to_owned();
        (
            value["vpc"].as_str().unwrap().to_owned(),
            [subnet(0), subnet(1)],
        )
    }

    /// A fresh VPC (10.42.0.0/16) with two subnets in different Availability Zones.
    pub fn fresh_network(&self) -> (String, [String; 2]) {
        let value = self.boto(
            "ec2 = boto3.client('ec2', **kw)\nvpc = ec2.create_vpc(CidrBlock='10.42.0.0/16')['Vpc']['VpcId']\nsubs = [ec2.create_subnet(VpcId=vpc, CidrBlock=f'10.42.{i}.0/24', AvailabilityZone=az)['Subnet']['SubnetId'] for i, az in enumerate(['us-east-1a', 'us-east-1b'])]\nprint(json.dumps({'vpc': vpc, 'subnets': subs}))",
        );
        let subnet = |i: usize| value["subnets"][i].as_str().unwrap().to_owned();
        (
            value["vpc"].as_str().unwrap().to_owned(),
            [subnet(0), subnet(1)],
        )
    }

    /// Every directory: (id, name, type, stage).
    pub fn directories(&self) -> Vec<(String, String, String, String)> {
        let value = self.boto(
            "ds = boto3.client('ds', **kw)\nprint(json.dumps([[d['DirectoryId'], d['Name'], d['Type'], d['Stage']] for d in ds.describe_directories()['DirectoryDescriptions']]))",
        );
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let s = |i: usize| d[i].as_str().unwrap().to_owned();
                (s(0), s(1), s(2), s(3))
            })
            .collect()
    }

    /// Every trust of a directory: (id, remote domain, direction, state).
    pub fn trusts(&self, directory_id: &str) -> Vec<(String, String, String, String)> {
        let value = self.boto(&format!(
            "ds = boto3.client('ds', **kw)\nprint(json.dumps([[t['TrustId'], t['RemoteDomainName'], t['TrustDirection'], t['TrustState']] for t in ds.describe_trusts(DirectoryId='{directory_id}')['Trusts']]))"
        ));
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let s = |i: usize| t[i].as_str().unwrap().to_owned();
                (s(0), s(1), s(2), s(3))
            })
            .collect()
    }

    /// Makes the identity store show `groups` synced from `directory_id` (display names
    /// `<group>@<domain>`) and returns their group ids, in the order given. The ids are the same
    /// for the same directory and group on every run, and work as `PrincipalId` (GROUP) in
    /// sso-admin. Fast for many groups (one request).
    pub fn sync(&self, directory_id: &str, domain: &str, groups: &[&str]) -> Vec<String> {
        let body = serde_json::json!({
            "directoryId": directory_id,
            "region": REGION,
            "domain": domain,
            "groups": groups,
        });
        let text = self.post("/_ext/sync", &body.to_string());
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["groupIds"]
            .as_array()
            .unwrap_or_else(|| panic!("POST /_ext/sync answered no groupIds: {text}"))
            .iter()
            .map(|id| id.as_str().unwrap().to_owned())
            .collect()
    }

    /// Sets emulator switches (POST `/_ext/config`, a JSON object; panics unless accepted).
    /// Only the keys given change; unknown keys are refused. Keys (defaults):
    /// `directoryCreatingReads` (0), `failDirectories` (false), `latencyMs` (0: every AWS call
    /// sleeps that long first, concurrently), `assignmentCreationMs` (0: CreateAccountAssignment
    /// answers IN_PROGRESS and completes, and is listed, that many ms later),
    /// `maxOutstandingAssignments` (10: one more creation IN_PROGRESS is refused with
    /// ThrottlingException), `failAssignmentPrincipals` ([]: their creations end FAILED and are
    /// not stored), `tpsLimit` (0 = off: sso-admin + identitystore calls beyond that many in the
    /// trailing second are refused with ThrottlingException "Rate exceeded").
    pub fn config(&self, json: &str) {
        let text = self.post("/_ext/config", json);
        assert!(text.contains("\"ok\""), "POST /_ext/config {json}: {text}");
    }

    /// The emulator's counters since the reset (GET `/_ext/stats`): `maxOutstandingAssignments`
    /// (most creations IN_PROGRESS at any accepted create), `peakTps` (most sso-admin +
    /// identitystore calls received within any 1 s window), `throttled` (calls refused by
    /// `tpsLimit` or the outstanding limit), `assignmentCreates` (CreateAccountAssignment calls
    /// accepted), `duplicateAssignments` (creates that stored a copy of an assignment already
    /// stored).
    pub fn stats(&self) -> serde_json::Value {
        let (code, text) = self
            .try_request("GET", "/_ext/stats", "")
            .unwrap_or_else(|e| panic!("GET /_ext/stats failed: {e}"));
        assert_eq!(code, 200, "GET /_ext/stats: {text}");
        serde_json::from_str(&text).unwrap()
    }

    /// Every stored account assignment of the instance (account [`ACCOUNT`], Region [`REGION`]),
    /// in creation order, as (account id, permission set ARN, principal id). A duplicate appears
    /// as often as it is stored; creations still IN_PROGRESS are included, FAILED ones never are.
    pub fn assignments(&self) -> Vec<(String, String, String)> {
        let path = format!("/_ext/assignments?account={ACCOUNT}&region={REGION}");
        let (code, text) = self
            .try_request("GET", &path, "")
            .unwrap_or_else(|e| panic!("GET {path} failed: {e}"));
        assert_eq!(code, 200, "GET {path}: {text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let s = |key: &str| a[key].as_str().unwrap_or_default().to_owned();
                (s("accountId"), s("permissionSetArn"), s("principalId"))
            })
            .collect()
    }

    /// Runs `adsso` against this peer with test credentials and fast polling.
    pub fn adsso(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let started = Instant::now();
        let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_adsso"));
        command
            .args(args)
            .args(["--endpoint-url", &self.url()])
            .env("NO_COLOR", "1")
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("AWS_REGION", REGION)
            .env("AWS_ENDPOINT_URL", self.url())
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                "/nonexistent/adsso-test-credentials",
            )
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_SESSION_TOKEN")
            .env("ADSSO_POLL_INITIAL_MS", "20")
            .env("ADSSO_POLL_MAX_MS", "100")
            .env("ADSSO_RETRY_INITIAL_BACKOFF_MS", "10")
            .timeout(Duration::from_secs(120));
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().unwrap();
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            elapsed: started.elapsed(),
        }
    }
}
