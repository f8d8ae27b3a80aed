"""A polite SPARQL client for Wikidata and its mirrors: a descriptive User-Agent, timeouts, retries
with exponential backoff honouring ``Retry-After`` on 429 and 5xx, and an on-disk response cache.

The cache folder and how many days an entry is used for are parameters (the command line takes them
from ``config.Environment``: the user's cache folder unless ``RSCAO_CACHE_DIR``, 30 days unless
``RSCAO_CACHE_DAYS``). Offline, only the cache answers.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from ..config import CACHE_DAYS, version
from ..errors import ServiceError
from ..files import write_file_atomic

__all__ = ["SparqlClient", "user_agent"]

_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_WAIT = 60.0


def user_agent(contact: str | None) -> str:
    """The User-Agent Wikidata's policy asks for: tool, version, and how to reach its operator."""
    who = contact or "no contact configured; set 'contact' in rscao.toml"
    requests_version = getattr(requests, "__version__", "?")
    return f"rscao-graph/{version()} (https://w3id.org/rscao/; {who}) python-requests/{requests_version}"


def _retry_after(response: requests.Response, fallback: float) -> float:
    value = response.headers.get("Retry-After")
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
        except (OSError, ValueError):
            return None
        if time.time() - float(entry.get("fetched", 0)) > self.max_age:
            return None
        return entry["bindings"]  # type: ignore[no-any-return]

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
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                response = requests.post(self.endpoint, data={"query": query}, headers=self.headers,
                                         timeout=self.timeout)
            except requests.Timeout as exc:
                problem: str = f"did not answer within {self.timeout:g} s"
                error: Exception = exc
            except requests.RequestException as exc:
                problem, error = f"could not be reached ({type(exc).__name__})", exc
            else:
                if response.status_code == 200:
                    try:
                        return response.json()["results"]["bindings"]  # type: ignore[no-any-return]
                    except (ValueError, KeyError) as exc:
                        raise ServiceError(f"SPARQL endpoint {self.endpoint} sent results that are not SPARQL "
                                           "JSON") from exc
                problem = f"answered HTTP {response.status_code} {response.reason}"
                error = requests.HTTPError(problem)
                if response.status_code not in _RETRY_STATUS:
                    raise ServiceError(f"SPARQL endpoint {self.endpoint} {problem}") from error
                wait = _retry_after(response, wait)
            if attempt > self.retries:
                raise ServiceError(f"SPARQL endpoint {self.endpoint} {problem} (after {attempt} attempts)") from error
            self.sleep(wait)
