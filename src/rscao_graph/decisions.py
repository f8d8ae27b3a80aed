"""The decisions file (``data/links.csv``): every authority link as a reviewable row.

Columns: entity (our IRI), label, kind (organisation | place | country | person | work), authority (wikidata |
viaf | isni | isil | geonames | website), value (the id or URL), status (accepted | rejected | pending),
method (curated | automatic), score (0-1, automatic rows), date (YYYY-MM-DD), note. Curated rows always
win over automatic ones. The file is written sorted, atomically; a malformed row is an error with its line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .files import write_file_atomic
from .resources import resource_path
from .vocab import AUTHORITIES

__all__ = ["COLUMNS", "Decision", "decisions_source", "merge_decisions", "read_decisions", "valid_value",
           "write_decisions"]

COLUMNS = ["entity", "label", "kind", "authority", "value", "status", "method", "score", "date", "note"]
_CHOICES = {"kind": ("organisation", "place", "country", "person", "work"), "authority": tuple(AUTHORITIES),
            "status": ("accepted", "rejected", "pending"), "method": ("curated", "automatic")}


@dataclass(frozen=True, order=True)
class Decision:
    """One row of the decisions file."""

    entity: str
    authority: str
    value: str
    label: str
    kind: str
    status: str
    method: str
    score: str = ""
    date: str = ""
    note: str = ""

    @property
    def curated(self) -> bool:
        return self.method == "curated"

    def row(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in COLUMNS}


def _check(row: dict[str, str], file: str, line: int) -> Decision:
    for column, allowed in _CHOICES.items():
        if row[column] not in allowed:
            raise InputError(f"{column} {row[column]!r} is not one of {', '.join(allowed)}", file=file, line=line)
    if not re.fullmatch(r"https?://\S+", row["entity"]):
        raise InputError(f"entity {row['entity']!r} is not an IRI", file=file, line=line)
    if not valid_value(row["authority"], row["value"]):
        raise InputError(f"value {row['value']!r} is not a {row['authority']} id", file=file, line=line)
    if row["score"]:
        try:
            score = float(row["score"])
        except ValueError:
            score = -1.0
        if not 0.0 <= score <= 1.0:
            raise InputError(f"score {row['score']!r} is not a number from 0 to 1", file=file, line=line)
    if row["date"]:
        try:
            dt.date.fromisoformat(row["date"])
        except ValueError as exc:
            raise InputError(f"date {row['date']!r} is not YYYY-MM-DD", file=file, line=line) from exc
    return Decision(row["entity"], row["authority"], row["value"], row["label"], row["kind"], row["status"],
                    row["method"], row["score"], row["date"], row["note"])


def valid_value(authority: str, value: str) -> bool:
    """Is ``value`` well-formed for ``authority`` (a QID, a VIAF or GeoNames number, an ISNI, an ISIL, a URL)?

    >>> valid_value("wikidata", "Q732353"), valid_value("isni", "0000 0001"), valid_value("website", "www.x.org")
    (True, False, False)
    """
    return AUTHORITIES[authority].valid(value)


def decisions_source(path: Path) -> Path:
    """The decisions file to read: ``path`` when it exists, else the curated one shipped with
    rscao-graph (so a build anywhere carries the checked links; ``link`` then writes to ``path``)."""
    if path.exists():
        return path
    return resource_path("data", "links.csv")


def read_decisions(path: Path) -> list[Decision]:
    """The rows of a decisions file (none when it does not exist). Raises :class:`InputError` (exit 2)
    naming the line of a malformed row."""
    if not path.exists():
        return []
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the decisions file: {exc}", file=file) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != COLUMNS:
        raise InputError(f"expected the columns {','.join(COLUMNS)}", file=file, line=1)
    decisions = []
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            raise InputError(f"expected {len(COLUMNS)} columns", file=file, line=line)
        decisions.append(_check({k: v.strip() for k, v in row.items()}, file, line))
    return decisions


def write_decisions(path: Path, decisions: list[Decision]) -> None:
    """Write the decisions sorted by entity, authority and value, atomically."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for decision in sorted(set(decisions)):
        writer.writerow(decision.row())
    write_file_atomic(path, out.getvalue().encode("utf-8"))


def merge_decisions(existing: list[Decision], new: list[Decision]) -> list[Decision]:
    """Existing rows plus new ones. A curated row is never replaced; an automatic row is replaced by a
    new row for the same entity, authority and value; pending rows of an entity are dropped once the
    entity has an accepted row for that authority, and automatic rows once a curated row accepts a link
    for the same entity and authority."""
    kept: dict[tuple[str, str, str], Decision] = {(d.entity, d.authority, d.value): d for d in existing}
    for decision in new:
        key = (decision.entity, decision.authority, decision.value)
        if key in kept and kept[key].curated:
            continue
        kept[key] = decision
    accepted = {(d.entity, d.authority) for d in kept.values() if d.status == "accepted"}
    curated = {(d.entity, d.authority) for d in kept.values() if d.curated and d.status == "accepted"}
    return sorted(d for d in kept.values()
                  if not (d.status == "pending" and (d.entity, d.authority) in accepted)
                  and not (not d.curated and (d.entity, d.authority) in curated))

