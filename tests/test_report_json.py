from __future__ import annotations

import json

from helpers import extract_text, table_report

from rscao_graph.cli.report_json import report_summary, report_to_dict
from rscao_graph.model import Report


def test_json_shape(sample: Report) -> None:
    data = json.loads(json.dumps(report_to_dict(sample)))
    assert (data["sub_region"], data["convenor"], data["period"]["start"], data["period"]["end"],
            data["submitted"]) == ("North East Asia", "Chen Ying", "2019-09", "2020-03", "2020-03-02")
    assert data["convenor_actions"][0]["urls"] == ["https://www.ifla.org/node/92542",
                                                   "https://www.ifla.org/publications/node/11064"]
    kp1 = data["activities"][6]
    assert {k: kp1[k] for k in ("country", "country_source", "ordinal", "name", "start", "end", "date_text",
                                "directions", "initiatives", "urls")} == {
        "country": "KP", "country_source": "inferred", "ordinal": 1,
        "name": "Workshop taken place on the occasion of World Aids Day 2019", "start": "2019-12-04", "end": None,
        "date_text": "Dec 4", "directions": ["1"], "initiatives": ["1.1", "1.2"],
        "urls": ["http://www.gpsh.edu.kp:8080/foreign/index!2"]}
    assert kp1["source"] == {"file": "north-east-asia-2019-09--2020-03.md", "line": 64, "end_line": 64,
                             "start": kp1["source"]["start"], "end": kp1["source"]["end"]}
    assert kp1["organisations"][0] == {"name": "Grand People’s Study House", "id": "grand-peoples-study-house",
                                       "country": "KP", "role": "mentioned", "line": 64}
    assert data["activities"][2]["places"] == [{"name": "Suzhou", "id": "suzhou", "country": "CN", "role": "place",
                                                "line": 56, "geonames": None}]


def test_summary_lines(sample: Report) -> None:
    lines = report_summary(sample).split("\n")
    assert lines[:7] == ["north-east-asia-2019-09--2020-03.md", "  sub-region  North East Asia",
                         "  convenor    Chen Ying", "  period      2019-09 to 2020-03", "  submitted   2020-03-02",
                         "  section I   A 1 3, B 2, C 1, D 1, E 0".replace("A 1 3", "A 3"), "  activities  12"]
    assert lines[7] == "    CN*  #1  International Symposium on “Libraries • Keeping Pace with th"
    assert lines[8] == "           2019-09-09/2019-09-10; cites 3 3.1 3.3; 2 link(s); line 52"


def test_rows_kept_as_unparsed_text_are_in_the_json() -> None:
    """Issue 10, item 4: what the table reader keeps as stated shows in ``parse --format json``, the
    report's (rows before any activity, rows it cannot read) and the activity's."""
    rows = ("Nepal\tWords before it <p>#1 Name and Date: Camp, 5 Nov 2019</p> <p>Links: https://a.example.org/x "
            "see the album</p>\t<p>2.1 Produce</p>\n" + "A line of the table without tabs\n")
    data = json.loads(json.dumps(report_to_dict(extract_text(table_report(rows)))))
    assert data["unparsed"] == [{"text": "Words before it", "line": 19}]
    assert [(a["ordinal"], a["urls"], a["unparsed"]) for a in data["activities"]] == [
        (1, ["https://a.example.org/x"], ["see the album", "A line of the table without tabs"])]
    assert [(n["code"], n["line"]) for n in data["notes"] if n["severity"] == "warning"] == [
        ("row-without-activity", 19), ("row-unreadable", 20)]


def test_summary_quotes_a_file_name_with_a_line_break() -> None:
    """The summary's first line and its notes' ``FILE:LINE:`` name the file as messages do (issue 10, item 14)."""
    rows = "Nepal\tWords before it <p>#1 Name and Date: Camp, 5 Nov 2019</p>\t<p>2.1 Produce</p>\n"
    lines = report_summary(extract_text(table_report(rows), name="a.md:1: error: forged\nb.md")).split("\n")
    assert lines[0] == '"a.md:1: error: forged\\nb.md"'
    assert [line for line in lines if "row-without-activity" in line] == [
        '    "a.md:1: error: forged\\nb.md":19: warning: table text before any "#1 Name and Date:": "Words before it"; '
        'kept as stated [row-without-activity]']
