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
under ``/dump/``, ``/.well-known/void`` and the JSON-LD context at its IRI's path
(``/context/0.1.0.jsonld``, also ``/context.jsonld``). A report's JSON-LD is its framed document, every
other resource's its description compacted with that context. Request bodies are bounded; the server
fetches nothing a request names.

The server serves one build for as long as it runs: the generation of the output folder it opened at
start (held by a descriptor and a shared lock, :func:`~rscao_graph.query.store.held_generation`, and
reached by its query workers through that descriptor). A build that replaces the folder meanwhile changes
nothing it answers, pages, queries and dumps alike, and leaves the held generation on disk (the next build
after the server stops removes it). The new build is served once the server is started again.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from anyio import to_thread
from pyoxigraph import Store
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import RscaoError, UsageError
from ..query.resolve import Resolver
from ..query.store import STORE_DIR, Generation, held_generation
from ..query.stored import bind_query, load_queries
from .documents import CONTEXT_ALIAS, CONTEXT_PATH, Documents
from .http import RequestLimits, error, negotiate, represent, root
from .links import Linker
from .negotiation import (
    DESCRIPTION_FORMATS,
    FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    SERVICE_FORMATS,
    Format,
    by_extension,
)
from .pages import render
from .rdf import triples_bytes
from .sparql import SD_PREFIXES, format_keys, read_query_request, result_table, service_description
from .workers import Limits, QueryPool, QueryRefused, check_query

__all__ = ["create_app"]

_INDEX = re.compile(r"^(?P<doc>.+)/index\.(?P<ext>[a-z]+)$")


def _links(request: Request, doc: str, sent: Format | None) -> str:
    up = root(request)
    parts = [f'<{up}{quote(doc)}/index.{f.extension}>; rel="alternate"; type="{f.media_type}"'
             for f in DESCRIPTION_FORMATS if f is not sent and f.key not in ("json", "txt")]
    parts.append(f'<{up}{quote(doc)}/index.ttl>; rel="describedby"; type="text/turtle"')
    parts.append(f'<{up}.well-known/void>; rel="http://rdfs.org/ns/void#inDataset"')
    return ", ".join(parts)


class Server:
    """The request handlers over one build's :class:`Documents` and a :class:`QueryPool`."""

    def __init__(self, docs: Documents, limits: Limits, workers: int, resolver: Resolver) -> None:
        self.docs = docs
        self.limits = limits
        self.workers = workers
        self.resolver = resolver
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
                return error(request, 404, f"no document {path}")
        elif (found := by_extension(path, DESCRIPTION_FORMATS)) is not None and found[0] in docs:
            doc, fixed = found
        else:
            doc = path
        if "\x00" in doc or any(part in ("", ".", "..") for part in doc.split("/")) or doc not in docs:
            return error(request, 404, f"nothing is known of {docs.base}{doc}")
        up = root(request)
        alternatives = [(f, f"{up}{quote(doc)}/index.{f.extension}") for f in DESCRIPTION_FORMATS]
        negotiated = fixed is None
        fmt = fixed
        if fmt is None:
            chosen = negotiate(request, DESCRIPTION_FORMATS)
            if isinstance(chosen, str):
                return error(request, 400, f"unknown format {chosen!r}; one of "
                              f"{', '.join(f.key for f in DESCRIPTION_FORMATS)}", alternatives)
            if chosen is None:
                return error(request, 406, f"no acceptable representation of {docs.base}{doc}", alternatives)
            fmt = chosen
        links = {"Link": _links(request, doc, fmt)}
        if not folder and fmt.key == "html" and fixed is None:
            return Response(None, 303, headers={**links, "Vary": "Accept",
                                                "Location": f"{up}{quote(doc)}/index.html"})
        body = docs.resource(doc, fmt.key)
        assert body is not None
        if negotiated:
            links["Content-Location"] = f"{up}{quote(doc)}/index.{fmt.extension}"
        return represent(request, docs, body, fmt, fmt.key, negotiated=negotiated, headers=links)

    # --- pages of the build ---------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        chosen = negotiate(request, (FORMATS["html"], *DESCRIPTION_FORMATS[1:]))
        if isinstance(chosen, str) or chosen is None:
            return error(request, 406, "the home page is HTML; the dataset's description is at /dataset",
                          [(FORMATS["html"], root(request)), (FORMATS["ttl"], f"{root(request)}.well-known/void")])
        if chosen.key != "html":
            return Response(None, 303, headers={"Vary": "Accept", "Location": f"{root(request)}dataset"})
        return represent(request, self.docs, self.docs.home(), chosen, "home", negotiated=True)

    def _page(self, request: Request, name: str, body: bytes) -> Response:
        """A page that is HTML only (downloads, the stored queries' list, the SPARQL form)."""
        return represent(request, self.docs, body, FORMATS["html"], name, negotiated=False)

    async def dumps_page(self, request: Request) -> Response:
        return self._page(request, "dumps", self.docs.dumps())

    async def queries_page(self, request: Request) -> Response:
        return self._page(request, "queries", self.docs.queries())

    async def sparql_page(self, request: Request) -> Response:
        return self._page(request, "sparql-form", self.docs.sparql_form())

    async def void(self, request: Request) -> Response:
        offered = (FORMATS["ttl"], FORMATS["nt"], FORMATS["jsonld"], FORMATS["rdf"], FORMATS["html"])
        chosen = negotiate(request, offered)
        if isinstance(chosen, str) or chosen is None:
            return error(request, 406, "the dataset description is RDF",
                          [(f, f"{root(request)}.well-known/void?format={f.key}") for f in offered])
        if chosen.key == "html":
            return Response(None, 303, headers={"Vary": "Accept", "Location": f"{root(request)}dataset/index.html"})
        return represent(request, self.docs, self.docs.void(chosen.key), chosen, f"void-{chosen.key}",
                          negotiated=True)

    async def dump(self, request: Request) -> Response:
        name = request.path_params["name"]
        path = self.docs.file(name)
        if path is None:
            return error(request, 404, f"no file {name} in this build")
        media = self.docs.files[name][0]
        fmt = next((f for f in FORMATS.values() if f.media_type == media), FORMATS["ttl"])
        return represent(request, self.docs, path.read_bytes(), fmt, f"file-{name}", negotiated=False)

    async def context(self, request: Request) -> Response:
        path = self.docs.context()
        if path is None:
            return error(request, 404, "this build has no JSON-LD context")
        return represent(request, self.docs, path.read_bytes(), FORMATS["jsonld"], "context", negotiated=False)

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
            return error(request, exc.status, exc.message)
        if asked is None:
            return self._service_description(request)
        result_fmt = negotiate(request, RESULT_FORMATS)
        graph_fmt = negotiate(request, GRAPH_FORMATS)
        if isinstance(result_fmt, str) and isinstance(graph_fmt, str):
            return error(request, 400, f"unknown format {result_fmt!r}")
        result_key = result_fmt.key if isinstance(result_fmt, Format) else None
        graph_key = graph_fmt.key if isinstance(graph_fmt, Format) else None
        try:
            answer = await self._run(asked.query, format_keys(result_key, graph_key), asked.default_graphs,
                                     asked.named_graphs)
        except QueryRefused as exc:
            return error(request, exc.status, exc.message)
        wanted = result_key if answer.kind != "graph" else graph_key
        if wanted is None:
            offered = RESULT_FORMATS if answer.kind != "graph" else GRAPH_FORMATS
            return error(request, 406, f"the {answer.kind} cannot be given in an acceptable format",
                          [(f, f"{root(request)}sparql?{urlencode({'query': asked.query, 'format': f.key})}")
                           for f in offered])
        if wanted == "html":
            table = result_table(answer.body, Linker(self.docs.base, ""))
            page = render("sparql_results.html", title="SPARQL results", root=root(request), alternates=[],
                          query=asked.query, error=None, boolean=table if isinstance(table, bool) else None,
                          table=None if isinstance(table, bool) else table)
            return Response(page, 200, headers={"Vary": "Accept"}, media_type=FORMATS["html"].content_type)
        return Response(answer.body, 200, headers={"Vary": "Accept"}, media_type=FORMATS[answer.format].content_type)

    def _service_description(self, request: Request) -> Response:
        chosen = negotiate(request, SERVICE_FORMATS)
        if isinstance(chosen, str) or chosen is None:
            return error(request, 406, "the service description is RDF", [(f, f"{root(request)}sparql?format="
                                                                            f"{f.key}") for f in SERVICE_FORMATS])
        if chosen.key == "html":
            return Response(None, 303, headers={"Vary": "Accept", "Location": f"{root(request)}sparql/index.html"})
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
            return error(request, 404, f"no stored query {name!r}; /queries/ lists them")
        values = {k: v for k, v in request.query_params.items() if k not in ("format", "run") and v != ""}
        twice = sorted(k for k in values if len(request.query_params.getlist(k)) > 1)
        if twice:
            return error(request, 400, f"parameter {', '.join(twice)} is given twice: give each once")
        # the folder is the page (HTML first for */*), the bare name the results (SPARQL JSON first)
        chosen = negotiate(request, (RESULT_FORMATS[-1], *RESULT_FORMATS[:-1]) if folder else RESULT_FORMATS)
        if isinstance(chosen, str):
            return error(request, 400, f"unknown format {chosen!r}; one of csv, tsv, json, xml, html")
        if chosen is None:
            return error(request, 406, f"the results of {name} are SPARQL results or HTML",
                          [(f, f"{root(request)}queries/{name}?format={f.key}") for f in RESULT_FORMATS])
        if chosen.key == "html" and not folder and "format" not in request.query_params:
            target = f"{root(request)}queries/{name}/" + (f"?{request.url.query}" if request.url.query else "")
            return Response(None, 303, headers={"Vary": "Accept", "Location": target})
        run = chosen.key != "html" or bool(request.url.query)
        if not run:
            return represent(request, self.docs, self.docs.query_page(query), chosen, f"query-{name}",
                              negotiated=True)
        try:
            # names, codes and slugs resolved to IRIs as on the command line (reading the store: a thread)
            text = bind_query(query, await to_thread.run_sync(self.resolver.resolve, query, values))
        except RscaoError as exc:
            if chosen.key != "html":
                return error(request, 400, exc.message)
            return Response(self.docs.query_page(query, values, error=str(exc)), 400,
                            media_type=chosen.content_type)
        try:
            answer = await self._run(text, format_keys(chosen.key, None))
        except QueryRefused as exc:
            if chosen.key != "html":
                return error(request, exc.status, exc.message)
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


def _open_generation(data: Path, cache_bytes: int, stack: contextlib.ExitStack) -> tuple[Generation, Documents,
                                                                                          Store]:
    """Hold one generation of the build in ``data`` (closed with ``stack``) and open its documents and
    store through it. The files are opened by the names the held folder has while they are opened; a
    generation moved by a build meanwhile is let go and the next one opened."""
    for _ in range(5):
        with contextlib.ExitStack() as attempt:
            try:
                generation = attempt.enter_context(held_generation(data))
            except OSError as exc:
                raise UsageError(f"no build in {data} ({exc.strerror})",
                                 hint="run 'rscao-graph build' first, or give --data DIR") from exc
            name = os.path.realpath(generation.path)
            try:
                docs = Documents(generation.path, cache_bytes=cache_bytes)
            except UsageError as exc:  # named after the folder asked for, not the descriptor holding it
                raise UsageError(exc.message.replace(str(generation.path), str(data)), hint=exc.hint) from exc
            attempt.callback(docs.close)
            store = generation.store()  # a clear error now, not at the first query
            if os.path.realpath(generation.path) == name:
                stack.push(attempt.pop_all())
                return generation, docs, store
    raise UsageError(f"the build in {data} was replaced again and again while it was being opened",
                     hint="start the server again")


def create_app(data: Path, *, limits: Limits | None = None, workers: int = 2,
               cache_bytes: int = 64 * 1024 * 1024) -> Starlette:
    """The ASGI application serving the build in ``data``: ``workers`` query processes within ``limits``.
    It holds the generation of ``data`` it opened until it stops (see the module's docstring). Raises
    :class:`~rscao_graph.errors.UsageError` when ``data`` is no build with descriptions."""
    from ..query.resolve import solution_rows
    from ..query.run import run_on_store
    from ..reference import load_reference

    held = contextlib.ExitStack()
    generation, docs, store = _open_generation(data, cache_bytes, held)
    # parameters of stored queries are resolved on the same generation
    resolver = Resolver(lambda text: solution_rows(run_on_store(store, text).solutions or ()), load_reference())
    server = Server(docs, limits or Limits(), workers, resolver)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            # the workers reach the held generation through this process's descriptor, not by its name
            server.pool = await to_thread.run_sync(
                lambda: QueryPool(generation.shared_path() / STORE_DIR, workers, server.limits))
            yield
        finally:
            pool, server.pool = server.pool, None
            if pool is not None:
                await to_thread.run_sync(pool.close)
            held.close()

    def redirect(target: str) -> Any:
        async def go(request: Request) -> Response:
            return Response(None, 308, headers={"Location": f"{root(request)}{target}"})
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
        Route(f"/{CONTEXT_PATH}", server.context), Route(f"/{CONTEXT_ALIAS}", server.context),
        Route("/{path:path}", server.resource),
    ]
    middleware = [
        Middleware(RequestLimits),
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                   allow_headers=["Accept", "Content-Type", "If-None-Match"],
                   expose_headers=["Link", "Content-Location", "ETag", "Vary"], max_age=86400),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.documents = docs
    app.state.server = server
    return app

