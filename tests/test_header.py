from __future__ import annotations

import pytest

from rscao_graph.extract.header import read_header, split_title
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


# --- issue 9, Deliver item 1: the title block as convenors write it --------------------------------

TITLE = "**IFLA Regional Standing Committee for Asia and Oceania\nBi-annual Sub-Regional Report\n"


def values(text: str) -> tuple[object, ...]:
    h, notes = header(TITLE + text)
    return (h.sub_region.value if h.sub_region else None, h.convenor.value if h.convenor else None, h.convenor_title,
            (h.period.start, h.period.end) if h.period else None,
            (h.submitted.text, h.submitted.start, h.submitted.problem) if h.submitted else None,
            [(n.code, n.severity, n.span.line) for n in notes])


@pytest.mark.parametrize(("text", "expected"), [
    # sub-region and convenor on one line or two, labels in any case and markup
    ("[Reporting Period: September 2019 – March 2020]**\nSub-region: South Asia Convenor: Dr. Asha Rana\n"
     "Date of submission: 2 March 2020\n",
     ("South Asia", "Asha Rana", "Dr.", ("2019-09", "2020-03"), ("2 March 2020", "2020-03-02", None), [])),
    ("[Reporting Period: September 2019 - March 2020]**\nSub-region: South Asia\nConvenor: Assoc. Prof. Asha Rana\n"
     "Date of submission: 30th March 2020\n",
     ("South Asia", "Asha Rana", "Assoc. Prof.", ("2019-09", "2020-03"), ("30th March 2020", "2020-03-30", None), [])),
    ("[Reporting Period: September 2019 to March 2020]**\nSub-region: South Asia\nConvenor: Ms Asha Rana\n"
     "Date of submission: March 28, 2020\n",
     ("South Asia", "Asha Rana", "Ms", ("2019-09", "2020-03"), ("March 28, 2020", "2020-03-28", None), [])),
    ("[Reporting Period: Sept 2019 – Mar 2020]**\nSub-region: South Asia Convenor: Prof. Dr. Asha Rana\n"
     "Date of submission: 14.03.2020\n",
     ("South Asia", "Asha Rana", "Prof. Dr.", ("2019-09", "2020-03"), ("14.03.2020", "2020-03-14", None), [])),
    ("Reporting Period: Sep. 2019 — Mar. 2020**\nSub-Region: South Asia; Convenor: Mr. Ram Bahadur Thapa\n"
     "Date of Submission: 2020-03-31\n",
     ("South Asia", "Ram Bahadur Thapa", "Mr.", ("2019-09", "2020-03"), ("2020-03-31", "2020-03-31", None), [])),
    ("[Reporting Period: 1 September 2019 – 31 March 2020]**\nSUB-REGION: SOUTH ASIA\nCONVENOR: ASHA RANA\n"
     "DATE OF SUBMISSION: 31 MARCH 2020\n",
     ("SOUTH ASIA", "ASHA RANA", None, ("2019-09", "2020-03"), ("31 MARCH 2020", "2020-03-31", None), [])),
    ("[Reporting Period: September 2019 – March 2020]**\n**Sub-region:** South Asia **Convenor:** Dr. Asha Rana\n"
     "**Date of submission:** 2nd of March, 2020\n",
     ("South Asia", "Asha Rana", "Dr.", ("2019-09", "2020-03"), ("2nd of March, 2020", "2020-03-02", None), [])),
    ("[Reporting Period: September–March 2020]**\nSub region : South Asia    Convenor : Mrs Asha Rana\n"
     "Submission date: Monday, 2 March 2020\n",
     ("South Asia", "Asha Rana", "Mrs", ("2019-09", "2020-03"), ("Monday, 2 March 2020", "2020-03-02", None), [])),
    ("[Reporting Period: 2019-09 to 2020-03]**\nSub-region: South Asia Convenor: Asst. Prof. Asha Rana\n"
     "Date of submission: 2020.3.2\n",
     ("South Asia", "Asha Rana", "Asst. Prof.", ("2019-09", "2020-03"), ("2020.3.2", "2020-03-02", None), [])),
    # a submission date that reads two ways is kept as stated and flagged, never guessed
    ("[Reporting Period: September 2019 – March 2020]**\nSub-region: South Asia Convenor: Asha Rana\n"
     "Date of submission: 03/04/2020\n",
     ("South Asia", "Asha Rana", None, ("2019-09", "2020-03"), ("03/04/2020", None, "ambiguous"),
      [("date-ambiguous", "warning", 5)])),
    ("[Reporting Period: September 2019 – March 2020]**\nSub-region: South Asia Convenor: Asha Rana\n"
     "Date of submission: 31 February 2020\n",
     ("South Asia", "Asha Rana", None, ("2019-09", "2020-03"), ("31 February 2020", None, "invalid"), [])),
])
def test_the_title_block_in_any_shape(text: str, expected: tuple[object, ...]) -> None:
    assert values(text) == expected


def test_the_ambiguous_submission_date_note() -> None:
    _, notes = header(TITLE + "[Reporting Period: September 2019 – March 2020]**\nSub-region: South Asia Convenor: "
                              "Asha Rana\nDate of submission: 03/04/2020\n")
    assert [n.message for n in notes] == ['the date of submission "03/04/2020" reads two ways (day/month or month/day); '
                                          'write the month as a word, e.g. "2 March 2020"']


@pytest.mark.parametrize(("name", "title", "rest"), [
    ("Prof. Dr. Asha Rana", "Prof. Dr.", "Asha Rana"), ("Assoc. Prof. Asha Rana", "Assoc. Prof.", "Asha Rana"),
    ("Associate Professor Dr. Asha Rana", "Associate Professor Dr.", "Asha Rana"), ("Ms Asha Rana", "Ms", "Asha Rana"),
    ("Ms. Asha Rana", "Ms.", "Asha Rana"), ("Mrs Asha Rana", "Mrs", "Asha Rana"), ("Dr Asha Rana", "Dr", "Asha Rana"),
    ("Professor Asha Rana", "Professor", "Asha Rana"), ("Datuk Dr. Siti Aminah", "Datuk Dr.", "Siti Aminah"),
    ("Ma. Cristina Dizon", None, "Ma. Cristina Dizon"), ("Drukpa Asha", None, "Drukpa Asha"),
    ("Msafiri Asha", None, "Msafiri Asha"), ("Prof", None, "Prof"),
])
def test_titles_are_kept_apart(name: str, title: str | None, rest: str) -> None:
    assert split_title(name) == (title, rest)


def test_a_period_in_numbers() -> None:
    assert values("[Reporting Period: 09/2019 – 03/2020]**\nSub-region: South Asia Convenor: Asha Rana\n"
                  "Date of submission: 2 March 2020\n") == (
        "South Asia", "Asha Rana", None, ("2019-09", "2020-03"), ("2 March 2020", "2020-03-02", None), [])


def test_letters_after_a_name_join_the_title() -> None:
    assert split_title("Asha Rana, PhD") == ("PhD", "Asha Rana")
    assert split_title("Dr. Asha Rana, MLIS") == ("Dr. MLIS", "Asha Rana")
