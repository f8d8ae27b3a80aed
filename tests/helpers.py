"""Helpers shared by the tests: the fixture report text, writing a report, running the command, a value for
every stored query's parameters."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from click.testing import CliRunner, Result

from rscao_graph.cli import cli
from rscao_graph.config import Settings
from rscao_graph.extract import extract_report
from rscao_graph.extract.sections import SECTION_RE
from rscao_graph.model import Activity, Report, SourceDocument, SourceSpan
from rscao_graph.read.markdown import read_markdown
from rscao_graph.reference import load_reference
from rscao_graph.resources import resource_path

DATA = Path(__file__).parent / "data"

#: Settings for library-level tests: the repository's curated decisions file, whatever the cwd.
SETTINGS = Settings(decisions=resource_path("data", "links.csv"))

#: A value for every parameter of the stored queries, for tests that run each query.
QUERY_PARAMS = {"country": "CN", "organisation": "library",
                "activity": "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03/activity/cn-1",
                "start": "2019-11-15", "end": "2019-12-04"}


def run(*args: str) -> Result:
    """Run ``rscao-graph ARGS`` in-process."""
    return CliRunner().invoke(cli, list(args), prog_name="rscao-graph")


def write_report(tmp_path: Path, text: str, name: str = "report.md") -> Path:
    """Write a small report file for a test and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


#: A minimal well-formed report in the template, for tests that vary one thing.
MINIMAL_REPORT = """**IFLA- Regional Standing Committee for Asia and Oceania
(IFLA - RSCAO)
Bi-annual Sub-Regional Report
[Reporting Period: September 2019 – March 2020]**

Sub-region: North East Asia Convenor: Chen Ying

Date of submission: 2 March 2020

I. Achievements in the key roles and responsibilities as sub-regional convenor:

A. Promotion of IFLA and IFLA-RSCAO and its programs and activities in the sub-region (Please provide details):

1\\ Worked with the National Library of China <https://www.ifla.org/node/92542>.

II. Brief details with links to information where available

Country\tActivities\tImpact
China\t<p>#1 Name and Date: Seminar was held at the National Library of China on Sep 9-10, 2019</p> <p>Details:</p> <p>A seminar.</p> <p>Links: https://www.ifla.org/node/92613</p>\t<p>3. Connect and empower the field</p> <p>3.1 Provide excellent opportunities for face-to-face networking and learning</p>
"""


#: The title block, section I and the table's lead-in of ``MINIMAL_REPORT`` (period 2019-09 to 2020-03),
#: for tests that write their own table.
REPORT_TOP = MINIMAL_REPORT.split("Country\t")[0]
TABLE_HEADER = "Country\tActivities\tImpact\n"


def table_report(rows: str, header: str = TABLE_HEADER, top: str = REPORT_TOP) -> str:
    """A report in the template whose table is ``header`` and ``rows`` (tab-separated lines)."""
    return top + header + rows


def activity_row(country: str, head: str, *paragraphs: str, impact: str = "3.1") -> str:
    """One table row: the Country cell, the Activities cell (``head`` then ``paragraphs``, each a ``<p>``)
    and the Impact cell."""
    cells = "".join(f"<p>{p}</p> " for p in (head, *paragraphs)).rstrip()
    return f"{country}\t{cells}\t<p>{impact}</p>\n"


def extract_text(text: str, name: str = "t.md") -> Report:
    """A report given as text, read and extracted with the packaged reference data."""
    return extract_report(read_markdown(text, name), load_reference())


def codes(report: Report, *, severity: str | None = None) -> list[tuple[str, int]]:
    """The report's notes as ``(code, line)`` pairs (of one ``severity`` when given)."""
    return [(n.code, n.span.line) for n in report.notes if severity is None or n.severity == severity]


# --- nothing silent (issue 9, Deliver item 10) ------------------------------------------------------

#: Words of the template's structure, which the extractor reads as structure and need not keep: the
#: activity header ("#1 Name and Date:", "Activity 2 Title/Date"), the field labels ("Details:",
#: "Link(s):"), the citation prefixes ("SD 2 –", "KI 3.1", "Strategic Direction 1:"), phrases that mean
#: "no link" ("to follow", "N/A"), and the verbs the name-line split consumes ("was held at").
STRUCTURE_WORDS = frozenset("""
    name and date dates title event activity no nr item details detail description summary links link s url urls
    website web sites site more info information sd ki strategic strategy direction key initiative of the
    to be added follow n a available was were held hosted organised organized by at on in from
""".split())
_WORDS = re.compile(r"[^\W\d_]+|\d+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").casefold()


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(_fold(text)))


def _activity_texts(activity: Activity) -> list[str]:
    texts = [activity.name.value if activity.name else "", activity.date.text if activity.date else "",
             activity.country_text or "", str(activity.ordinal or "")]
    texts += [d.value for d in activity.details] + [t.value for t in activity.unparsed]
    texts += [f"{link.text} {link.label or ''}" for link in (*activity.links, *activity.url_mentions)]
    texts += [f"{c.notation} {c.label}" for c in activity.citations]
    texts += [m.name for m in activity.mentions]
    return texts


def _covers(span: SourceSpan, line: int) -> bool:
    return span.line <= line <= span.end_line


def lost_words(doc: SourceDocument, report: Report) -> list[tuple[int, str]]:
    """Words of section I and of the table (after its header row) that are neither in the model nor in
    a note on their line: ``(line, word)`` pairs, empty when nothing is silent.

    The model of a line is what the report keeps for it: the headings and actions of section I on the
    line, the activities whose span covers it (name, date text, details, links and their labels, URL
    mentions, citations, unparsed text, the stated country, the names found), the report's unparsed
    text, and the messages of the notes whose span covers the line; a repeated header row, noted as
    such, need keep nothing. A word is kept when it stands in that text, also inside a longer word (a
    URL broken by a page break is kept joined). Template words (``STRUCTURE_WORDS``) may go.
    """
    lost: list[tuple[int, str]] = []
    report_kept = [t.value for t in report.unparsed]
    part = "header"
    for block in doc.blocks:
        if block.kind == "text" and part in ("header", "I", "later"):
            if m := SECTION_RE.match(block.text):
                part = "I" if m.group("num") == "I" else "later"
                continue
            if part != "I":
                continue
        elif block.kind == "table-header":
            part = "table"
            continue
        line = block.span.line
        if any(n.code == "header-repeated" and n.span.line == line for n in report.notes):
            continue  # the header row again, noted as such
        kept = list(report_kept)
        kept += [n.message for n in report.notes if _covers(n.span, line)]
        kept += [f"{h.letter} {h.title.value}" for h in report.headings if _covers(h.title.span, line)]
        kept += [f"{a.number or ''} {a.text.value}" for a in report.actions if _covers(a.text.span, line)]
        for activity in report.activities:
            if _covers(activity.span, line):
                kept += _activity_texts(activity)
        text = _fold(" ".join(kept))
        words = _words(text)
        lost.extend((line, w) for w in sorted(_words(block.text) - STRUCTURE_WORDS)
                    if w not in words and w not in text)
    return lost
