#!/usr/bin/env python3
"""Fuzz reading and extraction: N mutated reports through the real entry points (issue 10).

    python benchmarks/fuzz.py --count N [--seed S] [--jobs J] [--full-every K] [--failures DIR]
    python benchmarks/fuzz.py --replay DIR/000123   # one saved failure again, in full

Example:
    python benchmarks/fuzz.py --count 10000 --seed 1 --jobs 2 --failures /tmp/fuzz-failures

Input i of seed S is ``tests/fuzzing.make_case(S, i)`` (a seed report with one to four named mutation
operators). Each is checked in a forked child (``tests/fuzz_check.run_forked``): no internal error, no
more than 10 s + 10 s/MB, no table text lost without a note; every K-th input (default 1: all) is built
by ``rscao-graph build`` itself and its dumps parsed by rdflib and pyoxigraph, which must agree.
Prints the figures: inputs, by operator, failures by kind, exit codes, time per input; saves each
failing input in DIR; exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from fuzz_check import Outcome, check, run_forked, save_failure  # noqa: E402
from fuzzing import Case, make_case  # noqa: E402

KINDS = ("internal-error", "over-bound", "silent-loss", "unparsable-dump")
_SEED = 1
_FULL_EVERY = 1


def _start(seed: int, full_every: int) -> None:
    global _SEED, _FULL_EVERY
    _SEED, _FULL_EVERY = seed, full_every
    check(make_case(seed, 0))  # loads the reference data and builds its finders once per worker


def _one(index: int) -> Outcome:
    return run_forked(make_case(_SEED, index), full=index % _FULL_EVERY == 0)


def _figures(outcomes: list[Outcome], seconds: float) -> dict[str, object]:
    times = sorted(o.seconds for o in outcomes)
    kinds = Counter(kind for o in outcomes for kind, _ in o.failures)
    return {
        "inputs": len(outcomes), "full builds": sum(o.full for o in outcomes),
        "by operator": dict(sorted(Counter(op for o in outcomes for op in set(o.operators)).items())),
        **{k: kinds.get(k, 0) for k in KINDS},
        "exit codes": dict(sorted(Counter(str(o.exit_code) for o in outcomes).items())),
        "max CPU s/input": round(times[-1], 2) if times else 0,
        "max wall s/input": round(max((o.wall for o in outcomes), default=0), 2),
        "p95 CPU s/input": round(times[int(0.95 * (len(times) - 1))], 2) if times else 0,
        "max input bytes": max((o.size for o in outcomes), default=0),
        "total s": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Example: python benchmarks/fuzz.py --count 10000 --seed 1 --jobs 2",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="inputs to run (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed (default 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    parser.add_argument("--full-every", type=int, default=1, metavar="K",
                        help="build every K-th input with the CLI and parse its dumps twice (default 1: all)")
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"), help="where failures are saved")
    parser.add_argument("--progress", type=int, default=500, metavar="N", help="print figures every N inputs")
    parser.add_argument("--replay", type=Path, help="check one saved failure again (a folder --failures wrote)")
    args = parser.parse_args()
    if args.replay is not None:
        saved = json.loads((args.replay / "failure.json").read_text(encoding="utf-8"))
        case = Case(int(args.replay.name), "replay", (args.replay / "report.md").read_bytes(), (saved["description"],))
        outcome = check(case, full=True)
        print(json.dumps({"exit_code": outcome.exit_code, "seconds": round(outcome.seconds, 2),
                          "failures": outcome.failures}, indent=2, ensure_ascii=False))
        return 1 if outcome.failures else 0
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    context = multiprocessing.get_context("fork")
    with context.Pool(args.jobs, initializer=_start, initargs=(args.seed, args.full_every)) as pool:
        for outcome in pool.imap_unordered(_one, range(args.count), chunksize=4):
            outcomes.append(outcome)
            if outcome.failures:
                where = save_failure(make_case(args.seed, outcome.index), outcome, args.failures)
                print(f"FAIL {outcome.description[:300]}: {[k for k, _ in outcome.failures]} -> {where}", flush=True)
            if len(outcomes) % args.progress == 0:
                print(json.dumps(_figures(outcomes, time.perf_counter() - start)), flush=True)
    figures = _figures(outcomes, time.perf_counter() - start)
    print(json.dumps(figures, indent=2))
    return 1 if any(figures[k] for k in KINDS) else 0


if __name__ == "__main__":
    sys.exit(main())
