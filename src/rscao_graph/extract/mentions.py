"""Organisations, places, people and countries named in report text, found through the gazetteer.

Names and aliases of ``data/gazetteer.csv`` and ``data/countries.csv`` are matched longest first on
word boundaries; all-capital aliases ("NLC", "DPRK") only in capitals; URLs are never searched.
A "National Library of X" that the gazetteer does not know is still reported, with no key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention, MentionKind, SourceSpan
from ..reference import Reference, normalise_name

__all__ = ["MentionContext", "MentionFinder", "dedupe_mentions", "finder_for"]

_URL = re.compile(r"<?(?:https?|ftp)://[^\s>]+>?|\bwww\.[^\s>]+", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_GENERIC = re.compile(r"\bNational Library of (?:the )?(?P<of>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)*)")


@dataclass(frozen=True)
class MentionContext:
    """What the rest of the report tells about names: acronyms it defines ("NLK" for "National
    Library of Korea") and the countries it is about (to choose between places of one name)."""

    acronyms: tuple[tuple[str, str], ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Target:
    kind: MentionKind
    key: str
    country: str | None


def _unify(text: str) -> str:
    """Same-length normalisation so match offsets stay valid."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


class MentionFinder:
    """Finds known names in text. Build once per reference data set."""

    def __init__(self, reference: Reference) -> None:
        self._reference = reference
        targets: dict[str, _Target] = {}
        for entity in reference.entities.values():
            for name in (entity.name, *entity.aliases):
                targets.setdefault(_unify(name), _Target(entity.kind, entity.id, entity.country))
        for country in reference.countries.values():
            for name in (country.name, *country.aliases):
                targets.setdefault(_unify(name), _Target("country", country.code, country.code))
        self._targets = {normalise_name(n): t for n, t in targets.items()}
        # Names indexed by their first word, longest first: a paragraph is scanned word by word and only
        # the names that can start at a word are tried (a regex of a thousand alternatives is slow).
        self._by_first: dict[str, list[tuple[str, bool]]] = {}
        for name in sorted(targets, key=lambda n: (-len(n), n)):
            words = _WORD.findall(name)
            if words and _WORD.match(name):
                exact = name.isupper() and len(name) <= 8
                self._by_first.setdefault(words[0].lower(), []).append((name if exact else name.lower(), exact))

    def find(self, text: str, span: SourceSpan, context: MentionContext | None = None) -> list[Mention]:
        """Mentions in ``text`` (a paragraph whose span is ``span``), in order of position.

        The span of each mention is the paragraph's: offsets inside cleaned text do not map back
        one to one to the source line.
        """
        masked = _URL.sub(lambda m: " " * len(m.group(0)), _unify(text))
        found: list[tuple[int, int, Mention]] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return not any(start < e and s < end for s, e in taken)

        for m in _GENERIC.finditer(masked):
            if normalise_name(m.group(0)) not in self._targets:
                country = self._reference.country_code(m.group("of"))
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(),
                               Mention(text[m.start():m.end()], "organisation", None, country, span)))
        lowered = masked.lower()
        end = 0
        for word in _WORD.finditer(masked):
            start = word.start()
            if start < end:
                continue
            for name, exact in self._by_first.get(word.group(0).lower(), ()):
                stop = start + len(name)
                if (masked if exact else lowered)[start:stop] != name or _WORD_CHAR.match(masked, stop):
                    continue
                if free(start, stop):
                    target = self._targets[normalise_name(masked[start:stop])]
                    taken.append((start, stop))
                    found.append((start, stop, Mention(text[start:stop], target.kind, target.key, target.country,
                                                       span)))
                    end = stop
                break
        return [mention for _, _, mention in sorted(found, key=lambda f: f[0])]

    def context_for(self, doc: object, subregion: object) -> MentionContext:
        return MentionContext()

    def lookup(self, phrase: str, span: SourceSpan, role: str, context: MentionContext | None = None) -> Mention:
        """The mention for a whole phrase stated in a role ("held at Y"): known when the phrase, or a
        name inside it, is in the gazetteer."""
        target = self._targets.get(normalise_name(_unify(phrase)))
        if target is None:
            inner = [m for m in self.find(phrase, span) if m.kind != "country"]
            if len(inner) == 1 and len(inner[0].name) >= len(phrase) - 3:
                target = _Target(inner[0].kind, inner[0].key or "", inner[0].country)
        kind = "place" if role == "place" else "organisation"
        if target is None:
            return Mention(phrase, kind, None, None, span, role)  # type: ignore[arg-type]
        return Mention(phrase, target.kind, target.key or None, target.country, span, role)  # type: ignore[arg-type]


_FINDERS: dict[int, tuple[Reference, MentionFinder]] = {}


def finder_for(reference: Reference) -> MentionFinder:
    """The finder of a reference data set, built once (building it indexes a few thousand names)."""
    cached = _FINDERS.get(id(reference))
    if cached is None or cached[0] is not reference:
        cached = _FINDERS[id(reference)] = (reference, MentionFinder(reference))
    return cached[1]


def dedupe_mentions(mentions: list[Mention]) -> tuple[Mention, ...]:
    """The first mention of each entity (by gazetteer key, else by name), in order."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for mention in mentions:
        key = (mention.kind, mention.key or mention.name.casefold())
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return tuple(kept)
