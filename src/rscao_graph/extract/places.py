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
from collections.abc import Iterable
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
_BIG_CITY = 500_000
_SMALL_ABROAD = 100_000


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """A word without case, accents and apostrophes: ``fold("Nukuʻalofa") == fold("Nuku'alofa")``."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[’'ʻ‘`]", "", text).casefold()


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

    def __init__(self, places: Iterable[GeoPlace]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], GeoPlace]]] = {}
        for place in places:
            for name in (place.name, *place.alternates):
                words = tuple(fold(w) for w in _WORD.findall(name))
                if words:
                    self._by_first.setdefault(words[0], []).append((words, place))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: (-len(e[0]), -e[1].population, e[1].geonames))

    def _match(self, words: list[tuple[str, int, int]], i: int) -> tuple[int, list[GeoPlace]]:
        """The longest name starting at word ``i``: its length in words and the places of that name."""
        best, found = 0, []
        for names, place in self._by_first.get(fold(words[i][0]), ()):
            n = len(names)
            if n < best:
                break
            if tuple(fold(w[0]) for w in words[i:i + n]) == names:
                best = n
                found.append(place)
        return best, found

    def find(self, text: str, taken: list[tuple[int, int]], countries: tuple[str, ...],
             country_at: dict[int, str]) -> list[PlaceName]:
        """Places in ``text`` outside the ``taken`` spans; ``countries`` are the report's, ``country_at``
        the country named at each offset (", Fiji")."""
        words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        found: list[PlaceName] = []
        i = 0
        while i < len(words):
            word, start, _ = words[i]
            if not word[:1].isupper() or any(s <= start < e for s, e in taken):
                i += 1
                continue
            n, places = self._match(words, i)
            region = self._region(words, i)
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
            i += n
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
    def _choose(places: list[GeoPlace], countries: tuple[str, ...], stated: str | None) -> GeoPlace | None:
        if stated:
            places = [p for p in places if p.country == stated] or places
        home = [p for p in places if p.country in countries]
        if home:
            return max(home, key=lambda p: (p.population, -int(p.geonames)))
        best = max(places, key=lambda p: (p.population, -int(p.geonames)))
        return best if best.population >= _SMALL_ABROAD or best.country == stated else None

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
