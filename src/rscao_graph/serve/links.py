"""Links between pages, relative so a static copy opens from disk, and the labels things are shown by.

A document path ``country/CN`` has its page at ``country/CN/index.html``; a page links to another by the
shortest relative path (``../JP/index.html``, ``activity/cn-1/index.html``). IRIs of ours become
such links (a fragment IRI links into its document's page), the build's files (``dump/...``) link to
the files, other ``http(s)`` IRIs link out as they are, and anything else (``javascript:``, ``urn:``,
``mailto:``) is shown as text and never becomes a link.
"""

from __future__ import annotations

import posixpath
import re

from ..publish.describe import FILE_PREFIXES
from ..publish.jsonld import compact_iri

__all__ = ["Linker", "humane", "page_href", "safe_href"]

_SAFE = re.compile(r"^https?://[^\s\"'<>\\^`{|}]+$", re.IGNORECASE)


def safe_href(iri: str) -> str | None:
    """``iri`` when it may be a link out of the site (an http or https IRI), else ``None``.

    >>> safe_href("https://www.ifla.org/node/92613"), safe_href("javascript:alert(1)")
    ('https://www.ifla.org/node/92613', None)
    """
    return iri if _SAFE.match(iri) else None


def page_href(root: str, path: str, extension: str = "html") -> str:
    """The link from a page whose root is ``root`` (``../../``) to the page of ``path`` ('' the home)."""
    return f"{root}{path}/index.{extension}" if path else f"{root}index.{extension}"


def humane(name: str) -> str:
    """A term's local name as words: ``startDate`` -> ``start date``, ``isoAlpha2`` -> ``iso alpha 2``.

    >>> humane("wasDerivedFrom"), humane("dateSubmitted"), humane("type")
    ('was derived from', 'date submitted', 'type')
    """
    words = re.sub(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])|[_-]+", " ", name).split()
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words) or name


class Linker:
    """Hrefs and fallback labels for the page of document path ``here`` ('' for the home page, or a
    non-resource page such as ``queries/activities``) in a build under ``base``."""

    def __init__(self, base: str, here: str) -> None:
        self.base = base
        self.here = here
        self.root = "../" * (here.count("/") + 1) if here else ""

    def page(self, path: str, extension: str = "html") -> str:
        """The shortest relative link to the page of ``path`` (``../CN/index.html`` from ``country/JP``)."""
        if not self.here or not path:
            return page_href(self.root, path, extension)
        relative = posixpath.relpath(path, self.here)
        return f"index.{extension}" if relative == "." else f"{relative}/index.{extension}"

    def href(self, iri: str) -> str | None:
        """Where a link to ``iri`` goes, or ``None`` when it must not be a link."""
        if iri.startswith(self.base):
            rest = iri[len(self.base):]
            path, hash_, fragment = rest.partition("#")
            if not path:
                return self.page("") + (hash_ + fragment)
            if path.startswith(FILE_PREFIXES):
                return self.root + path
            if path == self.here and hash_:
                return "#" + fragment
            return self.page(path) + (hash_ + fragment if hash_ else "")
        return safe_href(iri)

    def fallback_label(self, iri: str) -> str:
        """A label for an IRI that has none: the end of its path (``citation 3.1``,
        ``quote of source 3515-4824``), or its compact form (``wd:Q148``)."""
        if not iri.startswith(self.base):
            return compact_iri(iri)
        path = iri[len(self.base):]
        if "#" in path:
            return path.rsplit("#", 1)[1] or path
        parts = [p for p in path.split("/") if p]
        if len(parts) >= 3 and parts[-1].isalpha() and not parts[-2].isalpha():
            return f"{parts[-1]} of {parts[-3]} {parts[-2]}"
        if len(parts) >= 2 and parts[-2].isalpha():
            return f"{parts[-2]} {parts[-1]}"
        return parts[-1] if parts else iri
