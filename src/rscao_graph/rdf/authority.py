"""Accepted rows of the decisions file as links, each with its record (method, score, date), in the
``{base}graph/links`` graph, in the forms of :data:`~rscao_graph.vocab.AUTHORITIES`: owl:sameAs to
Wikidata, skos:exactMatch to VIAF, ISNI and GeoNames, the ISIL as an identifier literal, the website as
foaf:homepage."""

from __future__ import annotations

from pyoxigraph import Quad

from ..decisions import Decision
from ..iris import Minter
from .nodes import iri
from .reference_graphs import link_quads

__all__ = ["LINKS_GRAPH", "decision_quads"]

#: Local name of the graph the decisions' links go into, under ``{base}graph/``.
LINKS_GRAPH = "links"


def decision_quads(decisions: list[Decision], minter: Minter) -> list[Quad]:
    """The links graph of the accepted decisions."""
    graph = iri(minter.graph(LINKS_GRAPH))
    quads: list[Quad] = []
    for d in decisions:
        if d.status != "accepted":
            continue
        quads += link_quads(iri(minter.rebase(d.entity)), d.authority, d.value, graph, minter, "data/links.csv",
                            d.method, d.score or None, d.date or None)
    return quads
