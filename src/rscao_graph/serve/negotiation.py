"""Content negotiation on ``Accept`` (RFC 9110, section 12.5.1), and the formats a resource is served in.

Each media range of the header (``type/subtype``, ``type/*`` or ``*/*``, with parameters and a q-value)
is parsed, malformed ones are skipped; for each format offered, the most specific range that matches
it gives its q-value (a range with parameters matches only a representation with the same values;
parameters after ``q`` are accept-extensions and ignored); q=0 refuses. The format with the highest
q-value wins, ties going to the order the formats are offered in. No header means ``*/*``.

>>> choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", DESCRIPTION_FORMATS).key
'html'
>>> choose("text/turtle;q=0.5, application/ld+json", DESCRIPTION_FORMATS).key
'jsonld'
>>> choose("image/png", DESCRIPTION_FORMATS) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["DESCRIPTION_FORMATS", "FORMATS", "GRAPH_FORMATS", "RESULT_FORMATS", "SERVICE_FORMATS", "Format",
           "MediaRange", "by_extension", "by_name", "choose", "parse_accept", "quality"]

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_RANGE = re.compile(rf"^\s*(?P<type>{_TOKEN}|\*)/(?P<subtype>{_TOKEN}|\*)\s*(?P<params>(?:;.*)?)$")
_PARAM = re.compile(rf'\s*;\s*(?P<name>{_TOKEN})\s*=\s*(?P<value>{_TOKEN}|"(?:[^"\\]|\\.)*")\s*')
_Q = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")


@dataclass(frozen=True)
class Format:
    """A representation: key, media type, its parameters, file extension, names for ``?format=``."""

    key: str
    media_type: str
    label: str
    extension: str
    names: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value."""
        return self.media_type + "".join(f"; {k}={v}" for k, v in self.params.items() if k != "profile")

    def accepts(self, name: str, value: str) -> bool:
        """Does this representation have parameter ``name`` with ``value``?"""
        mine = self.params.get(name)
        if mine is None:
            return False
        if name == "charset":
            return mine.lower() == value.lower()
        if name == "profile":
            return set(value.split()) <= set(mine.split())
        return mine == value


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    params: tuple[tuple[str, str], ...]
    q: float

    def specificity(self) -> int:
        if self.type == "*":
            return 0
        if self.subtype == "*":
            return 1
        return 3 if self.params else 2

    def matches(self, fmt: Format) -> bool:
        kind, _, sub = fmt.media_type.partition("/")
        if self.type != "*" and self.type != kind:
            return False
        if self.subtype != "*" and self.subtype != sub:
            return False
        return all(fmt.accepts(name, value) for name, value in self.params)


_UTF8 = {"charset": "utf-8"}
JSONLD_COMPACTED = "http://www.w3.org/ns/json-ld#compacted"

#: Every format, by key.
FORMATS: dict[str, Format] = {f.key: f for f in (
    Format("html", "text/html", "HTML", "html", ("html", "htm"), _UTF8),
    Format("ttl", "text/turtle", "Turtle", "ttl", ("ttl", "turtle"), _UTF8),
    Format("jsonld", "application/ld+json", "JSON-LD", "jsonld", ("jsonld", "json-ld"),
           {"profile": JSONLD_COMPACTED}),
    Format("nt", "application/n-triples", "N-Triples", "nt", ("nt", "ntriples", "n-triples"), _UTF8),
    Format("trig", "application/trig", "TriG", "trig", ("trig",), _UTF8),
    Format("nq", "application/n-quads", "N-Quads", "nq", ("nq", "nquads", "n-quads"), _UTF8),
    Format("rdf", "application/rdf+xml", "RDF/XML", "rdf", ("rdf", "xml", "rdfxml", "rdf+xml"), _UTF8),
    Format("json", "application/json", "JSON-LD as JSON", "json", ("json",)),
    Format("txt", "text/plain", "N-Triples as plain text", "txt", ("txt", "text"), _UTF8),
    Format("srj", "application/sparql-results+json", "SPARQL JSON", "srj", ("json", "srj"), _UTF8),
    Format("srx", "application/sparql-results+xml", "SPARQL XML", "srx", ("xml", "srx"), _UTF8),
    Format("csv", "text/csv", "CSV", "csv", ("csv",), _UTF8),
    Format("tsv", "text/tab-separated-values", "TSV", "tsv", ("tsv",), _UTF8),
)}
#: The formats a resource description is offered in, in the order that breaks ties.
DESCRIPTION_FORMATS: tuple[Format, ...] = tuple(FORMATS[k] for k in
                                                ("html", "ttl", "jsonld", "nt", "trig", "nq", "rdf", "json", "txt"))
#: The formats of SELECT and ASK results (HTML: a table for people).
RESULT_FORMATS: tuple[Format, ...] = tuple(FORMATS[k] for k in ("srj", "srx", "csv", "tsv", "html"))
#: The formats of CONSTRUCT and DESCRIBE results.
GRAPH_FORMATS: tuple[Format, ...] = tuple(FORMATS[k] for k in ("ttl", "nt", "jsonld", "rdf"))
#: What the SPARQL endpoint's service description (a bare GET) is offered in.
SERVICE_FORMATS: tuple[Format, ...] = tuple(FORMATS[k] for k in ("ttl", "html", "nt", "jsonld", "rdf"))


def _unquote(value: str) -> str:
    if value.startswith('"'):
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; malformed ranges and q-values are skipped, and a header
    of which nothing can be read counts as none (``*/*``).

    >>> [(r.type, r.subtype, r.q) for r in parse_accept('text/turtle;q=0.9, */*;q=0.1')]
    [('text', 'turtle', 0.9), ('*', '*', 0.1)]
    """
    if header is None or not header.strip():
        return [MediaRange("*", "*", (), 1.0)]
    ranges = []
    for part in _split(header):
        m = _RANGE.match(part)
        if m is None or (m.group("type") == "*" and m.group("subtype") != "*"):
            continue
        params: list[tuple[str, str]] = []
        q = 1.0
        rest = m.group("params")
        ok = True
        while rest:
            p = _PARAM.match(rest)
            if p is None:
                ok = False
                break
            name, value = p.group("name").lower(), _unquote(p.group("value"))
            rest = rest[p.end():]
            if name == "q":
                if not _Q.match(value):
                    ok = False
                    break
                q = float(value)
                break  # what follows q are accept-extensions
            params.append((name, value))
        if ok:
            ranges.append(MediaRange(m.group("type").lower(), m.group("subtype").lower(), tuple(params), q))
    return ranges or [MediaRange("*", "*", (), 1.0)]


def _split(header: str) -> list[str]:
    """Split on commas outside quoted strings."""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in header:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in parts if p.strip()]


def quality(ranges: Sequence[MediaRange], fmt: Format) -> float:
    """The q-value ``ranges`` give ``fmt``: that of the most specific matching range (the highest q
    among equally specific ones), 0 when none matches."""
    best: tuple[int, float] | None = None
    for r in ranges:
        if r.matches(fmt):
            key = (r.specificity(), r.q)
            if best is None or key > best:
                best = key
    return best[1] if best is not None else 0.0


def choose(header: str | None, offered: Sequence[Format]) -> Format | None:
    """The format of ``offered`` the ``Accept`` header prefers, or ``None`` when it accepts none."""
    ranges = parse_accept(header)
    best: Format | None = None
    best_q = 0.0
    for fmt in offered:
        q = quality(ranges, fmt)
        if q > best_q:
            best, best_q = fmt, q
    return best


def by_name(name: str, offered: Sequence[Format]) -> Format | None:
    """The format ``?format=name`` asks for (a key, an alias or a media type), if offered."""
    name = name.strip().lower()
    return next((f for f in offered if name == f.key or name in f.names or name == f.media_type), None)


def by_extension(path: str, offered: Sequence[Format]) -> tuple[str, Format] | None:
    """``(path without the extension, format)`` when ``path`` ends in the extension of an offered format."""
    stem, dot, extension = path.rpartition(".")
    if not dot or "/" in extension:
        return None
    fmt = next((f for f in offered if f.extension == extension.lower()), None)
    return (stem, fmt) if fmt is not None and stem else None
