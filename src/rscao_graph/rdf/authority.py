"""Accepted rows of the decisions file as links, each with its record (method, score, date), in the
``{base}graph/links`` graph, in the forms of :data:`~rscao_graph.vocab.AUTHORITIES`: owl:sameAs to
Wikidata, skos:exactMatch to VIAF, ISNI and GeoNames, the ISIL as an identifier literal, the website as
foaf:homepage."""

from __future__ import annotations

from pyoxigraph import Quad

from ..config import DEFAULT_BASE_IRI
from ..decisions import Decision
from ..errors import InputError
from ..iris import Minter
from .nodes import iri
from .reference_graphs import link_quads

__all__ = ["LINKS_GRAPH", "decision_quads", "rebase"]

#: Local name of the graph the decisions' links go into, under ``{base}graph/``.
LINKS_GRAPH = "links"


def rebase(entity: str, minter: Minter) -> str:
    """An entity IRI of the decisions file under the build's base (rows are written under the base
    they were made with; the default base maps onto any other)."""
    for base in (minter.base, DEFAULT_BASE_IRI):
        if entity.startswith(base):
            return minter.base + entity[len(base):]
    raise InputError(f"entity {entity} is not under the base IRI {minter.base}",
                     hint="the decisions file was written for another base_iri")


def decision_quads(decisions: list[Decision], minter: Minter) -> list[Quad]:
    """The links graph of the accepted decisions."""
    graph = iri(minter.graph(LINKS_GRAPH))
    quads: list[Quad] = []
    for d in decisions:
        if d.status != "accepted":
            continue
        quads += link_quads(iri(rebase(d.entity, minter)), d.authority, d.value, graph, minter, "data/links.csv",
                            d.method, d.score or None, d.date or None)
    return quads
