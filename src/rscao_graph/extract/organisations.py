"""Organisations named in report text, found by their form rather than from a list.

A name is a run of capitalised words (with "of", "for", "and", "de", "dan", ... between them, "of the"
and "for the" inside, a comma list inside an "of" complement, ", Inc." at the end) whose last noun is an
organisation's head: Library, University, Association, Ministry, Council, Centre, Institute, Office,
Museum, Archives, Foundation, Board, Agency, Commission, House, Bureau, Network, Service, ... followed
by nothing or by its complement ("National Library of the Republic of Kazakhstan"). A run whose head is
an event or a work ("Conference", "Treaty", "Act", "Initiative", "Platform") names no organisation;
"Library Delegation Visits X" neither (the head is not the run's last noun). "X Library of the Y
University" names two. Two words that are both generic ("National Library", "Public Libraries") name
nothing in particular.

Acronyms defined in parentheses, "Library and Information Association of New Zealand Aotearoa
(LIANZA)", are tied to their expansion by the Schwartz-Hearst rule (the acronym's letters, in order, in
the words before it, the first at a word's start), so the acronym used alone later names the expansion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Acronym", "OrgName", "find_acronyms", "find_organisations", "words_of"]

HEADS = frozenset("""library libraries university universiti universitas college colleges academy institute
institution association associations society ministry department council consortium centre center office
museum museums archives archive alliance foundation board agency commission committee house bureau network
federation union section group service trust corporation company authority organisation
organization club press secretariat division parliament government municipality cooperative coalition
partnership inc inc. ltd ltd. limited room""".split())
NOT_ORG_HEADS = frozenset("""conference congress summit seminar workshop webinar webinars symposium meeting forum
festival fair week day month year award awards prize treaty act law convention agreement declaration
statement strategy plan policy framework programme program project initiative campaign series portal
platform website site database catalogue catalog collection repository system standard standards guidelines
guide protocols report newsletter journal magazine map vision challenge exhibition competition lecture
course training goals model grant visit visits delegation tour""".split())
GENERIC = frozenset("""national international global world public state city municipal provincial regional district
central academic university school special digital mobile community rural local main branch village town county federal
the new smart children's childrens' library libraries""".split())
_CONNECTORS = frozenset("of for to and & de del della des du la le dan di da bin binti o y van von der al el".split())
_NO_SPLIT_AFTER_AND = frozenset("""information archives archive museum museums records resource resources
documentation technology knowledge culture heritage arts science sciences education human fine""".split())
_PLURAL_HEADS = frozenset("""libraries associations museums colleges universities institutes councils
foundations""".split())
#: Heads that take an "on" complement in names ("Commission on Higher Education"); not dates ("House on December").
_ON_HEADS = frozenset("commission committee council board centre center institute office section group network "
                      "alliance agency bureau coalition".split())
_NOT_ON = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
#: Lower-case nouns that make "Chinese Library community" a common noun phrase, not a name.
_NOUN_AFTER = frozenset("""community communities sector field fields system systems network networks services service
staff users professionals workers colleagues science studies development circles world profession card cards
week weeks building buildings portal portals project projects programme programmes program programs platform
platforms website websites site app database catalogue catalog collection collections initiative campaign""".split())
_STARTERS = frozenset("""the a an on in at during with from since after under through for by as while when
following because this these those its their our we it he she they both each all some many more most other
several about around over between before within without among upon into onto across also and or but
however meanwhile besides thus today yesterday recently currently every last next""".split())
_ANY_HEAD = re.compile(r"\b(?:" + "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True)) + r")\b",
                       re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_][\w’'.\-]*[^\W_]|[^\W\d_]|\d[\w.\-]*|[(),&:;]|[^\w\s]")
_ACRONYM = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")


@dataclass(frozen=True)
class OrgName:
    """An organisation named in a text: its name as written and where it stands in the text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Acronym:
    """An acronym defined in the text and its expansion (with the span of "Expansion (ACR)")."""

    acronym: str
    expansion: str
    start: int
    end: int


def words_of(text: str) -> list[tuple[str, int, int]]:
    """The words and marks of ``text`` with their offsets, as the finders read them."""
    return _words(text)


def _words(text: str) -> list[tuple[str, int, int]]:
    words = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(0), m.start(), m.end()
        if word.endswith(("’s", "'s")) and len(word) > 2 and not text[end:end + 2].strip()[:1].isupper():
            # a possessive ends the name ("LIANZA’s new framework"), not inside one ("Grand People’s Study House")
            words.append((word[:-2], start, end - 2))
            words.append(("’s", end - 2, end))
        elif word.lower() in ("inc", "ltd", "co") and text[end:end + 1] == ".":
            words.append((word + ".", start, end + 1))
        else:
            words.append((word, start, end))
    return words


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


def _head(word: str) -> str:
    return word.lower().rstrip(".")


def find_acronyms(text: str) -> list[Acronym]:
    """Acronyms defined in parentheses after their expansion.

    >>> [(a.acronym, a.expansion) for a in find_acronyms("the Korea International Cooperation Agency (KOICA).")]
    [('KOICA', 'Korea International Cooperation Agency')]
    >>> [a.expansion for a in find_acronyms("The Philippine Librarians Association, Inc. (PLAI) and its councils")]
    ['Philippine Librarians Association, Inc.']
    """
    found = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group("acr")
        letters = [c.lower() for c in acronym if c.isalnum()]
        if sum(1 for c in acronym if c.isupper()) < 2 or len(letters) < 2:
            continue
        before = text[:m.start()].rstrip()
        window = [w for w in _words(before)[-(len(letters) + 6):]]
        start = _schwartz_hearst(before, window, letters)
        if start is None:
            continue
        expansion = before[start:].strip(" ,")
        if expansion and expansion.lower() != acronym.lower() and _capitalised(expansion):
            found.append(Acronym(acronym, expansion, start, m.end()))
    return found


def _schwartz_hearst(text: str, window: list[tuple[str, int, int]], letters: list[str]) -> int | None:
    """Where the expansion of an acronym starts in ``text`` (its letters matched backwards, the first
    one at the start of a word), or ``None``."""
    if not window:
        return None
    low = text.lower()
    for word, start, end in window:  # connectors ("and", "of", "dan") give no letter
        if word.lower() in _CONNECTORS:
            low = low[:start] + " " * (end - start) + low[end:]
    position = len(text) - 1
    first_possible = window[0][1]
    word_starts = {start for word, start, _ in window if word.lower() not in _CONNECTORS}
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        while position >= first_possible:
            if low[position] == letter and (index > 0 or position in word_starts):
                break
            position -= 1
        else:
            return None
        position -= 1
    start = position + 1
    return start if start in word_starts else None


def _runs(words: list[tuple[str, int, int]], stops: frozenset[int] = frozenset()) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised words with connectors between them; a run ends at an "and" after a word that
    ends at one of ``stops`` (a country: "of Nepal and Save the Children")."""
    runs: list[list[tuple[str, int, int]]] = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i][0]):
            i += 1
            continue
        run = [words[i]]
        i += 1
        in_complement = listing = listed = False
        while i < len(words):
            word = words[i][0]
            low = word.lower()
            if _capitalised(word):
                run.append(words[i])
                i += 1
                continue
            if low == "on" and _head(run[-1][0]) in _ON_HEADS and i + 1 < len(words) and \
                    _capitalised(words[i + 1][0]) and words[i + 1][0].lower().rstrip(".") not in _NOT_ON:
                run.extend(words[i:i + 2])  # "Commission on Higher Education"
                i += 2
                continue
            if low in ("and", "&") and run[-1][2] in stops:
                break
            if low in _CONNECTORS and i + 1 < len(words):
                nxt = words[i + 1][0]
                if nxt.lower() == "the" and low in ("of", "for") and i + 2 < len(words) and _capitalised(
                        words[i + 2][0]):
                    run.extend(words[i:i + 3])
                    in_complement = in_complement or low in ("of", "for")
                    i += 3
                    continue
                if _capitalised(nxt):
                    if low in ("and", "&") and listing:
                        listing, listed = False, True  # "A, B and C": the list ends with its last item
                    run.extend(words[i:i + 2])
                    in_complement = in_complement or low in ("of", "for")
                    i += 2
                    continue
            if word == "," and i + 1 < len(words):
                nxt = words[i + 1][0]
                if nxt.lower() in ("inc", "inc.", "ltd", "ltd."):
                    run.extend(words[i:i + 2])
                    i += 2
                    continue
                if in_complement and not listed and (_capitalised(nxt) or (nxt.lower() == "and" and listing)) \
                        and _list_follows(words, i + 1):
                    run.append(words[i])
                    listing = True
                    i += 1
                    continue
            if word == "(" and i + 3 < len(words) and words[i + 2][0] == ")" and words[i + 1][0].isupper() \
                    and _capitalised(words[i + 3][0]) and _head(words[i + 3][0]) in HEADS:
                i += 3  # "Universiti Brunei Darussalam (UBD) Library": the acronym inside the name
                continue
            break
        while run and (run[-1][0].lower() in _CONNECTORS or run[-1][0] == ","):
            run.pop()
        runs.append(run)
    return runs


def _list_follows(words: list[tuple[str, int, int]], i: int) -> bool:
    """After a comma inside a complement: "Education, Technology, and Sports of Mongolia" continues to an
    "and" followed by a capitalised word, through items of one or two words (not names of their own)."""
    item = 0
    for j in range(i, min(i + 12, len(words) - 1)):
        word = words[j][0]
        if word.lower() in ("and", "&") and _capitalised(words[j + 1][0]):
            return True
        if word == ",":
            item = 0
            continue
        if not _capitalised(word):
            return False
        item += 1
        if item > 2:
            return False
    return False


def _name(text: str, run: list[tuple[str, int, int]]) -> OrgName:
    name = re.sub(r"\s*\([A-Z][A-Za-z0-9&.\-]{1,11}\)", "", text[run[0][1]:run[-1][2]])
    return OrgName(name, run[0][1], run[-1][2])


def _valid(run: list[tuple[str, int, int]]) -> bool:
    words = [w.lower() for w, _, _ in run if w.lower() not in _CONNECTORS and w != ","]
    if not words:
        return False
    head = _head(run[-1][0]) if _head(run[-1][0]) in HEADS else None
    if all(w in GENERIC or w in HEADS for w in words) and (len(words) <= 2 or (head or "").endswith("ies")):
        return False
    if head in _PLURAL_HEADS and len(words) <= 2:
        return False  # "Connect Libraries", "Public Libraries": a phrase, not a name
    return not (len(words) == 1 and words[0] in HEADS)


def _segments(run: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """A run without the words that start sentences rather than names ("On", "The", "During")."""
    while run and run[0][0].lower() in _STARTERS:
        run = run[1:]
    return [run] if run else []


def _split_and(segment: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """"X Association and University of Y" names two; "Library and Archives", "Library and Information
    Association" one."""
    for k, (word, _, _) in enumerate(segment[:-1]):
        if word.lower() in ("and", "&") and k > 0 and _head(segment[k - 1][0]) in HEADS and \
                segment[k + 1][0].lower() not in _NO_SPLIT_AFTER_AND and \
                any(_head(w) in HEADS for w, _, _ in segment[k + 1:]):
            return [segment[:k], *_split_and(segment[k + 1:])]
    return [segment]


def _from_segment(text: str, segment: list[tuple[str, int, int]]) -> list[OrgName]:
    heads = [k for k, (w, _, _) in enumerate(segment) if _head(w) in HEADS]
    if not heads:
        return []
    first_of = next((k for k, (w, _, _) in enumerate(segment) if w.lower() in ("of", "for")), None)
    if first_of is not None:
        inner_start = first_of + 1 + (1 if segment[first_of + 1][0].lower() == "the" else 0)
        outer, inner = segment[:first_of], segment[inner_start:]
        if not any(h < first_of for h in heads):
            return _from_segment(text, inner)  # "Development of Public Libraries": only the complement
        if any(h > first_of for h in heads) and segment[first_of + 1][0].lower() == "the" and _valid(outer) \
                and _head(outer[-1][0]) in HEADS and _from_segment(text, inner):
            # "Michael Somare Library of the University of Papua New Guinea": two organisations
            return [_name(text, outer), *_from_segment(text, inner)]
        if all(h < first_of for h in heads) and _head(segment[first_of - 1][0]) in HEADS:
            return [_name(text, segment)] if _valid(segment) else []
    last = heads[-1]
    after = segment[last + 1:]
    if after and after[0][0].lower() in ("of", "for", "on"):
        return [_name(text, segment)] if _valid(segment) else []
    if after and after[0][0].lower() in ("and", "&", ","):
        return [_name(text, segment[:last + 1])] if _valid(segment[:last + 1]) else []
    if after:
        following = after[0][0].lower()
        if following not in NOT_ORG_HEADS or _head(segment[last][0]) in ("library", "libraries"):
            return []  # "Library Delegation Visits ...", "IFLA Library Map": no organisation
    name = segment[:last + 1]
    return [_name(text, name)] if _valid(name) else []


def _common_noun_after(text: str, end: int) -> bool:
    m = re.match(r"\s+([a-z]+)\b", text[end:])
    return bool(m and m.group(1) in _NOUN_AFTER)


def find_organisations(text: str, words: list[tuple[str, int, int]] | None = None,
                       stops: frozenset[int] = frozenset()) -> list[OrgName]:
    """Organisations named in ``text`` by their form, in order.

    >>> [o.name for o in find_organisations("The Fiji Library Association held its conference at the "
    ...                                      "University of the South Pacific in Suva.")]
    ['Fiji Library Association', 'University of the South Pacific']
    >>> [o.name for o in find_organisations("The Michael Somare Library of the University of Papua New Guinea")]
    ['Michael Somare Library', 'University of Papua New Guinea']
    >>> find_organisations("Mongolian Library Delegation Visits Hulunbuir; Seminar on Public Libraries")
    []
    """
    found: list[OrgName] = []
    if not _ANY_HEAD.search(text):
        return found
    for run in _runs(_words(text) if words is None else words, stops):
        for segment in _segments(run):
            for part in _split_and(segment):
                found.extend(o for o in _from_segment(text, part) if not _common_noun_after(text, o.end))
    return found
