"""The activities table: rows grouped into activities, page-broken rows joined back.

Columns are found by the header's words (``read.tables``). A row whose Activities cell starts with an
activity header (``boundaries.py``) starts an activity; any other row continues the one above, in either
or both columns. A paragraph broken in the middle of a sentence, or a URL broken after "Links:", is joined
to what it continues. A filled Country cell continues down only while the numbering continues: a number
that restarts (or goes down) under an empty cell starts a country of its own, left for inference. Nothing
of a row is dropped: what fits nowhere is kept as the activity's (or the report's) unparsed text, with a
note quoting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ..model import Block, Cell, Link, Note, Paragraph, SourceSpan, Text
from ..read.tables import header_roles
from .boundaries import DETAILS_RE, LINKS_RE, HeaderMatch, find_header, inside_headers, is_no_activity
from .links import find_urls, is_http_url, no_link, split_links

__all__ = ["DraftActivity", "group_activities"]

_SENTENCE_END = tuple('.!?;"”’)')
_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}(?:\.(?!\d)|\))|[-–•*·▪●])\s")
_JUNK_CELL = re.compile(r"^\s*(?:</?[A-Za-z]*\s*/?>?|[<>*_|]*)\s*$")
_URL_TAIL = re.compile(r"^[\w\-./?=&%#~+:@!$,;]+$")
_URL_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|www\d?\.|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|int|info|"
                        r"biz|museum|[a-z]{2})(?:/|$))", re.IGNORECASE)


@dataclass
class DraftActivity:
    """An activity as read from its rows, before dates, names, citations and countries are interpreted."""

    ordinal: int | None
    span: SourceSpan
    name: Paragraph | None = None
    country_text: Text | None = None
    country_carried: bool = False
    restarted: bool = False
    details: list[Text] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    url_mentions: list[Link] = field(default_factory=list)
    impact: list[tuple[Paragraph, bool]] = field(default_factory=list)
    unparsed: list[Text] = field(default_factory=list)
    has_links_line: bool = False
    has_details_line: bool = False
    mode: str = "name"
    last_link_row: int = 0


@dataclass(frozen=True)
class _Before:
    """The text of a paragraph before an activity header inside it, and the broken tag ("p>", "<p")
    that stood right before the header, if any."""

    text: str
    debris: str


_DEBRIS = re.compile(r"\s*(?:<?/?[pP]>|</?[pP]|>)\s*$")


def _pieces(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, _Before | None, bool]]:
    """The paragraphs of an Activities cell cut before each activity header inside them: each piece
    with what stood before it (for a header that was cut off) and whether it is cut before a header."""
    found: list[tuple[Paragraph, _Before | None, bool]] = []
    for para in paragraphs:
        cuts = inside_headers(para.text)
        if not cuts:
            found.append((para, None, False))
            continue
        bounds = [0, *cuts, len(para.text)]
        before: _Before | None = None
        for k, (start, end) in enumerate(pairwise(bounds)):
            text = para.text[start:end].strip()
            last = k == len(cuts)
            debris = ""
            if not last and (m := _DEBRIS.search(text)):
                text, debris = text[:m.start()].strip(), m.group(0).strip()
            if text:  # only the first piece can be empty ("p>#2 Name and Date: ..."): every other starts a header
                found.append((Paragraph(text, para.span), before, not last))
            before = _Before(text, debris)
    return found


def _columns(header: Block | None, width: int) -> tuple[int | None, int, int]:
    """Indexes of the Country (``None`` when the table has none), Activities and Impact cells."""
    texts = [" ".join(p.text for p in c.paragraphs) for c in header.cells] if header else []
    roles = header_roles(texts) if header else None
    if roles is None:
        return (0, 1, 2) if width >= 3 else (None, 0, 1)
    junk = next((i for i, t in enumerate(texts) if not _JUNK_CELL.match(t)), 0)
    if junk and min(roles.values()) >= junk:  # "<b\tCountry\t...": a stray tag split off a cell of its own
        roles = {role: index - junk for role, index in roles.items()}
    activity = roles.get("activities", 1 if "country" in roles else 0)
    impact = roles.get("impact", activity + 1)
    return roles.get("country"), activity, impact


def _cell_text(cell: Cell | None) -> str:
    return " ".join(p.text for p in cell.paragraphs) if cell is not None else ""


class _Grouper:
    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.notes: list[Note] = []
        self.orphans: list[Text] = []
        self.drafts: list[DraftActivity] = []
        self.header = next((b for b in blocks if b.kind == "table-header"), None)
        rows = [b for b in blocks if b.kind == "table-row"]
        width = max((len(r.cells) for r in rows), default=3)
        self.c_country, self.c_activity, self.c_impact = _columns(self.header, len(self.header.cells)
                                                                  if self.header else width)
        self.used = {c for c in (self.c_country, self.c_activity, self.c_impact) if c is not None}
        self.country: Text | None = None
        self.pending: Text | None = None  # a Country cell on a row of its own: the next activity's
        self.current: DraftActivity | None = None
        self.rows = rows

    def note(self, code: str, severity: str, message: str, span: SourceSpan) -> None:
        self.notes.append(Note(code, severity, message, span))  # type: ignore[arg-type]

    def keep(self, text: Text, code: str, message: str) -> None:
        """Text of the table that belongs to no field: the current activity's, else the report's."""
        if self.current is not None:
            self.current.unparsed.append(text)
            self.current.span = self.current.span.to(text.span)
        else:
            self.orphans.append(text)
        self.note(code, "warning", f'{message}: "{text.value[:80]}"; kept as stated', text.span)

    def run(self) -> tuple[list[DraftActivity], list[Note], list[Text]]:
        for index, row in enumerate(self.rows):
            self.row(row, index)
        return self.drafts, self.notes, self.orphans

    def row(self, row: Block, index: int) -> None:
        if all(c.is_empty for c in row.cells):
            return
        if self.header is not None and header_roles([_cell_text(c) for c in row.cells]) is not None:
            self.note("header-repeated", "info", "the table's header row is repeated here (a page break)", row.span)
            return
        if len(row.cells) <= max(self.c_activity, self.c_impact):
            self.keep(Text(row.text, row.span), "row-unreadable",
                      f"table row has {len(row.cells)} cell(s), expected Country, Activities and Impact")
            return
        for i, cell in enumerate(row.cells):
            if i not in self.used and not cell.is_empty:
                for para in cell.paragraphs:
                    self.keep(Text(para.text, para.span), "row-extra-cell",
                              f"table row has a cell beyond the Country, Activities and Impact columns (cell {i + 1})")
        country_cell = row.cells[self.c_country] if self.c_country is not None and self.c_country < len(
            row.cells) else None
        stated = Text(_cell_text(country_cell), country_cell.span) if country_cell and not country_cell.is_empty \
            else None
        activity_cell = row.cells[self.c_activity] if self.c_activity < len(row.cells) else None
        impact_cell = row.cells[self.c_impact] if self.c_impact < len(row.cells) else None
        paragraphs = list(activity_cell.paragraphs) if activity_cell else []
        if paragraphs and is_no_activity(paragraphs[0].text) and len(paragraphs) == 1:
            where = f" for {stated.value}" if stated else ""
            impact = [Text(p.text, p.span) for p in impact_cell.paragraphs] if impact_cell else []
            also = f'; the Impact cell "{" ".join(t.value for t in impact)[:80]}" is kept as stated' if impact else ""
            self.note("no-activities", "info", f'no activity reported{where}: "{paragraphs[0].text[:100]}"{also}',
                      row.span)
            self.current, self.country = None, stated or self.country
            self.orphans.extend([Text(paragraphs[0].text, paragraphs[0].span), *impact])
            return
        continues = True
        orphaned: list[Paragraph] = []
        for i, (para, before, cut) in enumerate(_pieces(paragraphs)):
            if before is not None:  # a header split off the paragraph: the text before it was read above
                self.header_inside(before, para.span)
            header = find_header(para.text, row_start=i == 0)
            if header is not None and header.weak and not self.accept_weak(header, paragraphs, stated):
                self.note("activity-header-doubtful", "warning",
                          f'"{para.text[:60]}" looks like an activity header but is read as text of the activity '
                          'above; write "#n Name and Date: ..." to start an activity', para.span)
                header = None
                if self.current is not None:
                    self.current.mode = "details"
            if header is None and i == 0 and self.starts_unnumbered(paragraphs, stated):
                header = HeaderMatch(None, "" if DETAILS_RE.match(para.text) else para.text)
                self.note("activity-header-missing", "warning",
                          'a new activity without "#n Name and Date:" (a new country, or a second "Details:"); '
                          "its name is taken from its first paragraph", para.span)
                if DETAILS_RE.match(para.text):
                    self.start(header, para, row, stated)
                    continues = False
                    self.activity_paragraph(para, False, index)
                    continue
            if header is not None:
                if orphaned:  # "Some words <p>#1 Name and Date: ...": the words before the first header
                    self.orphaned(orphaned, None, row)  # (the Country cell is the activity's)
                    orphaned = []
                self.start(header, para, row, stated)
                continues = False
                continue
            if self.current is None:
                if not cut:
                    orphaned.append(para)
                continue
            if cut and self.current.mode == "links" and not _URL_START.search(para.text) and "://" not in para.text:
                self.current.mode = "details"  # "Links: x. Photos were taken. #2 ...": not a link
            self.activity_paragraph(para, continues and i == 0, index)
        if self.current is None:
            orphaned.extend(impact_cell.paragraphs if impact_cell else ())
            if stated is not None:  # the country of the activities below: "Nepal | Some text first."
                self.country = stated
            if orphaned:
                self.orphaned(orphaned, stated, row)
            elif stated is not None:
                self.pending = stated
                self.note("country-cell-alone", "info", f'the Country cell "{stated.value}" stands on a row of its '
                          "own (a page break); read as the country of the activity below", row.span)
            return
        if continues and stated is not None and (self.current.country_text is None
                                                 or stated.value != self.current.country_text.value):
            if self.current.country_text is None and not paragraphs:
                self.current.country_text = stated
            else:  # "Bhutan | and ten teachers came." under Nepal #1, or "Bhutan | |" before Bhutan's #1
                self.country = self.pending = stated
                self.note("country-cell-alone" if not paragraphs else "country-on-continuation",
                          "info" if not paragraphs else "warning",
                          f'the Country cell "{stated.value}" stands on a row of its own (a page break); read as '
                          "the country of the activity below" if not paragraphs else
                          f'the Country cell "{stated.value}" is filled on a row that continues the activity above '
                          '(no "#n Name and Date:"); read as the country of the activities below', row.span)
        self.current.span = self.current.span.to(row.span)
        for i, para in enumerate(impact_cell.paragraphs if impact_cell else ()):
            self.current.impact.append((para, continues and i == 0))

    def orphaned(self, paragraphs: list[Paragraph], stated: Text | None, row: Block) -> None:
        """Text of a row before any activity, its Country cell's too: the report's unparsed text."""
        self.orphans.extend(([stated] if stated else []) + [Text(p.text, p.span) for p in paragraphs])
        quoted = " | ".join(([stated.value] if stated else []) + [p.text for p in paragraphs])
        self.note("row-without-activity", "warning",
                  f'table text before any "#1 Name and Date:": "{quoted[:80]}"; kept as stated', row.span)

    def header_inside(self, before: _Before, span: SourceSpan) -> None:
        """Note an activity header found inside a paragraph, after the text ``before`` it (read as a
        paragraph of the activity above, or kept as unparsed text before any activity)."""
        broken = f'; the broken tag "{before.debris}" before it is dropped' if before.debris else ""
        if before.text and self.current is not None:
            quoted = before.text if len(before.text) <= 60 else "…" + before.text[-60:]
            self.note("activity-header-inside", "warning", f'an activity header inside a paragraph, after "{quoted}" '
                      f"(read with the activity above){broken}; start it on a line of its own", span)
        elif before.text:
            self.keep(Text(before.text, span), "activity-header-inside",
                      "text before an activity header in the same paragraph" + broken)
        else:
            self.note("activity-header-inside", "warning", f"an activity header inside a paragraph{broken}; start "
                      "it on a line of its own", span)

    def accept_weak(self, header: HeaderMatch, paragraphs: list[Paragraph], stated: Text | None) -> bool:
        """A bare "1." at the start of a row starts an activity only with more evidence."""
        if any(DETAILS_RE.match(p.text) for p in paragraphs[1:]) or stated is not None:
            return True
        last = self.drafts[-1] if self.drafts else None
        if last is None:
            return header.ordinal == 1
        previous = last.ordinal or 0
        ended = not last.details or last.details[-1].value.endswith(_SENTENCE_END)
        return ended and header.ordinal in (1, previous + 1) and last.has_links_line

    def starts_unnumbered(self, paragraphs: list[Paragraph], stated: Text | None) -> bool:
        """A row with no header that still begins an activity: a new country's cell, or a second
        "Details:" for the activity above."""
        if self.current is None and stated is None:
            return False
        details = any(DETAILS_RE.match(p.text) for p in paragraphs)
        new_country = stated is not None and (self.country is None or stated.value != self.country.value)
        second_details = self.current is not None and self.current.has_details_line
        return details and (new_country or second_details)

    def start(self, header: HeaderMatch, para: Paragraph, row: Block, stated: Text | None) -> None:
        previous = self.drafts[-1] if self.drafts else None
        stated, self.pending = stated or self.pending, None
        draft = DraftActivity(header.ordinal, row.span)
        name_span = para.span
        draft.name = Paragraph(header.rest, name_span)
        if stated is not None:
            self.country = stated
            draft.country_text = stated
        elif self.country is not None:
            restart = (header.ordinal is not None and previous is not None and previous.ordinal is not None
                       and header.ordinal <= previous.ordinal)
            if restart:
                draft.restarted = True
                self.note("country-not-carried", "warning",
                          f'the Country cell is empty and the numbering restarts at #{header.ordinal}: this is not '
                          f'read as {self.country.value} (the country above) but inferred; fill in the Country cell',
                          row.span)
                self.country = None
            else:
                draft.country_text = self.country
                draft.country_carried = True
        self.drafts.append(draft)
        self.current = draft
        if not header.rest:
            draft.mode = "name-next"

    def activity_paragraph(self, para: Paragraph, first_of_row: bool, row_index: int) -> None:
        draft = self.current
        assert draft is not None
        draft.span = draft.span.to(para.span)  # the row may go on with the next activity: cover what it gave this one
        if m := DETAILS_RE.match(para.text):
            draft.mode, draft.has_details_line = "details", True
            if m.group("rest"):
                draft.details.append(Text(m.group("rest"), para.span))
                draft.url_mentions.extend(find_urls(m.group("rest"), para.span))
            return
        if m := LINKS_RE.match(para.text):
            draft.mode, draft.has_links_line = "links", True
            self.links(draft, Paragraph(m.group("rest") or "", para.span), row_index, False)
            return
        if draft.mode == "name-next" and draft.name is not None:
            draft.name = Paragraph(para.text, para.span)
            draft.mode = "name"
            return
        if draft.mode == "links":
            self.links(draft, para, row_index, first_of_row)
            return
        if draft.mode == "name" and first_of_row and draft.name is not None:
            draft.name = Paragraph(f"{draft.name.text} {para.text}", draft.name.span.to(para.span))
            return
        draft.mode = "details"
        if first_of_row and draft.details and not draft.details[-1].value.endswith(_SENTENCE_END) and not (
                draft.details[-1].value.endswith(":") and _LIST_ITEM.match(para.text)):
            last = draft.details[-1]
            draft.details[-1] = Text(f"{last.value} {para.text}", last.span.to(para.span))
        else:
            draft.details.append(Text(para.text, para.span))
        draft.url_mentions.extend(find_urls(para.text, para.span))

    def links(self, draft: DraftActivity, para: Paragraph, row_index: int, first_of_row: bool) -> None:
        text = para.text.strip()
        if not text:
            return
        if (first_of_row and draft.links and draft.last_link_row == row_index - 1 and " " not in text
                and _URL_TAIL.match(text) and not _URL_START.match(text)):
            last = draft.links[-1]
            joined = Link(last.text + text, last.span.to(para.span), last.label)
            draft.links[-1] = joined
            self.note("link-joined", "info", f'a URL broken by a page break was joined: "{joined.text}"', para.span)
            draft.last_link_row = row_index
            return
        links, words = split_links(text, para.span)
        draft.links.extend(links)
        if links:
            draft.last_link_row = row_index
        for run in words:
            if not links and len(run.split()) > 3:
                draft.details.append(Text(run, para.span))
                self.note("links-expected", "warning",
                          f'text after "Links:" that is not a link ("{run[:60]}"); kept with the details',
                          para.span)
            elif not no_link(run):
                draft.unparsed.append(Text(run, para.span))
                self.note("link-words", "info", f'words among the links that are not a link: "{run[:60]}"; '
                          "kept as stated", para.span)


def group_activities(blocks: tuple[Block, ...]) -> tuple[list[DraftActivity], list[Note], list[Text]]:
    """Group the table rows of a document into draft activities, with notes on what could not be read
    and the text of rows that belong to no activity (kept as stated)."""
    return _Grouper(blocks).run()


def links_from_details(draft: DraftActivity) -> bool:
    """An activity with no links line takes the URLs of its details as its links."""
    if draft.has_links_line or draft.links or not draft.url_mentions:
        return False
    draft.links = [m for m in draft.url_mentions if is_http_url(m.text) or m.text.lower().startswith("www.")]
    draft.url_mentions = []
    return bool(draft.links)
