"""Accepted rows of the decisions file as links, each with its record (method, score, date), in the
``{base}graph/links`` graph: owl:sameAs to Wikidata, skos:exactMatch to VIAF, ISNI and GeoNames, the
ISIL as an identifier literal, the website as foaf:homepage."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from ..config import DEFAULT_BASE_IRI
from ..decisions import Decision
from ..errors import InputError
from ..iris import Minter
from ..vocab import FOAF, OWL, SCHEMA, SKOS
from .nodes import iri
from .reference_graphs import link_quads

__all__ = ["authority_target", "decision_quads", "rebase"]

_PREDICATES = {"wikidata": OWL.sameAs, "viaf": SKOS.exactMatch, "isni": SKOS.exactMatch,
               "geonames": SKOS.exactMatch, "isil": SCHEMA.identifier, "website": FOAF.homepage}


def authority_target(authority: str, value: str) -> NamedNode | Literal:
    """The node a link points to, in the forms DESIGN.md gives.

    >>> authority_target("geonames", "1816670").value
    'https://sws.geonames.org/1816670/'
    """
    if authority == "wikidata":
        return iri(f"http://www.wikidata.org/entity/{value}")
    if authority == "viaf":
        return iri(f"http://viaf.org/viaf/{value}")
    if authority == "isni":
        return iri(f"https://isni.org/isni/{value}")
    if authority == "geonames":
        return iri(f"https://sws.geonames.org/{value}/")
    if authority == "isil":
        return Literal(value)
    return iri(value)


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
    graph = iri(minter.iri("graph/links"))
    quads: list[Quad] = []
    for d in decisions:
        if d.status != "accepted":
            continue
        quads += link_quads(iri(rebase(d.entity, minter)), _PREDICATES[d.authority], d.authority,
                            authority_target(d.authority, d.value), graph, minter, "data/links.csv", d.method,
                            d.score or None, d.date or None)
    return quads
