"""Reference graphs: the ontology, the strategy scheme, countries, sub-regions and the gazetteer.

Each goes into a named graph of its own under ``{base}graph/``, so reports can be replaced without
touching them and consumers can tell report facts from reference data.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse

from ..iris import Minter
from ..reference import Reference
from ..resources import resource_path
from ..vocab import AUTHORITIES, DCT, RDF, RDFS, RSCAO, SCHEMA, SKOS, XSD
from .nodes import en, iri, string

__all__ = ["REFERENCE_GRAPHS", "link_quads", "reference_quads"]

#: Local names of the reference graphs, under ``{base}graph/``.
REFERENCE_GRAPHS = ("ontology", "strategy", "countries", "subregions", "gazetteer")

_TYPES = {"Library": SCHEMA.Library, "Organization": SCHEMA.Organization,
          "GovernmentOrganization": SCHEMA.GovernmentOrganization, "CollegeOrUniversity": SCHEMA.CollegeOrUniversity,
          "Project": SCHEMA.Project, "City": SCHEMA.City, "AdministrativeArea": SCHEMA.AdministrativeArea,
          "Person": SCHEMA.Person, "WebSite": SCHEMA.WebSite, "SoftwareApplication": SCHEMA.SoftwareApplication,
          "Service": SCHEMA.Service, "Legislation": SCHEMA.Legislation, "CreativeWork": SCHEMA.CreativeWork,
          "EventSeries": SCHEMA.EventSeries}


def _parsed(folder: str, name: str, graph: NamedNode, base: str) -> list[Quad]:
    """The triples of a packaged Turtle file in ``graph``. The parser names blank nodes at random;
    they are renamed in order of appearance so the dumps stay byte-identical."""
    path = resource_path(folder, name)
    names: dict[str, BlankNode] = {}

    def stable(term: Any) -> Any:
        if isinstance(term, BlankNode):
            return names.setdefault(term.value, BlankNode(f"{graph.value.rsplit('/', 1)[-1]}{len(names)}"))
        return term

    with path.open("rb") as handle:
        return [Quad(stable(t.subject), t.predicate, stable(t.object), graph)
                for t in parse(handle, format=RdfFormat.TURTLE, base_iri=base)]


def _countries(reference: Reference, minter: Minter, graph: NamedNode,
               overridden: set[tuple[str, str]]) -> list[Quad]:
    quads = []
    for country in reference.countries.values():
        node = iri(minter.country(country.code))
        quads += [Quad(node, RDF.type, SCHEMA.Country, graph), Quad(node, SCHEMA.name, en(country.name), graph),
                  Quad(node, RSCAO.isoAlpha2, string(country.code), graph)]
        if country.alpha3:
            quads.append(Quad(node, RSCAO.isoAlpha3, string(country.alpha3), graph))
        if country.numeric:
            quads.append(Quad(node, RSCAO.isoNumeric, string(country.numeric), graph))
        quads += [Quad(node, SCHEMA.alternateName, en(alias), graph) for alias in country.aliases]
        for authority, value in (("wikidata", country.wikidata), ("geonames", country.geonames)):
            if value and (node.value, authority) not in overridden:
                quads += link_quads(node, authority, value, graph, minter, "data/countries.csv")
    return quads


def link_quads(entity: NamedNode, authority: str, value: str, graph: NamedNode, minter: Minter, source: str,
               method: str = "curated", score: str | None = None, date: str | None = None) -> list[Quad]:
    """An authority link (``entity predicate target``, in the form :data:`~rscao_graph.vocab.AUTHORITIES`
    gives) and its record: how it was made and from where."""
    known = AUTHORITIES[authority]
    predicate, target = known.predicate, known.target(value)
    record = iri(minter.link_record(entity.value, authority))
    quads = [Quad(entity, predicate, target, graph), Quad(record, RDF.type, RSCAO.AuthorityLink, graph),
             Quad(record, RSCAO.linkSubject, entity, graph),
             Quad(record, RSCAO.linkAuthority, string(authority), graph),
             Quad(record, RSCAO.linkTarget, target, graph), Quad(record, RSCAO.linkMethod, string(method), graph),
             Quad(record, DCT.source, string(source), graph)]
    if score is not None:
        quads.append(Quad(record, RSCAO.linkScore, Literal(score, datatype=XSD.decimal), graph))
    if date is not None:
        quads.append(Quad(record, DCT.date, Literal(date, datatype=XSD.date), graph))
    return quads


def _subregions(reference: Reference, minter: Minter, graph: NamedNode) -> list[Quad]:
    quads = []
    for sub in reference.subregions.values():
        node = iri(minter.subregion(sub.slug))
        quads += [Quad(node, RDF.type, RSCAO.SubRegion, graph), Quad(node, SCHEMA.name, en(sub.name), graph),
                  Quad(node, RDFS.comment, en(f"Source: {sub.source}"), graph)]
        quads += [Quad(node, RSCAO.memberCountry, iri(minter.country(c)), graph) for c in sub.countries]
    return quads


def _gazetteer(reference: Reference, minter: Minter, graph: NamedNode) -> list[Quad]:
    quads = []
    for entity in reference.entities.values():
        node = iri(minter.known(entity.kind, entity.id))
        quads += [Quad(node, RDF.type, _TYPES.get(entity.type, SCHEMA.Thing), graph),
                  Quad(node, SCHEMA.name, en(entity.name), graph)]
        quads += [Quad(node, SCHEMA.alternateName, en(a), graph) for a in entity.aliases]
        if entity.country:
            quads.append(Quad(node, RSCAO.country, iri(minter.country(entity.country)), graph))
        if entity.note:
            quads.append(Quad(node, SKOS.note, en(entity.note), graph))
    return quads


def reference_quads(reference: Reference, minter: Minter,
                    overridden: set[tuple[str, str]] = frozenset()) -> list[Quad]:  # type: ignore[assignment]
    """All reference graphs' quads, minted under the minter's base. ``overridden`` (entity IRI,
    authority) pairs are links the decisions file states, which win over the reference data's."""
    graph = {name: iri(minter.graph(name)) for name in REFERENCE_GRAPHS}
    return (_parsed("ontology", "rscao.ttl", graph["ontology"], minter.base)
            + _parsed("data", "strategy-2019-2024.ttl", graph["strategy"], minter.base)
            + _countries(reference, minter, graph["countries"], set(overridden))
            + _subregions(reference, minter, graph["subregions"])
            + _gazetteer(reference, minter, graph["gazetteer"]))
