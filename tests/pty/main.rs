//! Integration tests in a real pseudo-terminal (expectrl): the wizard offline and with discovery
//! from the AWS emulator, and `apply` at a terminal against the emulator.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared by every test binary; each uses only part of it.
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod apply_terminal;
mod wizard_discovery;
mod wizard_forests;
mod wizard_pty;
