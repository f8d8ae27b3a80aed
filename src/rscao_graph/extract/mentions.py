"""Organisations, places, people and countries named in report text, found through the gazetteer.

Names and aliases of ``data/gazetteer.csv`` and ``data/countries.csv`` are matched longest first on
word boundaries; all-capital aliases ("NLC", "DPRK") only in capitals; URLs are never searched.
A "National Library of X" that the gazetteer does not know is still reported, with no key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention, SourceSpan
from ..reference import Reference, normalise_name

__all__ = ["MentionFinder", "dedupe_mentions"]

_URL = re.compile(r"<?(?:https?|ftp)://[^\s>]+>?|\bwww\.[^\s>]+", re.IGNORECASE)
_GENERIC = re.compile(r"\bNational Library of (?:the )?(?P<of>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)*)")


@dataclass(frozen=True)
class _Target:
    kind: str
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
        exact = sorted((n for n in targets if n.isupper() and len(n) <= 8), key=len, reverse=True)
        folded = sorted((n for n in targets if n not in exact), key=len, reverse=True)
        self._exact = _alternation(exact, 0)
        self._folded = _alternation(folded, re.IGNORECASE)

    def find(self, text: str, span: SourceSpan) -> list[Mention]:
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
        for regex in (self._folded, self._exact):
            for m in regex.finditer(masked) if regex is not None else ():
                if free(m.start(), m.end()):
                    target = self._targets[normalise_name(m.group(0))]
                    taken.append((m.start(), m.end()))
                    found.append((m.start(), m.end(), Mention(text[m.start():m.end()], target.kind, target.key,
                                                              target.country, span)))
        return [mention for _, _, mention in sorted(found, key=lambda f: f[0])]

    def lookup(self, phrase: str, span: SourceSpan, role: str) -> Mention:
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


def _alternation(names: list[str], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    body = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


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
