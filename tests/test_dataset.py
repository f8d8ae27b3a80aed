"""The dataset in memory: shared entities once in their own graph, and one fixed order of the quads."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad, Triple

from rscao_graph.model import Report
from rscao_graph.rdf.dataset import Build, BuiltReport, merged_triples, sort_quads

B = "https://example.org/x/"
S, P = NamedNode(B + "s"), NamedNode(B + "p")


def built(name: str, quads: list[Quad], shared: list[Triple]) -> BuiltReport:
    report = Report(name, None, None, None, None, None, (), (), ())
    return BuiltReport(report, B + "report/" + name, quads, (), {}, shared)


def test_shared_triples_go_once_into_the_entities_graph_and_the_order_is_fixed() -> None:
    g1, g2 = NamedNode(B + "report/a"), NamedNode(B + "report/b")
    shared = Triple(S, P, Literal("shared"))
    build = Build([built("b", [Quad(S, P, Literal("2"), g2)], [shared]),
                   built("a", [Quad(S, P, Literal("1"), g1), Quad(S, P, Literal("1"), g1)], [shared])],
                  [Quad(S, P, Literal("ref"), NamedNode(B + "graph/ontology"))], B)
    assert [(q.graph_name.value.removeprefix(B), q.object.value) for q in build.quads()] == [
        ("graph/entities", "shared"), ("graph/ontology", "ref"), ("report/a", "1"), ("report/b", "2")]
    assert build.quads() is build.quads()


def test_sorting_and_merging() -> None:
    g = NamedNode(B + "g")
    quads = [Quad(S, P, Literal("b"), g), Quad(S, P, Literal("a"), g), Quad(S, P, Literal("a"), g)]
    assert [q.object.value for q in sort_quads(quads)] == ["a", "b"]
    merged = merged_triples([*quads, Quad(S, P, Literal("a"), NamedNode(B + "h"))])
    assert [t.object.value for t in merged] == ["a", "b"]
    assert sort_quads([]) == [] and merged_triples([]) == []
