//! Rules for one `identityCenter.assignments[]` entry: the group, the permission set (one of the
//! plan's), and its targets: `accounts`, `organizationalUnits` (OU ids, the root id or paths)
//! and `excludeAccounts`, at least one of the first two, no value twice, no account both
//! targeted and excluded.

use std::collections::HashSet;

use super::Report;
use crate::plan::diagnostic::FieldPath;
use crate::plan::model::Assignment;
use crate::plan::rules;
use crate::text;

/// Checks one assignment; `permission_sets` are the plan's permission set names.
pub(super) fn check(
    assignment: &Assignment,
    permission_sets: &HashSet<&str>,
    path: &FieldPath,
    report: &mut Report,
) {
    report.check(
        path.key("group"),
        rules::group_name(&assignment.group),
        text::GROUP_ALLOWED,
    );
    if !permission_sets.contains(assignment.permission_set.as_str()) {
        report.error(
            path.key("permissionSet"),
            format!(
                "{} is not a permission set of this plan",
                rules::shown(&assignment.permission_set)
            ),
            text::PERMISSION_SET_REFERENCE,
        );
    }
    if assignment.accounts.is_empty() && assignment.organizational_units.is_empty() {
        report.error(
            path.clone(),
            "names no account and no organizational unit",
            text::TARGETS_REQUIRED,
        );
    }
    account_list(
        &assignment.accounts,
        &path.key("accounts"),
        text::ACCOUNTS_ALLOWED,
        report,
    );
    organizational_units(assignment, path, report);
    excluded_accounts(assignment, path, report);
}

/// Each id valid and given once.
fn account_list(accounts: &[String], path: &FieldPath, allowed: &'static str, report: &mut Report) {
    let mut seen = HashSet::new();
    for (index, account) in accounts.iter().enumerate() {
        if report
            .check(
                path.index(index),
                rules::account_id(account),
                text::ACCOUNT_ALLOWED,
            )
            .is_some()
            && !seen.insert(account.as_str())
        {
            report.error(
                path.index(index),
                format!("{} is listed twice", rules::shown(account)),
                allowed,
            );
        }
    }
}

fn organizational_units(assignment: &Assignment, path: &FieldPath, report: &mut Report) {
    let units = path.key("organizationalUnits");
    let mut seen = HashSet::new();
    for (index, unit) in assignment.organizational_units.iter().enumerate() {
        if let Some(target) = report.check(
            units.index(index),
            rules::ou_target(unit),
            text::OU_TARGET_ALLOWED,
        ) && !seen.insert(target)
        {
            report.error(
                units.index(index),
                format!("{} is listed twice", rules::shown(unit)),
                text::OU_TARGET_ALLOWED,
            );
        }
    }
}

fn excluded_accounts(assignment: &Assignment, path: &FieldPath, report: &mut Report) {
    let excluded = path.key("excludeAccounts");
    if !assignment.exclude_accounts.is_empty() && assignment.organizational_units.is_empty() {
        report.error(
            excluded.clone(),
            "is given without `organizationalUnits`",
            text::EXCLUDE_ACCOUNTS_ALLOWED,
        );
    }
    account_list(
        &assignment.exclude_accounts,
        &excluded,
        text::EXCLUDE_ACCOUNTS_ALLOWED,
        report,
    );
    for (index, account) in assignment.exclude_accounts.iter().enumerate() {
        if assignment.accounts.contains(account) {
            report.error(
                excluded.index(index),
                format!("{} is also listed under `accounts`", rules::shown(account)),
                text::EXCLUDE_ACCOUNTS_ALLOWED,
            );
        }
    }
}

#[cfg(test)]
#[path = "assignments_tests.rs"]
mod tests;
