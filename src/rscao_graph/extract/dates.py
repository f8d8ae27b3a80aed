"""Dates as reports write them: "Sep 9-10, 2019", "9 and 10 September 2019", "in Nov 2019",
"on Dec 4", "September 5, 2019", "2 March 2020", "2019-11-21".

A date keeps its precision (day, month, year); a stated date that is no calendar date keeps its text
and gets no value. A day without a year has ``year`` ``None`` until the caller infers one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

__all__ = ["DATE_RE", "MONTHS", "ParsedDate", "find_dates", "month_number", "parse_date"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_TO = r"\s*(?:-|–|—|to|and|&)\s*"

DATE_RE = re.compile(
    rf"""\b(?:
      (?P<a_m1>{_MON})\s+(?P<a_d1>{_DAY})(?:,?\s+(?P<a_y1>{_YEAR})(?={_TO}))?
        (?:{_TO}(?:(?P<a_m2>{_MON})\s+)?(?P<a_d2>{_DAY}))?(?:,?\s+(?P<a_y>{_YEAR}))?
    | (?P<b_d1>{_DAY})(?:\s+(?P<b_m1>{_MON})(?:,?\s+(?P<b_y1>{_YEAR}))?)?(?:{_TO}(?P<b_d2>{_DAY}))?
        \s+(?P<b_m2>{_MON}),?(?:\s+(?P<b_y>{_YEAR}))?
    | (?P<c_m1>{_MON})(?:,?\s+(?P<c_y1>{_YEAR}))?(?:{_TO}(?P<c_m2>{_MON}))?,?\s+(?P<c_y>{_YEAR})
    | (?P<d_y>{_YEAR})-(?P<d_m>\d{{2}})(?:-(?P<d_d>\d{{2}}))?(?!\d)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


@dataclass(frozen=True)
class ParsedDate:
    """A date phrase read into parts. ``year`` is ``None`` for "Dec 4"; ``valid`` is False for "Sep 31"."""

    text: str
    pos: tuple[int, int]
    precision: str
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None

    def with_year(self, year: int) -> ParsedDate:
        end_year = None if self.end_month is None else (year if self.end_year is None else self.end_year)
        return replace(self, year=year, end_year=end_year)

    @property
    def start(self) -> str | None:
        return self._iso(self.year, self.month, self.day)

    @property
    def end(self) -> str | None:
        if self.end_month is None and self.end_year is None:
            return None
        end_year = self.end_year if self.end_year is not None else self.year
        return self._iso(end_year, self.end_month, self.end_day)

    @property
    def valid(self) -> bool:
        """True when start (and end) are calendar dates and the end is not before the start."""
        if self.year is None or self.start is None:
            return False
        if self.end_month is not None or self.end_year is not None:
            end = self.end
            return end is not None and end >= self.start
        return True

    def _iso(self, year: int | None, month: int | None, day: int | None) -> str | None:
        if year is None:
            return None
        if self.precision == "year":
            return f"{year:04d}"
        if self.precision == "month":
            return f"{year:04d}-{month:02d}" if month and 1 <= month <= 12 else None
        try:
            return dt.date(year, month or 0, day or 0).isoformat()
        except ValueError:
            return None


def _years(first: str | None, last: str | None, m1: int, m2: int) -> tuple[int | None, int | None]:
    """Start and end years of a range: as written, or, with one year for both, the start a year
    earlier when the range crosses a year end ("Dec 30 - Jan 2, 2020")."""
    end = int(last) if last else None
    if first:
        return int(first), end
    if end is not None and m2 < m1:
        return end - 1, end
    return end, end


def _from_match(m: re.Match[str]) -> ParsedDate:
    g = m.groupdict()
    text, pos = m.group(0), (m.start(), m.end())
    if g["a_m1"]:
        m1 = month_number(g["a_m1"])
        if g["a_d2"]:
            m2 = month_number(g["a_m2"]) if g["a_m2"] else m1
            y1, y2 = _years(g["a_y1"], g["a_y"], m1, m2)
            return ParsedDate(text, pos, "day", y1, m1, _day(g["a_d1"]), y2, m2, _day(g["a_d2"]))
        year = int(g["a_y"]) if g["a_y"] else None
        return ParsedDate(text, pos, "day", year, m1, _day(g["a_d1"]))
    if g["b_m2"]:
        m2 = month_number(g["b_m2"])
        if g["b_d2"]:
            m1 = month_number(g["b_m1"]) if g["b_m1"] else m2
            y1, y2 = _years(g["b_y1"], g["b_y"], m1, m2)
            return ParsedDate(text, pos, "day", y1, m1, _day(g["b_d1"]), y2, m2, _day(g["b_d2"]))
        year = int(g["b_y"]) if g["b_y"] else None
        return ParsedDate(text, pos, "day", year, m2, _day(g["b_d1"]))
    if g["c_m1"]:
        m1 = month_number(g["c_m1"])
        if g["c_m2"]:
            m2 = month_number(g["c_m2"])
            y1, y2 = _years(g["c_y1"], g["c_y"], m1, m2)
            return ParsedDate(text, pos, "month", y1, m1, None, y2, m2, None)
        return ParsedDate(text, pos, "month", int(g["c_y"]), m1, None)
    year, month = int(g["d_y"]), int(g["d_m"])
    if g["d_d"]:
        return ParsedDate(text, pos, "day", year, month, int(g["d_d"]))
    return ParsedDate(text, pos, "month", year, month, None)


def find_dates(text: str) -> list[ParsedDate]:
    """Every date phrase in ``text``, in order.

    >>> [(d.start, d.end) for d in find_dates("held on Sep 9-10, 2019 and in Nov 2019")]
    [('2019-09-09', '2019-09-10'), ('2019-11', None)]
    """
    return [_from_match(m) for m in DATE_RE.finditer(text) if not _is_verb(m)]


def _is_verb(m: re.Match[str]) -> bool:
    """"may 10 libraries", "march 2 km": a lower-case month word that reads as a verb."""
    word = m.group("a_m1") or m.group("b_m2") or m.group("c_m1") or ""
    return word in {"may", "mar", "march"}


def parse_date(text: str) -> ParsedDate | None:
    """The date phrase ``text`` when it is one date expression as a whole, else ``None``.

    >>> parse_date("2 March 2020").start
    '2020-03-02'
    >>> d = parse_date("Sep 31, 2019"); (d.start, d.valid)
    (None, False)
    >>> parse_date("2019").start
    '2019'
    """
    stripped = text.strip().rstrip(".")
    if re.fullmatch(_YEAR, stripped):
        return ParsedDate(stripped, (0, len(stripped)), "year", int(stripped), None, None)
    m = DATE_RE.fullmatch(stripped)
    return _from_match(m) if m else None
