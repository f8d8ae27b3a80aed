"""Dates as people write them, read by one small grammar over tokens.

A *point* is a day ("29th", "5 April 2021", "Nov 4", "the 5th of June"), a month ("Nov 2019", "mid-November
2020", "early March"), a quarter ("Q4 2021", "first quarter of 2021"), a numeric date ("14.03.2022",
"29-30.10.2020", "2021-03-17", "2020.3.5", "03/04/2020") or a year. A *range* is two points joined by a
dash, "to", "until", "and", "&" or "/" ("from 5 to 9 April 2021", "Sep./Oct. 2020", "6 May – 29 July 2020",
"Dec 30 - Jan 2, 2020"), the first taking what it lacks (month, year) from the second. "since May 2022
(ongoing)" starts and does not end; a weekday beside a day is checked. A date keeps its precision (day,
month, year); a stated date that is no calendar date keeps its text and gets no value; a numeric date
that reads two ways (``03/04/2020``) is ``ambiguous`` and gets no value; a day without a year has
``year`` ``None`` until the caller infers one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

__all__ = ["MONTHS", "ParsedDate", "find_dates", "month_number", "parse_date"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
             "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
_VERBS = {"may", "mar", "march", "sat", "sun", "wed"}
_TOKEN = re.compile(r"""
    (?P<numdate>\d{1,2}(?:\s?[-–]\s?\d{1,2})?([./-])\d{1,2}\2(?:19|20)\d{2}(?!\d)
              |(?:19|20)\d{2}([./-])\d{1,2}\3\d{1,2}(?!\d)|(?:19|20)\d{2}-\d{2}(?![\d-])
              |(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\d/]))
  | (?P<quarter>\b[Qq][1-4]\b|\b(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?\b)
  | (?P<qual>\b(?:early|mid|late|end|beginning|start|middle)(?:\s+of)?\b(?:\s*-\s*|\s+)(?=[A-Za-z]))
  | (?P<year>\b(?:19|20)\d{2}\b(?!\.\d))
  | (?P<num>\b\d{1,2}(?:st|nd|rd|th)?\b(?![.,]\d))
  | (?P<word>[A-Za-z]+\.?)
  | (?P<sep>[-–—/&])
  | (?P<comma>,)
  | (?P<punct>\S)
""", re.VERBOSE)
_SEP_WORDS = {"to", "till", "until", "through", "thru", "and"}
_OPEN_END = re.compile(r"^\s*(?:\(\s*(?:ongoing|continuing|to\s+date|still\s+running)\s*\)|[-–—]\s*(?:present|now|"
                       r"today|ongoing)\b|,?\s*(?:ongoing|and\s+continuing|to\s+date)\b)", re.IGNORECASE)


#: No date without a year or a month and a day: texts with neither are not tokenised.
_MAYBE = re.compile(r"(?:19|20)\d\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:st|nd|"
                    r"rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


@dataclass(frozen=True)
class ParsedDate:
    """A date phrase read into parts. ``year`` is ``None`` for "Dec 4"; ``valid`` is False for "Sep 31".

    ``open_end``: "since May 2022" (a start and no end); ``ambiguous``: a numeric date that reads
    two ways; ``weekday``: the weekday written beside it, when it is not the date's.
    """

    text: str
    pos: tuple[int, int]
    precision: str
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    open_end: bool = False
    ambiguous: bool = False
    weekday: str | None = None

    def with_year(self, year: int) -> ParsedDate:
        end_year = None if self.end_month is None else (year if self.end_year is None else self.end_year)
        return replace(self, year=year, end_year=end_year)

    @property
    def start(self) -> str | None:
        return None if self.ambiguous else self._iso(self.year, self.month, self.day)

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


@dataclass
class _Tok:
    kind: str
    text: str
    start: int
    end: int
    value: int = 0


def _tokens(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or ""
        if kind in ("numdate", "quarter", "qual", "year", "num", "sep", "comma", "punct"):
            value = int(m.group(0)[:4]) if kind == "year" else (int(re.match(r"\d+", m.group(0)).group(0))  # type: ignore[union-attr]
                                                                 if kind == "num" else 0)
            toks.append(_Tok(kind, m.group(0), m.start(), m.end(), value))
            continue
        word = m.group(0)
        low = word.rstrip(".").lower()
        if low in MONTHS and not (word[0].islower() and low in _VERBS):
            toks.append(_Tok("month", word, m.start(), m.end(), MONTHS[low]))
        elif low in _WEEKDAYS and not (word[0].islower() and low in _VERBS):
            toks.append(_Tok("weekday", word, m.start(), m.end(), _WEEKDAYS[low]))
        elif low in _SEP_WORDS:
            toks.append(_Tok("sep", word, m.start(), m.end()))
        elif low in ("of", "the", "since", "from", "between"):
            toks.append(_Tok(low, word, m.start(), m.end()))
        else:
            toks.append(_Tok("other", word, m.start(), m.end()))
    return toks


@dataclass
class _Point:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    quarter: int | None = None
    numeric: tuple[int, int, int, int | None] | None = None  # (year, month, day, end day)
    ambiguous: bool = False
    end: int = 0  # token index after the point
    qualified: bool = False

    @property
    def kind(self) -> str:
        if self.numeric is not None:
            return "numeric"
        if self.quarter is not None:
            return "quarter"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"


def _numeric(text: str) -> _Point:
    """"14.03.2022" (day first with dots), "03/04/2020" (two readings: ambiguous), "09/28/2021" (month
    first, the only reading), "29-30.10.2020", "2021-03-17", "2020.3.5", "2019-11"."""
    parts = [int(p) for p in re.findall(r"\d+", text)]
    if text[:4].isdigit() and len(parts) == 2:
        return _Point(month=parts[1], year=parts[0])
    if len(parts) == 2:  # "09/2019"
        return _Point(month=parts[0], year=parts[1])
    if text[:4].isdigit():
        return _Point(numeric=(parts[0], parts[1], parts[2], None))
    year, second, first = parts[-1], parts[-2], parts[0]
    end_day = parts[1] if len(parts) == 4 else None
    if "." not in text and end_day is None and first <= 12 < second <= 31:
        return _Point(numeric=(year, first, second, None))
    ambiguous = "." not in text and first <= 12 and second <= 12 and first != second and end_day is None
    return _Point(numeric=(year, second, first, end_day), ambiguous=ambiguous)


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.t = toks

    def at(self, i: int, *kinds: str) -> bool:
        return i < len(self.t) and self.t[i].kind in kinds

    def skip(self, i: int, *kinds: str) -> int:
        while self.at(i, *kinds):
            i += 1
        return i

    def point(self, i: int) -> _Point | None:
        t = self.t
        if self.at(i, "numdate"):
            p = _numeric(t[i].text)
            p.end = i + 1
            return p
        if self.at(i, "quarter"):
            q = int(t[i].text[1]) if t[i].text[0] in "Qq" else _QUARTERS[t[i].text.split()[0].lower()]
            j = self.skip(i + 1, "comma")
            if self.at(j, "year"):
                return _Point(quarter=q, year=t[j].value, end=j + 1)
            return _Point(quarter=q, end=i + 1)
        qualified = False
        if self.at(i, "qual"):
            qualified, i = True, i + 1
            if not self.at(i, "month"):
                return None
        if self.at(i, "the") and self.at(i + 1, "num"):
            i += 1
        if self.at(i, "num") and 1 <= t[i].value <= 31 and not qualified:
            j = i + 1 + (1 if self.at(i + 1, "of") else 0)
            if self.at(j, "month"):
                k = self.skip(j + 1, "comma")
                if self.at(k, "year"):
                    return _Point(day=t[i].value, month=t[j].value, year=t[k].value, end=k + 1)
                return _Point(day=t[i].value, month=t[j].value, end=j + 1)
            k = self.skip(i + 1, "comma")
            if self.at(k, "year"):  # "10, 2019" ends a range "Sep 9-10, 2019"
                return _Point(day=t[i].value, year=t[k].value, end=k + 1)
            return _Point(day=t[i].value, end=i + 1)
        if self.at(i, "month"):
            month = t[i].value
            j = i + 1
            if self.at(j, "num") and 1 <= t[j].value <= 31 and not qualified:
                k = self.skip(j + 1, "comma")
                if self.at(k, "year"):
                    return _Point(day=t[j].value, month=month, year=t[k].value, end=k + 1)
                return _Point(day=t[j].value, month=month, end=j + 1)
            k = self.skip(j, "comma")
            if self.at(k, "year"):
                return _Point(month=month, year=t[k].value, end=k + 1, qualified=qualified)
            return _Point(month=month, end=j, qualified=qualified)
        if self.at(i, "year"):
            return _Point(year=t[i].value, end=i + 1)
        return None

    def expression(self, i: int, years: bool) -> tuple[ParsedDate, int, int, str | None] | None:
        """The date expression starting at token ``i``: (date, first token, token after it, the weekday
        written before it)."""
        t = self.t
        first = i
        since = self.at(i, "since")
        if since or self.at(i, "from", "between"):
            i += 1
        lead = i
        weekday = None
        if self.at(i, "weekday"):
            weekday = t[i].text.rstrip(".").lower()
            i = self.skip(i + 1, "comma")
        p1 = self.point(i)
        if p1 is None:
            return None
        end = p1.end
        p2 = None
        if self.at(end, "sep"):
            candidate = self.point(end + 1)
            sep = t[end].text.lower()
            if candidate is not None and _compatible(p1, candidate, "-" if sep == "and" and self.at(first, "between")
                                                     else sep):
                p2, end = candidate, candidate.end
        date = _combine(p1, p2)
        if date is None or (date.precision == "year" and p2 is None and not years):
            return None
        return replace(date, open_end=since), first if since or self.at(first, "between") else lead, end, weekday


def _compatible(p1: _Point, p2: _Point, sep: str) -> bool:
    consecutive_only = sep in ("and", "&")
    if p1.kind == "day" and p2.kind == "day":
        if p1.month is None and p2.month is None:
            return False
        if consecutive_only:
            return p1.month not in (None, p2.month) or (p2.day or 0) - (p1.day or 0) == 1 or p2.month is None
        return True
    if p1.kind == "month" and p2.kind == "month":
        return p2.year is not None and (not consecutive_only or ((p2.month or 0) - (p1.month or 0)) % 12 == 1)
    if p1.kind == "quarter" and p2.kind == "quarter":
        return p2.year is not None
    if p1.kind == "year" and p2.kind == "year":
        return not consecutive_only and p2.year is not None and p1.year is not None and p2.year > p1.year
    return False


def _quarter_months(q: int) -> tuple[int, int]:
    return 3 * q - 2, 3 * q


def _combine(p1: _Point, p2: _Point | None) -> ParsedDate | None:
    if p2 is None:
        if p1.kind == "numeric":
            year, month, day, end_day = p1.numeric  # type: ignore[misc]
            if end_day is not None:
                return ParsedDate("", (0, 0), "day", year, month, day, None, month, end_day)
            return ParsedDate("", (0, 0), "day", year, month, day, ambiguous=p1.ambiguous)
        if p1.kind == "quarter":
            if p1.year is None:
                return None
            first, last = _quarter_months(p1.quarter or 1)
            return ParsedDate("", (0, 0), "month", p1.year, first, None, p1.year, last, None)
        if p1.kind == "day":
            if p1.month is None:
                return None
            return ParsedDate("", (0, 0), "day", p1.year, p1.month, p1.day)
        if p1.kind == "month":
            if p1.year is None:
                return None
            return ParsedDate("", (0, 0), "month", p1.year, p1.month, None)
        return ParsedDate("", (0, 0), "year", p1.year, None, None)
    if p1.kind == "quarter":
        q1, q2 = _quarter_months(p1.quarter or 1)[0], _quarter_months(p2.quarter or 1)[1]
        y1, y2 = _years(p1.year, p2.year, q1, q2)
        return ParsedDate("", (0, 0), "month", y1, q1, None, y2, q2, None)
    if p1.kind == "year":
        return ParsedDate("", (0, 0), "year", p1.year, None, None, p2.year, None, None)
    if p1.kind == "month":
        y1, y2 = _years(p1.year, p2.year, p1.month or 0, p2.month or 0)
        return ParsedDate("", (0, 0), "month", y1, p1.month, None, y2, p2.month, None)
    m1 = p1.month if p1.month is not None else p2.month
    m2 = p2.month if p2.month is not None else m1
    y1, y2 = _years(p1.year, p2.year, m1 or 0, m2 or 0)
    return ParsedDate("", (0, 0), "day", y1, m1, p1.day, y2, m2, p2.day)


def _years(first: int | None, last: int | None, m1: int, m2: int) -> tuple[int | None, int | None]:
    """Start and end years of a range: as written, or, with one year for both, the start a year
    earlier when the range crosses a year end ("Dec 30 - Jan 2, 2020")."""
    if first is not None:
        return first, last
    if last is not None and m2 < m1:
        return last - 1, last
    return last, last


def _finish(date: ParsedDate, text: str, start_pos: int, end_pos: int, weekday: str | None) -> ParsedDate:
    """The date with its text and position, the weekday beside it checked, an open end read."""
    if m := re.match(r"^\s*(?:\(\s*([A-Za-z]+)\.?\s*\)|,\s*([A-Za-z]+)\b)", text[end_pos:]):
        word = (m.group(1) or m.group(2) or "").lower()
        if word in _WEEKDAYS:
            weekday, end_pos = word, end_pos + m.end()
    open_end = date.open_end
    if m := _OPEN_END.match(text[end_pos:]):
        open_end, end_pos = True, end_pos + m.end()
    mismatch = None
    if weekday is not None and date.precision == "day" and date.end_day is None and date.start:
        if dt.date.fromisoformat(date.start).weekday() != _WEEKDAYS[weekday]:
            mismatch = weekday
    return replace(date, text=text[start_pos:end_pos].strip(), pos=(start_pos, end_pos), open_end=open_end,
                   weekday=mismatch)


def find_dates(text: str, *, years: bool = False) -> list[ParsedDate]:
    """Every date phrase in ``text``, in order; a year alone counts only with ``years``.

    >>> [(d.start, d.end) for d in find_dates("held on Sep 9-10, 2019 and in Nov 2019")]
    [('2019-09-09', '2019-09-10'), ('2019-11', None)]
    >>> [(d.text, d.start, d.end, d.open_end) for d in find_dates("repository, since May 2022 (ongoing)")]
    [('since May 2022 (ongoing)', '2022-05', None, True)]
    """
    if not _MAYBE.search(text):
        return []
    toks = _tokens(text)
    parser = _Parser(toks)
    found: list[ParsedDate] = []
    i = 0
    while i < len(toks):
        result = parser.expression(i, years)
        if result is None:
            i += 1
            continue
        date, first, end, weekday = result
        found.append(_finish(date, text, toks[first].start, toks[end - 1].end, weekday))
        i = end
    return found


def parse_date(text: str) -> ParsedDate | None:
    """The date phrase ``text`` when it is one date expression as a whole, else ``None``.

    >>> parse_date("2 March 2020").start
    '2020-03-02'
    >>> d = parse_date("Sep 31, 2019"); (d.start, d.valid)
    (None, False)
    >>> parse_date("2019").start, parse_date("14.03.2022").start, parse_date("03/04/2020").ambiguous
    ('2019', '2022-03-14', True)
    """
    stripped = text.strip().rstrip(".").strip()
    dates = find_dates(stripped, years=True)
    if len(dates) == 1 and dates[0].pos[0] <= 1 and dates[0].pos[1] >= len(stripped) - 1:
        return dates[0]
    return None
