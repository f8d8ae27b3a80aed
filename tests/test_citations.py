from __future__ import annotations

import pytest

from rscao_graph.extract.citations import parse_citation
from rscao_graph.model import Paragraph, SourceSpan

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
    citation = parse_citation(Paragraph(text, SPAN))
    assert (citation.notation, citation.label, citation.is_initiative) == (notation, label, "." in notation)


@pytest.mark.parametrize("text", ["Libraries in 2019", "2019 was a good year", "Impact: high", "1.2.3 x",
                                  "12 libraries took part"])
def test_not_a_citation(text: str) -> None:
    assert parse_citation(Paragraph(text, SPAN)) is None
