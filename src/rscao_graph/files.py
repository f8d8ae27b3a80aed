"""Atomic output: files are written into a working folder beside the output folder, which is then
swapped in, so a failed or killed build never leaves a half-written output and an earlier good one stays.

:func:`check_output` decides once whether a folder may be replaced and returns it as an
:class:`OutputFolder`; :func:`staged_output` writes into a claimed folder. :func:`write_file_atomic`
replaces one file (the decisions file, cache entries).

A build's working folder ``.OUT.tmp-XXXXXXXX`` holds a lock file (:data:`LOCK`: the pid and start time of
the process writing it, which holds an exclusive ``flock`` on it while it lives) and the new output
(``build/``). Where the system can, the new output and the old one trade places in one step
(``renameat2(RENAME_EXCHANGE)``), so the output folder always holds a complete build; elsewhere the old one
is moved to ``previous/`` first. The old output is then removed with the working folder, unless a reader
(``query``, see :mod:`rscao_graph.query.store`) holds a shared lock on it: then it stays until the next
build. A build removes the working folders of builds that are dead (their lock is free) and whose
generations nobody reads, and the ``.OUT.old-PID`` folders of earlier versions whose process is gone; it
never touches anything else. A full disk or a missing permission while writing is an
:class:`~rscao_graph.errors.OutputError` (exit 2) naming the path; nothing partial is left.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, OutputError, UsageError, environment_error

try:
    import fcntl

    _HAS_LOCKS = True
except ImportError:  # not POSIX: no locks, the pid and start time are the proof
    _HAS_LOCKS = False

__all__ = ["LOCK", "MARKER", "OutputFolder", "check_output", "lock", "remove_stale", "staged_output",
           "write_file_atomic"]

log = logging.getLogger("rscao_graph")

#: A file every output folder gets, so a later build knows the folder is its own to replace.
MARKER = ".rscao-build"
#: The lock file of a build's working folder: ``PID START-TIME``, flock-ed by that process while it lives.
LOCK = ".rscao-lock"
_NEW = "build"
_PREVIOUS = "previous"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_NO_LOCKS = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def lock(fd: int, *, shared: bool = False, wait: bool = True) -> str:
    """``flock`` the file or folder open as ``fd``: "locked"; "held" (by another open description of it,
    when not waiting); or "unsupported" (no locks on this system or file system)."""
    if not _HAS_LOCKS:
        return "unsupported"
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB))
    except OSError as exc:
        if exc.errno in _NO_LOCKS:
            return "unsupported"
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return "held"
        raise
    return "locked"


@dataclass(frozen=True)
class OutputFolder:
    """An output folder found fit to be replaced whole (new, empty, or an earlier build)."""

    path: Path


def check_output(out: Path) -> OutputFolder:
    """The resolved output folder, after checking it may be replaced: new, empty, or an earlier build,
    and neither the working directory nor a folder holding it. Raises :class:`InputError` or
    :class:`UsageError` (exit 2) for anything else, which is never touched."""
    out = out.resolve()
    cwd = Path.cwd().resolve()
    if out == cwd or out in cwd.parents:
        raise UsageError("the output folder is the working directory or holds it, and an output folder is "
                         "replaced whole; it is left as it is", file=str(out),
                         hint="give a folder of its own with --out (or 'out' in rscao.toml), such as dist/")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise InputError("the output folder exists and is not an earlier build; it is left as it is",
                         file=str(out), hint="choose an empty or new folder with --out (or 'out' in rscao.toml)")
    return OutputFolder(out)


def _start_time(pid: int) -> str:
    """The start time of process ``pid`` (clock ticks since boot, Linux), "" when unknown or gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""


def _claim(work: Path) -> int:
    """Create the lock file of ``work``, lock it for as long as this process lives and write who we are."""
    fd = os.open(work / LOCK, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o644)
    try:
        lock(fd)  # where unsupported, the pid and start time are the proof
        os.write(fd, f"{os.getpid()} {_start_time(os.getpid())}\n".encode("ascii"))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _try_lock(path: Path, keep: list[int]) -> str:
    """Take an exclusive lock on ``path`` (a lock file, or a generation folder that readers lock) without
    waiting: "free" (taken: its descriptor is appended to ``keep``, for the caller to close), "held", or
    "unsupported" (a file system without locks); a path that is gone is "free"."""
    try:
        fd = os.open(path, os.O_RDONLY | _CLOEXEC)
    except FileNotFoundError:
        return "free"
    except OSError:
        return "held"
    try:
        state = lock(fd, wait=False)
    except OSError:
        state = "held"
    if state != "locked":
        os.close(fd)
        return state
    keep.append(fd)
    return "free"


def _dead_work(work: Path, keep: list[int]) -> bool:
    """Whether ``work`` is a working folder of ours whose build is over (its lock is free: the process
    and its workers are gone; where there are no locks, its pid is gone or is another process's) and
    whose generations nobody reads."""
    try:
        pid_text, _, start = (work / LOCK).read_text(encoding="ascii").strip().partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    state = _try_lock(work / LOCK, keep)
    if state == "held" or (state == "unsupported" and not _pid_gone(pid) and _start_time(pid) in ("", start)):
        return False
    return all(_try_lock(work / sub, keep) != "held" for sub in (_NEW, _PREVIOUS))


def _pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def remove_stale(out: Path) -> list[Path]:
    """Remove the leftovers of builds of ``out`` that were killed: working folders ``.OUT.tmp-*`` whose
    lock is free and whose generations nobody reads, and ``.OUT.old-PID`` folders of earlier versions
    (an earlier build, with its marker) whose process is gone. When the output folder itself is missing
    (a build killed between two renames), the earlier build found in such a folder is put back instead.
    Returns the folders removed or put back; anything it cannot prove stale is left (and named in the log)."""
    done: list[Path] = []
    if not out.parent.is_dir():
        return done
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(?:tmp-[A-Za-z0-9_]+|old-(\d+))")
    for folder in sorted(out.parent.iterdir()):
        match = pattern.fullmatch(folder.name)
        if match is None or folder.is_symlink() or not folder.is_dir():
            continue
        keep: list[int] = []
        try:
            if match.group(1) is not None:
                stale = ((folder / MARKER).is_file() and _pid_gone(int(match.group(1)))
                         and _try_lock(folder, keep) != "held")
                earlier = folder
            else:
                stale = _dead_work(folder, keep)
                earlier = folder / _PREVIOUS
            if not stale:
                if not (folder / LOCK).exists() and match.group(1) is None:
                    log.warning("%s may be left by a killed build of an earlier version; remove it by hand if no "
                                "build is running", folder)
                continue
            if not out.exists() and (earlier / MARKER).is_file():
                os.rename(earlier, out)
                log.warning("put back %s, the output a killed build had moved away", out)
            shutil.rmtree(folder, ignore_errors=True)
            done.append(folder)
            log.info("removed %s, left by a killed build", folder)
        finally:
            for fd in keep:
                os.close(fd)
    return done


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where not supported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap_in(work: Path, out: Path) -> Path | None:
    """Put ``work/build`` in the place of ``out``; returns where the replaced output now is (or None)."""
    new = work / _NEW
    if not out.exists():
        os.rename(new, out)
        return None
    if _exchange(new, out):
        return new
    previous = work / _PREVIOUS
    os.rename(out, previous)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(previous, out)
        raise
    return previous


@contextmanager
def staged_output(target: OutputFolder) -> Iterator[Path]:
    """Yield a fresh folder to write into; on success it replaces the checked ``target`` whole, on error
    it is removed and the target is left as it was. Stale leftovers of killed builds are removed first
    (:func:`remove_stale`). An :class:`OSError` of the environment (full disk, no permission, read-only
    file system) while writing becomes an :class:`OutputError` (exit 2)."""
    out = target.path
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(out)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot create the output folder: {exc.strerror or exc}", file=str(out)) from exc
    lock: int | None = None
    try:
        try:
            lock = _claim(work)
            staging = work / _NEW
            staging.mkdir()
            yield staging
            (staging / MARKER).write_text("rscao-graph build output; replaced whole by the next build\n",
                                          encoding="utf-8")
            staging.chmod(0o755)
            previous = _swap_in(work, out)
        except OSError as exc:
            shutil.rmtree(work, ignore_errors=True)
            error = environment_error(exc, str(out), staged=(str(work / _NEW), str(out)))
            if error is None:
                raise
            raise error from exc
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        _remove_replaced(work, previous)
    finally:
        if lock is not None:
            os.close(lock)


def _remove_replaced(work: Path, previous: Path | None) -> None:
    """Remove the working folder with the output it replaced, unless a reader still holds that output."""
    keep: list[int] = []
    try:
        if previous is None or _try_lock(previous, keep) != "held":
            shutil.rmtree(work, ignore_errors=True)
        else:
            log.info("the replaced output is still being read; the next build removes %s", work)
    finally:
        for fd in keep:
            os.close(fd)


def write_file_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename. A full disk or a missing permission
    is an :class:`OutputError` (exit 2) naming ``path``; the file is then left as it was."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None:
            with suppress(OSError):
                Path(tmp).unlink()
        error = environment_error(exc, str(path), staged=(tmp, str(path)) if tmp else None) \
            if isinstance(exc, OSError) else None
        if error is None:
            raise
        raise error from exc
