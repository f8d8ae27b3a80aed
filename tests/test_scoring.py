from __future__ import annotations

import pytest

from rscao_graph.link.scoring import choose, evidence, score
from rscao_graph.link.wikidata import Candidate


def cand(qid: str, how: str = "label", classes: set[str] | None = None, countries: set[str] | None = None,
         description: str = "") -> Candidate:
    return Candidate(qid, "Name", how, "Name", description, classes or set(), countries or set())


@pytest.mark.parametrize(("kind", "type_", "country", "candidate", "expected"), [
    ("organisation", "Library", "CN", cand("Q1", classes={"library"}, countries={"CN"}), 1.0),
    ("organisation", "Library", "KR", cand("Q1", "alias", {"library"}, {"KR"}), 0.95),
    ("organisation", "Library", "CN", cand("Q1", classes={"organization"}, countries={"CN"}), 0.88),
    ("organisation", "Library", "MN", cand("Q1", classes={"human"}), 0.6),
    ("organisation", "Library", "CN", cand("Q1", classes={"library"}, countries={"JP"}), 0.8),
    ("place", "City", "CN", cand("Q1"), 0.69),
    ("country", "Country", "CN", cand("Q1", "iso code", {"country"}, {"CN"}), 1.0),
    ("organisation", "", None, cand("Q1", classes={"organization"}), 0.9),
])
def test_score(kind: str, type_: str, country: str | None, candidate: Candidate, expected: float) -> None:
    assert score(kind, type_, country, candidate) == expected


def test_choose_needs_threshold_and_margin() -> None:
    assert choose([(cand("Q1"), 1.0), (cand("Q2"), 0.6)]).qid == "Q1"
    assert choose([(cand("Q1"), 1.0), (cand("Q2"), 0.95)]) is None
    assert choose([(cand("Q1"), 0.84)]) is None
    assert choose([(cand("Q1"), 0.85)]).qid == "Q1"
    assert choose([]) is None


def test_evidence() -> None:
    candidate = cand("Q1", "alias", {"library", "organization"}, {"KR"}, "national library")
    assert evidence(candidate) == ('matched alias "Name"; label "Name"; types: library, organization; '
                                   'country: KR; "national library"')
