from __future__ import annotations

from rscao_graph.extract.header import read_header
from rscao_graph.model import Note
from rscao_graph.read.markdown import read_markdown


def header(text: str):
    notes: list[Note] = []
    return read_header(list(read_markdown(text, "h.md").blocks), notes), notes


def test_fields_on_one_line_and_separate_lines() -> None:
    h, notes = header("Bi-annual Sub-Regional Report\n[Reporting Period: Sep 2019 - Mar 2020]\n"
                      "Sub-region: South Asia\nConvenor: A. Person\nDate of submission: 2020-03-31\n")
    assert (h.sub_region.value, h.convenor.value, h.period.start, h.period.end, h.submitted.start) == (
        "South Asia", "A. Person", "2019-09", "2020-03", "2020-03-31")
    assert notes == []


def test_missing_fields_and_bad_values_are_noted() -> None:
    h, notes = header("Bi-annual Sub-Regional Report\n[Reporting Period: last year]\n"
                      "Convenor: X Y\nDate of submission: soon\n")
    assert (h.sub_region, h.period.start, h.submitted.text, h.submitted.start) == (None, None, "soon", None)
    assert [(n.code, n.severity, n.span.line) for n in notes] == [
        ("header-field-missing", "violation", 1), ("period-unparsed", "violation", 2)]


def test_a_period_wrapped_onto_the_next_line() -> None:
    h, notes = header("Bi-annual Sub-Regional Report\n[Reporting Period: September 2019 –\nMarch 2020]\n"
                      "Sub-region: South Asia\nConvenor: A. Person\nDate of submission: 2020-03-31\n")
    assert (h.period.text, h.period.start, h.period.end, h.period.span.line, h.period.span.end_line) == (
        "September 2019 – March 2020", "2019-09", "2020-03", 2, 3)
    assert notes == []
