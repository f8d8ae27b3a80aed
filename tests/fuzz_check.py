"""The properties a fuzz input (``fuzzing.Case``) must keep, checked through the real entry points.

:func:`check` writes the input to ``report.md`` in a fresh folder and builds it, in one of two depths:

- ``full``: ``rscao-graph build --allow-invalid`` run in-process (:func:`click.testing.CliRunner`), so
  read, extract, map, validate and write every dump as the command does; then each dump
  (:data:`DUMPS`) is parsed by rdflib and by pyoxigraph, which must both accept it and agree on the
  number of triples or quads;
- otherwise ``pipeline.build_dataset`` (read, extract, map: what the command runs before validating),
  its exceptions mapped to exit codes as the CLI maps them.

Either way: no internal error (exit 0, 1 or 2; an exit 2 must name the file), no more than
:func:`time_bound` in CPU seconds (measured; a SIGPROF watchdog stops the build at the bound: CPU
time, so that a loaded machine does not fail a build that a quiet one passes), and no table text
lost without a note (``row_text.lost_runs`` on the document and report the build extracted).
:func:`run_forked` runs :func:`check` in a forked child killed past the bound, so a hang in C code
is reported too; :func:`save_failure` keeps a failing input for replay (``benchmarks/fuzz.py --replay``).
"""

from __future__ import annotations

import json
import os
import pickle
import select
import signal
import tempfile
import time
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fuzzing import Case
from row_text import lost_runs

from rscao_graph import pipeline
from rscao_graph.config import Settings
from rscao_graph.errors import RscaoError, environment_error
from rscao_graph.model import Report, SourceDocument
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import Reference, load_reference
from rscao_graph.resources import resource_path

__all__ = ["DUMPS", "Outcome", "check", "run_forked", "save_failure", "time_bound"]

#: The dumps a full check parses: file name -> (rdflib format, pyoxigraph format name, has graphs).
DUMPS = {"dataset.ttl": ("turtle", "TURTLE", False), "dataset.trig": ("trig", "TRIG", True),
         "dataset.nq": ("nquads", "N_QUADS", True), "dataset.jsonld": ("json-ld", "JSON_LD", True),
         "void.ttl": ("turtle", "TURTLE", False)}
SETTINGS = Settings(decisions=resource_path("data", "links.csv"))
NAME = "report.md"


class Overtime(BaseException):  # a BaseException: no ``except Exception`` swallows it
    """Raised by the watchdog in the build that runs past its bound."""


def time_bound(size: int, full: bool = False) -> float:
    """CPU seconds an input of ``size`` bytes may take: 10 s, and 10 s more per MB, to read, extract and map
    it; seven times that for a full build, which also validates it and writes five dumps (in
    ``benchmarks/bench_build.py`` build, validate and write take 6.7 times the build alone: 252.7 s and
    37.9 s for 1,000 reports). Reading and extracting take about 0.5 s and 3 s of CPU a MB (linear from 300
    to 2,400 rows), so only a blow-up with size or a hang reaches the bound."""
    return (7.0 if full else 1.0) * (10.0 + 10.0 * size / 1_000_000)


@dataclass
class Outcome:
    """What one input did: its exit code (as the CLI would give it), the CPU and wall seconds its build took, and its
    failures as ``(kind, detail)``: kinds ``internal-error``, ``over-bound``, ``silent-loss``,
    ``unparsable-dump``."""

    index: int
    description: str
    operators: tuple[str, ...]
    size: int
    full: bool
    exit_code: int | None = None
    seconds: float = 0.0  # CPU seconds of the build, in this process
    wall: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    def fire(signum: int, frame: Any) -> None:
        raise Overtime(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGPROF, fire)
    signal.setitimer(signal.ITIMER_PROF, seconds)  # the CPU time of this process
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def _recording(seen: list[tuple[SourceDocument, Report]]) -> Iterator[None]:
    """The pipeline's ``extract_report`` (whatever it is now: a test may have replaced it) recording
    the document and report of each call."""
    extract = pipeline.extract_report

    def recorded(doc: SourceDocument, reference: Reference) -> Report:
        report = extract(doc, reference)
        seen.append((doc, report))
        return report

    pipeline.extract_report = recorded  # type: ignore[assignment]
    try:
        yield
    finally:
        pipeline.extract_report = extract  # type: ignore[assignment]


def _build_dataset(path: Path) -> tuple[int, str]:
    try:
        pipeline.build_dataset([ReportFile(path, path.parent)], SETTINGS, load_reference())
    except RscaoError as exc:
        return exc.exit_code, f"error: {exc}"
    except OSError as exc:
        error = environment_error(exc)
        if error is None:
            return 4, traceback.format_exc()
        return error.exit_code, f"error: {error}"
    except Exception:
        return 4, traceback.format_exc()
    return 0, ""


def _build_cli(path: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from rscao_graph.cli.app import cli

    result = CliRunner().invoke(cli, ["--debug", "-q", "build", "--allow-invalid", "--workers", "1",
                                      "--out", str(path.parent / "dist"), str(path)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return 4, "".join(traceback.format_exception(*result.exc_info))  # --debug: the traceback
    return result.exit_code, result.stderr


def _count(path: Path, fmt: str, oxi: str, graphs: bool) -> tuple[int, int]:
    import pyoxigraph
    import rdflib

    data: Any = rdflib.Dataset() if graphs else rdflib.Graph()
    with warnings.catch_warnings():  # rdflib's TriG and JSON-LD parsers use its own deprecated default_context
        warnings.simplefilter("ignore", DeprecationWarning)
        data.parse(path, format=fmt)
    mine = len(set(data.quads((None, None, None, None)))) if graphs else len(data)
    theirs = len(set(pyoxigraph.parse(path=str(path), format=getattr(pyoxigraph.RdfFormat, oxi))))
    return mine, theirs


def _check_dumps(dist: Path) -> list[tuple[str, str]]:
    failures = []
    for name, (fmt, oxi, graphs) in DUMPS.items():
        if not (dist / name).is_file():
            failures.append(("unparsable-dump", f"{name} was not written"))
            continue
        try:
            mine, theirs = _count(dist / name, fmt, oxi, graphs)
        except Exception as exc:
            failures.append(("unparsable-dump", f"{name}: {type(exc).__name__}: {exc}"[:2000]))
            continue
        if mine != theirs:
            failures.append(("unparsable-dump", f"{name}: rdflib reads {mine}, pyoxigraph {theirs}"))
    return failures


def check(case: Case, *, full: bool = False) -> Outcome:
    """The properties of ``case`` (see the module's docstring)."""
    outcome = Outcome(case.index, case.description, case.operators, len(case.data), full)
    seen: list[tuple[SourceDocument, Report]] = []
    bound = time_bound(len(case.data), full)
    with tempfile.TemporaryDirectory(prefix="rscao-fuzz-") as folder:
        path = Path(folder) / NAME
        path.write_bytes(case.data)
        cwd = os.getcwd()
        os.chdir(folder)  # no rscao.toml of the caller's
        start, cpu = time.perf_counter(), time.process_time()
        try:
            with _recording(seen), _watchdog(bound):
                code, message = (_build_cli if full else _build_dataset)(path)
        except Overtime as exc:
            code, message = -1, str(exc)
        finally:
            os.chdir(cwd)
        outcome.seconds = time.process_time() - cpu
        outcome.wall = time.perf_counter() - start
        outcome.exit_code = code
        if code == -1 or outcome.seconds > bound:
            outcome.failures.append(("over-bound", f"{outcome.seconds:.1f} CPU s, bound {bound:.0f} s"))
        elif code not in (0, 1, 2):
            outcome.failures.append(("internal-error", message[-4000:]))
        elif code == 2 and NAME not in message:
            outcome.failures.append(("internal-error", f"exit 2 without naming the file: {message[-2000:]}"))
        for doc, report in seen:
            lost = lost_runs(doc, report)
            if lost:
                outcome.failures.append(("silent-loss", json.dumps(lost[:20], ensure_ascii=True)))
        if full and code in (0, 1):
            outcome.failures += _check_dumps(Path(folder) / "dist")
    return outcome


def run_forked(case: Case, *, full: bool = False) -> Outcome:
    """:func:`check` in a forked child; a child still running well past the bound (a hang the watchdog
    cannot stop) is killed and reported over the bound, one that dies as an internal error."""
    bound = time_bound(len(case.data), full)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(reader)
        try:
            try:
                payload = pickle.dumps(check(case, full=full))
            except BaseException:
                outcome = Outcome(case.index, case.description, case.operators, len(case.data), full)
                outcome.failures.append(("internal-error", "the check itself failed: " + traceback.format_exc()))
                payload = pickle.dumps(outcome)
            with os.fdopen(writer, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(writer)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 3 * bound + 120  # the checks of a full build parse every dump twice
    with os.fdopen(reader, "rb") as pipe:
        while (left := deadline - time.monotonic()) > 0:
            if select.select([pipe], [], [], left)[0]:
                chunk = os.read(pipe.fileno(), 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        else:
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if chunks and not status:
        result: Outcome = pickle.loads(b"".join(chunks))
        return result
    outcome = Outcome(case.index, case.description, case.operators, len(case.data), full)
    kind = "over-bound" if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL and not chunks \
        else "internal-error"
    outcome.failures.append((kind, f"the child ended with status {status} after {len(b''.join(chunks))} bytes"))
    return outcome


def save_failure(case: Case, outcome: Outcome, folder: Path) -> Path:
    """``case`` kept in ``folder/<index>/``: the input, what was done to it, and its failures."""
    target = folder / f"{case.index:06d}"
    target.mkdir(parents=True, exist_ok=True)
    (target / NAME).write_bytes(case.data)
    (target / "failure.json").write_text(json.dumps(
        {"description": case.description, "exit_code": outcome.exit_code, "seconds": round(outcome.seconds, 3),
         "full": outcome.full, "failures": outcome.failures}, indent=2, ensure_ascii=False), encoding="utf-8")
    return target
