//! The real Samba 4 AD domain controller the preflight tests run against, started once per test
//! process by `tests/peers/samba-dc.sh up` in its own network namespace (root needed). A DC left
//! running by an earlier run is reused; `scripts/test` stops it afterwards. If the DC cannot
//! start, every test that needs it fails with the script's output: nothing is skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// What the DC script printed: `AD_DOMAIN`, `AD_DC_IP`, `AD_SVC_PW`, `AD_CA_PEM`...
#[derive(Debug, Clone)]
pub struct Dc {
    values: HashMap<String, String>,
}

impl Dc {
    /// One value the script printed.
    pub fn get(&self, key: &str) -> &str {
        self.values
            .get(key)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("the DC script did not print {key}"))
    }

    /// The CA certificate that issued the DC's certificate.
    pub fn ca_pem(&self) -> PathBuf {
        PathBuf::from(self.get("AD_CA_PEM"))
    }

    /// Runs a command inside the DC's network namespace (e.g. `nft`), panicking on failure.
    pub fn in_namespace(&self, args: &[&str]) {
        let output = Command::new("ip")
            .args(["netns", "exec", "samba-dc"])
            .args(args)
            .output()
            .expect("ip netns exec");
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers/samba-dc.sh")
}

fn env_file() -> PathBuf {
    let dir = std::env::var("SDC_DIR").unwrap_or_else(|_| {
        format!(
            "{}/samba-dc",
            std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".into())
        )
    });
    PathBuf::from(dir).join("env")
}

fn parse(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// The version of the DC's fixtures (`AD_SEED` in `tests/peers/samba-dc.sh`).
const SEED: &str = "2";

/// A DC left by an earlier run, if its samba process is still alive.
fn running() -> Option<Dc> {
    let values = parse(&std::fs::read_to_string(env_file()).ok()?);
    // A DC seeded by an older script lacks the fixtures of today's tests: start a new one.
    if values.get("AD_SEED").map(String::as_str) != Some(SEED) {
        return None;
    }
    let pid = values.get("SAMBA_PID")?;
    Path::new(&format!("/proc/{pid}"))
        .exists()
        .then_some(Dc { values })
}

fn start() -> Result<Dc, String> {
    if let Some(dc) = running() {
        return Ok(dc);
    }
    let _ = Command::new("bash").arg(script()).arg("down").output();
    let output = Command::new("bash")
        .arg(script())
        .arg("up")
        .output()
        .map_err(|error| format!("cannot run {}: {error}", script().display()))?;
    if !output.status.success() {
        return Err(format!(
            "the Samba AD DC did not start (it needs root, network namespaces and Debian's samba packages):\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(Dc {
        values: parse(&String::from_utf8_lossy(&output.stdout)),
    })
}

/// The DC, started on first use. Panics with the reason when it cannot start.
pub fn dc() -> &'static Dc {
    static DC: OnceLock<Result<Dc, String>> = OnceLock::new();
    match DC.get_or_init(start) {
        Ok(dc) => dc,
        Err(reason) => panic!("{reason}"),
    }
}
