"""Strategy citations of the Impact cell: "3. Connect and empower the field", "3.1 Provide ...".

Citations are matched by number; the label is kept as cited and compared with the scheme's wording
ignoring case, punctuation and British/American spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Citation, Paragraph
from ..reference import Concept

__all__ = ["label_fits", "parse_citation"]

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


@lru_cache(maxsize=4096)
def _key(label: str) -> str:
    text = label.casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"(?<=[a-z])is(e|es|ed|ing|ation|ations)\b", r"iz\1", text)
    text = re.sub(r"(?<=[a-z])yse\b", "yze", text)
    text = re.sub(r"(?<=[a-z])our\b", "or", text)
    text = re.sub(r"(?<=[a-z])tre\b", "ter", text)
    text = re.sub(r"(?<=[a-z])mme\b", "m", text)
    return " ".join(text.split())


def label_fits(concept: Concept, label: str) -> bool | None:
    """Does a cited label fit the concept? ``None`` when nothing was cited or the official wording
    is not known (a placeholder label such as "Key Initiative 4.1").

    >>> c = Concept("4", "Optimise our Organisation", ())
    >>> label_fits(c, "optimize our organization."), label_fits(c, "Connect and empower the field")
    (True, False)
    """
    if not label.strip() or concept.label.startswith("Key Initiative "):
        return None
    wanted = {_key(concept.label), *(_key(a) for a in concept.alt_labels)}
    return _key(label) in wanted
