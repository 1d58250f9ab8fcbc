//! Hindsight: a local-first desktop editor for incident postmortems.
//!
//! The crate is split so that each layer can be tested without the ones above it:
//! [`model`] holds the document and knows nothing of files or egui, [`storage`] reads and
//! writes RON files, [`export`] and [`review`] read documents for others, [`site`] makes a
//! website of a folder of them, [`cli`] runs the
//! command-line tools, [`session`] holds what the editor is working on, and [`ui`] (the
//! panels) and [`app`] (the window, dialogs, threads and disk) make the editor on top of it.
//! Each layer uses only the ones before it in this list; `app` also draws through `ui`.

pub mod app;
pub mod cli;
pub mod example;
#[cfg(feature = "testing")]
pub mod exercise;
pub mod export;
pub mod model;
pub mod review;
#[cfg(feature = "testing")]
pub mod sample;
pub mod session;
pub mod site;
pub mod sources;
pub mod storage;
pub mod ui;
