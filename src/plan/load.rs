//! Loading a plan from untrusted bytes: size and encoding checks, a budgeted YAML parse that
//! refuses alias bombs and deep nesting, and translation of parser errors into [`Diagnostic`]s
//! that name the field, its line and column. Nothing here ever echoes a secret.

use serde_saphyr::{Budget, Options};

use super::diagnostic::{Diagnostic, Diagnostics, FieldPath, Position};
use super::model::Plan;
use super::source_map::SourceMap;
use super::validate::validate;
use crate::text;

/// Plans are a few kilobytes; anything larger than this is refused unread.
pub const MAX_PLAN_BYTES: usize = 256 * 1024;

/// A plan that parsed, with the map of where its fields are.
#[derive(Debug)]
pub struct ParsedPlan {
    /// The plan as written.
    pub plan: Plan,
    /// Where each field is in the text.
    pub source: SourceMap,
}

/// Parses and validates plan bytes. `Ok` holds the plan and its warnings; `Err` every problem.
pub fn load(bytes: &[u8]) -> Result<(ParsedPlan, Diagnostics), Diagnostics> {
    let parsed = parse(bytes)?;
    let (errors, warnings): (Vec<_>, Vec<_>) = validate(&parsed.plan)
        .into_iter()
        .map(|diagnostic| locate(diagnostic, &parsed.source))
        .partition(Diagnostic::is_error);
    if errors.is_empty() {
        Ok((parsed, Diagnostics(warnings)))
    } else {
        Err(Diagnostics(errors))
    }
}

/// Parses plan bytes into the model (syntax, types, unknown keys), without the semantic rules.
pub fn parse(bytes: &[u8]) -> Result<ParsedPlan, Diagnostics> {
    let text = check_bytes(bytes).map_err(|problem| Diagnostics(vec![problem]))?;
    match serde_saphyr::from_str_with_options::<Plan>(text, options()) {
        Ok(plan) => Ok(ParsedPlan {
            plan,
            source: SourceMap::build(text),
        }),
        Err(error) => Err(Diagnostics(vec![from_parse_error(&error, text)])),
    }
}

/// Fills in the position of a diagnostic from the source map.
pub fn locate(mut diagnostic: Diagnostic, source: &SourceMap) -> Diagnostic {
    if diagnostic.position.is_none() {
        diagnostic.position = source.position_of(&diagnostic.path);
    }
    diagnostic
}

/// Size, encoding and emptiness checks before any parsing.
fn check_bytes(bytes: &[u8]) -> Result<&str, Diagnostic> {
    let root = FieldPath::root();
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(Diagnostic::new(
            root,
            format!("the file is {}", text::describe_size(bytes.len() as u64)),
            text::PLAN_TOO_LARGE,
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let position = position_of_offset(bytes, error.valid_up_to());
        Diagnostic {
            position: Some(position),
            ..Diagnostic::new(
                FieldPath::root(),
                text::PLAN_NOT_UTF8,
                text::PLAN_TEXT_ALLOWED,
            )
        }
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(Diagnostic {
            position: Some(position_of_offset(bytes, offset)),
            ..Diagnostic::new(root, text::PLAN_BINARY, text::PLAN_TEXT_ALLOWED)
        });
    }
    let has_content = text
        .lines()
        .map(str::trim)
        .any(|line| !line.is_empty() && !line.starts_with('#') && line != "---" && line != "...");
    if !has_content {
        return Err(Diagnostic::new(
            root,
            text::PLAN_EMPTY,
            text::PLAN_START_WITH_INIT,
        ));
    }
    Ok(text)
}

/// The first tab at or after `from` (1-based line and column), if any.
fn first_tab_from(text: &str, from: Position) -> Option<Position> {
    text.lines()
        .enumerate()
        .skip(usize::try_from(from.line.saturating_sub(1)).unwrap_or(usize::MAX))
        .find_map(|(index, line)| {
            line.chars().position(|c| c == '\t').map(|column| Position {
                line: index as u64 + 1,
                column: column as u64 + 1,
            })
        })
}

/// 1-based line and column of a byte offset.
fn position_of_offset(bytes: &[u8], offset: usize) -> Position {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u64
        + 1;
    Position { line, column }
}

/// Tight limits: a plan has a few hundred nodes, no need for many anchors, and one document.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_events = 50_000;
    budget.max_aliases = 100;
    budget.max_anchors = 100;
    budget.max_depth = 32;
    budget.max_documents = 1;
    budget.max_nodes = 20_000;
    budget.max_total_scalar_bytes = MAX_PLAN_BYTES;
    budget.max_merge_keys = 16;
    budget.max_recorded_anchor_events = 10_000;
    budget.max_recorded_anchor_bytes = MAX_PLAN_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options
}

/// Turns a parser error into a diagnostic naming the field it concerns.
fn from_parse_error(error: &serde_saphyr::Error, text: &str) -> Diagnostic {
    let message = error.without_snippet().to_string();
    let reported = error.location().and_then(|location| {
        (location.line() > 0).then(|| Position {
            line: location.line(),
            column: location.column(),
        })
    });
    let source = SourceMap::build(text);
    let at = reported
        .and_then(|position| source.path_at(position).cloned())
        .unwrap_or_default();
    let explained = text::explain_parse_error(&message);
    let path = match (&explained.missing_key, reported) {
        (Some(key), Some(position)) => source.mapping_for_missing_key(position).key(key),
        (Some(key), None) => FieldPath::root().key(key),
        (None, _) => at,
    };
    // The scanner reports a tab at the start of the scalar it was reading; point at the tab.
    let position = match reported {
        Some(position) if message.contains("tab") => first_tab_from(text, position).or(reported),
        other => other,
    };
    Diagnostic {
        position,
        ..Diagnostic::new(path, explained.problem, explained.allowed)
    }
}
