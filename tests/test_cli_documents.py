"""The commands on Word and HTML reports: a folder mixing formats, places in messages, refused files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from documents import FOLDER, HEADER, package, para, table
from helpers import run
from pyoxigraph import Dataset, RdfFormat, parse

from rscao_graph.read.formats import MAX_PART_BYTES

REPORTS = {"north-east-asia-2019-09--2020-03.docx": "sample.docx", "oceania.lo.html": "oceania_2020-09_2021-03.lo.html",
           "pacific.md": "pacific_2022-03_2022-09.md", "south-asia.html": "south-asia_2021-03_2021-09.html",
           "central-asia.lo.docx": "central-asia_2021-09_2022-03.lo.docx"}


@pytest.fixture
def mixed(work: Path) -> Path:
    folder = work / "data" / "reports"
    folder.mkdir(parents=True)
    for name, fixture in REPORTS.items():
        shutil.copy(FOLDER / fixture, folder / name)
    return folder


def test_build_reads_every_format_in_a_folder(mixed: Path, work: Path) -> None:
    result = run("build", "--allow-invalid")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("Built 5 report(s), 42 activities, 9725 quads into ")
    dataset = Dataset(parse((work / "dist" / "dataset.trig").read_bytes(), format=RdfFormat.TRIG))
    paths = sorted(str(q.object.value) for q in dataset if q.predicate.value.endswith("ontology#path"))
    assert paths == sorted(REPORTS)
    reports = {q.graph_name.value for q in dataset if q.predicate.value.endswith("ontology#sourceDocument")}
    assert sorted(r.rsplit("/report/", 1)[1] for r in reports) == [
        "central-asia/2021-09--2022-03", "north-east-asia/2019-09--2020-03", "oceania/2020-09--2021-03",
        "pacific/2022-03--2022-09", "south-asia/2021-03--2021-09"]


def test_findings_name_the_place_in_the_document(mixed: Path) -> None:
    result = run("validate", str(mixed / "north-east-asia-2019-09--2020-03.docx"))
    lines = result.stdout.splitlines()
    assert 'north-east-asia-2019-09--2020-03.docx:table 1, row 12: warning: KP #2 "The Grand People’s Study House ' \
           'active in…": No date is given. The template asks for "Name and Date": add when the activity took place. ' \
           '[activity-without-date]' in lines
    assert lines[-1] == "0 violation(s), 3 warning(s), 13 info(s)"
    data = json.loads(run("validate", "--format", "json", str(mixed / "oceania.lo.html")).stdout)
    assert [(f["rule"], f["where"], f["line"]) for f in data][:2] == [
        ("section-empty", "paragraph 13", 16), ("value-inferred", "table 1, row 2", 29)]


def test_parse_json_of_a_document_has_places(mixed: Path) -> None:
    data = json.loads(run("parse", "--format", "json", str(mixed / "north-east-asia-2019-09--2020-03.docx")).stdout)
    source = data["activities"][7]["source"]
    assert source == {"file": "north-east-asia-2019-09--2020-03.docx", "line": 91, "end_line": 98,
                      "start": 10869, "end": 11582, "where": "table 1, rows 12-13"}


@pytest.mark.parametrize(("name", "data", "message"), [
    ("report.docx", package(para("Sub-region: Pacific")), "report.docx: the document has no table, so not the "
     "activities table (Country / Activities / Impact) of the report template (check that this is the report; the "
     "activities must be in the template's table)"),
    ("report.docm", package(table(HEADER), main_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
     "report.docm: this is a macro-enabled Word document (.docm); macros are never run or read (save it in Word as a "
     "Word document (.docx) without macros)"),
    ("locked.docx", (FOLDER / "bad" / "password-protected.docx").read_bytes(), "locked.docx: the document is "
     "password-protected (an encrypted Office file) (open it in Word, remove the password (File > Info > Protect "
     "Document) and save it again as .docx)"),
    ("bomb.docx", package(table(HEADER), extra={"word/media/zeros.bin": bytes(MAX_PART_BYTES + 1)}),
     f"bomb.docx: part word/media/zeros.bin would expand to {MAX_PART_BYTES + 1:,} bytes, past the limit of "
     f"{MAX_PART_BYTES:,} bytes a part (a zip bomb?) (the file is refused unread; check where it comes from)"),
    ("page.html", b"<html><body><p>Sub-region: Pacific</p></body></html>", "page.html: the page has no table, so not "
     "the activities table (Country / Activities / Impact) of the report template (check that this is the report; the "
     "activities must be in the template's table)"),
])
def test_refused_documents_exit_2_without_traceback(work: Path, name: str, data: bytes, message: str) -> None:
    (work / name).write_bytes(data)
    for command in ("parse", "build"):
        result = run(command, name)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {message}\n")


def test_keep_going_skips_a_refused_document(mixed: Path, work: Path) -> None:
    (mixed / "broken.docx").write_bytes(package(table(HEADER))[:100])
    result = run("build", "--keep-going", "--allow-invalid")
    assert result.exit_code == 2
    assert "broken.docx: the document is damaged: not a readable ZIP package" in result.stderr
    assert (work / "dist" / "dataset.trig").exists()
