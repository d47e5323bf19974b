//! Leadline: a keyboard-driven sales-pipeline manager.
//!
//! The layers are the crates of the workspace, from the inside out:
//! `leadline-core` (the domain, the analysis, search, the clock and the
//! settings: pure, no words), `leadline-i18n` (the catalogues),
//! `leadline-store` (the only code that knows sled) and `leadline-app`
//! (validated commands, one store transaction each). This crate is the two
//! fronts over the app, the `cli` and the `tui`; the layers are re-exported
//! here under their old names for the tests and benchmarks.

pub use leadline_app as app;
pub use leadline_app::{files, simulation};
pub use leadline_core::{analysis, clock, config, domain, locale, search};
pub use leadline_i18n as i18n;

pub mod cli;
pub mod tui;
