"""Accepted rows of the decisions file as the links graph: each link in its authority's form, with
its record, under the build's base."""

from __future__ import annotations

import pytest

from rscao_graph.decisions import Decision
from rscao_graph.errors import InputError
from rscao_graph.iris import Minter
from rscao_graph.rdf.authority import decision_quads

NLC = "https://w3id.org/rscao/org/national-library-of-china"


def row(authority: str, value: str, status: str = "accepted", method: str = "automatic") -> Decision:
    return Decision(NLC, authority, value, "National Library of China", "organisation", status, method, "0.95",
                    "2026-11-25", "")


def test_each_authority_in_its_form_with_its_record() -> None:
    decisions = [row("wikidata", "Q732353"), row("isil", "CN-100000"), row("website", "http://www.nlc.cn/"),
                 row("viaf", "1", status="pending"), row("isni", "0000000121032683", status="rejected")]
    quads = decision_quads(decisions, Minter("https://example.org/x/"))
    assert {q.graph_name.value for q in quads} == {"https://example.org/x/graph/links"}
    links = sorted((q.subject.value, q.predicate.value, str(q.object)) for q in quads
                   if not q.subject.value.startswith("https://example.org/x/link/"))
    assert links == [
        ("https://example.org/x/org/national-library-of-china", "http://schema.org/identifier", '"CN-100000"'),
        ("https://example.org/x/org/national-library-of-china", "http://www.w3.org/2002/07/owl#sameAs",
         "<http://www.wikidata.org/entity/Q732353>"),
        ("https://example.org/x/org/national-library-of-china", "http://xmlns.com/foaf/0.1/homepage",
         "<http://www.nlc.cn/>")]
    record = "https://example.org/x/link/org/national-library-of-china/wikidata"
    assert sorted((q.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], str(q.object)) for q in quads
                  if q.subject.value == record) == [
        ("date", '"2026-11-25"^^<http://www.w3.org/2001/XMLSchema#date>'),
        ("linkAuthority", '"wikidata"'), ("linkMethod", '"automatic"'),
        ("linkScore", '"0.95"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        ("linkSubject", "<https://example.org/x/org/national-library-of-china>"),
        ("linkTarget", "<http://www.wikidata.org/entity/Q732353>"), ("source", '"data/links.csv"'),
        ("type", "<https://w3id.org/rscao/ontology#AuthorityLink>")]


def test_a_row_under_a_foreign_base_is_an_error() -> None:
    foreign = Decision("https://other.org/org/x", "wikidata", "Q1", "X", "organisation", "accepted", "curated")
    with pytest.raises(InputError) as err:
        decision_quads([foreign], Minter("https://example.org/x/"))
    assert str(err.value) == ("entity https://other.org/org/x is not under the base IRI https://example.org/x/ "
                              "(the decisions file was written for another base_iri)")
