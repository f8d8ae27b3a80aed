from __future__ import annotations

import json

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from rscao_graph.publish.jsonld import compact_iri, context_document, jsonld_document
from rscao_graph.resources import resource_path
from rscao_graph.vocab import PREFIXES

G = NamedNode("https://w3id.org/rscao/report/x")
S = NamedNode("https://w3id.org/rscao/report/x/activity/cn-1")


def test_compact_iri_takes_the_longest_namespace() -> None:
    assert compact_iri("https://w3id.org/rscao/ontology#Activity") == "rscao:Activity"
    assert compact_iri("http://www.wikidata.org/entity/Q148") == "wd:Q148"
    assert compact_iri("https://w3id.org/rscao/country/CN") == "https://w3id.org/rscao/country/CN"
    assert compact_iri("http://schema.org/") == "http://schema.org/"


def test_the_dump_context_is_the_prefixes_and_the_shipped_context_has_them_too() -> None:
    """dataset.jsonld carries the prefixes inline; the shipped context (of the framed documents) defines
    the same prefixes beside its terms."""
    shipped = json.loads(resource_path("ontology", "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context_document() == {"@context": PREFIXES}
    assert {p: shipped[p] for p in PREFIXES} == PREFIXES


def test_document_shape() -> None:
    quads = [
        Quad(S, NamedNode("http://schema.org/name"), Literal("Talk", language="en"), G),
        Quad(S, NamedNode("http://schema.org/startDate"),
             Literal("2019-11", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")), G),
        Quad(S, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
             NamedNode("https://w3id.org/rscao/ontology#Activity"), G),
        Quad(S, NamedNode("https://w3id.org/rscao/ontology#citedNotation"), Literal("3.1"), G),
        Quad(S, NamedNode("http://schema.org/url"), NamedNode("http://x.kp:8080/a!0#b"), G),
        Quad(S, NamedNode("http://schema.org/url"), NamedNode("https://y.org/"), G),
        Quad(BlankNode("b0"), NamedNode("http://schema.org/name"), Literal("n"), G),
    ]
    document = json.loads(jsonld_document(quads))
    assert document["@graph"] == [{"@id": G.value, "@graph": [
        {"@id": "_:b0", "schema:name": "n"},
        {"@id": S.value, "@type": "rscao:Activity", "rscao:citedNotation": "3.1",
         "schema:name": {"@value": "Talk", "@language": "en"},
         "schema:startDate": {"@value": "2019-11", "@type": "xsd:gYearMonth"},
         "schema:url": [{"@id": "http://x.kp:8080/a!0#b"}, {"@id": "https://y.org/"}]},
    ]}]
