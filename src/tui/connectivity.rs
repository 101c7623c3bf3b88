//! The wizard's "check connectivity": runs preflight for the draft's plan (DNS, ports,
//! Kerberos; the LDAP bind when the service account password variable is set) with the
//! system's TLS roots and a 3 s probe timeout, and returns the checklist as text.

use std::time::Duration;

use crate::plan::{Plan, SecretRef};
use crate::preflight::ldap::{PlainLdap, tls_config};
use crate::preflight::run::{Options, run};

/// The per-probe timeout of the wizard's check.
pub const TIMEOUT: Duration = Duration::from_secs(3);

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
    let tls = match tls_config(None) {
        Ok(tls) => tls,
        Err(reason) => return (reason, false),
    };
    let options = Options {
        timeout: TIMEOUT,
        tls,
        plain: PlainLdap::Refuse,
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return (error.to_string(), false),
    };
    let report = runtime.block_on(run(plan, password.as_ref(), &options));
    (report.render_text(), report.passed())
}
