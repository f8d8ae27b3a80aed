"""The embedded store a build leaves beside its dumps (pyoxigraph, on disk), which ``query`` opens
without re-parsing the dumps."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Quad, Store

from ..errors import UsageError

__all__ = ["STORE_DIR", "open_store", "write_store"]

#: The embedded store's folder inside a build's output folder.
STORE_DIR = "store"


def write_store(quads: list[Quad], folder: Path) -> None:
    """Write the persistent store a build leaves beside its dumps."""
    store = Store(str(folder / STORE_DIR))
    store.bulk_extend(quads)
    store.flush()
    del store


def open_store(data: Path) -> Store:
    """Open the store of a build read-only. Raises :class:`UsageError` when there is none."""
    path = data / STORE_DIR
    if not path.is_dir():
        raise UsageError(f"no built store in {path}", hint="run 'rscao-graph build' first, or give --data DIR")
    try:
        return Store.read_only(str(path))
    except OSError as exc:
        raise UsageError(f"cannot open the store in {path}: {exc}") from exc
