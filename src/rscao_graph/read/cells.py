"""Inline markup of the text export: table cells split into paragraphs, and text cleaned of markup.

A cell of the export holds ``<p>`` paragraphs; Word and other editors also leave ``<br>``, ``<b>``,
``<span>``, ``<a href>`` and entities. Only known HTML tag names are markup: ``<Digital Libraries>`` or
``<https://...>`` are text, and so is a known name followed by words that are no attributes
(``<A Day of Reading>``, ``<P Nepal>``: attributes are ``name=value`` pairs). The scanner is linear in
the length of the cell, whatever the nesting or balance of the tags, and keeps every character of text:
text between or outside paragraphs becomes a paragraph of its own, an unclosed ``<p>`` runs to the next
one or the end of the cell, a stray ``</p>`` ends the text before it; a line break ``<br>`` inside a
cell separates paragraphs too ("Camp, 5 Nov 2019<br>Details: ..."), and so does a line separator
(U+2028, U+2029: Word's manual line break, see ``decode``). A link ``<a href="URL">text</a>`` is
written ``[text](URL)``, the form the link extractor reads.
"""

from __future__ import annotations

import html
import re

from ..model import Cell, Paragraph, SourceSpan

__all__ = ["KNOWN_TAGS", "clean_inline", "parse_cell"]

#: Tag names that are markup; anything else in angle brackets is text.
KNOWN_TAGS = frozenset(
    "a abbr b big blockquote br center code del div em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark "
    "o:p ol p pre q s samp section small span strike strong sub sup table tbody td th thead tr tt u ul".split())
# Attributes are name=value pairs (quoted or not) or one of HTML's bare boolean names: "<a href=x>" and
# "<td nowrap>" are markup, "<A Day of Reading>" or "<P Nepal>" (a title in angle brackets) are text.
# Nothing in a tag crosses "<" or ">", so a match attempt ends at the next bracket (the scan stays linear).
_ATTRIBUTE = (r"""\s+(?:[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+)"""
              r"|(?:nowrap|hidden|compact|noshade|disabled|checked|selected|reversed)(?=[\s/>]))")
_TAG = re.compile(rf"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:]*)(?P<attrs>(?:{_ATTRIBUTE})*+)\s*/?>")
_HREF = re.compile(r"""href\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s"'>]+))""", re.IGNORECASE)
_BOLD = re.compile(r"\*\*|(?<![\w/])__|__(?![\w/])")
_SPACE = re.compile(r"\s+")
# Only complete entities ("&amp;", "&#8211;"): html.unescape alone would also turn the "&para=" of a
# URL's query string into "¶".
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BREAKS = frozenset({"br", "li", "tr", "td", "th", "div", "hr"})
_LINE_BREAK = re.compile("[\u2028\u2029]")


def _entity(match: re.Match[str]) -> str:
    text = html.unescape(match.group(0))
    return " " if text in ("\xa0", "\u200b") else text


def _tags(raw: str) -> list[tuple[int, int, str, bool, str]]:
    """The markup tags of ``raw``: (start, end, name, closing, attributes), known names only."""
    found = []
    for m in _TAG.finditer(raw):
        name = m.group("name").lower()
        if name in KNOWN_TAGS:
            found.append((m.start(), m.end(), name, bool(m.group("close")), m.group("attrs") or ""))
    return found


def clean_inline(raw: str) -> str:
    """Plain text of a bit of Markdown/HTML: bold markers and tags dropped, entities decoded,
    whitespace collapsed, ``<a href="U">T</a>`` written ``[T](U)``. Angle brackets around other
    text (``<https://...>``, ``<Digital Libraries>``) are kept.

    >>> clean_inline('**Bold** &amp; <b>more</b><br/>x <a href="https://a.org/">A</a> <Digital Libraries>')
    'Bold & more x [A](https://a.org/) <Digital Libraries>'
    """
    if "<" in raw:
        parts: list[str] = []
        last = 0
        href: list[str] = []
        for start, end, name, closing, attrs in _tags(raw):
            parts.append(raw[last:start])
            last = end
            if name == "a":
                if not closing:
                    m = _HREF.search(attrs)
                    target = (m.group("d") or m.group("s") or m.group("u") or "") if m else ""
                    href.append(target)
                    parts.append("[" if target else "")
                elif href:
                    target = href.pop()
                    parts.append(f"]({target})" if target else "")
            else:
                parts.append(" ")
        parts.append(raw[last:])
        parts.extend(f"]({t})" for t in reversed(href) if t)
        raw = "".join(parts)
    text = _BOLD.sub("", raw) if "*" in raw or "__" in raw else raw
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return " ".join(text.split())


def parse_cell(raw: str, name: str, line_no: int, offset: int) -> Cell:
    """A cell's paragraphs with the spans of their text in the source line (``offset`` is where the
    cell starts in the document). Empty paragraphs are dropped; no other text is.

    >>> cell = parse_cell("<p>A</p> stray <p>B", "r.md", 1, 0)
    >>> [(p.text, p.span.start, p.span.end) for p in cell.paragraphs]
    [('A', 3, 4), ('stray', 9, 14), ('B', 18, 19)]
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    marks = _tags(raw)
    if "\u2028" in raw or "\u2029" in raw:  # a line separator: Word's manual line break
        marks = sorted(marks + [(m.start(), m.end(), "br", False, "") for m in _LINE_BREAK.finditer(raw)])
    for tag_start, tag_end, tag, _, _ in marks:
        if tag in ("p", "br"):  # <p>, </p> and a line break (<br>, U+2028) each end the text before them
            pieces.append((start, tag_start))
            start = tag_end
    pieces.append((start, len(raw)))
    paragraphs = []
    for begin, end in pieces:
        text = clean_inline(raw[begin:end])
        if not text:
            continue
        chunk = raw[begin:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        paragraphs.append(Paragraph(text, SourceSpan(name, line_no, line_no, offset + begin + lead,
                                                     offset + begin + trail)))
    return Cell(tuple(paragraphs), SourceSpan(name, line_no, line_no, offset, offset + len(raw)))
