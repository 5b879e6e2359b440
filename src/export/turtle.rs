//! Turtle for people: the prefixes that are used and no others, subjects grouped with `;`, objects
//! with `,`, in a fixed order.

use std::io::{self, Write};

use oxigraph::model::Triple;
use oxttl::TurtleSerializer;

use super::used;
use crate::vocab::PREFIXES;

/// Writes `triples` (sorted by subject) as Turtle with the project's prefixes that they use.
///
/// # Errors
/// A failed write.
pub fn write_turtle(triples: &[Triple], out: &mut impl Write) -> io::Result<()> {
    let mut serializer = TurtleSerializer::new();
    for (prefix, ns) in PREFIXES {
        if used(triples, ns) {
            serializer = serializer.with_prefix(*prefix, *ns).map_err(io::Error::other)?;
        }
    }
    let mut writer = serializer.for_writer(out);
    for t in triples {
        writer.serialize_triple(t)?;
    }
    writer.finish()?.flush()
}
