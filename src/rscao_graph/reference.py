"""Reference data shipped in ``data/``: countries, sub-regions, the gazetteer, the IFLA strategy.

Loaded once per process from the packaged CSV/Turtle files (``data/README.md`` gives their sources).
Lookups normalise names (NFKC, case-folded, apostrophes and dots unified) so report spellings match.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal, TypeGuard

from .config import DEFAULT_BASE_IRI
from .errors import InputError
from .model import DEFAULT_IGNORABLE
from .resources import resource_path
from .vocab import SKOS

__all__ = [
    "Concept",
    "Country",
    "Entity",
    "EntityKind",
    "GeoPlace",
    "Reference",
    "SubRegion",
    "label_fits",
    "label_key",
    "load_reference",
    "normalise_name",
]


_IGNORABLE = DEFAULT_IGNORABLE  # zero-width, soft hyphen, bidi controls, BOM, ...: never tell names apart


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Key for comparing names: NFKC, case-folded, curly quotes and dots unified, spaces collapsed.

    >>> normalise_name("  P.R.  China ")
    'pr china'
    >>> normalise_name("Grand People’s Study House") == normalise_name("grand people's study house")
    True
    """
    text = _IGNORABLE.sub("", unicodedata.normalize("NFKC", name)).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'").replace(".", "")
    return re.sub(r"\s+", " ", text).strip()


def _region_key(name: str) -> str:
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name)  # "North East Asia (NEA)"
    return re.sub(r"^the ", "", normalise_name(name.replace("-", " ").replace("sub-region", "")).strip())


@dataclass(frozen=True)
class Country:
    code: str
    alpha3: str
    numeric: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None
    geonames: str | None
    region: str


EntityKind = Literal["organisation", "place", "person", "work"]


@dataclass(frozen=True)
class Entity:
    """A known organisation, place or person of the gazetteer."""

    id: str
    kind: EntityKind
    type: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    note: str


@dataclass(frozen=True)
class SubRegion:
    slug: str
    name: str
    countries: tuple[str, ...]
    source: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """A strategic direction ("3") or key initiative ("3.1") of the IFLA Strategy 2019-2024."""

    notation: str
    label: str
    alt_labels: tuple[str, ...]


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """Key for comparing strategy labels: case, punctuation and British/American spelling ignored."""
    text = label.casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"(?<=[a-z])is(e|es|ed|ing|ation|ations)\b", r"iz\1", text)
    text = re.sub(r"(?<=[a-z])yse\b", "yze", text)
    text = re.sub(r"(?<=[a-z])our\b", "or", text)
    text = re.sub(r"(?<=[a-z])tre\b", "ter", text)
    text = re.sub(r"(?<=[a-z])mme\b", "m", text)
    return " ".join(text.split())


def label_fits(concept: Concept, label: str) -> bool | None:
    """Does a cited label fit the concept? ``None`` when nothing was cited or the official wording
    is not known (a placeholder label such as "Key Initiative 4.1").

    >>> c = Concept("4", "Optimise our Organisation", ())
    >>> label_fits(c, "optimize our organization."), label_fits(c, "Connect and empower the field")
    (True, False)
    """
    if not label.strip() or concept.label.startswith("Key Initiative "):
        return None
    wanted = {label_key(concept.label), *(label_key(a) for a in concept.alt_labels)}
    return label_key(label) in wanted


@dataclass(frozen=True)
class GeoPlace:
    """A populated place of GeoNames (``data/places.csv``)."""

    geonames: str
    name: str
    alternates: tuple[str, ...]
    country: str
    admin1: str
    population: int


@dataclass(frozen=True)
class Reference:
    """All reference data, with lookup tables by normalised name."""

    countries: dict[str, Country]
    country_names: dict[str, str]
    ambiguous: dict[str, tuple[str, ...]]
    subregions: dict[str, SubRegion]
    entities: dict[str, Entity]
    concepts: dict[str, Concept]
    places: tuple[GeoPlace, ...] = ()
    languages: frozenset[str] = frozenset()

    def country_code(self, name: str) -> str | None:
        """ISO code for a country name or alias ("the Philippines" too), ``None`` when unknown or ambiguous."""
        key = re.sub(r"^the ", "", normalise_name(name))
        found = self.country_names.get(key)
        if found is None and ", " in key:  # "Maldives, Republic of" for "Republic of Maldives"
            head, _, tail = key.rpartition(", ")
            found = self.country_names.get(f"{tail} {head}")
        return found

    def entity_named(self, name: str, kind: str | None = None) -> Entity | None:
        """The gazetteer entity whose name or alias is ``name`` (normalised), optionally of one kind."""
        key = normalise_name(name)
        return next((e for e in self.entities.values() if (kind is None or e.kind == kind)
                     and key in {normalise_name(n) for n in (e.name, *e.aliases)}), None)

    def subregion(self, name: str) -> SubRegion | None:
        """The sub-region of a name or variant ("South-East Asia", "Southeast Asia"), ``None`` when unknown."""
        key = _region_key(name)
        return next((s for s in self.subregions.values()
                     if key in {_region_key(n) for n in (s.name, *s.aliases)}), None)


def _rows(path: Path, columns: list[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != columns:
                raise InputError(f"expected columns {','.join(columns)}, found {reader.fieldnames}",
                                 file=str(path), line=1)
            return [{k: (v or "").strip() for k, v in row.items()} for row in reader]
    except OSError as exc:
        raise InputError(f"cannot read reference data: {exc.strerror}", file=str(path)) from exc


def _is_kind(kind: str) -> TypeGuard[EntityKind]:
    return kind in ("organisation", "place", "person", "work")


def _entity(row: dict[str, str], path: Path) -> Entity:
    kind = row["kind"]
    if not _is_kind(kind):
        raise InputError(f"entity {row['id']!r} has kind {kind!r}, not organisation, place, person or work",
                         file=str(path))
    return Entity(row["id"], kind, row["type"], row["name"], _split(row["aliases"]), row["country"] or None,
                  row["note"])


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _load_concepts(path: Path) -> dict[str, Concept]:
    import pyoxigraph as ox

    skos = str(SKOS)
    labels: dict[str, dict[str, list[str]]] = {}
    with path.open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=DEFAULT_BASE_IRI):
            pred = quad.predicate.value
            if pred in (skos + "notation", skos + "prefLabel", skos + "altLabel"):
                entry = labels.setdefault(quad.subject.value, {})
                entry.setdefault(pred.removeprefix(skos), []).append(quad.object.value)
    concepts = {}
    for entry in labels.values():
        if "notation" in entry and "prefLabel" in entry:
            notation = entry["notation"][0]
            concepts[notation] = Concept(notation, entry["prefLabel"][0], tuple(sorted(entry.get("altLabel", []))))
    return concepts


@cache
def load_reference() -> Reference:
    """Load the packaged reference data (cached for the process)."""
    data = resource_path("data")
    countries: dict[str, Country] = {}
    names: dict[str, str] = {}
    for row in _rows(data / "countries.csv", ["code", "alpha3", "numeric", "name", "aliases", "wikidata",
                                              "geonames", "region"]):
        country = Country(row["code"], row["alpha3"], row["numeric"], row["name"], _split(row["aliases"]),
                          row["wikidata"] or None, row["geonames"] or None, row["region"])
        countries[country.code] = country
        for name in (country.name, *country.aliases):
            names.setdefault(normalise_name(name), country.code)
    ambiguous = {normalise_name(r["name"]): _split(r["codes"])
                 for r in _rows(data / "country-ambiguous.csv", ["name", "codes", "note"])}
    for key in ambiguous:
        names.pop(key, None)
    subregions = {r["slug"]: SubRegion(r["slug"], r["name"], _split(r["countries"]), r["source"], _split(r["aliases"]))
                  for r in _rows(data / "subregions.csv", ["slug", "name", "aliases", "countries", "source"])}
    gazetteer = data / "gazetteer.csv"
    entities = {r["id"]: _entity(r, gazetteer)
                for r in _rows(gazetteer, ["id", "kind", "type", "name", "aliases", "country", "note"])}
    concepts = _load_concepts(data / "strategy-2019-2024.ttl")
    places = tuple(GeoPlace(r["geonames"], r["name"], _split(r["alternates"]), r["country"], r["admin1"],
                            int(r["population"] or 0))
                   for r in _rows(data / "places.csv", ["geonames", "name", "alternates", "country", "admin1",
                                                        "population"]))
    try:
        languages = frozenset(line.strip() for line in (data / "languages.txt").read_text(encoding="utf-8").splitlines()
                              if line.strip())
    except OSError as exc:
        raise InputError(f"cannot read reference data: {exc.strerror}", file=str(data / "languages.txt")) from exc
    return Reference(countries, names, ambiguous, subregions, entities, concepts, places, languages)
