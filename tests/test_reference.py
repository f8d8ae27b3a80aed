from __future__ import annotations

import pytest

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
