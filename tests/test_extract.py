"""The facts the sample report states, extracted exactly (issue: "Must hold on the sample")."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, write_report

from rscao_graph.errors import ReportError
from rscao_graph.extract import extract_report
from rscao_graph.model import Report
from rscao_graph.read import read_report
from rscao_graph.reference import load_reference


def by_key(report: Report) -> dict[str, object]:
    return {f"{a.country}{a.ordinal}": a for a in report.activities}


def test_header(sample: Report) -> None:
    assert sample.sub_region.value == "North East Asia"
    assert sample.convenor.value == "Chen Ying"
    assert (sample.period.start, sample.period.end) == ("2019-09", "2020-03")
    assert sample.period.text == "September 2019 – March 2020"
    assert sample.submitted.start == "2020-03-02"
    assert sample.committee.value == "IFLA- Regional Standing Committee for Asia and Oceania (IFLA - RSCAO)"
    assert sample.file == "north-east-asia-2019-09--2020-03.md"


def test_section_one(sample: Report) -> None:
    counts = {h.letter: sum(1 for a in sample.actions if a.heading == h.letter) for h in sample.headings}
    assert counts == {"A": 3, "B": 2, "C": 1, "D": 1, "E": 0}
    c = sample.headings[2]
    assert c.title.value == ("Work closely with the Regional Office and organizers, if a country in the sub-region "
                             "has been selected to host the mid-term meeting (Please provide details):")
    assert (c.title.span.line, c.title.span.end_line) == (30, 32)
    first = sample.actions[0]
    assert (first.heading, first.number, first.text.span.line) == ("A", 1, 18)
    assert [u.text for u in first.urls] == ["https://www.ifla.org/node/92542",
                                            "https://www.ifla.org/publications/node/11064"]
    c_action = next(a for a in sample.actions if a.heading == "C")
    assert c_action.number is None
    assert [(m.name, m.kind) for m in c_action.mentions] == [("Linli Soh", "person"),
                                                             ("IFLA AO Regional Office", "organisation")]


def test_activity_order_and_countries(sample: Report) -> None:
    assert [(a.country, a.ordinal) for a in sample.activities] == [
        ("CN", 1), ("CN", 2), ("CN", 3), ("CN", 4), ("JP", 1), ("JP", 2),
        ("KP", 1), ("KP", 2), ("KR", 1), ("KR", 2), ("MN", 1), ("MN", 2)]
    assert {a.country_source for a in sample.activities} == {"inferred"}
    assert [a.span.line for a in sample.activities] == [52, 55, 56, 57, 60, 61, 64, 65, 68, 69, 70, 73]


@pytest.mark.parametrize(("key", "start", "end", "precision", "inferred"), [
    ("CN1", "2019-09-09", "2019-09-10", "day", None),
    ("CN2", "2019-11-21", "2019-11-29", "day", None),
    ("CN3", "2019-12-10", None, "day", None),
    ("CN4", "2020-01-06", None, "day", None),
    ("JP1", "2019-11", None, "month", None),
    ("JP2", "2019-11", None, "month", None),
    ("KP1", "2019-12-04", None, "day", "year taken from the name"),
    ("MN1", "2019-09-05", None, "day", None),
    ("MN2", "2019-12-05", None, "day", None),
])
def test_dates(sample: Report, key: str, start: str, end: str | None, precision: str, inferred: str | None) -> None:
    date = by_key(sample)[key].date
    assert (date.start, date.end, date.precision, date.inferred) == (start, end, precision, inferred)


def test_undated(sample: Report) -> None:
    assert [k for k, a in by_key(sample).items() if a.date is None] == ["KP2", "KR1", "KR2"]


def test_citations(sample: Report) -> None:
    assert {k: " ".join(a.initiatives) for k, a in by_key(sample).items()} == {
        "CN1": "3.1 3.3", "CN2": "3.1 3.3", "CN3": "2.2 3.1 3.3", "CN4": "2.3 2.4", "JP1": "2.3 2.4",
        "JP2": "2.4 3.3", "KP1": "1.1 1.2", "KP2": "1.1", "KR1": "2.1 2.4", "KR2": "3.3", "MN1": "3.3",
        "MN2": "3.3"}
    assert {k: " ".join(a.directions) for k, a in by_key(sample).items()} == {
        "CN1": "3", "CN2": "3", "CN3": "2 3", "CN4": "2", "JP1": "2", "JP2": "2 3", "KP1": "1", "KP2": "1",
        "KR1": "2", "KR2": "3", "MN1": "3", "MN2": "3"}
    kr1 = by_key(sample)["KR1"].citations
    assert kr1[1].label == "Produce, Communicate and Distribute Key Resources and Materials that Inspire the Profession"


def test_links(sample: Report) -> None:
    links = {k: [link.text for link in a.links] for k, a in by_key(sample).items()}
    assert links == {
        "CN1": ["https://www.ifla.org/node/92613", "http://meeting.nlc.cn/global"],
        "CN2": ["https://www.ifla.org/node/92766?og=67", "http://www.nlc.cn/dsb_zx/gtxw/201911/t20191125_184466.htm"],
        "CN3": ["http://www.lsc.org.cn/contents/1179/14746.html"],
        "CN4": ["http://www.lsc.org.cn/contents/1186/14755.html"],
        "JP1": ["https://www.ndl.go.jp/en/support/send.html"],
        "JP2": ["https://jpsearch.go.jp/"],
        "KP1": ["http://www.gpsh.edu.kp:8080/foreign/index!2"],
        "KP2": ["http://www.gpsh.edu.kp:8080/thismonth.lecture!0#lecture-schedule"],
        "KR1": ["https://www.instagram.com/p/B7UjLyHFWb-/"],
        "KR2": ["http://nl.go.kr/authorities/"],
        "MN1": ["http://culture.people.com.cn/gb/n1/2019/0906/c1013-31339925.html"],
        "MN2": ["http://www.northnews.cn/news/2019/1216/1795809.html"],
    }
    assert sum(len(v) for v in links.values()) == 14
    assert by_key(sample)["KP2"].links[0].span.line == 67


def test_page_breaks_joined(sample: Report) -> None:
    cn1 = by_key(sample)["CN1"]
    assert cn1.details[-1].value.endswith("Technology-driven Library Transformation and Development, Win-win Library "
                                          "Exchanges and Cooperation and Multi-participation for Reading.")
    assert (cn1.details[-1].span.line, cn1.details[-1].span.end_line) == (52, 54)
    mn1 = by_key(sample)["MN1"]
    assert "the National Children's Library of Mongolia, and Ulaanbaatar University of Mongolia. They" \
        in mn1.details[0].value
    assert len(by_key(sample)["CN4"].details) == 3
    assert by_key(sample)["CN4"].span.end_line == 59


def test_names_and_roles(sample: Report) -> None:
    acts = by_key(sample)
    assert acts["CN1"].name.value == "International Symposium on “Libraries • Keeping Pace with the Times”"
    assert acts["CN2"].name.value == "The 2019 Southeast Asian Librarians Training Seminar"
    assert acts["CN3"].name.value == ("Inheriting Civilization and Serving the Society: Seminar on High Quality "
                                      "Development of Public Libraries")
    assert acts["CN4"].name.value == "Guide on Digital Library Resources Management"
    assert acts["KP1"].name.value == "Workshop taken place on the occasion of World Aids Day 2019"
    assert acts["MN2"].name.value == "Mongolian Library Delegation Visits Hulunbuir"
    roles = {k: [(m.name, m.role, m.key) for m in a.mentions if m.role != "mentioned"] for k, a in acts.items()}
    assert roles["CN1"] == [("National Library of China", "location", "national-library-of-china")]
    assert roles["CN2"] == [("National Library of China", "organiser", "national-library-of-china")]
    assert roles["CN3"] == [("Suzhou", "place", "suzhou"),
                            ("Library Society of China", "organiser", "library-society-of-china"),
                            ("Suzhou Municipal Government", "organiser", "suzhou-municipal-government")]


def test_organisations_and_places(sample: Report) -> None:
    mn2 = by_key(sample)["MN2"]
    assert [m.key for m in mn2.mentions if m.kind == "organisation"] == [
        "hulunbuir-library",
        "cultural-and-art-policy-research-center-of-the-ministry-of-culture-education-technology-and-sports-of-mongolia",
        "national-library-of-mongolia", "national-university-of-mongolia-library", "ulaanbaatar-city-library",
        "mongolias-oriental-province-library"]
    assert [(m.key, m.country) for m in mn2.mentions if m.kind == "place"] == [("hulunbuir", "CN")]
    cn2 = by_key(sample)["CN2"]
    assert [(m.name, m.span.line) for m in cn2.mentions if m.kind == "place"] == [("Beijing", 55), ("Tianjin", 55)]


def test_notes_on_sample(sample: Report) -> None:
    assert [(n.code, n.severity, n.span.line) for n in sample.notes] == [
        ("country-inferred", "info", line) for line in (52, 55, 56, 57, 60, 61, 64, 65, 68, 69, 70, 73)]


def test_reported_country_differs_from_place(sample: Report) -> None:
    mn2 = by_key(sample)["MN2"]
    assert mn2.country == "MN"
    assert {m.country for m in mn2.mentions if m.kind == "place"} == {"CN"}


def test_stated_country_column(tmp_path: Path) -> None:
    text = MINIMAL_REPORT.replace("\nChina\t<p>#1", "\nKorea\t<p>#1")
    report = extract_report(read_report(write_report(tmp_path, text)), load_reference())
    activity = report.activities[0]
    assert (activity.country, activity.country_text, activity.country_source) == (None, "Korea", "stated")
    assert [(n.code, n.severity) for n in report.notes] == [("country-ambiguous", "violation")]


def test_merged_country_cell_applies_below(tmp_path: Path) -> None:
    row2 = "\t<p>#2 Name and Date: Talk in Nov 2019</p> <p>Links: N/A</p>\t<p>3.3 Empower the field</p>\n"
    text = MINIMAL_REPORT.replace("China\t", "DPR Korea\t") + row2
    report = extract_report(read_report(write_report(tmp_path, text)), load_reference())
    assert [(a.country, a.country_source, a.ordinal) for a in report.activities] == [
        ("KP", "stated", 1), ("KP", "stated", 2)]
    assert report.activities[1].links == ()


def test_invalid_calendar_date_kept_as_stated(tmp_path: Path) -> None:
    text = MINIMAL_REPORT.replace("on Sep 9-10, 2019", "on Sep 31, 2019")
    activity = extract_report(read_report(write_report(tmp_path, text)), load_reference()).activities[0]
    assert (activity.date.text, activity.date.start, activity.date.precision) == ("Sep 31, 2019", None, None)
    assert activity.name.value == "Seminar"


def test_other_markdown_is_unreadable(tmp_path: Path) -> None:
    path = write_report(tmp_path, "# Notes\n\n- a list\n- of things\n")
    with pytest.raises(ReportError) as err:
        extract_report(read_report(path), load_reference())
    assert err.value.exit_code == 2
    assert str(err.value).startswith("report.md:1: not a bi-annual sub-regional report")


def test_truncated_report_has_gaps(tmp_path: Path, sample_path: Path) -> None:
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    report = extract_report(read_report(write_report(tmp_path, "\n".join(lines[:35]))), load_reference())
    assert report.sub_region.value == "North East Asia"
    assert [h.letter for h in report.headings] == ["A", "B", "C"]
    assert report.activities == ()
    assert [n.code for n in report.notes] == ["table-missing"]


def test_a_stray_line_in_the_table_is_kept_and_reported(tmp_path: Path) -> None:
    row2 = "\t<p>#2 Name and Date: Talk in Nov 2019</p> <p>Links: N/A</p>\t<p>3.3 Empower the field</p>\n"
    text = MINIMAL_REPORT + "Page 3 of 4\n" + row2
    report = extract_report(read_report(write_report(tmp_path, text)), load_reference())
    assert [a.ordinal for a in report.activities] == [1, 2]
    assert [t.value for t in report.activities[0].unparsed] == ["Page 3 of 4"]
    assert [(n.code, n.span.line) for n in report.notes] == [("row-unreadable", 20)]
