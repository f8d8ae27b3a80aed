"""The decisions file (``data/links.csv``): every authority link as a reviewable row.

Columns: entity (our IRI), label, kind (organisation | place | country | person | work), authority (wikidata |
viaf | isni | isil | geonames | website), value (the id or URL), status (accepted | rejected | pending),
method (curated | automatic), score (0-1, automatic rows), date (YYYY-MM-DD), note. Curated rows always
win over automatic ones. The file is written sorted, atomically; a malformed row is an error with its line:
an entity or website that is not an RFC 3987 http(s) IRI, an id not in its authority's ASCII form, a score
not an xsd:decimal from 0 to 1, a date not YYYY-MM-DD, a field over the csv module's limit, two curated rows
that accept and reject the same link. A cell that a spreadsheet would run as a formula (``= + - @``, tab, CR
first) is written with a leading ``'``, which reading takes off again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pyoxigraph import NamedNode

from .errors import InputError
from .files import write_file_atomic
from .resources import resource_path
from .vocab import AUTHORITIES

if TYPE_CHECKING:
    from .iris import Minter
    from .reference import Reference

__all__ = ["COLUMNS", "Decision", "decisions_source", "iri_problem", "merge_decisions", "overridden_links",
           "read_decisions", "valid_value", "write_decisions"]

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


#: Characters no IRI may hold (RFC 3987): controls, space, the delimiters ``<>"{}|\\^` ``, bidi controls and
#: other default-ignorable code points, surrogates, private use, noncharacters.
_NOT_IRI = re.compile("[\x00-\x20<>\"{}|\\\\^`\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                      "\u2060-\u206f\ud800-\uf8ff\ufdd0-\ufdef\ufeff\ufff0-\uffff\U000e0000-\U0010ffff]"
                      "|[\U0001fffe-\U0001ffff\U0002fffe-\U0002ffff\U0003fffe-\U0003ffff\U0004fffe-\U0004ffff"
                      "\U0005fffe-\U0005ffff\U0006fffe-\U0006ffff\U0007fffe-\U0007ffff\U0008fffe-\U0008ffff"
                      "\U0009fffe-\U0009ffff\U000afffe-\U000affff\U000bfffe-\U000bffff\U000cfffe-\U000cffff"
                      "\U000dfffe-\U000dffff]")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: xsd:decimal's lexical form (ASCII digits only: no exponent, no ``_``, no other scripts' digits).
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
#: A date as the file holds it: xsd:date without a time zone, YYYY-MM-DD.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: A cell a spreadsheet would run as a formula (OWASP's list); written with a leading ``'``.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def iri_problem(text: str) -> str | None:
    """Why ``text`` is not an absolute http(s) IRI that RDF tools accept (RFC 3987); ``None`` when it is.

    >>> iri_problem("https://w3id.org/rscao/org/x"), iri_problem("https://a.org/{x}"), iri_problem("http://a/%zz")
    (None, "holds '{'", "holds '%' not followed by two hex digits")
    """
    bad = _NOT_IRI.search(text)
    if bad:
        return f"holds {bad.group()!r}"
    if _BAD_PERCENT.search(text):
        return "holds '%' not followed by two hex digits"
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        return f"cannot be parsed ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) IRI with a host"
    try:
        port_ok = parts.port is None or 0 < parts.port
    except ValueError:
        port_ok = False
    if not port_ok:
        return "has a port that is not a number from 1 to 65535"
    if any(c in parts.path + parts.query + parts.fragment for c in "[]"):
        return "holds '[' or ']' outside the host"
    try:
        NamedNode(text)
    except ValueError as exc:
        return f"is refused as an IRI ({exc})"
    return None


def _check(row: dict[str, str], file: str, line: int) -> Decision:
    for column, allowed in _CHOICES.items():
        if row[column] not in allowed:
            raise InputError(f"{column} {row[column]!r} is not one of {', '.join(allowed)}", file=file, line=line)
    problem = iri_problem(row["entity"])
    if problem:
        raise InputError(f"entity {_short(row['entity'])} is not an IRI: it {problem}", file=file, line=line)
    authority, value = row["authority"], row["value"]
    if not AUTHORITIES[authority].valid(value) or (authority != "website" and not value.isascii()):
        raise InputError(f"value {_short(value)} is not a {authority} id", file=file, line=line)
    if authority == "website" and (problem := iri_problem(value)):
        raise InputError(f"value {_short(value)} is not a website IRI: it {problem}", file=file, line=line)
    if row["score"] and not (_DECIMAL.fullmatch(row["score"]) and 0 <= Decimal(row["score"]) <= 1):
        raise InputError(f"score {_short(row['score'])} is not a number from 0 to 1 (an xsd:decimal such as 0.85)",
                         file=file, line=line)
    if row["date"]:
        try:
            if not _DATE.fullmatch(row["date"]):
                raise ValueError(row["date"])
            dt.date.fromisoformat(row["date"])
        except ValueError as exc:
            raise InputError(f"date {_short(row['date'])} is not YYYY-MM-DD", file=file, line=line) from exc
    return Decision(row["entity"], row["authority"], row["value"], row["label"], row["kind"], row["status"],
                    row["method"], row["score"], row["date"], row["note"])


def _short(value: str) -> str:
    """A value quoted for a message, cut to 200 characters."""
    return repr(value) if len(value) <= 200 else repr(value[:200]) + f"... ({len(value)} characters)"


def valid_value(authority: str, value: str) -> bool:
    """Is ``value`` well-formed for ``authority`` (a QID, a VIAF or GeoNames number, an ISNI, an ISIL, a URL)?

    >>> valid_value("wikidata", "Q732353"), valid_value("isni", "0000 0001"), valid_value("website", "www.x.org")
    (True, False, False)
    """
    if not AUTHORITIES[authority].valid(value):
        return False
    return iri_problem(value) is None if authority == "website" else value.isascii()


def decisions_source(path: Path) -> Path:
    """The decisions file to read: ``path`` when it exists, else the curated one shipped with
    rscao-graph (so a build anywhere carries the checked links; ``link`` then writes to ``path``)."""
    if path.exists():
        return path
    return resource_path("data", "links.csv")


def read_decisions(path: Path) -> list[Decision]:
    """The rows of a decisions file (none when it does not exist). Raises :class:`InputError` (exit 2)
    naming the line of a malformed row, and both lines of curated rows that contradict each other."""
    if not path.exists():
        return []
    file = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")  # no newline translation: csv reads CR and CRLF itself
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the decisions file: {exc}", file=file) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise InputError(f"the header cannot be read as CSV: {exc}", file=file, line=1) from exc
    if fieldnames != COLUMNS:
        raise InputError(f"expected the columns {','.join(COLUMNS)}", file=file, line=1)
    decisions = []
    curated: dict[tuple[str, str, str], tuple[Decision, int]] = {}
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem = (f"a field is longer than {csv.field_size_limit()} characters"
                       if "field limit" in str(exc) else f"the row cannot be read as CSV ({exc})")
            raise InputError(problem, file=file, line=line) from exc
        if None in row or any(v is None for v in row.values()):
            raise InputError(f"expected {len(COLUMNS)} columns", file=file, line=line)
        decision = _check({k: _unescape(v.strip()) for k, v in row.items()}, file, line)
        if decision.curated:
            key = (decision.entity, decision.authority, decision.value)
            earlier = curated.setdefault(key, (decision, line))
            if earlier[0].status != decision.status:
                raise InputError(f"contradictory curated decisions for {decision.entity} {decision.authority} "
                                 f"{decision.value}: {earlier[0].status} on line {earlier[1]}, {decision.status} on "
                                 f"line {line}", file=file, line=line, hint="keep the one that is right")
        decisions.append(decision)
    return decisions


def _neutralise(cell: str) -> str:
    """A cell a spreadsheet would not run as a formula: a leading ``'`` before ``= + - @``, a tab or a CR
    (and before ``'`` that precede one, so that :func:`_unescape` gives the value back exactly)."""
    return "'" + cell if _FORMULA.match(cell) else cell


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell


def write_decisions(path: Path, decisions: list[Decision]) -> None:
    """Write the decisions sorted by entity, authority and value, atomically; a cell that would start with
    ``= + - @``, a tab or a CR starts with ``'`` (read back as written)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    # the csv module quotes a field holding the line terminator but not a lone CR, which readers take for a
    # line break: such a row is written with every field quoted
    quoted = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for decision in sorted(set(decisions)):
        row = {c: _neutralise(v) for c, v in decision.row().items()}
        (quoted if any("\r" in v for v in row.values()) else writer).writerow(row)
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



def overridden_links(decisions: list[Decision], minter: Minter, reference: Reference) -> set[tuple[str, str]]:
    """The (entity IRI, authority) pairs whose link in the reference data (a country's Wikidata item and
    GeoNames id) the decisions replace: every pair with an accepted row, and a pair whose reference value a
    curated row rejects (a reviewer's rejection of a shipped link takes it out of the build)."""
    accepted = {(minter.rebase(d.entity), d.authority) for d in decisions if d.status == "accepted"}
    rejected = {(minter.rebase(d.entity), d.authority, d.value) for d in decisions
                if d.curated and d.status == "rejected"}
    stated = {(minter.country(c.code), authority, value) for c in reference.countries.values()
              for authority, value in (("wikidata", c.wikidata), ("geonames", c.geonames)) if value}
    return accepted | {(entity, authority) for entity, authority, _ in stated & rejected}
