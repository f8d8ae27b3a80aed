#!/usr/bin/env python3
"""Compare what the extractor reads from generated reports with what the generator wrote.

    python benchmarks/check_corpus.py [--reports N] [--seed S] [--dir DIR] [--examples K]
                                      [--countries MIN-MAX] [--activities MIN-MAX] [--strict-years]

Regenerates reports 0..N-1 with their ground truth (``generate.generate_report``), writes them into DIR (a
temporary folder unless given; an existing file there must be byte-identical to the regenerated one), reads
each with ``read_report`` + ``extract_report`` and compares ``report_to_dict`` with the truth: header
(sub-region, convenor, period, submission date), section I (actions per heading, URLs), and per activity the
country (and whether it was stated or inferred), ordinal, name, date (start, end, precision), links, cited
notations and labels, and details (page-broken rows joined back). Prints mismatch counts per field with
examples, and the extraction notes by code. Exit 1 when anything differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def _activity_diffs(want: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    diffs: dict[str, tuple[Any, Any]] = {}

    def cmp(field: str, expected: Any, actual: Any) -> None:
        if expected != actual:
            diffs[field] = (expected, actual)

    cmp("country", want["country"], got["country"])
    cmp("country_source", "stated" if want["country_stated"] else "inferred", got["country_source"])
    cmp("ordinal", want["ordinal"], got["ordinal"])
    cmp("name", want["name"], got["name"])
    cmp("date", (want["start"], want["end"], want["precision"]),
        (got["start"], got["end"], got["date_precision"]))
    cmp("links", want["urls"], got["urls"])
    cmp("citation notations", [c["notation"] for c in want["citations"]], [c["notation"] for c in got["citations"]])
    if [c["notation"] for c in want["citations"]] == [c["notation"] for c in got["citations"]]:
        cmp("citation labels", [c["label"] for c in want["citations"]], [c["label"] for c in got["citations"]])
    cmp("details", want["details"], got["details"])
    if got["unparsed"]:
        diffs["unparsed text"] = ([], got["unparsed"])
    return diffs


def check(n: int, seed: int, folder: Path, examples: int, **shape: Any) -> int:
    from rscao_graph.cli.report_json import report_to_dict
    from rscao_graph.extract import extract_report
    from rscao_graph.read import read_report
    from rscao_graph.reference import load_reference

    reference = load_reference()
    folder.mkdir(parents=True, exist_ok=True)
    field_counts: Counter[str] = Counter()
    by_shape: dict[str, Counter[str]] = defaultdict(Counter)
    samples: dict[str, list[str]] = defaultdict(list)
    notes: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    stale = 0

    def record(field: str, where: str, expected: Any, actual: Any, kind: str | None = None) -> None:
        field_counts[field] += 1
        if kind:
            by_shape[field][kind] += 1
        if len(samples.get(field, ())) < examples:
            samples[field].append(f"{where}\n        expected {expected!r}\n        got      {actual!r}")

    for i in range(n):
        name, text, truth = generate.generate_report(i, seed, **shape)
        path = folder / name
        data = text.encode("utf-8")
        if path.exists():
            if path.read_bytes() != data:
                stale += 1
                path.write_bytes(data)
        else:
            path.write_bytes(data)
        report = report_to_dict(extract_report(read_report(path, folder), reference))
        totals["reports"] += 1
        for note in report["notes"]:
            notes[(note["severity"], note["code"])] += 1
        header = {"sub_region": report["sub_region"], "convenor": report["convenor"],
                  "period": {"start": report["period"]["start"], "end": report["period"]["end"]}
                  if report["period"] else None, "submitted": report["submitted"]}
        for key, value in header.items():
            if truth[key] != value:
                record(f"header {key}", name, truth[key], value)
        got_actions = [{"heading": a["heading"], "number": a["number"]} for a in report["convenor_actions"]]
        if got_actions != truth["convenor_actions"]:
            record("section I actions", name, truth["convenor_actions"], got_actions)
        got_urls = [u for a in report["convenor_actions"] for u in a["urls"]]
        if got_urls != truth["action_urls"]:
            record("section I urls", name, truth["action_urls"], got_urls)
        if [h["heading"] for h in report["headings"]] != truth["headings"]:
            record("section I headings", name, truth["headings"], [h["heading"] for h in report["headings"]])
        wanted, got = truth["activities"], report["activities"]
        totals["activities"] += len(wanted)
        if len(wanted) != len(got):
            record("activity count", name, len(wanted), len(got))
            continue
        for want, act in zip(wanted, got, strict=True):
            where = f"{name}:{act['source']['line']} {want['country']} #{want['ordinal']} ({want['form']}, {want['shape']})"
            for field, (expected, actual) in _activity_diffs(want, act).items():
                kind = want["shape"] if field == "date" else want["form"] if field == "name" else \
                    ("stated" if want["country_stated"] else "empty column") if field.startswith("country") else None
                record(field, where, expected, actual, kind)

    print(f"checked {totals['reports']} reports, {totals['activities']} activities (seed {seed}) in {folder}")
    if stale:
        print(f"note: {stale} file(s) in {folder} differed from the regenerated ones and were rewritten")
    if not field_counts:
        print("every checked field matches the generator's ground truth")
    else:
        print("\nmismatches (field: count)")
        for field, count in field_counts.most_common():
            detail = f"  by kind: {dict(by_shape[field].most_common())}" if by_shape.get(field) else ""
            print(f"  {field}: {count}{detail}")
        if samples:
            print("\nexamples")
        for field, lines in samples.items():
            print(f"  [{field}]")
            for line in lines:
                print(f"    {line}")
    print("\nextraction notes (severity, code: count)")
    for (severity, code), count in sorted(notes.items()):
        print(f"  {severity:<9} {code}: {count}")
    return 1 if field_counts else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100, help="number of reports (default 100)")
    parser.add_argument("--dir", type=Path, help="folder for the reports (default: a temporary one)")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per field (default 3)")
    generate.add_shape_options(parser)
    args = parser.parse_args(argv)
    shape = {"strict_years": args.strict_years, "countries": args.countries, "activities": args.activities}
    if args.dir:
        return check(args.reports, args.seed, args.dir, args.examples, **shape)
    with tempfile.TemporaryDirectory(prefix="rscao-check-") as tmp:
        return check(args.reports, args.seed, Path(tmp), args.examples, **shape)


if __name__ == "__main__":
    sys.exit(main())
