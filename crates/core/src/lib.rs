//! Leadline's core: the domain's types, the pure analysis of a book (the
//! plan, the 80/20 report, duplicates, the review), search, the clock and
//! the settings. No other crate of ours, and no words: what it decides it
//! returns as typed values and codes, which the catalogues put in words.

pub mod analysis;
pub mod clock;
pub mod config;
pub mod domain;
pub mod locale;
pub mod search;
