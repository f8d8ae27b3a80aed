from __future__ import annotations

import pytest
from helpers import MINIMAL_REPORT, extract_text

from rscao_graph.reference import label_fits, load_reference, normalise_name


def test_strategy_scheme() -> None:
    concepts = load_reference().concepts
    assert sorted(concepts, key=lambda n: [int(p) for p in n.split(".")]) == [
        "1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "2.4",
        "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.2", "4.3", "4.4"]
    assert concepts["3"].label == "Connect and Empower the Field"
    assert concepts["4.2"].label == "Key Initiative 4.2"


def test_countries_and_aliases() -> None:
    ref = load_reference()
    assert [ref.country_code(n) for n in ("China", "P.R. China", "DPR Korea", "Republic of Korea", "ROK",
                                          "Chinese Taipei", "Macao, China", "Korea", "Atlantis")] == [
        "CN", "CN", "KP", "KR", "KR", "TW", "MO", None, None]
    assert ref.ambiguous[normalise_name("Korea")] == ("KP", "KR")
    assert (ref.countries["CN"].wikidata, ref.countries["CN"].geonames) == ("Q148", "1814991")


def test_subregions_and_gazetteer() -> None:
    ref = load_reference()
    assert ref.subregion("north east asia").countries == ("CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW")
    assert [ref.subregion(n).slug for n in ("South-East Asia", "Southeast Asia", "the Pacific", "Western Asia")] == [
        "south-east-asia", "south-east-asia", "pacific", "west-asia"]
    assert ref.subregion("Middle Earth") is None
    nlc = ref.entities["national-library-of-china"]
    assert (nlc.kind, nlc.type, nlc.country, nlc.aliases) == ("organisation", "Library", "CN",
                                                             ("NLC", "National Library of China (NLC)"))
    assert all(e.country is None or e.country in ref.countries for e in ref.entities.values())


@pytest.mark.parametrize(("notation", "label", "fits"), [
    ("2", "Inspire and Enhance Professional Practice", True),
    ("2.1", "Produce, Communicate and Distribute Key Resources and Materials that Inspire the Profession", True),
    ("4", "optimise our organization", True),
    ("4", "Optimize our Organisation.", True),
    ("3.1", "Provide excellent opportunities for face-to-face networking and learning", True),
    ("3.1", "Empower the field at the national and regional levels", False),
    ("1.1", "Show the power of libraries in delivering the Sustainable Development Goals", False),
    ("4.1", "Anything at all", None),
    ("3", "", None),
])
def test_label_fits(notation: str, label: str, fits: bool | None) -> None:
    assert label_fits(load_reference().concepts[notation], label) is fits


# --- issue 9, Deliver item 9: every RSCAO sub-region, its countries and its sources -------------------

def test_every_subregion_with_its_countries_and_a_source() -> None:
    subregions = load_reference().subregions
    assert {slug: (s.name, len(s.countries)) for slug, s in subregions.items()} == {
        "central-asia": ("Central Asia", 5), "east-asia": ("East Asia", 8), "north-east-asia": ("North East Asia", 8),
        "oceania": ("Oceania", 29), "pacific": ("Pacific", 23), "south-asia": ("South Asia", 9),
        "south-east-asia": ("South East Asia", 11), "west-asia": ("West Asia", 18)}
    assert subregions["central-asia"].countries == ("KG", "KZ", "TJ", "TM", "UZ")
    assert subregions["south-asia"].countries == ("AF", "BD", "BT", "IN", "IR", "LK", "MV", "NP", "PK")
    assert subregions["south-east-asia"].countries == ("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN")
    assert set(subregions["pacific"].countries) < set(subregions["oceania"].countries)
    assert set(subregions["oceania"].countries) - set(subregions["pacific"].countries) == {
        "AU", "CC", "CX", "HM", "NF", "NZ"}
    countries = load_reference().countries
    assert all(code in countries for s in subregions.values() for code in s.countries)
    assert all(s.source for s in subregions.values())


@pytest.mark.parametrize(("name", "slug"), [
    ("South-East Asia", "south-east-asia"), ("South East Asia", "south-east-asia"), ("Southeast Asia", "south-east-asia"),
    ("SOUTH EAST ASIA", "south-east-asia"), ("South-eastern Asia", "south-east-asia"), ("SE Asia", "south-east-asia"),
    ("Pacific", "pacific"), ("the Pacific", "pacific"), ("Pacific Islands", "pacific"), ("South Pacific", "pacific"),
    ("Oceania", "oceania"), ("Australia and Oceania", "oceania"), ("North East Asia", "north-east-asia"),
    ("Northeast Asia", "north-east-asia"), ("North-East Asia", "north-east-asia"), ("East Asia", "east-asia"),
    ("Eastern Asia", "east-asia"), ("South Asia", "south-asia"), ("Southern Asia", "south-asia"),
    ("West Asia", "west-asia"), ("Western Asia", "west-asia"), ("Middle East", "west-asia"),
    ("Central asia", "central-asia"),
    ("Asia", None), ("Europe", None), ("ASEAN", None),
])
def test_subregion_names_and_variants(name: str, slug: str | None) -> None:
    found = load_reference().subregion(name)
    assert (found.slug if found else None) == slug


def test_a_subregion_with_its_acronym() -> None:
    assert load_reference().subregion("North East Asia (NEA)").slug == "north-east-asia"


@pytest.mark.parametrize(("name", "notes"), [
    ("South-East Asia", []),
    ("Pacific", []),
    ("Asia", [("subregion-unknown", "warning", 6)]),
    ("Southern Atlantis", [("subregion-unknown", "warning", 6)]),
])
def test_an_unknown_subregion_is_a_warning(name: str, notes: list[tuple[str, str, int]]) -> None:
    report = extract_text(MINIMAL_REPORT.replace("Sub-region: North East Asia", f"Sub-region: {name}"))
    assert [(n.code, n.severity, n.span.line) for n in report.notes if n.code == "subregion-unknown"] == notes
    assert report.sub_region.value == name


def test_the_unknown_subregion_note_names_the_known_ones() -> None:
    report = extract_text(MINIMAL_REPORT.replace("Sub-region: North East Asia", "Sub-region: Asia"))
    (note,) = [n for n in report.notes if n.code == "subregion-unknown"]
    assert note.message == ('the sub-region "Asia" is none of the RSCAO sub-regions (Central Asia, East Asia, North East '
                            "Asia, Oceania, Pacific, South Asia, South East Asia, West Asia); its countries cannot be "
                            "checked")
