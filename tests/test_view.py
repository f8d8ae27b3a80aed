"""What a resource page shows, read from its description (serve/view.py)."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad
from served import BASE, page_html

from rscao_graph.publish.describe import Description
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.serve.links import Linker
from rscao_graph.serve.pages import render_resource
from rscao_graph.serve.view import Graph, PageBuilder, Value, resource_page
from rscao_graph.vocab import FOAF, OA, OWL, PROV, RDF, RDFS, RSCAO, SCHEMA, SKOS, XSD


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


def test_a_person_reads_as_the_report_states_them() -> None:
    person, office = NamedNode(BASE + "person/anita-low"), NamedNode(BASE + "org/ifla-regional-office")
    g = DefaultGraph()
    graph = Graph([Quad(person, SCHEMA.name, Literal("Anita Low", language="en"), g),
                   Quad(person, SCHEMA.honorificPrefix, Literal("Ms.", language="en"), g),
                   Quad(person, SCHEMA.jobTitle, Literal("Manager", language="en"), g),
                   Quad(person, SCHEMA.affiliation, office, g),
                   Quad(office, SCHEMA.name, Literal("IFLA Regional Office", language="en"), g)])
    builder = PageBuilder(graph, Linker(BASE, "report/r"), {})
    assert builder.named(person) == Value("Ms. Anita Low", "../../person/anita-low/index.html",
                                          "Manager, IFLA Regional Office", BASE + "person/anita-low")
    assert builder.named(office) == Value("IFLA Regional Office", "../../org/ifla-regional-office/index.html", "",
                                          BASE + "org/ifla-regional-office")


def test_authority_links_by_the_authoritys_name_and_id() -> None:
    builder = PageBuilder(Graph([]), Linker(BASE, "place/almaty-1526384"), {})
    geonames = builder.authority(SKOS.exactMatch, NamedNode("https://sws.geonames.org/1526384/"))
    assert (geonames.text, geonames.href) == ("GeoNames 1526384", "https://sws.geonames.org/1526384/")
    assert builder.authority(OWL.sameAs, NamedNode("http://www.wikidata.org/entity/Q35493")).text == "Wikidata Q35493"
    assert builder.authority(SKOS.exactMatch, NamedNode("http://viaf.org/viaf/123")).text == "VIAF 123"
    assert builder.authority(SCHEMA.identifier, Literal("CN-100000")).text == "ISIL CN-100000"
    website = builder.authority(FOAF.homepage, NamedNode("https://www.nlrk.kz/"))
    assert (website.text, website.note) == ("https://www.nlrk.kz/", "official website")
    other = builder.authority(SKOS.exactMatch, NamedNode("https://example.org/a/1"))
    assert (other.text, other.href) == ("https://example.org/a/1", "https://example.org/a/1")


def test_a_source_in_a_word_document_says_where_it_is() -> None:
    report = BASE + "report/r"
    activity, segment = NamedNode(report + "/activity/kz-2"), NamedNode(report + "/source/4728-5259")
    where, document = NamedNode(report + "/source/4728-5259/document"), NamedNode(report + "/source")
    g = NamedNode(report)
    quads = [Quad(activity, PROV.wasDerivedFrom, segment, g), Quad(segment, OA.hasSource, document, g),
             Quad(segment, OA.hasSelector, where, g), Quad(where, RDF.type, OA.XPathSelector, g),
             Quad(where, RDFS.label, Literal("table 1, row 7"), g),
             Quad(where, RDF.value, Literal("/w:document/w:body/w:tbl/w:tr[7]"), g),
             Quad(document, RSCAO.path, Literal("central-asia.docx"), g),
             Quad(segment, RSCAO.startLine, Literal("60", datatype=XSD.positiveInteger), g)]
    page = resource_page(Description("report/r/activity/kz-2", tuple(quads)), BASE, {})
    assert [(s.file, s.where, s.start_line) for s in page.sources] == [("central-asia.docx", "table 1, row 7", "60")]
    html = render_resource(Description("report/r/activity/kz-2", tuple(quads)), BASE, {}).decode("utf-8")
    assert '<figcaption class="note">central-asia.docx, table 1, row 7 · <a href="../../source/4728-5259/index.html">' in html
