"""The title block: committee, reporting period, sub-region, convenor, date of submission.

Sub-region and convenor stand on one line or two; the period is "Month YYYY – Month YYYY" with any dash,
"to", abbreviated months ("Sept 2019") or numbers ("09/2019"); the submission date is any date shape
("30th September 2020", "September 28, 2021", "14.03.2022"). A title (Dr., Prof., Ms.) is kept apart
from the convenor's name.
"""

from __future__ import annotations

import re

from ..model import Block, DateValue, Note, Period, SourceSpan, Text
from .dates import find_dates, parse_date

__all__ = ["TITLE_RE", "Header", "read_header", "split_title"]

TITLE_RE = re.compile(r"bi-?\s*annual\s+sub-?\s*regional\s+report", re.IGNORECASE)
_FIELD = re.compile(
    r"(?P<label>\bsub[-\s]?regions?(?:\s+name)?|(?:name\s+of\s+(?:the\s+)?)?(?:sub[-\s]?regional\s+)?"
    r"conven[eo]rs?(?:['’]s\s+name|\s+name)?|date\s+of\s+submission|submission\s+date|date\s+submitted|"
    r"submitted\s+on|date\s+of\s+report)\s*[:：]\s*", re.IGNORECASE)
_PERIOD = re.compile(r"(?:reporting|report)\s+period(?:\s+covered)?\s*[:：]\s*(?P<text>[^\]]*)|"
                     r"\bperiod\s+(?:covered|of\s+(?:the\s+)?report(?:ing)?)\s*[:：]\s*(?P<text2>[^\]]*)",
                     re.IGNORECASE)
_COMMITTEE = re.compile(r"committee|rscao", re.IGNORECASE)
_TITLES = re.compile(r"^(?:(?:prof(?:essor)?|assoc(?:iate)?\.?\s+prof(?:essor)?|asst\.?\s+prof(?:essor)?|"
                     r"assistant\s+prof(?:essor)?|dr|mr|mrs|ms|miss|mx|sir|dame|hon|rev|datuk|dato['’]?|"
                     r"tan\s+sri|engr|atty)\.?\s+)+", re.IGNORECASE)


_POSTNOMINALS = re.compile(r",\s*((?:Ph\.?\s?D|MLIS|MLS|MLIM|MA|MSc|M\.?\s?Phil|D\.?\s?Phil|FCLIP|MCLIP|OBE|MBE|"
                           r"AM|AO|CBE|BSc|BA)\.?(?:,\s*(?:Ph\.?\s?D|MLIS|MLS|MA|MSc|FCLIP|MCLIP|OBE|MBE)\.?)*)\s*$")


class Header:
    """Values of the title block, each ``None`` when absent."""

    def __init__(self) -> None:
        self.committee: Text | None = None
        self.title: Text | None = None
        self.sub_region: Text | None = None
        self.convenor: Text | None = None
        self.convenor_title: str | None = None
        self.period: Period | None = None
        self.submitted: DateValue | None = None


def split_title(name: str) -> tuple[str | None, str]:
    """A person's title(s) and name: ``("Prof. Dr.", "Sadia Anwar Khattak")``; ``Ma.`` (Maria) is a name;
    letters after the name ("PhD", "MLIS") join the title.

    >>> split_title("Prof. Dr. Sadia Anwar Khattak"), split_title("Ma. Cristina B. Dizon")
    (('Prof. Dr.', 'Sadia Anwar Khattak'), (None, 'Ma. Cristina B. Dizon'))
    >>> split_title("Asha Rana, PhD")
    ('PhD', 'Asha Rana')
    """
    if post := _POSTNOMINALS.search(name):
        title, rest = split_title(name[:post.start()])
        return " ".join(t for t in (title, post.group(1)) if t), rest
    m = _TITLES.match(name)
    if not m or not name[m.end():].strip():
        return None, name.strip()
    return m.group(0).strip(), name[m.end():].strip()


def _fields(block: Block) -> list[tuple[str, str]]:
    matches = list(_FIELD.finditer(block.text))
    found = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(block.text)
        found.append((m.group("label").lower(), block.text[m.end():end].strip(" ;,|")))
    return found


def _period(text: str, span: SourceSpan) -> Period:
    dates = [d for d in find_dates(text) if d.start is not None and d.precision in ("month", "day")]
    if len(dates) == 1 and dates[0].end is not None:
        return Period(text, dates[0].start[:7], dates[0].end[:7], span)  # type: ignore[index]
    if len(dates) == 2:
        return Period(text, dates[0].start[:7], dates[1].start[:7], span)  # type: ignore[index]
    return Period(text, None, None, span)


def _submitted(value: str, span: SourceSpan, notes: list[Note]) -> DateValue:
    date = parse_date(value)
    if date is not None and date.ambiguous:
        notes.append(Note("date-ambiguous", "warning", f'the date of submission "{value}" reads two ways '
                          '(day/month or month/day); write the month as a word, e.g. "2 March 2020"', span))
        return DateValue(value, None, None, None, span, problem="ambiguous")
    if date is not None and date.valid and date.end is None:
        return DateValue(value, date.start, None, date.precision, span)  # type: ignore[arg-type]
    return DateValue(value, None, None, None, span, problem="invalid")


def read_header(blocks: list[Block], notes: list[Note]) -> Header:
    """Read the header from the text blocks before section I. Missing fields are noted."""
    header = Header()
    committee: list[Block] = []
    for index, block in enumerate(blocks):
        if TITLE_RE.search(block.text) and header.title is None:
            header.title = Text(block.text, block.span)
        if (m := _PERIOD.search(block.text)) and header.period is None:
            text, span = (m.group("text") or m.group("text2") or "").strip(), block.span
            if "[" in block.text[:m.start()] and "]" not in block.text[m.start():]:
                for following in blocks[index + 1:index + 3]:  # "[Reporting Period: September 2019 –" / "March 2020]"
                    text, span = f"{text} {following.text.split(']')[0].strip()}", span.to(following.span)
                    if "]" in following.text:
                        break
            header.period = _period(text.strip(), span)
        if header.title is None and header.period is None and _COMMITTEE.search(block.text):
            committee.append(block)
        for label, value in _fields(block):
            if not value:
                continue
            if label.startswith("sub") and "submi" not in label and header.sub_region is None:
                header.sub_region = Text(value, block.span)
            elif "conven" in label and header.convenor is None:
                header.convenor_title, name = split_title(value)
                header.convenor = Text(name, block.span)
            elif ("submi" in label or "date" in label) and header.submitted is None:
                header.submitted = _submitted(value, block.span, notes)
    if committee:
        header.committee = Text(" ".join(b.text for b in committee), committee[0].span.to(committee[-1].span))
    where = blocks[0].span if blocks else SourceSpan("", 1, 1, 0, 0)
    for stated, what in ((header.sub_region, "Sub-region"), (header.convenor, "Convenor"),
                         (header.period, "Reporting Period"), (header.submitted, "Date of submission")):
        if stated is None:
            notes.append(Note("header-field-missing", "violation",
                              f'the title block has no "{what}:"; add it', where))
    if header.period is not None and header.period.start is None:
        notes.append(Note("period-unparsed", "violation",
                          f'reporting period "{header.period.text}" is not "Month YYYY – Month YYYY"',
                          header.period.span))
    return header
