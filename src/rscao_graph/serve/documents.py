"""Every document a build serves, rendered one way for the server and the static site alike: resource
descriptions in each format, the home page, downloads, the stored queries' pages, the SPARQL form,
VoID, the JSON-LD context and the dump files. The server adds only HTTP (negotiation, headers); the
site writes the same bytes to files.

A report's JSON-LD is the framed document the build wrote for it (``report/{sub-region}/{period}.jsonld``,
``publish.frames``); every other resource's is its description compacted with the same context.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, parse

from ..publish.descriptions import Descriptions
from ..publish.frames import report_document_path
from ..publish.w3id import CONTEXT_PATH
from ..query.stored import StoredQuery, load_queries
from ..vocab import RSCAO, SCHEMA
from .links import Linker
from .pages import downloadable, fingerprint, render, render_dumps, render_home, render_resource
from .rdf import rdf_bytes, triples_bytes
from .sparql import ResultTable

__all__ = ["CONTEXT_ALIAS", "CONTEXT_PATH", "Documents", "query_params"]

#: The JSON-LD context is served at its IRI's path (:data:`CONTEXT_PATH`, ``context/0.1.0.jsonld``) and,
#: the same bytes, at this unversioned alias.
CONTEXT_ALIAS = "context.jsonld"


def query_params(query: StoredQuery, values: dict[str, str]) -> list[dict[str, Any]]:
    """The form fields of a stored query: name, type, need, allowed values, current value."""
    out = []
    for p in query.params:
        need = "required" if p.required and p.default is None else (f"default {p.default}" if p.default else
                                                                     "optional")
        out.append({"name": p.name, "type": p.type.replace("xsd_", "xsd:"), "need": need,
                    "required": p.required and p.default is None, "allowed": query.enumerate.get(p.name, ()),
                    "value": values.get(p.name, p.default or "")})
    return out


class _Cache:
    """A least-recently-used cache of rendered bodies, bounded in bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: tuple[str, str], body: bytes) -> None:
        if len(body) > self.limit // 8:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = body
            self.size += len(body)
            while self.size > self.limit:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped)


class Documents:
    """The documents of the build in ``data`` (a build's output folder)."""

    def __init__(self, data: Path, *, cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.data = data
        self.descriptions = Descriptions(data)
        self.meta = self.descriptions.meta
        self.base = self.descriptions.base
        self.terms: dict[str, str] = self.meta.get("terms", {})
        self.etag_base = f"{self.descriptions.content_hash[:20]}-{fingerprint()[:8]}"
        self.files = downloadable(data)
        #: The reports' document paths -> their IRIs (their JSON-LD is their framed document).
        self.reports = {r["iri"].removeprefix(self.base): r["iri"] for r in self.meta["summary"]["reports"]}
        self._cache = _Cache(cache_bytes)

    def etag(self, key: str) -> str:
        """The strong ETag of a representation (``key`` tells it from the others of the same URL)."""
        return f'"{self.etag_base}-{key}"'

    def _cached(self, key: tuple[str, str], make: Any) -> bytes:
        body = self._cache.get(key)
        if body is None:
            body = make()
            self._cache.put(key, body)
        return body

    def __contains__(self, path: str) -> bool:
        return path in self.descriptions

    def resource(self, path: str, key: str) -> bytes | None:
        """The description of document ``path`` in format ``key`` (html or an RDF format), or ``None``."""
        def make() -> bytes | None:
            description = self.descriptions.get(path)
            if description is None:
                return None
            if key == "html":
                return render_resource(description, self.base, self.terms)
            if key in ("jsonld", "json") and path in self.reports:
                return (self.data / report_document_path(self.reports[path], self.base)).read_bytes()
            return rdf_bytes(description.quads, key)

        body = self._cache.get((path, key))
        if body is None:
            body = make()
            if body is not None:
                self._cache.put((path, key), body)
        return body

    def home(self) -> bytes:
        return self._cached(("", "home"), lambda: render_home(self.meta))

    def dumps(self) -> bytes:
        return self._cached(("", "dumps"), lambda: render_dumps(self.data))

    def queries(self) -> bytes:
        linker = Linker(self.base, "queries")
        listed = [{"name": q.name, "summary": q.summary, "params": q.params, "href": f"{q.name}/index.html"}
                  for q in load_queries().values()]
        return self._cached(("", "queries"), lambda: render("queries.html", title="Stored queries", root=linker.root,
                                                            alternates=[], queries=listed))

    def query_page(self, query: StoredQuery, values: dict[str, str] | None = None, *,
                   table: ResultTable | None = None, error: str | None = None, formats: dict[str, str] | None = None
                   ) -> bytes:
        """The page of a stored query: its form (with ``values``), and results or an error once run."""
        linker = Linker(self.base, f"queries/{query.name}")
        return render("query.html", title=query.name, root=linker.root, alternates=[], query=query,
                      params=query_params(query, values or {}), table=table, error=error, result_formats=formats or {})

    def sparql_form(self) -> bytes:
        linker = Linker(self.base, "sparql")
        example = (f"PREFIX rscao: <{RSCAO}>\nPREFIX schema: <{SCHEMA}>\n\n"
                   "SELECT ?activity ?name ?country WHERE {\n  ?activity a rscao:Activity ; schema:name ?name ;\n"
                   "            rscao:reportedCountry ?country .\n}\nORDER BY ?country ?name\nLIMIT 20\n")
        return self._cached(("", "sparql"), lambda: render("sparql.html", title="SPARQL", root=linker.root,
                                                           alternates=[], example=example))

    def void(self, key: str) -> bytes:
        """The VoID description (``void.ttl``) in format ``key`` (ttl: the file's own bytes)."""
        def make() -> bytes:
            data = (self.data / "void.ttl").read_bytes()
            if key == "ttl":
                return data
            return triples_bytes(list(parse(data, format=RdfFormat.TURTLE)), key)

        return self._cached(("void", key), make)

    def file(self, name: str) -> Path | None:
        """A file of the build served under ``dump/`` (a dump, ``void.ttl``, ``validation.ttl``), if any."""
        return self.data / name if name in self.files else None

    def context(self) -> Path | None:
        """The versioned JSON-LD context the build wrote (``context/0.1.0.jsonld``), if any."""
        path = self.data / CONTEXT_PATH
        return path if path.is_file() else None

    def close(self) -> None:
        self.descriptions.close()
