"""What a resource page shows, read from its description (serve/view.py)."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad
from served import BASE, page_html

from rscao_graph.publish.describe import Description
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.serve.links import Linker
from rscao_graph.serve.view import Graph, PageBuilder, resource_page
from rscao_graph.vocab import RDF, RDFS, SCHEMA, XSD


def test_the_ontology_page_has_an_anchor_per_term(described: Descriptions) -> None:
    html = page_html(described, "ontology")
    assert '<section id="reportedCountry">' in html and '<section id="Activity">' in html
    built = resource_page(described.get("ontology"), BASE, described.meta["terms"])  # type: ignore[arg-type]
    # what is typed with its classes, and blank nodes (shown within their subject), are not listed
    assert [(r.label, len(r.values)) for r in built.inverse] == [
        ("class", 12), ("property", 43), ("role", 1), ("country determination", 12)]


def test_values_and_labels() -> None:
    thing = NamedNode(BASE + "org/x")
    g = DefaultGraph()
    graph = Graph([Quad(thing, SCHEMA.name, Literal("Nom", language="fr"), g),
                   Quad(thing, SCHEMA.name, Literal("Name", language="en"), g),
                   Quad(thing, RDFS.label, Literal("Label"), g),
                   Quad(thing, SCHEMA.startDate, Literal("2019-11", datatype=XSD.gYearMonth), g)])
    assert graph.label(thing) == "Label"
    builder = PageBuilder(graph, Linker(BASE, "org/x"), {})
    assert builder.literal(Literal("2019-11", datatype=XSD.gYearMonth)).note == "gYearMonth"
    assert builder.literal(Literal("x", language="en")).note == "en"
    assert builder.literal(Literal("a\n\nb")).paragraphs == ("a", "b")
    assert builder.term_label(SCHEMA.startDate) == "start date"
    assert builder.term_label(RDF.type) == "type"
    built = resource_page(Description("org/x", tuple(graph.quads)), BASE, {})
    assert (built.title, [r.label for r in built.rows]) == ("Label", ["name", "start date", "label"])
