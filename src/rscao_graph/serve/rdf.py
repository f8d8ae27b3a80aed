"""A description in the RDF formats: Turtle, N-Triples, RDF/XML and JSON-LD of its statements merged
(sorted, distinct), TriG and N-Quads with the graphs they are stated in.

JSON-LD is compacted with the project's context, named by its IRI (``publish.frames.compact_document``:
the short terms the per-report documents use), so a description reads like a report's document; a
report's own JSON-LD is its framed document (``serve.documents``).
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple, serialize

from ..publish.frames import compact_document
from ..rdf.dataset import merged_triples, sort_quads
from ..vocab import PREFIXES

__all__ = ["RDF_FORMATS", "rdf_bytes", "triples_bytes"]

_TRIPLE_FORMATS = {"ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "txt": RdfFormat.N_TRIPLES,
                   "rdf": RdfFormat.RDF_XML}
_QUAD_FORMATS = {"trig": RdfFormat.TRIG, "nq": RdfFormat.N_QUADS}
#: The keys of the RDF formats (see ``negotiation.FORMATS``).
RDF_FORMATS = (*_TRIPLE_FORMATS, *_QUAD_FORMATS, "jsonld", "json")


def triples_bytes(triples: Sequence[Triple], key: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Sorted distinct ``triples`` in the triple format ``key`` (ttl, nt, rdf, jsonld, json), with the
    project's ``prefixes`` unless others are given (JSON-LD: always the project's context)."""
    ordered = merged_triples(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    if key in ("jsonld", "json"):
        return compact_document(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in ordered)
    fmt = _TRIPLE_FORMATS[key]
    chosen = None if fmt == RdfFormat.N_TRIPLES else (prefixes or PREFIXES)
    return serialize(ordered, format=fmt, prefixes=chosen) or b""


def rdf_bytes(quads: Sequence[Quad], key: str) -> bytes:
    """The statements of a description in format ``key`` (one of :data:`RDF_FORMATS`)."""
    if key in _QUAD_FORMATS:
        fmt = _QUAD_FORMATS[key]
        return serialize(sort_quads(quads), format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TRIG else None) or b""
    return triples_bytes([q.triple for q in quads], key)
