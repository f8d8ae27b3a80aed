"""Template-aware extraction: a :class:`~rscao_graph.model.SourceDocument` in, a
:class:`~rscao_graph.model.Report` out.

The document is cut into the title block, section I (the convenor's actions) and the activities
table; each part has a module of its own. Gaps are recorded as notes, never raised; only a document
in which neither the title block nor any section of the template can be found is unreadable.
"""

from __future__ import annotations

from ..errors import ReportError
from ..model import Block, Note, Report, SourceDocument, Text
from ..reference import Reference
from .activities import interpret_activity
from .countries import assign_countries, number_unnumbered
from .header import read_header
from .mentions import finder_for
from .sections import SECTION_RE, read_section_one
from .table import group_activities

__all__ = ["extract_report"]


def _split_sections(blocks: tuple[Block, ...]) -> tuple[list[Block], list[Block], list[Block], bool]:
    """Text blocks of the title block, of section I and after the table (which the template does not
    have), and whether any section mark was found. The text of sections II and III before the table
    is the template's own instructions."""
    header: list[Block] = []
    section_one: list[Block] = []
    after_table: list[Block] = []
    current = "header"
    found = False
    for block in blocks:
        if block.kind != "text":
            found = True
            current = "table"
            continue
        if current == "table":
            after_table.append(block)
            continue
        if m := SECTION_RE.match(block.text):
            found = True
            current = "I" if m.group("num") == "I" else "later"
            continue
        if current == "header":
            header.append(block)
        elif current == "I":
            section_one.append(block)
    return header, section_one, after_table, found


def extract_report(doc: SourceDocument, reference: Reference) -> Report:
    """Extract the report a document states, with the ``reference`` data (``load_reference()``).

    Raises :class:`ReportError` (exit 2) when the document is not a report of the template at all:
    no title block ("Bi-annual Sub-Regional Report", "Reporting Period", "Sub-region:") and no
    section ("I. Achievements ...", the activities table).
    """
    finder = finder_for(reference)
    notes: list[Note] = list(doc.notes)
    header_blocks, section_blocks, after_table, sections_found = _split_sections(doc.blocks)
    header = read_header(header_blocks, notes)
    title_found = header.title is not None or header.period is not None or header.sub_region is not None
    if not title_found and not sections_found:
        raise ReportError("not a bi-annual sub-regional report: neither its title block nor its sections were found",
                          file=doc.name, line=1,
                          hint='expected "Bi-annual Sub-Regional Report", "Sub-region:", "I. Achievements ..." '
                               "and the Country / Activities / Impact table")
    subregion = reference.subregion(header.sub_region.value) if header.sub_region else None
    if header.sub_region is not None and subregion is None:
        known = ", ".join(s.name for s in reference.subregions.values())
        notes.append(Note("subregion-unknown", "warning", f'the sub-region "{header.sub_region.value}" is none of the '
                          f"RSCAO sub-regions ({known}); its countries cannot be checked", header.sub_region.span))
    context = finder.context_for(doc, subregion)
    headings, actions = read_section_one(section_blocks, finder, notes, context)
    drafts, table_notes, orphans = group_activities(doc.blocks)
    notes.extend(table_notes)
    for block in after_table:
        orphans.append(Text(block.text, block.span))
        notes.append(Note("text-after-table", "warning",
                          "text after the activities table, which the template does not have; kept as stated",
                          block.span))
    activities = []
    for draft in drafts:
        activity, found = interpret_activity(draft, finder, reference, header.period, context)
        activities.append(activity)
        notes.extend(found)
    activities, country_notes = assign_countries(activities, reference)
    notes.extend(country_notes)
    activities, number_notes = number_unnumbered(activities)
    notes.extend(number_notes)
    if not any(b.kind in ("table-header", "table-row") for b in doc.blocks):
        where = doc.blocks[-1].span if doc.blocks else None
        if where is not None:
            notes.append(Note("table-missing", "violation",
                              "the Country / Activities / Impact table was not found; the report may be truncated",
                              where))
    notes.sort(key=lambda n: (n.span.line, n.span.start, n.code))
    return Report(doc.name, header.committee, header.sub_region, header.convenor, header.period, header.submitted,
                  tuple(headings), tuple(actions), tuple(activities), tuple(notes), doc.text, tuple(orphans),
                  header.convenor_title)
