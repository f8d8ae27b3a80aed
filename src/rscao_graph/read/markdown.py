"""Reader for the Markdown/text export of the Word report template.

The export has ``**bold**`` title lines, numbered items written ``1\\``, and the activities table as
tab-separated lines whose cells hold ``<p>`` paragraphs. Each non-blank line outside the table becomes
a ``text`` block; the table's header line a ``table-header`` block; every other line of the table (up to a
section heading such as "IV. ...", or the end of the file) a ``table-row`` block with its cells split
into paragraphs; a line of the table without tabs is a row of one cell, which extraction reports.
"""

from __future__ import annotations

import html
import re

from ..model import Block, Cell, Note, Paragraph, SourceDocument, SourceSpan

__all__ = ["clean_inline", "read_markdown"]

_PARA = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BOLD = re.compile(r"\*\*|__")
_SPACE = re.compile(r"\s+")
# Only complete entities ("&amp;", "&#8211;"): html.unescape alone would also turn the "&para=" of a
# URL's query string into "¶".
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_HEADER_WORDS = {"country", "activities", "impact"}
_SECTION = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3})\s*[.)]\s+\S")


def clean_inline(raw: str) -> str:
    """Plain text of a bit of Markdown/HTML: bold markers and tags dropped, entities decoded,
    whitespace collapsed. URLs written ``<https://...>`` keep their angle brackets."""
    text = _BOLD.sub("", raw)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = _TAG.sub(lambda m: m.group(0) if _is_autolink(m.group(0)) else " ", text)
    return _SPACE.sub(" ", _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)).strip()


def _is_autolink(tag: str) -> bool:
    return bool(re.match(r"<(?:https?|ftp)://|<www\.", tag, re.IGNORECASE)) or ":" in tag[1:6]


def _is_header(cells: list[str]) -> bool:
    words = {clean_inline(c).lower() for c in cells}
    return "activities" in words and len(words & _HEADER_WORDS) >= 2


def _cell(raw: str, name: str, line_no: int, offset: int) -> Cell:
    paragraphs: list[Paragraph] = []
    matches = list(_PARA.finditer(raw))
    if matches:
        for m in matches:
            text = clean_inline(m.group(1))
            start, end = offset + m.start(1), offset + m.end(1)
            paragraphs.append(Paragraph(text, SourceSpan(name, line_no, line_no, start, end)))
    elif raw.strip():
        lead = len(raw) - len(raw.lstrip())
        start = offset + lead
        paragraphs.append(Paragraph(clean_inline(raw), SourceSpan(name, line_no, line_no, start,
                                                                  offset + len(raw.rstrip()))))
    paragraphs = [p for p in paragraphs if p.text]
    return Cell(tuple(paragraphs), SourceSpan(name, line_no, line_no, offset, offset + len(raw)))


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
    in_table = False
    offset = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        if in_table and "\t" not in line and _SECTION.match(clean_inline(line)):
            in_table = False
        if "\t" in line or in_table:
            cells = line.split("\t")
            if not in_table and _is_header(cells):
                in_table = True
                span = SourceSpan(name, line_no, line_no, line_start, line_start + len(line))
                blocks.append(Block("table-header", clean_inline(" | ".join(cells)), span))
                continue
            if in_table:
                parsed, cell_offset = [], line_start
                for raw in cells:
                    parsed.append(_cell(raw, name, line_no, cell_offset))
                    cell_offset += len(raw) + 1
                span = SourceSpan(name, line_no, line_no, line_start, line_start + len(line))
                blocks.append(Block("table-row", clean_inline(line), span, tuple(parsed)))
                continue
        lead = len(line) - len(line.lstrip())
        span = SourceSpan(name, line_no, line_no, line_start + lead, line_start + len(line.rstrip()))
        blocks.append(Block("text", clean_inline(line), span))
    return SourceDocument(name, text, tuple(blocks), encoding, notes)
