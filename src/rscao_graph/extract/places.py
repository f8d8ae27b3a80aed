"""Places named in report text, looked up in GeoNames (``data/places.csv``) by where they stand.

A capitalised name that GeoNames knows is a place where the text puts it as one: after "in", "at",
"near", "from", "to", "across", "on" ... (an adjective such as "central" between them), in a list after
such a word ("in Beijing and Tianjin"), or before ", <country>"; a city of half a million people or more
anywhere. Of several places of one name, the one in the report's countries wins, then the most populous;
a small place abroad is not taken. "X Province", "X Region", "X Island", "X Atoll", "X City" in such a
position are places too, with no GeoNames id unless GeoNames knows the whole name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..reference import GeoPlace

__all__ = ["PlaceIndex", "PlaceName", "fold"]

_LOCATIVE = frozenset("""in at near from to across around throughout outside inside within visited visit visits
visiting toward towards via on between""".split())
_ADJECTIVES = frozenset("""central northern southern eastern western north south east west rural urban downtown greater
metropolitan suburban remote coastal provincial nearby the""".split())
_REGION_WORDS = frozenset("""province region prefecture district island islands atoll peninsula valley county
governorate municipality territory city""".split())
_LIST = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|"
                   r"\s+and\s+(?:at|in)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:in|at)\s+)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w’'ʻ‘\-]*[^\W_]|[^\W\d_]")
_ANY_REGION = re.compile(r"\b(?:" + "|".join(sorted(_REGION_WORDS)) + r")\b", re.IGNORECASE)
_BIG_CITY = 500_000
_SMALL_ABROAD = 100_000


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """A word without case, accents and apostrophes: ``fold("Nukuʻalofa") == fold("Nuku'alofa")``."""
    if word.isascii():
        return word.replace("'", "").replace("`", "").lower()
    text = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[’'ʻ‘`]", "", text).casefold()


class _Folded:
    """The folded words of a text, computed when first asked for."""

    def __init__(self, words: list[tuple[str, int, int]]) -> None:
        self._words = words
        self._folded: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._words)

    def __getitem__(self, i: int) -> str:
        found = self._folded.get(i)
        if found is None:
            found = self._folded[i] = fold(self._words[i][0])
        return found

    def slice(self, i: int, n: int) -> tuple[str, ...]:
        return tuple(self[k] for k in range(i, i + n))


@dataclass(frozen=True)
class PlaceName:
    """A place named in a text: as written, where, and the GeoNames place (``None`` for "X Province")."""

    name: str
    start: int
    end: int
    place: GeoPlace | None
    located: bool


class PlaceIndex:
    """GeoNames places by the folded words of their names and alternate names."""

    def __init__(self, places: Iterable[GeoPlace], languages: Iterable[str] = ()) -> None:
        # Only the first word of each name is folded here; the whole names of a first word are folded when a
        # text first has that word (a build meets a few thousand of GeoNames' 98,000 names, and folding them
        # all took two seconds at every start).
        pending: dict[str, list[tuple[GeoPlace, str, bool]]] = {}
        for place in places:
            for n, name in enumerate((place.name, *place.alternates)):
                first = _WORD.search(name)
                if first:
                    pending.setdefault(fold(first.group(0)), []).append((place, name, n == 0))
        self._pending = pending
        self._by_first: dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], list[tuple[GeoPlace, bool]]]]] = {}
        self._languages = frozenset(fold(n) for n in languages)

    def _names(self, first: str) -> tuple[tuple[int, ...], dict[tuple[str, ...], list[tuple[GeoPlace, bool]]]]:
        """The names whose first word folds to ``first``: their lengths in words, longest first, and the
        places of each name (by its own name or not), in the order of the places file."""
        entry = self._by_first.get(first)
        if entry is None:
            names: dict[tuple[str, ...], list[tuple[GeoPlace, bool]]] = {}
            for place, name, primary in self._pending.get(first, ()):
                names.setdefault(tuple(fold(w) for w in _WORD.findall(name)), []).append((place, primary))
            entry = self._by_first[first] = (tuple(sorted({len(n) for n in names}, reverse=True)), names)
        return entry

    def country_in(self, name: str, countries: tuple[str, ...], skip: frozenset[str] = frozenset()) -> str | None:
        """The country of a place of the report's ``countries`` named inside ``name`` ("Suva City Library"),
        by a place's own name, not one of the words of ``skip`` ("Central", "National")."""
        words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(name)]
        folded = _Folded(words)
        for i in range(len(words)):
            n, matches = self._match(folded, i)
            if n == 1 and folded[i] in skip:
                continue
            for place, primary in matches:
                if primary and place.country in countries:
                    return place.country
        return None

    def _match(self, folded: _Folded, i: int) -> tuple[int, list[tuple[GeoPlace, bool]]]:
        """The longest name starting at word ``i``: its length in words and the places of that name."""
        lengths, names = self._names(folded[i])
        for n in lengths:
            if i + n > len(folded):
                continue
            places = names.get(folded.slice(i, n))
            if places:
                return n, places
        return 0, []

    def find(self, text: str, taken: Callable[[int], bool], countries: tuple[str, ...],
             country_at: dict[int, str], words: list[tuple[str, int, int]] | None = None) -> list[PlaceName]:
        """Places in ``text`` whose first character is not ``taken``; ``countries`` are the report's,
        ``country_at`` the country named at each offset (", Fiji"); ``words`` the text's words when
        already split."""
        if words is None:
            words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        folded = _Folded(words)
        regions = bool(_ANY_REGION.search(text))
        found: list[PlaceName] = []
        candidates: dict[int, list[tuple[GeoPlace, bool]]] = {}
        i = 0
        while i < len(words):
            word, start, _ = words[i]
            if not word[:1].isupper() or taken(start):
                i += 1
                continue
            n, places = self._match(folded, i)
            if n == 1 and folded[i] in self._languages:
                n, places = 0, []  # "in Kazakh and Russian": languages, not places
            region = self._region(words, i) if regions else 0
            if region > n:
                end = words[i + region - 1][2]
                if self._located(text, words, i, found):
                    found.append(PlaceName(text[start:end], start, end, None, True))
                i += region
                continue
            if not n:
                i += 1
                continue
            end = words[i + n - 1][2]
            after = re.match(r"\s*(?:,\s*|\(\s*)", text[end:])
            stated = country_at.get(end + after.end()) if after else None
            place = self._choose(places, countries, stated)
            located = self._located(text, words, i, found)
            if place is not None and (located or stated == place.country or place.population >= _BIG_CITY):
                found.append(PlaceName(text[start:end], start, end, place, located))
                candidates[len(found) - 1] = places
            i += n
        return self._agree(found, candidates, countries)

    @staticmethod
    def _agree(found: list[PlaceName], candidates: dict[int, list[tuple[GeoPlace, bool]]],
               countries: tuple[str, ...]) -> list[PlaceName]:
        """A name of places in several of the report's countries ("Lalitpur") means the one in the country
        of the other places the text names ("in Pokhara, Lalitpur and Jumla")."""
        def home(k: int) -> set[str]:
            return {p.country for p, _ in candidates.get(k, []) if p.country in countries}

        settled = [f.place.country for k, f in enumerate(found) if f.place is not None and len(home(k)) <= 1]
        if not settled:
            return found
        common = max(sorted(set(settled)), key=settled.count)
        for k, f in enumerate(found):
            if f.place is not None and len(home(k)) > 1 and common in home(k) and f.place.country != common:
                better = max((m for m in candidates[k] if m[0].country == common),
                             key=lambda m: (m[1], m[0].population, -int(m[0].geonames)))[0]
                found[k] = PlaceName(f.name, f.start, f.end, better, f.located)
        return found

    @staticmethod
    def _region(words: list[tuple[str, int, int]], i: int) -> int:
        """The length of "X Province", "X Y Region", ... starting at word ``i`` (0 when none)."""
        for n in (2, 3):
            if i + n <= len(words) and all(w[0][:1].isupper() for w in words[i:i + n]) \
                    and words[i + n - 1][0].lower() in _REGION_WORDS and words[i][0].lower() not in _REGION_WORDS \
                    and all(words[k][2] + 1 == words[k + 1][1] for k in range(i, i + n - 1)):
                return n
        return 0

    @staticmethod
    def _choose(matches: list[tuple[GeoPlace, bool]], countries: tuple[str, ...],
                stated: str | None) -> GeoPlace | None:
        """The place a name means: one whose own name it is before one that has it as an alternate name,
        one of the report's countries (or the country written after it) before one abroad, then the
        most populous; a place abroad only by its own name, and only when it is not small."""
        def best(places: list[GeoPlace]) -> GeoPlace:
            return max(places, key=lambda p: (p.population, -int(p.geonames)))

        if stated:
            matches = [m for m in matches if m[0].country == stated] or matches
        for primary in (True, False):
            home = [p for p, own in matches if own is primary and (p.country in countries or p.country == stated)]
            if home:
                return best(home)
        abroad = [p for p, own in matches if own]
        if abroad and best(abroad).population >= _SMALL_ABROAD:
            return best(abroad)
        return None

    @staticmethod
    def _located(text: str, words: list[tuple[str, int, int]], i: int, found: list[PlaceName]) -> bool:
        """Does the text put the name at word ``i`` as a place: after a locative word (an adjective
        between), or in a list after a place that was?"""
        j = i - 1
        while j >= 0 and j >= i - 3 and words[j][0].lower() in _ADJECTIVES:
            j -= 1
        if j >= 0 and words[j][0].lower() in _LOCATIVE and not text[words[j][2]:words[j + 1][1]].strip():
            return True
        if found and found[-1].located and _LIST.match(text[found[-1].end:words[i][1]]):
            return True
        return False
