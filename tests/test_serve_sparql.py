"""The SPARQL 1.1 Protocol at /sparql and the stored queries at /queries/ (serve/sparql.py, app.py)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results
from served import BASE, REPORT, Client

from rscao_graph.serve.sparql import read_query_request, service_description
from rscao_graph.serve.workers import Limits, QueryRefused
from rscao_graph.vocab import SD, W3C_FORMATS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
FORM = "application/x-www-form-urlencoded"


def count(body: bytes) -> str:
    return str(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_get_post_form_and_post_direct(client: Client) -> None:
    assert count(client.get("sparql", params={"query": COUNT}).content) == "5797"
    assert count(client.post("sparql", data={"query": COUNT}).content) == "5797"
    direct = client.post("sparql", data=COUNT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert (direct.status_code, count(direct.content)) == (200, "5797")
    assert direct.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("application/sparql-results+json", "application/sparql-results+json", QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/csv", "text/csv", None), ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
    ("*/*", "application/sparql-results+json", QueryResultsFormat.JSON),
])
def test_select_results_by_accept(client: Client, accept: str, media: str, fmt: QueryResultsFormat | None) -> None:
    response = client.get("sparql", params={"query": "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }"},
                          headers={"Accept": accept})
    assert response.headers["Content-Type"].split(";")[0] == media
    assert response.headers["Vary"].startswith("Accept")
    if fmt is None:  # CSV cannot be read back as terms
        assert response.content == b"n\r\n1\r\n2\r\n3\r\n"
    else:
        assert [s["n"].value for s in parse_query_results(response.content, format=fmt)] == ["1", "2", "3"]


def test_ask_and_construct(client: Client) -> None:
    ask = client.get("sparql", params={"query": f"ASK {{ <{BASE}country/CN> ?p ?o }}"})
    assert json.loads(ask.content) == {"head": {}, "boolean": True}
    construct = f"CONSTRUCT WHERE {{ <{BASE}country/CN> <http://schema.org/name> ?o }}"
    turtle = client.get("sparql", params={"query": construct}, headers={"Accept": "text/turtle"})
    assert turtle.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert [str(t) for t in parse(turtle.content, format=RdfFormat.TURTLE)] == [
        f'<{BASE}country/CN> <http://schema.org/name> "China"@en']
    as_jsonld = client.get("sparql", params={"query": construct}, headers={"Accept": "application/ld+json"})
    assert json.loads(as_jsonld.content)["@graph"] == [
        {"@id": BASE + "country/CN", "schema:name": {"@value": "China", "@language": "en"}}]
    default = client.get("sparql", params={"query": construct})
    assert default.headers["Content-Type"] == "text/turtle; charset=utf-8"  # */* for a graph


def test_an_html_table_for_people(client: Client) -> None:
    page = client.get("sparql", params={"query": f"SELECT ?c WHERE {{ VALUES ?c {{ <{BASE}country/CN> }} }}"},
                      headers={"Accept": "text/html"})
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<a href="country/CN/index.html" title="https://w3id.org/rscao/country/CN">country/CN</a>' in page.text


def test_the_dataset_of_the_request(client: Client) -> None:
    one = client.get("sparql", params={"query": COUNT, "default-graph-uri": BASE + REPORT})
    assert count(one.content) == "1302"
    bad = client.get("sparql", params={"query": COUNT, "default-graph-uri": "not an iri"})
    assert bad.status_code == 400 and "default-graph-uri 'not an iri' is not an IRI" in bad.text


def test_the_service_description_says_what_the_endpoint_does(client: Client) -> None:
    described = client.get("sparql", headers={"Accept": "*/*"})
    assert described.headers["Content-Type"] == "text/turtle; charset=utf-8"
    found = {str(t) for t in parse(described.content, format=RdfFormat.TURTLE)}
    endpoint = client.root + "sparql"
    assert f"<{endpoint}> <{SD.supportedLanguage.value}> <{SD.SPARQL11Query.value}>" in found
    assert f"<{endpoint}> <{SD.feature.value}> <{SD.UnionDefaultGraph.value}>" in found
    assert f"<{endpoint}> <{SD.endpoint.value}> <{endpoint}>" in found
    assert sum(1 for t in found if SD.resultFormat.value in t) == 8
    assert sum(1 for t in found if f"<{SD.name.value}>" in t) == 8
    assert not any("BasicFederatedQuery" in t or "SPARQL11Update" in t or "DereferencesURIs" in t for t in found)
    form = client.get("sparql", headers={"Accept": "text/html"})
    assert (form.status_code, client.resolve(form, "Location")) == (303, "/sparql/index.html")
    assert '<form class="query" method="get" action="../sparql">' in client.get("sparql/index.html").text


def test_service_description_states_the_limits() -> None:
    triples = service_description("http://h/sparql", BASE, [], Limits(timeout=3, max_bytes=1000))
    (text,) = [t.object.value for t in triples if t.predicate.value.endswith("/description")]
    assert "at most 3 s" in text and "larger than 1000 bytes are refused" in text


@pytest.mark.parametrize(("method", "options", "status", "message"), [
    ("GET", {"params": {"update": "DROP ALL"}}, 400, "read-only"),
    ("POST", {"data": {"update": "DROP ALL"}}, 400, "read-only"),
    ("POST", {"data": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}}, 400, "read-only"),
    ("GET", {"params": {"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}}, 400, "read-only"),
    ("POST", {"data": b"x", "headers": {"Content-Type": "text/plain"}}, 415, "POST a query as"),
    ("GET", {"params": [("query", COUNT), ("query", COUNT)]}, 400, "give one query"),
    ("GET", {"params": {"query": " "}}, 400, "the query is empty"),
    ("GET", {"params": {"query": "SELECT * WHERE { ?a "}}, 400, "not valid SPARQL: error at 1:"),
    ("GET", {"params": {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?a ?b ?c . ?d ?e ?f }"}}, 503,
     "ran longer than 2 s and was stopped"),
    ("GET", {"params": {"query": "SELECT * WHERE { ?s ?p ?o }"}}, 503, "larger than 200,000 bytes"),
])
def test_refusals(client: Client, method: str, options: dict[str, object], status: int, message: str) -> None:
    response = client.request(method, "sparql", **options)
    assert response.status_code == status
    assert message in response.text


def test_read_query_request() -> None:
    assert read_query_request("GET", {}, None, b"") is None
    asked = read_query_request("POST", {"named-graph-uri": ["http://g"]}, f"{FORM}; charset=utf-8",
                               b"query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fd")
    assert asked is not None
    assert (asked.query, asked.default_graphs, asked.named_graphs) == ("ASK{}", ("http://d",), ("http://g",))
    with pytest.raises(QueryRefused, match="not UTF-8"):
        read_query_request("POST", {}, "application/sparql-query", b"\xff\xfe")


def test_stored_queries_list(client: Client) -> None:
    listing = client.get("queries/")
    assert listing.status_code == 200 and '<a href="activities-of-country/index.html">activities-of-country</a>' in listing.text
    assert len(re.findall(r'<td><a href="[a-z-]+/index.html">', listing.text)) == 17
    assert client.resolve(client.get("queries"), "Location") == "/queries/"


def test_a_stored_query_as_data(client: Client) -> None:
    response = client.get("queries/activities-of-country", params={"country": "cn"}, headers={"Accept": "text/csv"})
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["activity"].rsplit("/", 1)[-1] for r in rows] == ["cn-1", "cn-2", "cn-3", "cn-4"]
    as_json = client.get("queries/activities-of-country", params={"country": "JP"})
    assert as_json.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert len(json.loads(as_json.content)["results"]["bindings"]) == 2
    assert client.get("queries/reports?format=tsv").text.startswith("?report\t")


def test_a_stored_query_as_a_page(client: Client) -> None:
    browser = client.get("queries/activities-of-country", params={"country": "JP"}, headers={"Accept": "text/html"})
    assert (browser.status_code, client.resolve(browser, "Location")) == (303, "/queries/activities-of-country/?country=JP")
    page = client.get("queries/activities-of-country/", params={"country": "JP", "run": "1"})
    assert page.status_code == 200
    assert page.text.count("<tr>") == 3  # the header and two activities
    assert 'these results as <a href="../activities-of-country?country=JP&amp;format=csv">CSV</a>' in page.text
    form = client.get("queries/activities-of-country/")
    assert "<table" not in form.text and '<input id="param-country" name="country" value="" size="60" required>' in form.text


def test_stored_query_parameters_are_checked_as_on_the_command_line(client: Client) -> None:
    missing = client.get("queries/activities-of-country", headers={"Accept": "text/csv"})
    assert missing.status_code == 400
    assert "query activities-of-country needs --param country=..." in missing.text
    unknown = client.get("queries/activities-of-country", params={"countri": "CN"}, headers={"Accept": "text/csv"})
    assert "has no parameter countri (its parameters: country)" in unknown.text
    wrong = client.get("queries/provenance/", params={"activity": "not an iri", "run": "1"})
    assert wrong.status_code == 400 and "parameter activity: no activity &#39;not an iri&#39; in the data" in wrong.text
    bad = client.get("queries/activities-in-period/", params={"start": "2019-02-30", "run": "1"})
    assert bad.status_code == 400 and "parameter start: &#39;2019-02-30&#39; is not a date (YYYY-MM-DD)" in bad.text
    assert client.get("queries/nothing").status_code == 404


@pytest.mark.parametrize(("name", "params", "activities"), [
    ("activities-of-country", {"country": "China"}, ["cn-1", "cn-2", "cn-3", "cn-4"]),
    ("activities-of-country", {"country": "chn"}, ["cn-1", "cn-2", "cn-3", "cn-4"]),
    ("activities-of-country", {"country": f"{BASE}country/JP"}, ["jp-1", "jp-2"]),
    ("activities-of-organisation", {"organisation": "national-library-of-china"}, ["cn-1", "cn-2"]),
    ("activities-of-organisation", {"organisation": "National Library of China"}, ["cn-1", "cn-2"]),
    ("activities-of-organisation", {"organisation": "national diet"}, ["jp-1", "jp-2"]),
])
def test_stored_query_parameters_resolve_as_on_the_command_line(client: Client, name: str, params: dict[str, str],
                                                                activities: list[str]) -> None:
    response = client.get(f"queries/{name}", params=params, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    assert [r["activity"].rsplit("/", 1)[-1] for r in csv.DictReader(io.StringIO(response.text))] == activities


def test_an_activity_by_its_short_name(client: Client) -> None:
    for value in ("cn-1", "north-east-asia/2019-09--2020-03/cn-1", "north-east-asia-2019-09--2020-03/cn-1"):
        response = client.get("queries/provenance", params={"activity": value}, headers={"Accept": "text/csv"})
        assert response.status_code == 200, response.text
        assert response.text.splitlines()[1].startswith(f"{BASE}{REPORT},north-east-asia-2019-09--2020-03.md,52,54,")
    page = client.get("queries/provenance/", params={"activity": "cn-1", "run": "1"})
    assert page.status_code == 200 and page.text.count("<tr>") == 2


def test_unresolved_parameters_are_400_with_the_command_line_s_message(client: Client, sample_dist: Path) -> None:
    from helpers import run

    for name, param, value in (("activities-of-country", "country", "Chna"), ("provenance", "activity", "cn-9"),
                               ("activities-of-organisation", "organisation", "national-library-of-chna"),
                               ("activities-of-country", "country", "Korea")):
        cli = run("query", name, "--data", str(sample_dist), "--param", f"{param}={value}")
        assert cli.exit_code == 2
        message = cli.stderr.removeprefix("error: ").rstrip("\n")
        response = client.get(f"queries/{name}", params={param: value}, headers={"Accept": "text/csv"})
        assert response.status_code == 400
        assert message in response.text
        page = client.get(f"queries/{name}/", params={param: value, "run": "1"})
        assert page.status_code == 400 and message in html.unescape(page.text)
    twice = client.get("queries/activities-of-country?country=CN&country=JP", headers={"Accept": "text/csv"})
    assert twice.status_code == 400 and "parameter country is given twice: give each once" in twice.text


def test_the_service_description_terms_exist() -> None:
    listed = {line.strip() for line in (Path(__file__).parent / "data" / "vocab" / "sd-terms.txt").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    assert len(listed) == 38
    assert sorted(SD.terms - listed) == []
    # the W3C's format IRIs (https://www.w3.org/ns/formats/), those the endpoint answers in
    assert sorted(W3C_FORMATS.terms) == ["JSON-LD", "N-Triples", "RDF_XML", "SPARQL_Results_CSV", "SPARQL_Results_JSON",
                                         "SPARQL_Results_TSV", "SPARQL_Results_XML", "Turtle"]
