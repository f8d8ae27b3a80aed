from __future__ import annotations

from dataclasses import replace

from rscao_graph.extract.countries import assign_countries
from rscao_graph.model import Activity, Mention, SourceSpan
from rscao_graph.reference import load_reference


def activity(ordinal: int, line: int, *countries: str, stated: str | None = None) -> Activity:
    span = SourceSpan("r.md", line, line, 0, 0)
    mentions = tuple(Mention(f"m{i}", "organisation", f"k{i}", c, span) for i, c in enumerate(countries))
    return Activity(ordinal, None, None, (), (), (), mentions, None, "unknown", span, country_text=stated)


def test_blocks_inferred_independently_of_order() -> None:
    acts = [activity(1, 1, "JP", "JP"), activity(2, 2, "JP"), activity(1, 3, "MN", "CN", "MN"), activity(2, 4, "CN", "MN")]
    result, notes = assign_countries(acts, load_reference())
    assert [(a.country, a.country_source) for a in result] == [("JP", "inferred")] * 2 + [("MN", "inferred")] * 2
    assert [(n.code, n.span.line) for n in notes] == [("country-inferred", 1), ("country-inferred", 2),
                                                      ("country-inferred", 3), ("country-inferred", 4)]
    assert notes[2].message == ("country MN inferred from the names in its block of activities (evidence: MN 3, CN 2); "
                                "the Country column is empty")


def test_tie_is_left_unknown() -> None:
    result, notes = assign_countries([activity(1, 5, "CN", "JP")], load_reference())
    assert (result[0].country, result[0].country_source) == (None, "unknown")
    assert [(n.code, n.severity) for n in notes] == [("country-unknown", "warning")]
    assert "candidates: CN, JP" in notes[0].message


def test_stated_names_and_aliases() -> None:
    acts = [activity(1, 1, stated="P.R. China"), activity(1, 2, stated="Chinese Taipei"),
            activity(1, 3, stated="Hong Kong, China"), activity(1, 4, stated="Atlantis")]
    result, notes = assign_countries(acts, load_reference())
    assert [(a.country, a.country_source) for a in result] == [("CN", "stated"), ("TW", "stated"),
                                                               ("HK", "stated"), (None, "stated")]
    assert [(n.code, n.severity, n.span.line) for n in notes] == [("country-unknown", "violation", 4)]


def test_same_country_twice_is_noted() -> None:
    acts = [activity(1, 1, "JP"), activity(1, 2, "JP")]
    result, notes = assign_countries(acts, load_reference())
    assert [a.country for a in result] == ["JP", "JP"]
    assert [n.code for n in notes if n.code != "country-inferred"] == ["country-inferred-twice"]
    assert replace(result[0]).country_source == "inferred"
