"""Interpret a draft activity: split its name line, read its date (inferring a missing year),
and find the organisations, places and people it names."""

from __future__ import annotations

import re

from ..model import Activity, DateValue, Mention, Note, Paragraph, Period, SourceSpan, Text
from ..reference import Reference
from .dates import ParsedDate, find_dates
from .mentions import MentionFinder, dedupe_mentions
from .names import split_name_line
from .table import DraftActivity

__all__ = ["interpret_activity"]

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _infer_year(date: ParsedDate, name: str, details: list[Text],
                period: Period | None) -> tuple[ParsedDate, str] | None:
    years = set(_YEAR.findall(name))
    if len(years) == 1:
        return date.with_year(int(years.pop())), "year taken from the name"
    found = {d.year for t in details for d in find_dates(t.value)
             if d.year is not None and d.month == date.month and d.day == date.day}
    if len(found) == 1:
        return date.with_year(found.pop()), "year taken from the details"
    if period is not None and period.start and period.end and date.month is not None:
        first, last = int(period.start[:4]), int(period.end[:4])
        candidates = [y for y in range(first, last + 1) if period.start <= f"{y:04d}-{date.month:02d}" <= period.end]
        if len(candidates) == 1:
            return date.with_year(candidates[0]), "year taken from the reporting period"
    return None


def _date_value(date: ParsedDate | None, name: str, draft: DraftActivity, period: Period | None,
                span: SourceSpan, notes: list[Note]) -> DateValue | None:
    if date is None:
        return None
    inferred = None
    if date.year is None:
        result = _infer_year(date, name, draft.details, period)
        if result is None:
            notes.append(Note("date-year-missing", "warning",
                              f'date "{date.text}" has no year and none could be inferred; add the year', span))
            return DateValue(date.text, None, None, None, span)
        date, inferred = result
    if not date.valid:
        return DateValue(date.text, None, None, None, span, inferred)
    return DateValue(date.text, date.start, date.end, date.precision, span, inferred)  # type: ignore[arg-type]


def _role_mentions(finder: MentionFinder, reference: Reference, span: SourceSpan, location: str | None,
                   organiser: str | None, place: str | None) -> list[Mention]:
    found = []
    for phrase, role in ((location, "location"), (organiser, "organiser")):
        if phrase:
            found.append(finder.lookup(re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE), span, role))
    if place:
        parts = [p.strip() for p in place.split(",") if p.strip()]
        if len(parts) > 1 and reference.country_code(parts[-1]):
            found.append(finder.lookup(", ".join(parts[:-1]), span, "place"))
            code = reference.country_code(parts[-1])
            found.append(Mention(parts[-1], "country", code, code, span))
        else:
            found.append(finder.lookup(place, span, "place"))
    return found


def interpret_activity(draft: DraftActivity, finder: MentionFinder, reference: Reference,
                       period: Period | None) -> tuple[Activity, list[Note]]:
    """The activity a draft states; country is filled in later (stated, or inferred per block)."""
    notes: list[Note] = []
    name_para = draft.name or Paragraph("", draft.span)
    parts = split_name_line(name_para.text)
    name = Text(parts.name, name_para.span) if parts.name else None
    if name is None:
        notes.append(Note("name-missing", "warning", "activity has no name after \"Name and Date:\"", draft.span))
    date = _date_value(parts.date, parts.name, draft, period, name_para.span, notes)
    mentions = _role_mentions(finder, reference, name_para.span, parts.location, parts.organiser, parts.place)
    mentions += finder.find(parts.name, name_para.span)
    for detail in draft.details:
        mentions += finder.find(detail.value, detail.span)
    country_text = draft.country_text.value if draft.country_text else None
    activity = Activity(
        ordinal=draft.ordinal, name=name, date=date, details=tuple(draft.details), links=tuple(draft.links),
        citations=tuple(draft.citations), mentions=dedupe_mentions(mentions), country=None, country_source="unknown",
        span=draft.span, country_text=country_text, url_mentions=tuple(draft.url_mentions),
        unparsed=tuple(draft.unparsed),
    )
    return activity, notes
