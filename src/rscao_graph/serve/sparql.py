"""The SPARQL 1.1 Protocol at ``/sparql``: reading a query request (GET, POST URL-encoded, POST direct),
the service description a bare GET answers with (only what this endpoint does), and results as tables
for people.

A request's ``default-graph-uri`` and ``named-graph-uri`` are honoured; without them the default graph is
the union of all graphs. Updates are refused: the endpoint is read-only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    Triple,
    parse_query_results,
)

from ..iris import Minter
from ..vocab import DCT, RDF, RDFS, SD, VOID, W3C_FORMATS
from .links import Linker
from .negotiation import FORMATS, GRAPH_FORMATS, RESULT_FORMATS
from .view import Value
from .workers import Limits, QueryRefused

__all__ = ["SD_PREFIXES", "QueryRequest", "ResultTable", "read_query_request", "result_table", "service_description"]

#: Result and graph formats by format key, as the W3C's format IRIs name them.
_FORMAT_IRIS = {"srj": W3C_FORMATS.SPARQL_Results_JSON, "srx": W3C_FORMATS.SPARQL_Results_XML,
                "csv": W3C_FORMATS.SPARQL_Results_CSV, "tsv": W3C_FORMATS.SPARQL_Results_TSV,
                "ttl": W3C_FORMATS.Turtle, "nt": W3C_FORMATS["N-Triples"], "jsonld": W3C_FORMATS["JSON-LD"],
                "rdf": W3C_FORMATS.RDF_XML}
#: The prefixes of a service description.
SD_PREFIXES = {"sd": str(SD), "formats": str(W3C_FORMATS), "void": str(VOID), "dct": str(DCT), "rdfs": str(RDFS)}


@dataclass(frozen=True)
class QueryRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _iris(values: Sequence[str], name: str) -> tuple[str, ...]:
    for value in values:
        try:
            NamedNode(value)
        except ValueError:
            raise QueryRefused(400, f"{name} {value!r} is not an IRI") from None
    return tuple(values)


def read_query_request(method: str, params: Mapping[str, list[str]], content_type: str | None,
                       body: bytes) -> QueryRequest | None:
    """The query of a protocol request, or ``None`` for a bare GET (no ``query``). Raises
    :class:`QueryRefused`: 400 for an update, several queries or a malformed request, 415 for a POST
    body of another media type."""
    values = {k: list(v) for k, v in params.items()}
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if method == "POST":
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise QueryRefused(400, "the form is not UTF-8") from None
            for key, items in form.items():
                values.setdefault(key, []).extend(items)
        elif media == "application/sparql-query":
            try:
                values.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                raise QueryRefused(400, "the query is not UTF-8") from None
        elif media == "application/sparql-update":
            raise QueryRefused(400, "this endpoint is read-only: SPARQL Update is not accepted")
        else:
            raise QueryRefused(415, "POST a query as application/x-www-form-urlencoded (query=...) or as "
                               "application/sparql-query")
    if "update" in values or "using-graph-uri" in values or "using-named-graph-uri" in values:
        raise QueryRefused(400, "this endpoint is read-only: SPARQL Update is not accepted")
    queries = values.get("query", [])
    if not queries:
        return None
    if len(queries) > 1:
        raise QueryRefused(400, "give one query (the request has several 'query' parameters)")
    if not queries[0].strip():
        raise QueryRefused(400, "the query is empty")
    return QueryRequest(queries[0], _iris(values.get("default-graph-uri", []), "default-graph-uri"),
                        _iris(values.get("named-graph-uri", []), "named-graph-uri"))


def service_description(endpoint: str, base: str, graphs: Sequence[str], limits: Limits) -> list[Triple]:
    """What the endpoint at ``endpoint`` does, in the SPARQL 1.1 Service Description vocabulary: the
    language, the result formats, the union default graph, the named graphs; the limits in words."""
    service, described = NamedNode(endpoint), NamedNode(Minter(base).dataset())
    dataset, default = BlankNode("dataset"), BlankNode("default")
    out = [Triple(service, RDF.type, SD.Service), Triple(service, SD.endpoint, service),
           Triple(service, SD.supportedLanguage, SD.SPARQL11Query),
           Triple(service, SD.feature, SD.UnionDefaultGraph),
           Triple(service, SD.defaultDataset, dataset), Triple(dataset, RDF.type, SD.Dataset),
           Triple(dataset, SD.defaultGraph, default), Triple(default, RDF.type, SD.Graph),
           Triple(dataset, RDFS.seeAlso, described), Triple(described, VOID.sparqlEndpoint, service),
           Triple(service, DCT.description, Literal(
               "Read-only SPARQL 1.1 Query over the RSCAO reports; the default graph is the union of all named "
               f"graphs. A query runs for at most {limits.timeout:g} s and is stopped after that; results larger "
               f"than {limits.max_bytes} bytes are refused; SERVICE is not supported; updates are refused.",
               language="en"))]
    for key in (*(f.key for f in RESULT_FORMATS if f.key != "html"), *(f.key for f in GRAPH_FORMATS)):
        out.append(Triple(service, SD.resultFormat, _FORMAT_IRIS[key]))
    for i, graph in enumerate(graphs):
        named = BlankNode(f"g{i}")
        out += [Triple(dataset, SD.namedGraph, named), Triple(named, RDF.type, SD.NamedGraph),
                Triple(named, SD.name, NamedNode(graph))]
    return out


@dataclass(frozen=True)
class ResultTable:
    variables: tuple[str, ...]
    rows: tuple[tuple[Value | None, ...], ...]


def _cell(term: Any, linker: Linker) -> Value | None:
    if term is None:
        return None
    if isinstance(term, NamedNode):
        ours = term.value.startswith(linker.base)
        text = term.value[len(linker.base):] if ours else linker.fallback_label(term.value)
        return Value(text or term.value, linker.href(term.value), title=term.value)
    if isinstance(term, Literal):
        note = term.language or ("" if term.datatype.value.endswith("#string") else
                                 term.datatype.value.rsplit("#", 1)[-1])
        return Value(term.value, note=note)
    return Value(str(term))


def result_table(body: bytes, linker: Linker) -> ResultTable | bool:
    """SPARQL JSON results as a table of linked values (or the answer of an ASK)."""
    parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
    if isinstance(parsed, QueryBoolean):
        return bool(parsed)
    variables = tuple(v.value for v in parsed.variables)
    return ResultTable(variables, tuple(tuple(_cell(s[v], linker) for v in variables) for s in parsed))


def format_keys(result_key: str | None, graph_key: str | None) -> tuple[str, str]:
    """The worker's (results, graph) format keys; HTML tables are made from SPARQL JSON."""
    result = "srj" if result_key in (None, "html") else result_key
    return result, graph_key or "ttl"


def media_type(key: str) -> str:
    return FORMATS[key].content_type
