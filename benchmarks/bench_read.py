#!/usr/bin/env python3
"""Reading time per format: the sample in each format of ``tests/data/documents/``, and a corpus of
synthetic reports (``generate.py``) written as .docx (``tests/documents.py``) and as HTML.

    python benchmarks/bench_read.py [--reports 100] [--repeat 3] [--seed 0] [--keep DIR]

Prints, per format, the median over the repeats of reading (``read_report``: sniffing, unpacking,
parsing, laying out) and of reading + extracting, for the sample and for the whole corpus (and per
report). The corpus is written first (its writing is not timed); ``--keep DIR`` keeps it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from documents import FOLDER, to_docx, to_html  # noqa: E402
from generate import write_corpus  # noqa: E402

from rscao_graph.extract import extract_report  # noqa: E402
from rscao_graph.read import read_report  # noqa: E402
from rscao_graph.reference import load_reference  # noqa: E402


def _median(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _row(label: str, files: list[Path], repeat: int) -> str:
    reference = load_reference()
    read = _median(repeat, lambda: [read_report(p, p.parent) for p in files])
    both = _median(repeat, lambda: [extract_report(read_report(p, p.parent), reference) for p in files])
    size = sum(p.stat().st_size for p in files) / 1024
    return (f"{label:<24} {len(files):>4} {size:>9,.0f} KiB  read {read * 1000:>9.1f} ms "
            f"({read * 1000 / len(files):>6.1f} ms/report)  read+extract {both * 1000:>9.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    load_reference()
    print(f"{'what':<24} {'files':>4} {'size':>13}")
    for suffix in ("md", "docx", "lo.docx", "html", "lo.html"):
        print(_row(f"sample .{suffix}", [FOLDER / f"sample.{suffix}"], max(args.repeat, 5)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        md = folder / "md"
        md.mkdir(parents=True, exist_ok=True)
        paths = write_corpus(args.reports, md, args.seed)
        for kind in ("docx", "html"):
            (folder / kind).mkdir(exist_ok=True)
            for path in paths:
                text = path.read_text(encoding="utf-8")
                target = folder / kind / f"{path.stem}.{kind}"
                if kind == "docx":
                    target.write_bytes(to_docx(text))
                else:
                    target.write_text(to_html(text, path.stem), encoding="utf-8")
        for kind in ("md", "docx", "html"):
            files = sorted((folder / kind).iterdir())
            print(_row(f"{args.reports} reports .{kind}", files, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
