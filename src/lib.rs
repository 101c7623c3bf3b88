//! adsso: connect AWS IAM Identity Center to a self-managed Active Directory.
//!
//! The crate is layered: [`plan`] (the model, its validation) and [`diagram`] are pure; the
//! [`cli`] and [`commands`] modules are the thin edge that reads files and prints.

pub mod apply_text;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod diagram;
pub mod files;
pub mod onprem;
pub mod plan;
pub mod preflight;
pub mod secrets;
pub mod steps;
pub mod text;
pub mod tui;
