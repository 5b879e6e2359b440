//! borderkg builds a knowledge graph of armed conflict in the Afghanistan–Tajikistan–Pakistan border
//! region from curated Turtle, stores it in Oxigraph, and answers saved SPARQL queries about it.
//!
//! The modules follow the pipeline: [`ingest`] reads the inputs, [`build`] writes the store,
//! [`query`], [`export`] and [`why`] read it, and [`commands`] wires them to the command line.

pub mod build;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod error;
pub mod export;
pub mod extract;
pub mod formats;
pub mod graph_export;
pub mod import;
pub mod ingest;
pub mod network;
pub mod output;
pub mod paths;
pub mod projection;
pub mod query;
pub mod read;
pub mod remote;
pub mod report;
pub mod resources;
pub mod serve;
pub mod sources;
pub mod store;
pub mod terms;
pub mod vocab;
pub mod why;

pub use error::{Error, Result};
