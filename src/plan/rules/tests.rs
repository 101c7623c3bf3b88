//! Unit tests of the format rules.
use super::*;
