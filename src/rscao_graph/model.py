"""The typed model of a report: frozen dataclasses, every value with the span it came from.

``read`` turns a file into a :class:`SourceDocument`; ``extract`` turns that into a :class:`Report`.
Dates are ISO 8601 strings at their precision (``"2019-11"`` for a month), never made-up days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_IGNORABLE",
    "EMAIL",
    "NOT_IN_IRI",
    "SCHEME_TYPO",
    "Activity",
    "Block",
    "Cell",
    "Citation",
    "ConvenorAction",
    "DateValue",
    "Heading",
    "Link",
    "Locator",
    "Mention",
    "Note",
    "Paragraph",
    "Period",
    "Position",
    "Report",
    "SourceDocument",
    "SourceSpan",
    "Text",
    "is_http_url",
    "link_problem",
    "refused_in_iri",
]

Precision = Literal["day", "month", "year"]
Severity = Literal["violation", "warning", "info"]
MentionKind = Literal["organisation", "place", "person", "country", "work"]
MentionRole = Literal["mentioned", "location", "organiser", "place"]
CountrySource = Literal["stated", "inferred", "unknown"]
DateProblem = Literal["invalid", "ambiguous", "no-year"]


@dataclass(frozen=True, order=True)
class Position:
    """A place in a document that has no lines of its own (.docx, HTML): a paragraph of the body
    (``paragraph``, 1-based, counting the body's paragraphs outside tables), or a row of a table
    (``table`` and ``row``, 1-based) and, within it, a cell (``cell``, 1-based; 0 for the whole row).
    ``path`` is an XPath to the element in the document's XML (``word/document.xml``, the HTML)."""

    paragraph: int = 0
    table: int = 0
    row: int = 0
    cell: int = 0
    path: str = ""

    def label(self) -> str:
        """How a person finds it: ``"paragraph 12"``, ``"table 1, row 5"``, ``"table 1, row 5, cell 2"``.

        >>> Position(table=1, row=5, cell=2).label(), Position(paragraph=12).label()
        ('table 1, row 5, cell 2', 'paragraph 12')
        """
        if not self.table:
            return f"paragraph {self.paragraph}"
        return f"table {self.table}, row {self.row}" + (f", cell {self.cell}" if self.cell else "")


@dataclass(frozen=True, order=True)
class Locator:
    """Where a span of a document starts and ends, as :class:`Position` s."""

    start: Position
    end: Position

    def label(self) -> str:
        """``"table 1, row 5, cell 2"``; a range: ``"table 1, rows 5-7"``, ``"paragraphs 3-4"``.

        >>> Locator(Position(table=1, row=5, cell=2), Position(table=1, row=7, cell=3)).label()
        'table 1, rows 5-7'
        >>> Locator(Position(paragraph=3), Position(paragraph=4)).label()
        'paragraphs 3-4'
        """
        first, last = self.start, self.end
        if first == last:
            return first.label()
        if first.table and first.table == last.table:
            if first.row == last.row:
                return f"table {first.table}, row {first.row}"
            return f"table {first.table}, rows {first.row}-{last.row}"
        if not first.table and not last.table:
            if first.paragraph == last.paragraph:
                return first.label()
            return f"paragraphs {first.paragraph}-{last.paragraph}"
        return f"{first.label()} to {last.label()}"


@dataclass(frozen=True, order=True)
class SourceSpan:
    """Where a value stands in its report: lines (1-based, inclusive) and character offsets.

    Offsets count characters of the decoded, NFC-normalised text with ``\\n`` line ends. In a document
    (.docx, HTML) that text is the document's text as read, a paragraph a line, and ``locator`` says
    where the span stands in the document itself (``None`` for a text file).
    """

    file: str
    line: int
    end_line: int
    start: int
    end: int
    locator: Locator | None = field(default=None, compare=False)

    def to(self, other: SourceSpan) -> SourceSpan:
        """The span from the start of this one to the end of ``other``."""
        locator = None
        if self.locator is not None and other.locator is not None:
            first = self if (self.start, self.line) <= (other.start, other.line) else other
            last = self if (self.end, self.end_line) >= (other.end, other.end_line) else other
            locator = Locator(first.locator.start, last.locator.end)  # type: ignore[union-attr]
        return SourceSpan(self.file, min(self.line, other.line), max(self.end_line, other.end_line),
                          min(self.start, other.start), max(self.end, other.end), locator)

    def where(self) -> str:
        """Where the span starts as a person looks for it: ``"12"`` (the line) in a text file,
        ``"table 1, row 5"`` in a document.

        >>> SourceSpan("r.md", 12, 12, 0, 4).where()
        '12'
        """
        if self.locator is None:
            return str(self.line)
        start = self.locator.start
        return start.label() if not start.table else f"table {start.table}, row {start.row}"


@dataclass(frozen=True)
class Text:
    """A piece of report text as stated (whitespace normalised) with its span."""

    value: str
    span: SourceSpan


@dataclass(frozen=True)
class Note:
    """Something the reader or extractor wants a person to look at (uncertain or unparsable input)."""

    code: str
    severity: Severity
    message: str
    span: SourceSpan


# --- what the reader produces -------------------------------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a table cell (a ``<p>`` element) with its span."""

    text: str
    span: SourceSpan


@dataclass(frozen=True)
class Cell:
    """One cell of a table row."""

    paragraphs: tuple[Paragraph, ...]
    span: SourceSpan

    @property
    def is_empty(self) -> bool:
        return not any(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Block:
    """A line of text outside tables, a table header or a table row."""

    kind: Literal["text", "table-header", "table-row"]
    text: str
    span: SourceSpan
    cells: tuple[Cell, ...] = ()


@dataclass(frozen=True)
class SourceDocument:
    """A report file read into blocks. ``name`` is the path shown to people and used in provenance."""

    name: str
    text: str
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    notes: tuple[Note, ...] = ()
    format: Literal["text", "docx", "html"] = "text"


# --- what the extractor produces ----------------------------------------------------------------

@dataclass(frozen=True)
class DateValue:
    """A date as stated and, when it is a calendar date, its ISO value at its precision.

    ``start``/``end`` are ``None`` when the text is no calendar date; ``end`` is ``None`` for a single
    day or month, and for a date that starts and does not end (``open_end``: "since May 2022 (ongoing)";
    with no ``start``: "ongoing" alone). ``inferred`` says how a missing part was filled in (e.g. the
    year from the name, or the date from the details). ``problem`` says why a stated date has no value:
    ``"invalid"`` (no calendar date), ``"ambiguous"`` (a numeric date that reads two ways) or
    ``"no-year"``.
    """

    text: str
    start: str | None
    end: str | None
    precision: Precision | None
    span: SourceSpan
    inferred: str | None = None
    open_end: bool = False
    problem: DateProblem | None = None


@dataclass(frozen=True)
class Period:
    """The reporting period, month to month."""

    text: str
    start: str | None
    end: str | None
    span: SourceSpan


@dataclass(frozen=True)
class Link:
    """A link as written (wrapping punctuation removed); ``label`` is its display text or the words
    that name it. :attr:`is_url` tells whether it is an absolute http(s) URL."""

    text: str
    span: SourceSpan
    label: str | None = None

    @property
    def is_url(self) -> bool:
        return is_http_url(self.text)


#: A mistyped URL scheme ("htps://", "http//") and an e-mail address, as link items are written.
SCHEME_TYPO = r"(?:h+t+p+s*|htps?|hxxps?)\s?(?::/{1,3}|;//|//|:\\\\)"
EMAIL = r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+[a-z]{2,}(?:[/:?#]\S*)?", re.IGNORECASE)
#: Unicode's default-ignorable code points (``Default_Ignorable_Code_Point``, DerivedCoreProperties.txt):
#: soft hyphen, zero-width spaces and joiners, bidi marks and controls, word joiner and invisible operators,
#: variation selectors, the BOM, Hangul fillers, tags. They are invisible and never tell names apart.
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
#: What an IRI may not hold (RFC 3987): white space, ``<>"{}|\\^`` and controls, non-ASCII outside its
#: ``ucschar`` ranges (C1 controls, surrogates, private use, noncharacters, U+FFF0-U+FFFF with U+FFFD), and
#: the bidi controls and other default-ignorable code points (section 4.1: invisible, they make an IRI
#: read as another).
NOT_IN_IRI = re.compile(
    "[\\s<>\"{}|\\\\^`\x00-\x1f\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff"
    + "".join(chr(p) + chr(p + 1) for p in range(0x1FFFE, 0xF0000, 0x10000))
    + "\U000f0000-\U0010ffff]|" + DEFAULT_IGNORABLE.pattern)


def is_http_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host, and nothing an IRI may not contain.

    >>> is_http_url("http://www.gpsh.edu.kp:8080/foreign/index!2"), is_http_url("www.example.org")
    (True, False)
    >>> is_http_url("https://a.org/\\u202eevil"), is_http_url("https://a.org/{x}"), is_http_url("https://a.org/\\ufffd")
    (False, False, False)
    """
    if NOT_IN_IRI.search(text):
        return False
    try:
        parts = urlsplit(text)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and port_ok


def refused_in_iri(text: str) -> list[str]:
    """The code points of ``text`` an IRI may not hold (:data:`NOT_IN_IRI`), as ``"U+202E"``, in order.

    >>> refused_in_iri("https://a.org/\u200bx\u202e{")
    ['U+007B', 'U+200B', 'U+202E']
    """
    return sorted({f"U+{ord(c):04X}" for c in NOT_IN_IRI.findall(text)})


def link_problem(text: str) -> str | None:
    """Why a stated link is not a usable http(s) URL: ``"no-scheme"`` (``www.x.org``), ``"email"``,
    ``"scheme-typo"`` (``htps://``, ``http//``), ``"characters"`` (a URL but for non-ASCII characters an
    IRI may not hold: a bidi control, a zero-width space, U+FFFD, see :func:`refused_in_iri`), ``"invalid"``;
    ``None`` for a usable one.

    >>> [link_problem(t) for t in ("https://a.org", "www.a.org/x", "htps://a.org", "http//a.org", "a@b.org")]
    [None, 'no-scheme', 'scheme-typo', 'scheme-typo', 'email']
    >>> link_problem("https://a.org/no\u202ede/1")
    'characters'
    """
    if is_http_url(text):
        return None
    refused = NOT_IN_IRI.findall(text)
    if refused and all(c > "\x7f" for c in refused) and is_http_url(NOT_IN_IRI.sub("", text)):
        return "characters"
    if re.fullmatch(EMAIL, text, re.IGNORECASE):
        return "email"
    if re.match(SCHEME_TYPO, text, re.IGNORECASE) and not re.match(r"(?:https?|ftp)://", text, re.IGNORECASE):
        return "scheme-typo"
    if _DOMAIN.fullmatch(text) or re.match(r"www\d?\.", text, re.IGNORECASE):
        return "no-scheme" if is_http_url("https://" + text) else "invalid"
    return "invalid"


@dataclass(frozen=True)
class Citation:
    """A strategy direction (``"3"``) or key initiative (``"3.1"``) cited, with the label as cited.
    ``inferred`` says how the number was found when the report wrote none."""

    notation: str
    label: str
    span: SourceSpan
    inferred: str | None = None

    @property
    def is_initiative(self) -> bool:
        return "." in self.notation


@dataclass(frozen=True)
class Mention:
    """An organisation, place, person, country or work (a product, platform, project, treaty) named
    in the text.

    ``key`` is the gazetteer id (or country code) when the name is known, else ``None``; ``geonames``
    the GeoNames id of a place found in GeoNames. ``role`` is ``location``/``organiser``/``place`` when
    the text states it. For a person, ``title`` ("Ms."), ``position`` ("Manager") and ``affiliation``
    (the organisation's name as written) when stated.
    """

    name: str
    kind: MentionKind
    key: str | None
    country: str | None
    span: SourceSpan
    role: MentionRole = "mentioned"
    geonames: str | None = None
    title: str | None = None
    position: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Activity:
    """One activity of the table: "#n Name and Date", details, links, and the impact cell."""

    ordinal: int | None
    name: Text | None
    date: DateValue | None
    details: tuple[Text, ...]
    links: tuple[Link, ...]
    citations: tuple[Citation, ...]
    mentions: tuple[Mention, ...]
    country: str | None
    country_source: CountrySource
    span: SourceSpan
    country_text: str | None = None
    url_mentions: tuple[Link, ...] = ()
    unparsed: tuple[Text, ...] = ()
    country_carried: bool = False
    ordinal_inferred: bool = False

    @property
    def directions(self) -> tuple[str, ...]:
        """Directions cited (not those implied by an initiative), in order of notation."""
        return tuple(sorted({c.notation for c in self.citations if not c.is_initiative}, key=_notation_key))

    @property
    def initiatives(self) -> tuple[str, ...]:
        return tuple(sorted({c.notation for c in self.citations if c.is_initiative}, key=_notation_key))


def _notation_key(notation: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in notation.split("."))


@dataclass(frozen=True)
class Heading:
    """A heading of section I ("A".."E"), possibly wrapped over several lines."""

    letter: str
    title: Text


@dataclass(frozen=True)
class ConvenorAction:
    """One item under a section I heading."""

    heading: str
    number: int | None
    text: Text
    urls: tuple[Link, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Report:
    """A bi-annual sub-regional report. Missing header values are ``None`` and noted in ``notes``."""

    file: str
    committee: Text | None
    sub_region: Text | None
    convenor: Text | None
    period: Period | None
    submitted: DateValue | None
    headings: tuple[Heading, ...]
    actions: tuple[ConvenorAction, ...]
    activities: tuple[Activity, ...]
    notes: tuple[Note, ...] = field(default=())
    source_text: str = field(default="", repr=False)
    unparsed: tuple[Text, ...] = ()
    convenor_title: str | None = None
