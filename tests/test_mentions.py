from __future__ import annotations

import pytest
from helpers import REPORT_TOP, activity_row, extract_text, table_report

from rscao_graph.extract.mentions import MentionContext, MentionFinder, dedupe_mentions
from rscao_graph.model import SourceSpan
from rscao_graph.reference import load_reference

SPAN = SourceSpan("r.md", 7, 7, 0, 0)
FINDER = MentionFinder(load_reference())


def found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.name, m.kind, m.key, m.country) for m in FINDER.find(text, SPAN)]


def test_longest_name_wins() -> None:
    assert found("visited the National University of Mongolia Library and Ulaanbaatar City Library") == [
        ("National University of Mongolia Library", "organisation", "national-university-of-mongolia-library", "MN"),
        ("Ulaanbaatar City Library", "organisation", "ulaanbaatar-city-library", "MN")]


def test_acronyms_only_in_capitals_and_never_in_urls() -> None:
    assert found("The NLC and the nlc; see http://meeting.nlc.cn/global") == [
        ("NLC", "organisation", "national-library-of-china", "CN")]


def test_apostrophes_and_countries() -> None:
    assert found("Grand People’s Study House in DPRK, Republic of Korea and Korea") == [
        ("Grand People’s Study House", "organisation", "grand-peoples-study-house", "KP"),
        ("DPRK", "country", "KP", "KP"), ("Republic of Korea", "country", "KR", "KR")]


def test_unknown_national_library_is_reported_without_key() -> None:
    assert found("the National Library of Fiji") == [("National Library of Fiji", "organisation", None, "FJ")]


def test_lookup_of_a_role_phrase() -> None:
    mention = FINDER.lookup("National Library of China", SPAN, "location")
    assert (mention.key, mention.kind, mention.role) == ("national-library-of-china", "organisation", "location")
    unknown = FINDER.lookup("Town Hall of Nowhere", SPAN, "place")
    assert (unknown.name, unknown.key, unknown.kind, unknown.role) == ("Town Hall of Nowhere", None, "place", "place")


def test_dedupe_keeps_first_of_each_entity() -> None:
    mentions = FINDER.find("National Library of China (NLC) ... NLC ... Beijing", SPAN)
    assert [m.name for m in dedupe_mentions(mentions)] == ["National Library of China (NLC)", "Beijing"]


# --- issue 9, Deliver item 8: names of things in any report --------------------------------------

NEPAL = MentionContext((), ("NP", "BT"))


def named(text: str, context: MentionContext = NEPAL) -> list[tuple[str, str, str, str | None]]:
    return [(m.name, m.kind, m.role, m.country) for m in FINDER.find(text, SPAN, context)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The workshop was organized by the Nepal Library Association and the Kathmandu University.",
     [("Nepal Library Association", "organisation", "organiser", "NP"),
      ("Kathmandu University", "organisation", "organiser", "NP")]),
    ("The Nepal Library Association held a webinar.", [("Nepal Library Association", "organisation", "organiser", "NP")]),
    ("The Nepal Library Association and the Bhutan Library Association hosted it.",
     [("Nepal Library Association", "organisation", "organiser", "NP"),
      ("Bhutan Library Association", "organisation", "organiser", "BT")]),
    ("It was hosted by the Kandy Museum.", [("Kandy Museum", "organisation", "organiser", None)]),
    ("The Nepal Library Association (NLA) organised it.", [("Nepal Library Association", "organisation", "organiser", "NP")]),
    ("Librarians visited the Nepal Library Association.", [("Nepal Library Association", "organisation", "mentioned", "NP")]),
])
def test_the_organiser_is_the_one_that_organised_held_or_hosted(text: str, expected: list[tuple[str, ...]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sessions ran on Facebook, YouTube and Zoom; records are in DSpace and Koha.",
     [("Facebook", "work"), ("YouTube", "work"), ("Zoom", "work"), ("DSpace", "work"), ("Koha", "work")]),
    ("Japan Search and Trove were shown; the Marrakesh Treaty was explained.",
     [("Japan Search", "work"), ("Trove", "work"), ("Marrakesh Treaty", "work")]),
    ("The ASEAN-ROK Joint Project on Reading Culture continued.", [("ASEAN-ROK Joint Project on Reading Culture", "work")]),
    ("the Library Map of the World", [("Library Map of the World", "work")]),
])
def test_products_platforms_projects_and_treaties_are_never_organisations(text: str,
                                                                           expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.kind) for m in FINDER.find(text, SPAN, NEPAL)] == expected


def test_the_curated_gazetteer_gives_what_text_cannot() -> None:
    (mention,) = FINDER.find("Visitors from the National Library of China.", SPAN, NEPAL)
    assert (mention.name, mention.kind, mention.key, mention.country) == (
        "National Library of China", "organisation", "national-library-of-china", "CN")


def test_an_acronym_defined_anywhere_in_the_report_names_its_expansion_alone() -> None:
    top = REPORT_TOP.replace("North East Asia", "South Asia").replace(
        "1\\ Worked with the National Library of China <https://www.ifla.org/node/92542>.",
        "1\\ Met the Nepal Library Association (NLA) and the Bhutan Library Association.")
    report = extract_text(table_report(activity_row("Nepal", "#1 Name and Date: Reading camp, 5 Nov 2019",
                                                    "Details: The NLA held a camp in Pokhara."), top=top))
    assert [(m.name, m.kind, m.country) for a in report.actions for m in a.mentions] == [
        ("Nepal Library Association", "organisation", "NP"), ("Bhutan Library Association", "organisation", "BT")]
    assert [(m.name, m.kind, m.role, m.country, m.geonames) for m in report.activities[0].mentions] == [
        ("Nepal Library Association", "organisation", "organiser", "NP", None),
        ("Pokhara", "place", "mentioned", "NP", "1282898")]


def test_an_acronym_with_two_expansions_in_the_report_names_neither() -> None:
    report = extract_text(table_report(
        activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: The Nepal Library Association (NLA) met.")
        + activity_row("", "#2 Name and Date: Fair, 6 Nov 2019", "Details: The National Library of Nepal (NLA) met.")
        + activity_row("", "#3 Name and Date: Talk, 7 Nov 2019", "Details: The NLA spoke."),
        top=REPORT_TOP.replace("North East Asia", "South Asia")))
    assert [m.name for m in report.activities[2].mentions if m.kind == "organisation"] == []
