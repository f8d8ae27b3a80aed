"""Scoring Wikidata candidates in Python: label similarity, type fit, country agreement.

``score = 0.5 * label + 0.3 * type + 0.2 * country``, each part from 0 to 1:

- label: 1.0 for the item's label (or a country's ISO code), 0.9 for one of its aliases;
- type: 1.0 when the item is of a class the entity's type expects (a library for a library), 0.6 for a
  broader fit (an organization for a library), 0.3 when the item states no known class, 0.0 when it is of
  a conflicting class (a human for a library);
- country: 1.0 when the item's country is the entity's, 0.0 when it is another, 0.5 when either is unknown.

A candidate is accepted automatically when it scores at least ``AUTO_ACCEPT`` (0.85) and no other
candidate comes within ``MARGIN`` (0.10) of it; otherwise the candidates are left pending for review.
"""

from __future__ import annotations

from .wikidata import Candidate

__all__ = ["AUTO_ACCEPT", "MARGIN", "choose", "evidence", "score"]

AUTO_ACCEPT = 0.85
MARGIN = 0.10
_EXPECTED = {
    "Library": ({"library"}, {"organization", "university"}),
    "Organization": ({"organization"}, {"library", "university", "government agency"}),
    "GovernmentOrganization": ({"government agency"}, {"organization"}),
    "CollegeOrUniversity": ({"university"}, {"organization"}),
    "Project": (set(), {"organization"}),
    "City": ({"city"}, {"human settlement", "administrative area"}),
    "AdministrativeArea": ({"administrative area"}, {"city", "human settlement"}),
    "Place": ({"city", "human settlement", "administrative area"}, set()),
    "Country": ({"country"}, set()),
}
_KIND_DEFAULT = {"organisation": "Organization", "place": "Place", "country": "Country"}
_CONFLICTS = {"organisation": {"human", "city", "country"}, "place": {"human", "library", "organization"},
              "country": {"human", "library", "city"}}


def _type_fit(kind: str, type_: str, candidate: Candidate) -> float:
    exact, broad = _EXPECTED.get(type_ or _KIND_DEFAULT[kind], _EXPECTED[_KIND_DEFAULT[kind]])
    if candidate.classes & exact:
        return 1.0
    if candidate.classes & broad:
        return 0.6
    if candidate.classes & _CONFLICTS[kind]:
        return 0.0
    return 0.3


def score(kind: str, type_: str, country: str | None, candidate: Candidate) -> float:
    """The candidate's score for an entity of ``kind`` and gazetteer ``type_`` in ``country``."""
    label = 1.0 if candidate.how in ("label", "iso code") else 0.9
    if not country or not candidate.countries:
        agree = 0.5
    else:
        agree = 1.0 if country in candidate.countries else 0.0
    return round(0.5 * label + 0.3 * _type_fit(kind, type_, candidate) + 0.2 * agree, 2)


def choose(scored: list[tuple[Candidate, float]]) -> Candidate | None:
    """The candidate to accept automatically, or ``None`` (leave them pending)."""
    ranked = sorted(scored, key=lambda cs: (-cs[1], cs[0].qid))
    if not ranked or ranked[0][1] < AUTO_ACCEPT:
        return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - MARGIN:
        return None
    return ranked[0][0]


def evidence(candidate: Candidate) -> str:
    """What a reviewer needs to judge a candidate, in one line."""
    parts = [f"matched {candidate.how} \"{candidate.matched}\"", f"label \"{candidate.label or '?'}\"",
             f"types: {', '.join(sorted(candidate.classes)) or 'none known'}",
             f"country: {', '.join(sorted(candidate.countries)) or 'unknown'}"]
    if candidate.description:
        parts.append(f"\"{candidate.description}\"")
    return "; ".join(parts)
