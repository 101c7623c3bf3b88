//! The interactive wizard: an Elm-style model / update / view with ratatui, and a `--plain`
//! front end that asks the same questions line by line with inquire. Both only edit a plan
//! draft and return a plan: they never call AWS.

pub mod apply;
pub mod connectivity;
pub mod discovery;
pub mod draft;
mod finish;
pub mod keys;
pub mod model;
pub mod plain;
pub mod questions;
pub mod runner;
pub mod save;
pub mod terminal;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;
