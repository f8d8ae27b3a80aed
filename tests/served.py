"""Helpers of the serving tests: builds (the sample's is conftest's ``sample_dist``), and a real uvicorn
server over one on 127.0.0.1 with a free port, reached with ``requests`` (or raw HTTP, to send paths
unnormalised)."""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
import uvicorn
from helpers import SETTINGS
from oxigraph_server import free_port

from rscao_graph.pipeline import build
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference
from rscao_graph.resources import SAMPLE_REPORT, resource_path
from rscao_graph.serve.app import create_app
from rscao_graph.serve.pages import render_resource
from rscao_graph.serve.workers import Limits

BASE = "https://w3id.org/rscao/"
REPORT = "report/north-east-asia/2019-09--2020-03"
ACTIVITY = f"{REPORT}/activity/cn-1"
#: The limits the test apps run with: short, so the tests of them are quick.
LIMITS = Limits(timeout=2.0, max_bytes=200_000)


def build_into(out: Path, reports: list[Path] | None = None, *, allow_invalid: bool = False) -> Path:
    """Build ``reports`` (default: the sample) into ``out``; returns ``out``."""
    files = [ReportFile(p, p.parent) for p in (reports or [resource_path("data", SAMPLE_REPORT)])]
    build(files, replace(SETTINGS, out=out), load_reference(), allow_invalid=allow_invalid)
    return out


@pytest.fixture(scope="session")
def described(sample_dist: Path) -> Descriptions:
    """The sample build's descriptions."""
    return Descriptions(sample_dist)


def page_html(described: Descriptions, path: str) -> str:
    """The HTML page of the resource ``path`` of a build."""
    description = described.get(path)
    assert description is not None
    return render_resource(description, BASE, described.meta["terms"]).decode("utf-8")


class Client:
    """``requests`` against a live server: paths relative to its root, redirects not followed."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.session = requests.Session()

    def get(self, path: str, **options: object) -> requests.Response:
        return self.session.get(self.root + path.lstrip("/"), allow_redirects=False, timeout=60, **options)  # type: ignore[arg-type]

    def post(self, path: str, **options: object) -> requests.Response:
        return self.session.post(self.root + path.lstrip("/"), allow_redirects=False, timeout=60, **options)  # type: ignore[arg-type]

    def resolve(self, response: requests.Response, header: str) -> str:
        """A header's URL (``Location``, ``Content-Location``), resolved, as a path from the root: ``/x/y``."""
        return "/" + urljoin(response.url, response.headers[header]).removeprefix(self.root)

    def links(self, response: requests.Response) -> list[str]:
        """The ``Link`` header's entries, their URLs resolved to paths from the root."""
        return [re.sub(r"^<([^>]*)>", lambda m: "</" + urljoin(response.url, m.group(1)).removeprefix(self.root) + ">",
                       part) for part in response.headers["Link"].split(", ")]

    def request(self, method: str, path: str, **options: object) -> requests.Response:
        return self.session.request(method, self.root + path.lstrip("/"), allow_redirects=False, timeout=60,
                                    **options)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def server_root(sample_dist: Path) -> Iterator[str]:
    """A live server over the sample's build (its query workers started and stopped with it)."""
    with live_server(sample_dist) as root:
        yield root


@pytest.fixture(scope="session")
def client(server_root: str) -> Client:
    return Client(server_root)


@contextmanager
def live_server(data: Path, limits: Limits = LIMITS) -> Iterator[str]:
    """A real uvicorn server over the build in ``data`` on 127.0.0.1; yields its root URL."""
    port = free_port()
    config = uvicorn.Config(create_app(data, limits=limits, workers=2), host="127.0.0.1", port=port,
                            log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(30)


def raw_get(root: str, target: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET ``target`` exactly as written (no normalisation of ``..`` or of percent-encoding)."""
    host, port = root.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest("GET", target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()
