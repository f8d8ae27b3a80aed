from __future__ import annotations

import pytest

from rscao_graph.extract.citations import match_label, parse_citations, read_impact
from rscao_graph.model import Note, Paragraph, SourceSpan
from rscao_graph.reference import label_fits, load_reference

SPAN = SourceSpan("r.md", 1, 1, 0, 0)


@pytest.mark.parametrize(("text", "notation", "label"), [
    ("3. Connect and empower the field", "3", "Connect and empower the field"),
    ("3.1 Provide excellent opportunities", "3.1", "Provide excellent opportunities"),
    ("SD 1 – strengthen the global voice of libraries", "1", "strengthen the global voice of libraries"),
    ("KI 2.4: Provide tools", "2.4", "Provide tools"),
    ("5.3 Something else", "5.3", "Something else"),
    ("4.1", "4.1", ""),
])
def test_parse_citation(text: str, notation: str, label: str) -> None:
    (citation,) = parse_citations(Paragraph(text, SPAN))
    assert (citation.notation, citation.label, citation.is_initiative) == (notation, label, "." in notation)


@pytest.mark.parametrize("text", ["Libraries in 2019", "2019 was a good year", "Impact: high", "1.2.3 x",
                                  "12 libraries took part"])
def test_not_a_citation(text: str) -> None:
    assert parse_citations(Paragraph(text, SPAN)) is None


@pytest.mark.parametrize(("notation", "label", "fits"), [
    ("2", "Inspire and Enhance Professional Practice", True),
    ("2.1", "Produce, Communicate and Distribute Key Resources and Materials that Inspire the Profession", True),
    ("4", "optimise our organization", True),
    ("4", "Optimize our Organisation.", True),
    ("3.1", "Provide excellent opportunities for face-to-face networking and learning", True),
    ("3.1", "Empower the field at the national and regional levels", False),
    ("1.1", "Show the power of libraries in delivering the Sustainable Development Goals", False),
    ("4.1", "Anything at all", None),
    ("3", "", None),
])
def test_label_fits(notation: str, label: str, fits: bool | None) -> None:
    assert label_fits(load_reference().concepts[notation], label) is fits


# --- issue 9, Deliver item 7: citations by number in every form ----------------------------------

@pytest.mark.parametrize(("text", "cited"), [
    ("3.", [("3", "")]),
    ("SD3", [("3", "")]),
    ("SD 3 – Connect and empower the field", [("3", "Connect and empower the field")]),
    ("S.D. 3", [("3", "")]),
    ("SD#3", [("3", "")]),
    ("Strategic Direction 3:", [("3", "")]),
    ("Strategic direction 3 - Connect", [("3", "Connect")]),
    ("Direction 4: Optimise", [("4", "Optimise")]),
    ("KI 3.2", [("3.2", "")]),
    ("KI3.2", [("3.2", "")]),
    ("K.I. 3.1", [("3.1", "")]),
    ("Key Initiative 3.2", [("3.2", "")]),
    ("Key initiative 3.2: Support virtual networking", [("3.2", "Support virtual networking")]),
    ("Initiative 4.1", [("4.1", "")]),
    ("SD2 / 2.3", [("2", ""), ("2.3", "")]),
    ("SD3/KI 3.4", [("3", ""), ("3.4", "")]),
    ("SD 2.1", [("2.1", "")]),  # a key initiative, not direction 2
    ("3.2 and 3.4", [("3.2", ""), ("3.4", "")]),
    ("2.1, 2.2", [("2.1", ""), ("2.2", "")]),
    ("2.1, 2.2 & 2.3 Tools", [("2.1", ""), ("2.2", ""), ("2.3", "Tools")]),
    ("SD1; SD2", [("1", ""), ("2", "")]),
    ("SD 1, SD 2", [("1", ""), ("2", "")]),
    ("2.1 and SD 3", [("2.1", ""), ("3", "")]),
    ("3.1 – Provide excellent", [("3.1", "Provide excellent")]),
    ("3.1: Provide", [("3.1", "Provide")]),
    ("- 3.1 Provide", [("3.1", "Provide")]),
    ("• 3.1 Provide", [("3.1", "Provide")]),
    ("3.1.", [("3.1", "")]),
    ("2.6 Preserve heritage", [("2.6", "Preserve heritage")]),  # not in the strategy: kept as written
    ("3.5 Other", [("3.5", "Other")]),
])
def test_citations_by_number(text: str, cited: list[tuple[str, str]]) -> None:
    assert [(c.notation, c.label, c.inferred) for c in parse_citations(Paragraph(text, SPAN))] == [
        (n, label, None) for n, label in cited]


@pytest.mark.parametrize(("label", "notation"), [
    ("Provide targeted learning and professional development", "3.4"),
    ("provide excellent opportunities for face to face networking and learning", "3.1"),
    ("Connect and empower the field", "3"),
    ("Optimise our organisation", "4"),
    ("Inspire and enhance professional practice.", "2"),
    ("Support virtual networking & connections", "3.2"),
    ("Libraries took part in the event", None),
    ("Networking", None),
])
def test_a_label_without_a_number_is_matched_to_the_official_wording(label: str, notation: str | None) -> None:
    concept = match_label(label, load_reference().concepts)
    assert (concept.notation if concept else None) == notation


def impact(*rows: list[str]) -> tuple[list[tuple[str, str, str | None]], list[str], list[tuple[str, int]]]:
    """The citations, the uncited text and the notes of Impact paragraphs, each row a list of paragraphs
    (the first of a later row continues the row above)."""
    paragraphs = [(Paragraph(text, SourceSpan("r.md", line, line, 0, 0)), line > 1 and i == 0)
                  for line, row in enumerate(rows, start=1) for i, text in enumerate(row)]
    notes: list[Note] = []
    citations, rest = read_impact(paragraphs, load_reference().concepts, notes)
    return ([(c.notation, c.label, c.inferred) for c in citations], [t.value for t in rest],
            [(n.code, n.span.line) for n in notes])


def test_several_on_one_line_and_a_label_broken_across_rows() -> None:
    assert impact(["SD2 / 2.3 Develop and promote", "3.1 Provide excellent opportunities for"],
                  ["face-to-face networking and learning"]) == (
        [("2", "", None), ("2.3", "Develop and promote", None),
         ("3.1", "Provide excellent opportunities for face-to-face networking and learning", None)], [], [])


def test_a_label_only_citation_is_inferred_and_noted() -> None:
    cited, rest, notes = impact(["Provide targeted learning and professional development"])
    assert (cited, rest, notes) == (
        [("3.4", "Provide targeted learning and professional development",
          "the label matches the official wording of 3.4")], [], [("citation-inferred", 1)])


def test_a_number_with_another_numbers_label_keeps_the_number_written() -> None:
    cited, _, notes = impact(["3.2 Empower the field at the national and regional levels"])
    assert (cited, notes) == ([("3.2", "Empower the field at the national and regional levels", None)], [])
    assert label_fits(load_reference().concepts["3.2"], cited[0][1]) is False


def test_text_that_cites_nothing_is_kept_and_noted() -> None:
    assert impact(["Libraries took part in the event"]) == (
        [], ["Libraries took part in the event"], [("impact-unparsed", 1)])


def test_a_number_in_parentheses() -> None:
    assert [(c.notation, c.label) for c in parse_citations(Paragraph("(3.1) Provide excellent opportunities", SPAN))
            ] == [("3.1", "Provide excellent opportunities")]
