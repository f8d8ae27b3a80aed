"""The six reports of the development corpus (``tests/data/corpus/``, copied from ``shared/corpus/`` with
their answer keys and scorer) read exactly as their answer keys say (issue 9, "Tests").

Every fact of each ``*.gold.json``: the title block, the item count per heading of section I and the
people and organisations named there, and per activity, in table order: country, ordinal, name, start,
end, invalid date, links and invalid links, citations and invalid citations, organisations and places.
Names of things are found by the scorer's own matching rule (``ent_match`` of ``score.py``); the ones
the extractor does not find yet are listed in ``MISSED`` and expected to fail, one case each.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers import DATA, lost_words, run

from rscao_graph.cli.report_json import report_to_dict
from rscao_graph.extract import extract_report
from rscao_graph.model import Report, SourceDocument, link_problem
from rscao_graph.read import read_report
from rscao_graph.reference import Reference

CORPUS = DATA / "corpus"
STEMS = sorted(p.name.removesuffix(".gold.json") for p in CORPUS.glob("*.gold.json"))
GOLD: dict[str, dict[str, Any]] = {s: json.loads((CORPUS / f"{s}.gold.json").read_text(encoding="utf-8"))
                                   for s in STEMS}


def _scorer() -> ModuleType:
    """``score.py`` of the corpus, as its authors wrote it (loaded from the copy beside the reports)."""
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()
#: The scorer's matching rule for names of things (score.py, ``ent_match``): case-insensitive, ignoring
#: punctuation; a gold name matches a found name that is equal to it without its parenthesised part, or
#: equal to the acronym in its parentheses, or (when longer than 6 characters) contains it or is in it.
ent_match = SCORER.ent_match

#: The convenor's title as the report writes it, kept apart from the name (the gold drops it).
TITLES = {
    "central-asia_2021-09_2022-03": "Dr.", "north-east-asia_2020-09_2021-03": "Dr.",
    "oceania_2020-09_2021-03": "Ms", "pacific_2022-03_2022-09": "Mrs.",
    "south-asia_2021-03_2021-09": "Prof. Dr.", "south-east-asia_2020-03_2020-09": "Dr.",
}

#: Organisations and places of the answer keys the extractor does not find (report, activity, kind,
#: name) with what it finds in the activity instead.
MISSED = {
    ("oceania_2020-09_2021-03", "NZ #2", "organisations", "Te Rōpū Whakahau"):
        "'in partnership with Te Rōpū Whakahau' (a Māori name with no head noun): organisations found are "
        "['Library and Information Association of New Zealand Aotearoa']",
    ("oceania_2020-09_2021-03", "PG #1", "organisations", "Buk bilong Pikinini"):
        "'The National Library Service of Papua New Guinea and Buk bilong Pikinini ran ...': organisations found "
        "are ['National Library Service of Papua New Guinea'] ('Buk bilong Pikinini' has no head noun)",
    ("oceania_2020-09_2021-03", "VU #1", "places", "Lenakel"):
        "'at Lenakel on Tanna': places found are []; Lenakel is not in data/places.csv",
    ("oceania_2020-09_2021-03", "VU #1", "places", "Tanna"):
        "'on Tanna': places found are []; the island Tanna is not in data/places.csv (GeoNames' populated places; "
        "it used to be found as Thāne, India, whose alternate name it is)",
    ("pacific_2022-03_2022-09", "WS #1", "places", "Salelologa"):
        "'visited schools in Salelologa': places found are ['Apia']; Salelologa is not in data/places.csv",
    ("pacific_2022-03_2022-09", "TO #1", "places", "Tongatapu"):
        "'on Tongatapu and ʻEua': places found are []; Tongatapu is not in data/places.csv",
    ("pacific_2022-03_2022-09", "TO #1", "places", "ʻEua"):
        "'on Tongatapu and ʻEua': places found are []; ʻEua is not in data/places.csv",
    ("south-east-asia_2020-03_2020-09", "KH #2", "organisations", "Sipar"):
        "'Sipar ran its mobile library van' (a one-word name with no head noun): organisations found are []",
}


def tag(activity: dict[str, Any]) -> str:
    return f"{activity['country']} #{activity['ordinal']}"


@pytest.fixture(scope="session")
def corpus(reference: Reference) -> dict[str, tuple[SourceDocument, Report, dict[str, Any]]]:
    """Each report read, extracted and written as ``parse --format json`` writes it."""
    parsed = {}
    for stem in STEMS:
        path = CORPUS / f"{stem}.md"
        doc = read_report(path, CORPUS)
        report = extract_report(doc, reference)
        parsed[stem] = (doc, report, report_to_dict(report))
    return parsed


def test_the_corpus_is_complete() -> None:
    assert STEMS == ["central-asia_2021-09_2022-03", "north-east-asia_2020-09_2021-03", "oceania_2020-09_2021-03",
                     "pacific_2022-03_2022-09", "south-asia_2021-03_2021-09", "south-east-asia_2020-03_2020-09"]
    assert sum(len(g["activities"]) for g in GOLD.values()) == 49


@pytest.mark.parametrize("stem", STEMS)
def test_title(corpus: dict[str, Any], stem: str) -> None:
    _, report, got = corpus[stem]
    title = GOLD[stem]["title"]
    assert {"sub_region": got["sub_region"], "convenor": got["convenor"],
            "period": [got["period"]["start"], got["period"]["end"]], "submitted": got["submitted"]} == title
    assert report.convenor_title == TITLES[stem]


@pytest.mark.parametrize("stem", STEMS)
def test_section_one_items_per_heading(corpus: dict[str, Any], stem: str) -> None:
    _, report, _ = corpus[stem]
    gold = GOLD[stem]["section_i"]
    assert [h.letter for h in report.headings] == ["A", "B", "C", "D", "E"]
    assert {h: sum(1 for a in report.actions if a.heading == h) for h in "ABCDE"} == {h: gold[h] for h in "ABCDE"}


SECTION_ONE_NAMES = [(stem, kind, name) for stem in STEMS for kind in ("organisations", "people")
                     for name in GOLD[stem]["section_i"][kind]]


@pytest.mark.parametrize(("stem", "kind", "name"), SECTION_ONE_NAMES,
                         ids=[f"{s}-{k}-{n}" for s, k, n in SECTION_ONE_NAMES])
def test_section_one_names(corpus: dict[str, Any], stem: str, kind: str, name: str) -> None:
    _, _, got = corpus[stem]
    found = [m["name"] for action in got["convenor_actions"] for m in action[kind]]
    assert ent_match(name, found), found


@pytest.mark.parametrize("stem", STEMS)
def test_activities_in_table_order(corpus: dict[str, Any], stem: str) -> None:
    _, _, got = corpus[stem]
    assert [tag(a) for a in got["activities"]] == [tag(g) for g in GOLD[stem]["activities"]]


ACTIVITIES = [(stem, i) for stem in STEMS for i in range(len(GOLD[stem]["activities"]))]


@pytest.mark.parametrize(("stem", "index"), ACTIVITIES,
                         ids=[f"{s}-{tag(GOLD[s]['activities'][i])}" for s, i in ACTIVITIES])
def test_activity(corpus: dict[str, Any], stem: str, index: int) -> None:
    gold = GOLD[stem]["activities"][index]
    got = corpus[stem][2]["activities"][index]
    assert {k: got[k] for k in ("country", "ordinal", "name", "start", "end")} == {
        k: gold[k] for k in ("country", "ordinal", "name", "start", "end")}
    if gold["invalid_date"]:
        assert (got["start"], got["date_text"], got["date_problem"]) == (None, gold["invalid_date"], "invalid")
    else:
        assert got["date_problem"] is None
    assert sorted(got["urls"]) == sorted(gold["links"] + gold["invalid_links"])
    problems = {link["url"]: link["problem"] for link in got["links"]}
    assert {u: problems[u] for u in gold["invalid_links"]} == {u: link_problem(u) for u in gold["invalid_links"]}
    assert all(problems[u] not in (None, "no-scheme") for u in gold["invalid_links"])
    assert all(problems[u] in (None, "no-scheme") for u in gold["links"])
    notations = [c["notation"] for c in got["citations"]]
    assert sorted(set(notations)) == sorted(gold["citations"] + gold["invalid_citations"])


def _entity_cases() -> list[Any]:
    cases = []
    for stem in STEMS:
        for index, gold in enumerate(GOLD[stem]["activities"]):
            for kind in ("organisations", "places"):
                for name in gold[kind]:
                    key = (stem, tag(gold), kind, name)
                    marks = [pytest.mark.xfail(strict=True, reason=MISSED[key])] if key in MISSED else []
                    cases.append(pytest.param(stem, index, kind, name, marks=marks,
                                              id=f"{stem}-{tag(gold)}-{kind}-{name}"))
    return cases


ENTITIES = _entity_cases()


def test_the_missed_names_are_names_of_the_answer_keys() -> None:
    listed = {(p.values[0], tag(GOLD[p.values[0]]["activities"][p.values[1]]), p.values[2], p.values[3])
              for p in ENTITIES}
    assert set(MISSED) <= listed
    assert (len(ENTITIES), len(MISSED)) == (135, 8)


@pytest.mark.parametrize(("stem", "index", "kind", "name"), ENTITIES)
def test_names_of_things(corpus: dict[str, Any], stem: str, index: int, kind: str, name: str) -> None:
    got = corpus[stem][2]["activities"][index]
    found = [m["name"] for m in got[kind]]
    assert ent_match(name, found), found


def test_the_only_violations_are_those_a_careful_reader_raises() -> None:
    """``validate`` on the corpus: a violation for each link, citation and date of the answer keys that is
    invalid (``invalid_links``, ``invalid_citations``, ``invalid_date``), and no other; an e-mail address
    given as a link is a warning."""
    result = run("validate", *(str(CORPUS / f"{stem}.md") for stem in STEMS))
    assert result.exit_code == 1, result.output
    assert [line for line in result.output.splitlines() if ": violation: " in line] == [
        'central-asia_2021-09_2022-03.md:54: violation: TJ #1 "International book fair in Dushanbe": The link '
        '"htps://kitobkhona.tj/news/2021/11/book-fair" is not a web address: write the scheme in full, "http://" or '
        '"https://". [stated-link-not-url]',
        'central-asia_2021-09_2022-03.md:56: violation: TM #1 "Digitisation of the manuscript collectio…": "2.5" is '
        "not a strategic direction (1 to 4) or key initiative (1.1 to 4.4) of the IFLA Strategy 2019-2024. "
        "[citation-not-in-scheme]",
        'north-east-asia_2020-09_2021-03.md:53: violation: JP #2 "NDL seminar on the transmission of out-o…": The '
        'date "30 February 2021" is not a calendar date, or its year is missing. Write it as e.g. "Sep 9-10, 2019". '
        "[stated-date-not-calendar]",
        'north-east-asia_2020-09_2021-03.md:54: violation: MN #1 "Annual meeting and e-resources training…": The '
        'link "http//www.nationallibrary.mn/news/1125" is not a web address: write the scheme in full, "http://" or '
        '"https://". [stated-link-not-url]']
    assert [line for line in result.output.splitlines() if "[link-is-email]" in line] == [
        'central-asia_2021-09_2022-03.md:55: warning: TJ #2 "Training for school librarians in Gharm": '
        '"library@kitobkhona.tj" is an e-mail address, not a web page; it is kept as the activity\'s contact. Give a '
        'web page after "Links:" if there is one. [link-is-email]']
    invalid = sorted([u for g in GOLD.values() for a in g["activities"] for u in a["invalid_links"]]
                     + [c for g in GOLD.values() for a in g["activities"] for c in a["invalid_citations"]]
                     + [a["invalid_date"] for g in GOLD.values() for a in g["activities"] if a["invalid_date"]])
    assert invalid == ["2.5", "30 February 2021", "htps://kitobkhona.tj/news/2021/11/book-fair",
                       "http//www.nationallibrary.mn/news/1125", "library@kitobkhona.tj"]


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_of_section_one_or_the_table_is_silent(corpus: dict[str, Any], stem: str) -> None:
    doc, report, _ = corpus[stem]
    assert lost_words(doc, report) == []


def test_score(corpus: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """The corpus's own scorer on the JSON ``parse`` writes: every fact right, the entity figure printed."""
    right = total = found = named = 0
    lines = []
    for stem in STEMS:
        r, t, e, et, misses = SCORER.score(GOLD[stem], corpus[stem][2], verbose=True)
        right, total, found, named = right + r, total + t, found + e, named + et
        lines.append(f"{stem}.md: facts {r}/{t}; entities {e}/{et}")
        lines.extend(misses)
    with capsys.disabled():
        print("\n" + "\n".join(lines) + f"\nfacts: {right}/{total} ({100.0 * right / total:.1f}%); "
              f"entities: {found}/{named}")
    assert (right, total) == (502, 502)
    assert (found, named) == (135 - len(MISSED), 135)


def test_score_script_on_the_copied_corpus(tmp_path: Path) -> None:
    """``score.py GOLD PARSE`` (the script itself) on one report's parse JSON."""
    stem = "pacific_2022-03_2022-09"
    result = run("parse", str(CORPUS / f"{stem}.md"), "--format", "json")
    assert result.exit_code == 0, result.output
    parse = tmp_path / "parse.json"
    parse.write_text(result.stdout, encoding="utf-8")
    out = subprocess.run([sys.executable, str(CORPUS / "score.py"), str(CORPUS / f"{stem}.gold.json"), str(parse)],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "facts: 78/78 (100.0%); entities: 21/24"
