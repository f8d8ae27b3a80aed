"""The dumps of a build: TriG, N-Quads, Turtle (all graphs merged), JSON-LD and its context.

Quads are sorted once (graph, subject, predicate, object) so the same input gives byte-identical
files; pyoxigraph writes the RDF syntaxes (fast on large corpora), ``jsonld.py`` the JSON-LD.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pyoxigraph import Quad, RdfFormat, Triple, parse, serialize

from ..rdf.terms import PREFIXES
from .frames import context_document
from .jsonld import jsonld_document

__all__ = ["DUMPS", "merged_triples", "sort_quads", "write_dumps"]

#: File name -> (media type, description) of every dump, in the order they are written.
DUMPS = {
    "dataset.trig": ("application/trig", "All named graphs (one per report, plus reference graphs) in TriG"),
    "dataset.nq": ("application/n-quads", "All named graphs in N-Quads"),
    "dataset.ttl": ("text/turtle", "All graphs merged into one, in Turtle, for tools without named graphs"),
    "dataset.jsonld": ("application/ld+json", "All named graphs as compacted JSON-LD, context inline"),
    "context.jsonld": ("application/ld+json", "The JSON-LD context of the per-report documents (report/...jsonld)"),
}


def _sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    """Distinct triples in the order of their N-Triples lines (subject, predicate, object).

    Sorting serialised lines is done in C and parsing them back in Rust: several times faster than
    sorting term objects with a Python key on large corpora.
    """
    lines = sorted(set(serialize(triples, format=RdfFormat.N_TRIPLES).splitlines()))
    return list(parse(b"\n".join(lines), format=RdfFormat.N_TRIPLES)) if lines else []


def sort_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Distinct quads in a fixed order: by graph, then subject, predicate and object.

    >>> from pyoxigraph import NamedNode as N
    >>> g, s, p = N("http://g/"), N("http://s/"), N("http://p/")
    >>> [str(q.object) for q in sort_quads([Quad(s, p, N("http://b/"), g), Quad(s, p, N("http://a/"), g)])]
    ['<http://a/>', '<http://b/>']
    """
    graphs: dict[Any, list[Triple]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name, []).append(q.triple)
    return [Quad(t.subject, t.predicate, t.object, graph)
            for graph in sorted(graphs, key=str) for t in _sorted_triples(graphs[graph])]


def merged_triples(quads: Iterable[Quad]) -> list[Triple]:
    """The distinct triples of all graphs, sorted."""
    return _sorted_triples(q.triple for q in quads)


def write_dumps(quads: list[Quad], triples: list[Triple], folder: Path) -> dict[str, int]:
    """Write every dump of the (sorted) ``quads`` and their merged ``triples`` into ``folder``;
    returns file name -> byte size."""
    serialize(quads, folder / "dataset.trig", RdfFormat.TRIG, prefixes=PREFIXES)
    serialize(quads, folder / "dataset.nq", RdfFormat.N_QUADS)
    serialize(triples, folder / "dataset.ttl", RdfFormat.TURTLE, prefixes=PREFIXES)
    (folder / "dataset.jsonld").write_bytes(jsonld_document(quads))
    (folder / "context.jsonld").write_text(json.dumps(context_document(), indent=1) + "\n", encoding="utf-8")
    return {name: (folder / name).stat().st_size for name in DUMPS}
