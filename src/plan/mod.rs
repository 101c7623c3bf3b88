//! The plan: the versioned document at the centre of adsso. The wizard produces it, `validate`
//! checks it, `diagram` draws it and `apply` replays it. Pure: no async runtime, no AWS SDK, no
//! terminal.

pub mod billable;
pub mod diagnostic;
mod domains;
pub mod load;
pub mod model;
mod questions;
mod quoted;
pub mod rules;
pub mod schema;
pub mod secret;
pub mod source_map;
pub mod template;
pub mod validate;

pub use diagnostic::{Diagnostic, Diagnostics, FieldPath, Position, Severity};
pub use load::{ParsedPlan, load, parse};
pub use model::*;
pub use secret::{SecretRef, SecretSlot, secret_slots};
pub use validate::validate;

/// A shipped example plan (`assets/examples/NAME`), loaded: the tests' input.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub fn example(name: &str) -> Plan {
    let path = format!("{}/assets/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    load(&std::fs::read(path).unwrap()).unwrap().0.plan
}
