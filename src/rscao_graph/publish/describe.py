"""The description of every resource a build mints, computed once at build time, so that serving a
page costs a key look-up and no query.

A resource is a *document path*: an IRI under the base without its fragment (``country/CN``,
``report/north-east-asia/2019-09--2020-03/activity/cn-1``; the ontology's ``ontology#Activity`` and its
other terms share the document ``ontology``). Its description holds, as quads in the graphs they come
from:

- its own statements (every subject of the document), with the blank nodes they reach;
- for a report, its whole named graph (the report page lists every activity of it);
- the provenance its statements point at: the source segment (``prov:wasDerivedFrom``), its selectors
  (the quote, the character offsets) and the source document's file;
- the statements of other resources that link to it (its inverse links), at most :data:`MAX_INVERSE`
  per property; how many there are in all is kept when some were left out;
- the label and the types of everything the above names, so a page reads without another look-up;
- the validation findings whose focus is the resource (for a report: those of all its activities).

The dump files a build writes (``{base}dump/...``) are files, not descriptions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Triple

from ..validate import Finding
from ..vocab import DCT, OA, PROV, RDF, RDFS, RSCAO, SCHEMA, SKOS

__all__ = ["FILE_PREFIXES", "LABEL_PREDICATES", "MAX_INVERSE", "Description", "describe_build", "document_iri",
           "document_path"]

#: Inverse links kept per property (the total is recorded when there are more).
MAX_INVERSE = 100
#: The predicates a label is read from, the first found winning.
LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, SCHEMA.name, DCT.title)
#: Paths under the base that name files of the build, not described resources.
FILE_PREFIXES = ("dump/",)
_FOLLOW = (PROV.wasDerivedFrom, OA.hasSelector, OA.hasSource)
_LABEL_RANK = {p: i for i, p in enumerate(LABEL_PREDICATES)}


@dataclass(frozen=True)
class Description:
    """What is served for one document path: quads, cut inverse links' totals, findings."""

    path: str
    quads: tuple[Quad, ...]
    inverse_totals: dict[str, int] = field(default_factory=dict)
    findings: tuple[dict[str, Any], ...] = ()


def document_path(iri: str, base: str) -> str | None:
    """The document path of ``iri`` under ``base``, or ``None`` for an IRI outside it, the base itself
    and the build's files.

    >>> document_path("https://w3id.org/rscao/ontology#Activity", "https://w3id.org/rscao/")
    'ontology'
    >>> document_path("https://w3id.org/rscao/dump/dataset.nq", "https://w3id.org/rscao/") is None
    True
    """
    if not iri.startswith(base):
        return None
    path = iri[len(base):].split("#", 1)[0]
    if not path or path.startswith(FILE_PREFIXES):
        return None
    return path


def document_iri(path: str, base: str) -> str:
    """The IRI a document path stands for under ``base``, the inverse of :func:`document_path` (no IRI is
    minted here: every path is one the build minted, read back).

    >>> document_iri("country/CN", "https://w3id.org/rscao/")
    'https://w3id.org/rscao/country/CN'
    """
    return base + path


def _label_rank(q: Quad) -> tuple[int, int]:
    language = q.object.language if isinstance(q.object, Literal) else None
    return _LABEL_RANK[q.predicate], 0 if language == "en" else 1 if not language else 2


class _Index:
    """The quads of a build indexed by document, inverse link, blank node, graph and label."""

    def __init__(self, quads: Iterable[Quad], base: str) -> None:
        self.base = base
        self.own: dict[str, list[Quad]] = defaultdict(list)
        self.inverse: dict[str, list[Quad]] = defaultdict(list)
        self.blank: dict[tuple[str, str], list[Quad]] = defaultdict(list)
        self.graphs: dict[str, list[Quad]] = defaultdict(list)
        self.label: dict[str, Quad] = {}
        self.types: dict[str, list[Quad]] = defaultdict(list)
        self.reports: set[str] = set()
        self.documents: set[str] = set()
        self._paths: dict[str, str | None] = {}
        for q in quads:
            self._add(q)

    def path(self, iri: str) -> str | None:
        """:func:`document_path`, remembered (the same IRIs come back many times)."""
        found = self._paths.get(iri, "")
        if found == "":
            found = self._paths[iri] = document_path(iri, self.base)
        return found

    def _add(self, q: Quad) -> None:
        subject, obj, graph = q.subject, q.object, q.graph_name
        if isinstance(graph, NamedNode):
            self.graphs[graph.value].append(q)
            if (path := self.path(graph.value)) is not None:
                self.documents.add(path)
        if isinstance(subject, BlankNode):
            self.blank[(str(graph), subject.value)].append(q)
            return
        if not isinstance(subject, NamedNode):
            return
        iri = subject.value
        path = self.path(iri)
        if path is not None:
            self.own[path].append(q)
            self.documents.add(path)
        if q.predicate == RDF.type and isinstance(obj, NamedNode):
            self.types[iri].append(q)
            if obj == RSCAO.Report:
                self.reports.add(iri)
        elif q.predicate in _LABEL_RANK and isinstance(obj, Literal):
            known = self.label.get(iri)
            if known is None or _label_rank(q) < _label_rank(known):
                self.label[iri] = q
        if isinstance(obj, NamedNode) and (target := self.path(obj.value)) is not None:
            self.documents.add(target)
            if target != path:
                self.inverse[target].append(q)

    def closure(self, quads: list[Quad]) -> list[Quad]:
        """``quads`` with the blank nodes they reach and the provenance they point at."""
        out = list(quads)
        seen_blank: set[tuple[str, str]] = set()
        seen_docs: set[str] = set()
        i = 0
        while i < len(out):
            q = out[i]
            i += 1
            obj = q.object
            if isinstance(obj, BlankNode):
                key = (str(q.graph_name), obj.value)
                if key not in seen_blank:
                    seen_blank.add(key)
                    out.extend(self.blank.get(key, ()))
            elif isinstance(obj, NamedNode) and q.predicate in _FOLLOW:
                target = self.path(obj.value)
                if target is not None and target not in seen_docs:
                    seen_docs.add(target)
                    out.extend(self.own.get(target, ()))
        return out

    def neighbours(self, quads: Iterable[Quad], own: set[str]) -> list[Quad]:
        """Label and types of every IRI ``quads`` name that is not one of ``own``."""
        named: dict[str, None] = {}
        for q in quads:
            for term in (q.subject, q.object):
                if isinstance(term, NamedNode) and term.value not in own:
                    named[term.value] = None
        out: list[Quad] = []
        for iri in named:
            if (label := self.label.get(iri)) is not None:
                out.append(label)
            out.extend(self.types.get(iri, ()))
        return out


def _cut_inverse(quads: list[Quad]) -> tuple[list[Quad], dict[str, int]]:
    by_predicate: dict[str, list[Quad]] = defaultdict(list)
    for q in quads:
        by_predicate[q.predicate.value].append(q)
    kept: list[Quad] = []
    totals: dict[str, int] = {}
    for predicate in sorted(by_predicate):
        links = list(dict.fromkeys(by_predicate[predicate]))
        distinct = len({(q.subject, q.predicate, q.object) for q in links})
        if distinct > MAX_INVERSE:
            totals[predicate] = distinct
            subjects: dict[Any, None] = {}
            for q in links:
                if len(subjects) == MAX_INVERSE and q.subject not in subjects:
                    continue
                subjects[q.subject] = None
                kept.append(q)
        else:
            kept.extend(links)
    return kept, totals


def _finding(f: Finding) -> dict[str, Any]:
    return {"severity": f.severity, "rule": f.rule, "message": f.message, "file": f.file, "line": f.line,
            "where": f.where, "focus": f.focus}


def _findings_by_path(findings: Sequence[Finding], base: str, reports: set[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    report_paths = sorted((r[len(base):] for r in reports if r.startswith(base)), key=len, reverse=True)
    for f in findings:
        path = document_path(f.focus, base)
        if path is None:
            continue
        out[path].append(_finding(f))
        report = next((r for r in report_paths if path.startswith(r + "/")), None)
        if report is not None:
            out[report].append(_finding(f))
    return out


def describe_build(quads: Sequence[Quad], base: str, *, description: Sequence[Triple] = (),
                   findings: Sequence[Finding] = ()) -> Iterator[Description]:
    """The description of every document path under ``base``, in path order, from the build's sorted
    ``quads``, the dataset ``description`` (VoID, in the default graph) and the validation ``findings``."""
    every = list(quads) + [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in description]
    index = _Index(every, base)
    by_path = _findings_by_path(findings, base, index.reports)
    for path in sorted(index.documents):
        iri = document_iri(path, base)
        own_quads = index.own.get(path, [])
        subjects = {q.subject.value for q in own_quads if isinstance(q.subject, NamedNode)} | {iri}
        body = (index.graphs[iri] + own_quads) if iri in index.reports else own_quads
        body = index.closure(list(dict.fromkeys(body)))
        inverse, totals = _cut_inverse(index.inverse.get(path, []))
        labels = index.neighbours(body + inverse, subjects)
        yield Description(path, tuple(dict.fromkeys(body + inverse + labels)), totals,
                          tuple(by_path.get(path, ())))
