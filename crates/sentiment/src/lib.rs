//! # byline-sentiment
//!
//! byline's sentiment engine, independent of the rest of byline: VADER's rules reimplemented
//! ([`vader`]), and a linear model ([`model`]) over words, word pairs (with negation scope) and
//! VADER's own scores, learned from human-rated text ([`train`]). The `sentiment` plugin and
//! `byline train sentiment` are its users.

pub mod features;
pub mod hash;
pub mod model;
pub mod train;
pub mod vader;

pub use model::Model;
pub use vader::{Polarity, Vader};
