#!/usr/bin/env bash
# Times `borderkg import` and `borderkg export` against the Oxigraph CLI on the same triples, in one
# run, and prints ratios of triples per second (higher is better for borderkg) and peak memory.
#
#   bench/import.sh [ROWS] [DATASET]     e.g. bench/import.sh 100000 ucdp   (default 10000 ucdp)
#
# DATASET is ucdp, acled or gdelt; the synthetic files come from `examples/gen_datasets.rs`. Needs
# the Oxigraph CLI (`pip install oxigraph`) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000}"
dataset="${2:-ucdp}"
case "$dataset" in
  ucdp) file=ucdp-ged.csv ;;
  acled) file=acled-current.csv ;;
  gdelt) file=gdelt2.tsv ;;
  *) echo "DATASET is ucdp, acled or gdelt" >&2; exit 2 ;;
esac
command -v oxigraph >/dev/null || python3 -m pip install --quiet oxigraph
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderkg/target}"
cargo build --release --quiet --bin borderkg --example gen_datasets
bin="$CARGO_TARGET_DIR/release/borderkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$CARGO_TARGET_DIR/release/examples/gen_datasets" "$rows" 1 "$work/in" 2>/dev/null

# Seconds and peak resident KB of a command, as "S KB".
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }

"$bin" --store "$work/store" build >/dev/null
read -r t_import m_import < <(measure "$bin" --store "$work/store" import "$dataset" "$work/in/$file")
graph="https://w3id.org/borderkg/graph/import/$dataset"
"$bin" --store "$work/store" query --timeout none --max-memory none -f nt \
  --sparql "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <$graph> { ?s ?p ?o } }" >"$work/import.nt"
triples=$(wc -l <"$work/import.nt")
read -r t_oxload m_oxload < <(measure oxigraph load --location "$work/ox" --file "$work/import.nt")

total=$("$bin" --store "$work/store" query -f csv --timeout none --sparql 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1)
read -r t_export _ < <(measure "$bin" --store "$work/store" export -f nt -o "$work/export.nt")
"$bin" --store "$work/store" export -f nt -o "$work/all.nt"
read -r t_oxload_all _ < <(measure oxigraph load --location "$work/ox-all" --file "$work/all.nt")
read -r t_dump _ < <(measure oxigraph dump --location "$work/ox-all" --graph default --file "$work/dump.nt")

tps() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):,.0f}')" "$1" "$2"; }
echo "rows: $rows $dataset; imported triples: $triples; store: $total quads"
printf '%-34s %9s %14s %10s\n' "step" "seconds" "triples/s" "peak MB"
printf '%-34s %9s %14s %10s\n' "borderkg import (rules, shapes)" "$t_import" "$(tps "$triples" "$t_import")" "$((m_import / 1024))"
printf '%-34s %9s %14s %10s\n' "oxigraph load (same N-Triples)" "$t_oxload" "$(tps "$triples" "$t_oxload")" "$((m_oxload / 1024))"
printf '%-34s %9s\n' "borderkg export -f nt" "$t_export"
printf '%-34s %9s\n' "oxigraph dump" "$t_dump"
echo "import / oxigraph load, triples per second: $(ratio "$t_oxload" "$t_import")"
echo "export speed-up over oxigraph dump:         $(ratio "$t_dump" "$t_export")"
