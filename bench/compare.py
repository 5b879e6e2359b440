#!/usr/bin/env python3
"""Times borderkg's network measures against python-igraph on the same actor network, in one run.

Requires python-igraph (`pip install igraph`) and cargo; nothing else outside the standard library.
This script installs nothing.

    python3 bench/compare.py                       # 20,000 actors, 100,000 ties, all measures
    python3 bench/compare.py --measures pagerank,eigenvector --repeats 5

It generates the network with the Rust bench (`cargo bench --bench network -- generate`), reads the
same edge list into igraph, then for each measure runs `cargo bench --bench network -- run` and right
after it igraph's equivalent call, so that each pair is timed close together on a noisy machine. It
prints one table row per measure: best-of-N seconds of both, their ratio, the target and whether it
is met, and how well the two tools' scores agree on this graph (Pearson r, and the largest relative
difference over igraph's top 100 nodes), so that a fast answer to a different question cannot pass.

borderkg runs betweenness and closeness on all cores (rayon); igraph runs everything on one thread.
CARGO_TARGET_DIR is honoured; when unset it defaults to ~/.cache/borderkg/target, as in .ci/run.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import igraph
except ImportError:
    sys.exit("bench/compare.py needs python-igraph: pip install igraph")

ROOT = Path(__file__).resolve().parent.parent

# Measures whose all-pairs cost gets the smaller repeat count.
SLOW = {"betweenness", "betweenness_undirected", "closeness", "closeness_undirected"}

# Largest borderkg/igraph time ratio the issue accepts, by measure.
TARGETS = {
    "betweenness": 1.0,
    "betweenness_undirected": 1.0,
    "closeness": 1.0,
    "closeness_undirected": 1.0,
    "pagerank": 2.0,
    "pagerank_exact": 2.0,
    "eigenvector": 2.0,
    "eigenvector_exact": 2.0,
}

ORDER = [
    "degree",
    "pagerank",
    "pagerank_exact",
    "eigenvector",
    "eigenvector_exact",
    "katz",
    "closeness",
    "closeness_undirected",
    "betweenness",
    "betweenness_undirected",
]


def igraph_calls(g: igraph.Graph, u: igraph.Graph):
    """igraph's equivalent of each measure: (cache key, call, rescale to borderkg's convention).

    Rows sharing a key share one igraph timing (the `_exact` rows differ only on borderkg's side).
    """
    n = g.vcount()
    pairs = (n - 1) * (n - 2)

    def scale(factor):
        return lambda xs: [x * factor for x in xs]

    def nan_to_zero(xs):
        return [0.0 if math.isnan(x) else x for x in xs]

    pagerank = ("pagerank", lambda: g.pagerank(damping=0.85, directed=True), lambda xs: xs)
    eigenvector = ("eigenvector", lambda: u.eigenvector_centrality(), to_max_one)
    return {
        "degree": ("degree", lambda: g.degree(), scale(1.0 / (n - 1))),
        # igraph counts each ordered pair once; networkx's normalisation divides by (n-1)(n-2),
        # and an undirected pair counts in both directions there.
        "betweenness": ("betweenness", lambda: g.betweenness(directed=True), scale(1.0 / pairs)),
        "betweenness_undirected": ("betweenness_undirected", lambda: u.betweenness(), scale(2.0 / pairs)),
        # igraph's closeness is (reached − 1) / Σ distance over the nodes reached: networkx's
        # wf_improved=False. A node nothing reaches is NaN there and 0 in borderkg.
        "closeness": ("closeness", lambda: g.closeness(mode="in"), nan_to_zero),
        "closeness_undirected": ("closeness_undirected", lambda: u.closeness(), nan_to_zero),
        "pagerank": pagerank,
        "pagerank_exact": pagerank,
        "eigenvector": eigenvector,
        "eigenvector_exact": eigenvector,
    }


def to_max_one(xs):
    top = max(xs)
    return [x / top for x in xs] if top > 0 else list(xs)


def cargo_bench(args: list[str], quiet: bool = False) -> str:
    """Runs the Rust bench with `args`, returning its stdout (JSON lines).

    Its stderr (cargo's build messages, the network summary) is shown, unless `quiet`, in which case
    it is shown only on failure.
    """
    command = ["cargo", "bench", "--quiet", "--bench", "network", "--", *args]
    stderr = subprocess.PIPE if quiet else None
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True, check=False)
    if done.returncode != 0:
        if quiet:
            sys.stderr.write(done.stderr)
        sys.exit(f"`{' '.join(command)}` failed with exit code {done.returncode}")
    return done.stdout


def read_edge_list(path: Path) -> tuple[int, list[tuple[int, int]]]:
    nodes = None
    edges = []
    with path.open() as f:
        for line in f:
            if line.startswith("#"):
                for word in line[1:].split():
                    if word.startswith("nodes="):
                        nodes = int(word[len("nodes=") :])
            elif line.strip():
                a, b = line.split()
                edges.append((int(a), int(b)))
    if nodes is None:
        sys.exit(f"{path}: no `# ... nodes=N` header")
    return nodes, edges


def machine_busy_seconds() -> float | None:
    """Busy CPU seconds of all cores so far (the `cpu` line of /proc/stat, less idle and iowait)."""
    try:
        with open("/proc/stat") as f:
            ticks = [float(t) for t in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (sum(ticks) - ticks[3] - ticks[4]) / 100.0


def background_cores(wall: float, own_cpu: float, busy_before, busy_after) -> float | None:
    """Cores other processes kept busy over a run of `wall` seconds (None under 1 s: tick noise)."""
    if busy_before is None or busy_after is None or wall < 1.0:
        return None
    return max(0.0, (busy_after - busy_before - own_cpu) / wall)


def wait_for_quiet(limit: float) -> float | None:
    """Waits up to `limit` seconds for other processes to use under 0.15 cores; returns their load."""
    deadline = time.monotonic() + limit
    while True:
        before, own = machine_busy_seconds(), time.process_time()
        time.sleep(1.0)
        load = background_cores(1.0, time.process_time() - own, before, machine_busy_seconds())
        if load is None or load < 0.15 or time.monotonic() >= deadline:
            return load
        print(f"    (background load {load:.2f} cores; waiting)", flush=True)
        time.sleep(4.0)


def time_igraph(call, repeats: int):
    """Best-of-`repeats` timing of `call`, with the garbage collector off while timing."""
    seconds, background = [], []
    result = None
    for _ in range(max(repeats, 1)):
        gc.collect()
        gc.disable()
        try:
            busy, cpu = machine_busy_seconds(), time.process_time()
            start = time.perf_counter()
            result = call()
            wall = time.perf_counter() - start
            own = time.process_time() - cpu
            background.append(background_cores(wall, own, busy, machine_busy_seconds()))
            seconds.append(wall)
        finally:
            gc.enable()
    return seconds, background, result


def read_scores(path: Path) -> list[float]:
    with path.open() as f:
        return [float(line) for line in f if line.strip()]


def agreement(ours: list[float], theirs: list[float], top: int = 100) -> tuple[float, float]:
    """Pearson r over all nodes, and max |ours − theirs| / |theirs| over igraph's `top` nodes."""
    r = statistics.correlation(ours, theirs) if statistics.pstdev(theirs) > 0 else float("nan")
    best = sorted(range(len(theirs)), key=lambda i: -theirs[i])[:top]
    worst = max((abs(ours[i] - theirs[i]) / abs(theirs[i]) for i in best if theirs[i] != 0), default=0.0)
    return r, worst


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=20_000, help="actors (default 20000)")
    parser.add_argument("--edges", type=int, default=100_000, help="directed ties (default 100000)")
    parser.add_argument("--seed", type=int, default=2024, help="generator seed (default 2024)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of fast measures (default 5)")
    parser.add_argument(
        "--slow-repeats", type=int, default=1, help="timed runs of betweenness and closeness (default 1)"
    )
    parser.add_argument("--measures", default=",".join(ORDER), help="comma-separated measures (default all)")
    parser.add_argument("--workdir", type=Path, help="where to keep the edge list, scores and results.json")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="before each measure, wait up to SECONDS for other processes to leave the CPU (default 0)",
    )
    return parser.parse_args()


def main():
    args = parse_args()
    measures = [m for m in args.measures.split(",") if m]
    unknown = [m for m in measures if m not in ORDER]
    if unknown:
        sys.exit(f"unknown measure(s) in --measures: {', '.join(unknown)}; known: {', '.join(ORDER)}")
    os.environ.setdefault("CARGO_TARGET_DIR", str(Path.home() / ".cache" / "borderkg" / "target"))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="borderkg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "values").mkdir(exist_ok=True)
    edge_list = workdir / "actors.txt"
    spec = ["--nodes", str(args.nodes), "--edges", str(args.edges), "--seed", str(args.seed)]

    print(f"generating the actor network into {edge_list} (building the bench if needed) ...", flush=True)
    cargo_bench(["generate", "--out", str(edge_list), *spec])
    n, edges = read_edge_list(edge_list)
    g = igraph.Graph(n=n, edges=edges, directed=True)
    u = g.as_undirected(mode="collapse")
    if not g.is_simple():
        sys.exit("the generated network has loops or parallel ties; the two tools would disagree")
    print(
        f"graph: {n} actors, {g.ecount()} directed ties ({u.ecount()} undirected); "
        f"python-igraph {igraph.__version__}, {os.cpu_count()} cores",
        flush=True,
    )

    calls = igraph_calls(g, u)
    igraph_done = {}
    rows = []
    for measure in [m for m in ORDER if m in measures]:
        repeats = args.slow_repeats if measure in SLOW else args.repeats
        if args.wait_quiet > 0:
            wait_for_quiet(args.wait_quiet)
        print(f"  {measure}: borderkg ...", end="", flush=True)
        out = cargo_bench(
            [
                "run",
                "--graph",
                str(edge_list),
                "--measures",
                measure,
                "--repeats",
                str(repeats),
                "--slow-repeats",
                str(repeats),
                "--values",
                str(workdir / "values"),
            ],
            quiet=True,
        )
        ours = json.loads(out.strip().splitlines()[-1])
        row = {"measure": measure, "graph": ours["graph"], "threads": ours["threads"], "borderkg": ours}
        print(f" {ours['min']:.3f}s", end="", flush=True)
        if measure in calls:
            key, call, rescale = calls[measure]
            if key not in igraph_done:
                print(", igraph ...", end="", flush=True)
                seconds, background, result = time_igraph(call, repeats)
                igraph_done[key] = (seconds, background, rescale(list(result)))
            seconds, background, theirs = igraph_done[key]
            row["igraph"] = {
                "seconds": seconds,
                "min": min(seconds),
                "median": statistics.median(seconds),
                "background": background,
            }
            print(f" {min(seconds):.3f}s", end="", flush=True)
            scores = read_scores(workdir / "values" / f"{measure}.txt")
            if measure.startswith("eigenvector"):
                scores = to_max_one(scores)
            row["pearson_r"], row["top100_max_rel_diff"] = agreement(scores, theirs)
        print(flush=True)
        rows.append(row)

    (workdir / "results.json").write_text(json.dumps(rows, indent=2))
    print()
    print(render(rows, args))
    print(f"\nraw timings and scores: {workdir}")


def best(timing: dict, field: str):
    """`field` of the fastest run, e.g. the cores it used; None when not recorded."""
    values = timing.get(field) or []
    i = min(range(len(timing["seconds"])), key=lambda k: timing["seconds"][k])
    return values[i] if i < len(values) else None


def fmt(x, spec: str, none: str = "-") -> str:
    return none if x is None else format(x, spec)


def render(rows, args) -> str:
    header = [
        "measure",
        "graph",
        "borderkg s",
        "cores",
        "igraph s",
        "ratio",
        "target",
        "result",
        "background",
        "pearson r",
        "top-100 rel diff",
    ]
    table = [header]
    noisy = False
    for row in rows:
        ours = row["borderkg"]
        theirs = row.get("igraph")
        target = TARGETS.get(row["measure"])
        ratio = ours["min"] / theirs["min"] if theirs else None
        met = "-" if target is None or ratio is None else ("met" if ratio <= target else "NOT met")
        loads = [best(ours, "background")] + ([best(theirs, "background")] if theirs else [])
        loads = [x for x in loads if x is not None]
        background = max(loads) if loads else None
        noisy = noisy or (background is not None and background > 0.25)
        table.append(
            [
                row["measure"],
                row["graph"],
                f"{ours['min']:.4f}",
                fmt(best(ours, "cores"), ".2f"),
                fmt(theirs and theirs["min"], ".4f"),
                fmt(ratio, ".2f"),
                fmt(target, "g"),
                met,
                fmt(background, ".2f"),
                fmt(row.get("pearson_r"), ".6f"),
                fmt(row.get("top100_max_rel_diff"), ".1e"),
            ]
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in table]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    threads = ", ".join(str(t) for t in sorted({row["threads"] for row in rows}))
    lines += [
        "",
        f"seconds: best of {args.repeats} runs ({args.slow_repeats} for betweenness and closeness); "
        "ratio = borderkg / igraph, target = largest ratio accepted",
        f"cores: cores borderkg kept busy in its best run ({threads} rayon threads; igraph uses 1); "
        "background: cores other processes took meanwhile (worse of the two tools' best runs)",
        "pearson r and top-100 rel diff: agreement of the two tools' scores on this graph",
    ]
    if noisy:
        lines.append(
            "WARNING: other processes took over 0.25 cores during some runs; those ratios are "
            "unfair to the parallel measures. Rerun on an idle machine (or with --wait-quiet 300)."
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
