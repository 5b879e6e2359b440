//! The command-line interface: every command, argument and flag, with the help text that
//! `borderkg --help` shows. The work itself is in [`crate::commands`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::export::ExportFormat;
use crate::formats::parse;
use crate::graph_export::GraphFormat;
use crate::projection::Weighting;
use crate::query::ResultFormat;
use crate::report::{ColorBy, ReportFormat};

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
    /// A remote store to read (or `push` to) instead of the embedded one.
    #[command(flatten)]
    pub remote: RemoteArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Where a remote SPARQL 1.1 store is. Credentials come from the environment
/// (`BORDERKG_ENDPOINT_USER` and `BORDERKG_ENDPOINT_PASSWORD`, or `BORDERKG_ENDPOINT_TOKEN`) or from
/// `--auth-file`, never from the command line.
#[derive(Debug, Args, Default)]
pub struct RemoteArgs {
    /// Read from this SPARQL 1.1 query endpoint instead of the embedded store (query, why, path, report, graph, export), or push to it.
    #[arg(
        long,
        global = true,
        env = "BORDERKG_ENDPOINT",
        value_name = "URL",
        help_heading = "Remote store"
    )]
    pub endpoint: Option<String>,
    /// SPARQL 1.1 update endpoint, for push (default: the --endpoint URL).
    #[arg(long, global = true, value_name = "URL", help_heading = "Remote store")]
    pub update_endpoint: Option<String>,
    /// SPARQL 1.1 Graph Store Protocol endpoint, for push (e.g. Oxigraph's /store, Virtuoso's /sparql-graph-crud).
    #[arg(long, global = true, value_name = "URL", help_heading = "Remote store")]
    pub gsp_endpoint: Option<String>,
    /// The named graph the project's data lives in on the endpoint (reads use it as the default graph; push replaces it).
    #[arg(
        long,
        global = true,
        env = "BORDERKG_GRAPH",
        value_name = "IRI",
        help_heading = "Remote store"
    )]
    pub graph: Option<String>,
    /// File holding the endpoint's credentials: one line `basic USER:PASSWORD` or `bearer TOKEN`.
    #[arg(long, global = true, value_name = "FILE", help_heading = "Remote store")]
    pub auth_file: Option<PathBuf>,
    /// Seconds to wait for a connection to the endpoint.
    #[arg(
        long,
        global = true,
        default_value_t = 10.0,
        value_name = "SECONDS",
        help_heading = "Remote store"
    )]
    pub connect_timeout: f64,
    /// Seconds the endpoint may stay silent (nothing received or sent) before a request fails.
    #[arg(
        long,
        global = true,
        default_value_t = 300.0,
        value_name = "SECONDS",
        help_heading = "Remote store"
    )]
    pub idle_timeout: f64,
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
    /// Import event datasets (UCDP GED, ACLED, GDELT) into the store, reconciled with the curated actors and places.
    Import(ImportArgs),
    /// Draft candidate events, speech acts and facts from article text, each cited to its sentence, for review.
    Extract(ExtractArgs),
    /// Score the extractor against a gold standard: precision, recall and F1 per slot and per (agent, class, target).
    ExtractEval(ExtractEvalArgs),
    /// Upload the built graph into a named graph of a remote SPARQL store (Graph Store PUT, in parts past --part triples, or chunked INSERT DATA), then count it there.
    Push(PushArgs),
    /// Serve the store (or, with --endpoint, a remote one) read-only over HTTP: a SPARQL 1.1 endpoint, linked-data pages for its IRIs, and web pages.
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell) to standard output.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output, e.g. `borderkg man > borderkg.1`.
    Man,
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free port); a non-loopback address needs --allow-remote.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Allow binding an address other people's machines can reach (the server has no authentication).
    #[arg(long)]
    pub allow_remote: bool,
    /// Folder of the article files, so that pages quote the sentences attestations cite.
    #[arg(long, env = "BORDERKG_SOURCES", value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Stop each query after this many seconds (a positive number), or `none`; a stopped query is answered 504.
    #[arg(long, value_name = "SECONDS|none", default_value = "10", value_parser = parse_time_limit)]
    pub timeout: TimeLimit,
    /// Refuse (413) an answer with more than this many rows or triples instead of sending part of it.
    #[arg(long, value_name = "ROWS", default_value_t = 100_000)]
    pub max_rows: usize,
    /// How many connections are served at once, each on its own thread (a slow query holds only its own).
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub threads: usize,
    /// Folder of the saved queries (default: ./queries when there is one, else the built-in queries).
    #[arg(long, value_name = "DIR")]
    pub queries: Option<PathBuf>,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Plain-text article files (UTF-8).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The articles' publication date, YYYY-MM-DD: relative dates ("on Sunday", "last May") resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// Source identifier (default: the file name without extension); only with one file.
    #[arg(long, value_name = "ID")]
    pub source_id: Option<String>,
    /// The article's title; only with one file.
    #[arg(long)]
    pub title: Option<String>,
    /// The publisher, as the graph names it or a new name.
    #[arg(long)]
    pub publisher: Option<String>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// turtle (a draft data file for `build --add`) or json (default: from the -o extension, else turtle).
    #[arg(long, short = 'f', value_parser = ["turtle", "ttl", "json"])]
    pub format: Option<String>,
    /// List the noun phrases in agent or target position that matched no known actor, with counts, on standard error.
    #[arg(long)]
    pub report_unmatched: bool,
    /// Folder of the ontology whose names are matched (default: ./ontology when there is one, else the built-in one).
    #[arg(long, value_name = "DIR")]
    pub ontology: Option<PathBuf>,
    /// Folder of the data whose actors and places are matched (default: ./data when there is one, else the built-in one).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Arguments of `extract-eval`.
#[derive(Debug, Args)]
pub struct ExtractEvalArgs {
    /// Folder of gold-standard articles (JSON, one per article, as in tests/extract-gold/).
    pub gold: PathBuf,
    /// Folder of the article texts the gold cites (FILE.txt per source).
    pub sources: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
    /// Also list, per article and run, the gold tuples missed and the tuples added, with their sentences.
    #[arg(long)]
    pub misses: bool,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The dataset: ucdp, acled, gdelt, or auto to detect it from each file.
    #[arg(value_parser = ["ucdp", "acled", "gdelt", "auto"])]
    pub dataset: String,
    /// The dataset files: CSV (UCDP GED, ACLED) or tab-separated (GDELT 1.0/2.0), plain, .gz or .zip.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Stop at the first bad row (nothing is imported) instead of skipping bad rows and counting them.
    #[arg(long)]
    pub strict: bool,
    /// Write the names that matched no curated actor or place, with counts, as TSV to this file (- for standard output).
    #[arg(long, value_name = "FILE")]
    pub report_unmatched: Option<PathBuf>,
    /// Folder of the ontology whose rules and shapes apply (default: ./ontology when there is one, else the built-in one).
    #[arg(long, value_name = "DIR")]
    pub ontology: Option<PathBuf>,
    /// When another build or import is writing the same store, wait for it instead of failing at once.
    #[arg(long)]
    pub wait: bool,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Arguments of `graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Which ties to write.
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Format to write: gexf, graphml, dot or csv (default: from the -o extension).
    #[arg(long, short = 'f', value_parser = parse::<GraphFormat>)]
    pub format: Option<GraphFormat>,
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
    /// Weight ties by the number of supporting events (events) or by the deaths in them (deaths).
    #[arg(long, value_parser = parse::<Weighting>, default_value = "events")]
    pub weight: Weighting,
    /// Keep only evidence dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE", value_parser = parse_calendar_date)]
    pub from: Option<String>,
    /// Keep only evidence dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE", value_parser = parse_calendar_date)]
    pub to: Option<String>,
    /// Keep only evidence stated at least this firmly: confirmed, reported, unconfirmed, claimed, alleged, suspected or denied.
    #[arg(long, value_name = "STANDING")]
    pub min_certainty: Option<String>,
    /// Leave out evidence that another statement denies or disputes.
    #[arg(long)]
    pub exclude_disputed: bool,
    /// Also make ties of where actors came from (bkg:originatedFrom: armed men or militants who crossed from a country, a drone's operators), beside the default relations or those of --relations.
    #[arg(long)]
    pub origins: bool,
    /// Count unreviewed candidates that `extract` proposed (bkg:reviewStatus bkg:Candidate); left out unless given.
    #[arg(long)]
    pub candidates: bool,
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
    /// Output format: text, markdown, json, csv or html (default: from the -o extension, else text).
    #[arg(long, short = 'f', value_parser = parse::<ReportFormat>)]
    pub format: Option<ReportFormat>,
    /// Width of text tables, in columns.
    #[arg(long, default_value_t = 120)]
    pub width: u16,
    /// HTML drawing: the measure that sizes the nodes (degree, betweenness, closeness, eigenvector, pagerank, katz…).
    #[arg(long, default_value = "pagerank")]
    pub size_by: String,
    /// HTML drawing: colour nodes by class or by community.
    #[arg(long, value_parser = parse::<ColorBy>, default_value = "class")]
    pub color_by: ColorBy,
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
    /// How many shortest paths to give (at least 1).
    #[arg(long, short = 'k', default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub k: u16,
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
    /// Folder of the ontology: Turtle files and rules/*.ru (default: ./ontology when there is one, else the built-in ontology).
    #[arg(long, value_name = "DIR")]
    pub ontology: Option<PathBuf>,
    /// Folder of the data: Turtle files, searched recursively (default: ./data when there is one, else the built-in curated data).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// A Turtle file or folder to add to the data, e.g. a reviewed `extract` draft. Repeatable.
    #[arg(long, value_name = "PATH")]
    pub add: Vec<PathBuf>,
    /// When another build or import is writing the same store, wait for it instead of failing at once.
    #[arg(long)]
    pub wait: bool,
    /// Build even though the ontology has no rules (the actor network will be empty).
    #[arg(long)]
    pub allow_no_rules: bool,
    /// Build even though the ontology has no SHACL shapes (nothing will be validated).
    #[arg(long)]
    pub allow_no_shapes: bool,
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
    /// A saved query name (see `borderkg queries`), the path of a .rq file, or - to read the query from standard input.
    #[arg(required_unless_present = "sparql", conflicts_with = "sparql")]
    pub query: Option<String>,
    /// SPARQL text to run instead of a saved query.
    #[arg(long)]
    pub sparql: Option<String>,
    /// Bind a query variable: NAME=VALUE, where VALUE is an IRI, prefixed name, label, number or "literal". Repeatable.
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Output format: table for people; csv, tsv, json, xml (W3C SPARQL results); turtle, ntriples for graphs.
    #[arg(long, short = 'f', value_parser = parse::<ResultFormat>, default_value = "table")]
    pub format: ResultFormat,
    /// Stop the query after this many seconds (a positive number), or `none` for no limit. A stopped query prints nothing and fails.
    #[arg(long, value_name = "SECONDS|none", default_value = "30", value_parser = parse_time_limit)]
    pub timeout: TimeLimit,
    /// Stop the query when the answer has more than this many rows (a stopped query prints nothing and fails).
    #[arg(long, value_name = "ROWS")]
    pub max_rows: Option<usize>,
    /// Stop the query when borderkg uses more than this many megabytes of memory, or `none`.
    #[arg(long, value_name = "MB|none", default_value = "4096", value_parser = parse_memory_limit)]
    pub max_memory: MemoryLimit,
    /// Folder of the saved queries (default: ./queries when there is one, else the built-in queries).
    #[arg(long, value_name = "DIR")]
    pub queries: Option<PathBuf>,
    /// Width of the table, in columns; cells wrap to fit (default: the terminal's width, or no limit
    /// when standard output is not a terminal).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// A validated `--timeout`: a positive, finite number of seconds, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLimit(pub Option<std::time::Duration>);

/// A validated `--max-memory`, in bytes, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryLimit(pub Option<u64>);

fn is_none_word(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "none" | "off" | "unlimited"
    )
}

/// Parses `--from`/`--to`: a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (four-digit year,
/// two-digit month and day).
fn parse_calendar_date(text: &str) -> Result<String, String> {
    let bad =
        || format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-08 or 2021-08-15");
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let widths = [4, 2, 2];
    if parts.is_empty() || parts.len() > 3 || !parts.iter().zip(widths).all(|(p, w)| digits(p, w)) {
        return Err(bad());
    }
    if crate::dates::spell(text).is_none() {
        return Err(format!(
            "`{text}` is not a date in the calendar (no such month, or that month has no such day)"
        ));
    }
    Ok(text.to_owned())
}

/// Parses `--timeout`: `none`, or a positive finite number of seconds up to a year.
fn parse_time_limit(text: &str) -> Result<TimeLimit, String> {
    if is_none_word(text) {
        return Ok(TimeLimit(None));
    }
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds; write e.g. 30, 2.5 or none"))?;
    if !seconds.is_finite() || seconds <= 0.0 {
        return Err(format!(
            "`{text}` is not a usable time limit: give a positive number of seconds, or none for no limit"
        ));
    }
    if seconds > 366.0 * 86_400.0 {
        return Err(format!(
            "`{text}` seconds is more than a year; write none for no limit"
        ));
    }
    std::time::Duration::try_from_secs_f64(seconds)
        .map(|d| TimeLimit(Some(d)))
        .map_err(|e| format!("`{text}`: {e}"))
}

/// Parses `--max-memory`: `none`, or a positive whole number of megabytes.
fn parse_memory_limit(text: &str) -> Result<MemoryLimit, String> {
    if is_none_word(text) {
        return Ok(MemoryLimit(None));
    }
    match text.trim().parse::<u64>() {
        Ok(mb) if mb > 0 => mb
            .checked_mul(1_048_576)
            .map(|b| MemoryLimit(Some(b)))
            .ok_or_else(|| format!("`{text}` megabytes is too large; write none for no limit")),
        _ => Err(format!(
            "`{text}` is not a number of megabytes: give a positive whole number, or none for no limit"
        )),
    }
}

/// Arguments of `queries`.
#[derive(Debug, Args)]
pub struct QueriesArgs {
    /// Folder of the saved queries (default: ./queries when there is one, else the built-in queries).
    #[arg(long, value_name = "DIR")]
    pub queries: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Arguments of `push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// How to send the triples.
    #[arg(long, value_enum, default_value_t = PushMethodArg::Auto)]
    pub method: PushMethodArg,
    /// Triples per INSERT DATA request when sending with SPARQL Update.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub chunk: u64,
    /// Triples per Graph Store request: a larger graph is sent as a PUT of its first part, then a POST of each other part (no longer all or nothing). Parts also stop at 1 GiB. Virtuoso 7.2 stalled on parts of a million triples.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub part: u64,
    /// Times a request that failed on a 5xx answer, a timeout or a broken connection is tried again (waiting 0.5 s, 1 s, 2 s…).
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
}

/// How `push` sends the triples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PushMethodArg {
    /// Graph Store PUT when --gsp-endpoint is given (falling back to SPARQL Update if the server lacks it), SPARQL Update otherwise.
    Auto,
    /// Only the Graph Store Protocol: one PUT that replaces the graph (or, past --part triples, a PUT and then POSTs).
    Gsp,
    /// Only SPARQL Update: DROP SILENT GRAPH, then INSERT DATA in chunks.
    Update,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// RDF format: turtle (ttl), ntriples (nt), nquads (nq), trig, rdfxml (rdf), jsonld (default: from the -o extension, else turtle).
    #[arg(long, short = 'f', value_parser = parse::<ExportFormat>)]
    pub format: Option<ExportFormat>,
    /// File to write (written beside, then renamed into place); standard output when absent.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Triple order: sorted (subjects in order, read into memory first), store (streamed in the
    /// store's own order, in constant memory), or auto: sorted up to a million quads, else store.
    #[arg(long, value_enum, default_value_t = ExportOrder::Auto)]
    pub order: ExportOrder,
}

/// The order `export` writes triples in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportOrder {
    /// Sorted up to a million quads (triples, on an endpoint), else the store's order.
    Auto,
    /// Sorted by subject, predicate and object, with blank nodes inline.
    Sorted,
    /// The store's own order, streamed: the same bytes from the same store, at any size. On an
    /// endpoint, the order the server sends the graph in, streamed.
    Store,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_limits_are_validated() {
        assert_eq!(parse_time_limit("none"), Ok(TimeLimit(None)));
        assert_eq!(
            parse_time_limit("2.5"),
            Ok(TimeLimit(Some(std::time::Duration::from_millis(2500))))
        );
        for bad in ["0", "-1", "NaN", "inf", "1e30", "soon", ""] {
            assert!(parse_time_limit(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn dates_must_be_real_calendar_dates() {
        for ok in ["2021", "2021-08", "2021-08-15", "2024-02-29"] {
            assert!(parse_calendar_date(ok).is_ok(), "{ok}");
        }
        for bad in [
            "2021-13",
            "2021-02-30",
            "2021-1",
            "02021",
            "2023-02-29",
            "21-08",
            "2021-08-15-1",
            "x",
        ] {
            assert!(parse_calendar_date(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn memory_limits_are_validated() {
        assert_eq!(parse_memory_limit("none"), Ok(MemoryLimit(None)));
        assert_eq!(parse_memory_limit("2"), Ok(MemoryLimit(Some(2 * 1_048_576))));
        for bad in ["0", "-5", "1.5", "lots", "99999999999999999"] {
            assert!(parse_memory_limit(bad).is_err(), "{bad} accepted");
        }
    }
}
