//! Leadline: a keyboard-driven sales-pipeline manager.
//!
//! Layers, from the inside out: `domain` (types, no I/O), `analysis` and
//! `search` (pure functions of data and a time), `app` (validated commands, one store transaction each, over its private
//! `store`, the only module that knows sled)
//! and the `cli` front end.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod locale;
pub mod search;
pub mod simulation;
pub mod tui;
