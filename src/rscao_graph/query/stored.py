"""Stored queries: ``queries/*.rq`` files with grlc's ``#+`` decorators and BASIL-style parameters.

Header lines come first, each ``#+ key: value`` or a list under a key (``#+   - item``); the keys
grlc knows are accepted (summary, description, tags, defaults, enumerate, endpoint, pagination,
method, endpoint_in_url, transform); a malformed header is an error naming the file and line.
Parameters are the query's variables ``?_name`` (required) and ``?__name`` (optional), with a type
suffix: none (a string), ``_iri``, ``_integer``, ``_xsd_date``. Values are checked against their
type and bound as RDF terms in a ``VALUES`` block, never pasted into the query text as they come.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from ..errors import InputError, UsageError
from ..resources import resource_path
from ..vocab import XSD

__all__ = ["Param", "StoredQuery", "bind_query", "load_queries", "parse_query_file"]

KNOWN_KEYS = {"summary", "description", "tags", "defaults", "enumerate", "endpoint", "pagination", "method",
              "endpoint_in_url", "transform"}
_PARAM = re.compile(r"[?$](?P<opt>__?)(?P<name>[A-Za-z0-9]+)(?:_(?P<type>iri|integer|xsd_date))?\b")
_KIND = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    """A query parameter: ``name`` as given on the command line, its SPARQL variable and type."""

    name: str
    variable: str
    type: str
    required: bool
    default: str | None = None


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str
    kind: str
    tags: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    enumerate: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _header(lines: list[str], file: str) -> tuple[dict[str, str | list[str]], int]:
    """The ``#+`` decorators as a dict, and the number of header lines."""
    values: dict[str, str | list[str]] = {}
    key: str | None = None
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#+"):
            break
        count = number
        body = line[2:]
        if m := re.fullmatch(r" (?P<key>[a-z_]+):(?: (?P<value>.*\S))?\s*", body):
            key = m.group("key")
            if key not in KNOWN_KEYS:
                raise InputError(f"unknown decorator {key!r}; known: {', '.join(sorted(KNOWN_KEYS))}",
                                 file=file, line=number)
            if key in values:
                raise InputError(f"decorator {key!r} given twice", file=file, line=number)
            values[key] = m.group("value") if m.group("value") is not None else []
        elif (m := re.fullmatch(r" {3}- (?P<item>.*\S)\s*", body)) and isinstance(items := values.get(key or ""), list):
            items.append(m.group("item"))
        elif ((m := re.fullmatch(r" {5}- (?P<item>.*\S)\s*", body)) and key == "enumerate"
              and isinstance(items := values[key], list) and items):
            items.append("  " + m.group("item"))
        else:
            raise InputError(f"malformed decorator line {line!r}: write '#+ key: value' or '#+   - item'",
                             file=file, line=number)
    return values, count


def _enumerations(items: list[str], file: str) -> dict[str, tuple[str, ...]]:
    result: dict[str, list[str]] = {}
    current = None
    for item in items:
        if item.startswith("  "):
            if current is None:
                raise InputError("enumerate value before its variable", file=file)
            result[current].append(item.strip())
        elif item.endswith(":"):
            current = item[:-1].strip()
            result[current] = []
        else:
            raise InputError(f"enumerate item {item!r} must be 'variable:' followed by values", file=file)
    return {k: tuple(v) for k, v in result.items()}


def parse_query_file(path: Path) -> StoredQuery:
    """Read one ``.rq`` file. Raises :class:`InputError` (exit 2) for a malformed header, a missing
    summary, or a default/enumeration naming no parameter of the query."""
    file = str(path)
    text = path.read_text(encoding="utf-8")
    values, count = _header(text.split("\n"), file)
    summary = values.get("summary")
    if not isinstance(summary, str) or not summary:
        raise InputError("the query has no '#+ summary:' line", file=file, line=1)
    body = "\n".join(text.split("\n")[count:])
    kind = _KIND.search(re.sub(r"#[^\n]*", "", body))
    if kind is None:
        raise InputError("no SELECT, CONSTRUCT, DESCRIBE or ASK found", file=file)
    defaults: dict[str, str] = {}
    listed = values.get("defaults", [])
    for item in listed if isinstance(listed, list) else []:
        name, sep, value = str(item).partition(":")
        if not sep:
            raise InputError(f"default {item!r} must be 'name: value'", file=file)
        defaults[name.strip()] = value.strip()
    params: dict[str, Param] = {}
    for m in _PARAM.finditer(re.sub(r"#[^\n]*", "", body)):
        name = m.group("name")
        params.setdefault(name, Param(name, m.group(0)[1:], m.group("type") or "string", m.group("opt") == "_",
                                      defaults.get(name)))
    unknown = sorted((set(defaults) | set(_enumerations(values.get("enumerate", []), file))) - set(params))  # type: ignore[arg-type]
    if unknown:
        raise InputError(f"defaults/enumerate name no parameter of the query: {', '.join(unknown)}", file=file)
    tags = values.get("tags", [])
    return StoredQuery(path.stem, path, body, summary, str(values.get("description", "")), kind.group(1).upper(),
                       tuple(tags) if isinstance(tags, list) else (str(tags),), tuple(params.values()),
                       _enumerations(values.get("enumerate", []), file))  # type: ignore[arg-type]


@cache
def load_queries(folder: Path | None = None) -> dict[str, StoredQuery]:
    """All stored queries, by name (the file name without ``.rq``)."""
    folder = folder or resource_path("queries")
    return {p.stem: parse_query_file(p) for p in sorted(folder.glob("*.rq"), key=lambda p: p.stem)}


def _term(param: Param, value: str) -> NamedNode | Literal:
    if param.type == "iri":
        try:
            node = NamedNode(value)
        except ValueError as exc:
            raise UsageError(f"parameter {param.name}: {value!r} is not an absolute IRI") from exc
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
            raise UsageError(f"parameter {param.name}: {value!r} is not an absolute IRI")
        return node
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise UsageError(f"parameter {param.name}: {value!r} is not an integer")
        return Literal(str(int(value)), datatype=XSD.integer)
    if param.type == "xsd_date":
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise UsageError(f"parameter {param.name}: {value!r} is not a date (YYYY-MM-DD)") from exc
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise UsageError(f"parameter {param.name}: {value!r} is not a date (YYYY-MM-DD)")
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def bind_query(query: StoredQuery, values: dict[str, str]) -> str:
    """The query text with its parameters bound in a ``VALUES`` block at the start of the outer
    ``WHERE``. Raises :class:`UsageError` (exit 2) for an unknown or missing parameter or a value of
    the wrong type or outside its enumeration."""
    by_name = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        known = ", ".join(by_name) or "none"
        raise UsageError(f"query {query.name} has no parameter {', '.join(unknown)} (its parameters: {known})")
    bound: list[tuple[str, str]] = []
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            if param.required:
                raise UsageError(f"query {query.name} needs --param {param.name}=...")
            continue
        allowed = query.enumerate.get(param.name)
        if allowed and value not in allowed:
            raise UsageError(f"parameter {param.name}: {value!r} is not one of {', '.join(allowed)}")
        bound.append((param.variable, str(_term(param, value))))
    if not bound:
        return query.text
    block = "VALUES (" + " ".join("?" + v for v, _ in bound) + ") { (" + " ".join(t for _, t in bound) + ") }"
    m = re.search(r"\bWHERE\s*\{", query.text, re.IGNORECASE)
    if m is None:
        raise InputError("a query with parameters needs a WHERE clause", file=str(query.path))
    return query.text[:m.end()] + "\n  " + block + query.text[m.end():]
