"""Organisations found by their form and acronyms tied to their expansion (``extract/organisations.py``;
issue 9, Deliver item 8). Cases of our own, with names of real organisations."""

from __future__ import annotations

import pytest

from rscao_graph.extract.organisations import find_acronyms, find_organisations


@pytest.mark.parametrize(("text", "names"), [
    # headed by Library, University, Association, Ministry, Council, Consortium, Centre, Institute, Office,
    # Museum, Archives, Alliance, Foundation, Board, Department, Agency, Commission, House, Society
    ("The Nepal Library Association organised a camp.", ["Nepal Library Association"]),
    ("Staff of the Kathmandu University Central Library and the Tribhuvan University attended.",
     ["Kathmandu University Central Library", "Tribhuvan University"]),
    ("The Ministry of Education, Science and Technology funded it.", ["Ministry of Education, Science and Technology"]),
    ("The Bhutan Council for School Examinations and Assessment", ["Bhutan Council for School Examinations and Assessment"]),
    ("the Consortium of Academic Libraries of Nepal", ["Consortium of Academic Libraries of Nepal"]),
    ("The Centre for Bhutan Studies", ["Centre for Bhutan Studies"]),
    ("the Institute of Management Studies", ["Institute of Management Studies"]),
    ("the Office of the Prime Minister", ["Office of the Prime Minister"]),
    ("The Kandy Museum and the Jaffna Public Library", ["Kandy Museum", "Jaffna Public Library"]),
    ("The National Archives of Nepal", ["National Archives of Nepal"]),
    ("The Nepal Alliance of Libraries", ["Nepal Alliance of Libraries"]),
    ("Room to Read Foundation", ["Room to Read Foundation"]), ("The Asia Foundation", ["Asia Foundation"]),
    ("the Board of Secondary Education", ["Board of Secondary Education"]),
    ("The Department of Archaeology", ["Department of Archaeology"]),
    ("the Agency for Development", ["Agency for Development"]),
    ("the House of Representatives", ["House of Representatives"]),
    ("The Nepal Society of Librarians", ["Nepal Society of Librarians"]),
    ("Maldives National University Library", ["Maldives National University Library"]),
    ("Women's Union of Laos", ["Women's Union of Laos"]),
    ("Mary Velayat Library", ["Mary Velayat Library"]),
    # two in "X Library of the Y University", "A and B", a list inside a complement
    ("The Madan Puraskar Pustakalaya Library of the Tribhuvan University hosted the talk.",
     ["Madan Puraskar Pustakalaya Library", "Tribhuvan University"]),
    ("The Sri Lanka Library Association and University of Colombo ran it.",
     ["Sri Lanka Library Association", "University of Colombo"]),
    # a possessive ends the name; a common noun after it makes it a phrase
    ("the Nepal Reading Association's new plan", ["Nepal Reading Association"]),
    ("the Nepal Library community met", []),
    # generic phrases and works name no organisation
    ("the National Library", []), ("Public Libraries", []),
    ("The Nepal Library Conference and the Bhutan Library Week", []),
    ("Development of Public Libraries in Nepal", []),
])
def test_organisations_by_their_form(text: str, names: list[str]) -> None:
    assert [o.name for o in find_organisations(text)] == names


def test_offsets_are_those_of_the_text() -> None:
    text = "Staff of the Kandy Museum met."
    (org,) = find_organisations(text)
    assert (org.start, org.end, text[org.start:org.end]) == (13, 25, "Kandy Museum")


def _organisations_found(text: str) -> list[str]:
    """The organisations the whole finder reads (it knows the countries a name ends with)."""
    from rscao_graph.extract.mentions import finder_for
    from rscao_graph.model import SourceSpan
    from rscao_graph.reference import load_reference

    found = finder_for(load_reference()).find(text, SourceSpan("r.md", 1, 1, 0, 0))
    return [m.name for m in found if m.kind == "organisation"]


def test_a_name_does_not_run_into_the_next() -> None:
    """By its form alone, "of Nepal and Save" could go on ("Ministry of Education and Training"); a
    country ends the name."""
    assert _organisations_found("The National Archives of Nepal and Save the Children ran the sessions.")[:1] == [
        "National Archives of Nepal"]


def test_a_head_noun_in_the_next_name_does_not_lose_this_one() -> None:
    assert _organisations_found("The National Library Service of Nepal and Room to Read ran reading "
                                "sessions.")[:1] == ["National Library Service of Nepal"]


@pytest.mark.parametrize("text", ["the Digital Library of Bhutan portal", "the Digital Library of Nepal project"])
def test_a_portal_or_a_project_is_no_organisation(text: str) -> None:
    assert find_organisations(text) == []


def test_a_commission_on_something() -> None:
    assert [o.name for o in find_organisations("the Commission on Higher Education")] == ["Commission on Higher Education"]


@pytest.mark.parametrize(("text", "acronyms"), [
    ("The Nepal Library Association (NLA) met.", [("NLA", "Nepal Library Association")]),
    ("the Library and Information Science Society of Bhutan (LISSB)",
     [("LISSB", "Library and Information Science Society of Bhutan")]),
    ("Tribhuvan University Central Library (TUCL)", [("TUCL", "Tribhuvan University Central Library")]),
    ("the National Library of Nepal (NLN) and the Sri Lanka Library Association (SLLA)",
     [("NLN", "National Library of Nepal"), ("SLLA", "Sri Lanka Library Association")]),
    ("the Korea International Cooperation Agency (KOICA)", [("KOICA", "Korea International Cooperation Agency")]),
    ("in 2020 (COVID)", []), ("the library (NLN)", []), ("a webinar (Zoom)", []),
])
def test_acronyms_are_tied_to_their_expansion(text: str, acronyms: list[tuple[str, str]]) -> None:
    assert [(a.acronym, a.expansion) for a in find_acronyms(text)] == acronyms
