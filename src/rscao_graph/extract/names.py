"""Split a "Name and Date:" line into the name, the date phrase and, where stated, location, organiser,
place and a remark.

The date stands at the end ("X, 29-30.10.2020", "X on Dec 4", "X in Nov 2019", "X, 2020", "X, since May 2022
(ongoing)"), possibly followed by a place (", New Delhi", "in Suzhou, China") or a remark in parentheses
("(International Children's Day)"), or at the start ("10 December 2019: Launch of ..."). "X was held at Y"
gives the location, "X was organized by Y" the organiser. "(ongoing)", "throughout the reporting period"
alone are no date, and leave the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import ParsedDate, find_dates

__all__ = ["NameLine", "split_name_line"]

_PLACE_AFTER = re.compile(r"^\s*(?:,\s*(?:(?:in|at)\s+)?|\s(?:in|at)\s+)(?P<place>[A-Z][^.;()]*?)\s*\.?\s*$")
_REMARK_AFTER = re.compile(r"^\s*[,;]?\s*\((?P<remark>[^()]{1,200})\)\s*\.?\s*$")
_LEAD_IN = re.compile(r"(?:\s*,|\s+(?:on|in|from|during|dated|of|between|starting|beginning))*\s*[-–—,:;(]?\s*$",
                      re.IGNORECASE)
_YEAR_LEAD = re.compile(r"(?:,|\s[-–—]|\s(?:in|during|for))\s*$", re.IGNORECASE)
_LEADING_DATE_SEP = re.compile(r"^\s*(?:[:–—-]|,)\s*")
_ONGOING = re.compile(r"[\s,;:–—-]*\(?\s*(?:ongoing|on-?going|continuing|throughout\s+the\s+(?:reporting\s+)?"
                      r"(?:period|year)|all\s+year(?:\s+round)?|year-?round|regular(?:ly)?)\s*\)?\s*\.?\s*$",
                      re.IGNORECASE)
_HELD_AT = re.compile(r"^(?P<name>.+?)\s+(?:was|were)\s+(?:held|hosted)\s+(?:at|in)\s+(?P<where>.+)$", re.IGNORECASE)
_ORGANISED_BY = re.compile(r"^(?P<name>.+?)\s+(?:was|were)\s+(?:organi[sz]ed|hosted|held|convened|run)\s+by\s+"
                           r"(?P<who>.+)$", re.IGNORECASE)
_VERB_TAIL = re.compile(r"\s+(?:(?:was|were|is|has been)\s+)?(?:held|released|launched|organi[sz]ed|"
                        r"conducted|opened|published|took place|started|began)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class NameLine:
    """The parts of a name-and-date line; ``date`` is ``None`` when no date is stated; ``ongoing``
    when the line says the activity is ongoing instead of giving a date."""

    name: str
    date: ParsedDate | None
    location: str | None = None
    organiser: str | None = None
    place: str | None = None
    remark: str | None = None
    ongoing: bool = False


def _terminal_date(text: str) -> tuple[ParsedDate, str] | None:
    """The last date phrase followed by nothing but an optional place or remark."""
    for date in reversed(find_dates(text, years=True)):
        if date.precision == "year" and date.end is None and not _YEAR_LEAD.search(text[:date.pos[0]]):
            continue
        tail = text[date.pos[1]:]
        if not tail.strip(" .)]") or _PLACE_AFTER.match(tail) or _REMARK_AFTER.match(tail):
            return date, tail
    return None


def _leading_date(text: str) -> tuple[ParsedDate, str] | None:
    """A date the line starts with, followed by a colon or dash ("10 December 2019: Launch of ...")."""
    dates = find_dates(text)
    if dates and text[:dates[0].pos[0]].strip(" ,(").lower().strip() not in ("", "on"):
        return None
    if dates and (m := _LEADING_DATE_SEP.match(text[dates[0].pos[1]:])) and text[dates[0].pos[1] + m.end():]:
        return dates[0], text[dates[0].pos[1] + m.end():]
    return None


def split_name_line(text: str) -> NameLine:
    """Split the text after "Name and Date:".

    >>> n = split_name_line("Symposium “Libraries” was held at the National Library of China on Sep 9-10, 2019")
    >>> (n.name, n.location, n.date.start, n.date.end)
    ('Symposium “Libraries”', 'the National Library of China', '2019-09-09', '2019-09-10')
    >>> n = split_name_line("Seminar Held on Dec 10, 2019 in Suzhou, China")
    >>> (n.name, n.place, n.date.start)
    ('Seminar', 'Suzhou, China', '2019-12-10')
    >>> n = split_name_line("Workshop on the occasion of World Aids Day 2019 on Dec 4")
    >>> (n.name, n.date.text, n.date.year)
    ('Workshop on the occasion of World Aids Day 2019', 'Dec 4', None)
    >>> split_name_line("The Yellow Apron Hashtag Challenge").date is None
    True
    >>> n = split_name_line("Opening of a reading corner, 1 June 2020 (International Children’s Day)")
    >>> (n.name, n.date.start, n.remark)
    ('Opening of a reading corner', '2020-06-01', 'International Children’s Day')
    >>> n = split_name_line("10 December 2019: Launch of the portal"); (n.name, n.date.start)
    ('Launch of the portal', '2019-12-10')
    >>> n = split_name_line("Digitisation of manuscripts (ongoing)"); (n.name, n.date, n.ongoing)
    ('Digitisation of manuscripts', None, True)
    """
    text = text.strip()
    place = remark = None
    ongoing = False
    found = _terminal_date(text)
    if found is not None:
        date: ParsedDate | None
        date, tail = found
        head = _LEAD_IN.sub("", text[: date.pos[0]])
        if m := _PLACE_AFTER.match(tail):
            place = m.group("place").strip()
        elif m := _REMARK_AFTER.match(tail):
            remark = m.group("remark").strip()
    elif (leading := _leading_date(text)) is not None:
        date, head = leading
    else:
        date, head = None, text
        if m := _ONGOING.search(text):
            if m.start() > 0:
                head, ongoing = text[:m.start()], True
    head = head.strip().rstrip(",;:–-([ ")
    location = organiser = None
    if m := _ORGANISED_BY.match(head):
        head, organiser = m.group("name"), m.group("who").strip()
    elif m := _HELD_AT.match(head):
        head, location = m.group("name"), m.group("where").strip()
    else:
        head = _VERB_TAIL.sub("", head)
    return NameLine(head.strip(), date, location, organiser, place, remark, ongoing)
