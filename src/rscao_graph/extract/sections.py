"""Section I: the convenor's achievements under headings A-E, each a list of items or empty.

Headings are "A." to "E." in any case ("b. encourage ..."), bold or not, in the template's order; a
heading that does not end with ":" continues on the next line when that line ends with ":" or "(Please
provide details)" (heading C wraps in the template). A letter that does not come next in order, or whose
words are not the template's, is an item ("a) Presented ..."). Items are numbered ``1\\``, ``1.``,
``1)``, ``(1)``, bulleted (``-``, ``•``, ``*``) or unnumbered paragraphs; "N/A", "Nil", "None this
period", "Not applicable for this period", "-" mean no items.
"""

from __future__ import annotations

import re

from ..model import Block, ConvenorAction, Heading, Note, Text
from .links import find_urls
from .mentions import MentionContext, MentionFinder, dedupe_mentions

__all__ = ["SECTION_RE", "is_nothing", "read_section_one"]

SECTION_RE = re.compile(r"^(?i:section\s+|part\s+)?(?P<num>I{1,3}|IV)\s*[.):]\s+(?P<title>.*)$")
_HEADING = re.compile(r"^\(?(?P<letter>[A-Ea-e])\s*[.):]\s+(?P<title>.+)$")
_ITEM = re.compile(r"^(?:(?P<n>\d{1,2})\s*(?:\\|\.(?!\d)|\)|:)|\((?P<p>\d{1,2})\)|(?P<bullet>[-–•*·▪●◦‣⁃]))\s*"
                   r"(?P<text>.*)$")
_TEMPLATE_WORDS = {
    "A": re.compile(r"promot|ifla-rscao", re.IGNORECASE),
    "B": re.compile(r"encourag|colleagues|join", re.IGNORECASE),
    "C": re.compile(r"regional office|mid-?term|host", re.IGNORECASE),
    "D": re.compile(r"photo|facebook|write[- ]?ups?|social media", re.IGNORECASE),
    "E": re.compile(r"other|any", re.IGNORECASE),
}
_PROVIDE = re.compile(r"please\s+provide\s+details|\(please", re.IGNORECASE)
_NOTHING = re.compile(r"^[\s(]*(?:n/?a|nil|none|nothing|-+|–|—|not\s+applicable|no\s+(?:items?|activit(?:y|ies)|"
                      r"report|action|actions|update|updates))(?:\s+(?:to\s+report|reported))?(?:\s+(?:for|in|during)?"
                      r"\s*(?:this|the)\s+(?:reporting\s+)?period)?[\s.)!]*$", re.IGNORECASE)


def is_nothing(text: str) -> bool:
    """Does an item say there is nothing ("N/A", "Nil", "None this period", "-")?

    >>> [is_nothing(t) for t in ("Nil", "None this period.", "Not applicable for this period", "-", "None of them")]
    [True, True, True, True, False]
    """
    return bool(_NOTHING.match(text))


def _templated(block: Block) -> str | None:
    """The letter of a line that is a heading in the template's words ("B. Encourage ..."), if any."""
    m = _HEADING.match(block.text)
    if m and (_TEMPLATE_WORDS[m.group("letter").upper()].search(m.group("title")) or _PROVIDE.search(m.group("title"))):
        return m.group("letter").upper()
    return None


def _heading(block: Block, expected: str, lettered_items: bool, later: set[str]) -> tuple[str, str] | None:
    """The heading a line is: its letter comes next in order, or later with the template's words. When
    items are lettered too ("a) ...", "b) ..."), or a line further down is the heading of that letter in
    the template's words, a heading needs the template's words."""
    m = _HEADING.match(block.text)
    if not m:
        return None
    letter = m.group("letter").upper()
    if letter < expected:
        return None
    title = m.group("title")
    if _TEMPLATE_WORDS[letter].search(title) or _PROVIDE.search(title):
        return letter, title
    if letter == expected and not lettered_items and letter not in later:
        return letter, title
    return None


def read_section_one(blocks: list[Block], finder: MentionFinder, notes: list[Note],
                     context: MentionContext | None = None) -> tuple[list[Heading], list[ConvenorAction]]:
    """Headings and actions of section I (``blocks`` are the text blocks between "I." and "II.")."""
    headings: list[Heading] = []
    actions: list[ConvenorAction] = []
    letter: str | None = None
    open_heading = False
    lettered_items = False
    templated = [_templated(b) for b in blocks]
    for index, block in enumerate(blocks):
        later = {t for t in templated[index + 1:] if t}
        found = _heading(block, chr(ord(letter) + 1) if letter else "A", lettered_items, later)
        if found is not None:
            letter = found[0]
            headings.append(Heading(letter, Text(found[1], block.span)))
            open_heading = not block.text.rstrip().endswith(":")
            continue
        if (m := _HEADING.match(block.text)) and letter and m.group("letter").upper() <= letter:
            lettered_items = True
        if open_heading and headings and not _ITEM.match(block.text) and not _HEADING.match(block.text) and (
                block.text.rstrip().endswith(":") or _PROVIDE.search(block.text)):
            last = headings[-1]
            title = Text(f"{last.title.value} {block.text}", last.title.span.to(block.span))
            headings[-1] = Heading(last.letter, title)
            open_heading = False
            continue
        open_heading = False
        m = _ITEM.match(block.text)
        number = int(m.group("n") or m.group("p")) if m and (m.group("n") or m.group("p")) else None
        text = m.group("text") if m else block.text
        if is_nothing(text) or is_nothing(block.text):
            notes.append(Note("section-empty", "info", f'"{text}": no items under heading {letter or "?"}',
                              block.span))
            continue
        if letter is None:
            notes.append(Note("text-outside-heading", "warning",
                              "text in section I before heading A; kept under no heading", block.span))
        actions.append(ConvenorAction(letter or "", number, Text(text, block.span),
                                      tuple(find_urls(text, block.span)),
                                      dedupe_mentions(finder.find(text, block.span, context))))
    return headings, actions
