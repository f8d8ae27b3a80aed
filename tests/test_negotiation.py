"""Content negotiation on Accept, tested with the headers real browsers and RDF tools send."""

from __future__ import annotations

import pytest

from rscao_graph.serve.negotiation import (
    DESCRIPTION_FORMATS,
    FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    by_extension,
    by_name,
    choose,
    parse_accept,
    quality,
)

#: Accept headers as sent by browsers and tools (Jena's is WebContent.defaultRDFAcceptHeader; rdflib's the
#: ones URLInputSource builds; pyld's its requests document loader's).
REAL = [
    ("firefox", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "html"),
    ("chrome", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
               "application/signed-exchange;v=b3;q=0.7", "html"),
    ("safari", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
    ("curl", "*/*", "html"),
    ("no header", None, "html"),
    ("jena riot", "text/turtle,application/n-triples;q=0.9,application/ld+json;q=0.8,application/rdf+xml;q=0.7,"
                  "application/trig,application/n-quads;q=0.9,text/x-nquads;q=0.8,application/x-trig;q=0.7,"
                  "application/ld+json;q=0.5,*/*;q=0.5", "ttl"),
    ("rdflib, no format", "application/rdf+xml, text/n3, text/turtle, application/n-triples, application/ld+json, "
                          "application/n-quads, application/trix, application/trig", "ttl"),
    ("rdflib turtle", "text/turtle, application/x-turtle, */*;q=0.1", "ttl"),
    ("rdflib xml", "application/rdf+xml, */*;q=0.1", "rdf"),
    ("rdflib nt", "text/plain, */*;q=0.1", "txt"),
    ("rdflib json-ld", "application/ld+json, application/json;q=0.9, */*;q=0.1", "jsonld"),
    ("pyld", "application/ld+json, application/json", "jsonld"),
    ("trig only", "application/trig", "trig"),
    ("n-quads", "application/n-quads", "nq"),
    ("fetch json", "application/json", "json"),
]


@pytest.mark.parametrize(("who", "header", "key"), REAL, ids=[r[0] for r in REAL])
def test_real_accept_headers(who: str, header: str | None, key: str) -> None:
    chosen = choose(header, DESCRIPTION_FORMATS)
    assert chosen is not None and chosen.key == key


@pytest.mark.parametrize(("header", "key"), [
    ("text/turtle;q=0.5, application/ld+json", "jsonld"),
    ("application/n-triples;q=1.0, application/rdf+xml;q=0.9", "nt"),
    ("TEXT/Turtle", "ttl"),
    ("text/turtle;charset=UTF-8", "ttl"),
    ('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', "jsonld"),
    ("text/*", "html"),
    ("text/*;q=0.5, application/*", "jsonld"),
    ("*/*;q=0.1, text/turtle;q=0", "html"),
    ("text/html;q=0, */*", "ttl"),
    ("text/turtle;q=abc, application/ld+json;q=0.5", "jsonld"),
    ("text/turtle;q=1.5, application/rdf+xml;q=0.2", "rdf"),
    ("text/turtle; q=0.8; foo=bar, application/trig;q=0.7", "ttl"),
    ("text/turtle ; q = 0.3 , application/n-triples ; q = 0.4", "nt"),
    ("application/ld+json;q=0.2, application/ld+json;q=0.9, text/turtle;q=0.5", "jsonld"),
    ("*/*;q=0.5, text/turtle;q=0.4", "html"),
    ("garbage", "html"),
    ("", "html"),
])
def test_q_values_parameters_and_wildcards(header: str, key: str) -> None:
    chosen = choose(header, DESCRIPTION_FORMATS)
    assert chosen is not None and chosen.key == key


@pytest.mark.parametrize("header", [
    "image/png",
    "text/turtle;charset=iso-8859-1",
    'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"',
    "*/*;q=0",
    "text/html;q=0, text/turtle;q=0, application/*;q=0, text/plain;q=0",
])
def test_nothing_acceptable(header: str) -> None:
    assert choose(header, DESCRIPTION_FORMATS) is None


def test_the_most_specific_range_gives_the_q_value() -> None:
    ranges = parse_accept("text/*;q=0.3, text/turtle;q=0.7, text/turtle;charset=utf-8;q=0.9, */*;q=0.1")
    assert quality(ranges, FORMATS["ttl"]) == 0.9
    assert quality(ranges, FORMATS["html"]) == 0.3
    assert quality(ranges, FORMATS["jsonld"]) == 0.1


def test_parsing_keeps_parameters_and_skips_accept_extensions() -> None:
    (first, second) = parse_accept('application/ld+json;profile="a, b";q=0.5;ext=1, text/turtle')
    assert (first.type, first.subtype, first.params, first.q) == ("application", "ld+json", (("profile", "a, b"),), 0.5)
    assert (second.type, second.subtype, second.params, second.q) == ("text", "turtle", (), 1.0)
    assert parse_accept("*/html, text/turtle")[0].subtype == "turtle"  # "*/html" is no media range


def test_results_and_graph_formats() -> None:
    assert choose("application/sparql-results+json", RESULT_FORMATS).key == "srj"  # type: ignore[union-attr]
    assert choose("application/sparql-results+xml", RESULT_FORMATS).key == "srx"  # type: ignore[union-attr]
    assert choose("text/csv", RESULT_FORMATS).key == "csv"  # type: ignore[union-attr]
    assert choose("text/tab-separated-values", RESULT_FORMATS).key == "tsv"  # type: ignore[union-attr]
    assert choose("*/*", RESULT_FORMATS).key == "srj"  # type: ignore[union-attr]
    assert choose(FORMATS["html"].media_type, RESULT_FORMATS).key == "html"  # type: ignore[union-attr]
    assert choose("application/ld+json", GRAPH_FORMATS).key == "jsonld"  # type: ignore[union-attr]
    assert choose("application/sparql-results+json", GRAPH_FORMATS) is None


def test_format_names_and_extensions() -> None:
    assert [by_name(n, DESCRIPTION_FORMATS).key for n in ("ttl", "Turtle", "json-ld", "text/turtle", "rdfxml")] == [  # type: ignore[union-attr]
        "ttl", "ttl", "jsonld", "ttl", "rdf"]
    assert by_name("png", DESCRIPTION_FORMATS) is None
    assert by_name("json", RESULT_FORMATS).key == "srj"  # type: ignore[union-attr]
    found = by_extension("report/x/activity/cn-1/citation/3.1.ttl", DESCRIPTION_FORMATS)
    assert found is not None and (found[0], found[1].key) == ("report/x/activity/cn-1/citation/3.1", "ttl")
    assert by_extension("report/x/activity/cn-1/citation/3.1", DESCRIPTION_FORMATS) is None
    assert by_extension(".ttl", DESCRIPTION_FORMATS) is None
    assert by_extension("a.b/c", DESCRIPTION_FORMATS) is None


def test_content_types() -> None:
    assert FORMATS["ttl"].content_type == "text/turtle; charset=utf-8"
    assert FORMATS["jsonld"].content_type == "application/ld+json"
    assert FORMATS["srj"].content_type == "application/sparql-results+json; charset=utf-8"
