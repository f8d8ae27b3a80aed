"""People named with a title or a role, and the organisation they are of (``extract/people.py``; issue 9,
Deliver item 8)."""

from __future__ import annotations

import pytest

from rscao_graph.extract.mentions import MentionContext, finder_for
from rscao_graph.extract.people import find_people
from rscao_graph.model import SourceSpan
from rscao_graph.reference import load_reference

SPAN = SourceSpan("r.md", 3, 3, 0, 0)


@pytest.mark.parametrize(("text", "people"), [
    ("Ms. Sita Sharma of the Nepal Library Association spoke.",
     [("Sita Sharma", "Ms.", None, "Nepal Library Association")]),
    ("Mr Hari Prasad from the Nepal Library Association", [("Hari Prasad", "Mr", None, "Nepal Library Association")]),
    ("Prof. Dr. Ram Thapa spoke.", [("Ram Thapa", "Prof. Dr.", None, None)]),
    ("Ram Thapa, Head of the Central Department of Library Science, spoke.",
     [("Ram Thapa", None, "Head", "Central Department of Library Science")]),
    ("Sita Sharma, Chief Librarian of the Kathmandu University Central Library",
     [("Sita Sharma", None, "Chief Librarian", "Kathmandu University Central Library")]),
    ("Asha Rana, Deputy Director General of the National Library of Nepal",
     [("Asha Rana", None, "Deputy Director General", "National Library of Nepal")]),
    ("Ms. Asha Rana (National Library of Nepal)", [("Asha Rana", "Ms.", None, None)]),
    ("Speakers included Daw Khin Mya Mya Thein and U Kyaw Zeyyā Htun.",
     [("Khin Mya Mya Thein", "Daw", None, None), ("Kyaw Zeyyā Htun", "U", None, None)]),
    ("The Nepal Library Association met.", []),
])
def test_people_with_titles_and_roles(text: str, people: list[tuple[str, str | None, str | None, str | None]]) -> None:
    assert [(p.name, p.title, p.position, p.affiliation) for p in find_people(text)] == people


def test_a_person_and_the_organisation_are_both_mentions() -> None:
    found = finder_for(load_reference()).find("Sita Sharma, President of the Nepal Library Association, opened it.",
                                              SPAN, MentionContext((), ("NP",)))
    assert [(m.name, m.kind, m.position, m.affiliation, m.country) for m in found] == [
        ("Sita Sharma", "person", "President", "Nepal Library Association", None),
        ("Nepal Library Association", "organisation", None, None, "NP")]


def test_a_title_and_a_role() -> None:
    assert [(p.name, p.title, p.position, p.affiliation) for p in find_people(
        "Dr. Asha Rana, Director of the National Library of Nepal")] == [
        ("Asha Rana", "Dr.", "Director", "National Library of Nepal")]


def test_a_compound_title() -> None:
    assert [(p.name, p.title) for p in find_people("Assoc. Prof. Asha Rana of Tribhuvan University")] == [
        ("Asha Rana", "Assoc. Prof.")]


def test_an_affiliation_ends_before_the_next_person() -> None:
    found = finder_for(load_reference()).find("Ms. Sita Sharma of the Nepal Library Association and Dr Ram Thapa spoke.",
                                              SPAN, MentionContext((), ("NP",)))
    assert [(m.name, m.kind, m.title, m.affiliation) for m in found] == [
        ("Sita Sharma", "person", "Ms.", "Nepal Library Association"),
        ("Nepal Library Association", "organisation", None, None), ("Ram Thapa", "person", "Dr", None)]
