"""Interpret a draft activity: split its name line, read its date (inferring a missing year, or the date
itself from the details when the name line has none), read its citations, and find the organisations,
places and people it names."""

from __future__ import annotations

import re

from ..model import Activity, DateValue, Mention, Note, Paragraph, Period, SourceSpan, Text
from ..reference import Reference
from .citations import read_impact
from .dates import ParsedDate, find_dates
from .mentions import MentionContext, MentionFinder, dedupe_mentions
from .names import split_name_line
from .table import DraftActivity, links_from_details

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


def _inside(date: ParsedDate, period: Period | None) -> bool:
    if period is None or not period.start or not period.end or not date.start:
        return False
    return period.start <= date.start[:7] <= period.end


def _date_from_details(details: list[Text], period: Period | None) -> tuple[ParsedDate, SourceSpan] | None:
    """A date the details state, when the name line gives none: the only one, or the only one inside
    the reporting period."""
    found = [(d, t.span) for t in details for d in find_dates(t.value) if d.valid and not d.open_end]
    distinct = {(d.start, d.end): (d, span) for d, span in found}
    if len(distinct) == 1:
        return next(iter(distinct.values()))
    inside = {key: value for key, value in distinct.items() if _inside(value[0], period)}
    if len(inside) == 1:
        return next(iter(inside.values()))
    return None


def _date_value(date: ParsedDate, name: str, draft: DraftActivity, period: Period | None,
                span: SourceSpan, notes: list[Note], inferred: str | None = None) -> DateValue:
    if date.ambiguous:
        notes.append(Note("date-ambiguous", "warning",
                          f'the date "{date.text}" reads two ways (day/month or month/day); it is kept as stated. '
                          'Write the month as a word, e.g. "3 April 2020"', span))
        return DateValue(date.text, None, None, None, span, inferred, problem="ambiguous")
    if date.year is None:
        result = _infer_year(date, name, draft.details, period)
        if result is None:
            notes.append(Note("date-year-missing", "warning",
                              f'date "{date.text}" has no year and none could be inferred; add the year', span))
            return DateValue(date.text, None, None, None, span, problem="no-year")
        date, inferred = result
    if date.weekday:
        notes.append(Note("date-weekday-mismatch", "warning",
                          f'the date "{date.text}" is not a {date.weekday.capitalize()}; check the day', span))
    if not date.valid:
        return DateValue(date.text, None, None, None, span, inferred, problem="invalid")
    return DateValue(date.text, date.start, date.end, date.precision, span, inferred,  # type: ignore[arg-type]
                     open_end=date.open_end)


def _role_mentions(finder: MentionFinder, reference: Reference, span: SourceSpan, location: str | None,
                   organiser: str | None, place: str | None, context: MentionContext) -> list[Mention]:
    found = []
    for phrase, role in ((location, "location"), (organiser, "organiser")):
        if phrase:
            found.append(finder.lookup(re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE), span, role, context))
    if place:
        parts = [p.strip() for p in place.split(",") if p.strip()]
        if len(parts) > 1 and reference.country_code(parts[-1]):
            found.append(finder.lookup(", ".join(parts[:-1]), span, "place", context))
            code = reference.country_code(parts[-1])
            found.append(Mention(parts[-1], "country", code, code, span))
        else:
            found.append(finder.lookup(place, span, "place", context))
    return found


def interpret_activity(draft: DraftActivity, finder: MentionFinder, reference: Reference,
                       period: Period | None, context: MentionContext | None = None) -> tuple[Activity, list[Note]]:
    """The activity a draft states; country is filled in later (stated, or inferred per block)."""
    context = context or MentionContext()
    notes: list[Note] = []
    name_para = draft.name or Paragraph("", draft.span)
    parts = split_name_line(name_para.text)
    name = Text(parts.name, name_para.span) if parts.name else None
    if name is None:
        notes.append(Note("name-missing", "warning", "activity has no name after \"Name and Date:\"", draft.span))
    date: DateValue | None = None
    if parts.date is not None:
        date = _date_value(parts.date, parts.name, draft, period, name_para.span, notes)
    elif parts.ongoing:
        stated = name_para.text[len(parts.name):].strip(" ,;:-–—()")
        date = DateValue(stated or "ongoing", None, None, None, name_para.span, open_end=True)
    elif (found := _date_from_details(draft.details, period)) is not None:
        in_details, where = found
        date = _date_value(in_details, parts.name, draft, period, where, notes, "date taken from the details")
        notes.append(Note("date-from-details", "info",
                          f'the name line gives no date; "{in_details.text}" is taken from the details', where))
    unparsed = list(draft.unparsed)
    if parts.remark:
        unparsed.append(Text(parts.remark, name_para.span))
        notes.append(Note("name-remark", "info", f'"({parts.remark})" after the date belongs to neither the name '
                          "nor the date; kept as stated", name_para.span))
    if links_from_details(draft):
        notes.append(Note("links-from-details", "info", 'the activity has no "Links:"; the URLs of its details '
                          "are taken as its links", draft.span))
    citations, impact_text = read_impact(draft.impact, reference.concepts, notes)
    mentions = _role_mentions(finder, reference, name_para.span, parts.location, parts.organiser, parts.place, context)
    mentions += finder.find(parts.name, name_para.span, context)
    for detail in draft.details:
        mentions += finder.find(detail.value, detail.span, context)
    country_text = draft.country_text.value if draft.country_text else None
    activity = Activity(
        ordinal=draft.ordinal, name=name, date=date, details=tuple(draft.details), links=tuple(draft.links),
        citations=tuple(citations), mentions=dedupe_mentions(mentions), country=None, country_source="unknown",
        span=draft.span, country_text=country_text, url_mentions=tuple(draft.url_mentions),
        unparsed=tuple(unparsed + impact_text), country_carried=draft.country_carried,
    )
    return activity, notes
