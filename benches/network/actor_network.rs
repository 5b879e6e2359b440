//! A synthetic actor network shaped like the border region's: states, armed groups, bodies and
//! persons joining theatres over time, tied mostly inside their theatre, to actors that already
//! have many ties. Deterministic from a seed (its own SplitMix64, so the graph does not change when
//! the `rand` crate does), and written as a plain edge list so that python-igraph reads the very
//! same graph.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::{bail, ensure, Context, Result};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Number of actors.
    pub nodes: usize,
    /// Number of directed ties; the generator stops exactly there.
    pub edges: usize,
    /// Seed of the random stream.
    pub seed: u64,
}

/// A directed simple graph (no self-loops, no parallel ties) on nodes `0..nodes`.
pub struct ActorNetwork {
    /// Number of actors.
    pub nodes: usize,
    /// Directed ties `(source, target)` in the order they were made.
    pub edges: Vec<(u32, u32)>,
}

/// The kinds of actor, with their share of arrivals and the ties each makes when it appears.
#[derive(Clone, Copy)]
enum Kind {
    State,
    ArmedGroup,
    Body,
    Person,
}

impl Kind {
    fn draw(rng: &mut SplitMix64) -> Self {
        match rng.unit() {
            p if p < 0.005 => Kind::State,
            p if p < 0.155 => Kind::ArmedGroup,
            p if p < 0.355 => Kind::Body,
            _ => Kind::Person,
        }
    }

    fn ties_on_arrival(self) -> usize {
        match self {
            Kind::State => 10,
            Kind::ArmedGroup => 5,
            Kind::Body => 4,
            Kind::Person => 2,
        }
    }
}

/// Concentration of the Chinese-restaurant draw of theatres: about `THETA · ln(n / THETA)` of them,
/// of heavy-tailed sizes.
const THETA: f64 = 8.0;
/// Share of ties made inside the actor's own theatre.
const LOCAL: f64 = 0.8;
/// Share of ties that are alliances, made in both directions.
const RECIPROCAL: f64 = 0.2;
/// Share of one-way arrival ties pointing from the newcomer (attacks, claims, membership); the rest
/// point to it (command, funding, targeting).
const FROM_NEWCOMER: f64 = 0.6;
/// Share of later ties that close a triangle (a partner's partner) instead of a degree-biased draw.
const TRIADIC: f64 = 0.3;

/// Grows the network: every actor arrives in a theatre and ties itself to earlier actors, chosen in
/// proportion to their degree + 1 (preferential attachment), mostly in its theatre; then later
/// incidents add ties between existing actors (degree-biased, or closing triangles) until there are
/// exactly `spec.edges`.
pub fn generate(spec: Spec) -> Result<ActorNetwork> {
    ensure!(spec.nodes >= 2, "an actor network needs at least 2 actors");
    let possible = spec.nodes as u128 * (spec.nodes as u128 - 1);
    ensure!(
        spec.edges as u128 * 2 <= possible,
        "{} ties on {} actors is more than half of all possible ties",
        spec.edges,
        spec.nodes
    );
    let mut growth = Growth::new(spec);
    for node in 0..spec.nodes as u32 {
        growth.arrive(node);
    }
    while growth.edges.len() < spec.edges {
        growth.incident();
    }
    Ok(ActorNetwork {
        nodes: spec.nodes,
        edges: growth.edges,
    })
}

/// The state of the generator while the network grows.
struct Growth {
    rng: SplitMix64,
    target: usize,
    edges: Vec<(u32, u32)>,
    seen: HashSet<u64>,
    /// Undirected neighbours, for triangle closing.
    neighbours: Vec<Vec<u32>>,
    theatre: Vec<u32>,
    /// Each node once, plus once per tie end: a uniform draw is a draw by degree + 1.
    tokens: Vec<u32>,
    theatre_tokens: Vec<Vec<u32>>,
}

impl Growth {
    fn new(spec: Spec) -> Self {
        Self {
            rng: SplitMix64(spec.seed),
            target: spec.edges,
            edges: Vec::with_capacity(spec.edges),
            seen: HashSet::with_capacity(spec.edges),
            neighbours: vec![Vec::new(); spec.nodes],
            theatre: Vec::with_capacity(spec.nodes),
            tokens: Vec::with_capacity(spec.nodes + 2 * spec.edges),
            theatre_tokens: Vec::new(),
        }
    }

    /// Node `u` joins a theatre (a new one, or an existing one in proportion to its size) and ties
    /// itself to earlier actors.
    fn arrive(&mut self, u: u32) {
        let n = u as f64;
        let theatre = if u == 0 || self.rng.unit() < THETA / (THETA + n) {
            self.theatre_tokens.push(Vec::new());
            self.theatre_tokens.len() - 1
        } else {
            self.theatre[self.rng.below(u as usize)] as usize
        };
        self.theatre.push(theatre as u32);
        self.tokens.push(u);
        self.theatre_tokens[theatre].push(u);
        if u == 0 {
            return;
        }
        let ties = Kind::draw(&mut self.rng).ties_on_arrival().min(u as usize);
        for _ in 0..ties {
            // A few tries: a hub may already be tied to `u`.
            for _ in 0..8 {
                let t = self.by_degree(theatre);
                if t != u && !self.tied(u, t) {
                    let (a, b) = if self.rng.unit() < FROM_NEWCOMER {
                        (u, t)
                    } else {
                        (t, u)
                    };
                    self.tie(a, b);
                    break;
                }
            }
        }
    }

    /// A later incident between two existing actors.
    fn incident(&mut self) {
        let u = self.tokens[self.rng.below(self.tokens.len())];
        let v = if self.rng.unit() < TRIADIC && !self.neighbours[u as usize].is_empty() {
            let w = self.neighbour(u);
            self.neighbour(w)
        } else {
            self.by_degree(self.theatre[u as usize] as usize)
        };
        if u != v && !self.tied(u, v) {
            self.tie(u, v);
        }
    }

    /// An earlier actor drawn by degree + 1, in `theatre` with probability [`LOCAL`].
    fn by_degree(&mut self, theatre: usize) -> u32 {
        if self.rng.unit() < LOCAL && self.theatre_tokens[theatre].len() > 1 {
            let i = self.rng.below(self.theatre_tokens[theatre].len());
            self.theatre_tokens[theatre][i]
        } else {
            self.tokens[self.rng.below(self.tokens.len())]
        }
    }

    /// A uniform neighbour of `u`, which has at least one (every tie has two ends).
    fn neighbour(&mut self, u: u32) -> u32 {
        let among = &self.neighbours[u as usize];
        among[self.rng.below(among.len())]
    }

    fn tied(&self, a: u32, b: u32) -> bool {
        self.seen.contains(&key(a, b)) || self.seen.contains(&key(b, a))
    }

    /// Adds `a → b`, and `b → a` too for an alliance while there is room for both.
    fn tie(&mut self, a: u32, b: u32) {
        self.arc(a, b);
        if self.edges.len() < self.target && self.rng.unit() < RECIPROCAL {
            self.arc(b, a);
        }
    }

    fn arc(&mut self, a: u32, b: u32) {
        if self.edges.len() >= self.target || !self.seen.insert(key(a, b)) {
            return;
        }
        self.edges.push((a, b));
        self.neighbours[a as usize].push(b);
        self.neighbours[b as usize].push(a);
        for x in [a, b] {
            self.tokens.push(x);
            self.theatre_tokens[self.theatre[x as usize] as usize].push(x);
        }
    }
}

fn key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Writes the network as `source target` lines under a `#` header giving the node count (trailing
/// isolated actors would otherwise be lost). Flushed and synced.
pub fn write_edge_list(network: &ActorNetwork, spec: &Spec, path: &Path) -> Result<()> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = BufWriter::new(file);
    writeln!(
        out,
        "# borderkg actor network: nodes={} edges={} seed={}",
        network.nodes,
        network.edges.len(),
        spec.seed
    )?;
    writeln!(
        out,
        "# one directed tie per line: source target (0-based actor ids)"
    )?;
    for (a, b) in &network.edges {
        writeln!(out, "{a} {b}")?;
    }
    let file = out.into_inner().context("flushing the edge list")?;
    file.sync_all()
        .with_context(|| format!("syncing {}", path.display()))?;
    Ok(())
}

/// Reads an edge list written by [`write_edge_list`].
pub fn read_edge_list(path: &Path) -> Result<ActorNetwork> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut nodes = None;
    let mut edges = Vec::new();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(n) = comment.split_whitespace().find_map(|w| w.strip_prefix("nodes=")) {
                nodes = Some(n.parse::<usize>().context("parsing nodes= in the header")?);
            }
            continue;
        }
        let mut ids = line.split_whitespace().map(str::parse::<u32>);
        match (ids.next(), ids.next(), ids.next()) {
            (Some(Ok(a)), Some(Ok(b)), None) => edges.push((a, b)),
            (None, _, _) => {}
            _ => bail!("{}:{}: expected `source target`", path.display(), number + 1),
        }
    }
    let Some(nodes) = nodes else {
        bail!("{}: no `# ... nodes=N` header", path.display());
    };
    if let Some(&(a, b)) = edges.iter().find(|(a, b)| a.max(b) >= &(nodes as u32)) {
        bail!(
            "{}: tie {a} {b} names an actor beyond nodes={nodes}",
            path.display()
        );
    }
    Ok(ActorNetwork { nodes, edges })
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast and fixed forever.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias is below 2⁻³² for our sizes).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}
