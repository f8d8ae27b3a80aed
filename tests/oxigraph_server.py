"""A real Oxigraph server (PyPI package ``oxigraph``) on 127.0.0.1 with a free port, for tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _executable() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph server is not installed: pip install -c constraints.txt '.[test]'")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Stop a server this test process started (by its own handle): terminate, then kill after ``timeout``."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stderr is not None:
        process.stderr.close()


@contextmanager
def oxigraph_server(data: list[Path], location: Path, *, read_only: bool = True) -> Iterator[str]:
    """Load ``data`` into a store at ``location``, serve it with the union default graph, and yield
    the query endpoint URL; the server is stopped afterwards."""
    exe = _executable()
    for path in data:
        subprocess.run([exe, "load", "--location", str(location), "--file", str(path)], check=True,
                       capture_output=True, timeout=120)
    port = free_port()
    command = [exe, "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph server did not start: {process.stderr.read()!r}") from None
                time.sleep(0.1)
        yield f"{base}/query"
    finally:
        stop(process, timeout=10)
