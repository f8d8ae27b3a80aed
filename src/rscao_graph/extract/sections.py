"""Section I: the convenor's achievements under headings A-E, each a numbered list or empty.

A heading that does not end with ":" continues on the next line when that line ends with ":" (heading C
wraps in the template); otherwise the next line is the heading's first item.
Items are numbered "1\\", "1." or "1)"; an unnumbered paragraph is one item.
"""

from __future__ import annotations

import re

from ..model import Block, ConvenorAction, Heading, Note, Text
from .links import find_urls
from .mentions import MentionFinder, dedupe_mentions

__all__ = ["SECTION_RE", "read_section_one"]

SECTION_RE = re.compile(r"^(?P<num>I{1,3}|IV)\s*[.)]\s+(?P<title>.*)$")
_HEADING = re.compile(r"^(?P<letter>[A-E])\s*[.)]\s+(?P<title>.+)$")
_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*(?:\\|\.|\))\s*(?P<text>.*)$")


def read_section_one(blocks: list[Block], finder: MentionFinder,
                     notes: list[Note]) -> tuple[list[Heading], list[ConvenorAction]]:
    """Headings and actions of section I (``blocks`` are the text blocks between "I." and "II.")."""
    headings: list[Heading] = []
    actions: list[ConvenorAction] = []
    letter: str | None = None
    open_heading = False
    for block in blocks:
        if m := _HEADING.match(block.text):
            letter = m.group("letter")
            headings.append(Heading(letter, Text(m.group("title"), block.span)))
            open_heading = not block.text.rstrip().endswith(":")
            continue
        if open_heading and headings and not _ITEM.match(block.text) and block.text.rstrip().endswith(":"):
            last = headings[-1]
            title = Text(f"{last.title.value} {block.text}", last.title.span.to(block.span))
            headings[-1] = Heading(last.letter, title)
            open_heading = False
            continue
        open_heading = False
        if letter is None:
            notes.append(Note("text-outside-heading", "warning",
                              "text in section I before heading A; kept under no heading", block.span))
        m = _ITEM.match(block.text)
        number, text = (int(m.group("n")), m.group("text")) if m else (None, block.text)
        actions.append(ConvenorAction(letter or "", number, Text(text, block.span),
                                      tuple(find_urls(text, block.span)),
                                      dedupe_mentions(finder.find(text, block.span))))
    return headings, actions
