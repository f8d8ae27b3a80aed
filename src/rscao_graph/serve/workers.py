"""SPARQL queries in worker processes that can be stopped: every query runs in a process of a small
pool holding the build's store open read-only; one that outlives its time is killed (SIGKILL: the
query really stops, whatever it was doing) and a fresh process takes its place.

Each worker's results are serialised into a buffer that refuses to grow past ``max_bytes``, so a query
whose answer is too large is stopped as it serialises; each worker's heap is capped (``RLIMIT_DATA``).
Queries are checked before they run: a ``SERVICE`` clause (which would make the server fetch an IRI
given in the request) is refused, as is anything but a query (the store is opened read-only anyway).

Workers end with the server, even when it is killed (:func:`~rscao_graph.processes.die_with_parent`).
The kernel kills them when the *thread* that started them ends, so they are all started by one thread
that lives as long as the pool (a request's thread, or anyio's, may end at any time).
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import queue
import re
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any, cast

from ..processes import die_with_parent

__all__ = ["Answer", "Limits", "QueryPool", "QueryRefused", "check_query", "defines_dataset"]

log = logging.getLogger("rscao_graph")

_STRIP = re.compile(r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"'''
                    r"""|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*""")
_WORD = r"(?<![\w:?$.@\-])({})(?![\w:\-])"
_SERVICE = re.compile(_WORD.format("SERVICE"), re.IGNORECASE)
_UPDATE = re.compile(_WORD.format("INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH"), re.IGNORECASE)
_KIND = re.compile(_WORD.format("SELECT|ASK|CONSTRUCT|DESCRIBE"), re.IGNORECASE)
_FROM = re.compile(_WORD.format("FROM"), re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """What a query may take: ``timeout`` seconds, ``max_bytes`` of results, ``memory`` bytes of heap."""

    timeout: float = 10.0
    max_bytes: int = 16 * 1024 * 1024
    memory: int = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class Answer:
    """A query's answer: ``kind`` (solutions, boolean or graph), the format key and the bytes."""

    kind: str
    format: str
    body: bytes


class QueryRefused(Exception):
    """A query that was not run or not finished; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def defines_dataset(text: str) -> bool:
    """Does the query name its dataset (``FROM``, ``FROM NAMED``)? Then the union default graph is not used.

    >>> defines_dataset("SELECT * FROM <http://g> { ?s ?p ?o }"), defines_dataset("SELECT * { ?s ?p 'FROM' }")
    (True, False)
    """
    return _FROM.search(_STRIP.sub(" ", text)) is not None


def check_query(text: str) -> str:
    """The query form (SELECT, ASK, CONSTRUCT, DESCRIBE) of ``text``, after refusing what must not run:
    an update, a ``SERVICE`` clause. Strings, IRIs and comments are skipped, so a word inside them counts
    for nothing. Raises :class:`QueryRefused` (400).

    >>> check_query("SELECT * { ?s ?p 'SERVICE' }")
    'SELECT'
    >>> check_query("SELECT * { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    rscao_graph.serve.workers.QueryRefused: SERVICE is not allowed: this endpoint queries its own data only
    """
    bare = _STRIP.sub(" ", text)
    if _SERVICE.search(bare):
        raise QueryRefused(400, "SERVICE is not allowed: this endpoint queries its own data only")
    if _UPDATE.search(bare):
        raise QueryRefused(400, "this endpoint is read-only: SPARQL Update is not accepted")
    kind = _KIND.search(bare)
    if kind is None:
        raise QueryRefused(400, "no SELECT, ASK, CONSTRUCT or DESCRIBE query found")
    return kind.group(1).upper()


class _TooLarge(Exception):
    pass


class _Bounded(io.RawIOBase):
    """A byte buffer that raises once more than ``limit`` bytes are written to it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.size += len(chunk)
        if self.size > self.limit:
            raise _TooLarge()
        self.parts.append(chunk)
        return len(chunk)

    def value(self) -> bytes:
        return b"".join(self.parts)


def _answer(result: Any, formats: tuple[str, str], max_bytes: int) -> tuple[str, str, bytes]:
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse, serialize

    results = {"srj": QueryResultsFormat.JSON, "srx": QueryResultsFormat.XML, "csv": QueryResultsFormat.CSV,
               "tsv": QueryResultsFormat.TSV}
    out = _Bounded(max_bytes)
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        kind = "solutions" if isinstance(result, QuerySolutions) else "boolean"
        result.serialize(cast(IO[bytes], out), results[formats[0]])
        return kind, formats[0], out.value()
    graph_format = formats[1]
    result.serialize(cast(IO[bytes], out), RdfFormat.N_TRIPLES)
    if graph_format == "nt":
        return "graph", graph_format, out.value()
    from pyoxigraph import DefaultGraph, Quad

    from ..publish.jsonld import jsonld_document
    from ..rdf.dataset import merged_triples
    from ..vocab import PREFIXES

    triples = merged_triples(Quad(t.subject, t.predicate, t.object, DefaultGraph())
                             for t in parse(out.value(), format=RdfFormat.N_TRIPLES))
    if graph_format in ("jsonld", "json"):
        body = jsonld_document(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    else:
        rdf = {"ttl": RdfFormat.TURTLE, "rdf": RdfFormat.RDF_XML}[graph_format]
        body = serialize(triples, format=rdf, prefixes=PREFIXES) or b""
    if len(body) > max_bytes:
        raise _TooLarge()
    return "graph", graph_format, body


def _serve(connection: Connection, store_path: str, max_bytes: int, memory: int, parent: int) -> None:
    """A worker process: answer queries on the store until the pipe closes (or ``parent`` dies)."""
    import resource

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory:
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    from pyoxigraph import NamedNode, Store

    store = Store.read_only(store_path)
    while True:
        try:
            query, formats, default_graphs, named_graphs, union = connection.recv()
        except (EOFError, OSError):
            return
        try:
            options: dict[str, Any] = {}
            if default_graphs:
                options["default_graph"] = [NamedNode(g) for g in default_graphs]
            elif union:
                options["use_default_graph_as_union"] = True
            if named_graphs:
                options["named_graphs"] = [NamedNode(g) for g in named_graphs]
            result = store.query(query, **options)
            connection.send(("ok", *_answer(result, formats, max_bytes)))
        except SyntaxError as exc:
            connection.send(("syntax", str(exc)))
        except _TooLarge:
            connection.send(("too-large", ""))
        except Exception as exc:  # a failing query must not end its worker
            connection.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context: Any, store: Path, limits: Limits) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, str(store), limits.max_bytes, limits.memory,
                                                            os.getpid()),
                                       daemon=True, name="rscao-graph query worker")
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive() and self.process.pid is not None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(5)
        self.connection.close()


class QueryPool:
    """``workers`` processes answering queries on the store at ``store`` within ``limits``."""

    def __init__(self, store: Path, workers: int = 2, limits: Limits | None = None) -> None:
        self.store = store
        self.limits = limits or Limits()
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._starts: queue.Queue[bool] = queue.Queue()  # True: start a worker; False: the pool is closed
        self._started = threading.Event()
        self._failures: list[BaseException] = []  # why the first workers could not start
        self._starter = threading.Thread(target=self._start_workers, args=(workers,), daemon=True,
                                         name="rscao-graph query workers")
        self._starter.start()
        self._started.wait()
        if self._failures:
            self.close()
            raise self._failures[0]

    def _start_workers(self, first: int) -> None:
        """The thread that starts every worker, the first ``first`` before the pool is ready, then one for
        each that was stopped, until the pool is closed: the workers die with this thread."""
        try:
            for _ in range(first):
                self._add()
        except BaseException as exc:  # the pool's creator raises it
            self._failures.append(exc)
            return
        finally:
            self._started.set()
        while self._starts.get():
            try:
                self._add()
            except Exception:  # the pool goes on with one worker fewer
                log.exception("a query worker could not be started")

    def _add(self) -> None:
        with self._lock:
            if self._closed:
                return
            worker = _Worker(self._context, self.store, self.limits)
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        self._starts.put(True)

    def run(self, query: str, formats: tuple[str, str], default_graphs: Sequence[str] = (),
            named_graphs: Sequence[str] = ()) -> Answer:
        """Run ``query``: SELECT/ASK results in ``formats[0]`` (srj, srx, csv, tsv), CONSTRUCT/DESCRIBE in
        ``formats[1]`` (ttl, nt, jsonld, rdf). The default graph is the union of all graphs unless the
        request (``default_graphs``) or the query (``FROM``) names it. Raises :class:`QueryRefused`: 400 for
        a query that is not valid, 503 when it outlives the timeout, its results exceed the bound or no
        worker is free."""
        deadline = time.monotonic() + self.limits.timeout
        try:
            worker = self._idle.get(timeout=self.limits.timeout)
        except queue.Empty:
            raise QueryRefused(503, f"every query worker stayed busy for {self.limits.timeout:g} s; "
                               "try again later") from None
        try:
            union = not default_graphs and not defines_dataset(query)
            worker.connection.send((query, formats, list(default_graphs), list(named_graphs), union))
            if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                self._retire(worker)
                raise QueryRefused(503, f"the query ran longer than {self.limits.timeout:g} s and was stopped")
            status, *rest = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._retire(worker)
            raise QueryRefused(500, "the query stopped its worker (it may have needed more memory than "
                               "allowed)") from None
        self._idle.put(worker)
        if status == "ok":
            kind, fmt, body = rest
            return Answer(kind, fmt, body)
        if status == "syntax":
            raise QueryRefused(400, f"the query is not valid SPARQL: {rest[0]}")
        if status == "too-large":
            raise QueryRefused(503, f"the results are larger than {self.limits.max_bytes:,} bytes; ask for less "
                               "(LIMIT)")
        raise QueryRefused(500, f"the query failed: {rest[0]}")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        self._starts.put(False)
        for worker in workers:
            worker.stop()
