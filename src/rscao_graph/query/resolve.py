"""What people type for a stored query's parameter, resolved to the IRI it names, before binding.

A parameter whose name is a kind of thing the build knows (``country``, ``organisation``, ``activity``)
accepts, besides the thing's full IRI:

- a country: its name or an alternate name in any case (China, china, "People's Republic of China", "the
  Philippines", "Korea, Republic of"), its ISO 3166-1 alpha-2 or alpha-3 code (CN, cn, CHN);
- an organisation: its slug, the last part of its IRI (national-library-of-china), its name or an alternate
  name in any case ("National Library of China", NLC), or a part of its name ("national diet"), which
  stays text for the query to match;
- an activity: ``REPORT/cn-1`` where REPORT is the report's part of its IRI (north-east-asia/2019-09--2020-03)
  or that with dashes (north-east-asia-2019-09--2020-03, the sample file's name), or ``cn-1`` alone when
  only one report of the build has an activity cn-1.

Names are compared as :func:`~rscao_graph.reference.normalise_name` compares them; a country's names also
as the reference data reads them (:meth:`~rscao_graph.reference.Reference.country_code`). The things and
their names come from the data the query runs on (the build's store, or the endpoint), one small SELECT
per kind, asked only when a parameter of that kind is given. A value that names nothing, or several
things, is a :class:`UsageError` (exit 2; 400 over HTTP) listing the nearest names (``difflib``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..reference import Reference, normalise_name
from ..vocab import RSCAO, SCHEMA
from .stored import StoredQuery

__all__ = ["KINDS", "Kind", "Known", "Resolver", "Rows", "catalogue_query", "solution_rows"]

#: Runs a SELECT on the data the query will run on; yields its solutions as (thing, property, name).
Rows = Callable[[str], Iterable[tuple[str, str, str]]]

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_ACTIVITY = re.compile(r"/report/(?P<report>.+)/activity/(?P<local>[^/]+)$")
_NEAREST = 5
_CUTOFF = 0.7


@dataclass(frozen=True)
class Kind:
    """A kind of thing a parameter names: its parameter name, its types and names in the data, and how
    the error message tells people what to type."""

    name: str
    plural: str
    types: tuple[str, ...]
    names: tuple[str, ...]
    #: What a value may be, in short (for the list of parameters) and in a sentence (for errors).
    accepts: str
    how: str
    #: A part of a name is passed on as text: the stored queries of this kind match names by part.
    by_part: bool = False


_ORGANISATION_TYPES = tuple(SCHEMA[t].value for t in ("Organization", "Library", "GovernmentOrganization",
                                                     "CollegeOrUniversity"))
#: The parameters resolved, by name.
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("country", "countries", (SCHEMA.Country.value,),
         (SCHEMA.name.value, SCHEMA.alternateName.value, RSCAO.isoAlpha2.value, RSCAO.isoAlpha3.value),
         "name, ISO code or IRI", "give a country's name, its ISO code such as CN or CHN, or its IRI"),
    Kind("organisation", "organisations", _ORGANISATION_TYPES, (SCHEMA.name.value, SCHEMA.alternateName.value),
         "name, part of a name, slug or IRI",
         "give an organisation's name or a part of it, its slug such as national-library-of-china, or its IRI; "
         "the stored query organisations lists them", by_part=True),
    Kind("activity", "activities", (RSCAO.Activity.value,), (), "REPORT/cn-1, cn-1 or IRI",
         "give REPORT/cn-1 with the report as in its IRI (such as north-east-asia/2019-09--2020-03), cn-1 when "
         "only one report has it, or the activity's IRI; the stored query activities lists them"),
)}


def catalogue_query(kind: Kind) -> str:
    """The SELECT listing every thing of ``kind`` with its names: ``?thing ?property ?name``."""
    types = " ".join(f"<{t}>" for t in kind.types)
    names = " ".join(f"<{p}>" for p in kind.names)
    named = (f"  OPTIONAL {{ ?thing ?property ?name . VALUES ?property {{ {names} }} }}\n" if names else "")
    return (f"SELECT DISTINCT ?thing ?property ?name WHERE {{\n  ?thing a ?type . VALUES ?type {{ {types} }}\n"
            f"{named}  FILTER(isIRI(?thing))\n}}")


@dataclass
class Known:
    """One thing of a kind: its IRI, its names (``schema:name``), alternate names and codes."""

    iri: str
    labels: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.iri.rstrip("/").rsplit("/", 1)[-1]

    @property
    def label(self) -> str:
        return min(self.labels, default="")

    def shown(self, kind: Kind) -> str:
        """How an error message names it."""
        if kind.name == "activity":
            keys = _activity_keys(self.iri)
            return keys[0] if keys else self.iri
        if kind.name == "country" and self.codes:
            return f"{self.label or self.slug} ({min(self.codes, key=len)})"
        return f"{self.label} ({self.slug})" if self.label else self.slug


def _key(text: str) -> str:
    return re.sub(r"^the ", "", normalise_name(text))


def _activity_keys(iri: str) -> list[str]:
    """The ways to name an activity, the shortest unambiguous form first: REPORT/cn-1, ... and cn-1."""
    m = _ACTIVITY.search(iri)
    if m is None:
        return []
    report, local = m.group("report").casefold(), m.group("local").casefold()
    return [f"{report}/{local}", f"{report}/activity/{local}", f"report/{report}/activity/{local}",
            f"{report.replace('/', '-')}/{local}", local]


class Resolver:
    """Resolves parameter values on the data ``rows`` reads; each kind's things are read once."""

    def __init__(self, rows: Rows, reference: Reference | None = None) -> None:
        self.rows = rows
        self.reference = reference
        self._things: dict[str, dict[str, Known]] = {}

    def things(self, kind: Kind) -> dict[str, Known]:
        """Every thing of ``kind`` in the data, by IRI."""
        if kind.name not in self._things:
            found: dict[str, Known] = {}
            for iri, prop, name in self.rows(catalogue_query(kind)):
                known = found.setdefault(iri, Known(iri))
                if not name:
                    continue
                if prop in (RSCAO.isoAlpha2.value, RSCAO.isoAlpha3.value):
                    known.codes.append(name)
                else:
                    known.names.append(name)
                    if prop == SCHEMA.name.value:
                        known.labels.append(name)
            self._things[kind.name] = found
        return self._things[kind.name]

    def resolve(self, query: StoredQuery, values: dict[str, str]) -> dict[str, str]:
        """``values`` with those of ``query``'s parameters that name things resolved to IRIs (or, for a
        part of an organisation's name, kept as text). Raises :class:`UsageError` for a value that names
        nothing or several things."""
        wanted = {p.name for p in query.params if p.name in KINDS}
        return {name: self.value(KINDS[name], value) if name in wanted else value for name, value in values.items()}

    def value(self, kind: Kind, value: str) -> str:
        """The IRI ``value`` names among the things of ``kind`` (or the text, for a part of a name)."""
        text = value.strip()
        if not text:
            raise UsageError(f"parameter {kind.name} is empty: {kind.how}")
        things = self.things(kind)
        if _IRI.match(text):
            if text in things:
                return text
            keys = _activity_keys(text)
            return self._nothing(kind, value, self._nearest(kind, keys[0] if keys else Known(text).slug, things))
        found = self._exact(kind, text, things)
        if len(found) == 1:
            return found[0]
        if found:
            shown = sorted(things[iri].shown(kind) for iri in found)
            raise UsageError(f"parameter {kind.name}: {value!r} names {len(found)} {kind.plural}: "
                             f"{', '.join(shown)} (give one of them)")
        if kind.by_part and any(text.lower() in label.lower() for k in things.values() for label in k.labels):
            return text
        return self._nothing(kind, value, self._nearest(kind, text, things))

    def _exact(self, kind: Kind, text: str, things: dict[str, Known]) -> list[str]:
        """The IRIs of the things ``text`` names exactly, in order."""
        if kind.name == "activity":
            wanted = text.casefold().strip("/")
            return sorted(iri for iri in things if wanted in _activity_keys(iri))
        key = _key(text)
        if kind.name == "country" and self.reference is not None and key in self.reference.ambiguous:
            codes = set(self.reference.ambiguous[key])
            return sorted(iri for iri, k in things.items() if codes & set(k.codes))
        slug = text.rstrip("/").rsplit("/", 1)[-1].casefold() if " " not in text else None
        found = sorted(iri for iri, k in things.items()
                       if k.slug.casefold() == slug or key in {_key(n) for n in (*k.names, *k.codes)})
        if not found and kind.name == "country" and self.reference is not None:
            code = self.reference.country_code(text)
            found = sorted(iri for iri, k in things.items() if code is not None and code in k.codes)
        return found

    def _nearest(self, kind: Kind, text: str, things: dict[str, Known]) -> list[str]:
        """The IRIs of the things with a name nearest to ``text``, nearest first (codes are compared only
        with a text as short as a code)."""
        wanted = text.casefold().strip("/") if kind.name == "activity" else _key(text)
        by_key: dict[str, set[str]] = {}
        for iri, known in things.items():
            keys = _activity_keys(iri) if kind.name == "activity" else [
                _key(n) for n in (*known.names, known.slug, *(known.codes if len(wanted) <= 3 else ()))]
            for k in keys:
                by_key.setdefault(k, set()).add(iri)
        matcher = difflib.SequenceMatcher(b=wanted)
        scored = []
        for k in by_key:
            matcher.set_seq1(k)
            if matcher.real_quick_ratio() >= _CUTOFF and matcher.quick_ratio() >= _CUTOFF:
                score = matcher.ratio()
                if score >= _CUTOFF:
                    scored.append((-score, k))
        nearest: list[str] = []
        for _, k in sorted(scored):
            nearest += sorted(by_key[k] - set(nearest))
        return nearest[:_NEAREST]

    def _nothing(self, kind: Kind, value: str, nearest: list[str]) -> str:
        things = self.things(kind)
        near = f"; nearest: {', '.join(things[iri].shown(kind) for iri in nearest)}" if nearest else ""
        raise UsageError(f"parameter {kind.name}: no {kind.name} {value!r} in the data{near} ({kind.how})")


def solution_rows(solutions: Iterable[Any]) -> Iterator[tuple[str, str, str]]:
    """The (thing, property, name) rows of a :func:`catalogue_query`'s solutions (pyoxigraph's)."""
    for solution in solutions:
        thing, prop, name = solution["thing"], solution["property"], solution["name"]
        if thing is not None:
            yield thing.value, prop.value if prop is not None else "", name.value if name is not None else ""
