"""Every character of a table row in the model (issue 10, item 4): a check stricter than the word-level
``helpers.lost_words``, and the mutants of a report that issue 10 names.

:func:`lost_runs` takes each table row of a document as its source text, with only the markup taken out
(the HTML tags the cell scanner treats as markup, ``**``, complete entities), splits it at white space
into runs of characters, and looks for each run in what the model keeps *for that row*: the fields of
the activities whose span, or the span of one of whose details, covers the row (name, date text,
details, links and their labels, URL mentions, citations, unparsed text, stated country, ordinal, the
names found), the report's unparsed text on the row, and the messages of the notes on the row (a note
that quotes text keeps it). A run is kept when it stands there as written, or without the punctuation
around it (the comma between a name and its date, the colon of "Details:"), or when each of its pieces
between punctuation is a word kept for the row or a word of the template (the activity header, the
field labels, the verbs a name line's split consumes: :data:`TEMPLATE_WORDS`, also run together:
"andDate"), or when it is two kept texts run together, or one between broken tags
("<phttps://a.org/x</p"); runs of punctuation alone may go.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from itertools import zip_longest
from typing import Generic, TypeVar

from helpers import STRUCTURE_WORDS

from rscao_graph.model import Activity, Report, SourceDocument, SourceSpan
from rscao_graph.read.cells import KNOWN_TAGS

__all__ = ["MUTATIONS", "lost_runs", "mutants", "row_text"]

T = TypeVar("T")

# Markup as HTML defines it, written here independently of the cell scanner: a known tag name, then
# attributes that are name=value pairs (or none), then ">".
_ATTR = (r"""\s+(?:[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+)"""
         r"|(?:nowrap|hidden|compact|noshade|disabled|checked|selected|reversed)(?=[\s/>]))")
_MARKUP = re.compile(rf"</?([A-Za-z][A-Za-z0-9:]*)(?:{_ATTR})*\s*/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DEBRIS = re.compile(r"^</?p>?|</?p>?$")

#: Words the extractor reads as the template's structure: the activity header, the field labels, the
#: citation prefixes, the verbs a name line's split consumes ("Guide ... Released on Jan 6, 2020").
TEMPLATE_WORDS = STRUCTURE_WORDS | frozenset(
    "released launched organised organized conducted opened published took place started began convened run is "
    "has been during dated between starting beginning".split())
_TEMPLATE = re.compile("(?:" + "|".join(sorted(TEMPLATE_WORDS, key=len, reverse=True)) + ")+")  # "andDate"


def _strip_markup(raw: str) -> str:
    text = _MARKUP.sub(lambda m: " " if m.group(1).lower() in KNOWN_TAGS else m.group(0), raw)
    text = _ENTITY.sub(lambda m: f" {html.unescape(m.group(0))} ", text)
    text = _LINK.sub(r" \1 \2 ", text)
    return text.replace("**", " ")


def row_text(doc: SourceDocument, span: SourceSpan) -> str:
    """The text of a row as the source has it, markup taken out."""
    return _strip_markup(doc.text[span.start:span.end])


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").casefold()
    return " ".join(text.split())


def _core(run: str) -> str:
    """``run`` without the punctuation and symbols at its ends."""
    start, end = 0, len(run)
    while start < end and unicodedata.category(run[start])[0] not in "LN":
        start += 1
    while end > start and unicodedata.category(run[end - 1])[0] not in "LN":
        end -= 1
    return run[start:end]


def _activity_texts(activity: Activity) -> Iterator[str]:
    yield activity.name.value if activity.name else ""
    yield activity.date.text if activity.date else ""
    yield activity.country_text or ""
    yield str(activity.ordinal or "")
    yield from (d.value for d in activity.details)
    yield from (t.value for t in activity.unparsed)
    for link in (*activity.links, *activity.url_mentions):
        yield f"{link.text} {link.label or ''}"
    yield from (f"{c.notation} {c.label}" for c in activity.citations)
    yield from (m.name for m in activity.mentions)  # the location or place of a name line, as found


def _overlaps(span: SourceSpan, row: SourceSpan) -> bool:
    return span.line <= row.end_line and row.line <= span.end_line


class _Near(Generic[T]):
    """The items (in their order) one of whose spans overlaps a row, found without looking at all of
    them (a fuzzed report has thousands of rows and activities)."""

    def __init__(self, items: Sequence[T], spans: Callable[[T], tuple[SourceSpan, ...]]) -> None:
        self.items = list(items)
        self.spans = [spans(item) for item in self.items]
        self.hulls = sorted((min(s.line for s in ss), max(s.end_line for s in ss), i)
                            for i, ss in enumerate(self.spans) if ss)
        self.starts = [h[0] for h in self.hulls]
        self.longest = max((h[1] - h[0] for h in self.hulls), default=0)

    def __call__(self, row: SourceSpan) -> list[T]:
        low = bisect.bisect_left(self.starts, row.line - self.longest)
        high = bisect.bisect_right(self.starts, row.end_line)
        found = sorted(i for first, last, i in self.hulls[low:high] if last >= row.line
                       and any(_overlaps(span, row) for span in self.spans[i]))
        return [self.items[i] for i in found]


class _Kept:
    """The folded texts the model keeps for a row, each folded once per report (the rows of a long text
    share it: a huge cell cut into thousands of rows by its line ends)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def __contains__(self, sub: str) -> bool:
        return any(sub in text for text in self.texts)


def lost_runs(doc: SourceDocument, report: Report) -> list[tuple[int, str]]:
    """The runs of the table rows' text that the model keeps nowhere for their row, as
    ``(line, run)`` pairs; empty when nothing of the table is lost."""
    lost: list[tuple[int, str]] = []
    near_notes, near_unparsed = _Near(report.notes, lambda n: (n.span,)), _Near(report.unparsed, lambda t: (t.span,))
    near_activities = _Near(report.activities, lambda a: (a.span, *(part.span for part in (
        *a.details, *a.unparsed, *a.links, *a.url_mentions))))
    folded: dict[int, tuple[str, set[str]]] = {}  # by the id of the unparsed text, note or activity

    def fold_once(item: object, texts: Callable[[], Iterator[str]]) -> tuple[str, set[str]]:
        if id(item) not in folded:
            text = _fold(" ".join(texts()))
            folded[id(item)] = text, set(_TOKEN.findall(text))
        return folded[id(item)]

    for block in doc.blocks:
        if block.kind != "table-row":
            continue
        row = block.span
        notes = near_notes(row)
        if any(n.code == "header-repeated" for n in notes):
            continue
        parts = [fold_once(t, lambda t=t: iter((t.value,))) for t in near_unparsed(row)]
        parts += [fold_once(n, lambda n=n: iter((n.message,))) for n in notes]
        # (a row that goes on with the next activity keeps the texts of both)
        parts += [fold_once(a, lambda a=a: _activity_texts(a)) for a in near_activities(row)]
        text = _Kept([t for t, _ in parts])
        words = [w for _, w in parts]
        for run in row_text(doc, row).split():
            core = _fold(_core(run))
            if not core or _fold(run) in text or core in text:
                continue
            # else each piece of it between punctuation ("p>#2": "p", "2") must be a word kept for the row
            # (the activity's number, a cited number) or a word of the template ("Name", "Details", "SD")
            if all(any(piece in w for w in words) or _TEMPLATE.fullmatch(piece) for piece in _TOKEN.findall(core)):
                continue
            # or it is two kept texts run together ("<phttp://..." when a tag lost its ">": "<p" and a URL)
            whole = re.sub(r"#\d{1,3}$", "", _fold(run))  # "<<bp>#4": the activity's number after it
            if any(whole[:k] in text and whole[k:] in text for k in range(1, len(whole))):
                continue
            # or a word of the template run into kept text ("DateÔøø:" when the name is "Ôøø: ...")
            if any(_TEMPLATE.fullmatch(whole[:k]) and whole[k:] in text for k in range(1, len(whole))):
                continue
            bare = _DEBRIS.sub("", whole)  # "<phttps://a.org/x</p": a URL between two broken tags
            if bare != whole and bare in text:
                continue
            lost.append((row.line, run))
    return lost


# --- the mutants of issue 10, item 4 ----------------------------------------------------------------

Mutation = Callable[[str], Iterator[str]]


def _doubled_tab(line: str) -> Iterator[str]:
    for m in re.finditer("\t", line):
        yield line[:m.start()] + "\t\t" + line[m.end():]


def _unbalanced(line: str) -> Iterator[str]:
    for tag in ("<p>", "</p>"):
        for m in list(re.finditer(re.escape(tag), line))[:4]:
            yield line[:m.start()] + line[m.end():]  # a tag dropped
            yield line[:m.start()] + tag + line[m.start():]  # a tag doubled


def _between(line: str) -> Iterator[str]:
    between = [line[:m.start()] + "</p> Loose words between paragraphs <p>" + line[m.end():]
               for m in list(re.finditer(r"</p>\s*<p>", line))[:3]]
    tabs = list(re.finditer(r"\t", line))[:2]
    outside = [line[:m.end()] + "Words outside any paragraph " + line[m.end():] for m in tabs]
    trailing = [line[:m.start()] + " trailing words outside" + line[m.start():] for m in tabs]
    for forms in zip_longest(outside, between, trailing):  # one of each kind first
        yield from (form for form in forms if form is not None)


def _angle_name(line: str) -> Iterator[str]:
    for m in list(re.finditer(r"Name and Date:\s*", line))[:2]:
        for name in ("<Digital Libraries>", "<A Day of Reading>", "<B Corp Library>", "<P Nepal>"):
            yield line[:m.end()] + f"Workshop on {name} " + line[m.end():]


def _merged(line: str) -> Iterator[str]:
    for m in list(re.finditer(r"</p>\s*<p>(?=Details)", line))[:1]:  # into the name paragraph
        yield line[:m.start()] + " p>#2 Name and Date: Book fair, 5 Nov 2019</p> <p>" + line[m.end():]
    for m in list(re.finditer(r"<p>(#\d+\s*Name and Date)", line))[1:3]:
        yield line[:m.start()] + "p>" + line[m.start(1):]  # "p>#2 Name and Date": the tag's "<" lost


#: The mutations issue 10 names, each giving the mutated forms of one table row.
MUTATIONS: dict[str, Mutation] = {"doubled-tab": _doubled_tab, "unbalanced-p": _unbalanced,
                                  "text-between-or-outside": _between, "angle-name": _angle_name,
                                  "merged-activity": _merged}


def mutants(text: str, table_lines: list[int], kinds: tuple[str, ...] = tuple(MUTATIONS),
            limit: int | None = None) -> Iterator[tuple[str, int, str]]:
    """``(kind, line, mutated text)`` for each mutation of each table row (1-based ``table_lines``)."""
    lines = text.split("\n")
    for kind in kinds:
        for number in table_lines:
            for i, mutated in enumerate(MUTATIONS[kind](lines[number - 1])):
                if limit is not None and i >= limit:
                    break
                yield kind, number, "\n".join([*lines[:number - 1], mutated, *lines[number:]])
