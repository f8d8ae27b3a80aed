"""The build in one call: reports in; read -> extract -> map -> validate -> write; a typed result out.

:func:`build` is what ``rscao-graph build`` runs: it checks the output folder once, reads, extracts and
maps every report (:func:`build_dataset`), validates the dataset, refuses to write one with violations
(:class:`BuildInvalid`, exit 1) unless asked to, and writes the dumps atomically. :func:`check` is the
same without writing (``rscao-graph validate``). Nothing here reads the environment or prints: the
caller passes what the environment says and receives the findings.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .config import Environment, Settings
from .decisions import decisions_source, overridden_links, read_decisions
from .errors import InputError, ReportError, UsageError, ValidationFailed, shown_name
from .extract import extract_report
from .files import check_output
from .iris import Minter
from .model import Note, Report, SourceSpan
from .processes import can_fork, fork_pool
from .publish.writer import write_build
from .rdf.authority import decision_quads
from .rdf.dataset import Build, BuiltReport
from .rdf.mapping import map_report
from .rdf.reference_graphs import reference_quads
from .read import display_name, read_report
from .read.sources import ReportFile
from .reference import Reference
from .validate import Validation, validate_build

__all__ = ["BuildInvalid", "BuildResult", "build", "build_dataset", "check"]

log = logging.getLogger("rscao_graph")


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the dataset, its validation, and the files written (name -> bytes; empty when
    nothing was written)."""

    dataset: Build
    validation: Validation
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def skipped(self) -> list[ReportError]:
        """The reports that could not be read (``keep_going``)."""
        return self.dataset.skipped


class BuildInvalid(ValidationFailed):
    """Validation found violations, so the build was not written (exit 1); ``result`` holds the findings."""

    def __init__(self, message: str, result: BuildResult, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.result = result


def _newer(a: BuiltReport, b: BuiltReport) -> BuiltReport:
    def key(x: BuiltReport) -> tuple[str, str]:
        submitted = x.report.submitted.start if x.report.submitted and x.report.submitted.start else ""
        return (submitted, x.report.file)

    return a if key(a) >= key(b) else b


#: The reference data of the reports being extracted, set before worker processes are forked.
_REFERENCE: Reference | None = None


def _report_error(exc: InputError, name: str) -> ReportError:
    """``exc`` as the error of the report ``name`` (a report-level error: ``keep_going`` skips the report)."""
    if isinstance(exc, ReportError) and exc.file is not None:
        return exc
    error = ReportError(exc.message, file=exc.file or name, line=exc.line, hint=exc.hint)
    error.__cause__ = exc
    return error


def _extract(file: ReportFile) -> Report | ReportError:
    assert _REFERENCE is not None
    try:
        return extract_report(read_report(file.path, file.root), _REFERENCE)
    except InputError as exc:
        return _report_error(exc, display_name(file.path, file.root))


def _extracted(files: list[ReportFile], reference: Reference, workers: int) -> Iterator[Report | ReportError]:
    """Each file read and extracted, in order; in up to ``workers`` forked processes when there are
    enough files to be worth it (the results do not depend on it)."""
    global _REFERENCE
    _REFERENCE = reference
    try:
        if workers > 1 and len(files) >= 2 * workers and can_fork():
            from .extract.mentions import finder_for

            finder_for(reference)  # built once here, inherited by the workers
            with fork_pool(workers) as pool:
                yield from pool.map(_extract, files, chunksize=max(1, min(32, len(files) // (4 * workers))))
        else:
            yield from map(_extract, files)
    finally:
        _REFERENCE = None


def _trial(minter: Minter) -> Minter:
    """A copy of ``minter`` with its own record of the slugs minted so far: a report whose mapping fails
    halfway leaves the shared minter as it was."""
    trial = copy.copy(minter)
    for name, value in vars(minter).items():
        if isinstance(value, dict):
            setattr(trial, name, dict(value))
    return trial


def build_dataset(files: Iterable[ReportFile], settings: Settings, reference: Reference, *,
                  keep_going: bool = False, on_report: Callable[[ReportFile], None] | None = None,
                  on_skipped: Callable[[ReportError], None] | None = None, workers: int = 1) -> Build:
    """Read, extract and map every report (reading and extracting in up to ``workers`` processes). A
    report that cannot be built (unreadable, or its names minting IRIs that another report's names own)
    raises :class:`ReportError`, or with ``keep_going`` is skipped and recorded (and handed to
    ``on_skipped``), the others built as if it were not there. Two reports for the same sub-region and
    period: the later submission replaces the earlier, with a warning note."""
    minter = Minter(settings.base_iri)
    decisions = read_decisions(decisions_source(settings.decisions))
    links = decision_quads(decisions, minter)
    overridden = overridden_links(decisions, minter, reference)
    build = Build([], reference_quads(reference, minter, overridden) + links, settings.base_iri)
    by_iri: dict[str, BuiltReport] = {}
    files = list(files)
    for file, report in zip(files, _extracted(files, reference, workers), strict=True):
        if on_report is not None:
            on_report(file)
        log.debug("reading %s", file.path)
        if not isinstance(report, ReportError):
            try:
                mapper = _trial(minter) if keep_going else minter
                graph = map_report(report, mapper, reference)
                minter = mapper
            except InputError as error:
                report = _report_error(error, report.file)
        if isinstance(report, ReportError):
            if not keep_going:
                raise report
            build.skipped.append(report)
            log.debug("skipped %s: %s", file.path, report)
            if on_skipped is not None:
                on_skipped(report)
            continue
        built = BuiltReport(report, graph.graph.value, graph.quads, tuple(report.notes) + tuple(graph.notes),
                            graph.focus, graph.shared)
        if built.iri in by_iri:
            earlier = by_iri[built.iri]
            kept = _newer(built, earlier)
            dropped = earlier if kept is built else built
            build.notes.append(Note("report-replaced", "warning",
                                    f"{shown_name(kept.report.file)} and {shown_name(dropped.report.file)} are "
                                    f"both the report for {built.iri}; {shown_name(kept.report.file)} (the later "
                                    "submission) replaces the other",
                                    dropped.report.activities[0].span if dropped.report.activities
                                    else SourceSpan(dropped.report.file, 1, 1, 0, 0)))
            by_iri[built.iri] = kept
        else:
            by_iri[built.iri] = built
    build.reports = [by_iri[k] for k in sorted(by_iri)]
    return build


def _check_outside(files: Sequence[ReportFile], settings: Settings) -> None:
    out = settings.out.resolve()
    inside = next((f.path for f in files if out == f.path.resolve() or out in f.path.resolve().parents), None)
    if inside is not None:
        raise UsageError(f"the output folder {shown_name(str(settings.out))} holds the report "
                         f"{shown_name(str(inside))}",
                         hint="give another --out; the output folder is replaced whole")


def check(files: Sequence[ReportFile], settings: Settings, reference: Reference, *, workers: int = 1,
          keep_going: bool = False, on_report: Callable[[ReportFile], None] | None = None,
          on_skipped: Callable[[ReportError], None] | None = None) -> tuple[Build, Validation]:
    """Read, extract, map and validate ``files`` without writing anything. A report that cannot be built
    raises :class:`ReportError`, or with ``keep_going`` is skipped (``on_skipped``; the build's
    ``skipped``); none that can raises :class:`UsageError`."""
    _check_outside(files, settings)
    dataset = build_dataset(files, settings, reference, keep_going=keep_going, on_report=on_report,
                            on_skipped=on_skipped, workers=workers)
    if not dataset.reports:
        raise UsageError("no report could be read")
    log.info("validating %d report graph(s) in up to %d process(es)", len(dataset.reports), workers)
    return dataset, validate_build(dataset, workers=workers)


def build(files: Sequence[ReportFile], settings: Settings, reference: Reference, *, workers: int = 1,
          keep_going: bool = False, allow_invalid: bool = False, environment: Environment | None = None,
          on_report: Callable[[ReportFile], None] | None = None,
          on_skipped: Callable[[ReportError], None] | None = None,
          on_validated: Callable[[Validation], None] | None = None) -> BuildResult:
    """Build ``files`` into ``settings.out``: read and extract, map, validate (reading, extracting and
    validating in up to ``workers`` processes), write (framing the per-report JSON-LD documents in as many).

    The output folder is checked first (:class:`~rscao_graph.errors.InputError`, exit 2, for a folder
    that is not an earlier build). With ``keep_going`` unreadable reports are skipped (``on_skipped``)
    instead of raising :class:`ReportError`; none readable raises :class:`UsageError`. ``on_validated``
    receives the findings before anything is written; violations raise :class:`BuildInvalid` (exit 1)
    and leave the output folder as it was, unless ``allow_invalid``. ``environment`` gives the date
    stamped into VoID (``SOURCE_DATE_EPOCH``); by default none is.
    """
    target = check_output(settings.out)
    _check_outside(files, settings)
    dataset = build_dataset(files, settings, reference, keep_going=keep_going, on_report=on_report,
                            on_skipped=on_skipped, workers=workers)
    if not dataset.reports:
        raise UsageError(f"no report could be read; {settings.out} was left as it was")
    log.info("validating %d report graph(s) in up to %d process(es)", len(dataset.reports), workers)
    validation = validate_build(dataset, workers=workers)
    if on_validated is not None:
        on_validated(validation)
    if not validation.conforms and not allow_invalid:
        raise BuildInvalid(f"validation found {validation.counts()['violation']} violation(s); {settings.out} was "
                           "left as it was", BuildResult(dataset, validation),
                           hint="fix the reports, or build with --allow-invalid")
    log.info("writing %s", target.path)
    sizes = write_build(dataset, target, settings, validation,
                        modified=environment.source_date if environment is not None else None, workers=workers)
    return BuildResult(dataset, validation, sizes)
