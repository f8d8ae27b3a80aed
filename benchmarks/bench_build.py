#!/usr/bin/env python3
"""Time a build of a synthetic corpus, phase by phase, with its peak memory.

    python benchmarks/bench_build.py [--reports N] [--repeat 3] [--keep DIR] [--seed S]
                                     [--countries MIN-MAX] [--activities MIN-MAX] [--no-validate] [--workers N]

Generates N reports with ``generate.py`` into a temporary folder (or into ``--keep DIR``, reused when it
already holds exactly that corpus), then runs the build ``--repeat`` times, each in a fresh Python process
so that peak memory (``ru_maxrss``) is that run's own. Phases, as the library API names them:

- ``build``:    ``build_dataset(files, settings, load_reference())``: read, extract and map every report;
- ``validate``: ``validate_build(build)``: pyshacl over the report graphs (``rscao-graph build`` does it);
- ``write``:    ``write_build(build, check_output(out), settings, validation)``: sort, TriG, N-Quads, Turtle,
  JSON-LD,
  VoID, validation.ttl and whatever else this version writes (since cb56638 also the embedded query store).

Prints the median of each phase, reports/s, quads/s, the total, and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_SECONDS = 20.0
TARGET_MB = 2048.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kilobytes on Linux


def child(corpus: Path, out: Path, validate: bool, workers: int = 1) -> dict:
    """One build in this process; returns the timings (seconds), counts and peak RSS (MB) after each phase."""
    started = time.perf_counter()
    import rscao_graph
    from rscao_graph.config import load_settings
    from rscao_graph.files import check_output
    from rscao_graph.pipeline import build_dataset
    from rscao_graph.publish.writer import write_build
    from rscao_graph.read.sources import collect_reports
    from rscao_graph.reference import load_reference

    result: dict = {"import_s": time.perf_counter() - started, "package": str(Path(rscao_graph.__file__).parent)}
    settings = load_settings(out.parent, out=out)
    files = collect_reports([corpus], corpus)
    t0 = time.perf_counter()
    build = build_dataset(files, settings, load_reference(), workers=workers)
    t1 = time.perf_counter()
    result["build_s"] = t1 - t0
    result["rss_after_build_mb"] = _rss_mb()
    validation = None
    if validate:
        from rscao_graph.validate import validate_build

        validation = validate_build(build)
        result["validate_s"] = time.perf_counter() - t1
        result["rss_after_validate_mb"] = _rss_mb()
        result["findings"] = validation.counts()
    t2 = time.perf_counter()
    sizes = write_build(build, check_output(out), settings, validation)
    result["write_s"] = time.perf_counter() - t2
    result["rss_after_write_mb"] = _rss_mb()
    with (out / "dataset.nq").open("rb") as handle:
        result["quads"] = sum(1 for _ in handle)
    result["reports"] = len(build.reports)
    result["files"] = len(files)
    result["activities"] = sum(len(b.report.activities) for b in build.reports)
    result["report_quads"] = sum(len(b.quads) for b in build.reports)
    result["reference_quads"] = len(build.reference)
    result["bytes"] = sizes
    result["peak_rss_mb"] = _rss_mb()
    return result


def _corpus(args: argparse.Namespace, folder: Path) -> None:
    """Generate the corpus into ``folder`` unless it already holds exactly this corpus (same stamp)."""
    import generate

    stamp = {"reports": args.reports, "seed": args.seed, "countries": list(args.countries),
             "activities": list(args.activities), "strict_years": args.strict_years}
    stamp_file = folder / ".corpus.json"
    if stamp_file.is_file() and json.loads(stamp_file.read_text()) == stamp:
        print(f"reusing the corpus in {folder}", file=sys.stderr)
        return
    if folder.exists() and any(folder.iterdir()):
        if not stamp_file.is_file():
            raise SystemExit(f"{folder} is not empty and holds no corpus of this benchmark; give an empty folder")
        shutil.rmtree(folder)
    started = time.perf_counter()
    generate.write_corpus(args.reports, folder, args.seed, strict_years=args.strict_years,
                          countries=args.countries, activities=args.activities)
    stamp_file.write_text(json.dumps(stamp))
    print(f"generated {args.reports} reports into {folder} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def _machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as handle:
            total_kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
        mem = f", {total_kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} CPU(s){mem}, Python {platform.python_version()}, {platform.system()} {platform.machine()}"


def _revision(package_dir: Path) -> str:
    """Which source was measured: the git commit of the checkout the package was imported from ("+dirty"
    when its src/ has uncommitted changes), else the REVISION file of an exported tree, else its path."""
    root = package_dir.parent.parent
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "src"], capture_output=True,
                               text=True, check=True).stdout.strip()
        return f"{head}{'+dirty' if dirty else ''} ({root})"
    except (OSError, subprocess.CalledProcessError):
        stamp = root / "REVISION"
        return f"{stamp.read_text().strip()} ({root})" if stamp.is_file() else str(root)


def main(argv: list[str] | None = None) -> int:
    import generate

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000, help="number of reports (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs, each in a fresh process (default 3)")
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it (reused when it matches)")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip the validate phase (the library API allows it; the CLI's build always validates)")
    parser.add_argument("--json", type=Path, help="also write every run's figures as JSON to this file")
    parser.add_argument("--workers", type=int, default=1,
                        help="read and extract in this many processes (default 1, as before; the CLI uses one a core)")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    generate.add_shape_options(parser)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.validate, args.workers)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="rscao-bench-"))
    try:
        corpus = args.keep.resolve() if args.keep else work / "reports"
        _corpus(args, corpus)
        runs = []
        for i in range(args.repeat):
            out = work / f"out-{i}"
            command = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(out)]
            if not args.validate:
                command.append("--no-validate")
            command += ["--workers", str(args.workers)]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=work)
            wall = time.perf_counter() - started
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                raise SystemExit(f"run {i + 1} failed (exit {done.returncode})")
            run = json.loads(done.stdout.strip().splitlines()[-1])
            run["process_s"] = wall
            runs.append(run)
            shutil.rmtree(out, ignore_errors=True)
            phases = f"build {run['build_s']:.2f} s" + (f", validate {run['validate_s']:.2f} s" if args.validate else "")
            print(f"run {i + 1}/{args.repeat}: {phases}, write {run['write_s']:.2f} s, "
                  f"process {wall:.2f} s, peak {run['peak_rss_mb']:.0f} MB", file=sys.stderr)
        revision = _revision(Path(runs[0]["package"]))
        children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    first = runs[0]
    build_s, write_s = med("build_s"), med("write_s")
    validate_s = med("validate_s") if args.validate else 0.0
    core = build_s + write_s
    total = core + validate_s
    peak = max(r["peak_rss_mb"] for r in runs)
    print(f"machine       {_machine()}")
    print(f"source        rscao-graph at {revision}")
    print(f"corpus        {first['files']} report files, {first['reports']} report graphs, {first['activities']} "
          f"activities (seed {args.seed}, countries {args.countries[0]}-{args.countries[1]}, "
          f"activities/country {args.activities[0]}-{args.activities[1]})")
    print(f"quads         {first['quads']:,} distinct ({first['report_quads'] / max(first['reports'], 1):,.0f} "
          f"per report graph, {first['reference_quads']:,} in the reference graphs)")
    print(f"median of {len(runs)}   (each run a fresh process)")
    print(f"  build       {build_s:8.2f} s   read+extract+map, {first['files'] / build_s:,.0f} reports/s, "
          f"{first['report_quads'] / build_s:,.0f} quads/s")
    if args.validate:
        print(f"  validate    {validate_s:8.2f} s   pyshacl, {first['report_quads'] / validate_s:,.0f} quads/s; "
              f"findings {first['findings']}")
    print(f"  write       {write_s:8.2f} s   all dumps + VoID, {first['quads'] / write_s:,.0f} quads/s")
    print(f"  build+write {core:8.2f} s   {first['files'] / core:,.0f} reports/s, {first['quads'] / core:,.0f} quads/s")
    if args.validate:
        print(f"  total       {total:8.2f} s   with validation (what `rscao-graph build` does)")
    print(f"  process     {med('process_s'):8.2f} s   wall time of the whole process (interpreter start and imports "
          f"{med('import_s'):.2f} s)")
    print(f"peak RSS      {peak:,.0f} MB   (after build {max(r['rss_after_build_mb'] for r in runs):,.0f}, "
          + (f"after validate {max(r['rss_after_validate_mb'] for r in runs):,.0f}, " if args.validate else "")
          + f"after write {max(r['rss_after_write_mb'] for r in runs):,.0f}; RUSAGE_CHILDREN {children_peak:,.0f})")
    print("dumps         " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in first["bytes"].items()))
    if args.reports == 1000:
        verdict = "meets" if total <= TARGET_SECONDS and peak <= TARGET_MB else "misses"
        print(f"target        1,000 reports in < {TARGET_SECONDS:.0f} s and < {TARGET_MB / 1024:.0f} GB: {verdict} "
              f"({total:.1f} s{' with validation' if args.validate else ''}, build+write {core:.1f} s, {peak:,.0f} MB)")
    if args.json:
        args.json.write_text(json.dumps({"args": {k: (str(v) if isinstance(v, Path) else v)
                                                  for k, v in vars(args).items()},
                                         "revision": revision, "machine": _machine(), "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
