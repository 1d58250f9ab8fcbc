//! Hindsight: a local-first desktop editor for incident postmortems.
//!
//! The crate is split so that each layer can be tested without the ones above it:
//! [`model`] holds the document and knows nothing of files or egui, [`storage`] reads and
//! writes RON files, [`cli`] runs the command-line tools, and [`app`] with [`ui`] make the
//! editor window.

pub mod app;
pub mod cli;
pub mod example;
pub mod exercise;
pub mod export;
pub mod model;
pub mod review;
pub mod sample;
pub mod storage;
pub mod ui;
