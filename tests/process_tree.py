"""Helpers of the tests that kill a real parent process: its children, whether a process still runs, and
polling for a condition (with a generous bound: how long it takes is not what the tests check)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting for whoever inherited it to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_until(condition: Callable[[], object], limit: float = 120.0) -> bool:
    """Poll ``condition`` until it holds (True) or ``limit`` seconds passed (False)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


@contextmanager
def cleaned_up(process: subprocess.Popen[Any], workers: list[int]) -> Iterator[None]:
    """Kill ``process`` and, should the test have failed, the ``workers`` it left (only those)."""
    try:
        yield
    finally:
        process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
        for worker in workers:
            if alive(worker):
                os.kill(worker, signal.SIGKILL)


def killed_leaves_none(process: subprocess.Popen[bytes], count: int) -> list[int]:
    """Wait for ``process`` to have ``count`` children (at least), SIGKILL it and return those of its
    children that still run once they had time to end (none, when they end with their parent)."""
    workers: list[int] = []
    with cleaned_up(process, workers):
        assert wait_until(lambda: len(children(process.pid)) >= count)
        workers.extend(children(process.pid))
        process.kill()
        process.wait()
        wait_until(lambda: not any(alive(w) for w in workers))
        return [w for w in workers if alive(w)]
