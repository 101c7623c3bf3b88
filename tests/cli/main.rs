//! Offline integration tests of the `adsso` binary and library: no peer, no network. Fixtures,
//! hostile input, load positions, property tests of the parser, the shipped assets, secrets and
//! Regions. One test binary (it links the crate once); each module was its own binary before.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared by every test binary; each uses only part of it.
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod assets;
mod cli_fixtures;
mod conventions;
mod domains;
mod hostile;
mod load_positions;
mod plan_safety;
mod proptest_parser;
mod regions;
mod secrets;
mod templates;
mod wizard_flags;
