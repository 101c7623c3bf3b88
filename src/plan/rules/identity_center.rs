//! Format rules for IAM Identity Center values: session durations (ISO 8601, 1 to 12 hours),
//! permission set names, AWS managed policy ARNs, inline policies and instance ARNs.

use serde_json::{Map, Value};

use super::aws_model as model;
use super::aws_tables::model_or;
use super::{Problem, QUOTE_MAX, shown};

/// Shortest and longest session duration Identity Center accepts, in seconds (1 h and 12 h: the
/// sso-admin API reference for `SessionDuration`; the model's `Duration` shape states only its
/// text's length).
pub const SESSION_SECONDS: std::ops::RangeInclusive<u64> = 3_600..=43_200;

/// The longest session duration text (sso-admin's `Duration` max).
pub const SESSION_DURATION_TEXT_MAX: usize = model_or(
    model::SSO_ADMIN_CREATE_PERMISSION_SET_SESSION_DURATION.max,
    100,
);

/// An ISO 8601 duration (`PT8H`, `PT1H30M`, `P0DT4H`) within Identity Center's 1 to 12 hours, of
/// at most [`SESSION_DURATION_TEXT_MAX`] characters.
pub fn session_duration(text: &str) -> Result<u64, Problem> {
    let length = text.chars().count();
    if length > SESSION_DURATION_TEXT_MAX {
        return Err(format!("{} has {length} characters", shown(text)));
    }
    let (whole, fraction) = iso8601_parts(text)
        .ok_or_else(|| format!("{} is not an ISO 8601 duration", shown(text)))?;
    // Exact bounds with a fraction: 3599.5 s is too short, 43200.5 s too long.
    let in_range = whole >= *SESSION_SECONDS.start()
        && (whole < *SESSION_SECONDS.end() || (whole == *SESSION_SECONDS.end() && !fraction));
    if in_range {
        Ok(whole)
    } else {
        let shown_seconds = if fraction {
            whole.saturating_add(1)
        } else {
            whole
        };
        let about = if fraction { "about " } else { "" };
        Err(format!(
            "{} is {about}{}",
            shown(text),
            human_duration(shown_seconds)
        ))
    }
}

/// Seconds in `P[nD][T[nH][nM][n[.f]S]]`, a fraction rounded up to a whole second; `None` when malformed
/// (years, months and weeks are refused: their length is not fixed). Fractional seconds are
/// allowed as in sso-admin's `Duration` pattern (`PT3600.0S`).
pub fn iso8601_seconds(text: &str) -> Option<u64> {
    let (whole, fraction) = iso8601_parts(text)?;
    if fraction {
        whole.checked_add(1)
    } else {
        Some(whole)
    }
}

/// Whole seconds of a duration, and whether a fraction above zero follows them.
fn iso8601_parts(text: &str) -> Option<(u64, bool)> {
    let rest = text.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut total = units(date, &[('D', 86_400)])?;
    let mut fraction = false;
    if let Some(time) = time {
        let (time, above_zero) = split_fraction(time)?;
        total = total.checked_add(units(&time, &[('H', 3_600), ('M', 60), ('S', 1)])?)?;
        fraction = above_zero;
    }
    (!rest.is_empty()).then_some((total, fraction))
}

/// Takes a fraction off the seconds (`3600.25S` -> `3600S`), saying whether it was above zero.
/// A fraction is allowed only on the seconds, with digits on both sides of the dot.
fn split_fraction(time: &str) -> Option<(String, bool)> {
    let Some((whole, fraction)) = time.split_once('.') else {
        return Some((time.to_owned(), false));
    };
    let digits = fraction.strip_suffix('S')?;
    let whole_ok = whole.ends_with(|c: char| c.is_ascii_digit());
    if !whole_ok || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((format!("{whole}S"), digits.chars().any(|c| c != '0')))
}

/// Sums `<digits><unit>` groups, each unit at most once and in the given order.
fn units(text: &str, allowed: &[(char, u64)]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut remaining = allowed.iter();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let (_, factor) = remaining.by_ref().find(|(unit, _)| *unit == c)?;
        if digits.is_empty() || digits.len() > 9 {
            return None;
        }
        let value: u64 = digits.parse().ok()?;
        total = total.checked_add(value.checked_mul(*factor)?)?;
        digits.clear();
    }
    digits.is_empty().then_some(total)
}

/// `5400` -> `1 h 30 min`.
pub fn human_duration(seconds: u64) -> String {
    let (hours, minutes, secs) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut parts = Vec::new();
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes} min"));
    }
    if secs > 0 || parts.is_empty() {
        parts.push(format!("{secs} s"));
    }
    parts.join(" ")
}

/// The shortest and longest permission set name (sso-admin's `PermissionSetName`).
pub const PERMISSION_SET_NAME_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_NAME.min, 1)
        ..=model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_NAME.max, 32);

/// The characters of a permission set name besides `\w` (the model's `[\w+=,.@-]+`).
pub(crate) const PERMISSION_SET_NAME_PUNCTUATION: &str = "+=,.@-";

/// A permission set name: `[\w+=,.@-]+` (`\w` as Java means it: ASCII letters, digits and `_`),
/// [`PERMISSION_SET_NAME_LENGTH`] characters.
pub fn permission_set_name(name: &str) -> Result<(), Problem> {
    let length = name.chars().count();
    if !PERMISSION_SET_NAME_LENGTH.contains(&length) {
        return Err(format!("{} has {length} characters", shown(name)));
    }
    match name.chars().find(|c| {
        !(c.is_ascii_alphanumeric() || *c == '_' || PERMISSION_SET_NAME_PUNCTUATION.contains(*c))
    }) {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(name),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

/// At most this many AWS managed policies on one permission set (IAM Identity Center quotas:
/// "AWS managed policies attached to a permission set: 20").
pub const MAX_MANAGED_POLICIES: usize = 20;

/// The longest inline policy `PutInlinePolicyToPermissionSet` takes, in characters (the model's
/// `PermissionSetPolicyDocument` max).
pub const INLINE_POLICY_MAX: usize = model_or(model::SSO_ADMIN_PUT_INLINE_POLICY.max, 32_768);

/// IAM's quota for a role's inline policy, in characters not counting white space ("Role policy
/// size cannot exceed 10,240 characters", IAM and AWS STS quotas): Identity Center provisions the
/// permission set's inline policy as the role's, so a longer one fails at provisioning.
pub const INLINE_POLICY_QUOTA: usize = 10_240;

/// The IAM policy language versions.
pub const POLICY_VERSIONS: &[&str] = &["2012-10-17", "2008-10-17"];

/// The keys an IAM policy document may have at its top level.
const POLICY_KEYS: &[&str] = &["Version", "Id", "Statement"];

/// An inline policy for a permission set: 1 to [`INLINE_POLICY_MAX`] characters of tab, newline,
/// carriage return and U+0020 to U+00FF (AWS's pattern for `InlinePolicy`), holding one JSON
/// identity-based IAM policy: `Version` one of [`POLICY_VERSIONS`], optionally `Id`, and
/// `Statement` (an object or a non-empty array of objects) whose statements each have `Effect`
/// `Allow` or `Deny`, exactly one of `Action` / `NotAction`, exactly one of `Resource` /
/// `NotResource`, and no `Principal` or `NotPrincipal`.
///
/// Returns the parsed document, so a policy read back from AWS can be compared by meaning
/// rather than by spacing and key order.
pub fn inline_policy(text: &str) -> Result<Value, Problem> {
    if text.trim().is_empty() {
        return Err("the policy is empty".into());
    }
    let length = text.chars().count();
    if length > INLINE_POLICY_MAX {
        return Err(format!("the policy has {length} characters"));
    }
    let significant = text.chars().filter(|c| !c.is_whitespace()).count();
    if significant > INLINE_POLICY_QUOTA {
        return Err(format!(
            "the policy has {significant} characters besides white space"
        ));
    }
    if let Some((line, column, bad)) = first_unsendable(text) {
        return Err(format!(
            "line {line}, column {column} of the policy has `{}`, a character AWS does not take in a policy",
            bad.escape_default()
        ));
    }
    let document: Value = serde_json::from_str(text).map_err(|error| json_problem(text, &error))?;
    policy_document(&document)?;
    Ok(document)
}

/// The first character outside `[\t\n\r\u{20}-\u{ff}]`, with its 1-based line and column.
pub(super) fn first_unsendable(text: &str) -> Option<(usize, usize, char)> {
    text.split('\n').enumerate().find_map(|(index, line)| {
        line.chars()
            .position(|c| !matches!(c, '\t' | '\r' | '\u{20}'..='\u{ff}'))
            .and_then(|column| {
                let bad = line.chars().nth(column)?;
                Some((index + 1, column + 1, bad))
            })
    })
}

/// A JSON syntax error with its line and column in the policy. The parser's messages never
/// quote the input; they are cut all the same, like every quoted value.
pub(super) fn json_problem(text: &str, error: &serde_json::Error) -> Problem {
    let message = error.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |cut| &message[..cut]);
    let mut what: String = message.chars().take(QUOTE_MAX).collect();
    if message.chars().count() > QUOTE_MAX {
        what.push('…');
    }
    let line = error.line();
    if error.classify() == serde_json::error::Category::Eof {
        return format!("the policy ends before its JSON is complete (line {line}): {what}");
    }
    format!(
        "the policy is not valid JSON at line {line}, column {} of the policy: {what}",
        char_column(text, line, error.column())
    )
}

/// serde_json counts columns in bytes; the operator counts characters (`é` is two bytes).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    text.split('\n')
        .nth(line.saturating_sub(1))
        .and_then(|line| line.get(..byte_column.saturating_sub(1)))
        .map_or(byte_column, |before| before.chars().count() + 1)
}

/// The shape of an identity-based policy document.
fn policy_document(document: &Value) -> Result<(), Problem> {
    let Value::Object(policy) = document else {
        return Err(format!(
            "the policy is {}, not a JSON object",
            json_kind(document)
        ));
    };
    if let Some(key) = policy
        .keys()
        .find(|key| !POLICY_KEYS.contains(&key.as_str()))
    {
        return Err(format!("the policy has the unknown key {}", shown(key)));
    }
    match policy.get("Version") {
        None => return Err("the policy has no `Version`".into()),
        Some(Value::String(version)) if POLICY_VERSIONS.contains(&version.as_str()) => {}
        Some(Value::String(version)) => return Err(format!("`Version` is {}", shown(version))),
        Some(other) => return Err(format!("`Version` is {}, not a string", json_kind(other))),
    }
    if let Some(id) = policy.get("Id").filter(|id| !id.is_string()) {
        return Err(format!("`Id` is {}, not a string", json_kind(id)));
    }
    match policy.get("Statement") {
        None => Err("the policy has no `Statement`".into()),
        Some(Value::Array(statements)) if statements.is_empty() => {
            Err("`Statement` is an empty array".into())
        }
        Some(Value::Array(statements)) => statements
            .iter()
            .enumerate()
            .try_for_each(|(index, item)| statement(item, &format!("Statement[{index}]"))),
        Some(single @ Value::Object(_)) => statement(single, "Statement"),
        Some(other) => Err(format!(
            "`Statement` is {}, not an object or an array of objects",
            json_kind(other)
        )),
    }
}

/// One statement; `place` is `Statement` or `Statement[i]`.
fn statement(value: &Value, place: &str) -> Result<(), Problem> {
    let Value::Object(statement) = value else {
        return Err(format!("`{place}` is {}, not an object", json_kind(value)));
    };
    let label = match statement.get("Sid").and_then(Value::as_str) {
        Some(sid) => format!("`{place}` (Sid {})", shown(sid)),
        None => format!("`{place}`"),
    };
    if let Some(key) = ["Principal", "NotPrincipal"]
        .into_iter()
        .find(|key| statement.contains_key(*key))
    {
        return Err(format!(
            "{label} has `{key}`, which an identity-based policy cannot have"
        ));
    }
    match statement.get("Effect") {
        None => return Err(format!("{label} has no `Effect`")),
        Some(Value::String(effect)) if effect == "Allow" || effect == "Deny" => {}
        Some(Value::String(effect)) => {
            return Err(format!("{label} has `Effect` {}", shown(effect)));
        }
        Some(other) => {
            return Err(format!(
                "{label} has an `Effect` that is {}, not a string",
                json_kind(other)
            ));
        }
    }
    exactly_one(statement, &label, "Action", "NotAction")?;
    exactly_one(statement, &label, "Resource", "NotResource")
}

/// Exactly one of `key` and `not_key`, holding a string or a non-empty array of strings.
fn exactly_one(
    statement: &Map<String, Value>,
    label: &str,
    key: &str,
    not_key: &str,
) -> Result<(), Problem> {
    let (name, value) = match (statement.get(key), statement.get(not_key)) {
        (Some(_), Some(_)) => return Err(format!("{label} has both `{key}` and `{not_key}`")),
        (None, None) => return Err(format!("{label} has neither `{key}` nor `{not_key}`")),
        (Some(value), None) => (key, value),
        (None, Some(value)) => (not_key, value),
    };
    let non_empty = |item: &Value| item.as_str().is_some_and(|text| !text.is_empty());
    let well_formed = match value {
        Value::Array(items) => !items.is_empty() && items.iter().all(non_empty),
        other => non_empty(other),
    };
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "{label}: `{name}` is not a string or a non-empty array of strings"
        ))
    }
}

/// `an object`, `a string`... for a problem message (the value itself is not quoted).
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
