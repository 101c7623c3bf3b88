//! What the wizard's secret fields say: where apply reads each password from, and why a value
//! typed there is refused or warned about (never repeating it). Re-exported by
//! [`super::wizard`], where the rest of the wizard's words are.

/// Hint: secret.
pub const HINT_SECRET: &str = "where apply reads the password: an environment variable (type its name), a file only you can read (type its path), or asked when applying; never stored in the plan (← → changes where)";
/// A secret field's hint in `--plain`, where the source is written into the answer.
pub const HINT_SECRET_PLAIN: &str = "where apply reads the password: an environment variable's name, file:PATH for a file only you can read, or empty to be asked at apply; never stored in the plan";
/// A secret field's source: an environment variable.
pub const SOURCE_VARIABLE: &str = "variable";
/// A secret field's source: a file.
pub const SOURCE_FILE: &str = "file";
/// A secret field's source: asked at apply time.
pub const SOURCE_ASKED: &str = "asked at apply";
/// A secret field holds something that is not a variable name, or looks like a password (the
/// value is never repeated).
pub const SECRET_TAKES_NAME: &str = "this field takes the variable's name, not the password (what was typed is not shown): e.g. ADSSO_TRUST_PASSWORD; empty: asked at apply time";
/// A secret field names a variable in lower case.
pub const SECRET_NAME_LOWERCASE: &str =
    "variable names are upper case by convention: is this the variable's name, not the password?";
