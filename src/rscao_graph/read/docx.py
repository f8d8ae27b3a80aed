"""Reader for Word documents (.docx): python-docx opens the package; the document's XML is walked for
what python-docx has no API for (vertical merges, numbering labels, fields).

- Paragraphs and headings in body order (content controls and custom XML opened); runs joined, bold
  kept (``**``) in the text as read; tabs are spaces; a line break starts a new line (a block of its
  own, as in the text export), a page or column break is a space; tracked deletions are left out,
  insertions kept; pictures, text boxes and field codes are not text.
- Numbered paragraphs get the label Word shows (``numbering.py``) before their text ("1. ...").
- Hyperlinks (``w:hyperlink`` and ``HYPERLINK`` fields, simple or complex) are written
  ``[display text](target)``, the form the link extractor reads; a display text that is the target
  itself stays bare.
- Tables with their real cells: a cell spanning columns (``w:gridSpan``) is followed by empty cells so
  that every row has the grid's columns; a cell merged into the one above (``w:vMerge`` continue) is
  empty, as the text export leaves it; a cell's paragraphs are its paragraphs; a table inside a cell is
  read as that cell's paragraphs, with a note.

Spans point into the document: body paragraph n, or table t, row r, cell c, with an XPath into
``word/document.xml``. A document without any table is no report (exit 2).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..errors import ReportError
from ..model import Locator, Note, Position, SourceDocument, SourceSpan
from .formats import refuse_dtd, sniff_format
from .layout import BREAK, Line, Table, lay_out, link, split_lines
from .numbering import Numbering, W

__all__ = ["read_docx"]

_W = f"{{{W}}}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+(?:"(?P<q>[^"]*)"|(?P<u>\S+))(?P<switches>.*)$', re.IGNORECASE | re.DOTALL)
_ANCHOR = re.compile(r'\\l\s+"(?P<a>[^"]*)"')
_OPEN = frozenset(f"{_W}{t}" for t in "ins moveTo smartTag customXml dir bdo".split())
_SKIP = frozenset(f"{_W}{t}" for t in "del moveFrom pPr rPr bookmarkStart bookmarkEnd proofErr".split())


@dataclass
class _Field:
    instr: str = ""
    result: bool = False
    pieces: list[tuple[str, bool]] = field(default_factory=list)


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(f"{_W}val", "true") not in ("0", "false", "off", "none")


class _Reader:
    """The walk of a document's body into lines and tables."""

    def __init__(self, name: str, links: dict[str, str], numbering: Numbering, styles: etree._Element | None,
                 tree: etree._ElementTree) -> None:
        self.name, self.links, self.numbering, self.tree = name, links, numbering, tree
        self.bold_styles = self._bold_styles(styles)
        self.notes: list[Note] = []
        self.items: list[Line | Table] = []
        self.paragraphs = 0
        self.tables = 0
        self.fields: list[_Field] = []

    @staticmethod
    def _bold_styles(styles: etree._Element | None) -> set[str]:
        found: set[str] = set()
        if styles is not None:
            for style in styles.iter(f"{_W}style"):
                if style.get(f"{_W}type") == "character" and _on(style.find(f"{_W}rPr/{_W}b")):
                    found.add(style.get(f"{_W}styleId", ""))
        return found

    def path(self, element: etree._Element) -> str:
        return str(self.tree.getpath(element))

    # --- the body -------------------------------------------------------------------------------------

    def body(self, parent: etree._Element) -> None:
        for child in parent:
            if child.tag == f"{_W}p":
                self.paragraphs += 1
                position = Position(paragraph=self.paragraphs, path=self.path(child))
                self.items.extend(Line(text, marked, position) for text, marked in self.lines(child))
            elif child.tag == f"{_W}tbl":
                self.tables += 1
                self.items.append(self.table(child, self.tables))
            elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
                if content is not None:
                    self.body(content)

    def lines(self, paragraph: etree._Element, in_cell: bool = False) -> list[tuple[str, str]]:
        """The lines of a paragraph: (plain, marked) text, the numbering label before the first."""
        pieces: list[tuple[str, bool]] = []
        label = self.numbering.label(paragraph)
        self.inline(paragraph, pieces, False)
        for open_field in self.fields:  # a field that runs on into the next paragraph: its result so far
            if open_field.result:
                pieces.extend(open_field.pieces)
                open_field.pieces = []
        return split_lines(pieces, label, in_cell)

    def emit(self, pieces: list[tuple[str, bool]], piece: tuple[str, bool]) -> None:
        """A piece of visible text: into the innermost field's result, or the paragraph."""
        if self.fields:
            top = self.fields[-1]
            if top.result:
                top.pieces.append(piece)
            return
        pieces.append(piece)

    def inline(self, parent: etree._Element, pieces: list[tuple[str, bool]], bold: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}r":
                self.run(child, pieces, bold)
            elif tag == f"{_W}hyperlink":
                display: list[tuple[str, bool]] = []
                saved, self.fields = self.fields, []
                self.inline(child, display, bold)
                self.fields = saved
                target = self.links.get(child.get(f"{_R}id", ""), "")
                anchor = child.get(f"{_W}anchor")
                if anchor:
                    target = f"{target}#{anchor}"
                self.emit(pieces, link("".join(t for t, _ in display), target))
            elif tag == f"{_W}fldSimple":
                result: list[tuple[str, bool]] = []
                saved, self.fields = self.fields, []
                self.inline(child, result, bold)
                self.fields = saved
                self.field_result(pieces, child.get(f"{_W}instr", ""), result)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.inline(content, pieces, bold)
            elif tag in _OPEN:
                self.inline(child, pieces, bold)

    def field_result(self, pieces: list[tuple[str, bool]], instr: str, result: list[tuple[str, bool]]) -> None:
        m = _HYPERLINK.match(instr)
        if m is None:
            for piece in result:
                self.emit(pieces, piece)
            return
        target = m.group("q") if m.group("q") is not None else m.group("u") or ""
        if anchor := _ANCHOR.search(m.group("switches") or ""):
            target = f"{target}#{anchor.group('a')}"
        self.emit(pieces, link("".join(t for t, _ in result), target))

    def run(self, run: etree._Element, pieces: list[tuple[str, bool]], bold: bool) -> None:
        rpr = run.find(f"{_W}rPr")
        if rpr is not None:
            b = rpr.find(f"{_W}b")
            style = rpr.find(f"{_W}rStyle")
            if b is not None:
                bold = _on(b)
            elif style is not None and style.get(f"{_W}val") in self.bold_styles:
                bold = True
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                self.emit(pieces, (child.text or "", bold))
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                self.emit(pieces, (" ", bold))
            elif tag == f"{_W}br":
                kind = child.get(f"{_W}type")
                self.emit(pieces, (" " if kind in ("page", "column") else BREAK, bold))
            elif tag == f"{_W}cr":
                self.emit(pieces, (BREAK, bold))
            elif tag == f"{_W}noBreakHyphen":
                self.emit(pieces, ("-", bold))
            elif tag == f"{_W}fldChar":
                self.field_char(child.get(f"{_W}fldCharType", ""), pieces)
            elif tag == f"{_W}instrText" and self.fields and not self.fields[-1].result:
                self.fields[-1].instr += child.text or ""

    def field_char(self, kind: str, pieces: list[tuple[str, bool]]) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].result = True
        elif kind == "end" and self.fields:
            done = self.fields.pop()
            self.field_result(pieces, done.instr, done.pieces)

    # --- tables ---------------------------------------------------------------------------------------

    def table(self, element: etree._Element, number: int) -> Table:
        table = Table(Position(table=number, path=self.path(element)))
        rows = [tr for tr in self.children(element, "tr")]
        for r, tr in enumerate(rows, start=1):
            cells: list[list[Line]] = []
            positions: list[Position] = []
            before = tr.find(f"{_W}trPr/{_W}gridBefore")
            for _ in range(int(before.get(f"{_W}val", "0")) if before is not None and
                           before.get(f"{_W}val", "0").isdigit() else 0):
                positions.append(Position(table=number, row=r, cell=len(cells) + 1, path=self.path(tr)))
                cells.append([])
            for tc in self.children(tr, "tc"):
                column = len(cells) + 1
                position = Position(table=number, row=r, cell=column, path=self.path(tc))
                tcpr = tc.find(f"{_W}tcPr")
                merge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
                span = tcpr.find(f"{_W}gridSpan") if tcpr is not None else None
                width = int(span.get(f"{_W}val", "1")) if span is not None and span.get(
                    f"{_W}val", "1").isdigit() else 1
                continued = merge is not None and merge.get(f"{_W}val", "continue") != "restart"
                cells.append([] if continued else self.cell(tc, number, r, column))
                positions.append(position)
                for extra in range(1, max(width, 1)):
                    cells.append([])
                    positions.append(Position(table=number, row=r, cell=column + extra, path=self.path(tc)))
            table.rows.append(cells)
            table.cell_positions.append(positions)
            table.row_positions.append(Position(table=number, row=r, path=self.path(tr)))
        return table

    def children(self, parent: etree._Element, tag: str) -> list[etree._Element]:
        """The ``w:tr`` of a table or ``w:tc`` of a row, through content controls and custom XML."""
        found = []
        for child in parent:
            if child.tag == f"{_W}{tag}":
                found.append(child)
            elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
                if content is not None:
                    found.extend(self.children(content, tag))
        return found

    def cell(self, tc: etree._Element, table: int, row: int, column: int) -> list[Line]:
        lines: list[Line] = []
        for child in tc.iter(f"{_W}p"):
            if not self._direct(child, tc):
                continue
            position = Position(table=table, row=row, cell=column, path=self.path(child))
            lines.extend(Line(text, marked, position) for text, marked in self.lines(child, True))
        if tc.find(f".//{_W}tbl") is not None:
            here = Position(table=table, row=row, cell=column, path=self.path(tc))
            self.notes.append(Note("table-nested", "info",
                                   f"a table inside table {table}, row {row}, cell {column} is read as the cell's "
                                   "paragraphs", SourceSpan(self.name, 1, 1, 0, 0, Locator(here, here))))
        return lines

    @staticmethod
    def _direct(paragraph: etree._Element, tc: etree._Element) -> bool:
        """Is a paragraph inside ``tc`` part of its content (not of a text box or a picture)?"""
        parent = paragraph.getparent()
        while parent is not None and parent is not tc:
            if parent.tag not in (f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt", f"{_W}sdtContent",
                                  f"{_W}customXml"):
                return False
            parent = parent.getparent()
        return parent is tc


def _open(data: bytes, name: str) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise ReportError(f"the document is damaged: a part is not well-formed XML ({exc})", file=name,
                          hint="open it in Word or LibreOffice and save it again") from exc
    except (KeyError, ValueError, AttributeError, TypeError, OSError) as exc:
        detail = str(exc).strip() or type(exc).__name__
        raise ReportError(f"the document is damaged or not a Word document ({detail})", file=name,
                          hint="open it in Word or LibreOffice and save it again as .docx") from exc


def _related(part: Any, kind: str) -> etree._Element | None:
    try:
        return part.part_related_by(kind).element
    except (KeyError, AttributeError):
        return None


def read_docx(data: bytes, name: str) -> SourceDocument:
    """Read a Word document's bytes into blocks. Raises :class:`ReportError` (exit 2) for a file that is
    no readable Word document (damaged, encrypted, macro-enabled, past the size limits, with a DTD) or
    that has no table."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    if sniff_format(data, name) != "docx":
        raise ReportError("this is not a Word document", file=name, hint="give a .docx file")
    document = _open(data, name)
    part = document.part
    root = document.element
    numbering_root, styles_root = _related(part, RT.NUMBERING), _related(part, RT.STYLES)
    for element, what in ((root, "word/document.xml"), (numbering_root, "word/numbering.xml"),
                          (styles_root, "word/styles.xml")):
        if element is not None:
            refuse_dtd(element, name, what)
    links = {rid: rel.target_ref for rid, rel in part.rels.items() if rel.reltype == RT.HYPERLINK}
    body = root.find(f"{_W}body")
    if body is None:
        raise ReportError("the document is damaged: word/document.xml has no body", file=name,
                          hint="open it in Word or LibreOffice and save it again")
    reader = _Reader(name, links, Numbering(numbering_root, styles_root), styles_root, root.getroottree())
    reader.body(body)
    return lay_out(reader.items, name, "docx", reader.notes)
