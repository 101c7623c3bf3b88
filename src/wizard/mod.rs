//! The interactive wizard: an Elm-style model / update / view with ratatui, and a `--plain`
//! front end that asks the same questions line by line with inquire. Both edit a plan draft;
//! what they do to the world (discovery, the connectivity check, saving, apply now) is in
//! [`effects`], which reaches AWS only through the [`crate::aws::Connect`] it is given, never
//! the SDK client itself.

pub mod apply;
pub mod connectivity;
pub mod discovery;
mod domain_actions;
pub mod domains;
pub mod draft;
pub mod edit;
pub mod effects;
mod finish;
pub mod flags;
pub mod keys;
pub mod model;
mod paths;
pub mod plain;
pub mod questions;
pub mod runner;
pub mod save;
pub mod secret_names;
pub mod secret_source;
pub mod start;
pub mod terminal;
mod typing;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;
