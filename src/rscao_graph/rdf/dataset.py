"""A build's dataset in memory: the named graph of every report, the shared entities and the reference
graphs, and the one order every dump is written in.

Quads are sorted once (graph, subject, predicate, object) so the same input gives byte-identical
files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from ..errors import ReportError
from ..iris import Minter
from ..model import Note, Report
from .mapping import Focus

__all__ = ["ENTITIES_GRAPH", "Build", "BuiltReport", "merged_triples", "sort_quads"]

#: Local name of the graph of things several reports share, under ``{base}graph/``.
ENTITIES_GRAPH = "entities"


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
            graph = NamedNode(Minter(self.base).graph(ENTITIES_GRAPH))
            every.extend(Quad(t.subject, t.predicate, t.object, graph) for t in shared)
        for built in self.reports:
            every.extend(built.quads)
        self._quads = sort_quads(every)
        return self._quads


def _sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    """Distinct triples in the order of their N-Triples lines (subject, predicate, object).

    Sorting serialised lines is done in C and parsing them back in Rust: several times faster than
    sorting term objects with a Python key on large corpora.
    """
    lines = sorted(set((serialize(triples, format=RdfFormat.N_TRIPLES) or b"").splitlines()))
    return list(parse(b"\n".join(lines), format=RdfFormat.N_TRIPLES)) if lines else []


def sort_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Distinct quads in a fixed order: by graph, then subject, predicate and object.

    >>> from pyoxigraph import NamedNode as N
    >>> g, s, p = N("http://g/"), N("http://s/"), N("http://p/")
    >>> [str(q.object) for q in sort_quads([Quad(s, p, N("http://b/"), g), Quad(s, p, N("http://a/"), g)])]
    ['<http://a/>', '<http://b/>']
    """
    graphs: dict[NamedNode | DefaultGraph | object, list[Triple]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name, []).append(q.triple)
    return [Quad(t.subject, t.predicate, t.object, graph)  # type: ignore[arg-type]
            for graph in sorted(graphs, key=str) for t in _sorted_triples(graphs[graph])]


def merged_triples(quads: Iterable[Quad]) -> list[Triple]:
    """The distinct triples of all graphs, sorted."""
    return _sorted_triples(q.triple for q in quads)
