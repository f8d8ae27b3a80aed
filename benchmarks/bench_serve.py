#!/usr/bin/env python3
"""Serving benchmark: concurrent requests against ``rscao-graph serve`` on 127.0.0.1 over a built corpus.

    python benchmarks/bench_serve.py [--reports 1000] [--keep DIR] [--clients 8] [--seconds 10] [--max 20000]

Generates the corpus (``generate.py``; ``--countries``/``--activities`` as there) and builds it once into
DIR/dist (or reuses DIR), starts the server in a process of its own (``rscao-graph -q serve``, so no
access log), then runs four scenarios one after the other, each with ``--clients`` connections kept alive
(threads in two client processes), each bounded by ``--seconds`` and by ``--max`` requests:

- resource pages: ``GET R/index.html`` of resources drawn at random from every description of the build
  (so nearly every page is rendered, not served from the server's cache);
- negotiated Turtle: ``GET R`` with ``Accept: text/turtle``;
- one stored query: ``/queries/activities-of-country?country=CC`` (SPARQL JSON), countries drawn at random;
- one SPARQL query: ``/sparql`` with a GROUP BY over the activities of a random country.

It prints, per scenario, requests, errors (any status but 200), throughput and the p50/p95/p99 latency.
Targets (issue 14): 500 resource pages/s and p95 under 50 ms, zero errors. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_corpus

from rscao_graph.config import Settings
from rscao_graph.pipeline import build
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.read.sources import collect_reports
from rscao_graph.reference import load_reference

SPARQL = ("PREFIX rscao: <https://w3id.org/rscao/ontology#> SELECT ?direction (COUNT(?a) AS ?n) WHERE {{ "
          "?a a rscao:Activity ; rscao:reportedCountry <https://w3id.org/rscao/country/{cc}> ; "
          "rscao:servesDirection ?direction }} GROUP BY ?direction ORDER BY ?direction")


def _range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    return int(low), int(high or low)


def prepare(folder: Path, reports: int, countries: tuple[int, int], activities: tuple[int, int]) -> Path:
    """The corpus built into ``folder/dist`` (reused when there)."""
    dist = folder / "dist"
    if (dist / "descriptions").is_dir():
        return dist
    corpus = folder / "reports"
    if not corpus.is_dir():
        write_corpus(reports, corpus, 0, countries=countries, activities=activities)
    settings = replace(Settings(decisions=folder / "no-decisions.csv"), out=dist)
    build(collect_reports([corpus], corpus), settings, load_reference(), workers=2, allow_invalid=True)
    return dist


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(dist: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "rscao_graph", "-q", "serve", "--data", str(dist), "--port",
                                str(port)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/sparql?query=ASK%7B%7D")
            if connection.getresponse().status == 200:
                connection.close()
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def _client(port: int, targets: list[tuple[str, dict[str, str]]], threads: int, seconds: float, limit: int,
            seed: int) -> tuple[list[float], int]:
    """One client process: ``threads`` kept-alive connections; returns latencies (s) and errors."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    counter = iter(range(limit))

    def work(n: int) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + n)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        while time.monotonic() < deadline:
            with lock:
                if next(counter, None) is None:
                    break
            path, headers = rng.choice(targets)
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
            bad += not ok
        connection.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    pool = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, errors


def scenario(port: int, targets: list[tuple[str, dict[str, str]]], clients: int, seconds: float,
             limit: int) -> dict[str, float]:
    processes = 2 if clients >= 2 else 1
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.starmap(_client, [(port, targets, clients // processes, seconds, limit // processes, i)
                                       for i in range(processes)])
    elapsed = time.perf_counter() - started
    latencies = sorted(x for part, _ in parts for x in part)
    errors = sum(e for _, e in parts)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    return {"requests": len(latencies), "errors": errors, "seconds": elapsed,
            "per_second": len(latencies) / elapsed if elapsed else 0.0, "p50": pct(0.50), "p95": pct(0.95),
            "p99": pct(0.99), "mean": statistics.fmean(latencies) * 1000 if latencies else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the corpus here")
    parser.add_argument("--countries", type=_range, default=(3, 6), metavar="MIN-MAX")
    parser.add_argument("--activities", type=_range, default=(2, 5), metavar="MIN-MAX")
    parser.add_argument("--clients", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--seconds", type=float, default=10.0, help="longest run of a scenario (default 10)")
    parser.add_argument("--max", type=int, default=20000, help="most requests of a scenario (default 20000)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rscao-bench-serve-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    dist = prepare(folder, args.reports, args.countries, args.activities)
    descriptions = Descriptions(dist)
    paths = list(descriptions.paths())
    countries = [c["code"] for c in descriptions.meta["summary"]["countries"]]
    print(f"build: {args.reports} reports, {len(paths):,} resources described, in {dist} "
          f"(prepared in {time.perf_counter() - started:.1f} s)")
    rng = random.Random(0)
    sample = rng.sample(paths, min(len(paths), 50_000))
    quote = urllib.parse.quote
    scenarios = {
        "resource pages (HTML)": [(f"/{quote(p)}/index.html", {}) for p in sample],
        "negotiated Turtle": [(f"/{quote(p)}", {"Accept": "text/turtle"}) for p in sample],
        "stored query (activities-of-country)": [(f"/queries/activities-of-country?country={c}", {}) for c in countries],
        "SPARQL query (GROUP BY)": [("/sparql?" + urllib.parse.urlencode({"query": SPARQL.format(cc=c)}), {})
                                    for c in countries],
    }
    port = free_port()
    server = start_server(dist, port)
    results = {}
    try:
        print(f"server: 127.0.0.1:{port}; {args.clients} connections, at most {args.seconds:g} s and "
              f"{args.max} requests a scenario")
        print(f"{'scenario':<38} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for name, targets in scenarios.items():
            r = scenario(port, targets, args.clients, args.seconds, args.max)
            results[name] = r
            print(f"{name:<38} {r['requests']:>9} {r['errors']:>7} {r['per_second']:>8.0f} {r['p50']:>8.1f} "
                  f"{r['p95']:>8.1f} {r['p99']:>8.1f}")
    finally:
        server.terminate()
        server.wait(30)
    pages = results["resource pages (HTML)"]
    met = pages["per_second"] >= 500 and pages["p95"] < 50 and all(r["errors"] == 0 for r in results.values())
    print(f"target (500 pages/s, p95 < 50 ms, no error): {'met' if met else 'missed'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
