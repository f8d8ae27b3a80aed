"""The stored queries as grlc (PyPI ``grlc``, the tool whose ``#+`` convention they follow) reads and runs them:
every header loads with its metadata, grlc finds the parameters we find, and a call through grlc's own web
app, against a real Oxigraph server, answers with the same terms as rscao-graph."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import QUERY_PARAMS
from pyoxigraph import QueryResultsFormat, parse_query_results

from rscao_graph.query.run import format_results, run_on_endpoint
from rscao_graph.query.stored import StoredQuery, bind_query, load_queries
from rscao_graph.resources import resource_path

grlc_gquery = pytest.importorskip("grlc.gquery")
NAMES = sorted(load_queries())


def _grlc_param(param_type: str) -> dict[str, str]:
    """What grlc's parameter parser says of one of our parameter types."""
    return {"string": {"type": "string"}, "iri": {"type": "string", "format": "iri"},
            "xsd_date": {"type": "string", "datatype": "xsd:date"},
            "integer": {"type": "string", "datatype": "xsd:integer"}}[param_type]


@pytest.mark.parametrize("name", NAMES)
def test_grlc_reads_every_header(name: str, caplog: pytest.LogCaptureFixture) -> None:
    query: StoredQuery = load_queries()[name]
    with caplog.at_level(logging.WARNING):
        metadata = grlc_gquery.get_metadata(query.path.read_text(encoding="utf-8"), "http://127.0.0.1:9/sparql")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert (metadata["summary"], metadata["description"], metadata["tags"]) == (
        query.summary, query.description, list(query.tags))
    assert metadata["type"] == "SelectQuery"
    found = {n: {k: v for k, v in p.items() if k in ("required", "type", "format", "datatype", "default")}
             for n, p in metadata["parameters"].items()}
    assert found == {p.name: {"required": p.required, **_grlc_param(p.type)} for p in query.params}


def test_grlc_would_have_dropped_an_unquoted_header(caplog: pytest.LogCaptureFixture) -> None:
    """The failure grlc had with eight of our headers: the check above can fail."""
    with caplog.at_level(logging.WARNING):
        metadata = grlc_gquery.get_metadata("#+ summary: Where: here\nSELECT * WHERE { ?s ?p ?o }\n", "")
    assert "summary" not in metadata
    assert [r.getMessage() for r in caplog.records] == ["Query decorators could not be parsed; check your YAML syntax"]


@pytest.fixture(scope="module")
def grlc_client(monkeypatch_module: pytest.MonkeyPatch) -> Any:
    from grlc.fileLoaders import LocalLoader
    from grlc.server import app

    # grlc serves /api-local/ from the folder in its config.ini; point it at our queries instead.
    monkeypatch_module.setattr(LocalLoader.__init__, "__defaults__", (str(resource_path("queries")),))
    return app.test_client()


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _results(body: bytes) -> Any:
    return json.loads(format_results_json(body))


def format_results_json(body: bytes) -> bytes:
    from rscao_graph.query.run import Results

    return format_results(Results(solutions=parse_query_results(body, format=QueryResultsFormat.JSON)), "json")


@pytest.mark.parametrize("name", NAMES)
def test_grlc_answers_like_rscao_graph(name: str, grlc_client: Any, oxigraph_endpoint: str) -> None:
    query = load_queries()[name]
    params = {p.name: QUERY_PARAMS[p.name] for p in query.params}
    response = grlc_client.get(f"/api-local/{name}", query_string={"endpoint": oxigraph_endpoint, **params},
                               headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.data[:500]
    ours = format_results(run_on_endpoint(oxigraph_endpoint, bind_query(query, params), query.kind), "json")
    assert _results(response.data) == json.loads(ours)


def test_grlc_runs_optional_parameters_left_out(grlc_client: Any, oxigraph_endpoint: str) -> None:
    """activities-in-period without start and end: an open period in grlc and in rscao-graph alike."""
    query = load_queries()["activities-in-period"]
    response = grlc_client.get("/api-local/activities-in-period", query_string={"endpoint": oxigraph_endpoint},
                               headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.data[:500]
    grlc_rows = _results(response.data)["results"]["bindings"]
    ours = json.loads(format_results(run_on_endpoint(oxigraph_endpoint, bind_query(query, {}), "SELECT"), "json"))
    assert grlc_rows == ours["results"]["bindings"]
    assert [r["country"]["value"] + r["ordinal"]["value"] for r in grlc_rows] == [
        "CN1", "CN2", "CN3", "CN4", "JP1", "JP2", "KP1", "MN1", "MN2"]
