"""Strategy citations of the Impact cell: "3. Connect and empower the field", "3.1 Provide ...".

Citations are matched by number; the label is kept as cited (``reference.label_fits`` compares it
with the scheme's wording when the citation is mapped).
"""

from __future__ import annotations

import re

from ..model import Citation, Paragraph

__all__ = ["parse_citation"]

_CITATION = re.compile(
    r"^\s*(?:(?:SD|KI|strategic\s+direction|key\s+initiative)\s*)?(?P<n>\d(?:\.\d{1,2})?)(?![\d.]*\d)"
    r"\s*\.?\s*[-–—:)]?\s*(?P<label>.*)$",
    re.IGNORECASE,
)


def parse_citation(paragraph: Paragraph) -> Citation | None:
    """The citation a paragraph states, or ``None`` when it does not start with a number.

    >>> from rscao_graph.model import SourceSpan
    >>> s = SourceSpan("r.md", 1, 1, 0, 0)
    >>> parse_citation(Paragraph("3. Connect and empower the field", s)).notation
    '3'
    >>> parse_citation(Paragraph("SD 2 – inspire", s)).label
    'inspire'
    >>> parse_citation(Paragraph("Libraries of 2019", s)) is None
    True
    """
    m = _CITATION.match(paragraph.text)
    if not m:
        return None
    return Citation(m.group("n"), m.group("label").strip(), paragraph.span)
