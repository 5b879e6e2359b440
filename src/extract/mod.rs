//! Extracts candidate events, speech acts, facts and new entities from the text of a news article,
//! matched against the graph's own names and the dictionaries of `lexicon/`.

pub mod args;
pub mod bench;
pub mod casualties;
pub mod claims;
pub mod date;
pub mod dates;
pub mod discourse;
pub mod error;
pub mod eval;
pub mod events;
pub mod facts;
pub mod forces;
pub mod frames;
pub mod furniture;
pub mod gazetteer;
pub mod gold;
pub mod json;
pub mod lexicon;
pub mod mentions;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod slug;
pub mod text;
pub mod turtle;
pub mod vocab;

pub use date::Date;
pub use error::{Error, Result};
pub use gazetteer::Gazetteer;
pub use lexicon::Lexicon;
pub use model::*;
pub use pipeline::{extract, extract_bytes};
