"""People named in report text: a title before a name ("Ms. Hana Kim", "Daw Khin Mya Mya Thein"), a
name before its role ("Linli Soh, Manager of IFLA AO Regional Office"), and the organisation a person
is "of" ("Ms. Zarina Nazarova of the National Library of Tajikistan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PersonName", "find_people"]

_TITLES = (r"(?:Assoc\.?\s+Prof|Associate\s+Professor|Asst\.?\s+Prof|Assistant\s+Professor|Mr|Mrs|Ms|Miss|Mx|Dr|"
           r"Prof|Professor|Sir|Dame|Madam|Mdm|Hon|Rev|Ven|Venerable|Datuk|Dato['’]?|"
           r"Tan\s+Sri|Dasho|Shri|Smt|Engr|Atty|Daw|Lok|Sayādaw|Sayadaw|U(?=\s+[A-Z][a-zāīūṃñ]))")
_NAME_WORD = r"(?:[A-Z][\w’'\-āīūēōṃṇñ]*\.?|(?:bin|binti|van|de|da|al|el|le)(?=\s+[A-Z]))"
_TITLED = re.compile(rf"(?<![\w.])(?P<title>(?:{_TITLES}\.?\s+)+)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})")
_ROLES = (r"(?:(?:Deputy|Assistant|Associate|Executive|Acting|Vice|Honorary)[\s-]+)?(?:Director(?:[\s-]General)?|"
          r"Manager|President|Secretary(?:[\s-]General)?|Chair(?:person|man|woman)?|Head|(?:Chief |University |"
          r"State |National |Senior )?Librarian|Dean|Professor|Lecturer|(?:Information )?Coordinator|Convenor|"
          r"Convener|(?:Programme |Program |Project )?Officer|CEO|Founder|Treasurer|Member|Representative)")
_WITH_ROLE = re.compile(rf"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{1,3}}),\s+(?:the\s+)?(?P<role>{_ROLES})"
                        rf"\s+of\s+(?:the\s+)?(?P<org>[A-Z][^,;.()]*)")
_OF_ORG = re.compile(r"^\s*(?:,\s*)?(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][^,;.()]*)")
_ROLE_AFTER = re.compile(rf"^,\s+(?:the\s+)?(?P<role>{_ROLES})\s+of\s+(?:the\s+)?(?P<org>[A-Z][^,;.()]*)")
_LOWER_CUT = re.compile(r"\s+(?:[a-z][\w’'-]*)(?:\s|$).*$")


@dataclass(frozen=True)
class PersonName:
    """A person named in a text: name (without title), title, stated role and organisation (as written)."""

    name: str
    start: int
    end: int
    title: str | None = None
    position: str | None = None
    affiliation: str | None = None


def _org_phrase(text: str) -> str | None:
    """The organisation's name at the start of ``text``: up to the first lower-case word that is not a
    connector ("the IFLA Asia and Oceania Regional Office the possibility" -> "IFLA Asia and Oceania
    Regional Office")."""
    words = text.split()
    kept: list[str] = []
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        if word.lower() in ("and", "&") and re.match(rf"{_TITLES}\.?$", following):
            break  # "... Association and Dr Ram Thapa"
        if word[:1].isupper() or word.lower() in ("of", "for", "and", "the", "&", "de", "dan"):
            kept.append(word)
        else:
            break
    while kept and kept[-1].lower() in ("of", "for", "and", "the", "&", "de", "dan"):
        kept.pop()
    return " ".join(kept).strip(" ,;:") or None


def find_people(text: str) -> list[PersonName]:
    """People named with a title or a role, in order.

    >>> [(p.name, p.title, p.affiliation) for p in find_people("Introduced Ms. Zarina Nazarova of the "
    ...                                                         "National Library of Tajikistan to the Section")]
    [('Zarina Nazarova', 'Ms.', 'National Library of Tajikistan')]
    >>> [(p.name, p.position, p.affiliation) for p in find_people("Linli Soh, Manager of IFLA AO Regional Office")]
    [('Linli Soh', 'Manager', 'IFLA AO Regional Office')]
    >>> [p.name for p in find_people("Speakers included Daw Khin Mya Mya Thein and U Kyaw Zeyyā Htun.")]
    ['Khin Mya Mya Thein', 'Kyaw Zeyyā Htun']
    """
    found: list[PersonName] = []
    for m in _TITLED.finditer(text):
        name = m.group("name").rstrip(".")
        affiliation = position = None
        if of := _OF_ORG.match(text[m.end():]):
            affiliation = _org_phrase(of.group("org"))
        elif role := _ROLE_AFTER.match(text[m.end():]):
            position, affiliation = role.group("role"), _org_phrase(role.group("org"))
        found.append(PersonName(name, m.start("name"), m.start("name") + len(name),
                                " ".join(m.group("title").split()), position, affiliation))
    for m in _WITH_ROLE.finditer(text):
        if any(p.start <= m.start("name") < p.end for p in found):
            continue
        found.append(PersonName(m.group("name"), m.start("name"), m.end("name"), None, m.group("role"),
                                _org_phrase(m.group("org"))))
    return sorted(found, key=lambda p: p.start)
