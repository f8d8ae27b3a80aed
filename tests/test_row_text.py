"""Every character of a table row ends up in the model (issue 10, item 4): the check of ``row_text.py``
itself, and the mutants issue 10 names (a doubled tab giving a fourth cell, unbalanced ``<p>``/``</p>``,
text between or outside paragraphs, a name in angle brackets taken for a tag, "p>#2 Name and Date"
merged into the activity above) on the sample and on each report of the development corpus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers import DATA, MINIMAL_REPORT
from row_text import MUTATIONS, lost_runs, mutants

from rscao_graph.extract import extract_report
from rscao_graph.model import Report, SourceDocument, Text
from rscao_graph.read import read_bytes
from rscao_graph.reference import Reference
from rscao_graph.resources import SAMPLE_REPORT, resource_path

REPORTS = [resource_path("data", SAMPLE_REPORT), *sorted(p for p in (DATA / "corpus").glob("*.md") if p.stem != "README")]


def lost(text: str, reference: Reference) -> list[tuple[int, str]]:
    doc = read_bytes(text.encode("utf-8"), "m.md")
    return lost_runs(doc, extract_report(doc, reference))


def table_lines(text: str) -> list[int]:
    doc = read_bytes(text.encode("utf-8"), "m.md")
    return [b.span.line for b in doc.blocks if b.kind == "table-row"]


# --- the check finds what is lost --------------------------------------------------------------------

def test_nothing_is_lost_from_the_reports_as_written(reference: Reference) -> None:
    assert {p.name: lost(p.read_text(encoding="utf-8"), reference) for p in REPORTS} == {p.name: [] for p in REPORTS}


def test_the_check_finds_what_the_model_does_not_keep(sample_doc: SourceDocument, sample: Report) -> None:
    first = sample.activities[0]

    def without(**fields: object) -> list[tuple[int, str]]:
        return lost_runs(sample_doc, replace(sample, activities=(replace(first, **fields), *sample.activities[1:])))

    assert without(details=first.details[1:]) == [(52, w) for w in (
        "September", "Professionals", "such", "etc,", "domestic", "community,", "totaling", "about", "300", "people,",
        "attended")]
    assert without(links=first.links[:1]) == [(54, "http://meeting.nlc.cn/global")]  # in the continuation row
    assert without(citations=first.citations[:1]) == [(52, w) for w in (
        "excellent", "opportunities", "face-to-face", "networking", "learning", "regional", "levels")]


def test_the_check_reads_markup_as_markup_and_titles_in_angle_brackets_as_text(reference: Reference) -> None:
    row = MINIMAL_REPORT.splitlines()[18]
    text = MINIMAL_REPORT.replace(row, row.replace("<p>A seminar.</p>", '<p class="x">A <b>seminar</b> &amp; '
                                                   "<Digital Libraries> <A Day of Reading>.</p>"))
    doc = read_bytes(text.encode("utf-8"), "m.md")
    report = extract_report(doc, reference)
    assert [d.value for d in report.activities[0].details] == ["A seminar & <Digital Libraries> <A Day of Reading>."]
    assert lost_runs(doc, report) == []
    emptied = replace(report, activities=(replace(report.activities[0], details=(
        Text("A seminar & <Digital Libraries>.", report.activities[0].details[0].span),)),))
    assert lost_runs(doc, emptied) == [(19, "Day"), (19, "Reading>.")]


# --- the mutants -------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(MUTATIONS))
@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_no_mutant_loses_table_text(path: Path, kind: str, reference: Reference) -> None:
    text = path.read_text(encoding="utf-8")
    found = {}
    count = 0
    for _, line, mutated in mutants(text, table_lines(text), (kind,), limit=2):
        count += 1
        if missing := lost(mutated, reference):
            found[line] = missing[:5]
    assert (found, count > 0) == ({}, True)


DOCUMENTS = sorted(p for p in (DATA / "documents").iterdir() if p.is_file())
RULES = sorted((DATA / "rules").glob("*.md"))


@pytest.mark.parametrize("path", DOCUMENTS + RULES, ids=[f"{p.parent.name}/{p.name}" for p in DOCUMENTS + RULES])
def test_nothing_is_lost_from_documents_and_rule_fixtures(path: Path, reference: Reference) -> None:
    doc = read_bytes(path.read_bytes(), path.name)
    assert lost_runs(doc, extract_report(doc, reference)) == []


def test_a_template_word_run_into_the_name_loses_nothing(reference: Reference) -> None:
    row = MINIMAL_REPORT.splitlines()[18]
    text = MINIMAL_REPORT.replace(row, row.replace("Name and Date: Seminar", "Name and DateÔøø: Seminar"))
    doc = read_bytes(text.encode("utf-8"), "m.md")
    report = extract_report(doc, reference)
    assert report.activities[0].name is not None and report.activities[0].name.value.startswith("Ôøø: Seminar")
    assert lost_runs(doc, report) == []
    # without the name, the run is lost (the rest of the name line stands in the names found)
    assert lost_runs(doc, replace(report, activities=(replace(report.activities[0], name=None),))) == [
        (19, "DateÔøø:")]
