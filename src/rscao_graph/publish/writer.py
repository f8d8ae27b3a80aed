"""Writing a build: the dumps, ``void.ttl``, ``validation.ttl``, the embedded query store and the
descriptions ``serve`` and ``site`` read, into a staged folder that replaces the output folder whole once
everything was written."""

from __future__ import annotations

from pyoxigraph import NamedNode, RdfFormat, serialize

from ..config import Settings
from ..files import OutputFolder, staged_output
from ..query.store import write_store
from ..rdf.dataset import Build, merged_triples
from ..validate import Validation
from ..vocab import PREFIXES
from .describe import describe_build
from .descriptions import content_hash, term_labels, write_descriptions
from .dumps import write_dumps
from .summary import summarise
from .void import void_triples

__all__ = ["write_build"]


def write_build(build: Build, target: OutputFolder, settings: Settings, validation: Validation | None = None,
                *, modified: str | None = None) -> dict[str, int]:
    """Write the dumps, ``void.ttl`` (``modified``: its ``dct:modified`` date), the embedded query store
    (``store/``), given the validation, ``validation.ttl``, and the descriptions of every resource
    (``descriptions/``) into the checked output folder atomically; returns file name -> byte size of the
    files (the store and the descriptions are folders and are not listed)."""
    quads = build.quads()
    triples = merged_triples(quads)
    with staged_output(target) as folder:
        sizes = write_dumps(quads, triples, folder)
        void = void_triples(quads, triples, sizes, settings, modified)
        serialize(void, folder / "void.ttl", RdfFormat.TURTLE, prefixes=PREFIXES)
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
