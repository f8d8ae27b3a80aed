"""A polite SPARQL client for Wikidata and its mirrors: a descriptive User-Agent, an overall deadline and
a size cap per request (``fetch.py``), retries with exponential backoff honouring ``Retry-After`` on 429,
5xx, timeouts and dropped connections, answers checked as SPARQL JSON, and an on-disk response cache.

The cache folder and how many days an entry is used for are parameters (the command line takes them
from ``config.Environment``: the user's cache folder unless ``RSCAO_CACHE_DIR``, 30 days unless
``RSCAO_CACHE_DAYS``). Offline, only the cache answers.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from ..config import CACHE_DAYS, version
from ..errors import ServiceError
from ..fetch import FetchFailed, fetch, sparql_json
from ..files import write_file_atomic

__all__ = ["SparqlClient", "user_agent"]

_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_WAIT = 60.0


def user_agent(contact: str | None) -> str:
    """The User-Agent Wikidata's policy asks for: tool, version, and how to reach its operator."""
    who = contact or "no contact configured; set 'contact' in rscao.toml"
    return f"rscao-graph/{version()} (https://w3id.org/rscao/; {who}) Python/{platform.python_version()}"


def _retry_after(value: str | None, fallback: float) -> float:
    if not value:
        return fallback
    if value.strip().isdigit():
        return min(float(value), _MAX_WAIT)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return fallback
    return min(max(0.0, when - time.time()), _MAX_WAIT)


class SparqlClient:
    """Runs SELECT queries on one endpoint; returns the JSON result bindings."""

    def __init__(self, endpoint: str, *, cache: Path, cache_days: float = CACHE_DAYS, contact: str | None = None,
                 timeout: float = 30.0, retries: int = 3, backoff: float = 1.0, offline: bool = False,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.endpoint, self.timeout, self.retries, self.backoff = endpoint, timeout, retries, backoff
        self.offline, self.sleep = offline, sleep
        self.cache = cache
        self.max_age = cache_days * 86400
        self.headers = {"User-Agent": user_agent(contact), "Accept": "application/sparql-results+json"}
        self.requests = 0
        self.misses = 0

    def _path(self, query: str) -> Path:
        digest = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        return self.cache / digest[:2] / f"{digest}.json"

    def _cached(self, query: str) -> list[dict[str, Any]] | None:
        path = self._path(query)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            fetched = float(entry.get("fetched", 0))
            bindings = entry["bindings"]
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None  # a damaged entry is asked again
        if time.time() - fetched > self.max_age:
            return None
        if not isinstance(bindings, list) or not all(
                isinstance(b, dict) and all(isinstance(t, dict) and isinstance(t.get("value"), str) for t in b.values())
                for b in bindings):
            return None
        return bindings

    def select(self, query: str) -> list[dict[str, Any]] | None:
        """The bindings of a SELECT query; ``None`` offline when the cache has no answer."""
        cached = self._cached(query)
        if cached is not None:
            return cached
        if self.offline:
            self.misses += 1
            return None
        bindings = self._fetch(query)
        entry = {"endpoint": self.endpoint, "query": query, "fetched": time.time(), "bindings": bindings}
        write_file_atomic(self._path(query), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        return bindings

    def _fetch(self, query: str) -> list[dict[str, Any]]:
        what = f"SPARQL endpoint {self.endpoint}"
        body = urlencode({"query": query}).encode("ascii")
        headers = {**self.headers, "Content-Type": "application/x-www-form-urlencoded"}
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                response = fetch(self.endpoint, method="POST", body=body, headers=headers, timeout=self.timeout,
                                 what=what)
            except FetchFailed as exc:
                if not exc.transient:
                    raise
                problem, error = exc.message.removeprefix(what + " "), exc
            else:
                if response.status == 200:
                    return _bindings(response.body, what)
                problem = f"answered HTTP {response.status} {response.reason}"
                error = FetchFailed(f"{what} {problem}")
                if response.status not in _RETRY_STATUS:
                    raise error
                wait = _retry_after(response.headers.get("retry-after"), wait)
            if attempt > self.retries:
                raise ServiceError(f"{what} {problem} (after {attempt} attempts)") from error
            self.sleep(wait)


def _bindings(body: bytes, what: str) -> list[dict[str, Any]]:
    """The bindings of a SELECT answer, checked: :class:`FetchFailed` (exit 3) for anything else."""
    data = sparql_json(body, what)
    results = data.get("results") if isinstance(data, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise FetchFailed(f"{what} sent results that are not SPARQL JSON (no results.bindings list)")
    return bindings
