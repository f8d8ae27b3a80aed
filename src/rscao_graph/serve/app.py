"""The linked-data server (Starlette, run by uvicorn): every IRI a build mints under its base, mapped onto
the server's address, answers with its description in the format the request negotiates. Every URL the
server sends (``Location``, ``Content-Location``, ``Link``, links in pages) is relative, so it also answers
behind a reverse proxy that maps the base's path onto it.

For a resource ``R`` (``/country/CN``):

- ``GET R`` negotiates on ``Accept``: RDF formats are answered in place (200, ``Content-Location`` naming
  the document); a browser is sent to the page (303 See Other to ``R/index.html``, the document about the
  thing ``R`` names, whose relative links are the static site's); nothing acceptable is a 406 listing
  the alternatives;
- ``R/``, ``R/index.html``, ``R/index.ttl``, ... and ``R.ttl``, ``R.jsonld``: the documents themselves;
  ``?format=ttl`` overrides negotiation everywhere (for caches that mishandle ``Vary``);
- every negotiated answer carries ``Vary: Accept``; every description ``Link`` headers (``alternate`` per
  format, ``describedby``), an ``ETag`` from the build's content hash (``If-None-Match`` gives 304) and
  CORS headers for GET.

Also: the home page (``/``), ``/sparql`` (``sparql.py``, queries in killable workers: ``workers.py``),
``/queries/`` (stored queries with the command line's parameter checks), ``/dumps/`` and the files
under ``/dump/``, ``/.well-known/void`` and ``/context.jsonld``. Request bodies are bounded; the
server fetches nothing a request names.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from anyio import to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import RscaoError
from ..query.stored import bind_query, load_queries
from .documents import Documents
from .links import Linker
from .negotiation import (
    DESCRIPTION_FORMATS,
    FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    SERVICE_FORMATS,
    Format,
    by_extension,
    by_name,
    choose,
)
from .pages import render
from .rdf import triples_bytes
from .sparql import SD_PREFIXES, format_keys, read_query_request, result_table, service_description
from .workers import Limits, QueryPool, QueryRefused, check_query

__all__ = ["MAX_BODY", "MAX_HEADERS", "MAX_TARGET", "create_app"]

#: The largest request body accepted (a POSTed query), in bytes.
MAX_BODY = 256 * 1024
#: The longest request target (path and query string) and the most header bytes accepted.
MAX_TARGET = 64 * 1024
MAX_HEADERS = 32 * 1024
_REASONS = {400: "Bad Request", 404: "Not Found", 406: "Not Acceptable", 413: "Content Too Large",
            415: "Unsupported Media Type", 500: "Internal Server Error", 503: "Service Unavailable"}
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'")
_INDEX = re.compile(r"^(?P<doc>.+)/index\.(?P<ext>[a-z]+)$")


class _Limits:
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


def _root(request: Request) -> str:
    """The way back from the request's folder to the server's root, relative (``../`` from
    ``/country/CN``), so every ``Location``, ``Content-Location`` and ``Link`` also holds behind a proxy
    that serves the base under a path of its own."""
    folders = request.url.path.split("/")[1:-1]
    return "../" * len(folders) if folders else "./"


def _etag_matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if header is None:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def _links(request: Request, doc: str, sent: Format | None) -> str:
    root = _root(request)
    parts = [f'<{root}{quote(doc)}/index.{f.extension}>; rel="alternate"; type="{f.media_type}"'
             for f in DESCRIPTION_FORMATS if f is not sent and f.key not in ("json", "txt")]
    parts.append(f'<{root}{quote(doc)}/index.ttl>; rel="describedby"; type="text/turtle"')
    parts.append(f'<{root}.well-known/void>; rel="http://rdfs.org/ns/void#inDataset"')
    return ", ".join(parts)


def _error(request: Request, status: int, message: str, alternatives: Sequence[tuple[Format, str]] = ()) -> Response:
    """An error answer: an HTML page for a browser, plain text otherwise."""
    fmt = choose(request.headers.get("accept"), (FORMATS["html"],))
    headers = {"Vary": "Accept"}
    if alternatives:
        headers["Link"] = ", ".join(f'<{href}>; rel="alternate"; type="{f.media_type}"' for f, href in alternatives)
    if fmt is not None and "text/html" in request.headers.get("accept", ""):
        body = render("error.html", title=f"{status} {_REASONS.get(status, '')}", root=_root(request), alternates=[],
                      status=status, reason=_REASONS.get(status, ""), message=message,
                      alternatives=[{"label": f.label, "media_type": f.media_type, "href": href}
                                    for f, href in alternatives])
        return Response(body, status, headers=headers, media_type="text/html; charset=utf-8")
    text = f"{status} {_REASONS.get(status, '')}: {message}\n"
    if alternatives:
        text += "Available:\n" + "".join(f"  {f.media_type}  {href}\n" for f, href in alternatives)
    return Response(text, status, headers=headers, media_type="text/plain; charset=utf-8")


def _negotiate(request: Request, offered: Sequence[Format]) -> Format | str | None:
    """The format asked for: ``?format=`` first, then ``Accept``; a string is an unknown ``?format=``."""
    name = request.query_params.get("format")
    if name is not None:
        return by_name(name, offered) or name
    return choose(request.headers.get("accept"), offered)


def _represent(request: Request, docs: Documents, body: bytes, fmt: Format, etag_key: str, *,
               negotiated: bool, headers: dict[str, str] | None = None, status: int = 200) -> Response:
    etag = docs.etag(etag_key)
    out = {"ETag": etag, **(headers or {})}
    if negotiated:
        out["Vary"] = "Accept"
    if _etag_matches(request, etag):
        return Response(None, 304, headers=out)
    return Response(body, status, headers=out, media_type=fmt.content_type)


class Server:
    """The request handlers over one build's :class:`Documents` and a :class:`QueryPool`."""

    def __init__(self, docs: Documents, limits: Limits, workers: int) -> None:
        self.docs = docs
        self.limits = limits
        self.workers = workers
        self.pool: QueryPool | None = None

    # --- resources ------------------------------------------------------------------------------------

    async def resource(self, request: Request) -> Response:
        path = request.path_params["path"]
        docs = self.docs
        fixed: Format | None = None
        folder = False
        if path.endswith("/"):
            doc, folder = path[:-1], True
        elif m := _INDEX.match(path):
            doc = m.group("doc")
            fixed = next((f for f in DESCRIPTION_FORMATS if f.extension == m.group("ext")), None)
            if fixed is None:
                return _error(request, 404, f"no document {path}")
        elif (found := by_extension(path, DESCRIPTION_FORMATS)) is not None and found[0] in docs:
            doc, fixed = found
        else:
            doc = path
        if "\x00" in doc or any(part in ("", ".", "..") for part in doc.split("/")) or doc not in docs:
            return _error(request, 404, f"nothing is known of {docs.base}{doc}")
        root = _root(request)
        alternatives = [(f, f"{root}{quote(doc)}/index.{f.extension}") for f in DESCRIPTION_FORMATS]
        negotiated = fixed is None
        fmt = fixed
        if fmt is None:
            chosen = _negotiate(request, DESCRIPTION_FORMATS)
            if isinstance(chosen, str):
                return _error(request, 400, f"unknown format {chosen!r}; one of "
                              f"{', '.join(f.key for f in DESCRIPTION_FORMATS)}", alternatives)
            if chosen is None:
                return _error(request, 406, f"no acceptable representation of {docs.base}{doc}", alternatives)
            fmt = chosen
        links = {"Link": _links(request, doc, fmt)}
        if not folder and fmt.key == "html" and fixed is None:
            return Response(None, 303, headers={**links, "Vary": "Accept",
                                                "Location": f"{root}{quote(doc)}/index.html"})
        body = docs.resource(doc, fmt.key)
        assert body is not None
        if negotiated:
            links["Content-Location"] = f"{root}{quote(doc)}/index.{fmt.extension}"
        return _represent(request, docs, body, fmt, fmt.key, negotiated=negotiated, headers=links)

    # --- pages of the build ---------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        chosen = _negotiate(request, (FORMATS["html"], *DESCRIPTION_FORMATS[1:]))
        if isinstance(chosen, str) or chosen is None:
            return _error(request, 406, "the home page is HTML; the dataset's description is at /dataset",
                          [(FORMATS["html"], _root(request)), (FORMATS["ttl"], f"{_root(request)}.well-known/void")])
        if chosen.key != "html":
            return Response(None, 303, headers={"Vary": "Accept", "Location": f"{_root(request)}dataset"})
        return _represent(request, self.docs, self.docs.home(), chosen, "home", negotiated=True)

    def _page(self, request: Request, name: str, body: bytes) -> Response:
        """A page that is HTML only (downloads, the stored queries' list, the SPARQL form)."""
        return _represent(request, self.docs, body, FORMATS["html"], name, negotiated=False)

    async def dumps_page(self, request: Request) -> Response:
        return self._page(request, "dumps", self.docs.dumps())

    async def queries_page(self, request: Request) -> Response:
        return self._page(request, "queries", self.docs.queries())

    async def sparql_page(self, request: Request) -> Response:
        return self._page(request, "sparql-form", self.docs.sparql_form())

    async def void(self, request: Request) -> Response:
        offered = (FORMATS["ttl"], FORMATS["nt"], FORMATS["jsonld"], FORMATS["rdf"], FORMATS["html"])
        chosen = _negotiate(request, offered)
        if isinstance(chosen, str) or chosen is None:
            return _error(request, 406, "the dataset description is RDF",
                          [(f, f"{_root(request)}.well-known/void?format={f.key}") for f in offered])
        if chosen.key == "html":
            return Response(None, 303, headers={"Vary": "Accept", "Location": f"{_root(request)}dataset/index.html"})
        return _represent(request, self.docs, self.docs.void(chosen.key), chosen, f"void-{chosen.key}",
                          negotiated=True)

    async def dump(self, request: Request) -> Response:
        name = request.path_params["name"]
        path = self.docs.file(name)
        if path is None:
            return _error(request, 404, f"no file {name} in this build")
        media = self.docs.files[name][0]
        fmt = next((f for f in FORMATS.values() if f.media_type == media), FORMATS["ttl"])
        return _represent(request, self.docs, path.read_bytes(), fmt, f"file-{name}", negotiated=False)

    async def context(self, request: Request) -> Response:
        path = self.docs.context()
        if path is None:
            return _error(request, 404, "this build has no JSON-LD context")
        return _represent(request, self.docs, path.read_bytes(), FORMATS["jsonld"], "context", negotiated=False)

    # --- SPARQL ---------------------------------------------------------------------------------------

    async def _run(self, query: str, formats: tuple[str, str], default: Sequence[str] = (),
                   named: Sequence[str] = ()) -> Any:
        assert self.pool is not None
        check_query(query)
        return await to_thread.run_sync(self.pool.run, query, formats, default, named)

    async def sparql(self, request: Request) -> Response:
        body = await request.body() if request.method == "POST" else b""
        try:
            asked = read_query_request(request.method, {k: request.query_params.getlist(k)
                                                        for k in request.query_params},
                                       request.headers.get("content-type"), body)
        except QueryRefused as exc:
            return _error(request, exc.status, exc.message)
        if asked is None:
            return self._service_description(request)
        result_fmt = _negotiate(request, RESULT_FORMATS)
        graph_fmt = _negotiate(request, GRAPH_FORMATS)
        if isinstance(result_fmt, str) and isinstance(graph_fmt, str):
            return _error(request, 400, f"unknown format {result_fmt!r}")
        result_key = result_fmt.key if isinstance(result_fmt, Format) else None
        graph_key = graph_fmt.key if isinstance(graph_fmt, Format) else None
        try:
            answer = await self._run(asked.query, format_keys(result_key, graph_key), asked.default_graphs,
                                     asked.named_graphs)
        except QueryRefused as exc:
            return _error(request, exc.status, exc.message)
        wanted = result_key if answer.kind != "graph" else graph_key
        if wanted is None:
            offered = RESULT_FORMATS if answer.kind != "graph" else GRAPH_FORMATS
            return _error(request, 406, f"the {answer.kind} cannot be given in an acceptable format",
                          [(f, f"{_root(request)}sparql?{urlencode({'query': asked.query, 'format': f.key})}")
                           for f in offered])
        if wanted == "html":
            table = result_table(answer.body, Linker(self.docs.base, ""))
            page = render("sparql_results.html", title="SPARQL results", root=_root(request), alternates=[],
                          query=asked.query, error=None, boolean=table if isinstance(table, bool) else None,
                          table=None if isinstance(table, bool) else table)
            return Response(page, 200, headers={"Vary": "Accept"}, media_type=FORMATS["html"].content_type)
        return Response(answer.body, 200, headers={"Vary": "Accept"}, media_type=FORMATS[answer.format].content_type)

    def _service_description(self, request: Request) -> Response:
        chosen = _negotiate(request, SERVICE_FORMATS)
        if isinstance(chosen, str) or chosen is None:
            return _error(request, 406, "the service description is RDF", [(f, f"{_root(request)}sparql?format="
                                                                            f"{f.key}") for f in SERVICE_FORMATS])
        if chosen.key == "html":
            return Response(None, 303, headers={"Vary": "Accept", "Location": f"{_root(request)}sparql/index.html"})
        endpoint = str(request.url.replace(query="", fragment="")).rstrip("?")
        triples = service_description(endpoint, self.docs.base, self.docs.meta.get("graphs", []), self.limits)
        return Response(triples_bytes(triples, chosen.key, SD_PREFIXES), 200, headers={"Vary": "Accept"},
                        media_type=chosen.content_type)

    # --- stored queries -------------------------------------------------------------------------------

    async def stored(self, request: Request) -> Response:
        name = request.path_params["name"]
        folder = request.url.path.endswith(("/", "/index.html"))
        query = load_queries().get(name)
        if query is None:
            return _error(request, 404, f"no stored query {name!r}; /queries/ lists them")
        values = {k: v for k, v in request.query_params.items() if k not in ("format", "run") and v != ""}
        # the folder is the page (HTML first for */*), the bare name the results (SPARQL JSON first)
        chosen = _negotiate(request, (RESULT_FORMATS[-1], *RESULT_FORMATS[:-1]) if folder else RESULT_FORMATS)
        if isinstance(chosen, str):
            return _error(request, 400, f"unknown format {chosen!r}; one of csv, tsv, json, xml, html")
        if chosen is None:
            return _error(request, 406, f"the results of {name} are SPARQL results or HTML",
                          [(f, f"{_root(request)}queries/{name}?format={f.key}") for f in RESULT_FORMATS])
        if chosen.key == "html" and not folder and "format" not in request.query_params:
            target = f"{_root(request)}queries/{name}/" + (f"?{request.url.query}" if request.url.query else "")
            return Response(None, 303, headers={"Vary": "Accept", "Location": target})
        run = chosen.key != "html" or bool(request.url.query)
        if not run:
            return _represent(request, self.docs, self.docs.query_page(query), chosen, f"query-{name}",
                              negotiated=True)
        try:
            text = bind_query(query, values)
        except RscaoError as exc:
            if chosen.key != "html":
                return _error(request, 400, exc.message)
            return Response(self.docs.query_page(query, values, error=str(exc)), 400,
                            media_type=chosen.content_type)
        try:
            answer = await self._run(text, format_keys(chosen.key, None))
        except QueryRefused as exc:
            if chosen.key != "html":
                return _error(request, exc.status, exc.message)
            return Response(self.docs.query_page(query, values, error=exc.message), exc.status,
                            media_type=chosen.content_type)
        if chosen.key != "html":
            return Response(answer.body, 200, headers={"Vary": "Accept"}, media_type=chosen.content_type)
        table = result_table(answer.body, Linker(self.docs.base, f"queries/{name}"))
        assert not isinstance(table, bool)
        encoded = urlencode(values)
        formats = {label: f"../{name}?{encoded}{'&' if encoded else ''}format={key}"
                   for label, key in (("CSV", "csv"), ("TSV", "tsv"), ("JSON", "json"))}
        return Response(self.docs.query_page(query, values, table=table, formats=formats), 200,
                        headers={"Vary": "Accept"}, media_type=chosen.content_type)


def create_app(data: Path, *, limits: Limits | None = None, workers: int = 2,
               cache_bytes: int = 64 * 1024 * 1024) -> Starlette:
    """The ASGI application serving the build in ``data``: ``workers`` query processes within ``limits``.
    Raises :class:`~rscao_graph.errors.UsageError` when ``data`` is no build with descriptions."""
    docs = Documents(data, cache_bytes=cache_bytes)
    from ..query.store import STORE_DIR, open_store

    open_store(data)  # a clear error now, not at the first query
    server = Server(docs, limits or Limits(), workers)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        server.pool = await to_thread.run_sync(lambda: QueryPool(data / STORE_DIR, workers, server.limits))
        try:
            yield
        finally:
            pool, server.pool = server.pool, None
            await to_thread.run_sync(pool.close)
            docs.close()

    def redirect(target: str) -> Any:
        async def go(request: Request) -> Response:
            return Response(None, 308, headers={"Location": f"{_root(request)}{target}"})
        return go

    routes = [
        Route("/", server.home), Route("/index.html", server.home),
        Route("/sparql", server.sparql, methods=["GET", "HEAD", "POST"]),
        Route("/sparql/", server.sparql_page), Route("/sparql/index.html", server.sparql_page),
        Route("/queries", redirect("queries/")),
        Route("/queries/", server.queries_page), Route("/queries/index.html", server.queries_page),
        Route("/queries/{name}", server.stored), Route("/queries/{name}/", server.stored),
        Route("/queries/{name}/index.html", server.stored),
        Route("/dumps", redirect("dumps/")),
        Route("/dumps/", server.dumps_page), Route("/dumps/index.html", server.dumps_page),
        Route("/dump/{name}", server.dump),
        Route("/.well-known/void", server.void),
        Route("/context.jsonld", server.context),
        Route("/{path:path}", server.resource),
    ]
    middleware = [
        Middleware(_Limits),
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                   allow_headers=["Accept", "Content-Type", "If-None-Match"],
                   expose_headers=["Link", "Content-Location", "ETag", "Vary"], max_age=86400),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.documents = docs
    app.state.server = server
    return app

