//! Imports event datasets (UCDP GED, ACLED, GDELT) as quads of the borderkg event model:
//! open a file (plain, `.gz`, `.zip`), detect its dataset and layout, stream its rows as event
//! records, and map each record to quads, resolving actors and places against the curated graph.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use borderkg::import::{open, quads, Mapper, Reconciler, Taxonomy, ACTOR_ALIASES};
//! let taxonomy = Taxonomy::load()?;
//! let mut reconciler = Reconciler::new(ACTOR_ALIASES, std::iter::empty())?;
//! let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
//! for reader in open(std::path::Path::new("ged.csv.gz"), None)? {
//!     eprintln!("{}: {}", reader.name(), reader.layout());
//!     for row in quads(reader, &mut mapper) {
//!         match row {
//!             Ok(quads) => { /* hand to the bulk loader */ let _ = quads; }
//!             Err(bad) => eprintln!("skipped {bad}"),
//!         }
//!     }
//! }
//! # Ok(()) }
//! ```

mod acled;
mod dates;
mod detect;
mod entities;
mod error;
mod gdelt;
mod input;
mod load;
mod normalize;
mod places;
mod rdf;
mod reconcile;
mod record;
mod report;
pub mod synth;
mod table;
mod taxonomy;
mod text;
mod ucdp;
pub mod vocab;

use std::io::{Cursor, Read};
use std::path::Path;

use oxrdf::Quad;

pub use dates::{Date, DateSpan, Precision};
pub use detect::{detect, Dataset, Layout};
pub use error::{ImportError, RowError};
pub use load::{import, ImportConfig, ImportSummary, Progress};
pub use places::{parse_wkt_point, CuratedPlace, PlaceLevel, PLACES_QUERY};
pub use rdf::{dataset_graph, dataset_source, event_iri, Mapper};
pub use reconcile::{NameKind, Reconciler, Resolved, Unmatched, ACTOR_ALIASES, LABELS_QUERY, PLACE_ALIASES};
pub use record::{ActorKind, ActorRef, EventRecord, Figure, PlaceRef, Qualifier, Victims};
pub use report::{kind_name, write_unmatched_tsv};
pub use taxonomy::{Concept, Taxonomy, TAXONOMY_FILES};

use table::{Columns, Table};

/// How many bytes are looked at to detect a file's layout.
const PEEK: usize = 1 << 16;

/// A file (or archive member) whose layout is known, read as event records one row at a time.
pub struct EventReader {
    table: Table,
    cols: Columns,
    layout: Layout,
}

/// Opens `path` (plain, `.gz`, or each CSV/TSV member of a `.zip`) and detects each stream's
/// layout; `forced` fixes the dataset (the layout within it is still read from the file).
///
/// # Errors
/// [`ImportError`] when the file cannot be read or its layout not recognised.
pub fn open(path: &Path, forced: Option<Dataset>) -> Result<Vec<EventReader>, ImportError> {
    input::open(path)?
        .into_iter()
        .map(|i| EventReader::new(i.name, i.reader, forced))
        .collect()
}

impl EventReader {
    /// Reads from any byte stream, `name` being what attestations and errors cite.
    ///
    /// # Errors
    /// [`ImportError`] when the stream cannot be read or its layout not recognised.
    pub fn new(
        name: String,
        mut reader: Box<dyn Read + Send>,
        forced: Option<Dataset>,
    ) -> Result<Self, ImportError> {
        let mut head = Vec::with_capacity(4096);
        let mut chunk = [0u8; 8192];
        while head.len() < PEEK && !head.contains(&b'\n') {
            let n = reader.read(&mut chunk).map_err(|source| ImportError::Io {
                file: name.clone(),
                source,
            })?;
            if n == 0 {
                break;
            }
            head.extend_from_slice(&chunk[..n]);
        }
        let layout = detect(&head, forced).map_err(|reason| ImportError::Undetected {
            file: name.clone(),
            reason,
        })?;
        let stream: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(reader));
        let table = Table::new(name, stream, gdelt::width(layout))?;
        let cols = match layout {
            Layout::UcdpGed => ucdp::columns(&table)?,
            Layout::AcledOld | Layout::AcledCurrent => acled::columns(&table)?,
            Layout::Gdelt1 { .. } | Layout::Gdelt2 => gdelt::columns(layout),
        };
        Ok(Self { table, cols, layout })
    }

    /// The file's name as attestations and errors cite it.
    pub fn name(&self) -> &str {
        self.table.name()
    }

    /// The detected layout.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// Whether an HXL hashtag row under the header was recognised and skipped.
    pub fn hxl(&self) -> bool {
        self.table.hxl()
    }

    /// The number of the row last read (1-based, header included), for progress.
    pub fn row(&self) -> u64 {
        self.table.row()
    }

    /// Decompressed bytes read so far, for progress against a plain file's size.
    pub fn bytes_read(&self) -> u64 {
        self.table.bytes_read()
    }

    /// One line on what was detected: `ged.csv: UCDP GED CSV (HXL row skipped)`.
    pub fn detection(&self) -> String {
        let hxl = if self.hxl() { " (HXL row skipped)" } else { "" };
        format!("{}: {}{hxl}", self.name(), self.layout)
    }
}

impl Iterator for EventReader {
    type Item = Result<EventRecord, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let row = match self.table.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        Some(match self.layout {
            Layout::UcdpGed => ucdp::read(&row, &self.cols),
            Layout::AcledOld | Layout::AcledCurrent => acled::read(&row, &self.cols),
            Layout::Gdelt1 { .. } | Layout::Gdelt2 => gdelt::read(&row, &self.cols),
        })
    }
}

/// Maps each row of `reader` to its quads (or its error), through `mapper`.
pub fn quads<'m, 'a>(reader: EventReader, mapper: &'m mut Mapper<'a>) -> Quads<'m, 'a> {
    Quads {
        file: reader.name().to_owned(),
        reader,
        mapper,
    }
}

/// The quads of each row of one file; see [`quads`].
pub struct Quads<'m, 'a> {
    file: String,
    reader: EventReader,
    mapper: &'m mut Mapper<'a>,
}

impl Iterator for Quads<'_, '_> {
    type Item = Result<Vec<Quad>, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(self.reader.next()?.map(|record| {
            let mut out = Vec::with_capacity(64);
            self.mapper.map(&record, &self.file, &mut out);
            out
        }))
    }
}
