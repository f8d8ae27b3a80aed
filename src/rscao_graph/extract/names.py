"""Split a "Name and Date:" line into the name, the date phrase and, where stated, location,
organiser or place.

"X was held at Y on D" -> name X, location Y; "X was organized by Y on D" -> organiser Y;
"X Held on D in P" -> place P; "X Released on D", "X in Nov 2019", "X on Dec 4" -> the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import ParsedDate, find_dates

__all__ = ["NameLine", "split_name_line"]

_PLACE_AFTER = re.compile(r"^\s*,?\s*(?:in|at)\s+(?P<place>[^.;]+?)\s*\.?\s*$", re.IGNORECASE)
_LEAD_IN = re.compile(r"(?:\s*,|\s+(?:on|in|from|during|dated|of))?\s*[-–—,:]?\s*$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\s(?:in|during)\s+(?P<y>(?:19|20)\d{2})\s*\.?\s*$", re.IGNORECASE)
_HELD_AT = re.compile(r"^(?P<name>.+?)\s+(?:was|were)\s+(?:held|hosted)\s+(?:at|in)\s+(?P<where>.+)$", re.IGNORECASE)
_ORGANISED_BY = re.compile(r"^(?P<name>.+?)\s+(?:was|were)\s+(?:organi[sz]ed|hosted|held)\s+by\s+(?P<who>.+)$",
                           re.IGNORECASE)
_VERB_TAIL = re.compile(r"\s+(?:(?:was|were|is|has been)\s+)?(?:held|released|launched|organi[sz]ed|"
                        r"conducted|opened|published|took place|started|began)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class NameLine:
    """The parts of a name-and-date line; ``date`` is ``None`` when no date is stated."""

    name: str
    date: ParsedDate | None
    location: str | None = None
    organiser: str | None = None
    place: str | None = None


def _terminal_date(text: str) -> tuple[ParsedDate, str] | None:
    """The last date phrase followed by nothing but an optional "in/at PLACE"."""
    for date in reversed(find_dates(text)):
        tail = text[date.pos[1]:]
        if not tail.strip(" .)]") or _PLACE_AFTER.match(tail):
            return date, tail
    m = _YEAR_ONLY.search(text)
    if m:
        year = int(m.group("y"))
        date = ParsedDate(m.group("y"), (m.start("y"), m.end("y")), "year", year, None, None)
        return date, ""
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
    """
    text = text.strip()
    found = _terminal_date(text)
    place = None
    if found is None:
        head, date = text, None
    else:
        date, tail = found
        head = _LEAD_IN.sub("", text[: date.pos[0]])
        m = _PLACE_AFTER.match(tail)
        place = m.group("place").strip() if m else None
    head = head.strip().rstrip(",;:–-([ ")
    location = organiser = None
    if m := _ORGANISED_BY.match(head):
        head, organiser = m.group("name"), m.group("who").strip()
    elif m := _HELD_AT.match(head):
        head, location = m.group("name"), m.group("where").strip()
    else:
        head = _VERB_TAIL.sub("", head)
    return NameLine(head.strip(), date, location, organiser, place)
