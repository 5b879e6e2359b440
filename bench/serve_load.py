"""Bounded load on SPARQL endpoints and pages: N client threads for T seconds each, keep-alive
connections, latencies per request. Standard library only.

    serve_load.py --clients 8 --seconds 10 --name borderkg --base http://127.0.0.1:7878 \
        --sparql queries/ --pages /id/taliban,/id/event/...

Prints one JSON line per run: name, kind, requests, errors, throughput (requests/s), p50 and p99 (ms).
"""

import argparse
import http.client
import json
import os
import statistics
import threading
import time
import urllib.parse


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load(base, requests, clients, seconds):
    parsed = urllib.parse.urlparse(base)
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset):
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        mine, bad, i = [], 0, offset
        while time.monotonic() < stop:
            method, path, body, headers = requests[i % len(requests)]
            i += 1
            started = time.monotonic()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
                continue
            mine.append((time.monotonic() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "throughput": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "mean_ms": round(statistics.fmean(latencies), 2) if latencies else None,
    }


def sparql_requests(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".rq"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        if "# param:" in text and "optional" not in text.split("# param:")[1].split("\n")[0]:
            continue  # needs a parameter: not the same text on both servers
        out.append(
            (
                "POST",
                "/sparql",
                text.encode("utf-8"),
                {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
            )
        )
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--sparql")
    ap.add_argument("--pages", default="")
    args = ap.parse_args()
    if args.sparql:
        result = load(args.base, sparql_requests(args.sparql), args.clients, args.seconds)
        print(json.dumps({"name": args.name, "kind": "sparql", **result}), flush=True)
    pages = [p for p in args.pages.split(",") if p]
    if pages:
        requests = [("GET", p, None, {"Accept": "text/html"}) for p in pages]
        result = load(args.base, requests, args.clients, args.seconds)
        print(json.dumps({"name": args.name, "kind": "pages", **result}), flush=True)


if __name__ == "__main__":
    main()
