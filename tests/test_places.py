"""Places found in GeoNames (``data/places.csv``) where the text puts them as places, with their id and
country (``extract/places.py``; issue 9, Deliver item 8)."""

from __future__ import annotations

import pytest

from rscao_graph.extract.mentions import MentionContext, finder_for
from rscao_graph.extract.places import fold
from rscao_graph.model import SourceSpan
from rscao_graph.reference import load_reference

SPAN = SourceSpan("r.md", 5, 5, 0, 0)


def context(slug: str) -> MentionContext:
    return MentionContext((), load_reference().subregions[slug].countries)


def places(text: str, slug: str = "south-asia") -> list[tuple[str, str | None, str | None]]:
    return [(m.name, m.geonames, m.country) for m in finder_for(load_reference()).find(text, SPAN, context(slug))
            if m.kind == "place"]


@pytest.mark.parametrize(("text", "expected"), [
    # after a locative word, an adjective between, in a list after one
    ("The camp was held in Pokhara.", [("Pokhara", "1282898", "NP")]),
    ("Volunteers travelled to Jumla.", [("Jumla", "1283285", "NP")]),
    ("Librarians from central Kandy came.", [("Kandy", "1241622", "LK")]),
    ("A visit to Lahore and Karachi.", [("Lahore", "1172451", "PK"), ("Karachi", "1174872", "PK")]),
    ("The camp was held in Pokhara, Lalitpur and Jumla.",
     [("Pokhara", "1282898", "NP"), ("Lalitpur", "1282931", "NP"), ("Jumla", "1283285", "NP")]),
    ("Staff of the Kandy Public Library in Kandy, Sri Lanka", [("Kandy", "1241622", "LK")]),
    ("in Male", [("Male", "1282027", "MV")]),
    # a big city anywhere
    ("Dhaka", [("Dhaka", "1185241", "BD")]),
    ("They met in Paris.", [("Paris", "2988507", "FR")]),
    # not inside an organisation's name, not a capitalised word elsewhere
    ("the Dhaka University Library", []), ("Lahore Museum", []), ("Delhi Public Library", []),
    ("Readers joined from Springfield.", []),
    ("Readers in Gandaki Province and Karnali Region joined.", [("Gandaki Province", None, None),
                                                               ("Karnali Region", None, None)]),
])
def test_places_in_a_locative_context(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Readers of the Mary Velayat Library met.", []),
    ("The Mary Velayat Library in Mary hosted it.", [("Mary", "1218667", "TM")]),
    ("Librarians from Mary and Turkmenabat", [("Mary", "1218667", "TM"), ("Turkmenabat", "1219649", "TM")]),
    ("Reading lists in Uzbek and Russian.", []),
])
def test_places_of_a_central_asia_report(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert places(text, "central-asia") == expected


def test_the_organisation_takes_the_country_of_the_place_in_its_name() -> None:
    found = finder_for(load_reference()).find("Readers of the Mary Velayat Library met.", SPAN, context("central-asia"))
    assert [(m.name, m.kind, m.country) for m in found] == [("Mary Velayat Library", "organisation", "TM")]


@pytest.mark.parametrize(("word", "folded"), [("Nukuʻalofa", "nukualofa"), ("Nuku'alofa", "nukualofa"),
                                              ("Bătdâmbâng", "batdambang"), ("KANDY", "kandy")])
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_a_place_by_its_own_name_wins_over_an_alternate_name() -> None:
    assert places("They met in Islamabad.") == [("Islamabad", "1176615", "PK")]


def test_an_alternate_name_of_a_city_abroad_is_no_place_here() -> None:
    assert [p for p in places("Stories on Tanna.", "oceania") if p[2] == "IN"] == []


def test_a_language_after_in_is_no_place() -> None:
    assert places("Books in Kazakh and Russian.", "central-asia") == []


def test_the_names_of_a_first_word_are_folded_when_a_text_first_has_it() -> None:
    from rscao_graph.extract.places import GeoPlace, PlaceIndex

    places = [GeoPlace("1", "Nukuʻalofa", ("Nuku'alofa City",), "TO", "", 20000),
              GeoPlace("2", "Suva", (), "FJ", "", 90000), GeoPlace("3", "Suva Point", (), "FJ", "", 2000)]
    index = PlaceIndex(places)
    assert index._by_first == {}  # nothing folded but first words until a text asks
    found = index.find("held in Suva Point and in Nuku'alofa", lambda _: False, ("FJ", "TO"), {})
    assert [(p.name, p.place.geonames if p.place else None) for p in found] == [("Suva Point", "3"),
                                                                                ("Nuku'alofa", "1")]
    assert sorted(index._by_first) == ["nukualofa", "suva"]  # "Point" was read as part of "Suva Point"
    assert index._by_first["suva"] == ((2, 1), {("suva",): [(places[1], True)], ("suva", "point"): [(places[2], True)]})
    assert index._by_first["nukualofa"][0] == (2, 1)
