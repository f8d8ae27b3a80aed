"""Deterministic IRIs: the same input always mints the same IRI, and IRIs never contain raw text.

Patterns under the configurable base (default ``https://w3id.org/rscao/``)::

    report/{sub-region-slug}/{YYYY-MM}--{YYYY-MM}        one per sub-region and period
    report/{...}/activity/{cc}-{n}                       an activity under its report
    country/{CC}   org/{slug}   person/{slug}   place/{slug}   subregion/{slug}
    strategy/2019-2024[/{notation}]
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .errors import InputError

__all__ = ["Minter", "slugify"]

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """A slug from NFKC-normalised, case-folded text; a name without Latin letters or digits gets a
    stable hash-based slug.

    >>> slugify("National Library of China"), slugify("Grand People’s Study House")
    ('national-library-of-china', 'grand-peoples-study-house')
    >>> slugify("Ulaanbaatar  Хот"), slugify("国家图书馆")
    ('ulaanbaatar', 'h-4d820e051441')
    """
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "").replace("'", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if slug:
        return slug
    return "h-" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


class Minter:
    """Mints IRIs under one base and refuses a slug that two different names would share."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._owners: dict[str, str] = {}

    def iri(self, path: str) -> str:
        return self.base + path

    def entity(self, kind: str, slug: str, identity: str) -> str:
        """IRI of an organisation (``org``), person or place; ``identity`` is what makes two names
        the same thing (a gazetteer id or the normalised name). Raises :class:`InputError` when a
        different thing already owns the slug."""
        path = f"{kind}/{slug}"
        owner = self._owners.setdefault(path, identity)
        if owner != identity:
            raise InputError(f"two different names mint the same IRI {self.base}{path}: {owner!r} and {identity!r}",
                             hint="add one of them as an alias, or a distinct entry, in data/gazetteer.csv")
        return self.base + path

    def country(self, code: str) -> str:
        return f"{self.base}country/{code.upper()}"

    def subregion(self, slug: str) -> str:
        return f"{self.base}subregion/{slug}"

    def concept(self, notation: str | None = None) -> str:
        return f"{self.base}strategy/2019-2024" + (f"/{notation}" if notation else "")

    def report(self, sub_region_slug: str | None, start: str | None, end: str | None, file: str) -> str:
        """The report's IRI from its sub-region and period; from its file name when either is missing."""
        if sub_region_slug and start and end:
            return f"{self.base}report/{sub_region_slug}/{start}--{end}"
        stem = file.rsplit(".", 1)[0] if "." in file.rsplit("/", 1)[-1] else file
        return f"{self.base}report/file/{slugify(stem)}"
