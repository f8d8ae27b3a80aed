"""Strategy citations of the Impact cell, by number in every form people write them.

"3. Connect and empower the field", "3.1 Provide ...", "SD3", "SD 3 – label", "Strategic Direction 3:",
"KI 3.2", "Key initiative 3.1: label", "SD2 / 2.3", "SD3/KI 3.4", "SD 2.1" (a key initiative), "3.2 and
3.4", "2.1, 2.2". A label with no number is matched to the official wording (flagged as inferred); a
label broken across a page break is joined back. The label is kept as cited; whether it fits its
number (ignoring case, punctuation and British/American spelling) is for the mapping to state.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model import Citation, Note, Paragraph, Text
from ..reference import Concept, label_fits, label_key

__all__ = ["match_label", "parse_citations", "read_impact"]

_PREFIX = (r"(?:s\.?\s?d\.?|k\.?\s?i\.?|strategic\s+directions?|strategy\s+directions?|directions?|"
           r"key\s+initiatives?|initiatives?)")
_ITEM = rf"(?:{_PREFIX}\s*[:#.]?\s*(?:no\.?\s*)?)?(?P<n>\d(?:\.\d{{1,2}})?)(?!\d|\.\d)"
_FIRST = re.compile(rf"^\s*(?:[-•*·▪]\s*)?\(?{_ITEM}\)?", re.IGNORECASE)
_NEXT = re.compile(rf"\s*(?:/|,|;|&|\+|\band\b|\bor\b)\s*{_ITEM}", re.IGNORECASE)
_LABEL_LEAD = re.compile(r"^\s*\.?\s*[-–—:.)]?\s*")
_MIN_SIMILARITY = 0.86


def parse_citations(paragraph: Paragraph) -> list[Citation] | None:
    """The citations a paragraph states by number, the label (kept as cited) going to the last
    number; ``None`` when the paragraph does not start with a number.

    >>> from rscao_graph.model import SourceSpan
    >>> s = SourceSpan("r.md", 1, 1, 0, 0)
    >>> [(c.notation, c.label) for c in parse_citations(Paragraph("SD2 / 2.3 Develop standards", s))]
    [('2', ''), ('2.3', 'Develop standards')]
    >>> [c.notation for c in parse_citations(Paragraph("3.2 and 3.4", s))]
    ['3.2', '3.4']
    >>> parse_citations(Paragraph("12 libraries", s)) is None
    True
    >>> [(c.notation, c.label) for c in parse_citations(Paragraph("Strategic Direction 1: Strengthen", s))]
    [('1', 'Strengthen')]
    """
    m = _FIRST.match(paragraph.text)
    if not m:
        return None
    numbers = [m.group("n")]
    end = m.end()
    while nxt := _NEXT.match(paragraph.text, end):
        numbers.append(nxt.group("n"))
        end = nxt.end()
    label = _LABEL_LEAD.sub("", paragraph.text[end:], count=1).strip()
    return [Citation(n, label if i == len(numbers) - 1 else "", paragraph.span) for i, n in enumerate(numbers)]


def match_label(label: str, concepts: dict[str, Concept]) -> Concept | None:
    """The concept whose official wording a label without a number is (closely enough, and closer
    than any other), or ``None``.

    >>> cs = {"3.4": Concept("3.4", "Provide targeted learning and professional development", ()),
    ...       "3.1": Concept("3.1", "Provide excellent opportunities for face-to-face networking and learning", ())}
    >>> match_label("Provide targeted learning & professional development.", cs).notation
    '3.4'
    >>> match_label("Libraries took part", cs) is None
    True
    """
    key = label_key(label)
    if len(key) < 12:
        return None
    scored = []
    for concept in concepts.values():
        if concept.label.startswith("Key Initiative "):
            continue
        best = max(SequenceMatcher(None, key, label_key(name)).ratio() for name in (concept.label, *concept.alt_labels))
        scored.append((best, concept.notation, concept))
    scored.sort(key=lambda s: (-s[0], s[1]))
    if scored and scored[0][0] >= _MIN_SIMILARITY and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.05):
        return scored[0][2]
    return None


def _joined_label_fits(last: Citation, text: str, concepts: dict[str, Concept]) -> bool:
    concept = concepts.get(last.notation)
    if concept is None:
        return False
    return label_fits(concept, f"{last.label} {text}") is True and label_fits(concept, last.label) is not True


def read_impact(paragraphs: list[tuple[Paragraph, bool]], concepts: dict[str, Concept],
                notes: list[Note]) -> tuple[list[Citation], list[Text]]:
    """The citations of an activity's Impact paragraphs (each with whether it opens a continuation
    row) and the text that cites nothing (kept as stated, with a note)."""
    citations: list[Citation] = []
    unparsed: list[Text] = []
    for para, continues in paragraphs:
        found = parse_citations(para)
        if found is not None:
            citations.extend(found)
            continue
        if citations and (_joined_label_fits(citations[-1], para.text, concepts)
                          or (continues and not citations[-1].label.endswith((".", ";")) and para.text[:1].islower())):
            last = citations[-1]
            citations[-1] = Citation(last.notation, f"{last.label} {para.text}".strip(), last.span.to(para.span),
                                     last.inferred)
            continue
        concept = match_label(para.text, concepts)
        if concept is not None:
            citations.append(Citation(concept.notation, para.text, para.span,
                                      f"the label matches the official wording of {concept.notation}"))
            notes.append(Note("citation-inferred", "info",
                              f'Impact text "{para.text[:60]}" has no number; read as {concept.notation} '
                              f'("{concept.label}") by its wording. Write the number to be sure.', para.span))
            continue
        unparsed.append(Text(para.text, para.span))
        notes.append(Note("impact-unparsed", "warning",
                          f'Impact text "{para.text[:60]}" names no strategy direction or initiative by number; '
                          "kept as stated", para.span))
    return citations, unparsed
