"""The activities table's shape: which cell of the header row is the Country, the Activities and the
Impact column, whatever the wording ("COUNTRY / Activities (Name, Date, Details, Links) / IFLA Strategy",
"Country/Territory", "Country Name", ...), and whether a row without a header looks like an activity row.

Shared by every format reader (the header is found by its words) and by extraction (columns by role).
"""

from __future__ import annotations

import re

__all__ = ["ROLES", "header_roles", "looks_like_activity_row"]

ROLES = ("country", "activities", "impact")
_WORDS = {
    "activities": re.compile(r"\bactivit(?:y|ies)\b|\bevents?\b|\bprogram(?:me)?s?\b|\bname\s*(?:and|&|/)\s*date",
                             re.IGNORECASE),
    "impact": re.compile(r"\bimpacts?\b|\bstrateg(?:y|ic)\b|\bdirections?\b|\binitiatives?\b|\boutcomes?\b",
                         re.IGNORECASE),
    "country": re.compile(r"\bcountr(?:y|ies)\b|\bterritor(?:y|ies)\b|\bnations?\b|\beconom(?:y|ies)\b",
                          re.IGNORECASE),
}
_ACTIVITY_START = re.compile(r"(?:^|<p[^<>]*>|\s)(?:#\s*\d|\(?\d{1,2}\s*[.):-]\s|activity\s*#?\s*\d|no\.?\s*\d)"
                             r"|name\s*(?:and|&|/)\s*date", re.IGNORECASE)
_MAX_HEADER_CELL = 80


def header_roles(cells: list[str]) -> dict[str, int] | None:
    """Column index per role (``country``, ``activities``, ``impact``) when ``cells`` (plain text) are
    the table's header, else ``None``. A header names the Activities column and one other, or the
    Country and Impact columns; a cell longer than a header cell, or one that starts an activity, is
    not a header.

    >>> header_roles(["COUNTRY", "Activities (Name, Date, Details, Links)", "IFLA Strategy"])
    {'country': 0, 'activities': 1, 'impact': 2}
    >>> header_roles(["Country/Territory", "Activities", "Impact"])
    {'country': 0, 'activities': 1, 'impact': 2}
    >>> header_roles(["China", "#1 Name and Date: Event", "3. Connect"]) is None
    True
    """
    texts = [c.strip() for c in cells]
    if any(len(t) > _MAX_HEADER_CELL or re.match(r"#\s*\d", t) for t in texts):
        return None
    roles: dict[str, int] = {}
    for role in ("activities", "impact", "country"):
        for index, text in enumerate(texts):
            if index not in roles.values() and _WORDS[role].search(text):
                roles[role] = index
                break
    if ("activities" in roles and len(roles) >= 2) or {"country", "impact"} <= roles.keys():
        return dict(sorted(roles.items(), key=lambda item: item[1]))
    return None


def looks_like_activity_row(cells: list[str]) -> bool:
    """Does a row of raw cells (a table with no header row) start an activity ("#1 Name and Date: ...")?

    >>> looks_like_activity_row(["China", "<p>#1 Name and Date: Forum</p>", "<p>3.1</p>"])
    True
    >>> looks_like_activity_row(["a", "b"])
    False
    """
    return len(cells) >= 2 and any(_ACTIVITY_START.search(c[:200]) for c in cells[:3])
