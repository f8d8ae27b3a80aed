"""Validation: one negative fixture per rule (tests/data/rules/), the sample's findings, the SHACL
report, the ``validate``/``build`` commands and bad input (unreadable reports, broken shapes).

Every rule id of ``shapes/rscao-shapes.ttl`` is a case of ``REPORT_CASES`` (a report file that
triggers it) or of ``REFERENCE_CASES`` (a hand-built graph, for the rules on reference data that no
report can trigger); ``test_every_rule_has_a_case`` fails for a new rule without one. Each fixture is
MINIMAL_REPORT with exactly one thing wrong.

Expectations are what a convenor should see: the rule, the severity, the file and line to fix, the
activity, and the message in full.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import rdflib
from helpers import MINIMAL_REPORT, SETTINGS, run, write_report
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

import rscao_graph.validate as validate_module
from rscao_graph.errors import InputError
from rscao_graph.pipeline import build_dataset
from rscao_graph.rdf.dataset import Build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference
from rscao_graph.resources import resource_path
from rscao_graph.validate import Finding, Validation, _rdflib_graph, _shacl_findings, validate_build
from rscao_graph.vocab import OA, RDF, RSCAO, SCHEMA, SKOS, XSD

RULES = Path(__file__).parent / "data" / "rules"
SAMPLE_NAME = "north-east-asia-2019-09--2020-03.md"
REPORT_IRI = "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
RS = "https://w3id.org/rscao/shapes#"
SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}

#: The rules extraction and the build check themselves (deactivated shapes, documentation only).
BUILD_RULES = {"row-unreadable", "row-without-activity", "impact-unparsed", "ordinal-missing", "text-outside-heading",
               "table-missing", "encoding-not-utf8", "country-inferred-twice", "activity-iri-duplicate",
               "report-replaced", "text-after-table", "table-header-missing", "header-repeated", "row-extra-cell",
               "no-activities", "activity-header-doubtful", "activity-header-missing", "activity-header-inside",
               "country-not-carried", "country-carried-contradicted", "link-joined", "link-words", "links-expected",
               "links-from-details", "date-ambiguous", "date-weekday-mismatch", "date-from-details", "name-remark",
               "citation-inferred", "section-empty", "text-replaced", "line-separators", "subregion-unknown"}


#: The severity of every rule, written out here (not read from the shapes under test), as README.md states them.
SEVERITY_OF = {
    **dict.fromkeys(["activity-without-citation", "activity-without-country", "activity-without-name",
                     "citation-not-in-scheme", "concept-without-label", "concept-without-notation",
                     "concept-without-scheme", "convenor-action-without-text", "country-ambiguous",
                     "country-not-recognised", "country-without-iso-code", "organisation-without-name",
                     "period-end-before-start", "person-without-name", "place-without-name", "report-without-convenor",
                     "report-without-period", "report-without-sub-region", "report-without-submission-date",
                     "segment-without-lines", "segment-without-selectors", "segment-without-source",
                     "stated-date-not-calendar", "stated-link-not-url", "table-missing"], "violation"),
    **dict.fromkeys(["activity-iri-duplicate", "activity-without-date", "citation-label-mismatch",
                     "country-inferred-twice", "country-outside-subregion", "date-outside-period", "encoding-not-utf8",
                     "impact-unparsed", "initiative-without-direction", "ordinal-missing", "report-replaced",
                     "row-unreadable", "row-without-activity", "text-after-table", "text-outside-heading",
                     "link-without-scheme", "link-is-email", "table-header-missing", "row-extra-cell",
                     "activity-header-doubtful", "activity-header-missing", "activity-header-inside",
                     "country-not-carried", "country-carried-contradicted", "links-expected", "date-ambiguous",
                     "date-weekday-mismatch", "text-replaced", "subregion-unknown"], "warning"),
    **dict.fromkeys(["activity-without-links", "too-many-activities", "value-inferred", "header-repeated",
                     "no-activities", "link-joined", "link-words", "links-from-details", "date-from-details",
                     "name-remark", "citation-inferred", "section-empty", "line-separators"], "info"),
}


# --- the shapes ---------------------------------------------------------------------------------------


@cache
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(resource_path("shapes", "rscao-shapes.ttl"), format="turtle")


def shape_nodes() -> dict[str, rdflib.URIRef]:
    """Rule id -> shape node: every named node shape or property shape in the rs: namespace."""
    g = shapes_graph()
    nodes = {s for kind in (SH.NodeShape, SH.PropertyShape) for s in g.subjects(rdflib.RDF.type, kind)}
    return {str(s).removeprefix(RS): s for s in nodes if isinstance(s, rdflib.URIRef) and str(s).startswith(RS)}


def is_deactivated(node: rdflib.URIRef) -> bool:
    return shapes_graph().value(node, SH.deactivated) == rdflib.Literal(True)


def shape_severity(rule: str) -> str:
    return SEVERITY[shapes_graph().value(shape_nodes()[rule], SH.severity)]


def test_every_shape_has_the_severity_the_readme_gives() -> None:
    assert {rule: shape_severity(rule) for rule in shape_nodes()} == SEVERITY_OF


def shape_message(rule: str) -> str:
    return str(shapes_graph().value(shape_nodes()[rule], SH.message))


# --- report fixtures: one per rule ----------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A report fixture (or several, built together) and the exact findings of its rule."""

    files: tuple[str, ...]
    #: (rule, severity, file, line, country, ordinal) of each finding of the rule, in order.
    expected: tuple[tuple[Any, ...], ...]
    #: The exact message of each of those findings.
    messages: tuple[str, ...]
    #: Every rule id found in the fixture (the rule itself, and infos that go with an empty Country column).
    rules: frozenset[str] = frozenset()
    #: The exact text line of the first finding, where it is worth pinning.
    text: str | None = None
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())


def case(rule: str, line: int, country: str | None, ordinal: int | None, message: str, *, file: str | None = None,
         files: tuple[str, ...] | None = None, also: tuple[str, ...] = (), text: str | None = None,
         marks: tuple[pytest.MarkDecorator, ...] = (), severity: str | None = None) -> Case:
    files = files or (f"{rule}.md",)
    name = file or files[0]
    return Case(files, ((rule, severity or SEVERITY_OF[rule], name, line, country, ordinal),), (message,),
                frozenset({rule, *also}), text, marks)


REPORT_CASES: dict[str, Case] = {
    # title block
    "report-without-sub-region": case(
        "report-without-sub-region", 1, None, None,
        'The report names no sub-region. Add "Sub-region: ..." to the title block.'),
    "report-without-convenor": case(
        "report-without-convenor", 6, None, None,
        'The report names no convenor. Add "Convenor: ..." to the title block.',
        text='report-without-convenor.md:6: violation: report "north-east-asia/2019-09--2020-03": The report names '
             'no convenor. Add "Convenor: ..." to the title block. [report-without-convenor]'),
    "report-without-period": case(
        "report-without-period", 5, None, None,
        'The reporting period is missing or cannot be read ("autumn and winter"). Write it as '
        '"[Reporting Period: September 2019 – March 2020]".'),
    "report-without-submission-date": case(
        "report-without-submission-date", 6, None, None,
        'The date of submission is missing or not a calendar date. Write it as "Date of submission: 2 March 2020".'),
    "period-end-before-start": case(
        "period-end-before-start", 5, None, None,
        'The reporting period "October 2019 – September 2019" ends before it starts; check the months and years.'),
    # activities
    "activity-without-name": case(
        "activity-without-name", 19, "CN", 1,
        'The activity has no name. Write "#n Name and Date: <name> on <date>".'),
    "activity-without-country": case(
        "activity-without-country", 19, None, 1,
        "The country of this activity is not stated and could not be inferred. Fill in the Country column.",
        text='activity-without-country.md:19: violation: ?? #1 "Seminar": The country of this activity is not '
             "stated and could not be inferred. Fill in the Country column. [activity-without-country]"),
    "country-not-recognised": case(
        "country-not-recognised", 19, "Narnia", 1,
        'The country "Narnia" is not recognised. Write the country\'s English short name (e.g. "Republic of Korea") '
        "or its ISO code."),
    "country-ambiguous": case(
        "country-ambiguous", 19, "Korea", 1,
        'The country "Korea" could mean more than one country (KP or KR). Write its full name, e.g. '
        '"Republic of Korea" or "DPR Korea".'),
    "activity-without-citation": case(
        "activity-without-citation", 19, "CN", 1,
        "The Impact cell cites no direction or key initiative of the IFLA Strategy 2019-2024. Add e.g. "
        '"3. Connect and empower the field".',
        text='activity-without-citation.md:19: violation: CN #1 "Seminar": The Impact cell cites no direction or key '
             'initiative of the IFLA Strategy 2019-2024. Add e.g. "3. Connect and empower the field". '
             "[activity-without-citation]"),
    "stated-date-not-calendar": case(
        "stated-date-not-calendar", 19, "CN", 1,
        'The date "Feb 30, 2020" is not a calendar date, or its year is missing. Write it as e.g. "Sep 9-10, 2019".'),
    "stated-link-not-url": case(
        "stated-link-not-url", 19, "CN", 1,
        'The link "htps://www.ifla.org/node/92613" is not a web address: write the scheme in full, "http://" or '
        '"https://".'),
    "link-without-scheme": case(
        "link-without-scheme", 19, "CN", 1,
        'The link "www.ifla.org/node/92613" has no scheme: write it with "https://" in front: '
        '"https://www.ifla.org/node/92613".'),
    "link-is-email": case(
        "link-is-email", 19, "CN", 1,
        '"info@nlc.cn" is an e-mail address, not a web page; it is kept as the activity\'s contact. Give a web page '
        'after "Links:" if there is one.', also=("activity-without-links",)),
    "activity-without-date": case(
        "activity-without-date", 19, "CN", 1,
        'No date is given. The template asks for "Name and Date": add when the activity took place.'),
    "date-outside-period": case(
        "date-outside-period", 19, "CN", 1,
        'The date "Sep 9-10, 2018" lies more than a month outside the reporting period '
        "(September 2019 – March 2020)."),
    "country-outside-subregion": case(
        "country-outside-subregion", 19, "IN", 1,
        "IN is not one of the sub-region's countries (CN, HK, JP, KP, KR, MN, MO, TW)."),
    "value-inferred": case(
        "value-inferred", 19, "CN", 1,
        "Inferred, not stated: the country CN (from the names in its block; the Country column is empty). "
        "State it in the report to be sure."),
    "too-many-activities": case(
        "too-many-activities", 19, "CN", 1,
        "3 activities are listed for CN; the template asks for the two most impactful."),
    "activity-without-links": case(
        "activity-without-links", 19, "CN", 1,
        'No link is given. Add "Links:" with a web page about the activity, if there is one.'),
    # strategy citations
    "citation-not-in-scheme": case(
        "citation-not-in-scheme", 19, "CN", 1,
        '"3.9" is not a strategic direction (1 to 4) or key initiative (1.1 to 4.4) of the IFLA Strategy 2019-2024.'),
    "citation-label-mismatch": case(
        "citation-label-mismatch", 19, "CN", 1,
        '3 is cited as "Inspire and enhance professional practice", but 3 of the IFLA Strategy is '
        '"Connect and Empower the Field".',
        text='citation-label-mismatch.md:19: warning: CN #1 "Seminar": 3 is cited as "Inspire and enhance '
             'professional practice", but 3 of the IFLA Strategy is "Connect and Empower the Field". '
             "[citation-label-mismatch]"),
    "initiative-without-direction": case(
        "initiative-without-direction", 19, "CN", 1,
        'Key initiative 3.1 is cited without its strategic direction 3; add "3. ..." to the Impact cell.'),
    # checked while reading and building (deactivated shapes)
    "row-unreadable": case(
        "row-unreadable", 20, "CN", 1,
        'table row has 2 cell(s), expected Country, Activities and Impact: "A row that lost its Impact cell."; '
        "kept as stated"),
    "row-without-activity": case(
        "row-without-activity", 19, None, None,
        'table text before any "#1 Name and Date:": "China | Activities of the year. | See below."; kept as stated'),
    "impact-unparsed": case(
        "impact-unparsed", 19, "CN", 1,
        'Impact text "Connects the field" names no strategy direction or initiative by number; kept as stated'),
    "ordinal-missing": case(
        "ordinal-missing", 19, "CN", 1,
        'activity has no "#n" number; read as #1. Write "#1 Name and Date: ..."',
        text='ordinal-missing.md:19: warning: CN #1 "Seminar": activity has no "#n" number; read as #1. Write '
             '"#1 Name and Date: ..." [ordinal-missing]'),
    "text-outside-heading": case(
        "text-outside-heading", 12, None, None,
        "text in section I before heading A; kept under no heading"),
    "text-after-table": case(
        "text-after-table", 20, None, None,
        "text after the activities table, which the template does not have; kept as stated"),
    "table-missing": case(
        "table-missing", 14, None, None,
        "the Country / Activities / Impact table was not found; the report may be truncated"),
    "encoding-not-utf8": case(
        "encoding-not-utf8", 1, None, None,
        "the file is not UTF-8; decoded as cp1252. Save it as UTF-8 to be sure."),
    "table-header-missing": case(
        "table-header-missing", 18, "CN", 1,
        "the activities table has no header row (Country, Activities, Impact); its columns are taken in the "
        "template's order"),
    "header-repeated": case(
        "header-repeated", 20, None, None, "the table's header row is repeated here (a page break)"),
    "row-extra-cell": case(
        "row-extra-cell", 19, "CN", 1,
        'table row has a cell beyond the Country, Activities and Impact columns (cell 4): "Extra note"; '
        "kept as stated"),
    "no-activities": case(
        "no-activities", 20, None, None, 'no activity reported for Japan: "No activities reported for this period."'),
    "activity-header-doubtful": case(
        "activity-header-doubtful", 20, "CN", 1,
        '"5. Sessions continued in the afternoon." looks like an activity header but is read as text of the '
        'activity above; write "#n Name and Date: ..." to start an activity'),
    "activity-header-missing": case(
        "activity-header-missing", 20, "JP", 1,
        'a new activity without "#n Name and Date:" (a new country, or a second "Details:"); its name is taken '
        "from its first paragraph", also=("ordinal-missing",)),
    "activity-header-inside": case(
        "activity-header-inside", 20, "CN", 2,
        'an activity header inside a paragraph, after "Photos were taken." (read with the activity above); start '
        "it on a line of its own"),
    "country-not-carried": case(
        "country-not-carried", 20, "JP", 1,
        "the Country cell is empty and the numbering restarts at #1: this is not read as China (the country "
        "above) but inferred; fill in the Country cell", also=("value-inferred",)),
    "country-carried-contradicted": case(
        "country-carried-contradicted", 20, "CN", 2,
        "the Country cell is empty and CN is carried down from above, but the names of this activity point to JP; "
        "fill in the Country cell"),
    "link-joined": case(
        "link-joined", 20, "CN", 1, 'a URL broken by a page break was joined: "https://www.ifla.org/node/92613"'),
    "link-words": case(
        "link-words", 19, "CN", 1, 'words among the links that are not a link: "photo gallery"; kept as stated'),
    "links-expected": case(
        "links-expected", 19, "CN", 1,
        'text after "Links:" that is not a link ("The event was covered widely by the press"); kept with the '
        "details", also=("activity-without-links",)),
    "links-from-details": case(
        "links-from-details", 19, "CN", 1,
        'the activity has no "Links:"; the URLs of its details are taken as its links'),
    "date-ambiguous": case(
        "date-ambiguous", 19, "CN", 1,
        'the date "03/04/2020" reads two ways (day/month or month/day); it is kept as stated. Write the month '
        'as a word, e.g. "3 April 2020"'),
    "date-weekday-mismatch": case(
        "date-weekday-mismatch", 19, "CN", 1,
        'the date "Monday, 10 September 2019" is not a Monday; check the day'),
    "date-from-details": case(
        "date-from-details", 19, "CN", 1,
        'the name line gives no date; "10 September 2019" is taken from the details', also=("value-inferred",)),
    "name-remark": case(
        "name-remark", 19, "CN", 1,
        '"(Teachers\' Day)" after the date belongs to neither the name nor the date; kept as stated'),
    "citation-inferred": case(
        "citation-inferred", 19, "CN", 1,
        'Impact text "Connect and empower the field" has no number; read as 3 ("Connect and Empower the Field") '
        "by its wording. Write the number to be sure."),
    "section-empty": case(
        "section-empty", 14, None, None, '"Nil": no items under heading A'),
    "text-replaced": case(
        "text-replaced", 19, "CN", 1,
        "characters that RDF cannot carry (U+FFFF) were replaced by U+FFFD; check the line in the original "
        "document"),
    "line-separators": case(
        "line-separators", 1, None, None,
        "Unicode line separators (U+2028, U+2029 or U+0085) were read as line breaks"),
    "subregion-unknown": case(
        "subregion-unknown", 6, None, None,
        'the sub-region "Middle Earth" is none of the RSCAO sub-regions (Central Asia, East Asia, North East Asia, '
        "Oceania, Pacific, South Asia, South East Asia, West Asia); its countries cannot be checked"),
    "country-inferred-twice": case(
        "country-inferred-twice", 20, "CN", 1,
        "two blocks of activities were both inferred to be CN; check the Country column", also=("value-inferred",)),
    "activity-iri-duplicate": case(
        "activity-iri-duplicate", 20, "CN", 1,
        "two activities numbered CN #1; the second is cn-1-dup2: check the numbering"),
    "report-replaced": case(
        "report-replaced", 19, None, None,
        f"report-replaced-resubmission.md and report-replaced.md are both the report for {REPORT_IRI}; "
        "report-replaced-resubmission.md (the later submission) replaces the other",
        files=("report-replaced.md", "report-replaced-resubmission.md"),
        text=f"report-replaced.md:19: warning: report \"report-replaced.md\": report-replaced-resubmission.md and "
             f"report-replaced.md are both the report for {REPORT_IRI}; report-replaced-resubmission.md (the later "
             "submission) replaces the other [report-replaced]"),
}


def build_of(*paths: Path) -> Build:
    return build_dataset([ReportFile(p, p.parent) for p in paths], SETTINGS, load_reference())


@cache
def validation_of(files: tuple[str, ...]) -> tuple[Build, Validation]:
    build = build_of(*(RULES / name for name in files))
    return build, validate_build(build)


def report_params() -> list[Any]:
    return [pytest.param(rule, c, id=rule, marks=c.marks) for rule, c in REPORT_CASES.items()]


@pytest.mark.parametrize(("rule", "c"), report_params())
def test_rule_finding(rule: str, c: Case) -> None:
    """The exact finding(s) of the rule: rule, severity, file, line, country, number, message."""
    _, validation = validation_of(c.files)
    found = [f for f in validation.findings if f.rule == rule]
    assert [(f.rule, f.severity, f.file, f.line, f.country, f.ordinal) for f in found] == list(c.expected)
    assert [f.message for f in found] == list(c.messages)
    if c.text is not None:
        assert found[0].text() == c.text


@pytest.mark.parametrize("rule", list(REPORT_CASES))
def test_rule_fires_alone(rule: str) -> None:
    """The fixture triggers its rule at the shape's severity and nothing else (but the infos of an empty
    Country column), so every rule stays exercised whatever its details."""
    c = REPORT_CASES[rule]
    _, validation = validation_of(c.files)
    assert {f.rule for f in validation.findings} == set(c.rules)
    assert {f.severity for f in validation.findings if f.rule == rule} == {SEVERITY_OF[rule]}
    assert validation.conforms == (SEVERITY_OF[rule] != "violation")
    for f in validation.findings:
        assert "{" not in f.message, f.message          # every fact quoted was filled in


def test_fixtures_are_minimal_report_with_one_thing_wrong() -> None:
    """Each fixture shares the minimal report's shape: the same title, one to three table rows."""
    for path in sorted(RULES.glob("*.md")):
        text = path.read_text(encoding="cp1252" if path.name == "encoding-not-utf8.md" else "utf-8")
        assert "Bi-annual Sub-Regional Report" in text, path.name
        assert len(text.splitlines()) <= len(MINIMAL_REPORT.splitlines()) + 3, path.name


def test_minimal_report_is_clean(tmp_path: Path) -> None:
    validation = validate_build(build_of(write_report(tmp_path, MINIMAL_REPORT)))
    assert validation.findings == ()
    assert validation.conforms


def test_encoding_fixture_is_not_utf8() -> None:
    data = (RULES / "encoding-not-utf8.md").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "library’s café" in data.decode("cp1252")


def test_report_replaced_keeps_the_later_submission() -> None:
    build, _ = validation_of(REPORT_CASES["report-replaced"].files)
    assert [b.report.file for b in build.reports] == ["report-replaced-resubmission.md"]


def test_stated_date_without_a_year(tmp_path: Path) -> None:
    """A date whose year is missing and cannot be inferred (two Decembers in the period)."""
    text = (MINIMAL_REPORT.replace("on Sep 9-10, 2019", "on Dec 4")
            .replace("September 2019 – March 2020", "September 2019 – March 2021"))
    validation = validate_build(build_of(write_report(tmp_path, text)))
    assert [(f.rule, f.severity, f.line, f.country, f.ordinal, f.message) for f in validation.findings] == [
        ("stated-date-not-calendar", "violation", 19, "CN", 1,
         'The date "Dec 4" is not a calendar date, or its year is missing. Write it as e.g. "Sep 9-10, 2019".'),
    ]


# --- findings that once were wrong (each fixed; kept as regression tests) -----------------------------


def test_unreadable_submission_date_points_at_its_line(tmp_path: Path) -> None:
    path = write_report(tmp_path, MINIMAL_REPORT.replace("Date of submission: 2 March 2020",
                                                         "Date of submission: early March"))
    validation = validate_build(build_of(path))
    assert [(f.rule, f.severity, f.line) for f in validation.findings] == [
        ("report-without-submission-date", "violation", 8)]


@pytest.mark.parametrize(("rule", "focus"), [
    ("activity-iri-duplicate", f"{REPORT_IRI}/activity/cn-1-dup2"),
    ("impact-unparsed", f"{REPORT_IRI}/activity/cn-1"),
    ("country-inferred-twice", f"{REPORT_IRI}/activity/cn-1"),
    ("ordinal-missing", f"{REPORT_IRI}/activity/cn-1"),
])
def test_note_finding_focus_is_the_activity(rule: str, focus: str) -> None:
    _, validation = validation_of(REPORT_CASES[rule].files)
    assert [f.focus for f in validation.findings if f.rule == rule] == [focus]


@pytest.mark.parametrize(("name", "text", "kept"), [
    ("row-without-activity", (RULES / "row-without-activity.md").read_text(encoding="utf-8"),
     "Activities of the year."),
    ("row-unreadable-first", MINIMAL_REPORT.replace("Country\tActivities\tImpact\n",
                                                    "Country\tActivities\tImpact\n\t<p>Before any activity.</p>\n"),
     "Before any activity."),
])
def test_rows_before_the_first_activity_keep_their_text(tmp_path: Path, name: str, text: str, kept: str) -> None:
    build = build_of(write_report(tmp_path, text, f"{name}.md"))
    assert any(isinstance(q.object, Literal) and kept in q.object.value for q in build.quads())


def test_empty_convenor_item_is_a_violation() -> None:
    _, validation = validation_of(("convenor-action-without-text.md",))
    assert [(f.rule, f.severity, f.file, f.line, f.country, f.ordinal) for f in validation.findings] == [
        ("convenor-action-without-text", "violation", "convenor-action-without-text.md", 16, None, None)]


def test_report_replaced_finding_in_the_shacl_report() -> None:
    _, validation = validation_of(REPORT_CASES["report-replaced"].files)
    triples = validation.report_triples()
    focus = [t.object for t in triples if t.predicate == NamedNode("http://www.w3.org/ns/shacl#focusNode")]
    assert len(focus) == 1 and focus[0].value.startswith("https://w3id.org/rscao/")


# --- reference-data rules: no report can trigger them ------------------------------------------------------

EX = "https://example.org/test/"


def _node(name: str) -> NamedNode:
    return NamedNode(EX + name)


def _selectors(seg: NamedNode) -> list[Quad]:
    return [Quad(seg, OA.hasSelector, _node("seg/position")), Quad(seg, OA.hasSelector, _node("seg/quote"))]


_LINE = Literal("1", datatype=XSD.positiveInteger)
_SEG, _C = _node("seg"), _node("concept")

#: rule -> (quads with exactly that one thing wrong, focus node)
REFERENCE_CASES: dict[str, tuple[list[Quad], NamedNode]] = {
    "convenor-action-without-text": ([Quad(_node("action"), RDF.type, RSCAO.ConvenorAction)], _node("action")),
    "organisation-without-name": ([Quad(_node("org"), RDF.type, SCHEMA.Library)], _node("org")),
    "place-without-name": ([Quad(_node("place"), RDF.type, SCHEMA.City)], _node("place")),
    "person-without-name": ([Quad(_node("person"), RDF.type, SCHEMA.Person)], _node("person")),
    "country-without-iso-code": ([Quad(_node("country"), RDF.type, SCHEMA.Country),
                                  Quad(_node("country"), SCHEMA.name, Literal("Narnia", language="en"))],
                                 _node("country")),
    "segment-without-source": ([Quad(_SEG, RDF.type, RSCAO.SourceSegment), Quad(_SEG, RSCAO.startLine, _LINE),
                                *_selectors(_SEG)], _SEG),
    "segment-without-lines": ([Quad(_SEG, RDF.type, RSCAO.SourceSegment), Quad(_SEG, OA.hasSource, _node("doc")),
                               *_selectors(_SEG)], _SEG),
    "segment-without-selectors": ([Quad(_SEG, RDF.type, RSCAO.SourceSegment), Quad(_SEG, OA.hasSource, _node("doc")),
                                   Quad(_SEG, RSCAO.startLine, _LINE), _selectors(_SEG)[0]], _SEG),
    "concept-without-notation": ([Quad(_C, RDF.type, RSCAO.KeyInitiative), Quad(_C, SKOS.inScheme, _node("scheme")),
                                  Quad(_C, SKOS.prefLabel, Literal("Do things", language="en"))], _C),
    "concept-without-label": ([Quad(_C, RDF.type, RSCAO.StrategicDirection), Quad(_C, SKOS.inScheme, _node("scheme")),
                               Quad(_C, SKOS.notation, Literal("5"))], _C),
    "concept-without-scheme": ([Quad(_C, RDF.type, RSCAO.KeyInitiative), Quad(_C, SKOS.notation, Literal("5.1")),
                                Quad(_C, SKOS.prefLabel, Literal("Do things", language="en"))], _C),
}


@pytest.mark.parametrize("rule", list(REFERENCE_CASES))
def test_reference_rule_finding(rule: str) -> None:
    quads, focus = REFERENCE_CASES[rule]
    found = _shacl_findings(_rdflib_graph(quads), {}, "x")
    assert [(f.rule, f.severity, f.file, f.line, f.country, f.ordinal) for f in found] == [
        (rule, SEVERITY_OF[rule], "x", 0, None, None)]
    assert [f.focus for f in found] == [focus.value]
    assert [f.message for f in found] == [shape_message(rule)]


def test_reference_findings_through_a_build() -> None:
    quads, focus = REFERENCE_CASES["concept-without-scheme"]
    validation = validate_build(Build([], quads))
    assert [(f.rule, f.severity, f.file, f.line, f.focus) for f in validation.findings] == [
        ("concept-without-scheme", "violation", "(reference data)", 0, focus.value)]
    assert validation.findings[0].text() == (
        f"(reference data):0: violation: {focus.value}: A concept of the strategy that is in no scheme "
        "(data/strategy-2019-2024.ttl). [concept-without-scheme]")
    assert not validation.conforms


def test_country_code_must_be_two_capitals() -> None:
    country = _node("country")
    found = _shacl_findings(_rdflib_graph([Quad(country, RDF.type, SCHEMA.Country),
                                           Quad(country, RSCAO.isoAlpha2, Literal("cn"))]), {}, "x")
    assert [(f.rule, f.value) for f in found] == [("country-without-iso-code", "cn")]


def test_the_reference_data_conforms() -> None:
    build = build_dataset([], SETTINGS, load_reference())
    assert build.reference
    assert validate_build(build).findings == ()


# --- every rule has a case; every shape is documented ----------------------------------------------------


def test_shapes_load() -> None:
    validate_module._shapes.cache_clear()
    graph = validate_module._shapes()
    assert len(graph) == 436
    assert len(shape_nodes()) == len(REPORT_CASES) + len(REFERENCE_CASES)


def test_every_rule_has_a_case() -> None:
    """A new rule in the shapes file without a fixture fails here."""
    shapes = shape_nodes()
    assert set(shapes) == set(REPORT_CASES) | set(REFERENCE_CASES)
    assert not set(REPORT_CASES) & set(REFERENCE_CASES)
    assert {rule for rule, node in shapes.items() if is_deactivated(node)} == BUILD_RULES


def test_fixture_files_are_used() -> None:
    used = {name for c in REPORT_CASES.values() for name in c.files} | {"convenor-action-without-text.md"}
    assert {p.name for p in RULES.glob("*.md")} == used


@pytest.mark.parametrize("rule", sorted(shape_nodes()))
def test_shape_is_documented(rule: str) -> None:
    g, node = shapes_graph(), shape_nodes()[rule]
    assert rule == rule.lower() and " " not in rule and "_" not in rule
    comments = list(g.objects(node, rdflib.RDFS.comment))
    assert len(comments) == 1 and comments[0].language == "en" and str(comments[0]).strip()
    assert [SEVERITY.get(s) for s in g.objects(node, SH.severity)] in (["violation"], ["warning"], ["info"])
    messages = list(g.objects(node, SH.message))
    if is_deactivated(node):
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].language == "en" and str(messages[0]).strip()


# --- the sample report ------------------------------------------------------------------------------------

_INFERRED = ("Inferred, not stated: the country {} (from the names in its block; the Country column is empty). "
             "State it in the report to be sure.")


@pytest.fixture(scope="module")
def sample_validation(sample_path: Path) -> Validation:
    return validate_build(build_of(sample_path))


def test_sample_findings(sample_validation: Validation) -> None:
    f = SAMPLE_NAME
    assert [(x.rule, x.severity, x.file, x.line, x.country, x.ordinal) for x in sample_validation.findings] == [
        ("too-many-activities", "info", f, 52, "CN", 1),
        ("value-inferred", "info", f, 52, "CN", 1),
        ("value-inferred", "info", f, 55, "CN", 2),
        ("value-inferred", "info", f, 56, "CN", 3),
        ("value-inferred", "info", f, 57, "CN", 4),
        ("value-inferred", "info", f, 60, "JP", 1),
        ("value-inferred", "info", f, 61, "JP", 2),
        ("value-inferred", "info", f, 64, "KP", 1),
        ("activity-without-date", "warning", f, 65, "KP", 2),
        ("value-inferred", "info", f, 65, "KP", 2),
        ("activity-without-date", "warning", f, 68, "KR", 1),
        ("value-inferred", "info", f, 68, "KR", 1),
        ("activity-without-date", "warning", f, 69, "KR", 2),
        ("value-inferred", "info", f, 69, "KR", 2),
        ("value-inferred", "info", f, 70, "MN", 1),
        ("value-inferred", "info", f, 73, "MN", 2),
    ]
    assert sample_validation.conforms
    assert sample_validation.counts() == {"violation": 0, "warning": 3, "info": 13}


def test_sample_warning_lines(sample_validation: Validation) -> None:
    no_date = ('No date is given. The template asks for "Name and Date": add when the activity took place. '
               "[activity-without-date]")
    assert [x.text() for x in sample_validation.findings if x.severity == "warning"] == [
        f'{SAMPLE_NAME}:65: warning: KP #2 "The Grand People’s Study House active in…": {no_date}',
        f'{SAMPLE_NAME}:68: warning: KR #1 "The Yellow Apron Hashtag Challenge, the…": {no_date}',
        f'{SAMPLE_NAME}:69: warning: KR #2 "Connect Libraries by Sharing Authority D…": {no_date}',
    ]


def test_sample_info_messages(sample_validation: Validation) -> None:
    messages = {(x.rule, x.country, x.ordinal): x.message for x in sample_validation.findings}
    assert messages[("too-many-activities", "CN", 1)] == (
        "4 activities are listed for CN; the template asks for the two most impactful.")
    assert messages[("value-inferred", "CN", 2)] == _INFERRED.format("CN")
    assert messages[("value-inferred", "KP", 1)] == (
        "Inferred, not stated: the country KP (from the names in its block; the Country column is empty); the year "
        'of "Dec 4" (year taken from the name). State it in the report to be sure.')
    assert sum(1 for x in sample_validation.findings if x.rule == "too-many-activities") == 1


def test_finding_as_dict(sample_validation: Validation) -> None:
    first = sample_validation.findings[0]
    assert first.as_dict() == {
        "rule": "too-many-activities", "severity": "info", "focus": f"{REPORT_IRI}/activity/cn-1",
        "file": SAMPLE_NAME, "line": 52, "country": "CN", "ordinal": 1,
        "message": "4 activities are listed for CN; the template asks for the two most impactful.",
    }
    assert list(first.as_dict()) == ["rule", "severity", "focus", "file", "line", "country", "ordinal", "message"]


def _shacl_report(data: bytes) -> tuple[list[Any], list[Any]]:
    """(sh:conforms values, sh:result objects) of the one sh:ValidationReport in Turtle ``data``."""
    conforms, results, _, _ = _full_report(data)
    return conforms, results


def _full_report(data: bytes) -> tuple[list[Any], list[Any], list[Any], dict[str, str]]:
    """The report's sh:conforms values, sh:result objects, rscao:readingFinding objects and its counts."""
    triples = list(parse(data, format=RdfFormat.TURTLE))
    reports = [t.subject for t in triples if t.predicate == RDF.type
               and t.object == NamedNode("http://www.w3.org/ns/shacl#ValidationReport")]
    assert len(reports) == 1
    conforms = [t.object for t in triples if t.subject == reports[0]
                and t.predicate == NamedNode("http://www.w3.org/ns/shacl#conforms")]
    results = [t.object for t in triples if t.subject == reports[0]
               and t.predicate == NamedNode("http://www.w3.org/ns/shacl#result")]
    reading = [t.object for t in triples if t.subject == reports[0]
               and t.predicate == NamedNode("https://w3id.org/rscao/ontology#readingFinding")]
    counts = {t.predicate.value.rsplit("#", 1)[1]: t.object.value for t in triples if t.subject == reports[0]
              and t.predicate.value.startswith("https://w3id.org/rscao/ontology#") and isinstance(t.object, Literal)}
    return conforms, results, reading, counts


def test_sample_shacl_report(sample_validation: Validation) -> None:
    data = serialize(sample_validation.report_triples(), format=RdfFormat.TURTLE)
    conforms, results, reading, counts = _full_report(data)
    # SHACL: any result, a warning or an info included, means the data does not conform.
    assert conforms == [Literal("false", datatype=XSD.boolean)]
    assert len(results) == 16
    assert (reading, counts) == ([], {"violations": "0", "warnings": "3", "infos": "13"})
    assert sample_validation.conforms is True
    assert sample_validation.shacl_conforms is False
    assert sample_validation.report_triples() == sample_validation.report_triples()


# --- the shapes file cannot be loaded --------------------------------------------------------------------


@pytest.fixture
def broken_shapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    broken = tmp_path / "broken-shapes.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nrs:oops a sh:NodeShape ;\n", encoding="utf-8")
    validate_module._shapes.cache_clear()
    monkeypatch.setattr(validate_module, "resource_path", lambda *parts: broken)
    yield broken
    monkeypatch.undo()
    validate_module._shapes.cache_clear()


def test_broken_shapes_name_the_file(broken_shapes: Path, sample_path: Path) -> None:
    build = build_of(sample_path)
    with pytest.raises(InputError) as err:
        validate_build(build)
    assert str(err.value) == f'{broken_shapes}:2: the SHACL shapes cannot be loaded: Bad syntax (Prefix "rs:" not bound)'
    assert err.value.exit_code == 2


def test_shapes_load_again_after_a_broken_file() -> None:
    validate_module._shapes.cache_clear()
    assert validate_module._shapes() is validate_module._shapes()


# --- the command line --------------------------------------------------------------------------------------


def copy_fixture(work: Path, name: str) -> Path:
    target = work / name
    target.write_bytes((RULES / name).read_bytes())
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cli_validate_sample(work: Path, sample_path: Path) -> None:
    result = run("validate", str(sample_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "0 violation(s), 3 warning(s), 13 info(s)"
    assert len(lines) == 17
    assert f'{SAMPLE_NAME}:65: warning: KP #2 "The Grand People’s Study House active in…": No date is given. ' \
           'The template asks for "Name and Date": add when the activity took place. [activity-without-date]' in lines


def test_cli_validate_quiet_still_prints_problems(work: Path, sample_path: Path) -> None:
    result = run("-q", "validate", str(sample_path))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 4          # the 3 warnings, no infos, and the counts


def test_cli_validate_violation_exits_1(work: Path) -> None:
    copy_fixture(work, "activity-without-citation.md")
    result = run("validate", "activity-without-citation.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [REPORT_CASES["activity-without-citation"].text,
                                          "1 violation(s), 0 warning(s), 0 info(s)"]
    assert "Traceback" not in result.output


def test_cli_validate_json(work: Path, sample_path: Path) -> None:
    result = run("validate", str(sample_path), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 16
    for item in data:
        assert list(item) == ["rule", "severity", "focus", "file", "line", "country", "ordinal", "message"]
    assert [(d["rule"], d["line"], d["country"], d["ordinal"]) for d in data if d["severity"] == "warning"] == [
        ("activity-without-date", 65, "KP", 2), ("activity-without-date", 68, "KR", 1),
        ("activity-without-date", 69, "KR", 2)]


def test_cli_validate_turtle(work: Path, sample_path: Path) -> None:
    result = run("validate", str(sample_path), "--format", "turtle")
    assert result.exit_code == 0
    conforms, results = _shacl_report(result.stdout.encode("utf-8"))
    assert conforms == [Literal("false", datatype=XSD.boolean)]
    assert len(results) == 16


def test_cli_validate_turtle_with_violations(work: Path) -> None:
    copy_fixture(work, "citation-not-in-scheme.md")
    result = run("validate", "citation-not-in-scheme.md", "--format", "turtle")
    assert result.exit_code == 1
    conforms, results = _shacl_report(result.stdout.encode("utf-8"))
    assert conforms == [Literal("false", datatype=XSD.boolean)]
    assert len(results) == 1


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.md", b"", "empty.md: the file is empty (expected a bi-annual sub-regional report)"),
    ("odd.md", b"Report line one\n" + bytes(range(0x80, 0x100)) * 8,
     "odd.md:2: not UTF-8 (byte 0x80) and the encoding cannot be told (save the report as UTF-8)"),
])
def test_cli_validate_unreadable_report(work: Path, name: str, data: bytes, message: str) -> None:
    (work / name).write_bytes(data)
    result = run("validate", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"
    assert "Traceback" not in result.output


def test_cli_validate_without_reports(work: Path) -> None:
    result = run("validate")
    assert result.exit_code == 2
    assert result.stderr == (f"error: no reports folder {work / 'data' / 'reports'} (give report files or "
                             "folders as arguments, or set 'reports' in rscao.toml)\n")
    assert "Traceback" not in result.output


def test_cli_broken_shapes(work: Path, broken_shapes: Path, sample_path: Path) -> None:
    result = run("validate", str(sample_path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f'error: {broken_shapes}:2: the SHACL shapes cannot be loaded: '
                             'Bad syntax (Prefix "rs:" not bound)\n')
    assert 'Prefix "rs:" not bound' in result.stderr
    assert "Traceback" not in result.output


def test_cli_broken_shapes_one_line(work: Path, broken_shapes: Path, sample_path: Path) -> None:
    result = run("validate", str(sample_path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "b'" not in result.stderr and "<>" not in result.stderr


def test_cli_build_refuses_violations(work: Path) -> None:
    copy_fixture(work, "activity-without-citation.md")
    out = work / "dist"
    out.mkdir()
    (out / "dataset.ttl").write_text("# the previous build\n", encoding="utf-8")
    (out / ".rscao-build").write_text("", encoding="utf-8")
    (out / "sub").mkdir()
    (out / "sub" / "keep.bin").write_bytes(b"\x00\x01")
    before = snapshot(out)
    result = run("build", "activity-without-citation.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        REPORT_CASES["activity-without-citation"].text,
        "1 violation(s), 0 warning(s), 0 info(s)",
        f"error: validation found 1 violation(s); {out} was left as it was (fix the reports, or build with "
        "--allow-invalid)",
    ]
    assert snapshot(out) == before


def test_cli_build_allow_invalid(work: Path) -> None:
    copy_fixture(work, "activity-without-citation.md")
    result = run("build", "activity-without-citation.md", "--allow-invalid")
    assert result.exit_code == 0, result.output
    out = work / "dist"
    for name in ("dataset.trig", "dataset.nq", "dataset.ttl", "dataset.jsonld", "void.ttl", "validation.ttl"):
        assert (out / name).is_file(), name
    conforms, results = _shacl_report((out / "validation.ttl").read_bytes())
    assert conforms == [Literal("false", datatype=XSD.boolean)]
    assert len(results) == 1
    assert REPORT_CASES["activity-without-citation"].text in result.stderr


def test_cli_build_sample_writes_conforming_report(work: Path, sample_path: Path) -> None:
    result = run("build", str(sample_path))
    assert result.exit_code == 0, result.output
    conforms, results, _, counts = _full_report((work / "dist" / "validation.ttl").read_bytes())
    assert conforms == [Literal("false", datatype=XSD.boolean)]
    assert len(results) == 16
    assert counts["violations"] == "0"


def test_cli_build_with_a_resubmission(work: Path) -> None:
    for name in REPORT_CASES["report-replaced"].files:
        copy_fixture(work, name)
    result = run("build", *REPORT_CASES["report-replaced"].files)
    assert result.exit_code == 0, result.output
    assert REPORT_CASES["report-replaced"].text in result.stderr.splitlines()
    conforms, results, reading, counts = _full_report((work / "dist" / "validation.ttl").read_bytes())
    # The replaced report is no SHACL result (no engine could find it in the graph): a reading finding.
    assert conforms == [Literal("true", datatype=XSD.boolean)]
    assert (len(results), len(reading)) == (0, 1)
    assert counts == {"violations": "0", "warnings": "1", "infos": "0"}


def test_finding_text_without_activity() -> None:
    finding = Finding("r.md", 3, "warning", "text-outside-heading", "", "text in section I", name="report x/y")
    assert finding.text() == 'r.md:3: warning: report "x/y": text in section I [text-outside-heading]'


def test_findings_do_not_depend_on_batches_or_processes(tmp_path: Path, sample_path: Path) -> None:
    text = (RULES / "activity-without-citation.md").read_text(encoding="utf-8")
    other = write_report(tmp_path, text.replace("September 2019 – March 2020", "March 2020 – September 2020"))
    build = build_dataset([ReportFile(sample_path, sample_path.parent), ReportFile(other, other.parent)], SETTINGS, load_reference())
    sequential = validate_build(build, batch_size=25, workers=1)
    forked = validate_build(build, batch_size=1, workers=2)
    assert forked == sequential
    assert sequential.counts() == {"violation": 1, "warning": 4, "info": 13}


def test_the_shacl_report_is_standard(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, parse

    path = write_report(tmp_path, (RULES / "stated-link-not-url.md").read_text(encoding="utf-8"))
    triples = list(parse(validate_build(build_of(path)).turtle(), format=RdfFormat.TURTLE))
    sh = "http://www.w3.org/ns/shacl#"
    results = [t.subject for t in triples if t.object == NamedNode(sh + "ValidationResult")]
    for result in results:
        components = [t.object for t in triples if t.subject == result and t.predicate.value == sh + "sourceConstraintComponent"]
        assert len(components) == 1
    values = sorted(str(t.object) for t in triples if t.predicate.value == sh + "value")
    paths = sorted(t.object.value for t in triples if t.predicate.value == sh + "resultPath")
    assert (paths, values) == (["https://w3id.org/rscao/ontology#statedLink"], ['"htps://www.ifla.org/node/92613"'])
