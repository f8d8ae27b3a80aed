"""Security of the server: report text is escaped and never becomes a script or a script link; nothing
outside the build is served, whatever the path; request size, query time and result size are bounded;
the server fetches nothing a request names."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from helpers import MINIMAL_REPORT, write_report
from served import BASE, Client, build_into, live_server, raw_get

from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.serve.http import MAX_BODY, MAX_HEADERS, MAX_TARGET

HOSTILE = (MINIMAL_REPORT
           .replace("Seminar was held at the National Library of China", '<script>alert("x")</script> Seminar held at the '
                    "National Library of China")
           .replace("<p>A seminar.</p>", '<p>A seminar <img src=x onerror="alert(1)">.</p>')
           .replace("Links: https://www.ifla.org/node/92613", "Links: javascript:alert(document.cookie)"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    data = build_into(folder / "dist", [write_report(folder, HOSTILE, "hostile.md")], allow_invalid=True)
    with live_server(data) as root:
        yield data, root


def test_report_text_is_escaped_everywhere(hostile: tuple[Path, str]) -> None:
    data, root = hostile
    client = Client(root)
    pages = ["", "index.html", *(f"{p}/index.html" for p in Descriptions(data).paths())]
    seen_name = 0
    for path in pages:
        html = client.get(path).text
        assert "<script" not in html.lower(), path
        assert "<img" not in html.lower(), path
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE), path
        seen_name += "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert seen_name >= 2  # the activity's page and the report's
    activity = client.get("report/north-east-asia/2019-09--2020-03/activity/cn-1/index.html").text
    assert "javascript:alert(document.cookie)" in activity  # shown, as text
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in activity


def test_html_pages_allow_no_script(hostile: tuple[Path, str]) -> None:
    response = requests.get(hostile[1] + "index.html", timeout=30)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


TRAVERSALS = [
    "/../../../../etc/passwd", "/dump/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/dump/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/dump/..%2F..%2F..%2Fetc%2Fpasswd", "/%252e%252e/%252e%252e/etc/passwd",
    "/dump/%252e%252e%252fstore%252fCURRENT", "//etc/passwd", "/dump//etc/passwd", "/dump/%2Fetc%2Fpasswd",
    "/dump/store", "/dump/../store/CURRENT", "/store/CURRENT", "/descriptions/descriptions.sqlite",
    "/dump/descriptions", "/.rscao-build", "/dump/.rscao-build", "/country/CN/../../../etc/passwd",
    "/country/CN/%00.ttl", "/dump/dataset.nq%00.txt", "/dump/..\\..\\etc\\passwd", "/C:/Windows/win.ini",
    "/dump/C:%5CWindows%5Cwin.ini", "/queries/../../etc/passwd", "/queries/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_nothing_outside_the_build_is_served(server_root: str, sample_dist: Path, target: str) -> None:
    status, _, body = raw_get(server_root, target, {"Accept": "*/*"})
    assert status in (400, 404), (target, status)
    assert b"root:" not in body
    assert (sample_dist / "store" / "CURRENT").read_bytes() not in body


def test_request_bodies_are_bounded(client: Client) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_BODY
    declared = client.post("sparql", data={"query": big})
    assert declared.status_code == 413 and f"limited to {MAX_BODY} bytes" in declared.text

    def chunks() -> Iterator[bytes]:
        yield b"query=ASK%7B%7D%23"
        for _ in range(40):
            yield b"x" * 16384

    streamed = client.post("sparql", data=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert streamed.status_code == 413


def test_request_heads_are_bounded(server_root: str) -> None:
    status, _, body = raw_get(server_root, "/sparql?query=" + "x" * (MAX_TARGET + 1))
    assert (status, body) == (414, f"request targets are limited to {MAX_TARGET} bytes; POST the query\n".encode())
    status, _, body = raw_get(server_root, "/country/CN", {"X-Padding": "y" * MAX_HEADERS})
    assert (status, body) == (431, f"request headers are limited to {MAX_HEADERS} bytes\n".encode())
    assert raw_get(server_root, "/sparql?query=ASK%7B%7D%23" + "x" * 60_000)[0] == 200


class Listener:
    """A socket on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


def test_the_server_fetches_nothing_a_request_names(client: Client) -> None:
    listener = Listener()
    try:
        asked = [
            client.get("sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}"}),
            client.get("sparql", params={"query": f"SELECT * WHERE {{ BIND(<{listener.url}> AS ?x) SERVICE ?x {{}} }}"}),
            client.get("sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                                         "default-graph-uri": listener.url, "named-graph-uri": listener.url}),
            client.get("sparql", params={"query": f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}"}),
            client.get("sparql", params={"query": f"DESCRIBE <{listener.url}>"}),
            client.post("sparql", data={"update": f"LOAD <{listener.url}data.ttl>"}),
            client.get("queries/provenance", params={"activity": listener.url}),
            client.get(f"country/CN?uri={listener.url}"),
            client.get("", headers={"Referer": listener.url, "X-Forwarded-Host": listener.url}),
        ]
        assert [r.status_code for r in asked] == [400, 400, 200, 200, 200, 400, 400, 303, 200]
        assert "SERVICE is not allowed" in asked[0].text
        assert asked[6].text.startswith(f"400 Bad Request: parameter activity: no activity {listener.url!r} in the data")
    finally:
        listener.close()
    assert listener.connections == 0


def test_minted_iris_are_served_by_key_only(client: Client) -> None:
    # a path is looked up as a key of the build's descriptions, never opened as a file
    assert client.get("country/CN/index.ttl").status_code == 200
    assert client.get("country/CN/index.ttl/").status_code == 404
    assert client.get(f"{BASE}country/CN").status_code == 404  # an IRI in the path is no path of ours
