"""The activities table: rows grouped into activities, page-broken rows joined back.

A row whose Activities cell starts with "#n" or "Name and Date:" starts an activity; any other row
continues the one above, in either or both columns. A paragraph broken in the middle of a sentence
(or of a citation's label) is joined to the paragraph it continues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Citation, Link, Note, Paragraph, SourceSpan, Text
from .citations import parse_citation
from .links import find_urls, split_links

__all__ = ["DraftActivity", "group_activities"]

_START = re.compile(r"^#\s*(?P<n>\d+)\s*[.:)]?\s*(?:name\s*(?:and|&|/)\s*date\s*)?:*\s*(?P<rest>.*)$|"
                    r"^name\s*(?:and|&|/)\s*date\s*:+\s*(?P<rest2>.*)$", re.IGNORECASE)
_DETAILS = re.compile(r"^details?\s*(?::+\s*(?P<rest>.*)|$)", re.IGNORECASE)
_LINKS = re.compile(r"^links?\s*(?::[\s:]*(?P<rest>.*)|$)", re.IGNORECASE)
_SENTENCE_END = tuple('.!?;:"”’)')


@dataclass
class DraftActivity:
    """An activity as read from its rows, before dates, names and countries are interpreted."""

    ordinal: int | None
    span: SourceSpan
    name: Paragraph | None = None
    country_text: Text | None = None
    details: list[Text] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    url_mentions: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    unparsed: list[Text] = field(default_factory=list)
    mode: str = "name"


def _columns(header: Block | None) -> tuple[int | None, int, int]:
    """Indexes of the Country (``None`` when the table has no such column), Activities and Impact cells."""
    if header is None:
        return 0, 1, 2
    words = [w.strip().lower() for w in header.text.split("|")]
    if "country" not in words:
        return None, words.index("activities"), words.index("impact") if "impact" in words else 1
    return words.index("country"), words.index("activities"), words.index("impact") if "impact" in words else 2


def _join(previous: Text, paragraph: Paragraph) -> Text:
    return Text(f"{previous.value} {paragraph.text}", previous.span.to(paragraph.span))


def _add_activity_paragraph(draft: DraftActivity, para: Paragraph, first_of_row: bool) -> None:
    if m := _DETAILS.match(para.text):
        draft.mode = "details"
        if m.group("rest"):
            draft.details.append(Text(m.group("rest"), para.span))
            draft.url_mentions.extend(find_urls(m.group("rest"), para.span))
        return
    if m := _LINKS.match(para.text):
        draft.mode = "links"
        draft.links.extend(split_links(m.group("rest") or "", para.span))
        return
    if draft.mode == "links":
        draft.links.extend(split_links(para.text, para.span))
    elif draft.mode == "name" and first_of_row and draft.name is not None:
        draft.name = Paragraph(f"{draft.name.text} {para.text}", draft.name.span.to(para.span))
    else:
        draft.mode = "details"
        if first_of_row and draft.details and not draft.details[-1].value.endswith(_SENTENCE_END):
            draft.details[-1] = _join(draft.details[-1], para)
        else:
            draft.details.append(Text(para.text, para.span))
    draft.url_mentions.extend(find_urls(para.text, para.span))


def _add_impact_paragraph(draft: DraftActivity, para: Paragraph, first_of_row: bool, notes: list[Note]) -> None:
    citation = parse_citation(para)
    if citation is not None:
        draft.citations.append(citation)
    elif first_of_row and draft.citations:
        last = draft.citations[-1]
        draft.citations[-1] = Citation(last.notation, f"{last.label} {para.text}", last.span.to(para.span))
    else:
        draft.unparsed.append(Text(para.text, para.span))
        notes.append(Note("impact-unparsed", "warning",
                          f'Impact text "{para.text[:60]}" names no strategy direction or initiative by number; '
                          "kept as stated", para.span))


def group_activities(blocks: tuple[Block, ...]) -> tuple[list[DraftActivity], list[Note], list[Text]]:
    """Group the table rows of a document into draft activities, with notes on what could not be read
    and the text of rows that belong to no activity (kept as stated)."""
    notes: list[Note] = []
    orphans: list[Text] = []
    drafts: list[DraftActivity] = []
    header = next((b for b in blocks if b.kind == "table-header"), None)
    c_country, c_activity, c_impact = _columns(header)
    country: Text | None = None
    for row in (b for b in blocks if b.kind == "table-row"):
        if len(row.cells) <= max(c_activity, c_impact):
            notes.append(Note("row-unreadable", "warning",
                              f"table row has {len(row.cells)} cell(s), expected Country, Activities and Impact; "
                              "its text is kept as stated", row.span))
            if drafts:
                drafts[-1].unparsed.append(Text(row.text, row.span))
                drafts[-1].span = drafts[-1].span.to(row.span)
            else:
                orphans.append(Text(row.text, row.span))
            continue
        country_cell = row.cells[c_country] if c_country is not None and c_country < len(row.cells) else None
        if country_cell is not None and not country_cell.is_empty:
            text = " ".join(p.text for p in country_cell.paragraphs)
            country = Text(text, country_cell.span)
        paragraphs = row.cells[c_activity].paragraphs
        start = _START.match(paragraphs[0].text) if paragraphs else None
        if start is not None:
            ordinal = int(start.group("n")) if start.group("n") else None
            rest = start.group("rest") if start.group("n") else start.group("rest2")
            draft = DraftActivity(ordinal, row.span, country_text=country)
            draft.name = Paragraph(rest or "", paragraphs[0].span)
            drafts.append(draft)
            if ordinal is None:
                notes.append(Note("ordinal-missing", "warning",
                                  'activity has no "#n" number; write "#1 Name and Date: ..."', row.span))
            paragraphs = paragraphs[1:]
            first = False
        elif drafts:
            draft = drafts[-1]
            draft.span = draft.span.to(row.span)
            first = True
        else:
            notes.append(Note("row-without-activity", "warning",
                              'table row before any "#1 Name and Date:"; its text is kept as stated', row.span))
            orphans.append(Text(row.text, row.span))
            continue
        for i, para in enumerate(paragraphs):
            _add_activity_paragraph(draft, para, first and i == 0)
        for i, para in enumerate(row.cells[c_impact].paragraphs):
            _add_impact_paragraph(draft, para, start is None and i == 0, notes)
    return drafts, notes, orphans
