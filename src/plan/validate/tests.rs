//! Unit tests of the validation walk.
