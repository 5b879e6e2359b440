#!/usr/bin/env bash
# Load benchmark of `borderkg serve` beside `oxigraph serve-read-only` (PyPI `oxigraph`, installed
# when missing) on the same store and the same SPARQL mix (the saved queries that take no
# parameter), loopback only, bounded: CLIENTS threads for SECONDS seconds per run. Entity pages are
# timed on borderkg alone. Prints each run and the ratios.
#
#   bench/serve.sh [CLIENTS] [SECONDS]     (defaults 8 and 10)
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-8}"
seconds="${2:-10}"

command -v oxigraph >/dev/null 2>&1 || python3 -m pip install --quiet oxigraph
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderkg/target}"
cargo build --release --quiet
borderkg="$CARGO_TARGET_DIR/release/borderkg"

work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$borderkg" --store "$work/store" build >/dev/null
generation="$work/store/$(cat "$work/store/generation")"

"$borderkg" --store "$work/store" serve --bind 127.0.0.1:0 >"$work/borderkg.out" &
pids+=($!)
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
oxigraph serve-read-only --location "$generation" --bind "127.0.0.1:$port" --union-default-graph >"$work/oxigraph.out" 2>&1 &
pids+=($!)

for _ in $(seq 100); do grep -q 'http://' "$work/borderkg.out" && break; sleep 0.2; done
borderkg_url="$(grep -o 'http://[^ ]*' "$work/borderkg.out" | head -1)"
oxigraph_url="http://127.0.0.1:$port"
for _ in $(seq 100); do python3 -c "import urllib.request; urllib.request.urlopen('$oxigraph_url/query?query=ASK%7B%7D')" 2>/dev/null && break; sleep 0.2; done

# A sample of entity pages: actors and events.
pages="$("$borderkg" --store "$work/store" query --sparql \
  'SELECT ?e WHERE { { ?e a/rdfs:subClassOf* bkg:Actor } UNION { ?e a/rdfs:subClassOf* bkg:Event } FILTER(STRSTARTS(STR(?e), STR(id:))) } ORDER BY ?e LIMIT 40' \
  -f csv | tail -n +2 | tr -d '\r' | sed 's#https://w3id.org/borderkg##' | paste -sd, -)"

echo "load: $clients clients, $seconds s per run, on $(nproc) cores (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 bench/serve_load.py --name oxigraph --base "$oxigraph_url" --sparql queries --clients "$clients" --seconds "$seconds" | tee "$work/results"
python3 bench/serve_load.py --name borderkg --base "$borderkg_url" --sparql queries --pages "$pages" --clients "$clients" --seconds "$seconds" | tee -a "$work/results"
python3 - "$work/results" <<'PY'
import json, sys
runs = {(r["name"], r["kind"]): r for r in map(json.loads, open(sys.argv[1]))}
b, o = runs[("borderkg", "sparql")], runs[("oxigraph", "sparql")]
print(f"SPARQL mix, borderkg over oxigraph: throughput {b['throughput'] / o['throughput']:.2f}x, "
      f"p50 {b['p50_ms'] / o['p50_ms']:.2f}x, p99 {b['p99_ms'] / o['p99_ms']:.2f}x")
p = runs.get(("borderkg", "pages"))
if p:
    print(f"entity pages: p50 {p['p50_ms']} ms, p99 {p['p99_ms']} ms, {p['throughput']} pages/s")
PY
