"""Publishing a build to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Every named graph of the build (one per report, and the reference graphs) is sent with ``PUT``, which
replaces the graph whole, so a second run never duplicates anything; the graphs under the build's base
that the store holds and the build no longer has (a report removed since) are deleted with ``DELETE``.
Then the store is asked, through its SPARQL query endpoint, how many triples each graph holds, and any
difference from the build is an error that lists them.

Credentials go as HTTP Basic authentication, or Digest when the store asks for it (Virtuoso's
``sparql-graph-crud-auth``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, RdfFormat, parse, parse_query_results, serialize

from ..errors import ServiceError, UsageError

__all__ = ["PushResult", "StoreTarget", "build_graphs", "push_build", "store_counts"]

_USER_AGENT = "rscao-graph (Graph Store publisher)"


@dataclass(frozen=True)
class StoreTarget:
    """Where to publish: the SPARQL query ``endpoint`` and the Graph Store ``graph_store`` URL."""

    endpoint: str
    graph_store: str
    user: str | None = None
    password: str | None = None
    timeout: float = 120.0


@dataclass(frozen=True)
class PushResult:
    """What ``publish`` did: triples sent per graph, the graphs deleted, and what differs on the store."""

    sent: dict[str, int]
    deleted: list[str]
    differences: list[str] = field(default_factory=list)


def build_graphs(data: Path) -> dict[str, bytes]:
    """The named graphs of the build in ``data`` (from ``dataset.nq``): graph IRI -> its triples as
    N-Triples (which is Turtle too), in the dump's order."""
    path = data / "dataset.nq"
    if not path.is_file():
        raise UsageError(f"no dataset.nq in {data}", hint="run 'rscao-graph build' first, or give --data DIR")
    graphs: dict[str, list[Any]] = defaultdict(list)
    for quad in parse(path=str(path), format=RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, NamedNode):
            graphs[quad.graph_name.value].append(quad.triple)
    return {g: serialize(triples, format=RdfFormat.N_TRIPLES) or b"" for g, triples in sorted(graphs.items())}


class _Client:
    """HTTP to the store: Basic authentication, switching to Digest when a 401 asks for it."""

    def __init__(self, target: StoreTarget) -> None:
        import requests

        self.requests = requests
        self.target = target
        self.session = requests.Session()
        self.session.headers["User-Agent"] = _USER_AGENT
        if target.user:
            self.session.auth = requests.auth.HTTPBasicAuth(target.user, target.password or "")

    def send(self, method: str, url: str, **options: Any) -> Any:
        try:
            response = self.session.request(method, url, timeout=self.target.timeout, **options)
            basic = isinstance(self.session.auth, self.requests.auth.HTTPBasicAuth)
            if response.status_code == 401 and self.target.user and basic:
                # Basic refused: the store may want Digest (Virtuoso refuses Basic without saying so)
                self.session.auth = self.requests.auth.HTTPDigestAuth(self.target.user, self.target.password or "")
                response = self.session.request(method, url, timeout=self.target.timeout, **options)
        except self.requests.RequestException as exc:
            raise ServiceError(f"the triple store at {url.split('?', 1)[0]} could not be reached: {exc}") from exc
        return response

    def select(self, query: str) -> list[dict[str, str]]:
        response = self.send("POST", self.target.endpoint, data={"query": query},
                             headers={"Accept": "application/sparql-results+json"})
        if response.status_code != 200:
            raise ServiceError(f"SPARQL endpoint {self.target.endpoint} answered HTTP {response.status_code} "
                               f"{response.reason}")
        try:
            parsed = parse_query_results(response.content, format=QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise ServiceError(f"SPARQL endpoint {self.target.endpoint} sent results that cannot be read: {exc}") \
                from exc
        if isinstance(parsed, QueryBoolean):
            raise ServiceError(f"SPARQL endpoint {self.target.endpoint} answered a SELECT with a boolean")
        variables = [v.value for v in parsed.variables]
        return [{v: s[v].value for v in variables if s[v] is not None} for s in parsed]


def _graph_url(target: StoreTarget, graph: str) -> tuple[str, dict[str, str]]:
    return target.graph_store, {"graph": graph}


def store_counts(client: _Client, base: str) -> dict[str, int]:
    """Triples per named graph under ``base`` on the store."""
    literal = base.replace("\\", "\\\\").replace('"', '\\"')
    rows = client.select(f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                         f'FILTER(STRSTARTS(STR(?g), "{literal}")) }} GROUP BY ?g')
    return {row["g"]: int(row["n"]) for row in rows if "g" in row and "n" in row}


def push_build(data: Path, base: str, target: StoreTarget, *,
               on_graph: Callable[[str, int], None] | None = None) -> PushResult:
    """Publish the build in ``data`` (IRIs under ``base``) to ``target``; see the module's docstring.
    Raises :class:`ServiceError` (exit 3) when the store fails; the differences found afterwards are in
    the result (the caller decides: ``publish`` exits 3)."""
    graphs = build_graphs(data)
    client = _Client(target)
    before = store_counts(client, base)
    sent: dict[str, int] = {}
    for graph, body in graphs.items():
        url, params = _graph_url(target, graph)
        response = client.send("PUT", url, params=params, data=body,
                               headers={"Content-Type": "text/turtle; charset=utf-8"})
        if response.status_code not in (200, 201, 204):
            raise ServiceError(f"the Graph Store at {target.graph_store} answered HTTP {response.status_code} "
                               f"{response.reason} to PUT {graph}: {response.text[:300]}")
        sent[graph] = body.count(b"\n")
        if on_graph is not None:
            on_graph(graph, sent[graph])
    deleted = sorted(g for g in before if g not in graphs)
    for graph in deleted:
        url, params = _graph_url(target, graph)
        response = client.send("DELETE", url, params=params)
        if response.status_code not in (200, 202, 204, 404):
            raise ServiceError(f"the Graph Store at {target.graph_store} answered HTTP {response.status_code} "
                               f"{response.reason} to DELETE {graph}")
    after = store_counts(client, base)
    differences = [f"{g}: {after.get(g, 0)} triple(s) on the store, {n} in the build"
                   for g, n in sent.items() if after.get(g, 0) != n]
    differences += [f"{g}: {after[g]} triple(s) left on the store after deleting it" for g in deleted if g in after]
    differences += [f"{g}: {after[g]} triple(s) on the store, not in the build" for g in sorted(after)
                    if g not in sent and g not in deleted]
    return PushResult(sent, deleted, differences)
