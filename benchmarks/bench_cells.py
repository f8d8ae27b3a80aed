#!/usr/bin/env python3
"""Time the cell scanner on huge cells (issue 10, item 3): it must stay linear in the cell's length.

    python benchmarks/bench_cells.py [--megabytes 1 2 4]

Each cell is a ``<p>`` that is never closed, full of words, "<p" fragments and entities: the old
regex-based scanner took 48 s for 200 KB of such text. Prints the time per size and per MB.
"""

from __future__ import annotations

import argparse
import time

from rscao_graph.read.cells import parse_cell

PIECE = ("<p>Words and more words &amp; <b>bold</b> <Digital Libraries> <p text without its end "
         '<p class="unclosed value <A Day of Reading> <span style=x>span</span> ')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[0.25, 0.5, 1.0, 2.0])
    args = parser.parse_args()
    for size in args.megabytes:
        cell = "<p>" + PIECE * int(size * 1_000_000 / len(PIECE))
        start = time.perf_counter()
        parsed = parse_cell(cell, "bench.md", 1, 0)
        elapsed = time.perf_counter() - start
        print(f"{len(cell) / 1e6:6.2f} MB  {elapsed:6.3f} s  {elapsed / (len(cell) / 1e6):6.3f} s/MB  "
              f"{len(parsed.paragraphs):,} paragraphs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
