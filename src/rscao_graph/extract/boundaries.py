"""Where an activity starts: the header a person types before its name, in any of its forms.

Numbers: ``#1``, ``#1.``, ``#1:``, ``# 1``, ``1.``, ``1)``, ``(1)``, ``1 -``, ``No.1``, ``Activity 1``,
``Activity #1``; labels: "Name and Date", "Name & Date", "Name/Date", "Title and Date", "Event and Date"
(any case, colon or not). A number with a label, or a label alone, starts an activity wherever it stands
(a label alone has no number); ``#1`` followed by a separator starts one at the beginning of a row; a bare
``1.`` or ``(1)`` at the beginning of a row is a *weak* start that the table reader accepts only with
more evidence (the row's "Details:", a new country, a number that continues the numbering). A ``#`` that
is not followed by a number (a hashtag) starts nothing. A numbered label further inside a paragraph
("... on Sep 9-10, 2019 p>#2 Name and Date: Book fair", a page's break lost in the export) starts an
activity there too, also in a paragraph that starts with a header of its own (``inside_headers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DETAILS_RE", "LINKS_RE", "HeaderMatch", "find_header", "inside_headers", "is_no_activity"]

_LABEL = (r"(?:(?:activity|event)\s+)?(?:name|title|event|activity)\s*(?:,|and|&|/|\+)\s*dates?"
          r"(?:\s+of\s+(?:the\s+)?activity)?")
_NUMBER = (r"(?:#\s*(?P<hash>\d{1,3})"
           r"|(?:activity|event|item)\s*(?:no\.?|nr\.?|number|#)?\s*(?P<word>\d{1,3})"
           r"|(?:no|nr)\.?\s*(?P<no>\d{1,3})"
           r"|\((?P<paren>\d{1,3})\)"
           r"|(?P<bare>\d{1,3})(?=\s*(?:\.(?!\d)|[):])|\s+[-–—]))")
_SEP = r"\s*[.):\-–—]?\s*"
_STRONG = re.compile(rf"^\s*(?:{_NUMBER}{_SEP})?(?P<label>{_LABEL})\s*(?P<colon>[:：]+|[-–—]|\.(?!\d))?\s*"
                     r"(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_HASH = re.compile(r"^\s*(?:#\s*(?P<hash>\d{1,3})|(?:activity|event)\s*(?:no\.?|nr\.?|number|#)?\s*(?P<word>\d{1,3})"
                   r"|(?:no|nr)\.\s*(?P<no>\d{1,3}))\s*(?:[.:)\-–—]\s*|\s+|$)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_WEAK = re.compile(rf"^\s*(?:{_NUMBER}\s*(?:\.(?!\d)|[):]|[-–—])|\((?P<paren2>\d{{1,3}})\))\s*(?P<rest>\S.*)$",
                   re.IGNORECASE | re.DOTALL)
_INSIDE = re.compile(rf"(?:(?<=[\s>.;])|^)(?P<head>#\s*\d{{1,3}}{_SEP}{_LABEL})", re.IGNORECASE)
_NO_ACTIVITY = re.compile(r"^\s*(?:no\s+(?:\w+\s+){0,2}activit(?:y|ies)|nothing\s+to\s+report|no\s+report|"
                          r"nil|none|n/?a|not\s+applicable)\b", re.IGNORECASE)

DETAILS_RE = re.compile(r"^(?:details?|description|summary)\s*(?:[:：]+\s*(?P<rest>.*)|$)", re.IGNORECASE | re.DOTALL)
LINKS_RE = re.compile(
    r"^(?:links?\s*\(s\)|links?|urls?|web\s*sites?|web\s*pages?|web\s*links?|(?:for\s+)?more\s+info(?:rmation)?|"
    r"further\s+information|sources?|references?|see\s+also|read\s+more)\s*(?:[:：][\s:：]*(?P<rest>.*)|$)",
    re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HeaderMatch:
    """An activity header: the number as written (``None`` for a label alone), the text after the
    header (the name and date, possibly empty), whether it is a weak start, and where in the
    paragraph the header begins (0 unless something stands before it)."""

    ordinal: int | None
    rest: str
    weak: bool = False
    at: int = 0


def _number(m: re.Match[str]) -> int | None:
    for group in ("hash", "word", "no", "paren", "bare", "paren2"):
        value = m.groupdict().get(group)
        if value:
            return int(value)
    return None


def find_header(text: str, row_start: bool) -> HeaderMatch | None:
    """The activity header ``text`` (a paragraph of the Activities cell) starts with, if any.

    >>> find_header("#2. Name and Date: Mobile library, August 2020", False)
    HeaderMatch(ordinal=2, rest='Mobile library, August 2020', weak=False, at=0)
    >>> find_header("Activity #2 Name/Date: Launch", True).ordinal, find_header("(1) Title and Date Talk", True).rest
    (2, 'Talk')
    >>> find_header("#1: Webinar series", True), find_header("#ReadAloud campaign", True)
    (HeaderMatch(ordinal=1, rest='Webinar series', weak=False, at=0), None)
    >>> find_header("1. Webinar", True).weak, find_header("1. Webinar", False)
    (True, None)
    """
    m = _STRONG.match(text)
    if m and (_number(m) is not None or m.group("colon")):
        return HeaderMatch(_number(m), m.group("rest").strip())
    if row_start and (m := _HASH.match(text)):
        return HeaderMatch(_number(m), m.group("rest").strip())
    if row_start and (m := _WEAK.match(text)):
        return HeaderMatch(_number(m), m.group("rest").strip(), weak=True)
    if (m := _INSIDE.search(text)) and m.start("head") > 0:
        inner = _STRONG.match(text[m.start("head"):])
        if inner:
            return HeaderMatch(_number(inner), inner.group("rest").strip(), at=m.start("head"))
    return None


def inside_headers(text: str) -> list[int]:
    """Where numbered activity headers ("#2 Name and Date") start inside ``text``, after its first
    character: each starts an activity of its own.

    >>> text = "#1 Name and Date: Talk, 2019 p>#2 Name and Date: Fair; #3 Name and Date: Camp"
    >>> [text[at:at + 3] for at in inside_headers(text)]
    ['#2 ', '#3 ']
    >>> inside_headers("#1 Name and Date: Reading #1 of the series"), inside_headers("Activity #2 Name and Date: Fair")
    ([], [])
    """
    m = _STRONG.match(text)
    own = m.start("rest") if m and (_number(m) is not None or m.group("colon")) else 1  # the paragraph's own header
    return [h.start("head") for h in _INSIDE.finditer(text) if h.start("head") >= own]


def is_no_activity(text: str) -> bool:
    """Does an Activities cell say there is nothing to report ("No activities reported for this period")?

    >>> is_no_activity("No activities reported for this period."), is_no_activity("Nil"), is_no_activity("None of")
    (True, True, False)
    """
    m = _NO_ACTIVITY.match(text)
    if not m:
        return False
    rest = text[m.end():].strip(" .;:-–")
    return m.group(0).lower().startswith(("no ", "nothing")) or not rest or rest.lower().startswith(
        ("this period", "for this period", "reported", "in this period", "during this period"))
