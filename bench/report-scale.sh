#!/usr/bin/env bash
# Times `borderkg report` on the curated data copied N-fold (every name suffixed per copy), at
# ×1, ×10 and ×40 by default, and prints the time per event: a linear projection keeps it flat.
#
#   bench/report-scale.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderkg/target}"
cargo build --release --quiet --bin borderkg
bin="$CARGO_TARGET_DIR/release/borderkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
factors=("$@")
[ ${#factors[@]} -gt 0 ] || factors=(1 10 40)

# N renamed copies of data/: every id:, ev:, fact: and src: name gets a -kK suffix.
scale() {
  local n=$1 out=$2
  for k in $(seq 1 "$n"); do
    (cd data && find . -name '*.ttl') | while read -r f; do
      mkdir -p "$out/k$k/$(dirname "$f")"
      sed -E "s/\b(id|ev|fact|src):([A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_-])/\1:\2-k$k/g" "data/$f" >"$out/k$k/$f"
    done
  done
}

printf '%-6s %8s %10s %16s\n' "copies" "events" "report s" "ms per event"
for n in "${factors[@]}"; do
  scale "$n" "$work/data$n"
  "$bin" --store "$work/store$n" build --data "$work/data$n" >/dev/null
  events=$("$bin" --store "$work/store$n" query -f csv --sparql \
    'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* bkg:Event }' | tail -1)
  start=$(date +%s.%N)
  "$bin" --store "$work/store$n" report >/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; n,e,a,b=sys.argv[1:]; t=float(b)-float(a); print(f'{n:<6} {e:>8} {t:>10.2f} {1000*t/int(e):>16.3f}')" "$n" "$events" "$start" "$end"
done
