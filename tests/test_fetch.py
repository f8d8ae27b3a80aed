"""The one HTTP fetch of the services: an overall deadline, a size cap after decompression, malformed and
truncated answers as service errors (exit 3), against real misbehaving servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import math

import pytest
from fake_endpoint import EMPTY, Reply, fake_endpoint
from misbehaving_server import Script, answer, drip, gzip_bomb, misbehaving_server

from rscao_graph.errors import ServiceError, UsageError
from rscao_graph.fetch import MAX_BYTES, FetchFailed, fetch, sparql_json

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"


def failure(script: Script, **kwargs: object) -> tuple[str, FetchFailed]:
    with misbehaving_server(script) as url:
        with pytest.raises(FetchFailed) as err:
            fetch(url, method="POST", body=b"query=x", **kwargs)  # type: ignore[arg-type]
    assert err.value.exit_code == 3
    return url, err.value


def test_a_plain_answer() -> None:
    with fake_endpoint([Reply(body=EMPTY, headers={"X-Test": "1"})]) as (url, script):
        response = fetch(url, method="POST", body=b"query=x", headers={"Accept": "application/json"})
    assert (response.status, response.body, response.headers["x-test"]) == (200, EMPTY, "1")
    assert script.requests[0]["Accept"] == "application/json"
    assert script.requests[0]["Accept-Encoding"] == "gzip"


def test_a_gzip_answer_is_decompressed() -> None:
    body = gzip.compress(EMPTY)
    with misbehaving_server(Script([answer(body, headers={"Content-Encoding": "gzip"})])) as url:
        assert fetch(url).body == EMPTY


def test_a_slow_drip_of_the_body_is_cut_at_the_deadline() -> None:
    # a byte every 0.2 s for 20 s: each read is quick, only an overall deadline stops it; the client hangs
    # up long before the server is done (the count, not the clock, is asserted)
    script = Script(drip(HEAD + b"\r\n", 100), pause=0.2)
    url, err = failure(script, timeout=1)
    assert str(err) == f"SPARQL endpoint {url} did not answer within 1 s"
    assert err.transient
    assert script.sent < 50


def test_a_slow_drip_of_the_headers_is_cut_at_the_deadline() -> None:
    script = Script([b"HTTP/1.1 200 OK\r\n"] + [b"X-Slow: 1\r\n"] * 99, pause=0.2)
    url, err = failure(script, timeout=1)
    assert str(err) == f"SPARQL endpoint {url} did not answer within 1 s"
    assert script.sent < 50


def test_a_slow_drip_of_a_tls_handshake_is_cut_at_the_deadline() -> None:
    # a TLS record header announcing 16 KB of server hello, then a byte every 0.2 s
    script = Script([b"\x16\x03\x03\x40\x00"] + [b"\x02"] * 99, pause=0.2, read_request=False)
    with misbehaving_server(script) as url:
        secure = url.replace("http://", "https://")
        with pytest.raises(FetchFailed) as err:
            fetch(secure, timeout=1)
    assert str(err.value) == f"SPARQL endpoint {secure} did not answer within 1 s"
    assert script.sent < 50


def test_a_gzip_bomb_is_refused_at_the_size_cap() -> None:
    bomb = gzip_bomb(8 * 1024 * 1024)
    url, err = failure(Script([answer(bomb, headers={"Content-Encoding": "gzip"})]), max_bytes=1024 * 1024)
    assert str(err) == (f"SPARQL endpoint {url} sent an answer larger than 1 MiB (the limit of one answer); ask for "
                        "fewer rows (LIMIT) or a smaller page")
    assert not err.transient


def test_a_plain_answer_over_the_cap_is_refused() -> None:
    _url, err = failure(Script([HEAD + b"\r\n", b"x" * (3 * 1024 * 1024)]), max_bytes=1024 * 1024)
    assert "sent an answer larger than 1 MiB" in str(err)


def test_the_default_cap_is_64_mib() -> None:
    assert MAX_BYTES == 64 * 1024 * 1024


@pytest.mark.parametrize(("pieces", "problem"), [
    ([b"HTTP/1.1 OK\r\n\r\n"], "sent a malformed HTTP answer (BadStatusLine: HTTP/1.1 OK"),
    ([b"SPARQL!\r\n\r\n"], "sent a malformed HTTP answer (BadStatusLine: SPARQL!"),
    ([b""], "closed the connection before the end of its answer"),
    ([HEAD + b"Content-Length: 100\r\n\r\n" + b'{"head":'], "closed the connection before the end of its answer"),
    ([HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"10\r\n0123456789"],
     "closed the connection before the end of its answer"),
    ([HEAD + b"Content-Encoding: gzip\r\n\r\n" + gzip.compress(EMPTY)[:-12]],
     "closed the connection before the end of its compressed answer"),
    ([HEAD + b"Content-Encoding: gzip\r\n\r\n" + b"not gzip at all"],
     "sent a compressed answer that cannot be decompressed (Error -3 while decompressing data: incorrect header check)"),
    ([HEAD + b"Content-Encoding: br\r\n\r\n" + b"xx"], "sent its answer in an encoding rscao-graph cannot read (br)"),
])
def test_broken_answers_name_the_endpoint(pieces: list[bytes], problem: str) -> None:
    url, err = failure(Script(pieces))
    assert str(err).startswith(f"SPARQL endpoint {url} {problem}")


def test_unreachable() -> None:
    with misbehaving_server(Script([])) as url:
        pass  # closed again: nothing listens on that port now
    with pytest.raises(FetchFailed) as err:
        fetch(url)
    assert str(err.value).startswith(f"SPARQL endpoint {url} could not be reached: ")
    assert err.value.transient


def test_redirects_are_followed_within_http() -> None:
    with fake_endpoint([Reply(body=EMPTY)]) as (target, script):
        moved = answer(b"", "307 Temporary Redirect", {"Location": target})
        with misbehaving_server(Script([moved])) as url:
            response = fetch(url, method="POST", body=b"query=x", headers={"Authorization": "Basic eDp5"})
    assert response.body == EMPTY
    assert "Authorization" not in script.requests[0]  # another host (port): the credentials stay behind


def test_a_redirect_out_of_http_is_refused() -> None:
    url, err = failure(Script([answer(b"", "302 Found", {"Location": "file:///etc/passwd"})]))
    assert str(err) == f"SPARQL endpoint {url} redirected to 'file:///etc/passwd', which is not an http(s) URL"


def test_an_http_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with fake_endpoint([Reply(body=EMPTY)]) as (proxy, script):
        monkeypatch.setenv("http_proxy", proxy.removesuffix("/sparql"))
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        assert fetch("http://sparql.example.invalid/query", method="POST", body=b"query=x").body == EMPTY
    assert script.requests[0]["Host"] == "sparql.example.invalid"


@pytest.mark.parametrize("timeout", [0, -1, math.nan, math.inf])
def test_a_timeout_must_be_a_positive_number(timeout: float) -> None:
    with pytest.raises(UsageError) as err:
        fetch("http://127.0.0.1:9/sparql", timeout=timeout)
    assert (err.value.exit_code, err.value.message) == (2, f"timeout {timeout!r} is not a positive number of seconds")


def test_a_timeout_of_more_than_a_day_is_refused() -> None:
    with pytest.raises(UsageError) as err:
        fetch("http://127.0.0.1:9/sparql", timeout=1e300)
    assert (err.value.exit_code, err.value.message) == (2, "timeout 1e+300 is more than a day (86400 s)")


@pytest.mark.parametrize(("body", "problem"), [
    (b"[]", "SPARQL JSON results must be an object"),
    (b'{"results": null}', "SPARQL JSON results result must be an object"),
    (b'{"head": {"vars": ["x"]}, "results": {"bindings": [1]}}', "Expecting a new solution object"),
    (b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"y": {"type": "literal", "value": "1"}}]}}',
     "The variable y has not been defined in the header"),
    (b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": "a b"}}]}}',
     "Invalid uri value: Invalid IRI code point ' '"),
    (b"\xff\xfe", ""),
    (b'{"head": {"vars": []}, "results": {"bindings": []}, "x": ' + b"[" * 100000 + b"]" * 100000 + b"}", ""),
])
def test_json_that_is_not_sparql_results(body: bytes, problem: str) -> None:
    with pytest.raises(ServiceError) as err:
        sparql_json(body, "SPARQL endpoint http://x/sparql")
    assert str(err.value).startswith(f"SPARQL endpoint http://x/sparql sent results that are not SPARQL JSON ({problem}")
    assert err.value.exit_code == 3
