"""Running queries on the embedded store a build writes (pyoxigraph) or on any SPARQL 1.1 endpoint
(``fetch.py``: a deadline and a size cap per request), and printing the results: an aligned table for
people, or the standard SPARQL 1.1 results formats (JSON, CSV, TSV); CONSTRUCT and DESCRIBE results as Turtle.

The embedded path imports neither rdflib nor an HTTP client, so a query starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    parse_query_results,
    serialize,
)

from ..errors import ServiceError, UsageError

__all__ = ["Results", "format_results", "run_on_endpoint", "run_on_store"]

_FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}


@dataclass
class Results:
    """Query results: ``solutions`` for SELECT, ``triples`` for CONSTRUCT/DESCRIBE, ``boolean`` for ASK."""

    solutions: QuerySolutions | None = None
    triples: list[Any] | None = None
    boolean: bool | None = None


def _wrap(result: Any) -> Results:
    if isinstance(result, QuerySolutions):
        return Results(solutions=result)
    if isinstance(result, QueryBoolean):
        return Results(boolean=bool(result))
    return Results(triples=list(result))


def run_on_store(store: Store, query: str) -> Results:
    """Run a query on the union of all graphs of the embedded store."""
    return _wrap(store.query(query, use_default_graph_as_union=True))


def run_on_endpoint(endpoint: str, query: str, kind: str, *, timeout: float = 60.0, user: str | None = None,
                    password: str | None = None) -> Results:
    """Send a query to a SPARQL 1.1 endpoint (the protocol's POST of a form, within ``timeout`` seconds and
    :data:`~rscao_graph.fetch.MAX_BYTES`). Raises :class:`ServiceError` (exit 3) when it fails, answers
    with an HTTP error, or sends results that are not well-formed SPARQL JSON (or RDF for CONSTRUCT)."""
    import base64
    from urllib.parse import urlencode

    from ..config import version
    from ..fetch import fetch, sparql_json

    what = f"SPARQL endpoint {endpoint}"
    rdf = kind in ("CONSTRUCT", "DESCRIBE")
    headers = {"User-Agent": f"rscao-graph/{version()} (SPARQL client)",
               "Accept": "text/turtle, application/n-triples;q=0.9" if rdf else "application/sparql-results+json",
               "Content-Type": "application/x-www-form-urlencoded"}
    if user:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    response = fetch(endpoint, method="POST", body=urlencode({"query": query}).encode("ascii"), headers=headers,
                     timeout=timeout, what=what)
    if response.status != 200:
        raise ServiceError(f"{what} answered HTTP {response.status} {response.reason}")
    body = response.body
    try:
        if rdf:
            from pyoxigraph import parse

            media = response.headers.get("content-type", "").split(";")[0].strip()
            rdf_format = RdfFormat.from_media_type(media) if media else None
            return Results(triples=list(parse(body, format=rdf_format or RdfFormat.TURTLE)))
        sparql_json(body, what)  # every row checked here: pyoxigraph's solutions are read lazily
        parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise ServiceError(f"{what} sent results that cannot be read: {exc}") from exc
    if isinstance(parsed, QueryBoolean):
        return Results(boolean=bool(parsed))
    return Results(solutions=parsed)


def _cell(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, (NamedNode, Literal)):
        return term.value
    return str(term)


def _table(variables: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_results(results: Results, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Results in ``fmt``: table, json, csv or tsv (SELECT/ASK); CONSTRUCT/DESCRIBE are always Turtle."""
    if results.triples is not None:
        triples = sorted(results.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return serialize(triples, format=RdfFormat.TURTLE, prefixes=prefixes) or b""
    if results.boolean is not None:
        if fmt == "json":
            return b'{"head":{},"boolean":' + (b"true" if results.boolean else b"false") + b"}\n"
        return (b"true" if results.boolean else b"false") + b"\n"
    solutions = results.solutions
    assert solutions is not None
    if fmt in _FORMATS:
        data = solutions.serialize(format=_FORMATS[fmt]) or b""
        return data if data.endswith(b"\n") else data + b"\n"
    if fmt != "table":
        raise UsageError(f"unknown format {fmt!r}")
    variables = [v.value for v in solutions.variables]
    rows = [[_cell(solution[v]) for v in variables] for solution in solutions]
    return _table(variables, rows).encode("utf-8")
