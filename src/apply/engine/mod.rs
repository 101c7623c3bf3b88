//! The apply engine: the [`executor`] that runs the steps in order, the reads that run
//! alongside them ([`prefetch`]), the one poll loop for waits and gates ([`wait`]), the Identity
//! Center call budget ([`throughput`]), progress [`events`] and the [`error`]s apply ends with.

mod context;
pub mod error;
mod error_format;
pub mod events;
pub mod executor;
pub(crate) mod prefetch;
pub mod throughput;
pub mod wait;
