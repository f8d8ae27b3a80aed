"""Report text that broke reading, extraction or the dumps (issue 10, items 1-7): each now reads, builds
and gives dumps that two RDF parsers accept, with a note where something was changed or is wrong."""

from __future__ import annotations

import json
import shutil
import subprocess
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


# --- item 1: bytes that are no UTF-16 after a UTF-16 byte order mark ------------------------------------

@pytest.mark.parametrize("data", [
    b"\xff\xfe" + MINIMAL_REPORT.encode("utf-16-le") + b"x",  # an odd number of bytes
    b"\xff\xfe" + MINIMAL_REPORT.encode("utf-16-le") + b"\x00\xd8A\x00",  # a lone surrogate
    b"\xfe\xff" + MINIMAL_REPORT.encode("utf-16-be")[:-1],
], ids=["odd-length", "lone-surrogate", "big-endian-truncated"])
def test_broken_utf16_is_exit_2_naming_the_file(work: Path, data: bytes) -> None:
    (work / "report.md").write_bytes(data)
    result = run("parse", "report.md", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        "error: report.md: the file starts with a UTF-16 byte order mark but is not valid UTF-16 (an odd number of "
        "bytes or a broken surrogate pair) (save the report again as UTF-8)\n"))


def test_a_utf16_mark_before_a_utf8_body_reads_as_utf8_with_a_warning(work: Path) -> None:
    (work / "report.md").write_bytes(b"\xff\xfe" + MINIMAL_REPORT.encode("utf-8"))
    data = json.loads(run("parse", "report.md", "--format", "json").stdout)
    assert ([(a["country"], a["name"]) for a in data["activities"]], data["notes"][0]["code"]) == (
        [("CN", "Seminar")], "encoding-not-utf8")


# --- item 2: a tag-like run across the header cells and a file made one line by U+2028 -------------------

def test_a_tag_like_header_in_a_file_of_one_line(work: Path) -> None:
    text = MINIMAL_REPORT.replace("Country\tActivities\tImpact", "<b\tCountry\tActivities\tImpact\t>")
    data = parsed(work, text.replace("\n", "\u2028"))
    assert [(a["country"], a["ordinal"], a["name"], a["urls"]) for a in data["activities"]] == [
        ("CN", 1, "Seminar", ["https://www.ifla.org/node/92613"])]


# --- item 5: default-ignorable code points in names, across reports ----------------------------------------

def test_one_person_whatever_invisible_characters_a_name_holds(work: Path) -> None:
    (work / "reports").mkdir()
    marks = ["", "\u200b\u00ad", "\ufe0f\U000e0041\u2060"]
    for i, mark in enumerate(marks):
        start, end = 2000 + i, 2001 + i
        text = (MINIMAL_REPORT.replace("Convenor: Chen Ying", f"Convenor: Ch{mark}en Ying{mark}")
                .replace("September 2019 – March 2020", f"September {start} – March {end}")
                .replace("2 March 2020", f"2 March {end}").replace("Sep 9-10, 2019", f"Sep 9-10, {start}"))
        write_report(work / "reports", text, f"r{i}.md")
    result = run("build", "reports", "--out", "dist")
    assert result.exit_code == 0, result.output
    people = {str(q.subject.value) for q in parse((work / "dist" / "dataset.nq").read_bytes(), format=RdfFormat.N_QUADS)
              if "/person/" in q.subject.value and "/membership/" not in q.subject.value}
    assert sorted(p for p in people if "/person/ch" in p) == ["https://w3id.org/rscao/person/chen-ying"]


# --- item 6: what RDF tools refuse, in every dump ----------------------------------------------------------

def test_noncharacters_and_controls_leave_every_dump_parseable(work: Path) -> None:
    (work / "reports").mkdir()
    odd = "\ufffe\uffff\U0001fffe\U0010ffff\x01\x85\ud800"
    write_report(work / "reports", MINIMAL_REPORT.replace("<p>A seminar.</p>", f"<p>A seminar{odd[:6]}.</p>"))
    result = run("build", "reports", "--out", "dist")
    assert result.exit_code == 0, result.output
    for name, fmt in (("dataset.ttl", RdfFormat.TURTLE), ("dataset.trig", RdfFormat.TRIG),
                      ("dataset.nq", RdfFormat.N_QUADS)):
        dump = (work / "dist" / name).read_bytes()
        assert not any(ch.encode() in dump for ch in odd[:6]), name
        assert len(list(parse(dump, format=fmt))) > 0
    turtle = (work / "dist" / "dataset.ttl").read_bytes()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == len(list(parse(turtle, format=RdfFormat.TURTLE)))


# --- item 7: characters an IRI may not hold, inside a link ------------------------------------------------

@pytest.mark.parametrize(("mark", "shown"), [
    ("\u202e", "U+202E"), ("\u200b", "U+200B"), ("\u2066", "U+2066"), ("\ufe0f", "U+FE0F"), ("\U000e0041", "U+E0041"),
    ("\ue000", "U+E000"), ("\ufffe", "U+FFFD"),  # a noncharacter is replaced by U+FFFD at reading
])
def test_a_link_with_characters_an_iri_may_not_hold_is_a_stated_link_with_a_violation(
        work: Path, mark: str, shown: str) -> None:
    link = f"https://www.ifla.org/no{mark}de/92613"
    write_report(work, MINIMAL_REPORT.replace("Links: https://www.ifla.org/node/92613", f"Links: {link}"))
    result = run("validate", "report.md", "--format", "json")
    assert result.exit_code == 1
    stated = link.replace("\ufffe", "\ufffd")
    assert [(f["rule"], f["severity"], f["message"]) for f in json.loads(result.stdout)
            if f["severity"] == "violation"] == [
        ("stated-link-not-url", "violation", f'The link "{stated}" is not a web address: remove the characters a web '
         f"address may not hold ({shown}).")]


def test_a_line_separator_inside_a_cell_keeps_the_row_whole(work: Path) -> None:
    row = MINIMAL_REPORT.splitlines()[18]
    broken = row.replace("</p> <p>Details:</p> <p>", "\u2028Details: ").replace("</p> <p>Links:", "\u2029Links:")
    data = parsed(work, MINIMAL_REPORT.replace(row, broken))
    assert [(a["country"], a["ordinal"], a["name"], a["start"], a["details"], a["urls"], a["initiatives"])
            for a in data["activities"]] == [
        ("CN", 1, "Seminar", "2019-09-09", ["A seminar."], ["https://www.ifla.org/node/92613"], ["3.1"])]
    assert [n["code"] for n in data["notes"] if n["severity"] != "info"] == []


@pytest.mark.skipif(shutil.which("rapper") is None, reason="Raptor (rapper, Debian's raptor2-utils) is not installed")
def test_raptor_reads_every_dump_of_hostile_text(work: Path) -> None:
    """The tool issue 10 (item 6) found refusing the dumps: noncharacters, controls, bidi controls,
    zero-width characters, private use and tag characters in text, names and links."""
    odd = "\ufffe\uffff\U0001fffe\U0010ffff\x01\x85\u200b\u202e\u2066\ufe0f\U000e0041\ue000\ufdd0\u00ad"
    text = (MINIMAL_REPORT.replace("<p>A seminar.</p>", f"<p>A seminar{odd} of the National Libr\u00adary of China.</p>")
            .replace("Links: https://www.ifla.org/node/92613",
                     "Links: https://www.ifla.org/no\u202ede/92613 https://a.org/\ufe0f https://c.org/x\ufffe")
            .replace("Convenor: Chen Ying", "Convenor: Chen\u200b Ying\U000e0041"))
    (work / "reports").mkdir()
    write_report(work / "reports", text)
    result = run("build", "reports", "--out", "dist", "--allow-invalid")
    assert result.exit_code == 0, result.output
    for name, syntax in (("dataset.ttl", "turtle"), ("dataset.trig", "trig"), ("dataset.nq", "nquads")):
        done = subprocess.run(["rapper", "-q", "-i", syntax, "-c", str(work / "dist" / name)], capture_output=True,
                              text=True, check=False)
        assert (done.returncode, done.stderr) == (0, ""), name
