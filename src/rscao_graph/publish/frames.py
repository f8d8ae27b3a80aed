"""One framed JSON-LD document per report, for web developers, made with a JSON-LD processor (pyld).

Each document is the report's named graph, framed from the report down: its activities, convenor
actions and headings nested under ``parts``, each activity's citations and source segment (with its
selectors) inside it, and everything outside the report's graph (countries, the strategy's concepts,
organisations and places, the sub-region) by ``id``. Keys are the short terms of the project's JSON-LD
context (``ontology/context.jsonld``), which every document names by its versioned IRI
(:data:`CONTEXT_IRI`) rather than repeating it. Report text reads as plain strings (the context sets
``@language: en``), integers and booleans are JSON numbers and booleans, and a date keeps its datatype
(``{"@value": "2019-11", "@type": "xsd:gYearMonth"}``): a month is not turned into a day. Expanding a
document gives back exactly the report's graph (tests/test_frames.py).

Files lie where the report's IRI points: ``{base}report/north-east-asia/2019-09--2020-03`` is
``report/north-east-asia/2019-09--2020-03.jsonld`` in the output folder.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from ..processes import can_fork, fork_pool
from ..resources import resource_path
from ..vocab import CONTEXT_IRI, RDF, XSD

__all__ = ["compact_document", "context_document", "document_loader", "report_document", "report_document_path",
           "write_report_documents"]

_RDF_TYPE = RDF.type.value
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = XSD.string.value, XSD.integer.value, XSD.boolean.value


@cache
def _context_text() -> str:
    return resource_path("ontology", "context.jsonld").read_text(encoding="utf-8")


def context_document() -> dict[str, Any]:
    """The JSON-LD context (``context.jsonld``, served at :data:`CONTEXT_IRI`)."""
    return json.loads(_context_text())  # type: ignore[no-any-return]


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that knows the context offline and fetches nothing else."""
    from pyld.jsonld import JsonLdError

    if url != CONTEXT_IRI:
        raise JsonLdError(f"rscao-graph loads no remote document ({url})", "jsonld.LoadDocumentError",
                          code="loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": context_document()}


def report_document_path(report_iri: str, base: str) -> Path:
    """Where the framed document of a report lies in the output folder, after its IRI."""
    if not report_iri.startswith(base):
        raise ValueError(f"{report_iri} is not under the base {base}")
    return Path(report_iri[len(base):] + ".jsonld")


def _expanded(quads: Iterable[Quad]) -> list[dict[str, Any]]:
    """Expanded JSON-LD of ``quads``' triples, as pyld's ``from_rdf`` with native types makes it (an
    xsd:integer or xsd:boolean as a JSON number or boolean), built straight from the terms: pyld's N-Quads
    parser takes as long as the framing. ``from_rdf`` would also turn RDF lists into ``@list``; here a list
    stays its ``rdf:first``/``rdf:rest`` nodes (report graphs hold none; the ontology's descriptions do),
    the same triples either way; tests/test_frames.py checks the round trip."""
    nodes: dict[str, dict[str, Any]] = {}

    def node_id(term: Any) -> str:
        return term.value if isinstance(term, NamedNode) else f"_:{term.value}"

    for q in quads:
        node = nodes.setdefault(node_id(q.subject), {"@id": node_id(q.subject)})
        o = q.object
        if q.predicate.value == _RDF_TYPE and not isinstance(o, Literal):
            node.setdefault("@type", []).append(node_id(o))
            continue
        if not isinstance(o, Literal):
            value: dict[str, Any] = {"@id": node_id(o)}
        elif o.language:
            value = {"@value": o.value, "@language": o.language}
        elif o.datatype.value == _XSD_STRING:
            value = {"@value": o.value}
        elif o.datatype.value == _XSD_INTEGER and str(int(o.value)) == o.value:
            value = {"@value": int(o.value)}
        elif o.datatype.value == _XSD_BOOLEAN and o.value in ("true", "false"):
            value = {"@value": o.value == "true"}
        else:
            value = {"@value": o.value, "@type": o.datatype.value}
        values = node.setdefault(q.predicate.value, [])
        if value not in values:
            values.append(value)
    return [nodes[key] for key in sorted(nodes)]


def _frame_expanded(report_iri: str, expanded: list[dict[str, Any]]) -> bytes:
    from pyld import jsonld

    frame = {"@context": context_document()["@context"], "@id": report_iri, "parts": {"@embed": "@always"}}
    framed = jsonld.frame(expanded, frame, {"documentLoader": document_loader, "omitGraph": True,
                                            "embed": "@once"})
    document = {"@context": CONTEXT_IRI, **{k: v for k, v in framed.items() if k != "@context"}}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def report_document(quads: Iterable[Quad], report_iri: str) -> bytes:
    """The framed, compacted JSON-LD document of one report's named graph (deterministic bytes)."""
    return _frame_expanded(report_iri, _expanded(quads))


_RESOLVERS = threading.local()


def _context_resolver() -> Any:
    """pyld's context resolver of this thread, which keeps the context once resolved."""
    resolver = getattr(_RESOLVERS, "resolver", None)
    if resolver is None:
        from pyld.context_resolver import ContextResolver

        resolver = _RESOLVERS.resolver = ContextResolver({}, document_loader)
    return resolver


def compact_document(quads: Iterable[Quad]) -> bytes:
    """The compacted JSON-LD document of ``quads``' triples (their graphs left out) with the project's
    context, named by :data:`CONTEXT_IRI` (deterministic bytes): what ``serve`` and ``site`` give as the
    JSON-LD of a resource that is not a report (a report's is its framed document). One node is the
    document itself; several are its ``@graph``."""
    from pyld import jsonld

    # The input is expanded already, and the context resolved once a thread: 1.0 ms a description
    # instead of 1.9 (pyld canonicalises an inline context on every call to look it up), the same bytes.
    options = {"documentLoader": document_loader, "skipExpansion": True, "contextResolver": _context_resolver()}
    compacted = jsonld.compact(_expanded(quads), CONTEXT_IRI, options)
    document = {"@context": CONTEXT_IRI, **{k: v for k, v in compacted.items() if k != "@context"}}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _frame(item: tuple[str, list[dict[str, Any]]]) -> bytes:
    return _frame_expanded(*item)


def write_report_documents(reports: Iterable[tuple[str, list[Quad]]], base: str, folder: Path,
                           workers: int | None = None) -> int:
    """Write the framed document of every (report IRI, quads of its graph) into ``folder``; returns how
    many were written. Framing takes pyld about 0.2 s a report, so many reports are framed in up to
    ``workers`` processes (default: one per core, where processes can be forked; they end with this
    process, even when it is killed: :func:`~rscao_graph.processes.fork_pool`); the files do not depend
    on it."""
    items = [(report_iri, _expanded(quads)) for report_iri, quads in reports]
    workers = min(workers if workers is not None else (os.cpu_count() or 1), max(1, len(items) // 8))
    if workers > 1 and can_fork():
        with fork_pool(workers) as pool:  # its processes end with this one, even when it is killed
            documents = list(pool.map(_frame, items, chunksize=8))
    else:
        documents = [_frame(item) for item in items]
    for (report_iri, _), document in zip(items, documents, strict=True):
        path = folder / report_document_path(report_iri, base)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(document)
    return len(items)
