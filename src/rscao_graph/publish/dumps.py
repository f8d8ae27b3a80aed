"""The dumps of a build: TriG, N-Quads, Turtle (all graphs merged), JSON-LD and its context.

The quads come sorted (``rdf.dataset.sort_quads``) so the same input gives byte-identical files;
pyoxigraph writes the RDF syntaxes (fast on large corpora), ``jsonld.py`` the JSON-LD.
"""

from __future__ import annotations

import json
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from ..vocab import PREFIXES
from .frames import context_document
from .jsonld import jsonld_document

__all__ = ["DUMPS", "write_dumps"]

#: File name -> (media type, description) of every dump, in the order they are written.
DUMPS = {
    "dataset.trig": ("application/trig", "All named graphs (one per report, plus reference graphs) in TriG"),
    "dataset.nq": ("application/n-quads", "All named graphs in N-Quads"),
    "dataset.ttl": ("text/turtle", "All graphs merged into one, in Turtle, for tools without named graphs"),
    "dataset.jsonld": ("application/ld+json", "All named graphs as compacted JSON-LD, context inline"),
    "context.jsonld": ("application/ld+json", "The JSON-LD context of the per-report documents (report/...jsonld)"),
}


def write_dumps(quads: list[Quad], triples: list[Triple], folder: Path) -> dict[str, int]:
    """Write every dump of the (sorted) ``quads`` and their merged ``triples`` into ``folder``;
    returns file name -> byte size."""
    serialize(quads, folder / "dataset.trig", RdfFormat.TRIG, prefixes=PREFIXES)
    serialize(quads, folder / "dataset.nq", RdfFormat.N_QUADS)
    serialize(triples, folder / "dataset.ttl", RdfFormat.TURTLE, prefixes=PREFIXES)
    (folder / "dataset.jsonld").write_bytes(jsonld_document(quads))
    (folder / "context.jsonld").write_text(json.dumps(context_document(), indent=1) + "\n", encoding="utf-8")
    return {name: (folder / name).stat().st_size for name in DUMPS}
