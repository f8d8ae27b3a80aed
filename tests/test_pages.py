"""HTML pages (serve/pages.py and the templates): what a reader sees, escaped."""

from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad
from served import ACTIVITY, BASE, page_html

from rscao_graph.publish.describe import Description
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.serve.pages import environment, render_dumps, render_home, render_resource
from rscao_graph.vocab import FOAF, RDF, SCHEMA, SKOS


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_an_activity_page(described: Descriptions) -> None:
    html = page_html(described, ACTIVITY)
    assert "<h1>International Symposium on “Libraries • Keeping Pace with the Times”</h1>" in html
    assert "<title>International Symposium on “Libraries • Keeping Pace with the Times” · RSCAO linked data</title>" in html
    assert '<blockquote class="quote">\t&lt;p&gt;#1 Name and Date: International Symposium' in html
    assert "north-east-asia-2019-09--2020-03.md, lines 52–54, characters 3515–4824" in html
    assert '<a href="../../../../../country/CN/index.html" title="https://w3id.org/rscao/country/CN">China</a>' in html
    assert '<a href="../../index.html" title="https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03">' in html
    assert '<a href="https://www.ifla.org/node/92613" title="https://www.ifla.org/node/92613">' in html
    assert '<a href="../../../../../ontology/index.html#reportedCountry" title="rscao:reportedCountry">reported country</a>' in html
    assert "4 activities are listed for CN; the template asks for the two most impactful." in html
    assert '<link rel="alternate" type="text/turtle" href="index.ttl">' in html
    assert 'This description as <a href="index.ttl" type="text/turtle">Turtle</a>' in html


def test_an_organisation_page_shows_authority_and_inverse_links(described: Descriptions) -> None:
    html = page_html(described, "org/national-library-of-china")
    assert ('<a href="http://www.wikidata.org/entity/Q732353" title="http://www.wikidata.org/entity/Q732353">'
            'Wikidata Q732353</a>') in html
    assert ('<a href="http://www.nlc.cn/" title="http://www.nlc.cn/">http://www.nlc.cn/</a> '
            '<span class="note">official website</span>') in html
    inverse = html.split('<h2 id="inverse">Linked from</h2>', 1)[1]
    assert "International Symposium on “Libraries • Keeping Pace with the Times”" in inverse
    assert "The 2019 Southeast Asian Librarians Training Seminar" in inverse


def test_the_home_page(described: Descriptions) -> None:
    html = render_home(described.meta).decode("utf-8")
    assert html.count('<figure class="chart"') == 3
    assert html.count('class="bar"') == 8 + 8 + 4
    assert '<a href="report/north-east-asia/2019-09--2020-03/index.html">Bi-annual sub-regional report' in html
    assert "3 activities have no start date known to the month and are not shown." in html


def test_the_downloads_page(sample_dist: Path) -> None:
    html = render_dumps(sample_dist).decode("utf-8")
    assert re.findall(r'<a href="\.\./dump/([^"]+)"', html) == [
        "dataset.trig", "dataset.nq", "dataset.ttl", "dataset.jsonld", "context.jsonld", "ontology.ttl", "void.ttl",
        "validation.ttl"]


def hostile() -> Description:
    thing = NamedNode(BASE + "org/x")
    g = DefaultGraph()
    return Description("org/x", (
        Quad(thing, RDF.type, SCHEMA.Organization, g),
        Quad(thing, SCHEMA.name, Literal('<script>alert("name")</script>', language="en"), g),
        Quad(thing, SCHEMA.url, NamedNode("javascript:alert(1)"), g),
        Quad(thing, FOAF.homepage, NamedNode("https://example.org/x'onmouseover='alert(1)"), g),
        Quad(thing, SKOS.note, Literal("</td></tr></table><img src=x onerror=alert(1)>"), g)),
        findings=({"severity": "warning", "rule": "<b>r</b>", "message": "<script>m</script>", "file": "<f>.md",
                   "line": 1, "where": "<i>table 1</i>", "focus": BASE + "org/x"},))


def test_report_text_is_escaped_and_no_script_link_is_made() -> None:
    html = render_resource(hostile(), BASE, {}).decode("utf-8")
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;f&gt;.md:&lt;i&gt;table 1&lt;/i&gt; [&lt;b&gt;r&lt;/b&gt;]" in html  # a finding in a document: where
    assert "<h1>&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;</h1>" in html
    assert "javascript:" not in re.sub(r"<span[^>]*>javascript:alert\(1\)</span>", "", html)
    assert not re.search(r'href="[^"]*(javascript|onmouseover)', html)
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert environment().autoescape is True


def test_the_pages_of_a_person_a_place_and_a_work_show_what_the_reports_state(described: Descriptions) -> None:
    person = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page_html(described, "person/linli-soh")))
    assert "affiliation IFLA Asia and Oceania Regional Office schema:Organization" in person
    assert "job title Manager en" in person and "mentions action c-1 convenor action" in person
    place = page_html(described, "place/beijing")
    assert ('<a href="https://sws.geonames.org/1816670/" title="https://sws.geonames.org/1816670/">GeoNames 1816670</a>'
            in place)
    assert "<h1>Beijing</h1>" in place
    work = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page_html(described, "work/marrakesh-treaty")))
    assert "schema:Legislation" in work and "alternate name Marrakech Treaty en" in work
    assert "mentions Evolving services for blind, visually impaired or otherwise print disabled persons activity" in work
