//! Integration tests against a real Samba 4 AD domain controller (`tests/samba_dc`, started by
//! `tests/peers/samba-dc.sh` in a network namespace; root needed): `adsso preflight`, its basic
//! checks (`preflight.rs`) and the deeper ones (`preflight_deep.rs`).

// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../samba_dc/mod.rs"]
mod samba_dc;

mod preflight;
mod preflight_deep;
