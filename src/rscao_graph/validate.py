"""Validation: pyshacl with the shapes of ``shapes/`` behind one function that returns findings in
the report's own terms (file, line, country, activity number), plus the standard SHACL report.

Report graphs are validated in batches (plain rdflib graphs, core constraints only, no inference);
the reference graphs once. Extraction and build notes that the graph cannot show (a row that could
not be read, a report replaced by a resubmission) join the findings under their own rule ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from .errors import InputError, shown_name
from .model import Note, link_problem, refused_in_iri
from .processes import can_fork, fork_pool
from .rdf.dataset import Build, BuiltReport
from .rdf.mapping import Focus
from .rdf.nodes import integer
from .resources import resource_path
from .vocab import RDF, RSCAO, SH, SHAPES, XSD

__all__ = ["BATCH_SIZE", "Finding", "Validation", "validate_build"]

#: The constraint component of findings made while reading or building, not by a SHACL shape.
READING_COMPONENT = SHAPES.ReadingConstraintComponent.value
BATCH_SIZE = 25
SEVERITIES = {SH.Violation.value: "violation", SH.Warning.value: "warning", SH.Info.value: "info"}
_SEVERITY_IRI = {v: k for k, v in SEVERITIES.items()}
_ORDER = {"violation": 0, "warning": 1, "info": 2}
#: Extraction notes whose problem the shapes see in the graph: reported by the shapes, not twice.
_SEEN_BY_SHAPES = {"country-inferred", "country-unknown", "country-ambiguous", "header-field-missing",
                   "period-unparsed", "date-year-missing", "name-missing"}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found, in the report's own terms."""

    file: str
    line: int
    severity: str
    rule: str
    focus: str
    message: str
    country: str | None = None
    ordinal: int | None = None
    name: str = ""
    value: str | None = None
    value_type: str | None = None
    value_is_iri: bool = False
    value_lang: str | None = None
    component: str = READING_COMPONENT
    path: str | None = None
    where: str = ""

    @property
    def subject(self) -> str:
        """``CN #1 "International Symposium on …"`` for an activity, ``report "…"`` otherwise."""
        if self.ordinal is not None or self.country:
            short = self.name if len(self.name) <= 40 else self.name[:40].rstrip() + "…"
            return f'{self.country or "??"} #{self.ordinal if self.ordinal is not None else "?"} "{short}"'
        kind, _, rest = self.name.partition(" ")
        return f'{kind} "{rest}"' if rest else self.name

    def text(self) -> str:
        """``FILE:LINE: severity: ...``; in a document (.docx, HTML) ``FILE:table 1, row 5: ...``; a FILE
        with a line break or another control character in its name is quoted (:func:`shown_name`)."""
        return (f"{shown_name(self.file)}:{self.where or self.line}: {self.severity}: {self.subject}: {self.message} "
                f"[{self.rule}]")

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON data; ``where`` (the place in a document) only for a .docx or HTML report."""
        found = {"rule": self.rule, "severity": self.severity, "focus": self.focus, "file": self.file,
                 "line": self.line, "country": self.country, "ordinal": self.ordinal, "message": self.message}
        if self.where:
            found["where"] = self.where
        return found


@dataclass(frozen=True)
class Validation:
    """Findings, sorted by file, line and severity.

    ``conforms`` is rscao-graph's own verdict (no violation: the build may be written, exit 0); the SHACL
    report's ``sh:conforms`` is ``shacl_conforms``, false as soon as the shapes give any result, a warning
    or an info included, as SHACL defines it.
    """

    findings: tuple[Finding, ...]

    @property
    def conforms(self) -> bool:
        return not any(f.severity == "violation" for f in self.findings)

    @property
    def shacl_conforms(self) -> bool:
        return not any(f.component != READING_COMPONENT for f in self.findings)

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in ("violation", "warning", "info")}

    def turtle(self) -> bytes:
        """The standard SHACL validation report in Turtle."""
        prefixes = {"sh": str(SH), "rs": str(SHAPES), "rscao": str(RSCAO), "xsd": str(XSD), "rdf": str(RDF)}
        return serialize(self.report_triples(), format=RdfFormat.TURTLE, prefixes=prefixes) or b""

    def report_triples(self) -> list[Triple]:
        """The findings as a standard ``sh:ValidationReport`` (deterministic blank node ids): the shapes'
        results as ``sh:result`` (what any SHACL engine finds in the dataset), the findings made while
        reading as ``rscao:readingFinding`` beside them, and the counts of both as ``rscao:violations``,
        ``rscao:warnings`` and ``rscao:infos``."""
        report = BlankNode("report")
        counts = self.counts()
        out = [Triple(report, RDF.type, SH.ValidationReport),
               Triple(report, SH.conforms,
                      Literal("true" if self.shacl_conforms else "false", datatype=XSD.boolean)),
               Triple(report, RSCAO.violations, integer(counts["violation"])),
               Triple(report, RSCAO.warnings, integer(counts["warning"])),
               Triple(report, RSCAO.infos, integer(counts["info"]))]
        for i, f in enumerate(self.findings, start=1):
            result = BlankNode(f"result{i}")
            if f.component == READING_COMPONENT:
                out += [Triple(report, RSCAO.readingFinding, result), Triple(result, RDF.type, RSCAO.ReadingFinding)]
            else:
                out += [Triple(report, SH.result, result), Triple(result, RDF.type, SH.ValidationResult)]
            out += [Triple(result, SH.focusNode, NamedNode(f.focus)),
                    Triple(result, SH.resultSeverity, NamedNode(_SEVERITY_IRI[f.severity])),
                    Triple(result, SH.sourceShape, SHAPES[f.rule]),
                    Triple(result, SH.sourceConstraintComponent, NamedNode(f.component)),
                    Triple(result, SH.resultMessage, Literal(f.message, language="en"))]
            if f.path is not None:
                out.append(Triple(result, SH.resultPath, NamedNode(f.path)))
            if f.value is not None:
                if f.value_is_iri:
                    value: NamedNode | Literal = NamedNode(f.value)
                elif f.value_lang:
                    value = Literal(f.value, language=f.value_lang)
                else:
                    value = Literal(f.value, datatype=NamedNode(f.value_type) if f.value_type else None)
                out.append(Triple(result, SH.value, value))
        return sorted(out, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


@cache
def _shapes() -> Any:
    import rdflib

    path = resource_path("shapes", "rscao-shapes.ttl")
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:
        text = " ".join(str(exc).split())
        line = re.search(r"at line (\d+)", text)
        reason = re.sub(r"^.*?at line \d+ of <[^>]*>:\s*", "", text).split(" at ^ in:")[0]
        raise InputError(f"the SHACL shapes cannot be loaded: {reason[:200]}", file=str(path),
                         line=int(line.group(1)) if line else None) from exc


@cache
def _read_predicates() -> frozenset[str]:
    """The predicates the shapes read (their paths, and rdf:type for their targets): validation needs
    no other triple, so the graphs handed to pyshacl leave the rest out (descriptions, quotes, ...)."""
    import rdflib

    paths = {str(o) for o in _shapes().objects(None, rdflib.URIRef(SH.path.value)) if isinstance(o, rdflib.URIRef)}
    return frozenset(paths | {str(RDF) + "type"})


@cache
def _target_classes() -> frozenset[str]:
    """The classes the shapes target: rdf:type triples of other classes are not read either."""
    import rdflib

    return frozenset(str(o) for o in _shapes().objects(None, rdflib.URIRef(SH.targetClass.value)))


def _rdflib_graph(quads: Iterable[Quad]) -> Any:
    """A plain rdflib graph of the triples of ``quads`` that the shapes read."""
    import rdflib

    wanted, classes, rdf_type = _read_predicates(), _target_classes(), str(RDF) + "type"
    iris: dict[str, Any] = {}

    def term(t: Any) -> Any:
        if isinstance(t, NamedNode):
            node = iris.get(t.value)
            if node is None:
                node = iris[t.value] = rdflib.URIRef(t.value)
            return node
        if isinstance(t, BlankNode):
            return rdflib.BNode(t.value)
        return rdflib.Literal(t.value, lang=t.language,
                              datatype=None if t.language else term(t.datatype))

    graph = rdflib.Graph()
    for q in quads:
        predicate = q.predicate.value
        if predicate in wanted and (predicate != rdf_type or (isinstance(q.object, NamedNode)
                                                             and q.object.value in classes)):
            graph.add((term(q.subject), term(q.predicate), term(q.object)))
    return graph


def _link_fix(value: str) -> str:
    problem = link_problem(value)
    if problem == "no-scheme":
        return f'write it with "https://" in front: "https://{value}"'
    if problem == "scheme-typo":
        return 'write the scheme in full, "http://" or "https://"'
    if problem == "characters":  # invisible ones too: a bidi control makes the address read as another
        return f"remove the characters a web address may not hold ({', '.join(refused_in_iri(value)[:5])})"
    return "write the full address, starting with https://"


def _message(template: str, focus: Focus | None, value: str | None, country: str | None) -> str:
    facts = dict(focus.facts) if focus else {}
    facts.update(value=value or "", country=country or "", link_fix=_link_fix(value or ""))
    for key, fact in facts.items():
        template = template.replace("{" + key + "}", fact)
    return template


def _shacl_findings(graph: Any, focus: dict[str, Focus], fallback: str) -> list[Finding]:
    import pyshacl
    import rdflib

    _, results, _ = pyshacl.validate(graph, shacl_graph=_shapes(), inference="none", allow_infos=True,
                                            allow_warnings=True)
    sh = rdflib.namespace.SH
    found = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        node = str(results.value(result, sh.focusNode))
        shape = str(results.value(result, sh.sourceShape))
        value = results.value(result, sh.value)
        path = results.value(result, sh.resultPath)
        where = focus.get(node)
        template = str(results.value(result, sh.resultMessage) or "")
        value_text = str(value) if value is not None else None
        country = where.country if where else None
        found.append(Finding(
            where.file if where else fallback, where.line_of(str(path) if path else None) if where else 0,
            SEVERITIES[str(results.value(result, sh.resultSeverity))], shape.removeprefix(str(SHAPES)), node,
            _message(template, where, value_text, country), country, where.ordinal if where else None,
            where.label if where else node, value_text,
            str(value.datatype) if isinstance(value, rdflib.Literal) and value.datatype else None,
            isinstance(value, rdflib.URIRef), value.language if isinstance(value, rdflib.Literal) else None,
            str(results.value(result, sh.sourceConstraintComponent)),
            str(path) if isinstance(path, rdflib.URIRef) else None,
            where.where_of(str(path) if path else None) if where else ""))
    return found


def _note_findings(notes: Iterable[Note], report_iri: str, focus: dict[str, Focus]) -> list[Finding]:
    """Extraction notes the shapes cannot see, on the activity whose rows hold the note's line (else on
    the report)."""
    activities = [(iri, f) for iri, f in focus.items() if f.kind == "activity"]
    report = focus.get(report_iri)
    found = []
    for note in notes:
        if note.code in _SEEN_BY_SHAPES:
            continue
        iri, where = next(((i, f) for i, f in reversed(activities)  # a row shared by two: the one it starts
                           if f.file == note.span.file and f.line <= note.span.line <= max(f.line, f.end_line)),
                          (report_iri, report))
        activity = where if where is not None and where.kind == "activity" else None
        found.append(Finding(note.span.file, note.span.line, note.severity, note.code, iri, note.message,
                             (activity.country or "??") if activity else None,
                             activity.ordinal if activity else None,
                             where.label if where else f"report {note.span.file}",
                             where=note.span.where() if note.span.locator is not None else ""))
    return found


#: The reports being validated, set before worker processes are forked (they inherit it).
_WORK: list[BuiltReport] = []


def _validate_batch(bounds: tuple[int, int]) -> list[Finding]:
    batch = _WORK[bounds[0]:bounds[1]]
    focus: dict[str, Focus] = {}
    quads: list[Quad] = []
    for built in batch:
        focus.update(built.focus)
        quads.extend(built.quads)
        quads.extend(Quad(t.subject, t.predicate, t.object) for t in built.shared)
    findings = _shacl_findings(_rdflib_graph(quads), focus, batch[0].report.file)
    for built in batch:
        findings += _note_findings(built.notes, built.iri, built.focus)
    return findings


def validate_build(build: Build, batch_size: int = BATCH_SIZE, workers: int = 1) -> Validation:
    """Validate every report graph of a build and the reference graphs.

    Reports are validated in batches of ``batch_size``, in up to ``workers`` processes (where processes
    can be forked; the command line asks for one per core); the findings do not depend on either.
    """
    global _WORK
    bounds = [(i, min(i + batch_size, len(build.reports))) for i in range(0, len(build.reports), batch_size)]
    workers = min(workers, len(bounds))
    findings: list[Finding] = []
    _WORK = build.reports
    try:
        if workers > 1 and can_fork():
            _shapes(), _read_predicates(), _target_classes()  # loaded once, inherited by the workers
            with fork_pool(workers) as pool:
                for part in pool.map(_validate_batch, bounds):
                    findings += part
        else:
            for part in map(_validate_batch, bounds):
                findings += part
    finally:
        _WORK = []
    findings += _shacl_findings(_rdflib_graph(build.reference), {}, "(reference data)")
    for note in build.notes:
        kept = next((b for b in build.reports if note.message.startswith(shown_name(b.report.file) + " ")), None)
        findings.append(Finding(note.span.file, note.span.line, note.severity, note.code,
                                kept.iri if kept else "", note.message, name=f"report {note.span.file}",
                                where=note.span.where() if note.span.locator is not None else ""))
    findings.sort(key=lambda f: (f.file, f.line, _ORDER[f.severity], f.rule, f.focus, f.value or ""))
    return Validation(tuple(findings))
