"""Compacted JSON-LD written straight from sorted quads, with the context inline.

The inline context holds the project's prefixes, so every IRI in a known namespace appears as a compact
IRI ("schema:name") and any JSON-LD processor reads the file offline; this is the bulk dump, written
straight from the quads at any size (the friendlier, framed per-report documents are frames.py's).
Named graphs become ``@graph`` objects. Lexical forms are kept (typed literals as
``{"@value", "@type"}``) so nothing changes in a round trip.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Triple

from ..vocab import PREFIXES, RDF, XSD

__all__ = ["compact_iri", "context_document", "jsonld_document"]

_RDF_TYPE = RDF.type.value
_XSD_STRING = XSD.string.value
_BY_NAMESPACE = {namespace: prefix for prefix, namespace in PREFIXES.items()}


def context_document() -> dict[str, Any]:
    """The context inline in ``dataset.jsonld``: the prefixes, so the dump reads offline and keeps every
    term as a compact IRI (``context.jsonld``, of the framed per-report documents, is ``frames.py``'s)."""
    return {"@context": dict(PREFIXES)}


def compact_iri(iri: str) -> str:
    """``schema:name`` for http://schema.org/name; the IRI itself when no prefix fits.

    The namespace is what precedes the last ``#`` (else the last ``/``), as every prefix ends in one.
    """
    cut = iri.rfind("#")
    if cut < 0:
        cut = iri.rfind("/")
    prefix = _BY_NAMESPACE.get(iri[:cut + 1])
    local = iri[cut + 1:]
    if prefix is None or not local:
        return iri
    return f"{prefix}:{local}"


def _node_id(term: NamedNode | BlankNode | Triple) -> str:
    if isinstance(term, Triple):
        raise ValueError(f"an RDF-star triple term has no JSON-LD form: {term}")
    return compact_iri(term.value) if isinstance(term, NamedNode) else f"_:{term.value}"


def _value(term: Any) -> Any:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact_iri(term.datatype.value)}
    return {"@id": _node_id(term)}


def _nodes(quads: list[Quad]) -> list[dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    for q in quads:
        node = nodes.setdefault(_node_id(q.subject), {"@id": _node_id(q.subject)})
        if q.predicate.value == _RDF_TYPE and not isinstance(q.object, Literal):
            node.setdefault("@type", []).append(_node_id(q.object))
        else:
            node.setdefault(compact_iri(q.predicate.value), []).append(_value(q.object))
    result = []
    for key in sorted(nodes):
        node = nodes[key]
        ordered = {"@id": node.pop("@id")}
        if "@type" in node:
            types = node.pop("@type")
            ordered["@type"] = types[0] if len(types) == 1 else types
        for prop in sorted(node):
            values = node[prop]
            ordered[prop] = values[0] if len(values) == 1 else values
        result.append(ordered)
    return result


def jsonld_document(quads: Iterable[Quad]) -> bytes:
    """A compacted JSON-LD document of ``quads`` (already sorted by graph, subject, predicate, object)."""
    graphs: dict[str, list[Quad]] = {}
    default: list[Quad] = []
    for q in quads:
        if isinstance(q.graph_name, DefaultGraph):
            default.append(q)
        else:
            graphs.setdefault(_node_id(q.graph_name), []).append(q)
    # One node object a line: the file diffs cleanly, and the C JSON encoder does the work.
    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = [line(node) for node in _nodes(default)]
    # The reports' graphs first, then the reference graphs (countries, strategy, ...): a reader meets a
    # report before 249 countries.
    for name in sorted(graphs, key=lambda name: ("/report/" not in name, name)):
        nodes = ",\n".join(line(node) for node in _nodes(graphs[name]))
        parts.append(f'{{"@id":{line(name)},"@graph":[\n{nodes}\n]}}')
    context = json.dumps(context_document()["@context"], ensure_ascii=False, indent=1)
    body = ",\n".join(parts)
    return f'{{"@context":{context},\n"@graph":[\n{body}\n]}}\n'.encode()
