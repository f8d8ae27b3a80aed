"""The linked-data server over HTTP (serve/app.py): every minted IRI resolves; negotiation, Vary, Link,
ETag and 304, CORS, 406 and 404; the home page, VoID, dumps and the JSON-LD context."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from helpers import MINIMAL_REPORT, run, write_report
from pyld import jsonld
from pyoxigraph import RdfFormat, parse
from served import ACTIVITY, BASE, REPORT, Client

from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.publish.frames import document_loader
from rscao_graph.vocab import CONTEXT_IRI

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
JENA = ("text/turtle,application/n-triples;q=0.9,application/ld+json;q=0.8,application/rdf+xml;q=0.7,application/trig,"
        "application/n-quads;q=0.9,text/x-nquads;q=0.8,application/x-trig;q=0.7,application/ld+json;q=0.5,*/*;q=0.5")


def triples(body: bytes, fmt: RdfFormat) -> set[str]:
    return {str(t) for t in parse(body, format=fmt)}


def test_every_minted_iri_answers_turtle_and_sends_browsers_to_its_page(client: Client, sample_dist: Path) -> None:
    paths = list(Descriptions(sample_dist).paths())
    assert len(paths) == 1019
    for path in paths:
        turtle = client.get(path, headers={"Accept": "text/turtle"})
        assert turtle.status_code == 200, path
        assert turtle.headers["Content-Type"] == "text/turtle; charset=utf-8"
        assert client.resolve(turtle, "Content-Location") == f"/{path}/index.ttl"
        assert turtle.headers["Vary"].startswith("Accept")
        assert triples(turtle.content, RdfFormat.TURTLE), path
        page = client.get(path, headers={"Accept": BROWSER})
        assert (page.status_code, client.resolve(page, "Location")) == (303, f"/{path}/index.html"), path


@pytest.mark.parametrize(("accept", "media"), [
    (BROWSER, None), ("*/*", None), (JENA, "text/turtle"), ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"), ("application/trig", "application/trig"),
    ("application/n-quads", "application/n-quads"), ("application/rdf+xml", "application/rdf+xml"),
    ("application/json", "application/json"), ("text/plain, */*;q=0.1", "text/plain"),
])
def test_negotiation(client: Client, accept: str, media: str | None) -> None:
    response = client.get("country/CN", headers={"Accept": accept})
    if media is None:
        assert response.status_code == 303
    else:
        assert response.status_code == 200
        assert response.headers["Content-Type"].split(";")[0] == media
    assert response.headers["Vary"].split(",")[0] == "Accept"


def test_the_formats_say_the_same(client: Client) -> None:
    turtle = triples(client.get(f"{ACTIVITY}.ttl").content, RdfFormat.TURTLE)
    assert len(turtle) == 85
    assert triples(client.get(f"{ACTIVITY}/index.nt").content, RdfFormat.N_TRIPLES) == turtle
    assert triples(client.get(f"{ACTIVITY}/index.rdf").content, RdfFormat.RDF_XML) == turtle
    assert {str(q.triple) for q in parse(client.get(f"{ACTIVITY}/index.trig").content, format=RdfFormat.TRIG)} == turtle
    document = json.loads(client.get(f"{ACTIVITY}.jsonld").content)
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": document_loader})
    assert triples(nquads.encode(), RdfFormat.N_TRIPLES) == turtle


def test_json_ld_is_compacted_with_the_context_and_a_report_is_its_framed_document(
        client: Client, sample_dist: Path) -> None:
    activity = json.loads(client.get(f"{ACTIVITY}.jsonld").content)
    assert activity["@context"] == CONTEXT_IRI
    node = next(n for n in activity["@graph"] if n["id"] == BASE + ACTIVITY)
    assert (node["type"], node["ordinal"], node["reportedCountry"], node["inReport"]) == (
        "Activity", 1, BASE + "country/CN", BASE + REPORT)
    assert node["startDate"] == {"type": "xsd:date", "@value": "2019-09-09"}
    framed = (sample_dist / f"{REPORT}.jsonld").read_bytes()
    for asked in (client.get(f"{REPORT}.jsonld"), client.get(f"{REPORT}/index.jsonld"),
                  client.get(REPORT, headers={"Accept": "application/ld+json"}),
                  client.get(REPORT, headers={"Accept": "application/json"})):
        assert (asked.status_code, asked.content) == (200, framed)
    graph = triples(jsonld.to_rdf(json.loads(framed), {"format": "application/n-quads", "documentLoader": document_loader})
                    .encode(), RdfFormat.N_TRIPLES)
    described = triples(client.get(REPORT, headers={"Accept": "text/turtle"}).content, RdfFormat.TURTLE)
    # the framed document is the report's graph; the description in Turtle adds its neighbours' labels and types
    assert (len(graph), len(described), graph < described) == (1302, 1475, True)


def test_format_parameter_and_extensions_override_accept(client: Client) -> None:
    forced = client.get("country/CN?format=ttl", headers={"Accept": BROWSER})
    assert (forced.status_code, forced.headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")
    assert client.get("country/CN?format=html", headers={"Accept": "text/turtle"}).status_code == 303
    for path, media in (("country/CN.ttl", "text/turtle"), ("country/CN.jsonld", "application/ld+json"),
                        ("country/CN/index.html", "text/html"), ("country/CN/index.nq", "application/n-quads")):
        response = client.get(path, headers={"Accept": "image/png"})
        assert (response.status_code, response.headers["Content-Type"].split(";")[0]) == (200, media)
        assert "Vary" not in response.headers or "Accept" not in response.headers["Vary"]
    unknown = client.get("country/CN?format=png")
    assert unknown.status_code == 400 and "unknown format 'png'" in unknown.text
    assert client.get("country/CN/index.png").status_code == 404


def test_the_folder_is_the_page(client: Client) -> None:
    folder = client.get("country/CN/", headers={"Accept": BROWSER})
    assert folder.status_code == 200
    assert folder.content == client.get("country/CN/index.html").content
    assert folder.headers["Content-Location"] == "../../country/CN/index.html"
    assert client.resolve(folder, "Content-Location") == "/country/CN/index.html"


def test_link_headers(client: Client) -> None:
    links = client.links(client.get("country/CN", headers={"Accept": "text/turtle"}))
    assert '</country/CN/index.html>; rel="alternate"; type="text/html"' in links
    assert '</country/CN/index.jsonld>; rel="alternate"; type="application/ld+json"' in links
    assert '</country/CN/index.ttl>; rel="describedby"; type="text/turtle"' in links
    assert '</.well-known/void>; rel="http://rdfs.org/ns/void#inDataset"' in links
    assert len([link for link in links if 'rel="alternate"' in link]) == 6  # every format but the one sent


def test_406_lists_the_alternatives(client: Client) -> None:
    refused = client.get("country/CN", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.headers["Vary"].startswith("Accept")
    assert "  text/turtle  ../country/CN/index.ttl\n" in refused.text
    assert '</country/CN/index.ttl>; rel="alternate"; type="text/turtle"' in client.links(refused)
    html = client.get("country/CN", headers={"Accept": 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"'})
    assert html.status_code == 406


def test_404_for_what_is_unknown(client: Client) -> None:
    for path in ("country/XX", "nothing", "report/north-east-asia", f"{ACTIVITY}/nothing.ttl", "country/CN/index.ttl/x"):
        response = client.get(path, headers={"Accept": "text/turtle"})
        assert response.status_code == 404, path
    page = client.get("country/XX", headers={"Accept": BROWSER})
    assert page.status_code == 404 and "<h1>404 Not Found</h1>" in page.text
    assert "nothing is known of https://w3id.org/rscao/country/XX" in page.text


def test_etag_and_304(client: Client) -> None:
    first = client.get("country/CN", headers={"Accept": "text/turtle"})
    etag = first.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('-ttl"')
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        again = client.get("country/CN", headers={"Accept": "text/turtle", "If-None-Match": header})
        assert (again.status_code, again.content, again.headers["ETag"]) == (304, b"", etag), header
        assert again.headers["Vary"].startswith("Accept")
    assert client.get("country/CN", headers={"Accept": "text/turtle", "If-None-Match": '"other"'}).status_code == 200
    html = client.get("country/CN/index.html").headers["ETag"]
    assert html != etag and html.endswith('-html"')


def test_cors(client: Client) -> None:
    response = client.get("country/CN", headers={"Accept": "text/turtle", "Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    exposed = {h.strip().lower() for h in response.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"link", "content-location", "etag"} <= exposed
    preflight = client.request("OPTIONS", "sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_head(client: Client) -> None:
    head = client.request("HEAD", "country/CN", headers={"Accept": "text/turtle"})
    get = client.get("country/CN", headers={"Accept": "text/turtle"})
    assert (head.status_code, head.content, head.headers["ETag"]) == (200, b"", get.headers["ETag"])
    assert head.headers["Content-Length"] == str(len(get.content))


def test_home_page(client: Client) -> None:
    home = client.get("", headers={"Accept": BROWSER})
    assert home.status_code == 200 and home.headers["Content-Type"] == "text/html; charset=utf-8"
    assert home.content == client.get("index.html").content
    assert home.text.count('<figure class="chart"') == 3
    assert home.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert home.headers["X-Content-Type-Options"] == "nosniff"
    data = client.get("", headers={"Accept": "text/turtle"})
    assert (data.status_code, client.resolve(data, "Location")) == (303, "/dataset")


def test_void_dumps_and_context(client: Client, sample_dist: Path) -> None:
    void = client.get(".well-known/void")
    assert void.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert void.content == (sample_dist / "void.ttl").read_bytes()
    as_jsonld = client.get(".well-known/void", headers={"Accept": "application/ld+json"})
    assert as_jsonld.headers["Content-Type"] == "application/ld+json"
    as_nt = client.get(".well-known/void", headers={"Accept": "application/n-triples"})
    assert triples(as_nt.content, RdfFormat.N_TRIPLES) == triples(void.content, RdfFormat.TURTLE)
    assert client.resolve(client.get(".well-known/void", headers={"Accept": BROWSER}), "Location") == "/dataset/index.html"
    listing = client.get("dumps/")
    assert listing.status_code == 200 and 'href="../dump/dataset.trig"' in listing.text
    assert client.get("dumps").status_code == 308
    nq = client.get("dump/dataset.nq")
    assert (nq.content, nq.headers["Content-Type"]) == ((sample_dist / "dataset.nq").read_bytes(),
                                                        "application/n-quads; charset=utf-8")
    assert client.get("dump/store").status_code == 404
    assert client.get("dump/descriptions").status_code == 404
    context = client.get("context/0.1.0.jsonld")
    assert BASE + "context/0.1.0.jsonld" == CONTEXT_IRI
    assert context.content == (sample_dist / "context" / "0.1.0.jsonld").read_bytes()
    assert context.headers["Content-Type"] == "application/ld+json"
    alias = client.get("context.jsonld")
    assert (alias.status_code, alias.content) == (200, context.content)
    assert context.content == (sample_dist / "context.jsonld").read_bytes()


def test_a_report_page(client: Client) -> None:
    page = client.get(f"{REPORT}/index.html")
    assert page.status_code == 200
    assert page.text.count('<article class="activity"') == 12
    assert BASE + REPORT in page.text


def test_every_url_sent_is_relative_so_a_proxy_may_add_a_path(client: Client) -> None:
    public = "https://data.example.org/rscao/"
    page = client.get(ACTIVITY, headers={"Accept": BROWSER})
    assert urljoin(public + ACTIVITY, page.headers["Location"]) == f"{public}{ACTIVITY}/index.html"
    turtle = client.get(ACTIVITY, headers={"Accept": "text/turtle"})
    assert urljoin(public + ACTIVITY, turtle.headers["Content-Location"]) == f"{public}{ACTIVITY}/index.ttl"
    void = re.search(r'<([^>]*)>; rel="http://rdfs.org/ns/void#inDataset"', turtle.headers["Link"])
    assert void is not None and urljoin(public + ACTIVITY, void.group(1)) == public + ".well-known/void"
    assert not re.search(r'(href|src|action)="/', client.get(f"{ACTIVITY}/index.html").text)


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: Three unconstrained patterns: far longer than the server's --query-timeout.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_the_server_keeps_answering_from_its_build_while_builds_replace_it(work: Path, sample_path: Path) -> None:
    """Rebuild the served folder (another report) again and again under a running ``rscao-graph serve``:
    every page, SPARQL query and dump it answers, during the builds and after, is the build it started
    with, and so is what a query worker started after them answers (issue 10, item 12)."""
    dist = work / "dist"
    assert run("-q", "build", "--out", str(dist), str(sample_path)).exit_code == 0
    (work / "other").mkdir()
    other = write_report(work / "other", MINIMAL_REPORT)
    dump = (dist / "dataset.nq").read_bytes()
    log = (work / "serve.log").open("w", encoding="utf-8")  # not a pipe: the access log would fill it
    server = subprocess.Popen([sys.executable, "-m", "rscao_graph", "serve", "--data", str(dist), "--port", "0",
                               "--query-workers", "1", "--query-timeout", "3"], cwd=work,
                              stdout=subprocess.PIPE, stderr=log, text=True)
    session = requests.Session()
    try:
        assert server.stdout is not None
        address = server.stdout.readline().split(" at ", 1)[1].strip()

        def answers() -> list[tuple[int, bytes]]:
            page = session.get(f"{address}{ACTIVITY}/index.html", timeout=60)
            count = session.get(f"{address}sparql", params={"query": COUNT}, headers={"Accept": "text/csv"},
                                timeout=60)
            dumped = session.get(f"{address}dump/dataset.nq", timeout=60)
            return [(r.status_code, r.content) for r in (page, count, dumped)]

        first = answers()
        assert [status for status, _ in first] == [200, 200, 200]
        assert b"<h1>International Symposium on" in first[0][1]
        assert first[1][1] == b"n\r\n5797\r\n"
        assert first[2][1] == dump
        asked = 0
        failures = []
        for rebuild in range(3):
            build = subprocess.Popen([sys.executable, "-m", "rscao_graph", "-q", "build", "--out", str(dist),
                                      str(other)], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            while build.poll() is None:
                got = answers()
                asked += 1
                if got != first:
                    failures.append((rebuild, [status for status, _ in got]))
            assert build.wait() == 0, build.stderr.read() if build.stderr else ""
            if build.stderr:
                build.stderr.close()
            if answers() != first:
                failures.append((rebuild, "after"))
        assert failures == []
        assert asked >= 3
        assert (dist / "dataset.nq").read_bytes() != dump  # the folder was replaced
        stopped = session.get(f"{address}sparql", params={"query": ENDLESS}, timeout=60)
        assert stopped.status_code == 503  # its worker is killed; the new one opens the held build
        assert answers() == first
        assert server.poll() is None
    finally:
        session.close()
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
        log.close()
    logged = (work / "serve.log").read_text(encoding="utf-8")
    assert server.returncode == 0, logged
    assert "Traceback" not in logged and '"GET /dump/dataset.nq HTTP/1.1" 200' in logged
