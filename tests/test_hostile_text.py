"""Report text that broke reading, extraction or the dumps (issue 10, items 1-7): each now reads, builds
and gives dumps that two RDF parsers accept, with a note where something was changed or is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from helpers import MINIMAL_REPORT, run, write_report
from pyoxigraph import RdfFormat, parse

ROW = MINIMAL_REPORT.splitlines()[18]


def parsed(work: Path, text: str) -> dict:
    write_report(work, text)
    result = run("parse", "report.md", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_tag_like_run_across_the_header_cells(work: Path) -> None:
    data = parsed(work, MINIMAL_REPORT.replace("Country\tActivities\tImpact", "<b\tCountry\tActivities\tImpact\t>"))
    assert [(a["country"], a["ordinal"], a["name"]) for a in data["activities"]] == [("CN", 1, "Seminar")]


def test_a_file_of_one_line_joined_by_line_separators(work: Path) -> None:
    data = parsed(work, MINIMAL_REPORT.replace("\n", "\u2028"))
    assert [(a["country"], a["ordinal"], a["start"]) for a in data["activities"]] == [("CN", 1, "2019-09-09")]
    assert data["sub_region"] == "North East Asia"


def test_zero_width_and_soft_hyphens_do_not_split_a_name(work: Path) -> None:
    text = (MINIMAL_REPORT.replace("Convenor: Chen Ying", "Convenor: Chen Ying\u200b")
            .replace("<p>A seminar.</p>", "<p>A seminar of the National Libr\u00adary of China and Chen Ying.</p>"))
    (work / "reports").mkdir()
    write_report(work / "reports", text)
    result = run("build", "reports", "--out", "dist")
    assert result.exit_code == 0, result.output


def test_noncharacters_leave_dumps_two_parsers_accept(work: Path) -> None:
    (work / "reports").mkdir()
    write_report(work / "reports", MINIMAL_REPORT.replace("<p>A seminar.</p>", "<p>A seminar\ufffe\uffff.</p>"))
    result = run("build", "reports", "--out", "dist")
    assert result.exit_code == 0, result.output
    trig = (work / "dist" / "dataset.trig").read_bytes()
    assert "\ufffe".encode() not in trig and "\uffff".encode() not in trig
    assert list(parse(trig, format=RdfFormat.TRIG))
    turtle = (work / "dist" / "dataset.ttl").read_bytes()
    triples = list(parse(turtle, format=RdfFormat.TURTLE))
    assert len(triples) == len(rdflib.Graph().parse(data=turtle, format="turtle"))


@pytest.mark.parametrize("mark", ["\u202e", "\u200b", "\u2066"])
def test_invisible_characters_in_a_link_keep_it_as_stated_with_a_violation(work: Path, mark: str) -> None:
    link = f"https://www.ifla.org/no{mark}de/92613"
    text = MINIMAL_REPORT.replace("Links: https://www.ifla.org/node/92613", f"Links: {link}")
    write_report(work, text)
    result = run("validate", "report.md", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert [(f["rule"], f["severity"]) for f in findings] == [("stated-link-not-url", "violation")]
