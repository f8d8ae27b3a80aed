from __future__ import annotations

import pytest

from rscao_graph.extract.citations import parse_citations
from rscao_graph.model import Paragraph, SourceSpan
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
