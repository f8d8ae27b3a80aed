#!/usr/bin/env python3
"""Stored-query benchmark: every query of ``queries/`` on a built synthetic corpus.

    python benchmarks/bench_queries.py [--reports 1000] [--repeat 5] [--keep DIR]

Generates the corpus (``generate.py``) and builds it once into DIR/dist (or reuses DIR), then prints,
for each stored query, the median time of ``--repeat`` runs in process on the embedded store (the store
opened once), and the median wall time of the whole command ``rscao-graph query activities`` in a fresh
process (start-up, store opening, query and output included). Targets (issue: stored queries): each
query under 100 ms in process, the command under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_corpus

from rscao_graph.config import Settings
from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.query.run import run_on_store
from rscao_graph.query.store import open_store
from rscao_graph.query.stored import bind_query, load_queries
from rscao_graph.read.sources import collect_reports
from rscao_graph.reference import load_reference

PARAMS = {"country": "CN", "organisation": "national library", "start": "2020-01-01", "end": "2020-06-30"}


def _prepare(folder: Path, reports: int, corpus: Path | None) -> Path:
    dist = folder / "dist"
    if (dist / "store").is_dir():
        return dist
    corpus = corpus or folder / "reports"
    if not corpus.is_dir():
        write_corpus(reports, corpus)
    settings = Settings(decisions=folder / "no-decisions.csv")
    build = build_dataset(collect_reports([corpus], corpus), settings, load_reference())
    write_build(build, check_output(dist), settings)
    return dist


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the corpus here")
    parser.add_argument("--corpus", type=Path, help="an existing folder of reports (e.g. bench_build.py --keep)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rscao-bench-queries-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    dist = _prepare(folder, args.reports, args.corpus)
    print(f"corpus: {args.reports} reports in {folder} (prepared in {time.perf_counter() - started:.1f} s)")
    store = open_store(dist)
    activity = next(iter(run_on_store(store, "PREFIX rscao: <https://w3id.org/rscao/ontology#> "
                                      "SELECT ?a { ?a a rscao:Activity } LIMIT 1").solutions))["a"].value
    worst = 0.0
    print(f"{'query':<28} {'rows':>7} {'median ms':>10}")
    for name, query in load_queries().items():
        values = {p.name: activity if p.type == "iri" else PARAMS[p.name] for p in query.params}
        text = bind_query(query, values)
        times, rows = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            results = run_on_store(store, text)
            rows = len(list(results.solutions)) if results.solutions is not None else 0
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        worst = max(worst, median)
        print(f"{name:<28} {rows:>7} {median:>10.1f}")
    del store
    walls = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rscao_graph", "query", "activities", "--data", str(dist),
                        "--format", "csv"], check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
    print(f"slowest query median: {worst:.1f} ms (target < 100 ms)")
    print(f"'rscao-graph query activities' wall time, median of {args.repeat}: {statistics.median(walls):.2f} s "
          "(target < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
