from __future__ import annotations

import pytest

from rscao_graph.errors import InputError
from rscao_graph.iris import Minter, slugify


@pytest.mark.parametrize(("name", "slug"), [
    ("National Library of China", "national-library-of-china"),
    ("  NATIONAL   library of china ", "national-library-of-china"),
    ("Grand People’s Study House", "grand-peoples-study-house"),
    ("Bibliothèque nationale de France", "bibliotheque-nationale-de-france"),
    ("Ｆｕｌｌｗｉｄｔｈ Library", "fullwidth-library"),
    ("国家图书馆", "h-4d820e051441"),
    ("Монгол Улсын Үндэсний Номын Сан", "h-8f8348e5d45f"),
])
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_hash_slug_is_stable_and_distinct() -> None:
    assert slugify("国家图书馆") == slugify("国家图书馆")
    assert slugify("国家图书馆") != slugify("首都图书馆")
    assert len(slugify("首都图书馆")) == 14


def test_patterns() -> None:
    minter = Minter("https://example.org/r/")
    assert minter.report("north-east-asia", "2019-09", "2020-03", "x.md") == (
        "https://example.org/r/report/north-east-asia/2019-09--2020-03")
    assert minter.report(None, "2019-09", "2020-03", "sub/My Report.md") == "https://example.org/r/report/file/sub-my-report"
    assert minter.country("cn") == "https://example.org/r/country/CN"
    assert minter.concept("3.1") == "https://example.org/r/strategy/2019-2024/3.1"
    assert minter.concept() == "https://example.org/r/strategy/2019-2024"
    assert minter.subregion("oceania") == "https://example.org/r/subregion/oceania"


def test_same_thing_twice_is_one_iri_and_a_collision_is_an_error() -> None:
    minter = Minter("https://example.org/r/")
    first = minter.entity("org", "national-library-of-china", "national-library-of-china")
    assert minter.entity("org", "national-library-of-china", "national-library-of-china") == first
    minter.entity("org", "st-johns-library", "name:st johns library")
    with pytest.raises(InputError) as err:
        minter.entity("org", "st-johns-library", "name:st-johns library")
    assert err.value.exit_code == 2
    assert "https://example.org/r/org/st-johns-library" in str(err.value)
