"""The one HTTP request function of the services rscao-graph calls (Wikidata in ``link``, any SPARQL
endpoint in ``query --endpoint``), with the bounds ``requests`` and SPARQLWrapper do not give:

- an overall deadline per request (``timeout`` seconds from connecting to the last byte of the body, through
  redirects): a server that sends a byte every few seconds is cut at the deadline, not at each read;
- a cap on the size of the answer after decompression (:data:`MAX_BYTES`, 64 MiB by default), counted
  while streaming, so a gzip bomb is refused after 64 MiB, not unpacked into memory;
- a malformed status line, a truncated body, a broken gzip stream: a :class:`FetchFailed` naming the
  endpoint (exit 3), never an internal error.

It speaks http and https (certificates checked, against certifi's bundle when it is installed), follows
up to 5 redirects to http(s) URLs (the ``Authorization`` header only to the same host), and goes through
the proxy that ``http_proxy`` / ``https_proxy`` / ``no_proxy`` name. It is built on the standard library
(``http.client``), so ``query`` stays fast. Not bounded: the DNS look-up before connecting (the system's
resolver has its own timeout).
"""

from __future__ import annotations

import base64
import http.client
import math
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from .errors import ServiceError, UsageError

__all__ = ["MAX_BYTES", "FetchFailed", "Response", "check_timeout", "fetch", "sparql_json"]

#: The largest answer (after decompression) a service may send: 64 MiB.
MAX_BYTES = 64 * 1024 * 1024
_REDIRECTS = 5
_MAX_TIMEOUT = 86400
_CHUNK = 64 * 1024


class FetchFailed(ServiceError):
    """A request that failed; ``transient`` when trying again may help (timeout, unreachable, 429, 5xx)."""

    def __init__(self, message: str, *, transient: bool = False, status: int | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.transient, self.status, self.headers = transient, status, dict(headers or {})


@dataclass(frozen=True)
class Response:
    """A complete answer: status, headers (names lower-cased) and the decompressed body."""

    status: int
    reason: str
    headers: dict[str, str]
    body: bytes


def check_timeout(timeout: float) -> float:
    """``timeout`` when it is a usable number of seconds; else :class:`UsageError` (exit 2)."""
    if not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
        raise UsageError(f"timeout {timeout!r} is not a positive number of seconds", hint="e.g. --timeout 30")
    if timeout > _MAX_TIMEOUT:
        raise UsageError(f"timeout {timeout!r} is more than a day ({_MAX_TIMEOUT} s)", hint="e.g. --timeout 30")
    return float(timeout)


class _Deadline:
    """Shuts the connection's socket down when the time is up, whatever the socket is waiting for."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._socket = sock
            if self.expired:
                self._shut()

    def _shut(self) -> None:
        if self._socket is not None:
            try:
                self._socket.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shut()

    def cancel(self) -> None:
        self._timer.cancel()


def _tls() -> ssl.SSLContext:
    """Certificates checked against certifi's bundle when it is installed (as ``requests`` did), else the
    system's."""
    try:
        import certifi
    except ImportError:
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())


def _proxy(scheme: str, host: str) -> str | None:
    from urllib.request import getproxies, proxy_bypass

    proxy = getproxies().get(scheme)
    if not proxy or proxy_bypass(host):
        return None
    return proxy if "://" in proxy else "http://" + proxy


def _connect(url: str, headers: dict[str, str], deadline: _Deadline) -> tuple[http.client.HTTPConnection, str]:
    """A connection for ``url`` (through its proxy, if any) and the request target to send."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    proxy = _proxy(parts.scheme, host)
    timeout = deadline.remaining()
    if proxy is None:
        if parts.scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout,
                                               context=_tls()), target
        return http.client.HTTPConnection(host, port, timeout=timeout), target
    via = urlsplit(proxy)
    auth = {}
    if via.username:
        token = base64.b64encode(f"{via.username}:{via.password or ''}".encode()).decode("ascii")
        auth["Proxy-Authorization"] = f"Basic {token}"
    if parts.scheme == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            via.hostname or "", via.port, timeout=timeout, context=_tls())
        conn.set_tunnel(host, port, headers=auth)
        return conn, target
    headers.update(auth)
    return http.client.HTTPConnection(via.hostname or "", via.port, timeout=timeout), url


def _decoder(encoding: str, what: str) -> Any:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchFailed(f"{what} sent its answer in an encoding rscao-graph cannot read ({encoding})")


def _body(response: http.client.HTTPResponse, sock: socket.socket | None, deadline: _Deadline,
          max_bytes: int, what: str) -> bytes:
    decoder = _decoder(response.getheader("Content-Encoding", "").strip().lower(), what)
    parts: list[bytes] = []
    size = 0
    too_big = FetchFailed(f"{what} sent an answer larger than {max_bytes // (1024 * 1024)} MiB "
                          "(the limit of one answer); ask for fewer rows (LIMIT) or a smaller page")
    while True:
        if sock is not None:  # (the connection may have let go of it: the response still reads from it)
            sock.settimeout(deadline.remaining())
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes - size + 1)
                if decoder.unconsumed_tail:
                    raise too_big
            except zlib.error as exc:
                raise FetchFailed(f"{what} sent a compressed answer that cannot be decompressed ({exc})") from exc
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        parts.append(chunk)
    if deadline.expired:
        raise FetchFailed(f"{what} was cut at the deadline", transient=True)
    if response.length:  # http.client's bytes still expected by Content-Length: the connection closed early
        raise FetchFailed(f"{what} closed the connection before the end of its answer", transient=True)
    if decoder is not None and not decoder.eof:
        raise FetchFailed(f"{what} closed the connection before the end of its compressed answer", transient=True)
    return b"".join(parts)


def _once(method: str, url: str, body: bytes | None, headers: dict[str, str], deadline: _Deadline,
          max_bytes: int, what: str) -> Response:
    conn, target = _connect(url, headers, deadline)
    made: list[http.client.HTTPResponse] = []  # http.client leaves a response it could not parse open

    def response_class(*args: Any, **kwargs: Any) -> http.client.HTTPResponse:
        made.append(http.client.HTTPResponse(*args, **kwargs))
        return made[-1]

    def create_connection(*args: Any, **kwargs: Any) -> socket.socket:
        sock = socket.create_connection(*args, **kwargs)
        deadline.watch(sock)  # from the first byte: a TLS handshake or a proxy's answer dripping is cut too
        return sock

    conn.response_class = response_class  # type: ignore[assignment]
    conn._create_connection = create_connection  # type: ignore[attr-defined]
    try:
        conn.connect()
        sock = conn.sock
        deadline.watch(sock)
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        data = _body(response, sock, deadline, max_bytes, what)
        return Response(response.status, response.reason,
                        {k.lower(): v for k, v in response.getheaders()}, data)
    finally:
        deadline.watch(None)
        for made_response in made:
            made_response.close()
        conn.close()


def fetch(url: str, *, method: str = "GET", body: bytes | None = None, headers: Mapping[str, str] | None = None,
          timeout: float = 30.0, max_bytes: int = MAX_BYTES, what: str | None = None) -> Response:
    """Send one request and read the whole answer within ``timeout`` seconds and ``max_bytes``.

    Any status is returned (the caller decides); a failure to get a complete answer raises
    :class:`FetchFailed` (exit 3) whose message starts with ``what`` (default: ``SPARQL endpoint URL``).
    """
    what = what or f"SPARQL endpoint {url}"
    timeout = check_timeout(timeout)
    deadline = _Deadline(timeout)
    sent = dict(headers or {})
    sent.setdefault("Accept-Encoding", "gzip")
    current = url
    try:
        for _ in range(_REDIRECTS + 1):
            response = _once(method, current, body, dict(sent), deadline, max_bytes, what)
            location = response.headers.get("location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                return response
            following = urljoin(current, location)
            if urlsplit(following).scheme not in ("http", "https"):
                raise FetchFailed(f"{what} redirected to {following!r}, which is not an http(s) URL")
            if urlsplit(following).netloc != urlsplit(current).netloc:
                sent = {k: v for k, v in sent.items() if k.lower() != "authorization"}
            current = following
        raise FetchFailed(f"{what} redirected more than {_REDIRECTS} times")
    except FetchFailed:
        if deadline.expired:
            raise _late(what, timeout) from None
        raise
    except (http.client.IncompleteRead, http.client.RemoteDisconnected) as exc:
        if deadline.expired:
            raise _late(what, timeout) from exc
        raise FetchFailed(f"{what} closed the connection before the end of its answer", transient=True) from exc
    except TimeoutError as exc:
        raise _late(what, timeout) from exc
    except http.client.HTTPException as exc:
        if deadline.expired:
            raise _late(what, timeout) from exc
        raise FetchFailed(f"{what} sent a malformed HTTP answer ({type(exc).__name__}: {_cut(str(exc))})",
                          transient=True) from exc
    except (OSError, ValueError) as exc:
        if deadline.expired:
            raise _late(what, timeout) from exc
        raise FetchFailed(f"{what} could not be reached: {_cut(str(exc)) or type(exc).__name__}",
                          transient=True) from exc
    finally:
        deadline.cancel()


def _late(what: str, timeout: float) -> FetchFailed:
    return FetchFailed(f"{what} did not answer within {timeout:g} s", transient=True)


def _cut(text: str) -> str:
    return text if len(text) <= 200 else text[:200] + "..."


def sparql_json(body: bytes, what: str) -> Any:
    """A SPARQL 1.1 JSON results document, checked whole (head, bindings that are objects, every variable
    in the head, terms well-formed) by pyoxigraph's parser; :class:`FetchFailed` (exit 3) otherwise."""
    import json

    problem = _first_problem(body)
    if problem is None:
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:
            problem = str(exc) or type(exc).__name__
    # not chained: the parser's solutions must not outlive this thread in a traceback (pyoxigraph's are unsendable)
    raise FetchFailed(f"{what} sent results that are not SPARQL JSON ({_cut(problem)})")


def _first_problem(body: bytes) -> str | None:
    """What pyoxigraph's parser finds wrong in a SPARQL JSON results document, reading every row."""
    from pyoxigraph import QueryResultsFormat, QuerySolutions, parse_query_results

    try:
        parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
        if isinstance(parsed, QuerySolutions):
            for _ in parsed:
                pass
        del parsed
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        return str(exc) or type(exc).__name__
    return None
