//! Diagnostics: one problem in a plan, with the field path, its line and column, what is wrong
//! and what is allowed. Rendered as `path (line:col): what is wrong; what is allowed`.

use std::fmt;

use crate::text::untrusted::Untrusted;

/// A path to a field in a plan, such as `connection.adConnector.subnetIds[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(String);

impl FieldPath {
    /// The document root (rendered as `(document)`).
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: &str) -> Self {
        if self.0.is_empty() {
            Self(key.to_owned())
        } else {
            Self(format!("{}.{key}", self.0))
        }
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        Self(format!("{}[{index}]", self.0))
    }

    /// The path as text; empty for the root.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The enclosing field (`a.b[1].c` -> `a.b[1]` -> `a.b` -> `a` -> root); `None` for the root.
    pub fn parent(&self) -> Option<FieldPath> {
        if self.0.is_empty() {
            return None;
        }
        let cut = self.0.rfind(['.', '[']).unwrap_or(0);
        Some(Self(self.0[..cut].to_owned()))
    }

    /// True for the document root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(document)")
        } else {
            // Keys come from the plan (an unknown key, a tag key): never let them reach a
            // terminal raw.
            write!(f, "{}", Untrusted(&self.0))
        }
    }
}

/// A 1-based line and column in the plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line, from 1.
    pub line: u64,
    /// Column, from 1.
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The plan cannot be applied.
    Error,
    /// The plan can be applied, but the operator should look at this.
    Warning,
}

/// One problem found in a plan. It never contains a secret value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The offending field.
    pub path: FieldPath,
    /// Where the field is in the file, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub problem: String,
    /// What is allowed instead (may be empty when the problem says it all).
    pub allowed: String,
}

impl Diagnostic {
    /// An error for `path`; its position is filled in later from the source map.
    pub fn new(path: FieldPath, problem: impl Into<String>, allowed: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path,
            position: None,
            problem: problem.into(),
            allowed: allowed.into(),
        }
    }

    /// A warning for `path`.
    pub fn warning(path: FieldPath, problem: impl Into<String>, advice: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::new(path, problem, advice)
        }
    }

    /// True when this diagnostic blocks the plan.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        write!(f, "{}", self.path)?;
        if let Some(position) = self.position {
            write!(f, " ({position})")?;
        }
        write!(f, ": {}", Untrusted(&self.problem))?;
        if !self.allowed.is_empty() {
            write!(f, "; {}", Untrusted(&self.allowed))?;
        }
        Ok(())
    }
}

/// All problems found in one plan, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}
