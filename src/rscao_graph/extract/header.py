"""The title block: committee, reporting period, sub-region, convenor, date of submission."""

from __future__ import annotations

import re

from ..model import Block, DateValue, Note, Period, SourceSpan, Text
from .dates import find_dates, parse_date

__all__ = ["TITLE_RE", "Header", "read_header"]

TITLE_RE = re.compile(r"bi-?\s*annual\s+sub-?\s*regional\s+report", re.IGNORECASE)
_LABELS = ("sub-region", "sub region", "subregion", "convenor", "convener", "date of submission",
           "submission date", "date submitted")
_FIELD = re.compile(r"(?P<label>" + "|".join(re.escape(x) for x in _LABELS) + r")\s*:\s*", re.IGNORECASE)
_PERIOD = re.compile(r"reporting\s+period\s*:\s*(?P<text>[^\]]*)", re.IGNORECASE)
_COMMITTEE = re.compile(r"committee|rscao", re.IGNORECASE)


class Header:
    """Values of the title block, each ``None`` when absent."""

    def __init__(self) -> None:
        self.committee: Text | None = None
        self.title: Text | None = None
        self.sub_region: Text | None = None
        self.convenor: Text | None = None
        self.period: Period | None = None
        self.submitted: DateValue | None = None


def _fields(block: Block) -> list[tuple[str, str]]:
    matches = list(_FIELD.finditer(block.text))
    found = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(block.text)
        found.append((m.group("label").lower(), block.text[m.end():end].strip(" ;,")))
    return found


def _period(text: str, span: SourceSpan) -> Period:
    dates = [d for d in find_dates(text) if d.precision == "month" and d.start is not None]
    if len(dates) == 1 and dates[0].end is not None:
        return Period(text, dates[0].start, dates[0].end, span)
    if len(dates) == 2:
        return Period(text, dates[0].start, dates[1].start, span)
    return Period(text, None, None, span)


def read_header(blocks: list[Block], notes: list[Note]) -> Header:
    """Read the header from the text blocks before section I. Missing fields are noted."""
    header = Header()
    committee: list[Block] = []
    for index, block in enumerate(blocks):
        if TITLE_RE.search(block.text) and header.title is None:
            header.title = Text(block.text, block.span)
        if (m := _PERIOD.search(block.text)) and header.period is None:
            text, span = m.group("text").strip(), block.span
            if "[" in block.text[:m.start()] and "]" not in block.text[m.start():]:
                for following in blocks[index + 1:index + 3]:  # "[Reporting Period: September 2019 –" / "March 2020]"
                    text, span = f"{text} {following.text.split(']')[0].strip()}", span.to(following.span)
                    if "]" in following.text:
                        break
            header.period = _period(text.strip(), span)
        if header.title is None and header.period is None and _COMMITTEE.search(block.text):
            committee.append(block)
        for label, value in _fields(block):
            if not value:
                continue
            if label.startswith("sub") and label != "submission date" and header.sub_region is None:
                header.sub_region = Text(value, block.span)
            elif label.startswith("conven") and header.convenor is None:
                header.convenor = Text(value, block.span)
            elif "submi" in label and header.submitted is None:
                date = parse_date(value)
                if date is not None and date.valid:
                    header.submitted = DateValue(value, date.start, None, date.precision, block.span)  # type: ignore[arg-type]
                else:
                    header.submitted = DateValue(value, None, None, None, block.span)
    if committee:
        header.committee = Text(" ".join(b.text for b in committee), committee[0].span.to(committee[-1].span))
    where = blocks[0].span if blocks else SourceSpan("", 1, 1, 0, 0)
    for stated, what in ((header.sub_region, "Sub-region"), (header.convenor, "Convenor"),
                         (header.period, "Reporting Period"), (header.submitted, "Date of submission")):
        if stated is None:
            notes.append(Note("header-field-missing", "violation",
                              f'the title block has no "{what}:"; add it', where))
    if header.period is not None and header.period.start is None:
        notes.append(Note("period-unparsed", "violation",
                          f'reporting period "{header.period.text}" is not "Month YYYY – Month YYYY"',
                          header.period.span))
    return header
