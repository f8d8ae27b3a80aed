"""The embedded store a build leaves beside its dumps (pyoxigraph, on disk), which ``query`` opens
without re-parsing the dumps.

A build replaces its output folder whole while queries may be reading it (see :mod:`rscao_graph.files`).
:func:`reading_store` therefore opens one generation of the folder and keeps it: it holds the folder
open by a descriptor, reads the store through that descriptor (``/proc/self/fd/N/store``, so a rename
cannot switch generations under the reader), and holds a shared lock on it, which a build respects: it
leaves a generation someone reads to the next build to remove.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import Quad, Store

from ..errors import UsageError
from ..files import lock

__all__ = ["STORE_DIR", "open_store", "reading_store", "write_store"]

#: The embedded store's folder inside a build's output folder.
STORE_DIR = "store"
#: How often a generation removed while it was being opened is given up for the next one.
_ATTEMPTS = 20


def write_store(quads: list[Quad], folder: Path) -> None:
    """Write the persistent store a build leaves beside its dumps."""
    store = Store(str(folder / STORE_DIR))
    store.bulk_extend(quads)
    store.flush()
    del store


def _no_store(data: Path) -> UsageError:
    return UsageError(f"no built store in {data / STORE_DIR}", hint="run 'rscao-graph build' first, or give --data DIR")


def _open(path: Path, shown: Path) -> Store:
    if not path.is_dir():
        raise _no_store(shown)
    try:
        return Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:
        raise UsageError(f"cannot open the store in {shown / STORE_DIR}: {exc}",
                         hint="build again; the store may be damaged") from exc


def open_store(data: Path) -> Store:
    """Open the store of a build read-only. Raises :class:`UsageError` when there is none. A build may
    replace the folder while the store is in use: :func:`reading_store` is safe from that."""
    return _open(data / STORE_DIR, data)


def _pinned(fd: int) -> Path:
    """A path that reaches the folder open as ``fd``, whatever it is renamed to."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        if os.path.isdir(f"{folder}/{fd}"):
            return Path(f"{folder}/{fd}")
    raise OSError(errno.ENOTSUP, "no /proc/self/fd")


@contextmanager
def reading_store(data: Path) -> Iterator[Store]:
    """The store of the build in ``data``, open read-only on one generation of the folder for as long
    as the ``with`` block runs: a build that replaces ``data`` meanwhile neither changes nor removes what
    is read. Raises :class:`UsageError` when there is no built store."""
    if not hasattr(os, "O_DIRECTORY"):  # folders cannot be held open here (Windows): open by name
        yield open_store(data)
        return
    for _ in range(_ATTEMPTS):
        try:
            fd = os.open(data, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise _no_store(data) from exc
        try:
            lock(fd, shared=True)  # waits while a build removes this generation
            if os.fstat(fd).st_nlink == 0:
                continue  # removed by a build while we waited: ``data`` is now the next generation
            try:
                folder = _pinned(fd)
            except OSError:
                folder = data
            yield _open(folder / STORE_DIR, data)
            return
        finally:
            os.close(fd)
    raise UsageError(f"the build in {data} was replaced {_ATTEMPTS} times while the store was being opened",
                     hint="run the query again")
