#!/usr/bin/env bash
# Times `borderkg import` against `oxigraph load` of the same store as N-Triples, `borderkg build`
# against `oxigraph load` of the same Turtle (ROWS synthetic events in the curated model, from
# `examples/gen_turtle.rs`), and `borderkg export` against `oxigraph dump`, in one run, and prints
# ratios of triples per second (higher is better for borderkg) and peak memory. Every step streams,
# so 1,000,000 rows need about 45 GB of disk.
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
cargo build --release --quiet --bin borderkg --example gen_datasets --example gen_turtle
bin="$CARGO_TARGET_DIR/release/borderkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$CARGO_TARGET_DIR/release/examples/gen_datasets" "$rows" 1 "$work/in" 2>/dev/null

# Seconds and peak resident KB of a command, as "S KB"; its standard output is kept in $work/out.
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }
tps() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):,.0f}')" "$1" "$2"; }

"$bin" --store "$work/store" build >/dev/null
read -r t_import m_import < <(measure "$bin" --store "$work/store" import "$dataset" "$work/in/$file")
# "imported N rows into STORE (AFTER triples, was BEFORE; …)": what the import wrote, derived triples included.
read -r after before < <(sed -n 's/.*(\([0-9]*\) triples, was \([0-9]*\);.*/\1 \2/p' "$work/out")
written=$((after - before))
rm -rf "$work/in"

# The whole store as N-Triples, streamed in the store's order (more than a million quads), then the
# same triples loaded by the Oxigraph CLI and dumped again.
read -r t_export_nt _ < <(measure "$bin" --store "$work/store" export --order store -f nt -o "$work/all.nt")
read -r t_export_ttl m_export < <(measure "$bin" --store "$work/store" export --order store -f turtle -o "$work/all.ttl")
rm -f "$work/all.ttl"
triples=$(wc -l <"$work/all.nt")
read -r t_oxload m_oxload < <(measure oxigraph load --location "$work/ox" --file "$work/all.nt")
rm -f "$work/all.nt"
read -r t_dump _ < <(measure oxigraph dump --location "$work/ox" --graph default --format nt --file "$work/dump.nt")

# The build: the curated data plus ROWS synthetic events in one Turtle file, against the Oxigraph
# CLI loading that file. No --sources: the synthetic sentences are in no article.
rm -rf "$work/ox"
"$CARGO_TARGET_DIR/release/examples/gen_turtle" "$rows" 1 "$work/syn.ttl" 2>"$work/gen"
syn_triples=$(sed -n 's/.*events, \([0-9]*\) triples).*/\1/p' "$work/gen")
read -r t_build m_build < <(measure env -u BORDERKG_SOURCES "$bin" --store "$work/bstore" build --add "$work/syn.ttl")
# "built store from N Turtle files and M rules: T triples (A asserted, D derived)"
built=$(sed -n 's/.*rules: \([0-9]*\) triples.*/\1/p' "$work/out")
read -r t_oxbuild m_oxbuild < <(measure oxigraph load --location "$work/oxb" --file "$work/syn.ttl")
rm -rf "$work/syn.ttl" "$work/bstore" "$work/oxb"

echo "rows: $rows $dataset; the import wrote $written triples (rows and derived); the store holds $triples"
echo "build: $rows synthetic events, $syn_triples triples of Turtle; the built store holds $built"
printf '%-40s %9s %14s %10s\n' "step" "seconds" "triples/s" "peak MB"
printf '%-40s %9s %14s %10s\n' "borderkg import (rules, shapes)" "$t_import" "$(tps "$written" "$t_import")" "$((m_import / 1024))"
printf '%-40s %9s %14s %10s\n' "oxigraph load (the store as N-Triples)" "$t_oxload" "$(tps "$triples" "$t_oxload")" "$((m_oxload / 1024))"
printf '%-40s %9s %14s %10s\n' "borderkg build (rules, shapes)" "$t_build" "$(tps "$built" "$t_build")" "$((m_build / 1024))"
printf '%-40s %9s %14s %10s\n' "oxigraph load (the same Turtle)" "$t_oxbuild" "$(tps "$syn_triples" "$t_oxbuild")" "$((m_oxbuild / 1024))"
printf '%-40s %9s %14s %10s\n' "borderkg export -f turtle" "$t_export_ttl" "$(tps "$triples" "$t_export_ttl")" "$((m_export / 1024))"
printf '%-40s %9s %14s\n' "borderkg export -f nt" "$t_export_nt" "$(tps "$triples" "$t_export_nt")"
printf '%-40s %9s %14s\n' "oxigraph dump --graph default" "$t_dump" "$(tps "$triples" "$t_dump")"
python3 - "$written" "$t_import" "$triples" "$t_oxload" <<'PY'
import sys
w, ti, n, to = map(float, sys.argv[1:])
print(f"import / oxigraph load, triples per second: {(w / ti) / (n / to):.2f} (target 1.2)")
PY
python3 - "$built" "$t_build" "$syn_triples" "$t_oxbuild" <<'PY'
import sys
b, tb, n, to = map(float, sys.argv[1:])
print(f"build / oxigraph load, triples per second:  {(b / tb) / (n / to):.2f} (target 1.2)")
PY
echo "export turtle speed-up over oxigraph dump: $(ratio "$t_dump" "$t_export_ttl") (target 2)"
echo "export nt speed-up over oxigraph dump:     $(ratio "$t_dump" "$t_export_nt")"
