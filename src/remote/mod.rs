//! Remote triple stores: any SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, QLever, GraphDB,
//! Fuseki…) read through the same port as the embedded store, and `push` to publish a built graph
//! into one.

mod auth;
mod download;
mod endpoint;
mod error;
mod kb;
mod paging;
mod push;

pub use auth::{Auth, PASSWORD_VAR, TOKEN_VAR, USER_VAR};
pub use endpoint::{Endpoint, EndpointConfig};
pub use error::RemoteError;
pub use push::{push, PushMethod, PushOptions, PushReport, TripleSource};
