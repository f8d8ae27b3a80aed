from __future__ import annotations

from rscao_graph.reference import load_reference, normalise_name


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
    assert ref.subregion("north east asia").countries == ("CN", "JP", "KP", "KR", "MN")
    nlc = ref.entities["national-library-of-china"]
    assert (nlc.kind, nlc.type, nlc.country, nlc.aliases) == ("organisation", "Library", "CN",
                                                             ("NLC", "National Library of China (NLC)"))
    assert all(e.country is None or e.country in ref.countries for e in ref.entities.values())
