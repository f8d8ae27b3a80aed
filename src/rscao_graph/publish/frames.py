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
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from ..resources import resource_path

__all__ = ["CONTEXT_IRI", "context_document", "report_document", "report_document_path", "write_report_documents"]

#: The stable, versioned IRI of the JSON-LD context; like the ontology's namespace it does not follow
#: the configured base (the terms it defines are the same for every publisher).
CONTEXT_IRI = "https://w3id.org/rscao/context/0.1.0.jsonld"
_RSCAO = "https://w3id.org/rscao/ontology#"


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


def report_document(quads: Iterable[Quad], report_iri: str) -> bytes:
    """The framed, compacted JSON-LD document of one report's named graph (deterministic bytes)."""
    from pyld import jsonld

    triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
    nquads = serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads", "useNativeTypes": True})
    frame = {"@context": context_document()["@context"], "@id": report_iri,
             "parts": {"@embed": "@always"}}
    framed = jsonld.frame(expanded, frame, {"documentLoader": document_loader, "omitGraph": True,
                                            "embed": "@once"})
    framed["@context"] = CONTEXT_IRI
    document = {"@context": CONTEXT_IRI, **{k: v for k, v in framed.items() if k != "@context"}}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_report_documents(reports: Iterable[tuple[str, list[Quad]]], base: str, folder: Path) -> int:
    """Write the framed document of every (report IRI, quads of its graph) into ``folder``; returns how
    many were written."""
    count = 0
    for report_iri, quads in reports:
        path = folder / report_document_path(report_iri, base)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report_document(quads, report_iri))
        count += 1
    return count
