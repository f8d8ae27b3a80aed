"""A document's paragraphs and tables laid out as the text reader's blocks (shared by the .docx and HTML
readers).

A format reader turns its document into :class:`Line` s (a paragraph of the body, or one line of it
when it holds line breaks) and :class:`Table` s (rows of cells of lines), each with its
:class:`~rscao_graph.model.Position` in the document; :func:`lay_out` makes the
:class:`~rscao_graph.model.SourceDocument` the extractor reads, the same blocks the text export gives:

- the document's text as read is one line per paragraph (a cell's paragraphs too), bold written
  ``**...**`` and links ``[label](target)`` as in the text export; spans count characters of it and carry
  the paragraph's or cell's place in the document (``table 1, row 5, cell 2``);
- a paragraph of the body is a ``text`` block;
- the activities table is the first whose row names the columns (``tables.header_roles``), or, with no
  such row, whose row starts an activity (with a note, as in the text reader); that row is the
  ``table-header`` block and every later row (of it and of any table after it) a ``table-row`` block;
- any other table (a layout table before the activities table) is read as text: a row of one-line cells
  is one ``text`` block, any other row a block per line, with a note.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import ReportError
from ..model import Block, Cell, Locator, Note, Paragraph, Position, SourceDocument, SourceSpan
from .decode import replace_refused
from .tables import header_roles, looks_like_activity_row

__all__ = ["BREAK", "Line", "Table", "lay_out", "link", "render", "split_lines"]

_SPACE = re.compile(r"\s+")
#: A line break among a paragraph's pieces of text.
BREAK = "\n"


@dataclass(frozen=True)
class Line:
    """A paragraph of a document (or one line of it): its plain text, the same with ``**`` around bold
    (what goes into the document's text as read), and where it stands."""

    text: str
    marked: str
    position: Position


@dataclass
class Table:
    """A table: rows of cells of lines, the position of each row and cell, and notes about it (nested
    tables flattened, ...)."""

    position: Position
    rows: list[list[list[Line]]] = field(default_factory=list)
    row_positions: list[Position] = field(default_factory=list)
    cell_positions: list[list[Position]] = field(default_factory=list)


def render(pieces: list[tuple[str, bool]]) -> tuple[str, str]:
    """Plain and marked text of a paragraph's pieces (text, bold): whitespace collapsed, NFC, bold pieces
    wrapped in ``**`` (spaces kept outside the markers).

    >>> render([("A ", False), ("bold", True), (" ", True), ("word", True), ("  and\\tmore", False)])
    ('A bold word and more', 'A **bold word** and more')
    """
    merged: list[tuple[str, bool]] = []
    for text, bold in pieces:
        if merged and merged[-1][1] == bold:
            merged[-1] = (merged[-1][0] + text, bold)
        else:
            merged.append((text, bold))
    plain = "".join(text for text, _ in merged)
    marked = []
    for text, bold in merged:
        core = text.strip()
        if bold and core:
            lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            marked.append(f"{lead}**{core}**{trail}")
        else:
            marked.append(text)
    return _clean(plain), _clean("".join(marked))


def split_lines(pieces: list[tuple[str, bool]], label: str | None = None,
                in_cell: bool = False) -> list[tuple[str, str]]:
    """The lines of a paragraph's pieces (text, bold), split at :data:`BREAK`, as (plain, marked) text;
    empty lines dropped; ``label`` (a list item's number or bullet) before the first. In a table cell
    each line is a paragraph of the cell, as the text reader reads the export's ``<br>``
    (``in_cell`` is kept for the readers that say where the paragraph stands).

    >>> split_lines([("Name", True), (" and" + BREAK + "Details", False)], "1.")
    [('1. Name and', '1. **Name** and'), ('Details', 'Details')]
    """
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, bold in pieces:
        for i, part in enumerate(text.split(BREAK)):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, bold))
    rendered = [(plain, marked) for plain, marked in map(render, lines) if plain]
    if label and rendered:
        rendered[0] = (f"{label} {rendered[0][0]}", f"{label} {rendered[0][1]}")
    return rendered


def link(display: str, target: str) -> tuple[str, bool]:
    """A hyperlink as the text export writes it: ``[display](target)``, or the display alone when it is
    the target (a bare URL, an e-mail address).

    >>> link("Programme", "https://a.org/p.pdf"), link("https://a.org/", "https://a.org/"), link(" ", "https://a.org/")
    (('[Programme](https://a.org/p.pdf)', False), ('https://a.org/', False), ('https://a.org/', False))
    """
    shown = " ".join(display.replace(BREAK, " ").split())
    target = target.strip()
    if not target:
        return shown, False
    if not shown or shown in (target, target.removeprefix("mailto:"), target.rstrip("/")):
        return shown or target, False
    return f"[{shown}]({target})", False


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip())


class _Writer:
    """The document's text as read, a line at a time, with the spans of what was written."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.offset = 0
        self.notes: list[Note] = []

    def write(self, line: Line) -> SourceSpan:
        text, found = replace_refused(line.marked)
        number = len(self.lines) + 1
        span = SourceSpan(self.name, number, number, self.offset, self.offset + len(text),
                          Locator(line.position, line.position))
        if found:
            self.notes.append(Note("text-replaced", "warning",
                                   f"characters that RDF cannot carry ({', '.join(found[:5])}) were replaced by "
                                   "U+FFFD; check the paragraph in the original document", span))
        self.lines.append(text)
        self.offset += len(text) + 1
        return span

    def here(self, position: Position) -> SourceSpan:
        """An empty span where the next line will start (an empty cell or row)."""
        number = len(self.lines) + 1
        return SourceSpan(self.name, number, number, self.offset, self.offset, Locator(position, position))


def _plain(line: Line) -> str:
    return replace_refused(line.text)[0]


def _cell_text(lines: list[Line]) -> str:
    return " ".join(_plain(line) for line in lines)


def _row_cells(writer: _Writer, table: Table, index: int) -> tuple[tuple[Cell, ...], SourceSpan]:
    cells = []
    row_position = table.row_positions[index]
    first: SourceSpan | None = None
    last: SourceSpan | None = None
    for lines, position in zip(table.rows[index], table.cell_positions[index], strict=True):
        paragraphs = []
        for line in lines:
            if not line.text:
                continue
            span = writer.write(line)
            paragraphs.append(Paragraph(_plain(line), span))
            first = first or span
            last = span
        if paragraphs:
            span = paragraphs[0].span.to(paragraphs[-1].span)
            span = SourceSpan(span.file, span.line, span.end_line, span.start, span.end, Locator(position, position))
        else:
            span = writer.here(position)
        cells.append(Cell(tuple(paragraphs), span))
    locator = Locator(row_position, row_position)
    if first is None or last is None:
        here = writer.here(row_position)
        return tuple(cells), here
    return tuple(cells), SourceSpan(writer.name, first.line, last.end_line, first.start, last.end, locator)


def _activities_start(table: Table) -> tuple[int, bool] | None:
    """The row where the activities table starts, and whether it is a header row."""
    for index, row in enumerate(table.rows):
        if header_roles([_cell_text(cell) for cell in row]) is not None:
            return index, True
    for index, row in enumerate(table.rows):
        if looks_like_activity_row([_cell_text(cell) for cell in row]):
            return index, False
    return None


def _as_text(writer: _Writer, table: Table, rows: range, blocks: list[Block]) -> None:
    """Rows of a table that is not the activities table, read as text."""
    for index in rows:
        row = [[line for line in cell if line.text] for cell in table.rows[index]]
        if all(len(cell) <= 1 for cell in row):
            lines = [cell[0] for cell in row if cell]
            if lines:
                joined = Line(" ".join(line.text for line in lines), " ".join(line.marked for line in lines),
                              table.row_positions[index])
                blocks.append(Block("text", _plain(joined), writer.write(joined)))
            continue
        for cell in row:
            for line in cell:
                blocks.append(Block("text", _plain(line), writer.write(line)))


def lay_out(items: list[Line | Table], name: str, kind: str, notes: list[Note] | None = None) -> SourceDocument:
    """The blocks of a document read into ``items`` (``kind`` is ``"docx"`` or ``"html"``), with the
    reader's ``notes``. Raises :class:`ReportError` (exit 2) when there is no table at all: a document
    cannot be cut short as a text export can, so one without the activities table is no report."""
    if not any(isinstance(item, Table) for item in items):
        noun = "document" if kind == "docx" else "page"
        raise ReportError(f"the {noun} has no table, so not the activities table (Country / Activities / Impact) "
                          "of the report template", file=name,
                          hint="check that this is the report; the activities must be in the template's table")
    writer = _Writer(name)
    blocks: list[Block] = []
    found = list(notes or ())
    in_table = False
    for item in items:
        if isinstance(item, Line):
            if item.text:
                blocks.append(Block("text", _plain(item), writer.write(item)))
            continue
        start = 0
        if not in_table:
            where = _activities_start(item)
            if where is None:
                _as_text(writer, item, range(len(item.rows)), blocks)
                found.append(Note("table-read-as-text", "info",
                                  f"table {item.position.table} has no Country / Activities / Impact columns; "
                                  "its cells are read as text", writer.here(item.position)))
                continue
            start, is_header = where
            _as_text(writer, item, range(start), blocks)
            in_table = True
            cells, span = _row_cells(writer, item, start)
            if is_header:
                blocks.append(Block("table-header", " | ".join(_cell_text(c) for c in item.rows[start]), span, cells))
                start += 1
            else:
                found.append(Note("table-header-missing", "warning",
                                  "the activities table has no header row (Country, Activities, Impact); its "
                                  "columns are taken in the template's order", span))
                blocks.append(Block("table-row", " ".join(p.text for c in cells for p in c.paragraphs), span, cells))
                start += 1
        for index in range(start, len(item.rows)):
            cells, span = _row_cells(writer, item, index)
            blocks.append(Block("table-row", " ".join(p.text for c in cells for p in c.paragraphs), span, cells))
    found.extend(writer.notes)
    return SourceDocument(name, "\n".join(writer.lines), tuple(blocks), "utf-8", tuple(found),
                          "docx" if kind == "docx" else "html")
