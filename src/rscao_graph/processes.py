"""Worker processes that end with the process that forked them.

A pool's workers wait on a pipe their parent writes; a parent that is killed (SIGKILL, the OOM killer)
never closes it for them, since every worker holds its ends too, so they would wait for ever. Workers
forked by :func:`fork_pool` ask the kernel to kill them when their parent dies (Linux
``prctl(PR_SET_PDEATHSIG, SIGKILL)``) and check, once that is set, that their parent is still the
process that forked them (it may have died before): if not, they exit at once. Where there is no
``prctl`` (not Linux) the pool is an ordinary one.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

__all__ = ["can_fork", "die_with_parent", "fork_pool"]

_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Whether worker processes can be forked here (they inherit what the parent loaded)."""
    return "fork" in multiprocessing.get_all_start_methods()


def die_with_parent(parent: int) -> None:
    """In a forked child: be killed when the parent dies, and exit now if ``parent`` is gone already."""
    if sys.platform.startswith("linux"):
        try:
            prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):
            prctl = None
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def fork_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` forked processes that end with this one (see the module's docstring)."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
