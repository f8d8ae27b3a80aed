"""Deterministic IRIs: the same input always mints the same IRI, and IRIs never contain raw text.

Every IRI rscao-graph mints is minted here. Patterns under the configurable base (default
``https://w3id.org/rscao/``)::

    report/{sub-region-slug}/{YYYY-MM}--{YYYY-MM}        one per sub-region and period (its named graph too)
    report/file/{file-slug}                              a report without sub-region or period
    {report}/activity/{cc}-{n}[-dup{k}]                  an activity under its report
    {activity}/citation/{notation}[-{k}]                 a citation of the strategy
    {report}/heading/{letter}   {report}/action/{letter}-{position}
    {report}/source[/{start}-{end}[/position|/quote]]    the source document, segments and selectors
    country/{CC}   org/{slug}   person/{slug}   place/{slug}   subregion/{slug}
    membership/{sub-region-slug}/{person-slug}           a convenor's membership
    strategy/2019-2024[/{notation}]
    graph/{name}                                         reference, entities and links graphs
    link/{entity-path}/{authority}                       the record of an authority link
    dataset[/distribution/{file}|/class/{slug}|/property/{slug}|/authority/{slug}|/linkset/{slug}
            |/temporal|/publisher|/contact-point]
    dump/{file}
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .config import DEFAULT_BASE_IRI
from .errors import InputError
from .model import Mention
from .reference import normalise_name

__all__ = ["KIND_PATHS", "Minter", "media_type_iri", "slugify"]

#: The path segment of each kind of shared thing a report names.
KIND_PATHS = {"organisation": "org", "place": "place", "person": "person", "work": "work"}

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

    def rebase(self, iri: str) -> str:
        """An IRI of ours written under another base (a decisions file's rows keep the base they were made
        with; the default base maps onto any other) under this minter's base.

        >>> Minter("https://example.org/x/").rebase("https://w3id.org/rscao/org/nlc")
        'https://example.org/x/org/nlc'
        """
        for base in (self.base, DEFAULT_BASE_IRI):
            if iri.startswith(base):
                return self.base + iri[len(base):]
        raise InputError(f"entity {iri} is not under the base IRI {self.base}",
                         hint="the decisions file was written for another base_iri")

    def mention(self, mention: Mention) -> str:
        """The IRI of what a mention names: the gazetteer entity, the country, or a node minted from the
        name (organisations, places and people are shared across reports)."""
        if mention.kind == "country":
            return self.country(mention.key or "")
        path = KIND_PATHS[mention.kind]
        if mention.key:
            return self.entity(path, mention.key, mention.key)
        if mention.kind == "place" and mention.geonames:  # places of one name are told apart by their id
            return self.entity(path, f"{slugify(mention.name)}-{mention.geonames}", "geonames:" + mention.geonames)
        identity = re.sub(r"[\W_]+", " ", normalise_name(mention.name)).strip()
        return self.entity(path, slugify(mention.name), "name:" + identity)

    def known(self, kind: str, key: str) -> str:
        """The IRI of a gazetteer entity of ``kind`` (organisation, place, person) by its id."""
        return self.entity(KIND_PATHS[kind], key, key)

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

    # --- inside a report ---------------------------------------------------------------------------

    @staticmethod
    def source(report: str) -> str:
        """The report's source document."""
        return f"{report}/source"

    @staticmethod
    def segment(report: str, start: int, end: int) -> str:
        """A segment of the source: characters ``start`` to ``end``."""
        return f"{report}/source/{start}-{end}"

    @staticmethod
    def selector(segment: str, kind: str) -> str:
        """The ``position`` or ``quote`` selector of a segment."""
        return f"{segment}/{kind}"

    @staticmethod
    def heading(report: str, letter: str) -> str:
        return f"{report}/heading/{letter.lower()}"

    @staticmethod
    def action(report: str, letter: str, position: int) -> str:
        return f"{report}/action/{letter}-{position}"

    @staticmethod
    def activity(report: str, country: str, ordinal: str, dup: int = 1) -> str:
        """An activity by country code and ``#n`` of the table; the ``dup``-th of that number gets ``-dup{k}``.

        >>> Minter.activity("r", "cn", "2"), Minter.activity("r", "cn", "2", 2)
        ('r/activity/cn-2', 'r/activity/cn-2-dup2')
        """
        path = f"{report}/activity/{country}-{ordinal}"
        return path if dup == 1 else f"{path}-dup{dup}"

    @staticmethod
    def citation(activity: str, notation: str, n: int = 1) -> str:
        """The ``n``-th citation of ``notation`` by an activity."""
        return f"{activity}/citation/{notation}" + ("" if n == 1 else f"-{n}")

    # --- shared things, graphs, the dataset --------------------------------------------------------

    def membership(self, subregion_slug: str, person: str) -> str:
        """A convenor's membership of a sub-region; ``person`` is the person's IRI."""
        return f"{self.base}membership/{subregion_slug}/{person.rsplit('/', 1)[-1]}"

    def graph(self, name: str) -> str:
        """A graph that is not a report's: ``ontology``, ``strategy``, ``countries``, ``entities``, ``links``, ..."""
        return f"{self.base}graph/{name}"

    def link_record(self, entity: str, authority: str) -> str:
        """The record of how ``entity`` was linked to ``authority``."""
        return f"{self.base}link/{entity.removeprefix(self.base)}/{authority}"

    def dataset(self, part: str = "") -> str:
        """The dataset, or a part of its description (``distribution/dataset.trig``, ``class/schema-Person``)."""
        return f"{self.base}dataset" + (f"/{part}" if part else "")

    def dump(self, name: str) -> str:
        """Where a dump is downloaded from."""
        return f"{self.base}dump/{name}"


def media_type_iri(media: str) -> str:
    """The IANA IRI of a media type.

    >>> media_type_iri("text/turtle")
    'https://www.iana.org/assignments/media-types/text/turtle'
    """
    return f"https://www.iana.org/assignments/media-types/{media}"
