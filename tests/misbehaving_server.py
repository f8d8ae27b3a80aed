"""A raw TCP server on 127.0.0.1 that answers every HTTP request with scripted bytes, sent in pieces with a
pause between them: a slow drip, a gzip bomb, a malformed status line, a body cut short. It reads the
request (headers and Content-Length body) first, records it, and closes the connection after the script.
Every loop is bounded in count, so a test that does not stop its client still ends."""

from __future__ import annotations

import gzip
import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Script:
    """What to send: ``pieces``, each followed by ``pause`` seconds (stopping when the client has gone)."""

    pieces: list[bytes]
    pause: float = 0.0
    requests: list[bytes] = field(default_factory=list)
    #: how many pieces were sent before the client hung up (or all of them)
    sent: int = 0
    #: ``False``: send at once, without reading a request (a TLS client waits for the server's hello)
    read_request: bool = True


def answer(body: bytes, status: str = "200 OK", headers: dict[str, str] | None = None) -> bytes:
    head = {"Content-Type": "application/sparql-results+json", "Content-Length": str(len(body)), **(headers or {})}
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head.items()) + "\r\n").encode() + body


def drip(head: bytes, count: int = 200) -> list[bytes]:
    """The head, then one byte of a body that never ends (``count`` bytes at most)."""
    return [head] + [b" "] * count


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (about a thousandth of that)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as zipped:
        block = b"\0" * (1024 * 1024)
        for _ in range(size // len(block)):
            zipped.write(block)
        zipped.write(b"\0" * (size % len(block)))
    return out.getvalue()


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@contextmanager
def misbehaving_server(script: Script) -> Iterator[str]:
    """Yield the URL of an endpoint (``/sparql``) that answers every request with ``script``."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                if script.read_request:
                    script.requests.append(_read_request(conn))
                for piece in script.pieces:
                    if stop.is_set():
                        return
                    conn.sendall(piece)
                    script.sent += 1
                    if script.pause:
                        stop.wait(script.pause)
            except OSError:
                return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    finally:
        stop.set()
        thread.join(5)
        listener.close()
