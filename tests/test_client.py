"""The polite SPARQL client: User-Agent, retries honouring Retry-After, errors, the on-disk cache."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fake_endpoint import EMPTY, Reply, fake_endpoint
from misbehaving_server import Script, answer, drip, gzip_bomb, misbehaving_server

from rscao_graph.errors import ServiceError
from rscao_graph.link.client import SparqlClient, user_agent

ROWS = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}})


def client(url: str, tmp_path: Path, **kwargs: object) -> tuple[SparqlClient, list[float]]:
    waits: list[float] = []
    return SparqlClient(url, cache=tmp_path / "cache", sleep=waits.append, **kwargs), waits  # type: ignore[arg-type]


def test_user_agent_names_the_tool_and_contact() -> None:
    agent = user_agent("mailto:officer@example.org")
    assert agent.startswith("rscao-graph/")
    assert "(https://w3id.org/rscao/; mailto:officer@example.org)" in agent


def test_answer_is_cached_and_reused(tmp_path: Path) -> None:
    with fake_endpoint([Reply(body=ROWS.encode())]) as (url, script):
        first, _ = client(url, tmp_path, contact="mailto:x@example.org")
        assert first.select("SELECT ?x {}") == [{"x": {"type": "literal", "value": "1"}}]
        assert script.requests[0]["User-Agent"] == user_agent("mailto:x@example.org")
        second, _ = client(url, tmp_path)
        assert second.select("SELECT ?x {}") == [{"x": {"type": "literal", "value": "1"}}]
        assert (len(script.requests), second.requests) == (1, 0)


def test_expired_cache_entry_is_fetched_again(tmp_path: Path) -> None:
    with fake_endpoint([Reply(body=ROWS.encode())]) as (url, script):
        first, _ = client(url, tmp_path)
        first.select("SELECT ?x {}")
        (entry,) = (tmp_path / "cache").rglob("*.json")
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["fetched"] = time.time() - 31 * 86400
        entry.write_text(json.dumps(data), encoding="utf-8")
        again, _ = client(url, tmp_path)
        again.select("SELECT ?x {}")
        assert len(script.requests) == 2


def test_offline_answers_from_the_cache_only(tmp_path: Path) -> None:
    offline, _ = client("http://127.0.0.1:9/never", tmp_path, offline=True)
    assert offline.select("SELECT ?x {}") is None
    assert (offline.requests, offline.misses) == (0, 1)


def test_429_then_200_honours_retry_after(tmp_path: Path) -> None:
    with fake_endpoint([Reply(429, b"slow down", {"Retry-After": "7"}), Reply(body=EMPTY)]) as (url, script):
        polite, waits = client(url, tmp_path)
        assert polite.select("SELECT * {}") == []
    assert (len(script.requests), waits) == (2, [7.0])


def test_503_backs_off_exponentially_then_fails(tmp_path: Path) -> None:
    with fake_endpoint([Reply(503, b"busy")]) as (url, script):
        failing, waits = client(url, tmp_path, retries=2, backoff=0.5)
        with pytest.raises(ServiceError) as err:
            failing.select("SELECT * {}")
    assert (len(script.requests), waits) == (3, [0.5, 1.0])
    assert str(err.value) == f"SPARQL endpoint {url} answered HTTP 503 Service Unavailable (after 3 attempts)"
    assert err.value.exit_code == 3
    assert not (tmp_path / "cache").exists()


def test_400_is_not_retried(tmp_path: Path) -> None:
    with fake_endpoint([Reply(400, b"bad query")]) as (url, script):
        failing, waits = client(url, tmp_path)
        with pytest.raises(ServiceError) as err:
            failing.select("SELECT * {}")
    assert (len(script.requests), waits) == (1, [])
    assert str(err.value) == f"SPARQL endpoint {url} answered HTTP 400 Bad Request"


def test_timeout(tmp_path: Path) -> None:
    with fake_endpoint([Reply(delay=2.0)]) as (url, _):
        slow, _ = client(url, tmp_path, timeout=0.3, retries=0)
        with pytest.raises(ServiceError) as err:
            slow.select("SELECT * {}")
    assert str(err.value) == f"SPARQL endpoint {url} did not answer within 0.3 s (after 1 attempts)"


def test_not_json(tmp_path: Path) -> None:
    with fake_endpoint([Reply(body=b"<html>")]) as (url, _):
        odd, _ = client(url, tmp_path)
        with pytest.raises(ServiceError) as err:
            odd.select("SELECT * {}")
    assert str(err.value) == (f"SPARQL endpoint {url} sent results that are not SPARQL JSON (Parser error at line 1 "
                              "column 1: Unexpected char: '<' (line 1))")


@pytest.mark.parametrize(("body", "problem"), [
    (b"[]", "SPARQL JSON results must be an object"),
    (b'{"results": null}', "SPARQL JSON results result must be an object"),
    (b'{"head": {"vars": ["x"]}, "results": {"bindings": [1, "x"]}}', "Expecting a new solution object"),
    (b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": []}]}}', "RDF terms must be encoded using objects"),
    (b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"y": {"type": "literal", "value": "1"}}]}}',
     "The variable y has not been defined in the header"),
    (b'{"head": {}, "boolean": true}', "no results.bindings list"),
])
def test_json_that_is_not_select_results(tmp_path: Path, body: bytes, problem: str) -> None:
    with fake_endpoint([Reply(body=body)]) as (url, script):
        odd, _ = client(url, tmp_path)
        with pytest.raises(ServiceError) as err:
            odd.select("SELECT * {}")
    assert str(err.value).startswith(f"SPARQL endpoint {url} sent results that are not SPARQL JSON ({problem}")
    assert (err.value.exit_code, len(script.requests)) == (3, 1)
    assert not (tmp_path / "cache").exists()


def test_a_slow_drip_is_cut_at_the_deadline_then_retried(tmp_path: Path) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n"
    script = Script(drip(head, 60), pause=0.2)
    with misbehaving_server(script) as url:
        slow, waits = client(url, tmp_path, timeout=0.5, retries=1)
        with pytest.raises(ServiceError) as err:
            slow.select("SELECT * {}")
    assert str(err.value) == f"SPARQL endpoint {url} did not answer within 0.5 s (after 2 attempts)"
    assert (len(script.requests), waits) == (2, [1.0])
    assert script.sent < 60  # two attempts cut at the deadline, not two drips of 61 pieces


def test_a_gzip_bomb_is_refused_without_retry(tmp_path: Path) -> None:
    script = Script([answer(gzip_bomb(65 * 1024 * 1024), headers={"Content-Encoding": "gzip"})])
    with misbehaving_server(script) as url:
        bombed, waits = client(url, tmp_path)
        with pytest.raises(ServiceError) as err:
            bombed.select("SELECT * {}")
    assert str(err.value) == (f"SPARQL endpoint {url} sent an answer larger than 64 MiB (the limit of one answer); "
                              "ask for fewer rows (LIMIT) or a smaller page")
    assert (len(script.requests), waits) == (1, [])


def test_the_cache_is_where_the_caller_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RSCAO_CACHE_DIR", str(tmp_path / "from-env"))
    with fake_endpoint([Reply()]) as (url, _):
        given, _ = client(url, tmp_path / "given")
        assert given.select("SELECT * {}") == []
    written = sorted(p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*.json"))
    assert written == ["given"]


@pytest.mark.parametrize("entry", ['{"fetched": "soon", "bindings": []}', '{"fetched": 1e300}', "[]",
                                   '{"fetched": 9e9, "bindings": {"x": 1}}', '{"fetched": 9e9, "bindings": [1]}',
                                   '{"fetched": 9e9, "bindings": [{"x": {"value": 2}}]}', "not json"])
def test_a_damaged_cache_entry_is_asked_again(tmp_path: Path, entry: str) -> None:
    with fake_endpoint([Reply(body=ROWS.encode())]) as (url, script):
        first, _ = client(url, tmp_path)
        first.select("SELECT ?x {}")
        (path,) = (tmp_path / "cache").rglob("*.json")
        path.write_text(entry, encoding="utf-8")
        again, _ = client(url, tmp_path)
        assert again.select("SELECT ?x {}") == [{"x": {"type": "literal", "value": "1"}}]
    assert len(script.requests) == 2
