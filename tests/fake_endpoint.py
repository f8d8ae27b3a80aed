"""A scripted HTTP endpoint on 127.0.0.1 for tests of failing services: it answers each request with
the next scripted reply (status, headers, body, delay) and counts the requests."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

EMPTY = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode("utf-8")


@dataclass
class Reply:
    status: int = 200
    body: bytes = EMPTY
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Script:
    replies: list[Reply]
    requests: list[dict[str, str]] = field(default_factory=list)


@contextmanager
def fake_endpoint(replies: list[Reply]) -> Iterator[tuple[str, Script]]:
    """Yield the endpoint URL and the script; the last reply repeats once the others are used."""
    script = Script(list(replies))

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            script.requests.append(dict(self.headers))
            reply = script.replies.pop(0) if len(script.replies) > 1 else script.replies[0]
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/sparql-results+json")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", script
    finally:
        server.shutdown()
        server.server_close()
