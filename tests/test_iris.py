from __future__ import annotations

import pytest

from rscao_graph.errors import InputError
from rscao_graph.iris import Minter, media_type_iri, slugify
from rscao_graph.model import Mention, SourceSpan


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


def test_every_pattern_of_a_report() -> None:
    m = Minter("https://example.org/x/")
    report = m.report("north-east-asia", "2019-09", "2020-03", "r.md")
    activity = Minter.activity(report, "cn", "1")
    segment = Minter.segment(report, 10, 20)
    assert [report, Minter.source(report), segment, Minter.selector(segment, "quote"), Minter.heading(report, "C"),
            Minter.action(report, "c", 2), activity, Minter.activity(report, "cn", "1", 3),
            Minter.citation(activity, "3.1"), Minter.citation(activity, "3.1", 2)] == [
        "https://example.org/x/report/north-east-asia/2019-09--2020-03",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/source",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/source/10-20",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/source/10-20/quote",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/heading/c",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/action/c-2",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/activity/cn-1",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/activity/cn-1-dup3",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/activity/cn-1/citation/3.1",
        "https://example.org/x/report/north-east-asia/2019-09--2020-03/activity/cn-1/citation/3.1-2"]
    assert m.report(None, "2019-09", None, "reports/odd name.md") == "https://example.org/x/report/file/reports-odd-name"


def test_every_pattern_outside_reports() -> None:
    m = Minter("https://example.org/x/")
    person = m.known("person", "chen-ying")
    assert [person, m.known("organisation", "nlc"), m.membership("north-east-asia", person), m.graph("links"),
            m.link_record("https://example.org/x/country/CN", "geonames"), m.dataset(),
            m.dataset("class/schema-Person"), m.dump("dataset.trig"), m.concept(), m.concept("3.1"),
            m.subregion("north-east-asia"), m.country("cn"), media_type_iri("application/trig")] == [
        "https://example.org/x/person/chen-ying", "https://example.org/x/org/nlc",
        "https://example.org/x/membership/north-east-asia/chen-ying", "https://example.org/x/graph/links",
        "https://example.org/x/link/country/CN/geonames", "https://example.org/x/dataset",
        "https://example.org/x/dataset/class/schema-Person", "https://example.org/x/dump/dataset.trig",
        "https://example.org/x/strategy/2019-2024", "https://example.org/x/strategy/2019-2024/3.1",
        "https://example.org/x/subregion/north-east-asia", "https://example.org/x/country/CN",
        "https://www.iana.org/assignments/media-types/application/trig"]


def test_mentions_mint_shared_iris() -> None:
    m = Minter("https://example.org/x/")
    span = SourceSpan("r.md", 1, 1, 0, 0)
    assert [m.mention(Mention("China", "country", "CN", "CN", span)),
            m.mention(Mention("NLC", "organisation", "national-library-of-china", "CN", span)),
            m.mention(Mention("Darkhan City Library", "organisation", None, None, span)),
            m.mention(Mention("Darkhan City-Library", "organisation", None, None, span))] == [
        "https://example.org/x/country/CN", "https://example.org/x/org/national-library-of-china",
        "https://example.org/x/org/darkhan-city-library", "https://example.org/x/org/darkhan-city-library"]
    with pytest.raises(InputError) as err:
        m.mention(Mention("Darkhan City Library", "organisation", "darkhan-city-library", None, span))
    assert str(err.value) == ("two different names mint the same IRI https://example.org/x/org/darkhan-city-library: "
                              "'name:darkhan city library' and 'darkhan-city-library' (add one of them as an alias, "
                              "or a distinct entry, in data/gazetteer.csv)")


# --- default-ignorable code points never tell names apart (issue 10, item 5) ---------------------------

#: Default_Ignorable_Code_Point of Unicode's DerivedCoreProperties.txt, written out here (not read from the
#: code under test).
DEFAULT_IGNORABLE = [(0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                     (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
                     (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
                     (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF)]


@pytest.mark.parametrize("kind", ["person", "organisation", "place"])
def test_a_default_ignorable_code_point_never_tells_names_apart(kind: str) -> None:
    span = SourceSpan("r.md", 1, 1, 0, 0)
    minter = Minter("https://example.org/r/")
    plain = minter.mention(Mention("Chen Ying", kind, None, None, span))  # type: ignore[arg-type]
    minted = {minter.mention(Mention(form.format(chr(point)), kind, None, None, span))  # type: ignore[arg-type]
              for first, last in DEFAULT_IGNORABLE for point in range(first, last + 1)
              for form in ("Chen Ying{}", "Ch{}en Ying", "Chen{} Ying", "{}Chen Ying")}
    assert minted == {plain} == {f"https://example.org/r/{'org' if kind == 'organisation' else kind}/chen-ying"}


def test_a_soft_hyphen_inside_a_word_is_the_same_name() -> None:
    span = SourceSpan("r.md", 1, 1, 0, 0)
    minter = Minter("https://example.org/r/")
    assert {minter.mention(Mention(name, "organisation", None, None, span))
            for name in ("Public Library of Suva", "Public Libr\u00adary of Suva", "Public Li\u200dbrary of\u2060 Suva")
            } == {"https://example.org/r/org/public-library-of-suva"}
