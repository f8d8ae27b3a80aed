"""Links as reports write them: bare URLs, URLs in ``<...>``, several per paragraph, noise around them."""

from __future__ import annotations

import re

from ..model import Link, SourceSpan, is_http_url

__all__ = ["find_urls", "is_http_url", "split_links"]

_URL = re.compile(r"<(?P<angle>(?:https?|ftp)://[^>\s]+)>|(?P<bare>(?:https?|ftp)://[^\s<>\"”]+)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;]+|\s+and\s+", re.IGNORECASE)
_NO_LINK = {"n/a", "na", "none", "nil", "-", "–", "—", ":", "", "no link", "no links"}
_TRAILING = ".,;)>]"
_URLISH = re.compile(r"<?(?:https?|ftp)://[^\s<>]+>?|\bwww\.[^\s<>]+", re.IGNORECASE)
_PHRASE = re.compile(r"[^\W\d_]{2,}")
_LEADING = "<(["


def _clean(item: str) -> str:
    item = item.strip()
    while item and item[-1] in _TRAILING and not (item[-1] == ")" and "(" in item):
        item = item[:-1]
    return item.lstrip(_LEADING)


def split_links(text: str, span: SourceSpan) -> list[Link]:
    """The link items of a "Links:" paragraph (the label already removed), each exactly as written
    but for separators, trailing punctuation and angle brackets. ``N/A``, ``none`` and ``-`` are no links.

    >>> s = SourceSpan("r.md", 1, 1, 0, 0)
    >>> [l.text for l in split_links(": https://a.org/x?og=67, <http://b.cn/y>; and www.c.org.", s)]
    ['https://a.org/x?og=67', 'http://b.cn/y', 'www.c.org']
    """
    if _clean(text).lower() in _NO_LINK:
        return []
    if _URLISH.search(text) and _PHRASE.search(_URLISH.sub(" ", text)):
        return _split_around_urls(text, span)
    links = []
    for item in _SEPARATORS.split(text):
        item = _clean(item.strip(":"))
        if item.lower() not in _NO_LINK and item.lower() != "and":
            links.append(Link(item, span))
    return links


def _split_around_urls(text: str, span: SourceSpan) -> list[Link]:
    """A paragraph with URLs and words ("Facebook page of NLK: https://..."): the URLs, and each run of
    words between them as one item as written, not one item a word."""
    links: list[Link] = []
    last = 0
    for m in [*_URLISH.finditer(text), None]:
        between = text[last:m.start() if m else len(text)].strip(" \t,;:-–()[]")
        if between and between.lower() not in _NO_LINK | {"and"} and _PHRASE.search(between):
            links.append(Link(between, span))
        if m:
            links.extend(split_links(m.group(0), span))
            last = m.end()
    return links


def find_urls(text: str, span: SourceSpan) -> list[Link]:
    """URLs written inside running text (bare or in ``<...>``), trailing punctuation stripped.

    >>> s = SourceSpan("r.md", 1, 1, 0, 0)
    >>> [l.text for l in find_urls("website <https://www.ifla.org/node/92542>, <https://x.org/n/1>.", s)]
    ['https://www.ifla.org/node/92542', 'https://x.org/n/1']
    """
    return [Link(_clean(m.group("angle") or m.group("bare")), span) for m in _URL.finditer(text)]
