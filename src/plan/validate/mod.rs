//! Offline validation of a parsed plan: every rule AWS states for the fields adsso will send,
//! plus the rules of the two supported designs (two-way trust only, no Simple AD). All problems
//! are collected, in document order, so the operator fixes them in one pass.

mod assignments;
mod connection;
mod domains;
mod identity_center;
mod permission_set_fields;

pub use domains::DOMAIN_PREFIX_SIGN_IN_FROM;

use super::diagnostic::{Diagnostic, FieldPath};
use super::model::Plan;
use super::rules::{self, Problem};
use super::secret::SecretRef;
use crate::text;

/// Collects diagnostics while walking a plan.
#[derive(Default)]
pub(crate) struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Records an error.
    pub(crate) fn error(&mut self, path: FieldPath, problem: impl Into<String>, allowed: &str) {
        self.diagnostics
            .push(Diagnostic::new(path, problem, allowed));
    }

    /// Records a warning.
    pub(crate) fn warn(&mut self, path: FieldPath, problem: impl Into<String>, advice: &str) {
        self.diagnostics
            .push(Diagnostic::warning(path, problem, advice));
    }

    /// Records the problem of a format check, if any.
    pub(crate) fn check<T>(
        &mut self,
        path: FieldPath,
        result: Result<T, Problem>,
        allowed: &str,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.error(path, problem, allowed);
                None
            }
        }
    }
}

/// Every problem in `plan`, errors and warnings, without positions (see [`super::load::locate`]).
pub fn validate(plan: &Plan) -> Vec<Diagnostic> {
    let mut report = Report::default();
    let root = FieldPath::root();
    report.check(
        root.key("metadata").key("name"),
        rules::plan_name(&plan.metadata.name),
        text::PLAN_NAME_ALLOWED,
    );
    let partition = aws(plan, &mut report);
    domains::check(plan, &mut report);
    connection::check(plan, &root.key("connection"), &mut report);
    if let Some(identity_center) = &plan.identity_center {
        let region = partition.map(|partition| (plan.aws.region.as_str(), partition));
        identity_center::check(
            identity_center,
            region,
            &plan.tags,
            &root.key("identityCenter"),
            &mut report,
        );
    }
    tags(plan, &mut report);
    report.diagnostics
}

/// Checks `aws`; returns the partition of a known Region.
fn aws(plan: &Plan, report: &mut Report) -> Option<&'static rules::Partition> {
    let path = FieldPath::root().key("aws");
    let partition = report.check(
        path.key("region"),
        rules::region(&plan.aws.region),
        text::REGION_ALLOWED,
    );
    if let Some(account) = &plan.aws.account_id {
        report.check(
            path.key("accountId"),
            rules::account_id(account),
            text::ACCOUNT_ALLOWED,
        );
    }
    partition
}

/// Checks a secret reference's own format (the kind of reference was checked while parsing).
pub(crate) fn secret(secret: &SecretRef, path: FieldPath, report: &mut Report) {
    match secret {
        SecretRef::Env(name) => {
            report.check(
                path.key("env"),
                rules::env_name(name),
                text::ENV_NAME_ALLOWED,
            );
        }
        SecretRef::File(file) => {
            report.check(
                path.key("file"),
                rules::secret_file_path(file),
                text::FILE_PATH_ALLOWED,
            );
        }
        SecretRef::Prompt => {}
    }
}

/// Checks a VPC id and its two subnets (shared by AD Connector and a new Managed AD).
pub(crate) fn vpc_and_subnets(
    vpc_id: &str,
    subnet_ids: &[String],
    path: &FieldPath,
    report: &mut Report,
) {
    report.check(
        path.key("vpcId"),
        rules::resource_id(vpc_id, "vpc"),
        text::VPC_ID_ALLOWED,
    );
    let subnets = path.key("subnetIds");
    if subnet_ids.len() != 2 {
        report.error(
            subnets.clone(),
            format!("{} given", plural(subnet_ids.len(), "subnet")),
            text::SUBNETS_ALLOWED,
        );
    }
    for (index, subnet) in subnet_ids.iter().enumerate() {
        report.check(
            subnets.index(index),
            rules::resource_id(subnet, "subnet"),
            text::SUBNET_ID_ALLOWED,
        );
    }
    if let [first, second] = subnet_ids
        && first == second
    {
        report.error(
            subnets.index(1),
            format!("{} is the same subnet twice", rules::shown(second)),
            text::SUBNETS_ALLOWED,
        );
    }
}

fn tags(plan: &Plan, report: &mut Report) {
    let path = FieldPath::root().key("tags");
    if plan.tags.len() > rules::MAX_USER_TAGS {
        report.error(
            path.clone(),
            format!("{} given", plural(plan.tags.len(), "tag")),
            text::TAGS_COUNT_ALLOWED,
        );
    }
    tag_entries(&plan.tags, &path, report);
}

/// Each tag under `path`: not adsso's own `adsso:plan`, a key and a value AWS accepts.
pub(super) fn tag_entries(
    tags: &std::collections::BTreeMap<String, String>,
    path: &FieldPath,
    report: &mut Report,
) {
    for (key, value) in tags {
        let tag = path.key(key);
        if key == rules::PLAN_TAG {
            report.error(
                tag,
                format!("{} is set by adsso itself", rules::shown(key)),
                text::TAG_KEY_ALLOWED,
            );
            continue;
        }
        if report
            .check(tag.clone(), rules::tag_key(key), text::TAG_KEY_ALLOWED)
            .is_some()
        {
            report.check(tag, rules::tag_value(value), text::TAG_VALUE_ALLOWED);
        }
    }
}

/// `1 subnet is`, `3 subnets are`.
pub(crate) fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun} is"),
        n => format!("{n} {noun}s are"),
    }
}

#[cfg(test)]
mod permission_set_tests;
#[cfg(test)]
mod tests;
