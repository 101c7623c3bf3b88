//! Writing the wizard's plan: YAML with the schema modeline first, mode 0600 from the moment
//! the file exists (it holds no secret, but it does describe your network).

use std::io::Write;
#[cfg(unix)]
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::plan::Plan;
use crate::plan::schema::SCHEMA_MODELINE;

/// The text of a saved plan.
pub fn plan_text(plan: &Plan) -> String {
    let yaml = serde_saphyr::to_string(plan).unwrap_or_default();
    format!(
        "{SCHEMA_MODELINE}\n# Written by `adsso wizard`. Check it with `adsso validate`.\n{yaml}"
    )
}

/// Writes `plan` to `path` with mode 0600 (an existing file is replaced and tightened).
pub fn save(plan: &Plan, path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut file = options.open(path)?;
    #[cfg(unix)]
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(plan_text(plan).as_bytes())?;
    file.sync_all()
}
