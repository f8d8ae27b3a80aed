"""Links as people write them: bare URLs, ``<URL>``, ``(URL)``, Markdown ``[text](URL)``, several in a
paragraph separated by spaces, commas, semicolons or "and", with words around them.

Each link is the URL as a careful reader takes it: wrapping punctuation removed (angle brackets,
parentheses, a trailing full stop or comma), a closing parenthesis kept where the URL opened one
(``.../wiki/Tanna_(island)``), the target of a Markdown link. Words in parentheses after a URL, or before
a URL in parentheses, are its label, never links. What is written as a link but is no usable http(s)
URL is kept as written and classified by :func:`link_problem` (no scheme, a mistyped scheme, an e-mail
address). "to be added", "to follow", "No link available", "N/A" mean no link.
"""

from __future__ import annotations

import re

from ..model import EMAIL, SCHEME_TYPO, Link, SourceSpan, is_http_url, link_problem

__all__ = ["find_urls", "is_http_url", "link_problem", "no_link", "split_links"]

_SCHEME = r"(?:https?|ftp)://"
_TYPO = SCHEME_TYPO
_MARKDOWN = r"\[(?P<md_label>[^\[\]]{0,300})\]\(\s*(?P<md_url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)"
_URL_BODY = r"(?:[^\s<>\"“”\[\];,]|[;,](?!\s*(?:https?|ftp)://|\s*www\.))+"
_DOMAIN = (r"(?<![@\w.])(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+(?:com|org|net|edu|gov|int|info|biz|museum|"
           r"[a-z]{2})(?![\w-])(?:[/:?#][^\s<>\"“”]*)?")
_EMAIL = EMAIL
#: A URL in running text: Markdown, angle brackets, with a scheme, or starting with www.
_IN_TEXT = re.compile(rf"{_MARKDOWN}|<(?P<angle>(?:{_SCHEME}|www\.)[^<>\s]+)>"
                      rf"|(?P<bare>(?:{_SCHEME}|\bwww\.){_URL_BODY})", re.IGNORECASE)
#: An item of a links paragraph: the above, a mistyped scheme, an e-mail address, a bare domain.
_ITEM = re.compile(rf"{_MARKDOWN}|<(?P<angle>[^<>\s]+)>|(?P<bare>(?:{_SCHEME}|\b{_TYPO}|\bwww\d?\.){_URL_BODY})"
                   rf"|(?P<email>{_EMAIL})|(?P<domain>{_DOMAIN})", re.IGNORECASE)
_NO_LINK = re.compile(r"^\W*(?:n/?a|none|nil|no|nothing|-+|–|—|tba|tbc|pending|forthcoming|coming\s+soon|"
                      r"no\s+(?:web\s*)?links?(?:\s+(?:is\s+)?(?:available|yet|provided))?|not\s+(?:yet\s+)?available(?:\s+yet)?|"
                      r"not\s+applicable|to\s+be\s+(?:added|confirmed|provided|announced|updated)(?:\s+later)?|"
                      r"to\s+follow|(?:will\s+be\s+)?(?:added|provided)\s+later|not\s+yet(?:\s+online)?)\W*$",
                      re.IGNORECASE)
_TRAILING = ".,;:!?'\"”’»)]}>"
_LEADING = "<([{'\"“‘«"
_JOINERS = re.compile(r"^[\s,;:/|&+–—\-\"'“”‘’«»]*(?:and|or|also|see|at|on)?[\s,;:/|&+–—\-\"'“”‘’«»]*$", re.IGNORECASE)


def no_link(text: str) -> bool:
    """Does ``text`` say there is no link ("N/A", "to follow", "No link available")?

    >>> no_link("to be added"), no_link("No link available."), no_link("see the website")
    (True, True, False)
    """
    return bool(_NO_LINK.match(text.strip()))


def _trim(url: str) -> str:
    """Wrapping punctuation off a URL; a closing bracket stays where the URL opened one."""
    url = url.strip().lstrip(_LEADING)
    while url and url[-1] in _TRAILING:
        closing = url[-1]
        opening = {")": "(", "]": "[", "}": "{", ">": "<"}.get(closing)
        if opening and url.count(opening) >= url.count(closing):
            break
        url = url[:-1]
    return url


def _match_url(m: re.Match[str]) -> tuple[str, str | None]:
    if m.group("md_url") is not None:
        label = " ".join(m.group("md_label").split()) or None
        return _trim(m.group("md_url")), label
    return _trim(m.group("angle") or m.group("bare") or m.groupdict().get("email") or m.groupdict().get("domain")
                 or ""), None


def split_links(text: str, span: SourceSpan) -> tuple[list[Link], list[str]]:
    """The links of a links paragraph (its label already removed), and the words that are neither a
    link nor a link's label nor a separator (the caller keeps them as stated).

    >>> s = SourceSpan("r.md", 1, 1, 0, 0)
    >>> links, rest = split_links("https://a.org/x?og=67, <http://b.cn/y>; and www.c.org.", s)
    >>> [link.text for link in links], rest
    (['https://a.org/x?og=67', 'http://b.cn/y', 'www.c.org'], [])
    >>> links, rest = split_links("the Protocols (https://p.org/a) and https://q.org (English)", s)
    >>> [(link.text, link.label) for link in links], rest
    ([('https://p.org/a', 'the Protocols'), ('https://q.org', 'English')], [])
    """
    if no_link(text):
        return [], []
    links: list[Link] = []
    words: list[str] = []
    last = 0
    pending: str | None = None
    for m in _ITEM.finditer(text):
        url, label = _match_url(m)
        if not url:
            continue
        between = text[last:m.start()]
        last = m.end()
        before = between.strip(" \t,;:|")
        if links and before.startswith("(") and ")" in before:
            inside, _, after = before[1:].partition(")")
            if not _label(links, inside):
                words.append(f"({inside})")
            before = after.strip(" \t,;:|")
        if before.endswith("(") or between.rstrip().endswith(":") or (before and text[m.end():m.end() + 1] == ")"):
            pending = before.rstrip("( ") or None
            before = ""
        if before and not _JOINERS.match(before) and not no_link(before):
            words.append(before)
        links.append(Link(url, span, label or _clean_label(pending)))
        pending = None
    tail = text[last:].strip(" \t,;:|.")
    single = tail.startswith("(") and tail.endswith(")") and not re.search(r"[()]", tail[1:-1])
    if links and single and _label(links, tail[1:-1]):
        pass
    elif tail and not _JOINERS.match(tail) and not no_link(tail):
        words.append(tail)
    return links, words


def _clean_label(label: str | None) -> str | None:
    if not label:
        return None
    label = re.sub(r"^(?:and|or)\s+", "", label.strip(" ,;:"), flags=re.IGNORECASE)
    return label or None


def _label(links: list[Link], words: str) -> bool:
    """Words in parentheses after a URL: the URL's label, unless it has one (then the caller keeps them)."""
    words = words.strip()
    if not words:
        return True
    if links[-1].label is None:
        last = links[-1]
        links[-1] = Link(last.text, last.span, words)
        return True
    return False


def find_urls(text: str, span: SourceSpan) -> list[Link]:
    """URLs written inside running text (bare, in ``<...>`` or as a Markdown link), trailing
    punctuation stripped.

    >>> s = SourceSpan("r.md", 1, 1, 0, 0)
    >>> [l.text for l in find_urls("website <https://www.ifla.org/node/92542>, [x](https://x.org/n/1).", s)]
    ['https://www.ifla.org/node/92542', 'https://x.org/n/1']
    """
    found = []
    for m in _IN_TEXT.finditer(text):
        url, label = _match_url(m)
        if url:
            found.append(Link(url, span, label))
    return found
