//! The wizard's "check connectivity": runs preflight for the draft's plan (DNS, ports,
//! Kerberos; the LDAP bind when the service account password variable is set) with the
//! defaults of [`run_with_defaults`], and returns the checklist as text.

use crate::plan::{Plan, SecretRef};
use crate::preflight::run::run_with_defaults;

/// Runs the check; returns the checklist and whether nothing failed. Blocks: call it from a
/// background thread.
pub fn check(plan: &Plan) -> (String, bool) {
    let password = plan.connection.ad_connector.as_ref().and_then(|connector| {
        match &connector.service_account.password {
            SecretRef::Env(_) => crate::secrets::resolve(
                &connector.service_account.password,
                "service account password",
            )
            .ok(),
            SecretRef::File(_) | SecretRef::Prompt => None,
        }
    });
    match run_with_defaults(plan, password.as_ref()) {
        Ok(report) => (report.render_text(), report.passed()),
        Err(reason) => (reason, false),
    }
}
