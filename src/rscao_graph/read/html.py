"""Reader for HTML reports: the template saved as HTML by Word or LibreOffice, or a plain hand-made page.

The page is parsed by lxml's HTML parser (no network; comments, processing instructions, scripts and
styles ignored; entities decoded). The encoding is the byte order mark's, else the ``<meta charset>``'s,
else UTF-8, else Windows-1252. Then, as the .docx reader does:

- block elements (``p``, ``h1``-``h6``, ``li``, ``div``, ...) are paragraphs, in document order; ``<br>``
  starts a new line; ``<b>``/``<strong>`` are bold (``**``) in the text as read;
- a list item gets the label a browser shows: ``1.``, ``a.``, ``iv.`` by its ``<ol>``'s ``type`` and
  ``start`` (and the item's ``value``), ``•`` in a ``<ul>``; Word's own HTML writes the label as text,
  which is kept as it is;
- ``<a href>`` is ``[text](href)``, a text that is the address itself stays bare;
- tables with their real cells: ``colspan`` is followed by empty cells, a cell spanning rows down
  (``rowspan``) leaves the cells below it empty, as the text export does; a table inside a cell is read
  as that cell's paragraphs, with a note.

Spans point into the page: paragraph n, or table t, row r, cell c, with an XPath into the HTML. A page
without any table is no report (exit 2).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from lxml import etree, html

from ..errors import ReportError
from ..model import Locator, Note, Position, SourceDocument, SourceSpan
from .layout import BREAK, Line, Table, lay_out, link, split_lines
from .numbering import format_number

__all__ = ["read_html"]

_SKIP = frozenset("script style head template noscript title meta link object embed iframe svg math select "
                  "option button input textarea".split())
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre div section article header footer main center "
                    "address figure figcaption caption hr ul ol dl form fieldset nav aside body".split())
_BOLD = frozenset({"b", "strong"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?(?P<cs>[A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group("cs").decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _int(text: str | None, default: int) -> int:
    try:
        return int(str(text).strip()) if text is not None else default
    except ValueError:
        return default


@dataclass
class _List:
    ordered: bool
    fmt: str = "decimal"
    next: int = 1


@dataclass
class _Block:
    """The paragraph being read: its pieces, the element it started at, a list label waiting for it."""

    element: etree._Element
    pieces: list[tuple[str, bool]] = field(default_factory=list)


class _Reader:
    def __init__(self, name: str, tree: etree._ElementTree) -> None:
        self.name, self.tree = name, tree
        self.items: list[Line | Table] = []
        self.notes: list[Note] = []
        self.paragraphs = 0
        self.tables = 0
        self.lists: list[_List] = []
        self.label: str | None = None
        # inside a table cell: where its lines go, and the cell's position
        self.cell: list[Line] | None = None
        self.cell_position: Position | None = None

    def path(self, element: etree._Element) -> str:
        return str(self.tree.getpath(element))

    def flush(self, block: _Block) -> None:
        """End the paragraph being read: its lines go to the cell or the body."""
        if not any(text.strip() for text, _ in block.pieces):
            block.pieces = []
            return
        lines = split_lines(block.pieces, self.label, self.cell is not None)
        if lines:
            self.label = None
        block.pieces = []
        if self.cell is not None and self.cell_position is not None:
            position = Position(table=self.cell_position.table, row=self.cell_position.row,
                                cell=self.cell_position.cell, path=self.path(block.element))
            self.cell.extend(Line(text, marked, position) for text, marked in lines)
            return
        self.paragraphs += 1
        position = Position(paragraph=self.paragraphs, path=self.path(block.element))
        self.items.extend(Line(text, marked, position) for text, marked in lines)

    def walk(self, element: etree._Element, block: _Block, bold: bool) -> None:
        """Read the children of ``element`` into ``block`` (inline) or blocks of their own."""
        if element.text:
            block.pieces.append((element.text.replace("\n", " ") if element.tag != "pre" else element.text, bold))
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in _SKIP:
                self.element(child, tag, block, bold)
            if child.tail:
                block.pieces.append((child.tail.replace("\n", " "), bold))

    def element(self, child: etree._Element, tag: str, block: _Block, bold: bool) -> None:
        if tag == "br":
            block.pieces.append((BREAK, bold))
        elif tag == "a":
            display = _Block(child)
            self.walk(child, display, bold)
            href = (child.get("href") or "").strip()
            block.pieces.append(link("".join(t for t, _ in display.pieces), href) if href
                                else ("".join(t for t, _ in display.pieces), bold))
        elif tag == "table":
            self.flush(block)
            if self.cell is not None:
                self.nested(child)
            else:
                self.tables += 1
                self.items.append(self.table(child, self.tables))
        elif tag in ("ol", "ul"):
            self.flush(block)
            fmt = _OL_TYPES.get((child.get("type") or "1").strip(), "decimal")
            self.lists.append(_List(tag == "ol", fmt, _int(child.get("start"), 1)))
            self.walk(child, _Block(child), bold)
            self.lists.pop()
            self.label = None
        elif tag == "li":
            self.flush(block)
            self.label = self.list_label(child)
            inner = _Block(child)
            self.walk(child, inner, bold)
            self.flush(inner)
            self.label = None
        elif tag in _BLOCKS:
            self.flush(block)
            inner = _Block(child)
            self.walk(child, inner, bold)
            self.flush(inner)
        else:
            self.walk(child, block, bold or tag in _BOLD)

    def list_label(self, item: etree._Element) -> str:
        if not self.lists:
            return "•"
        current = self.lists[-1]
        if not current.ordered:
            return "•"
        current.next = _int(item.get("value"), current.next)
        label = f"{format_number(current.next, current.fmt)}."
        current.next += 1
        return label

    # --- tables ---------------------------------------------------------------------------------------

    def rows(self, table: etree._Element) -> list[etree._Element]:
        found = []
        for child in table:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag == "tr":
                found.append(child)
            elif tag in ("thead", "tbody", "tfoot"):
                found.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
        return found

    def table(self, element: etree._Element, number: int) -> Table:
        table = Table(Position(table=number, path=self.path(element)))
        below: dict[int, int] = {}  # column -> rows a cell above still spans
        for r, tr in enumerate(self.rows(element), start=1):
            cells: list[list[Line]] = []
            positions: list[Position] = []

            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                self.spanned(below, cells, positions, Position(table=number, row=r, path=self.path(tr)))
                column = len(cells) + 1
                position = Position(table=number, row=r, cell=column, path=self.path(td))
                cells.append(self.cell_lines(td, position))
                positions.append(position)
                width = max(min(_int(td.get("colspan"), 1), 100), 1)
                height = max(min(_int(td.get("rowspan"), 1), 10_000), 1)
                for extra in range(width):
                    if extra:
                        cells.append([])
                        positions.append(Position(table=number, row=r, cell=column + extra, path=self.path(td)))
                    if height > 1:
                        below[column + extra] = height - 1
            self.spanned(below, cells, positions, Position(table=number, row=r, path=self.path(tr)))
            table.rows.append(cells)
            table.cell_positions.append(positions)
            table.row_positions.append(Position(table=number, row=r, path=self.path(tr)))
        return table

    @staticmethod
    def spanned(below: dict[int, int], cells: list[list[Line]], positions: list[Position], row: Position) -> None:
        """Empty cells where a cell of a row above spans down (``rowspan``)."""
        while below.get(len(cells) + 1, 0) > 0:
            column = len(cells) + 1
            below[column] -= 1
            cells.append([])
            positions.append(Position(table=row.table, row=row.row, cell=column, path=row.path))

    def cell_lines(self, td: etree._Element, position: Position) -> list[Line]:
        saved = self.cell, self.cell_position, self.lists, self.label
        self.cell, self.cell_position, self.lists, self.label = [], position, [], None
        block = _Block(td)
        self.walk(td, block, False)
        self.flush(block)
        lines = self.cell
        self.cell, self.cell_position, self.lists, self.label = saved
        return lines

    def nested(self, element: etree._Element) -> None:
        """A table inside a cell: its cells' paragraphs become the outer cell's."""
        where = self.cell_position
        assert where is not None
        for tr in self.rows(element):
            for td in tr:
                if isinstance(td.tag, str) and td.tag.lower() in ("td", "th"):
                    block = _Block(td)
                    self.walk(td, block, False)
                    self.flush(block)
        here = Position(table=where.table, row=where.row, cell=where.cell, path=self.path(element))
        self.notes.append(Note("table-nested", "info",
                               f"a table inside table {where.table}, row {where.row}, cell {where.cell} is read as "
                               "the cell's paragraphs", SourceSpan(self.name, 1, 1, 0, 0, Locator(here, here))))


def read_html(data: bytes, name: str) -> SourceDocument:
    """Read an HTML report's bytes into blocks. Raises :class:`ReportError` (exit 2) for a page that
    cannot be parsed or has no table."""
    text = _XML_DECL.sub("", _decode(data, name), count=1)
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, remove_blank_text=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReportError(f"the HTML cannot be read ({exc})", file=name,
                          hint="save the report again as HTML, or as .docx") from exc
    body = root.find("body")
    if body is None:
        body = root
    reader = _Reader(name, root.getroottree())
    start = _Block(body)
    reader.walk(body, start, False)
    reader.flush(start)
    return lay_out(reader.items, name, "html", reader.notes)
