"""Stored queries: ``queries/*.rq`` files with grlc's ``#+`` decorators and BASIL-style parameters.

The header is read as grlc reads it: the ``#+`` lines, with every leading ``#`` and ``+`` taken off,
form one YAML document (so a value holding ": " must be quoted, and an unquoted 2019-09-01 is a
date, not text). Where grlc logs a warning and goes on with no metadata, a header that is not valid
YAML, or not of the shape grlc expects, is an error naming the file and line: a mapping of the keys
grlc knows (summary, description, tags, defaults, enumerate, endpoint, pagination, method,
endpoint_in_url, transform), given once each; tags a list of strings; defaults a list of
``name: value`` with text or integer values; enumerate a list of ``name:`` with their values. The
``#+`` lines come first. Parameters are the query's variables ``?_name`` (required) and
``?__name`` (optional), with a type suffix: none (a string), ``_iri``, ``_integer``, ``_xsd_date``.
Values are checked against their type and bound as RDF terms in a ``VALUES`` block, never pasted
into the query text as they come.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
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


class _DuplicateKey(yaml.constructor.ConstructorError):
    pass


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader (grlc's), except that a key given twice is an error, not the last one wins."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKey(None, None, f"decorator {key!r} given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _header(lines: list[str], file: str) -> tuple[dict[str, Any], int]:
    """The ``#+`` decorators as grlc reads them (YAML), and the number of header lines."""
    count = next((i for i, line in enumerate(lines) if not line.startswith("#+")), len(lines))
    later = next((i for i, line in enumerate(lines[count:], start=count + 1) if line.startswith("#+")), None)
    if later is not None:
        raise InputError("a '#+' decorator line after the query text: put every decorator line first",
                         file=file, line=later)
    try:
        values = yaml.load("\n".join(line.lstrip("#+") for line in lines[:count]), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        message = problem if isinstance(exc, _DuplicateKey) else (
            f"the decorators are not valid YAML: {problem} (quote a value that holds ': ')")
        raise InputError(message, file=file, line=mark.line + 1 if mark is not None else 1) from exc
    if values is None:
        return {}, count
    if not isinstance(values, dict):
        raise InputError("the decorators must be 'key: value' lines", file=file, line=1)
    for key in values:
        if key not in KNOWN_KEYS:
            raise InputError(f"unknown decorator {key!r}; known: {', '.join(sorted(KNOWN_KEYS))}", file=file,
                             line=_line_of(lines[:count], key))
    return values, count


def _line_of(lines: list[str], key: str) -> int:
    return next((i for i, line in enumerate(lines, start=1) if line.lstrip("#+ ").startswith(f"{key}:")), 1)


def _text(values: dict[str, Any], key: str, file: str, lines: list[str]) -> str:
    value = values.get(key, "")
    if not isinstance(value, str):
        raise InputError(f"decorator {key!r} must be text, not {type(value).__name__} (quote it)", file=file,
                         line=_line_of(lines, key))
    return value


def _tags(values: dict[str, Any], file: str, lines: list[str]) -> tuple[str, ...]:
    tags = values.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise InputError("decorator 'tags' must be a list of text items ('#+   - tag')", file=file,
                         line=_line_of(lines, "tags"))
    return tuple(tags)


def _defaults(values: dict[str, Any], file: str, lines: list[str]) -> dict[str, str]:
    """``defaults``: a list of one-key mappings (grlc's form), with text or integer values."""
    defaults: dict[str, str] = {}
    for item in values.get("defaults", []) or []:
        if not (isinstance(item, dict) and len(item) == 1):
            raise InputError(f"default {item!r} must be one 'name: value' list item", file=file,
                             line=_line_of(lines, "defaults"))
        ((name, value),) = item.items()
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise InputError(f"default {name}: {value!r} is read by YAML as {type(value).__name__}, not text: "
                             f"quote it ('{name}: \"{value}\"')", file=file, line=_line_of(lines, "defaults"))
        defaults[str(name)] = str(value)
    return defaults


def _enumerations(values: dict[str, Any], file: str, lines: list[str]) -> dict[str, tuple[str, ...]]:
    """``enumerate``: a list of ``name:`` mappings, each with its list of allowed values."""
    result: dict[str, tuple[str, ...]] = {}
    for item in values.get("enumerate", []) or []:
        if not (isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list)):
            raise InputError(f"enumerate item {item!r} must be 'name:' followed by its values", file=file,
                             line=_line_of(lines, "enumerate"))
        ((name, allowed),) = item.items()
        result[str(name)] = tuple(str(v) for v in allowed)
    return result


def parse_query_file(path: Path) -> StoredQuery:
    """Read one ``.rq`` file. Raises :class:`InputError` (exit 2) for a malformed header, a missing
    summary, or a default/enumeration naming no parameter of the query."""
    file = str(path)
    text = path.read_text(encoding="utf-8")
    values, count = _header(text.split("\n"), file)
    lines = text.split("\n")[:count]
    summary = _text(values, "summary", file, lines)
    if not summary:
        raise InputError("the query has no '#+ summary:' line", file=file, line=1)
    body = "\n".join(text.split("\n")[count:])
    kind = _KIND.search(re.sub(r"#[^\n]*", "", body))
    if kind is None:
        raise InputError("no SELECT, CONSTRUCT, DESCRIBE or ASK found", file=file)
    defaults = _defaults(values, file, lines)
    enumerations = _enumerations(values, file, lines)
    params: dict[str, Param] = {}
    for m in _PARAM.finditer(re.sub(r"#[^\n]*", "", body)):
        name = m.group("name")
        params.setdefault(name, Param(name, m.group(0)[1:], m.group("type") or "string", m.group("opt") == "_",
                                      defaults.get(name)))
    unknown = sorted((set(defaults) | set(enumerations)) - set(params))
    if unknown:
        raise InputError(f"defaults/enumerate name no parameter of the query: {', '.join(unknown)}", file=file)
    return StoredQuery(path.stem, path, body, summary, _text(values, "description", file, lines),
                       kind.group(1).upper(), _tags(values, file, lines), tuple(params.values()), enumerations)


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
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise UsageError(f"parameter {param.name}: {value!r} is not UTF-8 text") from None
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
