"""Namespaces and the terms the mapping uses, as pyoxigraph nodes.

The vocabulary's own terms live in a fixed namespace (``https://w3id.org/rscao/ontology#``) whatever
the configured base IRI: the ontology is shared by every publisher; instance data uses their base.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

__all__ = [
    "DCAT",
    "DCATAP",
    "DCT",
    "FOAF",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RSCAO",
    "SCHEMA",
    "SKOS",
    "VCARD",
    "VOID",
    "XSD",
    "Namespace",
]


class Namespace:
    """A namespace IRI; attribute or item access gives the term as a :class:`NamedNode`.

    >>> SCHEMA.name.value, DCT.title.value, str(SKOS)
    ('http://schema.org/name', 'http://purl.org/dc/terms/title', 'http://www.w3.org/2004/02/skos/core#')
    """

    def __init__(self, iri: str) -> None:
        self._iri = iri
        self._terms: dict[str, NamedNode] = {}

    def __str__(self) -> str:
        return self._iri

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> NamedNode:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = NamedNode(self._iri + name)
        return term


RSCAO = Namespace("https://w3id.org/rscao/ontology#")
SCHEMA = Namespace("http://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCT = Namespace("http://purl.org/dc/terms/")
ORG = Namespace("http://www.w3.org/ns/org#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")

#: Prefixes used in every Turtle/TriG dump and in the JSON-LD context, in a fixed order.
PREFIXES: dict[str, str] = {
    "rscao": str(RSCAO), "schema": str(SCHEMA), "skos": str(SKOS), "prov": str(PROV), "oa": str(OA),
    "dct": str(DCT), "org": str(ORG), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
    "void": str(VOID), "dcat": str(DCAT), "foaf": str(FOAF), "vann": "http://purl.org/vocab/vann/",
    "wd": "http://www.wikidata.org/entity/",
}
