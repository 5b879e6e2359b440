#!/usr/bin/env bash
# Pushes one generated graph into an Oxigraph server and into Virtuoso, and times `report` on each
# beside the embedded store, in one run: push throughput (triples/s) and report seconds side by side.
#
#   bench/remote.sh [ROWS]      e.g. bench/remote.sh 100000   (default 10000 UCDP rows)
#   bench/remote.sh --store DIR  an existing store instead (e.g. one with a million imported events)
#   bench/remote.sh --servers oxigraph|virtuoso|both   which servers (default both)
#   bench/remote.sh --method [SERVER=]gsp|update   how push sends, into every server or one
#                   (default: push's own, the Graph Store), e.g. --method virtuoso=update
#   bench/remote.sh --part [SERVER=]N   triples per Graph Store request (default: push's own)
#
# The graph is the curated data plus ROWS synthetic UCDP GED events (`examples/gen_datasets.rs`),
# or the graph of the store given.
# Needs the Oxigraph server (`pip install oxigraph`), Virtuoso (`apt-get install
# virtuoso-opensource`) and GNU time. Both servers bind loopback ports and are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
given_store=""
servers="oxigraph virtuoso"
# Push options, each "[SERVER=]OPTION=VALUE", for every server or one.
pushes=""
while [ $# -gt 0 ]; do
    case "$1" in
        --store) given_store="$(cd "${2:?--store needs a folder}" && pwd)"; shift 2 ;;
        --method|--part) pushes="$pushes $(sed -E "s/^(([a-z]+)=)?/\1${1#--}=/" <<<"${2:?$1 needs a value}")"; shift 2 ;;
        --servers) servers="${2:?--servers needs oxigraph, virtuoso or both}"; servers="${servers/both/oxigraph virtuoso}"; shift 2 ;;
        *) rows="$1"; shift ;;
    esac
done
rows="${rows:-10000}"
has() { [[ " $servers " == *" $1 "* ]]; }
command -v oxigraph >/dev/null || python3 -m pip install --quiet oxigraph
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderkg/target}"
cargo build --release --quiet --bin borderkg --example gen_datasets
work="$(mktemp -d)"
# A copy, so that a rebuild while a long run goes on does not change the binary under it.
bin="$work/borderkg"
cp "$CARGO_TARGET_DIR/release/borderkg" "$bin"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 300); do curl -sf -o /dev/null "$1?query=ASK%7B%7D" && return 0; sleep 0.2; done; echo "$1 did not start" >&2; exit 1; }
seconds() { /usr/bin/time -f "%e" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }

if [ -n "$given_store" ]; then
    store="$given_store"
    what="the store at $given_store"
else
    store="$work/store"
    "$CARGO_TARGET_DIR/release/examples/gen_datasets" "$rows" 1 "$work/in" 2>/dev/null
    "$bin" --store "$store" build >/dev/null
    "$bin" --store "$store" import ucdp "$work/in/ucdp-ged.csv" >/dev/null
    what="curated data + $rows UCDP rows"
fi

if has oxigraph; then
    ox_port=$(free_port)
    oxigraph serve --location "$work/ox" --bind "127.0.0.1:$ox_port" >"$work/ox.log" 2>&1 &
    pids+=($!)
    ox="http://127.0.0.1:$ox_port"
    wait_up "$ox/query"
fi

if has virtuoso; then
    vt_sql=$(free_port); vt_http=$(free_port)
    mkdir -p "$work/vt"
    sed -e "s#@DIR@#$work/vt#g" -e "s#@SQL_PORT@#$vt_sql#" -e "s#@HTTP_PORT@#$vt_http#" \
        -e 's/^NumberOfBuffers .*/NumberOfBuffers = 340000/' -e 's/^MaxDirtyBuffers .*/MaxDirtyBuffers = 250000/' \
        -e 's/^MaxQueryExecutionTime .*/MaxQueryExecutionTime = 0/' -e 's/^MaxQueryMem .*/MaxQueryMem = 4G/' \
        -e 's/^ResultSetMaxRows .*/ResultSetMaxRows = 1000000/' \
        tests/remote/virtuoso.ini >"$work/vt/virtuoso.ini"
    (cd "$work/vt" && exec virtuoso-t +foreground +configfile "$work/vt/virtuoso.ini" >"$work/vt/out.log" 2>&1) &
    pids+=($!)
    vt="http://127.0.0.1:$vt_http"
    wait_up "$vt/sparql"
    isql-vt "127.0.0.1:$vt_sql" dba dba tests/remote/virtuoso-setup.sql >/dev/null
fi

graph=https://example.org/borderkg/bench
# A large graph's report queries may run for many minutes before the first byte of the answer.
ox_flags=(--endpoint "${ox:-}/query" --update-endpoint "${ox:-}/update" --gsp-endpoint "${ox:-}/store" --graph "$graph" --idle-timeout 7200)
vt_flags=(--endpoint "${vt:-}/sparql" --update-endpoint "${vt:-}/sparql-basic" --gsp-endpoint "${vt:-}/sparql-graph-crud-basic" --graph "$graph" --idle-timeout 7200)
export BORDERKG_ENDPOINT_USER=borderkg BORDERKG_ENDPOINT_PASSWORD=borderkg-test

same() { cmp -s "$work/report-local.json" "$1" && echo same || echo DIFFERENT; }
t_rep_local=$(seconds "$bin" --store "$store" report --format json)
echo "embedded: report in $t_rep_local s" >&2
cp "$work/out" "$work/report-local.json"
tps() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):,.0f}')" "$1" "$2"; }
triples=""
row() { # NAME PUSH-SECONDS REPORT-SECONDS REPORT-FILE
    printf '%-34s %14s %18s %14s %10s\n' "$1" "$2" "$(tps "$triples" "$2")" "$3" "$(same "$4")"
}
# Pushes into one server and times its report, printing each figure as it comes and keeping its
# row of the table: bench_server LABEL NAME REMOTE-FLAGS...
bench_server() {
    local label="$1" name="$2" t_push t_rep
    shift 2
    local push option flags=()
    for push in $pushes; do
        case "$push" in
            "$name="*) option="${push#*=}" ;;
            *=*=*) continue ;;
            *) option="$push" ;;
        esac
        flags+=("--${option%%=*}" "${option#*=}")
        label="$label --${option%%=*} ${option#*=}"
    done
    t_push=$(seconds "$bin" --store "$store" "$@" push "${flags[@]}")
    # "pushed N triples into …": what was sent, which the push checks the server holds.
    triples=$(sed -n 's/^pushed \([0-9]*\) triples.*/\1/p' "$work/out")
    echo "$label: $(cat "$work/out")" >&2
    t_rep=$(seconds "$bin" "$@" report --format json)
    cp "$work/out" "$work/report-$name.json"
    echo "$label: report in $t_rep s, $(same "$work/report-$name.json")" >&2
    row "$label" "$t_push" "$t_rep" "$work/report-$name.json" >>"$work/rows"
}
: >"$work/rows"
# Virtuoso first, then the Oxigraph server; each row is printed as soon as it is whole.
if has virtuoso; then bench_server virtuoso virtuoso "${vt_flags[@]}"; fi
if has oxigraph; then bench_server "oxigraph serve" oxigraph "${ox_flags[@]}"; fi

echo "graph: $what = $triples triples"
printf '%-34s %14s %18s %14s %10s\n' "store" "push seconds" "push triples/s" "report s" "report"
printf '%-34s %14s %18s %14s %10s\n' "embedded" "-" "-" "$t_rep_local" "-"
cat "$work/rows"
