"""Writing a build: the dumps, one framed JSON-LD document per report, ``void.ttl``, ``validation.ttl``,
the files the w3id.org rules point at, the embedded query store and the descriptions ``serve`` and
``site`` read, into a staged folder that replaces the output folder whole once everything was written."""

from __future__ import annotations

from pyoxigraph import NamedNode, RdfFormat, serialize

from ..config import Settings
from ..files import OutputFolder, staged_output
from ..query.store import write_store
from ..rdf.dataset import Build, merged_triples, sort_quads
from ..validate import Validation
from .describe import describe_build
from .descriptions import content_hash, term_labels, write_descriptions
from .dumps import write_dumps
from .frames import write_report_documents
from .summary import summarise
from .void import VOID_PREFIXES, void_triples
from .w3id import write_resolvable_files

__all__ = ["write_build"]


def write_build(build: Build, target: OutputFolder, settings: Settings, validation: Validation | None = None,
                *, modified: str | None = None, workers: int = 1) -> dict[str, int]:
    """Write the dumps, one framed JSON-LD document per report (``report/...jsonld``), ``ontology.ttl`` and
    the versioned context (``context/0.1.0.jsonld``; with ``settings.host_url`` also the w3id.org rules,
    ``w3id.htaccess``), ``void.ttl`` (``modified``: its ``dct:modified`` date), the embedded query store
    (``store/``), given the validation, ``validation.ttl``, and the descriptions of every resource
    (``descriptions/``) into the checked output folder atomically; returns file name -> byte size of the
    files beside the dumps (the folders ``store/``, ``report/``, ``context/`` and ``descriptions/`` are not
    listed). The per-report documents are framed in up to ``workers`` processes; the files do not depend
    on it."""
    quads = build.quads()
    triples = merged_triples(quads)
    with staged_output(target) as folder:
        sizes = write_dumps(quads, triples, folder)
        write_report_documents(((b.iri, sort_quads(b.quads)) for b in build.reports), build.base, folder,
                               workers=workers)
        sizes.update(write_resolvable_files(folder, settings.host_url))
        void = void_triples(quads, triples, sizes, settings, modified)
        serialize(void, folder / "void.ttl", RdfFormat.TURTLE, prefixes=VOID_PREFIXES)
        sizes["void.ttl"] = (folder / "void.ttl").stat().st_size
        write_store(quads, folder)
        if validation is not None:
            report = validation.turtle()
            (folder / "validation.ttl").write_bytes(report)
            sizes["validation.ttl"] = len(report)
        findings = validation.findings if validation is not None else ()
        graphs = sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode)})
        write_descriptions(folder, describe_build(quads, settings.base_iri, description=void, findings=findings),
                           {"base_iri": settings.base_iri, "content_hash": content_hash(folder),
                            "summary": summarise(quads), "terms": term_labels(quads),
                            "graphs": graphs})
    return sizes
