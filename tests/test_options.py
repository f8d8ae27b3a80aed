"""The option types the commands share (cli/options.py): --timeout and --endpoint values."""

from __future__ import annotations

import click
import pytest

from rscao_graph.cli.options import ENDPOINT, SECONDS, text_value


@pytest.mark.parametrize(("value", "seconds"), [("5", 5.0), ("0.5", 0.5), (" 2 ", 2.0), ("86400", 86400.0),
                                                (30.0, 30.0)])
def test_seconds(value: object, seconds: float) -> None:
    assert SECONDS.convert(value, None, None) == seconds


@pytest.mark.parametrize(("value", "message"), [
    ("0", "'0' is not a number of seconds above 0 and at most 86400"),
    ("-1", "'-1' is not a number of seconds above 0 and at most 86400"),
    ("nan", "'nan' is not a number of seconds above 0 and at most 86400"),
    ("inf", "'inf' is not a number of seconds above 0 and at most 86400"),
    ("-inf", "'-inf' is not a number of seconds above 0 and at most 86400"),
    ("1e300", "'1e300' is not a number of seconds above 0 and at most 86400"),
    ("ten", "'ten' is not a number of seconds"),
    ("", "'' is not a number of seconds"),
])
def test_seconds_refused(value: str, message: str) -> None:
    with pytest.raises(click.BadParameter) as err:
        SECONDS.convert(value, None, None)
    assert err.value.message == message


@pytest.mark.parametrize("url", ["http://localhost:7878/query", "https://query.wikidata.org/sparql",
                                 "http://[::1]:7878/query", "http://127.0.0.1/sparql?x=1", "HTTPS://Example.org/q",
                                 "http://user:secret@example.org/sparql"])
def test_endpoint(url: str) -> None:
    assert ENDPOINT.convert(url, None, None) == url


@pytest.mark.parametrize(("url", "message"), [
    ("notaurl", "'notaurl' is not an http(s) URL (such as http://localhost:7878/query); only http and https "
                "endpoints are used"),
    ("file:///etc/passwd", "'file:///etc/passwd' is not an http(s) URL (such as http://localhost:7878/query); "
                           "only http and https endpoints are used"),
    ("ftp://example.org/", "'ftp://example.org/' is not an http(s) URL (such as http://localhost:7878/query); "
                           "only http and https endpoints are used"),
    ("localhost:7878/query", "'localhost:7878/query' is not an http(s) URL (such as http://localhost:7878/query); "
                             "only http and https endpoints are used"),
    ("http://[::1", "'http://[::1' is not a URL: Invalid IPv6 URL"),
    ("http://[zz]/", "'http://[zz]/' is not a URL: 'zz' does not appear to be an IPv4 or IPv6 address"),
    ("http://host:abc/", "'http://host:abc/' is not a URL: Port could not be cast to integer value as 'abc'"),
    ("http://host:99999/", "'http://host:99999/' is not a URL: Port out of range 0-65535"),
    ("http:///query", "'http:///query' is not a URL: it names no host"),
    ("http://a..b/", "'http://a..b/' is not a URL: 'a..b' is no host name"),
    ("http://exa mple.org/", "'http://exa mple.org/' is not a URL: it holds spaces or control characters "
                             "(percent-encode them)"),
    ("http://example.org/\n", "'http://example.org/\\n' is not a URL: it holds spaces or control characters "
                              "(percent-encode them)"),
    ("http://example.org/\udcff", "b'http://example.org/\\xff' is not UTF-8 text"),
])
def test_endpoint_refused(url: str, message: str) -> None:
    with pytest.raises(click.BadParameter) as err:
        ENDPOINT.convert(url, None, None)
    assert err.value.message == message


def test_text_value() -> None:
    assert text_value("China 中国") is None
    assert text_value("C\udcffN") == "b'C\\xffN' is not UTF-8 text"
