"""Resolving what people type for a stored query's parameter to an IRI (query/resolve.py), on fake data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rscao_graph.errors import UsageError
from rscao_graph.query.resolve import KINDS, Resolver, catalogue_query
from rscao_graph.query.stored import load_queries
from rscao_graph.reference import load_reference
from rscao_graph.vocab import RSCAO, SCHEMA

B = "https://w3id.org/rscao/"
NEA = f"{B}report/north-east-asia/2019-09--2020-03"
SEA = f"{B}report/south-east-asia/2019-09--2020-03"
NAME, ALT, A2, A3 = SCHEMA.name.value, SCHEMA.alternateName.value, RSCAO.isoAlpha2.value, RSCAO.isoAlpha3.value
DATA = {
    "country": [(f"{B}country/CN", NAME, "China"), (f"{B}country/CN", ALT, "People’s Republic of China"),
                (f"{B}country/CN", A2, "CN"), (f"{B}country/CN", A3, "CHN"),
                (f"{B}country/KP", NAME, "Democratic People's Republic of Korea"), (f"{B}country/KP", A2, "KP"),
                (f"{B}country/KR", NAME, "Republic of Korea"), (f"{B}country/KR", ALT, "South Korea"),
                (f"{B}country/KR", A2, "KR"), (f"{B}country/PH", NAME, "Philippines"), (f"{B}country/PH", A2, "PH"),
                (f"{B}country/TD", NAME, "Chad"), (f"{B}country/TD", A2, "TD")],
    "organisation": [(f"{B}org/national-library-of-china", NAME, "National Library of China"),
                     (f"{B}org/national-library-of-china", ALT, "NLC"),
                     (f"{B}org/national-diet-library", NAME, "National Diet Library"),
                     (f"{B}org/nlk", NAME, "National Library of Korea"), (f"{B}org/nlk", ALT, "NLK"),
                     (f"{B}org/nlk-2", NAME, "Korean National Library"), (f"{B}org/nlk-2", ALT, "NLK")],
    "activity": [(f"{NEA}/activity/cn-1", "", ""), (f"{NEA}/activity/cn-2", "", ""), (f"{NEA}/activity/mn-1", "", ""),
                 (f"{SEA}/activity/cn-1", "", ""), (f"{SEA}/activity/th-1", "", "")],
}


class FakeData:
    """The rows of each kind's catalogue query, counting the queries asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, text: str) -> Iterator[tuple[str, str, str]]:
        kind = next(k for k in KINDS.values() if catalogue_query(k) == text)
        self.asked.append(kind.name)
        yield from DATA[kind.name]


@pytest.fixture
def resolver() -> Resolver:
    return Resolver(FakeData(), load_reference())


@pytest.mark.parametrize(("kind", "value", "iri"), [
    ("country", "China", f"{B}country/CN"), ("country", "china", f"{B}country/CN"), ("country", "CN", f"{B}country/CN"),
    ("country", "cn", f"{B}country/CN"), ("country", "CHN", f"{B}country/CN"), ("country", " China ", f"{B}country/CN"),
    ("country", "People's Republic of China", f"{B}country/CN"), ("country", "P.R. China", f"{B}country/CN"),
    ("country", "the Philippines", f"{B}country/PH"), ("country", "Korea, Republic of", f"{B}country/KR"),
    ("country", "south korea", f"{B}country/KR"), ("country", "country/KR", f"{B}country/KR"),
    ("country", f"{B}country/CN", f"{B}country/CN"),
    ("organisation", "national-library-of-china", f"{B}org/national-library-of-china"),
    ("organisation", "National Library of China", f"{B}org/national-library-of-china"),
    ("organisation", "national library of china", f"{B}org/national-library-of-china"),
    ("organisation", "NLC", f"{B}org/national-library-of-china"),
    ("organisation", "org/national-diet-library", f"{B}org/national-diet-library"),
    ("organisation", f"{B}org/national-diet-library", f"{B}org/national-diet-library"),
    ("organisation", "national diet", "national diet"),  # a part of a name: the query matches it as text
    ("organisation", "Library", "Library"),
    ("activity", "mn-1", f"{NEA}/activity/mn-1"), ("activity", "MN-1", f"{NEA}/activity/mn-1"),
    ("activity", "north-east-asia/2019-09--2020-03/cn-1", f"{NEA}/activity/cn-1"),
    ("activity", "north-east-asia-2019-09--2020-03/cn-1", f"{NEA}/activity/cn-1"),
    ("activity", "south-east-asia/2019-09--2020-03/activity/cn-1", f"{SEA}/activity/cn-1"),
    ("activity", "report/south-east-asia/2019-09--2020-03/activity/cn-1", f"{SEA}/activity/cn-1"),
    ("activity", f"{SEA}/activity/th-1", f"{SEA}/activity/th-1"),
])
def test_values_people_type(resolver: Resolver, kind: str, value: str, iri: str) -> None:
    assert resolver.value(KINDS[kind], value) == iri


COUNTRY_HOW = "(give a country's name, its ISO code such as CN or CHN, or its IRI)"
ORG_HOW = ("(give an organisation's name or a part of it, its slug such as national-library-of-china, or its IRI; "
           "the stored query organisations lists them)")
ACTIVITY_HOW = ("(give REPORT/cn-1 with the report as in its IRI (such as north-east-asia/2019-09--2020-03), cn-1 "
                "when only one report has it, or the activity's IRI; the stored query activities lists them)")


@pytest.mark.parametrize(("kind", "value", "message"), [
    ("country", "Chna", f"parameter country: no country 'Chna' in the data; nearest: China (CN), Chad (TD) {COUNTRY_HOW}"),
    ("country", "Atlantis", f"parameter country: no country 'Atlantis' in the data {COUNTRY_HOW}"),
    ("country", "Korea", "parameter country: 'Korea' names 2 countries: Democratic People's Republic of Korea (KP), "
                         "Republic of Korea (KR) (give one of them)"),
    ("country", f"{B}country/XX", f"parameter country: no country '{B}country/XX' in the data {COUNTRY_HOW}"),
    ("country", "  ", f"parameter country is empty: {COUNTRY_HOW[1:-1]}"),
    ("organisation", "Natoinal Library of China", "parameter organisation: no organisation 'Natoinal Library of China' "
     "in the data; nearest: National Library of China (national-library-of-china), National Library of Korea (nlk) "
     f"{ORG_HOW}"),
    ("organisation", "NLK", "parameter organisation: 'NLK' names 2 organisations: Korean National Library (nlk-2), "
                            "National Library of Korea (nlk) (give one of them)"),
    ("organisation", f"{B}org/national-library-of-chin", f"parameter organisation: no organisation "
     f"'{B}org/national-library-of-chin' in the data; nearest: National Library of China (national-library-of-china), "
     f"National Diet Library (national-diet-library) {ORG_HOW}"),
    ("activity", "cn-1", "parameter activity: 'cn-1' names 2 activities: north-east-asia/2019-09--2020-03/cn-1, "
                         "south-east-asia/2019-09--2020-03/cn-1 (give one of them)"),
    ("activity", "cn-9", "parameter activity: no activity 'cn-9' in the data; nearest: "
                         "north-east-asia/2019-09--2020-03/cn-1, south-east-asia/2019-09--2020-03/cn-1, "
                         f"north-east-asia/2019-09--2020-03/cn-2 {ACTIVITY_HOW}"),
    ("activity", "south-east-asia/2019-09--2020-03/mn-1", "parameter activity: no activity "
     "'south-east-asia/2019-09--2020-03/mn-1' in the data; nearest: south-east-asia/2019-09--2020-03/cn-1, "
     "north-east-asia/2019-09--2020-03/mn-1, south-east-asia/2019-09--2020-03/th-1, "
     f"north-east-asia/2019-09--2020-03/cn-1, north-east-asia/2019-09--2020-03/cn-2 {ACTIVITY_HOW}"),
])
def test_values_that_name_nothing_or_several(resolver: Resolver, kind: str, value: str, message: str) -> None:
    with pytest.raises(UsageError) as err:
        resolver.value(KINDS[kind], value)
    assert err.value.exit_code == 2
    assert str(err.value) == message


def test_only_the_query_s_named_parameters_are_resolved_and_each_kind_is_read_once() -> None:
    data = FakeData()
    resolver = Resolver(data, load_reference())
    queries = load_queries()
    assert resolver.resolve(queries["activities-of-country"], {"country": "China"}) == {"country": f"{B}country/CN"}
    assert resolver.resolve(queries["activities-of-country"], {"country": "cn", "other": "x"}) == {
        "country": f"{B}country/CN", "other": "x"}  # bind_query refuses the unknown parameter
    assert resolver.resolve(queries["activities-in-period"], {"start": "2019-11-01"}) == {"start": "2019-11-01"}
    assert resolver.resolve(queries["activities"], {"country": "Atlantis"}) == {"country": "Atlantis"}
    assert data.asked == ["country"]


def test_catalogue_query_runs(sample_dist: object) -> None:
    from pathlib import Path

    from rscao_graph.query.resolve import solution_rows
    from rscao_graph.query.run import run_on_store
    from rscao_graph.query.store import open_store

    assert isinstance(sample_dist, Path)
    store = open_store(sample_dist)
    resolver = Resolver(lambda text: solution_rows(run_on_store(store, text).solutions or ()), load_reference())
    assert len(resolver.things(KINDS["country"])) == 249
    assert len(resolver.things(KINDS["activity"])) == 12
    nlc = resolver.things(KINDS["organisation"])[f"{B}org/national-library-of-china"]
    assert (nlc.label, sorted(nlc.names)) == ("National Library of China", [
        "NLC", "National Library of China", "National Library of China (NLC)"])
    assert sorted(resolver.things(KINDS["country"])[f"{B}country/CN"].codes) == ["CHN", "CN"]
