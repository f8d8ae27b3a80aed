"""Stored queries run on the sample: exact rows embedded, the same on a real Oxigraph server."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SETTINGS
from misbehaving_server import Script, answer, drip, gzip_bomb, misbehaving_server
from oxigraph_server import free_port, oxigraph_server

from rscao_graph.errors import ServiceError, UsageError
from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.query.run import format_results, run_on_endpoint, run_on_store
from rscao_graph.query.store import open_store
from rscao_graph.query.stored import bind_query, load_queries
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference

REPORT = "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03"


@pytest.fixture(scope="module")
def dist(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("q") / "dist"
    settings = SETTINGS
    write_build(build_dataset([ReportFile(sample_path, sample_path.parent)], settings, load_reference()), check_output(out), settings)
    return out


def rows(dist: Path, name: str, **params: str) -> list[tuple[str, ...]]:
    query = load_queries()[name]
    csv = format_results(run_on_store(open_store(dist), bind_query(query, params)), "csv").decode("utf-8")
    import csv as csvlib
    import io

    return [tuple(r) for r in csvlib.reader(io.StringIO(csv))]


def test_activities(dist: Path) -> None:
    result = rows(dist, "activities")
    assert result[0] == ("report", "country", "ordinal", "name", "start", "end", "urls", "initiatives", "directions")
    assert [r[1:3] + r[4:6] + r[7:] for r in result[1:]] == [
        ("CN", "1", "2019-09-09", "2019-09-10", "3.1 3.3", "3"), ("CN", "2", "2019-11-21", "2019-11-29", "3.1 3.3", "3"),
        ("CN", "3", "2019-12-10", "", "2.2 3.1 3.3", "2 3"), ("CN", "4", "2020-01-06", "", "2.3 2.4", "2"),
        ("JP", "1", "2019-11", "", "2.3 2.4", "2"), ("JP", "2", "2019-11", "", "2.4 3.3", "2 3"),
        ("KP", "1", "2019-12-04", "", "1.1 1.2", "1"), ("KP", "2", "", "", "1.1", "1"),
        ("KR", "1", "", "", "2.1 2.4", "2"), ("KR", "2", "", "", "3.3", "3"),
        ("MN", "1", "2019-09-05", "", "3.3", "3"), ("MN", "2", "2019-12-05", "", "3.3", "3")]
    assert {r[0] for r in result[1:]} == {REPORT}
    assert result[1][6] == "http://meeting.nlc.cn/global https://www.ifla.org/node/92613"


def test_activities_json_is_typed(dist: Path) -> None:
    query = load_queries()["activities"]
    data = json.loads(format_results(run_on_store(open_store(dist), query.text), "json"))
    assert data["head"]["vars"] == ["report", "country", "ordinal", "name", "start", "end", "urls", "initiatives",
                                    "directions"]
    jp1 = data["results"]["bindings"][4]
    assert jp1["start"] == {"type": "literal", "value": "2019-11",
                            "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth"}
    assert jp1["ordinal"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert "end" not in jp1
    assert data["results"]["bindings"][7]["urls"] == {"type": "literal",
                                                      "value": "http://www.gpsh.edu.kp:8080/thismonth.lecture!0#lecture-schedule"}


def test_counts_by_direction_and_initiative(dist: Path) -> None:
    assert [r[0] + ":" + r[2] for r in rows(dist, "activities-by-direction")[1:]] == ["1:2", "2:5", "3:7", "4:0"]
    assert [r[0] + ":" + r[2] for r in rows(dist, "activities-by-initiative")[1:]] == [
        "1.1:2", "1.2:1", "1.3:0", "1.4:0", "2.1:1", "2.2:1", "2.3:2", "2.4:4", "3.1:3", "3.2:0", "3.3:7", "3.4:0",
        "4.1:0", "4.2:0", "4.3:0", "4.4:0"]


def test_matrix_and_gaps(dist: Path) -> None:
    assert rows(dist, "country-direction-matrix")[1:] == [
        ("CN", "0", "2", "3", "0", "4"), ("JP", "0", "2", "1", "0", "2"), ("KP", "2", "0", "0", "0", "2"),
        ("KR", "0", "1", "1", "0", "2"), ("MN", "0", "0", "2", "0", "2")]
    assert [r[0] + r[1] for r in rows(dist, "directions-not-served")[1:]] == [
        "CN1", "CN4", "JP1", "JP4", "KP2", "KP3", "KP4", "KR1", "KR4", "MN1", "MN2", "MN4"]


def test_period_country_and_organisation(dist: Path) -> None:
    assert [r[1] + r[2] for r in rows(dist, "activities-in-period", start="2019-11-15", end="2019-12-04")[1:]] == [
        "CN2", "JP1", "JP2", "KP1"]
    assert [r[1] + r[2] for r in rows(dist, "activities-in-period", start="2019-09-10", end="2019-09-10")[1:]] == [
        "CN1"]
    assert len(rows(dist, "activities-in-period")) == 10
    assert [r[1] + r[2] for r in rows(dist, "activities-of-country", country="kp")[1:]] == ["KP1", "KP2"]
    assert rows(dist, "activities-of-country", country='CN" } DROP ALL #') == [
        ("report", "country", "ordinal", "name", "start", "end", "activity")]
    by_name = rows(dist, "activities-of-organisation", organisation="national diet")
    assert [(r[1] + r[2], r[6]) for r in by_name[1:]] == [("JP1", "mentioned"), ("JP2", "mentioned")]
    by_iri = rows(dist, "activities-of-organisation", organisation="https://w3id.org/rscao/org/national-library-of-china")
    assert [(r[1] + r[2], r[6]) for r in by_iri[1:]] == [("CN1", "location"), ("CN2", "organiser")]


def test_quality_queries(dist: Path) -> None:
    assert rows(dist, "activities-without-links")[1:] == []
    assert [r[1] + r[2] for r in rows(dist, "activities-without-date")[1:]] == ["KP2", "KR1", "KR2"]
    links = rows(dist, "links")[1:]
    assert len(links) == 14
    assert links[8][:2] == ("http://www.gpsh.edu.kp:8080/foreign/index!2", "www.gpsh.edu.kp")


def test_entities_reports_and_actions(dist: Path) -> None:
    orgs = rows(dist, "organisations")
    assert orgs[1:4] == [
        ("https://w3id.org/rscao/org/grand-peoples-study-house", "Grand People's Study House", "KP", "2", ""),
        ("https://w3id.org/rscao/org/national-diet-library", "National Diet Library", "JP", "2",
         "http://www.wikidata.org/entity/Q477675"),
        ("https://w3id.org/rscao/org/national-library-of-china", "National Library of China", "CN", "2",
         "http://www.wikidata.org/entity/Q732353")]
    assert len(orgs) == 31
    assert [r[1:] for r in rows(dist, "places")[1:]] == [
        ("Beijing", "CN", "1", "http://www.wikidata.org/entity/Q956 https://sws.geonames.org/1816670/"),
        ("Hulunbuir", "CN", "1", ""), ("Suzhou", "CN", "1", "http://www.wikidata.org/entity/Q42622"),
        ("Tianjin", "CN", "1", "http://www.wikidata.org/entity/Q11736")]
    assert rows(dist, "reports")[1:] == [(REPORT, "North East Asia", "Chen Ying", "2019-09", "2020-03", "2020-03-02",
                                          "north-east-asia-2019-09--2020-03.md", "12", "5", "7")]
    actions = rows(dist, "convenor-actions")[1:]
    assert [(r[1], r[3]) for r in actions] == [("A", "1"), ("A", "2"), ("A", "3"), ("B", "1"), ("B", "2"),
                                               ("C", "1"), ("D", "1")]
    assert actions[0][5] == "https://www.ifla.org/node/92542 https://www.ifla.org/publications/node/11064"


def test_provenance(dist: Path) -> None:
    (header, row) = rows(dist, "provenance", activity=REPORT + "/activity/kp-2")
    assert header == ("report", "file", "line", "endLine", "start", "end", "text")
    assert row[:4] == (REPORT, "north-east-asia-2019-09--2020-03.md", "65", "67")
    assert row[6].startswith("\t<p>#2 Name and Date: The Grand People’s Study House active in organizing")
    assert row[6].endswith("<p>http://www.gpsh.edu.kp:8080/thismonth.lecture!0#lecture-schedule</p>\t")


def test_authority_links(dist: Path) -> None:
    links = rows(dist, "authority-links")[1:]
    assert len(links) == 266
    cn = [r for r in links if r[0] == "https://w3id.org/rscao/country/CN"]
    assert cn == [("https://w3id.org/rscao/country/CN", "China", "geonames", "https://sws.geonames.org/1814991/",
                   "curated", ""),
                  ("https://w3id.org/rscao/country/CN", "China", "wikidata", "http://www.wikidata.org/entity/Q148",
                   "curated", "")]


def test_formats(dist: Path) -> None:
    results = lambda: run_on_store(open_store(dist), load_queries()["activities-by-direction"].text)  # noqa: E731
    assert format_results(results(), "tsv").decode().split("\n")[:2] == [
        "?direction\t?label\t?activities", '"1"\t"Strengthen the Global Voice of Libraries"@en\t2']
    table = format_results(results(), "table").decode().split("\n")
    assert table[0] == "direction  label                                      activities"
    assert table[-2] == "(4 rows)"
    with pytest.raises(UsageError):
        format_results(results(), "xml")


def test_no_store(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        open_store(tmp_path)
    assert str(err.value) == f"no built store in {tmp_path / 'store'} (run 'rscao-graph build' first, or give --data DIR)"


# --- the same queries on a real triple store ------------------------------------------------------

@pytest.fixture(scope="module")
def endpoint(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server([dist / "dataset.nq"], tmp_path_factory.mktemp("oxigraph") / "db") as url:
        yield url


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_same_answers_on_oxigraph_server(dist: Path, endpoint: str, name: str) -> None:
    query = load_queries()[name]
    params = {"country": "CN", "organisation": "library", "activity": REPORT + "/activity/cn-1"}
    text = bind_query(query, {p.name: params[p.name] for p in query.params if p.name in params})
    embedded = format_results(run_on_store(open_store(dist), text), "json")
    remote = format_results(run_on_endpoint(endpoint, text, query.kind, timeout=20), "json")
    assert json.loads(remote) == json.loads(embedded)


def test_injection_changes_nothing_on_a_writable_store(dist: Path, tmp_path: Path) -> None:
    with oxigraph_server([dist / "dataset.nq"], tmp_path / "db", read_only=False) as url:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        before = format_results(run_on_endpoint(url, count, "SELECT"), "csv")
        query = load_queries()["activities-of-country"]
        text = bind_query(query, {"country": 'CN" } } ; DROP ALL ; SELECT * { #'})
        result = json.loads(format_results(run_on_endpoint(url, text, "SELECT"), "json"))
        assert result["results"]["bindings"] == []
        assert format_results(run_on_endpoint(url, count, "SELECT"), "csv") == before == b"n\r\n5797\r\n"


# --- failing endpoints --------------------------------------------------------------------------

class _Failing(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"boom")

    def log_message(self, *args: object) -> None:
        pass


def test_endpoint_http_error_is_a_service_error() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Failing)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        with pytest.raises(ServiceError) as err:
            run_on_endpoint(url, "SELECT * WHERE { ?s ?p ?o }", "SELECT", timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert err.value.exit_code == 3
    assert str(err.value) == f"SPARQL endpoint {url} answered HTTP 500 Internal Server Error"


def test_unreachable_endpoint_is_a_service_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(ServiceError) as err:
        run_on_endpoint(url, "SELECT * WHERE { ?s ?p ?o }", "SELECT", timeout=2)
    assert str(err.value).startswith(f"SPARQL endpoint {url} could not be reached: ")


def test_the_query_command_does_not_import_rdflib(dist: Path) -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom rscao_graph.cli import cli\n"
            f"cli.main(['query', 'activities', '--data', {str(dist)!r}, '--format', 'csv'], standalone_mode=False)\n"
            "print(sorted(m for m in ('rdflib', 'pyshacl', 'SPARQLWrapper', 'requests') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.splitlines()[-1] == "[]"
    assert result.stdout.splitlines()[0] == "report,country,ordinal,name,start,end,urls,initiatives,directions"


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
SELECT = "SELECT * WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(("pieces", "problem"), [
    ([b"HTTP/1.1 OK\r\n\r\n"], "sent a malformed HTTP answer (BadStatusLine: HTTP/1.1 OK"),
    ([HEAD + b"Content-Length: 100\r\n\r\n" + b'{"head": {"vars": ["x"]}, "results": {"bin'],
     "closed the connection before the end of its answer"),
    ([answer(b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"y": {"type": "literal", "value": "1"}}]}}')],
     "sent results that are not SPARQL JSON (The variable y has not been defined in the header"),
    ([answer(b"[]")], "sent results that are not SPARQL JSON (SPARQL JSON results must be an object"),
    ([answer(b'{"results": null}')], "sent results that are not SPARQL JSON (SPARQL JSON results result must be"),
    ([answer(b'{"head": {"vars": ["x"]}, "results": {"bindings": [7]}}')],
     "sent results that are not SPARQL JSON (Expecting a new solution object"),
    ([answer(gzip_bomb(65 * 1024 * 1024), headers={"Content-Encoding": "gzip"})],
     "sent an answer larger than 64 MiB (the limit of one answer)"),
])
def test_endpoint_answers_that_are_not_results_are_service_errors(pieces: list[bytes], problem: str) -> None:
    with misbehaving_server(Script(pieces)) as url:
        with pytest.raises(ServiceError) as err:
            run_on_endpoint(url, SELECT, "SELECT", timeout=5)
    assert err.value.exit_code == 3
    assert str(err.value).startswith(f"SPARQL endpoint {url} {problem}")


def test_endpoint_slow_drip_is_cut_at_the_timeout() -> None:
    script = Script(drip(HEAD + b"\r\n", 100), pause=0.2)
    with misbehaving_server(script) as url:
        with pytest.raises(ServiceError) as err:
            run_on_endpoint(url, SELECT, "SELECT", timeout=1)
    assert str(err.value) == f"SPARQL endpoint {url} did not answer within 1 s"
    assert script.sent < 50


def test_endpoint_request_is_the_sparql_protocol() -> None:
    rows = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'
    script = Script([answer(rows)])
    with misbehaving_server(script) as url:
        results = run_on_endpoint(url, SELECT, "SELECT", timeout=5, user="ann", password="secret")
    assert format_results(results, "csv") == b"x\r\n1\r\n"
    request = script.requests[0].decode("ascii")
    assert request.startswith("POST /sparql HTTP/1.1\r\n")
    assert "Accept: application/sparql-results+json\r\n" in request
    assert "Content-Type: application/x-www-form-urlencoded\r\n" in request
    assert "Authorization: Basic YW5uOnNlY3JldA==\r\n" in request
    assert request.endswith("\r\n\r\nquery=SELECT+%2A+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D")


def test_endpoint_construct_answer_in_the_media_type_it_names() -> None:
    script = Script([answer(b"<http://a/s> <http://a/p> <http://a/o> .\n", headers={"Content-Type": "application/n-triples"})])
    with misbehaving_server(script) as url:
        results = run_on_endpoint(url, "CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", timeout=5)
    assert format_results(results, "table") == b"<http://a/s> <http://a/p> <http://a/o> .\n"


def test_query_command_bad_endpoint_answer_exit_3(dist: Path) -> None:
    from helpers import run

    with misbehaving_server(Script([answer(b'{"results": null}')])) as url:
        result = run("query", "activities", "--data", str(dist), "--endpoint", url)
    assert result.exit_code == 3
    assert result.stderr == (f"error: SPARQL endpoint {url} sent results that are not SPARQL JSON (SPARQL JSON "
                             "results result must be an object)\n")
