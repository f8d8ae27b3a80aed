"""The embedded store a build leaves beside its dumps (pyoxigraph, on disk), which ``query`` opens
without re-parsing the dumps.

A build replaces its output folder whole while queries may be reading it (see :mod:`rscao_graph.files`).
:func:`reading_store` therefore opens one generation of the folder and keeps it: it holds the folder
open by a descriptor, reads the store through that descriptor (``/proc/self/fd/N/store``, so a rename
cannot switch generations under the reader), and holds a shared lock on it, which a build respects: it
leaves a generation someone reads to the next build to remove. :func:`held_generation` does the holding
for any reader of a build (``serve`` holds one for as long as it runs); :meth:`Generation.shared_path`
lets other processes of the reader (``serve``'s query workers) reach the same generation through the
reader's descriptor.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Quad, Store

from ..errors import UsageError
from ..files import lock

__all__ = ["STORE_DIR", "Generation", "held_generation", "open_store", "reading_store", "write_store"]

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


@dataclass(frozen=True)
class Generation:
    """One generation of the build in ``data``, held open: ``path`` reaches it in this process whatever
    builds do to ``data`` (``data`` itself where folders cannot be held open by a descriptor, ``fd``)."""

    data: Path
    path: Path
    fd: int | None

    def store(self) -> Store:
        """The generation's store, open read-only. Raises :class:`UsageError` when there is none."""
        return _open(self.path / STORE_DIR, self.data)

    def shared_path(self) -> Path:
        """A path by which another process of this user reaches the same generation while this one holds
        it (``/proc/PID/fd/N``); ``data`` where there is no ``/proc`` (then a build may replace it)."""
        if self.fd is not None:
            shared = Path(f"/proc/{os.getpid()}/fd/{self.fd}")
            if shared.is_dir():
                return shared
        return self.data


@contextmanager
def held_generation(data: Path) -> Iterator[Generation]:
    """Hold one generation of the build folder ``data`` for as long as the ``with`` block runs: open by a
    descriptor (a rename cannot switch generations under it) and with a shared lock (a build leaves it
    for the next build to remove). Raises :class:`OSError` when ``data`` cannot be opened, and
    :class:`UsageError` when builds replaced it again and again while it was being opened."""
    if not hasattr(os, "O_DIRECTORY"):  # folders cannot be held open here (Windows): read by name
        yield Generation(data, data, None)
        return
    for _ in range(_ATTEMPTS):
        fd = os.open(data, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            lock(fd, shared=True)  # waits while a build removes this generation
            if os.fstat(fd).st_nlink == 0:
                continue  # removed by a build while we waited: ``data`` is now the next generation
            try:
                folder = _pinned(fd)
            except OSError:
                folder = data
            yield Generation(data, folder, fd)
            return
        finally:
            os.close(fd)
    raise UsageError(f"the build in {data} was replaced {_ATTEMPTS} times while it was being opened",
                     hint="try again")


@contextmanager
def reading_store(data: Path) -> Iterator[Store]:
    """The store of the build in ``data``, open read-only on one generation of the folder for as long
    as the ``with`` block runs: a build that replaces ``data`` meanwhile neither changes nor removes what
    is read (:func:`held_generation`). Raises :class:`UsageError` when there is no built store."""
    with ExitStack() as stack:
        try:
            generation = stack.enter_context(held_generation(data))
        except OSError as exc:
            raise _no_store(data) from exc
        yield generation.store()
