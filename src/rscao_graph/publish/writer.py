"""Writing a build: the dumps, one framed JSON-LD document per report, ``void.ttl``, ``validation.ttl``,
the files the w3id.org rules point at and the embedded query store, into a staged folder that replaces
the output folder whole once everything was written."""

from __future__ import annotations

from pyoxigraph import RdfFormat, serialize

from ..config import Settings
from ..files import OutputFolder, staged_output
from ..query.store import write_store
from ..rdf.dataset import Build, merged_triples, sort_quads
from ..validate import Validation
from .dumps import write_dumps
from .frames import write_report_documents
from .void import VOID_PREFIXES, void_triples
from .w3id import write_resolvable_files

__all__ = ["write_build"]


def write_build(build: Build, target: OutputFolder, settings: Settings, validation: Validation | None = None,
                *, modified: str | None = None, workers: int = 1) -> dict[str, int]:
    """Write the dumps, one framed JSON-LD document per report (``report/...jsonld``), ``ontology.ttl`` and
    the versioned context (``context/0.1.0.jsonld``; with ``settings.host_url`` also the w3id.org rules,
    ``w3id.htaccess``), ``void.ttl`` (``modified``: its ``dct:modified`` date), the embedded query store
    (``store/``) and, given the validation, ``validation.ttl`` into the checked output folder atomically;
    returns file name -> byte size of the files beside the dumps (the folders ``store/``, ``report/`` and
    ``context/`` are not listed). The per-report documents are framed in up to ``workers``
    processes; the files do not depend on it."""
    quads = build.quads()
    triples = merged_triples(quads)
    with staged_output(target) as folder:
        sizes = write_dumps(quads, triples, folder)
        write_report_documents(((b.iri, sort_quads(b.quads)) for b in build.reports), build.base, folder,
                               workers=workers)
        sizes.update(write_resolvable_files(folder, settings.host_url))
        serialize(void_triples(quads, triples, sizes, settings, modified), folder / "void.ttl", RdfFormat.TURTLE,
                  prefixes=VOID_PREFIXES)
        sizes["void.ttl"] = (folder / "void.ttl").stat().st_size
        write_store(quads, folder)
        if validation is not None:
            report = validation.turtle()
            (folder / "validation.ttl").write_bytes(report)
            sizes["validation.ttl"] = len(report)
    return sizes
