"""Relative links between pages and the fallback labels (serve/links.py)."""

from __future__ import annotations

from rscao_graph.serve.links import Linker, humane, page_href, safe_href

BASE = "https://w3id.org/rscao/"


def test_links_are_relative_to_the_page() -> None:
    deep = Linker(BASE, "report/x/2019-09--2020-03/activity/cn-1")
    assert deep.root == "../../../../../"
    assert deep.href(BASE + "country/CN") == "../../../../../country/CN/index.html"
    assert deep.href(BASE + "ontology#Activity") == "../../../../../ontology/index.html#Activity"
    assert deep.href(BASE + "report/x/2019-09--2020-03") == "../../index.html"
    assert deep.href(BASE + "report/x/2019-09--2020-03/activity/cn-1/citation/3.1") == "citation/3.1/index.html"
    assert deep.href(BASE + "report/x/2019-09--2020-03/activity/cn-1") == "index.html"
    assert deep.page("report/x/2019-09--2020-03/activity/cn-1", "ttl") == "index.ttl"
    assert deep.href(BASE + "dump/dataset.nq") == "../../../../../dump/dataset.nq"
    assert deep.href(BASE) == "../../../../../index.html"
    home = Linker(BASE, "")
    assert (home.root, home.href(BASE + "country/CN")) == ("", "country/CN/index.html")
    assert Linker(BASE, "ontology").href(BASE + "ontology#Activity") == "#Activity"
    assert page_href("../", "", "ttl") == "../index.ttl"


def test_only_http_links_leave_the_site() -> None:
    linker = Linker(BASE, "country/CN")
    assert linker.href("https://www.ifla.org/node/92613") == "https://www.ifla.org/node/92613"
    assert linker.href("http://www.gpsh.edu.kp:8080/foreign/index!2") == "http://www.gpsh.edu.kp:8080/foreign/index!2"
    for iri in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "urn:isbn:1", "mailto:a@b.c",
                "vbscript:x", "https://x/\"onmouseover=alert(1)", "http://x/<script>"):
        assert linker.href(iri) is None
        assert safe_href(iri) is None


def test_fallback_labels() -> None:
    linker = Linker(BASE, "")
    assert linker.fallback_label(BASE + "report/r/activity/cn-1/citation/3.1") == "citation 3.1"
    assert linker.fallback_label(BASE + "report/r/source/3515-4824/quote") == "quote of source 3515-4824"
    assert linker.fallback_label(BASE + "ontology#inferred") == "inferred"
    assert linker.fallback_label("http://www.wikidata.org/entity/Q148") == "wd:Q148"
    assert linker.fallback_label("https://example.org/x") == "https://example.org/x"
    assert humane("isoAlpha2") == "iso alpha 2"
    assert humane("hasTopConcept") == "has top concept"
