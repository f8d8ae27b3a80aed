"""Atomic output: files are written into a temporary folder beside the output folder, which is then
swapped in, so a failed build never leaves a half-written output and an earlier good one stays.

:func:`check_output` decides once whether a folder may be replaced and returns it as an
:class:`OutputFolder`; :func:`staged_output` writes into a claimed folder. :func:`write_file_atomic`
replaces one file (the decisions file, cache entries)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["MARKER", "OutputFolder", "check_output", "staged_output", "write_file_atomic"]

#: A file every output folder gets, so a later build knows the folder is its own to replace.
MARKER = ".rscao-build"


@dataclass(frozen=True)
class OutputFolder:
    """An output folder found fit to be replaced whole (new, empty, or an earlier build)."""

    path: Path


def check_output(out: Path) -> OutputFolder:
    """The resolved output folder, after checking it may be replaced: new, empty, or an earlier build.
    Raises :class:`InputError` (exit 2) for anything else, which is never touched."""
    out = out.resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise InputError("the output folder exists and is not an earlier build; it is left as it is",
                         file=str(out), hint="choose an empty or new folder with --out (or 'out' in rscao.toml)")
    return OutputFolder(out)


@contextmanager
def staged_output(target: OutputFolder) -> Iterator[Path]:
    """Yield a fresh temporary folder; on success it replaces the checked ``target`` whole, on error
    it is removed and the target is left as it was."""
    out = target.path
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as exc:
        raise InputError(f"cannot create the output folder: {exc.strerror}", file=str(out)) from exc
    try:
        yield staging
        (staging / MARKER).write_text("rscao-graph build output; replaced whole by the next build\n",
                                      encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
    try:
        os.replace(staging, out)
    except OSError:
        if old.exists():
            os.replace(old, out)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_file_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
