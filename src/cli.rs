//! The command-line interface: every command, argument and flag, with the help text that
//! `borderkg --help` shows. The work itself is in [`crate::commands`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::export::ExportFormat;
use crate::projection::Weighting;
use crate::query::ResultFormat;
use crate::report::ReportFormat;

/// Build, query and export a knowledge graph of armed conflict in the Afghanistan–Tajikistan–Pakistan
/// border region.
#[derive(Debug, Parser)]
#[command(name = "borderkg", version, about, long_about = None)]
pub struct Cli {
    /// Folder of the on-disk knowledge-graph store.
    #[arg(
        long,
        global = true,
        env = "BORDERKG_STORE",
        default_value = ".borderkg/store"
    )]
    pub store: PathBuf,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the store from the ontology, data and rules (atomically: a failed build keeps the old store).
    Build(BuildArgs),
    /// Run a saved query by name, a .rq file, or SPARQL text.
    Query(QueryArgs),
    /// List the saved queries with their titles and parameters.
    Queries(QueriesArgs),
    /// Export the whole graph as RDF.
    Export(ExportArgs),
    /// Show the events and source sentences behind an edge of the actor network.
    Why(WhyArgs),
    /// Print the numbered sentences of an article, with the offsets attestations cite.
    Sentences(SentencesArgs),
    /// Analyse the actor network: central actors, brokers, communities, strongest and disputed ties.
    Report(ReportArgs),
    /// Shortest and k shortest paths between two actors, every hop explained by its events and sources.
    Path(PathArgs),
    /// Write the actor network for other tools: GEXF (Gephi, with time intervals), GraphML, DOT or node/edge CSV.
    Graph(GraphArgs),
}

/// Arguments of `graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Which ties to write.
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Format to write.
    #[arg(long, short = 'f', value_enum)]
    pub format: crate::graph_export::GraphFormat,
    /// File to write (for csv: a folder that receives nodes.csv and edges.csv); standard output when absent (not for csv).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

/// Which ties make the actor network (shared by `report` and `path`).
#[derive(Debug, Args)]
pub struct NetworkArgs {
    /// Relations that make ties, as prefixed names or IRIs, comma-separated (default: every bkg:networkRelation in the store).
    #[arg(long, value_delimiter = ',', value_name = "RELATION,...")]
    pub relations: Vec<String>,
    /// Weight ties by the number of supporting events or by the deaths in them.
    #[arg(long, value_enum, default_value_t = Weighting::Events)]
    pub weight: Weighting,
    /// Keep only evidence dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Keep only evidence dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Keep only evidence stated at least this firmly: confirmed, reported, unconfirmed, claimed, alleged, suspected or denied.
    #[arg(long, value_name = "STANDING")]
    pub min_certainty: Option<String>,
    /// Leave out evidence that another statement denies or disputes.
    #[arg(long)]
    pub exclude_disputed: bool,
    /// Keep only the ego network of this actor (prefixed name, IRI or label).
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// With --actor: how many ties away from the actor to reach, following ties either way.
    #[arg(long, default_value_t = 1, requires = "actor")]
    pub radius: usize,
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which ties to analyse.
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Compute the measures on the undirected network (default: directed, as ties point).
    #[arg(long)]
    pub undirected: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Width of text tables, in columns.
    #[arg(long, default_value_t = 120)]
    pub width: u16,
    /// HTML drawing: the measure that sizes the nodes (degree, betweenness, closeness, eigenvector, pagerank, katz…).
    #[arg(long, default_value = "pagerank")]
    pub size_by: String,
    /// HTML drawing: colour nodes by class or by community.
    #[arg(long, value_enum, default_value_t = crate::report::ColorBy::Class)]
    pub color_by: crate::report::ColorBy,
    /// Write to this file (written beside, then renamed into place) instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

/// Arguments of `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// Start actor: prefixed name, IRI or label.
    pub from_actor: String,
    /// End actor: prefixed name, IRI or label.
    pub to_actor: String,
    /// How many shortest paths to give.
    #[arg(long, short = 'k', default_value_t = 1)]
    pub k: usize,
    /// Which ties to follow.
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Follow ties only in their direction (default: either way, since a path of influence runs both ways).
    #[arg(long)]
    pub directed: bool,
    /// Folder of the source articles, to print each cited sentence.
    #[arg(long, env = "BORDERKG_SOURCES")]
    pub sources: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Formats for command summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Text for people.
    Text,
    /// JSON for programs.
    Json,
}

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Folder of the ontology: Turtle files and rules/*.ru.
    #[arg(long, default_value = "ontology")]
    pub ontology: PathBuf,
    /// Folder of the data: Turtle files, searched recursively.
    #[arg(long, default_value = "data")]
    pub data: PathBuf,
    /// Folder of the source articles; when given, every attestation's sentence and offsets are checked.
    #[arg(long, env = "BORDERKG_SOURCES")]
    pub sources: Option<PathBuf>,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Arguments of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A saved query name (see `borderkg queries`) or the path of a .rq file.
    #[arg(required_unless_present = "sparql", conflicts_with = "sparql")]
    pub query: Option<String>,
    /// SPARQL text to run instead of a saved query.
    #[arg(long)]
    pub sparql: Option<String>,
    /// Bind a query variable: NAME=VALUE, where VALUE is an IRI, prefixed name, label, number or "literal". Repeatable.
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Output format: table for people; csv, tsv, json, xml (W3C SPARQL results); turtle, ntriples for graphs.
    #[arg(long, short = 'f', value_enum, default_value_t = ResultFormat::Table)]
    pub format: ResultFormat,
    /// Stop the query after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Folder of the saved queries.
    #[arg(long, default_value = "queries")]
    pub queries: PathBuf,
}

/// Arguments of `queries`.
#[derive(Debug, Args)]
pub struct QueriesArgs {
    /// Folder of the saved queries.
    #[arg(long, default_value = "queries")]
    pub queries: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// RDF format to write.
    #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Turtle)]
    pub format: ExportFormat,
    /// File to write (written beside, then renamed into place); standard output when absent.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

/// Arguments of `why`.
#[derive(Debug, Args)]
pub struct WhyArgs {
    /// Subject: prefixed name (id:taliban), IRI or label (Taliban).
    pub subject: String,
    /// Relation: prefixed name (bkg:harbours) or label (harbours).
    pub predicate: String,
    /// Object: prefixed name, IRI or label.
    pub object: String,
    /// Folder of the source articles, to print each cited sentence.
    #[arg(long, env = "BORDERKG_SOURCES")]
    pub sources: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Output formats of `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SentencesFormat {
    /// Aligned text.
    Text,
    /// Tab-separated values with a header.
    Tsv,
    /// JSON.
    Json,
}

/// Arguments of `sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// The article file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SentencesFormat::Text)]
    pub format: SentencesFormat,
}
