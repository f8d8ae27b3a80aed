"""HTTP around the documents: bounded requests and safe headers (an ASGI middleware), error answers,
negotiation with ``?format=`` first, conditional requests (``ETag``, ``If-None-Match``), and the way
back to the server's root that keeps every URL sent relative."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .documents import Documents
from .negotiation import FORMATS, Format, by_name, choose
from .pages import render

__all__ = ["MAX_BODY", "MAX_HEADERS", "MAX_TARGET", "RequestLimits", "error", "etag_matches", "negotiate", "represent",
           "root"]

#: The largest request body accepted (a POSTed query), in bytes.
MAX_BODY = 256 * 1024
#: The longest request target (path and query string) and the most header bytes accepted.
MAX_TARGET = 64 * 1024
MAX_HEADERS = 32 * 1024
_REASONS = {400: "Bad Request", 404: "Not Found", 406: "Not Acceptable", 413: "Content Too Large",
            415: "Unsupported Media Type", 500: "Internal Server Error", 503: "Service Unavailable"}
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'")


class RequestLimits:
    """ASGI middleware: refuse request targets over :data:`MAX_TARGET` bytes (414), headers over
    :data:`MAX_HEADERS` (431), bodies over ``limit`` bytes (413), declared or streamed; add
    ``X-Content-Type-Options`` everywhere and a Content-Security-Policy (no script at all) to HTML."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        target = len(scope.get("raw_path", b"")) + len(scope.get("query_string", b""))
        if target > MAX_TARGET:
            await Response(f"request targets are limited to {MAX_TARGET} bytes; POST the query\n", 414,
                           media_type="text/plain")(scope, receive, send)
            return
        if sum(len(k) + len(v) + 4 for k, v in scope.get("headers", [])) > MAX_HEADERS:
            await Response(f"request headers are limited to {MAX_HEADERS} bytes\n", 431,
                           media_type="text/plain")(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await Response(f"request bodies are limited to {self.limit} bytes\n", 413,
                           media_type="text/plain")(scope, receive, send)
            return
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge()
            return message

        started = False

        async def headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [(b"x-content-type-options", b"nosniff")]
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    extra.append((b"content-security-policy", _CSP.encode()))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, bounded, headers)
        except _TooLarge:
            if not started:
                await Response(f"request bodies are limited to {self.limit} bytes\n", 413,
                               media_type="text/plain")(scope, receive, send)


class _TooLarge(Exception):
    pass


def root(request: Request) -> str:
    """The way back from the request's folder to the server's root, relative (``../`` from
    ``/country/CN``), so every ``Location``, ``Content-Location`` and ``Link`` also holds behind a proxy
    that serves the base under a path of its own."""
    folders = request.url.path.split("/")[1:-1]
    return "../" * len(folders) if folders else "./"


def etag_matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if header is None:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def error(request: Request, status: int, message: str, alternatives: Sequence[tuple[Format, str]] = ()) -> Response:
    """An error answer: an HTML page for a browser, plain text otherwise."""
    fmt = choose(request.headers.get("accept"), (FORMATS["html"],))
    headers = {"Vary": "Accept"}
    if alternatives:
        headers["Link"] = ", ".join(f'<{href}>; rel="alternate"; type="{f.media_type}"' for f, href in alternatives)
    if fmt is not None and "text/html" in request.headers.get("accept", ""):
        body = render("error.html", title=f"{status} {_REASONS.get(status, '')}", root=root(request), alternates=[],
                      status=status, reason=_REASONS.get(status, ""), message=message,
                      alternatives=[{"label": f.label, "media_type": f.media_type, "href": href}
                                    for f, href in alternatives])
        return Response(body, status, headers=headers, media_type="text/html; charset=utf-8")
    text = f"{status} {_REASONS.get(status, '')}: {message}\n"
    if alternatives:
        text += "Available:\n" + "".join(f"  {f.media_type}  {href}\n" for f, href in alternatives)
    return Response(text, status, headers=headers, media_type="text/plain; charset=utf-8")


def negotiate(request: Request, offered: Sequence[Format]) -> Format | str | None:
    """The format asked for: ``?format=`` first, then ``Accept``; a string is an unknown ``?format=``."""
    name = request.query_params.get("format")
    if name is not None:
        return by_name(name, offered) or name
    return choose(request.headers.get("accept"), offered)


def represent(request: Request, docs: Documents, body: bytes, fmt: Format, etag_key: str, *,
               negotiated: bool, headers: dict[str, str] | None = None, status: int = 200) -> Response:
    etag = docs.etag(etag_key)
    out = {"ETag": etag, **(headers or {})}
    if negotiated:
        out["Vary"] = "Accept"
    if etag_matches(request, etag):
        return Response(None, 304, headers=out)
    return Response(body, status, headers=out, media_type=fmt.content_type)
