"""Writing a build: the dumps, ``void.ttl``, ``validation.ttl`` and the embedded query store, into a
staged folder that replaces the output folder whole once everything was written."""

from __future__ import annotations

from pyoxigraph import RdfFormat, serialize

from ..config import Settings
from ..files import OutputFolder, staged_output
from ..query.store import write_store
from ..rdf.dataset import Build, merged_triples
from ..validate import Validation
from ..vocab import PREFIXES
from .dumps import write_dumps
from .void import void_triples

__all__ = ["write_build"]


def write_build(build: Build, target: OutputFolder, settings: Settings, validation: Validation | None = None,
                *, modified: str | None = None) -> dict[str, int]:
    """Write the dumps, ``void.ttl`` (``modified``: its ``dct:modified`` date), the embedded query store
    (``store/``) and, given the validation, ``validation.ttl`` into the checked output folder atomically;
    returns file name -> byte size of the files (the store is a folder and is not listed)."""
    quads = build.quads()
    triples = merged_triples(quads)
    with staged_output(target) as folder:
        sizes = write_dumps(quads, triples, folder)
        serialize(void_triples(quads, triples, sizes, settings, modified), folder / "void.ttl", RdfFormat.TURTLE,
                  prefixes=PREFIXES)
        sizes["void.ttl"] = (folder / "void.ttl").stat().st_size
        write_store(quads, folder)
        if validation is not None:
            report = validation.turtle()
            (folder / "validation.ttl").write_bytes(report)
            sizes["validation.ttl"] = len(report)
    return sizes
