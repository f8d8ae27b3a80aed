"""Organisations, places, people, countries and works named in report text.

In order, each taking its words so the next does not read them again: the curated gazetteer and the
countries (``data/gazetteer.csv``, ``data/countries.csv``, names and aliases longest first, all-capital
aliases only in capitals); acronyms the text defines ("... Association (PLA)"); people with a title or a
role (``people.py``); organisations by their form (``organisations.py``); acronyms defined elsewhere in
the report, used alone; places, looked up in GeoNames where the text puts them as places
(``places.py``). URLs are never searched. The gazetteer's works (platforms, products, projects,
treaties) are mentions of kind ``work``, never organisations. An organisation that "organised",
"hosted" or "held" something, or by which it was organised, is its organiser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Mention, MentionKind, MentionRole, SourceDocument, SourceSpan
from ..reference import Reference, SubRegion, normalise_name
from .organisations import GENERIC, HEADS, NOT_ORG_HEADS, find_acronyms, find_organisations, words_of
from .people import find_people
from .places import PlaceIndex

__all__ = ["MentionContext", "MentionFinder", "dedupe_mentions", "finder_for"]

_URL = re.compile(r"<?(?:https?|ftp)://[^\s>]+>?|\bwww\.[^\s>]+|\[[^\]]*\]\([^)]*\)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_NAME_START = re.compile(r"\b(?:[A-Z0-9]|[^\x00-\x7f\W])\w*")
_WORD_CHAR = re.compile(r"\w")
_ORGANISED_BY = re.compile(r"(?:organi[sz]ed|hosted|co-hosted|held|run|convened|conducted|launched)\s+by\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
_ORGANISED = re.compile(r"^(?:\s*\([^()]*\))?\s+(?:has\s+|have\s+|also\s+)?(?:organi[sz]ed|held|hosted|co-hosted|"
                        r"convened|ran|runs|conducted|launched|trained)\b", re.IGNORECASE)
_AND_ORG = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*|\s+and\s+|\s*&\s*)(?:the\s+)?$", re.IGNORECASE)


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


def _masked(text: str) -> str:
    """The text with URLs blanked out (same length) and quotes unified."""
    text = _unify(text)
    if "http" in text or "www" in text or "ftp" in text or "](" in text:
        text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _looks_like_org(name: str) -> bool:
    """An acronym's expansion names an organisation unless its last word is an event's or a work's."""
    words = [w.lower() for w in re.findall(r"[\w.]+", name)]
    if not words or words[-1] in NOT_ORG_HEADS:
        return False
    return any(w in HEADS for w in words) or len(words) >= 2


class MentionFinder:
    """Finds named things in text. Build once per reference data set."""

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
        self._places = PlaceIndex(reference.places, reference.languages)

    def _known(self, masked: str, spans: _Spans, text: str, span: SourceSpan) -> None:
        """Gazetteer entities and countries, longest first."""
        lowered = masked.lower()
        end = 0
        for word in _NAME_START.finditer(masked):  # names start with a capital (or a digit)
            start = word.start()
            if start < end or not (masked[start].isupper() or masked[start].isdigit()):
                continue
            for name, exact in self._by_first.get(word.group(0).lower(), ()):
                stop = start + len(name)
                if (masked if exact else lowered)[start:stop] != name or _WORD_CHAR.match(masked, stop):
                    continue
                if " " not in name and not masked[start].isupper():
                    continue  # a one-word name ("Zoom", "Trove") only with its capital
                if spans.free(start, stop):
                    target = self._targets[normalise_name(masked[start:stop])]
                    spans.add(start, stop, Mention(text[start:stop], target.kind, target.key, target.country, span))
                    end = stop
                break

    def _organisation(self, name: str, span: SourceSpan, context: MentionContext,
                      inside: list[Mention] | None = None) -> Mention:
        """An organisation by name: the gazetteer's when it knows the name, else one with the country its
        name states ("National Library of Tajikistan", "Suva City Library"); ``inside`` are the names
        already found within it, when known."""
        target = self._targets.get(normalise_name(_unify(name)))
        if target is not None and target.kind == "organisation":
            return Mention(name, "organisation", target.key, target.country, span)
        country = None
        for inner in self.find_known(name, span) if inside is None else inside:
            if inner.kind == "country" or (inner.kind in ("place", "organisation") and inner.country):
                country = inner.country
                break
        if country is None:
            country = self._places.country_in(name, context.countries, GENERIC)
        return Mention(name, "organisation", None, country, span)

    def find_known(self, text: str, span: SourceSpan) -> list[Mention]:
        """Only the gazetteer's entities and the countries named in ``text``."""
        masked = _masked(text)
        spans = _Spans(len(masked))
        self._known(masked, spans, text, span)
        return [m for _, _, m in spans.ordered()]

    def find(self, text: str, span: SourceSpan, context: MentionContext | None = None) -> list[Mention]:
        """Mentions in ``text`` (a paragraph whose span is ``span``), in order of position.

        The span of each mention is the paragraph's: offsets inside cleaned text do not map back
        one to one to the source line.
        """
        context = context or MentionContext()
        masked = _masked(text)
        spans = _Spans(len(masked))
        self._known(masked, spans, text, span)
        for acronym in find_acronyms(masked):
            if _looks_like_org(acronym.expansion):
                spans.claim(acronym.start, acronym.end, self._organisation(acronym.expansion, span, context))
        for person in find_people(masked):
            name = text[person.start:person.end]
            target = self._targets.get(normalise_name(_unify(name)))
            key = target.key if target is not None and target.kind == "person" else None
            mention = Mention(name, "person", key, target.country if key and target else None, span,
                              title=person.title, position=person.position, affiliation=person.affiliation)
            if not spans.claim(person.start, person.end, mention):
                spans.update_person(person)
        words = words_of(masked)
        stops = frozenset(e for _, e, m in spans.ordered() if m.kind == "country")  # "of Nepal and Save the ..."
        for org in find_organisations(masked, words, stops):
            inside = spans.inside(org.start, org.end)
            spans.claim(org.start, org.end, self._organisation(org.name, span, context, inside))
        expansions = dict(context.acronyms)
        for word in _WORD.finditer(masked):
            expansion = expansions.get(word.group(0))
            if expansion and word.group(0).isupper() and spans.free(word.start(), word.end()):
                spans.add(word.start(), word.end(), self._organisation(expansion, span, context))
        found = spans.ordered()
        country_at = {s: m.key or "" for s, _, m in found if m.kind == "country"}
        for place in self._places.find(masked, spans.taken, context.countries, country_at, words):
            geo = place.place
            spans.add(place.start, place.end, Mention(text[place.start:place.end], "place", None,
                                                      geo.country if geo else None, span,
                                                      geonames=geo.geonames if geo else None))
        found = spans.ordered()
        return [_organiser(masked, found, i) for i in range(len(found))]

    def context_for(self, doc: SourceDocument, subregion: SubRegion | None) -> MentionContext:
        """The acronyms the whole report defines (each with one expansion) and its sub-region's countries."""
        seen: dict[str, set[str]] = {}
        for block in doc.blocks:
            texts = [block.text] if block.kind == "text" else [p.text for c in block.cells for p in c.paragraphs]
            for text in texts:
                for acronym in find_acronyms(_masked(text)):
                    if _looks_like_org(acronym.expansion):
                        seen.setdefault(acronym.acronym, set()).add(acronym.expansion)
        acronyms = tuple(sorted((a, next(iter(e))) for a, e in seen.items() if len(e) == 1))
        return MentionContext(acronyms, subregion.countries if subregion else ())

    def lookup(self, phrase: str, span: SourceSpan, role: str, context: MentionContext | None = None) -> Mention:
        """The mention for a whole phrase stated in a role ("held at Y"): known when the phrase, or a
        name inside it, is in the gazetteer (or, for a place, in GeoNames)."""
        target = self._targets.get(normalise_name(_unify(phrase)))
        if target is None:
            inner = [m for m in self.find(phrase, span, context) if m.kind != "country"]
            if len(inner) == 1 and len(inner[0].name) >= len(phrase) - 3:
                m = inner[0]
                return Mention(phrase, m.kind, m.key, m.country, span, _role(role), geonames=m.geonames)
        kind: MentionKind = "place" if role == "place" else "organisation"
        if target is None:
            return Mention(phrase, kind, None, None, span, _role(role))
        return Mention(phrase, target.kind, target.key or None, target.country, span, _role(role))


def _role(role: str) -> MentionRole:
    return role if role in ("mentioned", "location", "organiser", "place") else "mentioned"  # type: ignore[return-value]


class _Spans:
    """The mentions found in a text and the characters each takes (one owner a character), so that
    checking and claiming a span costs its length, not the number of mentions."""

    def __init__(self, length: int) -> None:
        self._owner = [-1] * length
        self._found: dict[int, tuple[int, int, Mention]] = {}
        self._next = -1

    def taken(self, position: int) -> bool:
        return 0 <= position < len(self._owner) and self._owner[position] >= 0

    def free(self, start: int, end: int) -> bool:
        return all(o < 0 for o in self._owner[start:end])

    def add(self, start: int, end: int, mention: Mention) -> None:
        self._next += 1  # keys only grow: one is never reused after a removal
        key = self._next
        self._found[key] = (start, end, mention)
        self._owner[start:end] = [key] * (end - start)

    def inside(self, start: int, end: int) -> list[Mention]:
        return [m for _, _, m in self.within(start, end)]

    def within(self, start: int, end: int) -> list[tuple[int, int, Mention]]:
        return [self._found[k] for k in sorted({o for o in self._owner[start:end] if o >= 0})]

    def claim(self, start: int, end: int, mention: Mention) -> bool:
        """Add a mention over ``start:end`` unless it overlaps one already found; a country, place or
        shorter organisation wholly inside it ("Fiji" in "Fiji Library Association") gives way to it."""
        keys = {o for o in self._owner[start:end] if o >= 0}
        for key in keys:
            s, e, m = self._found[key]
            if not (start <= s and e <= end and (m.kind in ("country", "place") or (
                    m.kind == "organisation" and e - s < end - start))):
                return False
        for key in keys:
            s, e, _ = self._found.pop(key)
            self._owner[s:e] = [-1] * (e - s)
        self.add(start, end, mention)
        return True

    def update_person(self, person: object) -> None:
        """A gazetteer person named with a role ("Linli Soh, Manager of ...") gets the role."""
        for key, (start, end, mention) in list(self._found.items()):
            if mention.kind == "person" and start == getattr(person, "start", -1):
                self._found[key] = (start, end, replace(mention, title=getattr(person, "title", None),
                                                        position=getattr(person, "position", None),
                                                        affiliation=getattr(person, "affiliation", None)))

    def ordered(self) -> list[tuple[int, int, Mention]]:
        return sorted(self._found.values(), key=lambda f: (f[0], f[1]))


def _organiser(masked: str, found: list[tuple[int, int, Mention]], i: int) -> Mention:
    """An organisation is the organiser when the text says it organised, held or hosted (it and those
    listed with it), or that it was organised by it."""
    start, _, mention = found[i]
    if mention.kind != "organisation" or mention.role != "mentioned":
        return mention
    if _ORGANISED_BY.search(masked[max(0, start - 40):start]):
        return replace(mention, role="organiser")
    j = i
    while j + 1 < len(found) and found[j + 1][2].kind == "organisation" and \
            _AND_ORG.match(masked[found[j][1]:found[j + 1][0]]):
        j += 1
    if _ORGANISED.match(masked[found[j][1]:found[j][1] + 60]):
        return replace(mention, role="organiser")
    k = i
    while k > 0 and found[k - 1][2].kind == "organisation" and _AND_ORG.match(masked[found[k - 1][1]:found[k][0]]):
        k -= 1
        if _ORGANISED_BY.search(masked[max(0, found[k][0] - 40):found[k][0]]):
            return replace(mention, role="organiser")
    return mention


_FINDERS: dict[int, tuple[Reference, MentionFinder]] = {}


def finder_for(reference: Reference) -> MentionFinder:
    """The finder of a reference data set, built once (building it indexes a few thousand names)."""
    cached = _FINDERS.get(id(reference))
    if cached is None or cached[0] is not reference:
        cached = _FINDERS[id(reference)] = (reference, MentionFinder(reference))
    return cached[1]


def dedupe_mentions(mentions: list[Mention]) -> tuple[Mention, ...]:
    """The first mention of each entity (by gazetteer key, else by name), in order, with the fullest
    name it is given ("National Diet Library" rather than "NDL") and an organiser role found later."""
    kept: dict[tuple[str, str], Mention] = {}
    for mention in mentions:
        key = (mention.kind, mention.key or normalise_name(mention.name))
        first = kept.get(key)
        if first is None:
            kept[key] = mention
            continue
        if first.name.isupper() and " " not in first.name and len(mention.name) > len(first.name):
            first = replace(first, name=mention.name)  # an acronym first: the full name is what it names
        if mention.role == "organiser" and first.role == "mentioned":
            first = replace(first, role="organiser")
        kept[key] = first
    return tuple(kept.values())
