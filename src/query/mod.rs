//! Saved and ad-hoc SPARQL queries: the catalogue in `queries/`, running with bound parameters and a
//! time limit, and rendering the answers.

mod bind;
mod catalogue;
pub mod depth;
pub mod render;
mod run;

pub use catalogue::{find, list, ParamSpec, SavedQuery, TermKind};
pub use render::{render, ResultFormat};
pub use run::{
    evaluator, parser, prepare, run, run_in, scoped, select, select_in, select_within, Answer, Cells, Kb,
    Limits, Row, Scope, Solution,
};
