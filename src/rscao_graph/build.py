"""The build: reports in, one dataset out (a named graph per report plus the reference graphs).

``build_dataset`` reads, extracts and maps; ``write_build`` writes the dumps and the VoID/DCAT
description atomically. The CLI only wires them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, serialize

from .config import Settings
from .errors import ReportError
from .extract import extract_report
from .iris import Minter
from .link.decisions import decisions_source, read_decisions
from .model import Note, Report, SourceSpan
from .publish.dumps import merged_triples, sort_quads, write_dumps
from .publish.frames import write_report_documents
from .publish.output import staged_output
from .publish.void import VOID_PREFIXES, void_triples
from .publish.w3id import write_resolvable_files
from .rdf.links import decision_quads, rebase
from .rdf.mapping import Focus, map_report
from .rdf.reference_graphs import reference_quads
from .read import read_report
from .reference import load_reference
from .sources import ReportFile
from .sparql import write_store

__all__ = ["Build", "BuiltReport", "build_dataset", "write_build"]


@dataclass(frozen=True)
class BuiltReport:
    """One report, its graph IRI and the quads of its named graph."""

    report: Report
    iri: str
    quads: list[Quad]
    notes: tuple[Note, ...]
    focus: dict[str, Focus]
    shared: list[Triple]


@dataclass
class Build:
    """Everything a build produced, before it is written."""

    reports: list[BuiltReport]
    reference: list[Quad]
    base: str = ""
    skipped: list[ReportError] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    _quads: list[Quad] | None = field(default=None, repr=False, compare=False)

    def quads(self) -> list[Quad]:
        """All quads, distinct and sorted (the order every dump is written in); computed once."""
        if self._quads is not None:
            return self._quads
        every = list(self.reference)
        shared = {t for built in self.reports for t in built.shared}
        if shared:
            graph = NamedNode(self.base + "graph/entities")
            every.extend(Quad(t.subject, t.predicate, t.object, graph) for t in shared)
        for built in self.reports:
            every.extend(built.quads)
        self._quads = sort_quads(every)
        return self._quads


def _newer(a: BuiltReport, b: BuiltReport) -> BuiltReport:
    def key(x: BuiltReport) -> tuple[str, str]:
        submitted = x.report.submitted.start if x.report.submitted and x.report.submitted.start else ""
        return (submitted, x.report.file)

    return a if key(a) >= key(b) else b


def build_dataset(files: Iterable[ReportFile], settings: Settings, *, keep_going: bool = False,
                  on_report: Callable[[ReportFile], None] | None = None) -> Build:
    """Read, extract and map every report. An unreadable report raises :class:`ReportError`, or with
    ``keep_going`` is skipped and recorded. Two reports for the same sub-region and period: the later
    submission replaces the earlier, with a warning note."""
    reference = load_reference()
    minter = Minter(settings.base_iri)
    decisions = read_decisions(decisions_source(settings.decisions))
    links = decision_quads(decisions, minter)
    overridden = {(rebase(d.entity, minter), d.authority) for d in decisions if d.status == "accepted"}
    build = Build([], reference_quads(reference, minter, overridden) + links, settings.base_iri)
    by_iri: dict[str, BuiltReport] = {}
    for file in files:
        if on_report is not None:
            on_report(file)
        try:
            report = extract_report(read_report(file.path, file.root), reference)
        except ReportError as exc:
            if not keep_going:
                raise
            build.skipped.append(exc)
            continue
        graph = map_report(report, minter, reference)
        built = BuiltReport(report, graph.graph.value, graph.quads, tuple(report.notes) + tuple(graph.notes),
                            graph.focus, graph.shared)
        if built.iri in by_iri:
            earlier = by_iri[built.iri]
            kept = _newer(built, earlier)
            dropped = earlier if kept is built else built
            build.notes.append(Note("report-replaced", "warning",
                                    f"{kept.report.file} and {dropped.report.file} are both the report for "
                                    f"{built.iri}; {kept.report.file} (the later submission) replaces the other",
                                    dropped.report.activities[0].span if dropped.report.activities
                                    else SourceSpan(dropped.report.file, 1, 1, 0, 0)))
            by_iri[built.iri] = kept
        else:
            by_iri[built.iri] = built
    build.reports = [by_iri[k] for k in sorted(by_iri)]
    return build


def write_build(build: Build, out: Path, settings: Settings, validation: bytes | None = None) -> dict[str, int]:
    """Write the dumps, one framed JSON-LD document per report (``report/...jsonld``), ``void.ttl``, the
    embedded query store (``store/``) and (given the SHACL
    report as Turtle) ``validation.ttl`` into ``out`` atomically; returns file name -> byte size of
    the files (the store is a folder and is not listed)."""
    quads = build.quads()
    triples = merged_triples(quads)
    with staged_output(out) as folder:
        sizes = write_dumps(quads, triples, folder)
        write_report_documents(((b.iri, sort_quads(b.quads)) for b in build.reports), build.base, folder)
        write_resolvable_files(folder, settings.host_url)
        serialize(void_triples(quads, triples, sizes, settings), folder / "void.ttl", RdfFormat.TURTLE,
                  prefixes=VOID_PREFIXES)
        sizes["void.ttl"] = (folder / "void.ttl").stat().st_size
        write_store(quads, folder)
        if validation is not None:
            (folder / "validation.ttl").write_bytes(validation)
            sizes["validation.ttl"] = len(validation)
    return sizes
