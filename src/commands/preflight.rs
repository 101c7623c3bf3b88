//! `adsso preflight FILE [--domain D] [--bind-user U --bind-password-env VAR]`: validates the
//! plan, resolves the service account password (AD Connector mode) or the bind account's (trust
//! mode, optional), runs the checks of every domain (or of `--domain`'s) and prints
//! the checklist. Exit 0 when nothing failed.

use std::io::Write;

use super::{CommandError, Outcome, load_valid, pick_domain};
use crate::cli::{OutputFormat, PreflightArgs};
use crate::plan::SecretRef;
use crate::preflight::ldap::{PlainLdap, tls_config};
use crate::preflight::run::{BindAccount, Options, run_domains};
use crate::secrets;

/// Runs preflight for the plan in `args.file`.
pub fn run(args: &PreflightArgs) -> Result<Outcome, CommandError> {
    let Some(plan) = load_valid(&args.file)? else {
        return Ok(Outcome::Invalid);
    };
    let only = pick_domain(&plan, args.domain.as_deref())?;
    let password = match &plan.connection.ad_connector {
        Some(connector) => Some(secrets::resolve(
            &connector.service_account.password,
            "service account password",
        )?),
        None => None,
    };
    let bind = match (&args.bind_user, &args.bind_password_env) {
        (Some(_), _) if plan.connection.ad_connector.is_some() => {
            return Err(CommandError::BindUserWithConnector);
        }
        (Some(user), Some(variable)) => Some(BindAccount {
            user: user.clone(),
            password: secrets::resolve(&SecretRef::Env(variable.clone()), "--bind-user password")?,
        }),
        _ => None,
    };
    let ca_pem =
        match &args.ca_file {
            Some(path) => Some(crate::files::read(path, crate::files::CA_BUNDLE).map_err(
                |error| CommandError::CaFile {
                    path: path.clone(),
                    reason: error.to_string(),
                },
            )?),
            None => None,
        };
    let tls = tls_config(ca_pem.as_deref()).map_err(|reason| CommandError::CaFile {
        path: args.ca_file.clone().unwrap_or_default(),
        reason,
    })?;
    let options = Options {
        timeout: args.timeout,
        tls,
        plain: if args.allow_plain_ldap {
            PlainLdap::Allow
        } else {
            PlainLdap::Refuse
        },
        bind,
    };
    let report = crate::runtime::block_on(run_domains(&plan, only, password.as_ref(), &options))?;
    print_report(&report, args.output)
}

/// Prints a checklist (preflight's or doctor's) in `format`; done when nothing failed.
pub(super) fn print_report(
    report: &crate::checks::Report,
    format: OutputFormat,
) -> Result<Outcome, CommandError> {
    let text = match format {
        OutputFormat::Text => report.render_text(),
        OutputFormat::Json => report.render_json(),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(if report.passed() {
        Outcome::Done
    } else {
        Outcome::Failed
    })
}
