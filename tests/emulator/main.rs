//! Integration tests against the AWS emulator (moto + adsso's extension, `tests/peers/`), without
//! a terminal: apply flows, access, interrupts, safety, AWS's error rules, a hostile AWS side and
//! doctor.
//! Each test starts its own emulator.

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared by every test binary; each uses only part of it.
#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod apply_access;
mod apply_domains;
mod apply_flows;
mod apply_interrupts;
mod apply_organizations;
mod apply_parity;
mod apply_safety;
mod aws_rules;
mod aws_safety;
mod doctor;
mod doctor_cases;
