//! Pieces of the apply errors' messages: lists, the differences of a trust's settings, the
//! failed assignments; the message joined with its fix. Untrusted values are escaped here, once.

use super::error::ApplyError;
use crate::aws::DirectoryKind;
use crate::text::apply as apply_text;
use crate::text::untrusted::{Untrusted, block};

/// Untrusted values, each escaped, joined with `, `.
pub(super) fn list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| Untrusted(v).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A directory type escaped (an unknown type is AWS's text).
pub(super) fn shown(kind: &DirectoryKind) -> String {
    Untrusted(&kind.to_string()).to_string()
}

/// ` (reason)` escaped, or nothing when AWS gave no reason.
pub(super) fn in_parentheses(reason: &str) -> String {
    match reason {
        "" => String::new(),
        reason => format!(" ({})", Untrusted(reason)),
    }
}

/// The differing trust settings, both values shown.
pub(super) fn setting_differences(
    trust_type: &Option<Box<Mismatch>>,
    selective_auth: &Option<Box<Mismatch>>,
) -> String {
    let mut out = Vec::new();
    if let Some(m) = trust_type {
        out.push(format!(
            "TrustType `{}` (the plan: `{}`)",
            Untrusted(&m.found),
            Untrusted(&m.wanted)
        ));
    }
    if let Some(m) = selective_auth {
        out.push(format!(
            "SelectiveAuth `{}` (the plan: `{}`)",
            Untrusted(&m.found),
            Untrusted(&m.wanted)
        ));
    }
    out.join(" and ")
}

/// How to resolve each differing trust setting.
pub(super) fn setting_fixes(
    id: &str,
    trust_type: &Option<Box<Mismatch>>,
    selective_auth: &Option<Box<Mismatch>>,
) -> String {
    let id = Untrusted(id);
    let mut fixes = Vec::new();
    if trust_type.is_some() {
        fixes.push(format!(
            "a trust type cannot be changed: delete that trust (console or `aws ds delete-trust \
             --trust-id {id}`) and re-run, or set the plan's `connection.trust.type` to match"
        ));
    }
    if let Some(m) = selective_auth {
        fixes.push(format!(
            "SelectiveAuth can be changed in place: `aws ds update-trust --trust-id {id} \
             --selective-auth {}` (UpdateTrust), or set the plan's `connection.trust.selectiveAuth` \
             to match",
            Untrusted(&m.wanted)
        ));
    }
    fixes.join("; ")
}

/// The failures, one a line, each escaped as a block.
pub(super) fn failure_lines(failures: &[String]) -> String {
    failures
        .iter()
        .map(|f| block(f, "      "))
        .collect::<Vec<_>>()
        .join("\n  ")
}

/// The group problems on their own lines, when there are any.
pub(super) fn problems_block(problems: &Option<String>) -> String {
    problems
        .as_deref()
        .map(|p| format!("\n{p}"))
        .unwrap_or_default()
}

/// The fix after failed assignments: with group problems, how to widen the sync scope too.
pub(super) fn assignments_fix(problems: &Option<String>) -> String {
    let fix = "fix the cause and re-run `adsso apply`: what exists is kept";
    match problems {
        Some(_) => format!("{fix}. {}", apply_text::SYNC_SCOPE_ADVICE),
        None => fix.to_owned(),
    }
}

impl ApplyError {
    /// The message followed by the fix, for front ends that show no diagnostic report (the
    /// wizard's apply panel).
    pub fn with_fix(&self) -> String {
        match miette::Diagnostic::help(self) {
            Some(help) => format!("{self}\n{help}"),
            None => self.to_string(),
        }
    }
}

/// A setting of an existing resource that differs from the plan's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// What AWS has (untrusted).
    pub found: String,
    /// What the plan asks for.
    pub wanted: String,
}
