"""A description in the RDF formats (serve/rdf.py): sorted, distinct, the graphs kept where the format can."""

from __future__ import annotations

import json

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from rscao_graph.serve.rdf import RDF_FORMATS, rdf_bytes, triples_bytes
from rscao_graph.vocab import CONTEXT_IRI, SCHEMA

BASE = "https://w3id.org/rscao/"
G1, G2 = NamedNode(BASE + "graph/a"), NamedNode(BASE + "graph/b")
CN, JP = NamedNode(BASE + "country/CN"), NamedNode(BASE + "country/JP")
QUADS = [Quad(JP, SCHEMA.name, Literal("Japan", language="en"), G1),
         Quad(CN, SCHEMA.name, Literal("China", language="en"), G2),
         Quad(CN, SCHEMA.name, Literal("China", language="en"), G1)]


def test_triple_formats_merge_the_graphs_sorted() -> None:
    assert rdf_bytes(QUADS, "nt") == (b'<https://w3id.org/rscao/country/CN> <http://schema.org/name> "China"@en .\n'
                                      b'<https://w3id.org/rscao/country/JP> <http://schema.org/name> "Japan"@en .\n')
    assert rdf_bytes(QUADS, "txt") == rdf_bytes(QUADS, "nt")
    turtle = rdf_bytes(QUADS, "ttl").decode()
    assert turtle.endswith('<https://w3id.org/rscao/country/CN> schema:name "China"@en .\n'
                           '<https://w3id.org/rscao/country/JP> schema:name "Japan"@en .\n')
    assert len(list(parse(rdf_bytes(QUADS, "rdf"), format=RdfFormat.RDF_XML))) == 2
    document = json.loads(rdf_bytes(QUADS, "jsonld"))
    assert document == {"@context": CONTEXT_IRI, "@graph": [{"id": BASE + "country/CN", "name": "China"},
                                                            {"id": BASE + "country/JP", "name": "Japan"}]}
    assert rdf_bytes(QUADS, "json") == rdf_bytes(QUADS, "jsonld")


def test_quad_formats_keep_the_graphs() -> None:
    nquads = rdf_bytes(QUADS, "nq").decode().splitlines()
    assert nquads == [f'<{BASE}country/CN> <http://schema.org/name> "China"@en <{BASE}graph/a> .',
                      f'<{BASE}country/JP> <http://schema.org/name> "Japan"@en <{BASE}graph/a> .',
                      f'<{BASE}country/CN> <http://schema.org/name> "China"@en <{BASE}graph/b> .']
    assert set(parse(rdf_bytes(QUADS, "trig"), format=RdfFormat.TRIG)) == set(QUADS)
    assert sorted(RDF_FORMATS) == ["json", "jsonld", "nq", "nt", "rdf", "trig", "ttl", "txt"]


def test_other_prefixes() -> None:
    triples = [Quad(CN, SCHEMA.name, Literal("China"), DefaultGraph()).triple]
    assert triples_bytes(triples, "ttl", {"s": "http://schema.org/"}).startswith(b"@prefix s: <http://schema.org/> .\n")
