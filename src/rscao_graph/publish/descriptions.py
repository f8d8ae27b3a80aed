"""The file of precomputed descriptions a build leaves in ``descriptions/descriptions.sqlite``, which
``serve`` and ``site`` read: one row per document path (its quads as compressed N-Quads, the totals of
inverse links left out, its findings as JSON) and the build's facts (base IRI, content hash, the home
page's figures, the ontology's labels of its terms).

SQLite (the standard library's) gives a key look-up without loading the file; it is opened read-only
and immutable, so any number of readers share it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from ..errors import UsageError
from ..vocab import RDFS, RSCAO
from .describe import Description

__all__ = ["DESCRIPTIONS_DIR", "DESCRIPTIONS_FILE", "Descriptions", "content_hash", "term_labels",
           "write_descriptions"]

DESCRIPTIONS_DIR = "descriptions"
DESCRIPTIONS_FILE = "descriptions.sqlite"
#: The files of a build whose bytes make its content hash (every page is made from them).
HASHED_FILES = ("dataset.nq", "void.ttl", "validation.ttl")
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE resource (path TEXT PRIMARY KEY, quads BLOB NOT NULL, inverse_totals TEXT NOT NULL,
                       findings TEXT NOT NULL) WITHOUT ROWID;
"""


def content_hash(folder: Path) -> str:
    """SHA-256 of the build's dumps, description and validation report (those present), in hex."""
    digest = hashlib.sha256()
    for name in HASHED_FILES:
        path = folder / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def term_labels(quads: Iterable[Quad]) -> dict[str, str]:
    """The ontology's English label of each of its terms (``rdfs:label``), by IRI."""
    namespace = str(RSCAO)
    return {q.subject.value: q.object.value for q in quads
            if q.predicate == RDFS.label and isinstance(q.subject, NamedNode)
            and q.subject.value.startswith(namespace) and isinstance(q.object, Literal)}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_descriptions(folder: Path, descriptions: Iterable[Description], meta: dict[str, Any]) -> int:
    """Write the descriptions file into ``folder`` (a build being written); returns how many resources
    it describes. ``meta`` values are stored as JSON."""
    target = folder / DESCRIPTIONS_DIR
    target.mkdir()
    connection = sqlite3.connect(target / DESCRIPTIONS_FILE)
    try:
        connection.executescript(_SCHEMA)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [(k, _json(v)) for k, v in sorted(meta.items())])
        count = 0
        rows = []
        for d in descriptions:
            data = serialize(d.quads, format=RdfFormat.N_QUADS) or b""
            rows.append((d.path, zlib.compress(data, 1), _json(d.inverse_totals), _json(list(d.findings))))
            count += 1
            if len(rows) >= 2000:
                connection.executemany("INSERT INTO resource VALUES (?, ?, ?, ?)", rows)
                rows.clear()
        connection.executemany("INSERT INTO resource VALUES (?, ?, ?, ?)", rows)
        connection.commit()
    finally:
        connection.close()
    return count


class Descriptions:
    """A build's descriptions, opened read-only. Raises :class:`UsageError` when ``data`` has none."""

    def __init__(self, data: Path) -> None:
        path = data / DESCRIPTIONS_DIR / DESCRIPTIONS_FILE
        if not path.is_file():
            raise UsageError(f"no descriptions in {data} (looked for {path})",
                             hint="run 'rscao-graph build' (this version) first, or give --data DIR")
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                       check_same_thread=False)
            rows = self._db.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"cannot read the descriptions in {path}: {exc}",
                             hint="rebuild with 'rscao-graph build'") from exc
        self.meta: dict[str, Any] = {k: json.loads(v) for k, v in rows}

    @property
    def base(self) -> str:
        return str(self.meta["base_iri"])

    @property
    def content_hash(self) -> str:
        return str(self.meta["content_hash"])

    def get(self, path: str) -> Description | None:
        """The description of a document path, or ``None`` when the build has none."""
        with self._lock:
            row = self._db.execute("SELECT quads, inverse_totals, findings FROM resource WHERE path = ?",
                                   (path,)).fetchone()
        if row is None:
            return None
        quads = tuple(q for q in parse(zlib.decompress(row[0]), format=RdfFormat.N_QUADS) if isinstance(q, Quad))
        return Description(path, quads, json.loads(row[1]), tuple(json.loads(row[2])))

    def __contains__(self, path: object) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM resource WHERE path = ?", (path,)).fetchone() is not None

    def paths(self) -> Iterator[str]:
        """Every document path, in order."""
        with self._lock:
            paths = [r[0] for r in self._db.execute("SELECT path FROM resource ORDER BY path")]
        yield from paths

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM resource").fetchone()[0])

    def close(self) -> None:
        self._db.close()
