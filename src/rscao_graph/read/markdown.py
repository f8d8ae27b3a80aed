"""Reader for the Markdown/text export of the Word report template.

The export has ``**bold**`` title lines, numbered items, and the activities table as tab-separated
lines whose cells hold ``<p>`` paragraphs (``cells.py``). Each non-blank line outside the table becomes a
``text`` block. The table starts at its header row, found by its words in any wording (``tables.py``), or,
when it has none, at the first tab-separated row that starts an activity (with a note); its header is a
``table-header`` block and every later line (up to a section heading such as "IV. ...", or the end of the
file) a ``table-row`` block with its cells split into paragraphs; a line of the table without tabs is a
row of one cell, which extraction reports.
"""

from __future__ import annotations

import re

from ..model import Block, Cell, Note, SourceDocument, SourceSpan
from .cells import clean_inline, parse_cell
from .tables import header_roles, looks_like_activity_row

__all__ = ["clean_inline", "read_markdown"]

_SECTION = re.compile(r"^(?i:section\s+|part\s+)?(?:I{1,3}|IV|V|VI{0,3})\s*[.):]\s+\S")


def _cells(line: str, name: str, line_no: int, line_start: int) -> tuple[Cell, ...]:
    parsed, offset = [], line_start
    for raw in line.split("\t"):
        parsed.append(parse_cell(raw, name, line_no, offset))
        offset += len(raw) + 1
    return tuple(parsed)


def read_markdown(text: str, name: str, *, encoding: str = "utf-8",
                  notes: tuple[Note, ...] = ()) -> SourceDocument:
    """Split the decoded text of a report export into blocks with spans.

    >>> doc = read_markdown("**Title**\\n\\nCountry\\tActivities\\tImpact\\n\\t<p>#1 A</p>\\t<p>3.1 B</p>", "r.md")
    >>> [(b.kind, b.span.line) for b in doc.blocks]
    [('text', 1), ('table-header', 3), ('table-row', 4)]
    >>> [p.text for c in doc.blocks[2].cells for p in c.paragraphs]
    ['#1 A', '3.1 B']
    """
    blocks: list[Block] = []
    found: list[Note] = list(notes)
    in_table = False
    offset = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        span = SourceSpan(name, line_no, line_no, line_start, line_start + len(line))
        if in_table and "\t" not in line and _SECTION.match(clean_inline(line)):
            in_table = False
        if not in_table and "\t" in line:
            cells = line.split("\t")
            if header_roles([clean_inline(c) for c in cells]) is not None:
                in_table = True
                blocks.append(Block("table-header", clean_inline(" | ".join(cells)), span,
                                    _cells(line, name, line_no, line_start)))
                continue
            if looks_like_activity_row(cells) and not any(b.kind == "table-header" for b in blocks):
                in_table = True
                found.append(Note("table-header-missing", "warning",
                                  "the activities table has no header row (Country, Activities, Impact); its "
                                  "columns are taken in the template's order", span))
        if in_table:
            blocks.append(Block("table-row", clean_inline(line.replace("\t", " ")), span,
                                _cells(line, name, line_no, line_start)))
            continue
        lead = len(line) - len(line.lstrip())
        blocks.append(Block("text", clean_inline(line.replace("\t", " ")),
                            SourceSpan(name, line_no, line_no, line_start + lead, line_start + len(line.rstrip()))))
    return SourceDocument(name, text, tuple(blocks), encoding, tuple(found))
