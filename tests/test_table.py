from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import TABLE_HEADER, activity_row, codes, extract_text, lost_words, table_report

from rscao_graph.extract.citations import read_impact
from rscao_graph.extract.table import group_activities
from rscao_graph.model import Citation, Report, SourceDocument
from rscao_graph.read.markdown import read_markdown
from rscao_graph.reference import load_reference

HEAD = "Country\tActivities\tImpact\n"


def drafts(rows: str):
    return group_activities(read_markdown(HEAD + rows, "t.md").blocks)[:2]


def citations(draft) -> list[Citation]:
    return read_impact(draft.impact, load_reference().concepts, [])[0]


def test_continuation_rows_join_mid_sentence_and_citation_labels() -> None:
    found, notes = drafts(
        "\t<p>#1 Name and Date: Talk on Sep 9, 2019</p> <p>Details:</p> <p>Sessions on Win-win Library</p>"
        "\t<p>3. Connect and empower the field</p> <p>3.1 Provide excellent opportunities for face-to-face</p>\n"
        "\n\t<p>Exchanges and Cooperation.</p> <p>Links:</p>\t<p>networking and learning</p>\n"
        "\t<p>http://x.org/a</p>\t\n")
    assert notes == []
    (draft,) = found
    assert [t.value for t in draft.details] == ["Sessions on Win-win Library Exchanges and Cooperation."]
    assert [(c.notation, c.label) for c in citations(draft)] == [
        ("3", "Connect and empower the field"),
        ("3.1", "Provide excellent opportunities for face-to-face networking and learning")]
    assert [link.text for link in draft.links] == ["http://x.org/a"]
    assert (draft.span.line, draft.span.end_line) == (2, 5)


def test_complete_sentence_is_not_joined() -> None:
    (draft,), _ = drafts("\t<p>#1 Name and Date: A</p> <p>Details: One.</p>\t\n\t<p>Two.</p>\t\n")
    assert [t.value for t in draft.details] == ["One.", "Two."]


def test_urls_in_details_are_mentions_not_links() -> None:
    (draft,), _ = drafts("\t<p>#1 Name and Date: A</p> <p>Details: see https://a.org/x.</p> <p>Links: N/A</p>\t\n")
    assert (draft.links, [u.text for u in draft.url_mentions]) == ([], ["https://a.org/x"])


def test_unreadable_and_orphan_rows_are_kept_and_noted() -> None:
    found, notes = drafts("\t<p>Orphan text</p>\t<p>1.1 x</p>\n\t<p>#1 Name and Date: A</p>\t<p>Impact high</p>\n"
                          "lonely\tcell\n")
    assert [(n.code, n.span.line) for n in notes] == [("row-without-activity", 2), ("row-unreadable", 4)]
    assert [t.value for t in found[0].unparsed] == ["lonely cell"]
    impact_notes: list = []
    assert read_impact(found[0].impact, load_reference().concepts, impact_notes)[1][0].value == "Impact high"
    assert [n.code for n in impact_notes] == ["impact-unparsed"]


def test_activity_without_number() -> None:
    (draft,), notes = drafts("\t<p>Name and Date: Talk in Nov 2019</p>\t<p>2.1 x</p>\n")
    assert (draft.ordinal, draft.name.text) == (None, "Talk in Nov 2019")
    assert notes == []


def test_columns_follow_the_header() -> None:
    found, _, _ = group_activities(read_markdown(
        "Activities\tImpact\tCountry\n<p>#1 Name and Date: A</p>\t<p>2.1 x</p>\tJapan\n", "t.md").blocks)
    assert (found[0].country_text.value, citations(found[0])[0].notation) == ("Japan", "2.1")


def test_a_table_without_country_column_infers_nothing_from_the_activities_cell() -> None:
    found, _, _ = group_activities(read_markdown(
        "Activities\tImpact\n<p>#1 Name and Date: A</p>\t<p>2.1 x</p>\n", "t.md").blocks)
    assert (found[0].country_text, citations(found[0])[0].notation) == (None, "2.1")


# --- issue 9, Deliver items 2, 3, 6 and 10: the table as people fill it -----------------------------

ROW = activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: Forty pupils.",
                   "Links: https://a.example.org/x", impact="2.1 Produce")


def table(rows: str, header: str = TABLE_HEADER) -> Report:
    """The report of a table, checked to keep every word of its rows (``lost_words``)."""
    text = table_report(rows, header)
    report = extract_text(text)
    assert lost_words(read_markdown(text, "t.md"), report) == []
    return report


def facts(report: Report) -> list[tuple[object, ...]]:
    return [(a.country_text, a.ordinal, a.name.value if a.name else None, a.date.start if a.date else None,
             [d.value for d in a.details], [link.text for link in a.links], [c.notation for c in a.citations])
            for a in report.activities]


CAMP = ("Nepal", 1, "Camp", "2019-11-05", ["Forty pupils."], ["https://a.example.org/x"], ["2.1"])


@pytest.mark.parametrize("header", [
    "Country Name\tActivities\tImpact", "Country/Territory\tActivities\tImpact", "COUNTRY\tACTIVITIES\tIMPACT",
    "country\tactivities\timpact", "COUNTRY\tActivities (Name, Date, Details, Links)\tIFLA Strategy",
    "**Country**\t**Activities**\t**Impact**", "<p>Country</p>\t<p>Activities</p>\t<p>Impact</p>",
    "Country\tName of activities\tRelated IFLA Strategy 2019-2024", "Member country\tActivity\tImpact on Strategic Directions",
    "Countries\tEvents\tOutcomes", "Country \t Activities \t Impact ", "Economy\tProgrammes\tStrategy",
])
def test_the_header_in_any_wording(header: str) -> None:
    report = table(ROW, header + "\n")
    assert facts(report) == [CAMP]
    assert [(b.kind, b.span.line) for b in read_markdown(table_report(ROW, header + "\n"), "t.md").blocks[-2:]] == [
        ("table-header", 18), ("table-row", 19)]
    assert codes(report) == []


def test_extra_empty_rows_are_skipped() -> None:
    report = table("\t\t\n \t \t \n" + ROW + "\t\t\n\t<p></p>\t<p> </p>\n"
                   + activity_row("", "#2 Name and Date: Fair, 6 Nov 2019", "Details: y."))
    assert [(a.country_text, a.ordinal, a.name.value) for a in report.activities] == [("Nepal", 1, "Camp"),
                                                                                     ("Nepal", 2, "Fair")]
    assert codes(report) == []


def test_a_repeated_header_row_is_a_note() -> None:
    report = table(ROW + "COUNTRY\tACTIVITIES\tIMPACT\n" + activity_row("", "#2 Name and Date: Fair, 6 Nov 2019"))
    assert [(a.ordinal, a.name.value) for a in report.activities] == [(1, "Camp"), (2, "Fair")]
    assert codes(report) == [("header-repeated", 20)]


def test_entities_in_cells_are_decoded() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp &#8211; Kathmandu &amp; Pokhara, 5&ndash;6 Nov 2019",
                                "Details: x &lt;y&gt; &quot;z&quot;.", "Links: https://a.example.org/x?a=1&amp;b=2"))
    (activity,) = report.activities
    assert (activity.name.value, activity.date.text, activity.details[0].value, activity.links[0].text) == (
        "Camp – Kathmandu & Pokhara", "5–6 Nov 2019", 'x <y> "z".', "https://a.example.org/x?a=1&b=2")


def test_line_breaks_separate_the_fields_of_a_cell() -> None:
    report = table("Nepal\t#1 Name and Date: Camp, 5 Nov 2019<br>Details: Forty pupils.<br>Links: "
                   "https://a.example.org/x\t3.1 Provide<br>2.1 Produce\n")
    assert facts(report) == [("Nepal", 1, "Camp", "2019-11-05", ["Forty pupils."], ["https://a.example.org/x"],
                              ["3.1", "2.1"])]


# links: after any label, in paragraphs and continuation rows, broken by a page break

@pytest.mark.parametrize("label", ["Links:", "Link:", "Link(s):", "URL:", "Website:", "More information:", "Links :",
                                   "Links: :", "LINKS:"])
def test_links_after_any_label(label: str) -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: x.",
                                f"{label} https://a.example.org/x"))
    assert ([link.text for link in report.activities[0].links], codes(report)) == (["https://a.example.org/x"], [])


@pytest.mark.parametrize("rows", [
    activity_row("Nepal", "#1 Name and Date: Camp", "Details: x.", "Links:", "https://a.example.org/x",
                 "https://b.example.org/y"),
    activity_row("Nepal", "#1 Name and Date: Camp", "Details: x.", "Links: https://a.example.org/x")
    + activity_row("", "https://b.example.org/y", impact=""),
    activity_row("Nepal", "#1 Name and Date: Camp", "Details: x.", "Links: https://a.example.org/x and")
    + "\n" + activity_row("", "<https://b.example.org/y>", impact=""),
])
def test_links_in_paragraphs_and_continuation_rows(rows: str) -> None:
    report = table(rows)
    assert ([link.text for link in report.activities[0].links], codes(report)) == (
        ["https://a.example.org/x", "https://b.example.org/y"], [])


@pytest.mark.parametrize("tail", [
    "camp-photos", "2019/camp.html", "photos/123", "index.php?id=4",
    pytest.param("camp-photos.html"),
])
def test_a_url_broken_by_a_page_break_is_joined(tail: str) -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp", "Details: x.", "Links: https://a.example.org/news/")
                   + f"\t<p>{tail}</p>\t\n")
    assert [link.text for link in report.activities[0].links] == [f"https://a.example.org/news/{tail}"]
    assert codes(report) == [("link-joined", 20)]


def test_junk_after_links_is_kept_with_the_details() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp", "Details: x.",
                                "Links: see the page of the library on the website"))
    (activity,) = report.activities
    assert ([d.value for d in activity.details], activity.links) == (
        ["x.", "see the page of the library on the website"], ())
    assert codes(report) == [("links-expected", 19)]


# activity boundaries in the table

@pytest.mark.parametrize("heads", [
    ("1. Camp, 5 Nov 2019", "2. Fair, 6 Nov 2019"),
    ("1) Camp, 5 Nov 2019", "2) Fair, 6 Nov 2019"),
    ("1 - Camp, 5 Nov 2019", "2 - Fair, 6 Nov 2019"),
    ("#1: Camp, 5 Nov 2019", "#2: Fair, 6 Nov 2019"),
    ("No.1 Camp, 5 Nov 2019", "No.2 Fair, 6 Nov 2019"),
    ("Activity 1 Camp, 5 Nov 2019", "Activity 2 Fair, 6 Nov 2019"),
    ("#1 Event and Date Camp, 5 Nov 2019", "#2 Title & date: Fair, 6 Nov 2019"),
    pytest.param(("(1) Camp, 5 Nov 2019", "(2) Fair, 6 Nov 2019"), id="(1)"),
])
def test_numbers_without_a_label_start_activities_with_a_details_line(heads: tuple[str, str]) -> None:
    report = table(activity_row("Nepal", heads[0], "Details: x.", "Links: https://a.example.org/x")
                   + activity_row("", heads[1], "Details: y.", "Links: https://b.example.org/y"))
    assert [(a.ordinal, a.ordinal_inferred, a.name.value, a.date.start) for a in report.activities] == [
        (1, False, "Camp", "2019-11-05"), (2, False, "Fair", "2019-11-06")]
    assert codes(report) == []


def test_the_name_in_the_next_paragraph() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date:", "Camp, 5 Nov 2019", "Details: x.")
                   + activity_row("", "Activity 2 Title and Date", "Fair, 6 Nov 2019", "Details: y."))
    assert [(a.ordinal, a.name.value, a.date.start, [d.value for d in a.details]) for a in report.activities] == [
        (1, "Camp", "2019-11-05", ["x."]), (2, "Fair", "2019-11-06", ["y."])]


def test_a_countrys_only_activity_without_a_number_is_1() -> None:
    report = table(activity_row("Nepal", "Name and Date: Camp, 5 Nov 2019", "Details: x.")
                   + activity_row("Bhutan", "Fair, 6 Nov 2019", "Details: y."))
    assert [(a.country_text, a.ordinal, a.ordinal_inferred, a.name.value) for a in report.activities] == [
        ("Nepal", 1, True, "Camp"), ("Bhutan", 1, True, "Fair")]
    assert codes(report) == [("ordinal-missing", 19), ("ordinal-missing", 20), ("activity-header-missing", 20)]


def test_a_hashtag_or_a_rank_in_the_details_starts_nothing() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details:", "#ReadNepal trended.",
                                "#2 in the national ranking of reading camps.", "Links: https://a.example.org/x"))
    assert [(a.ordinal, [d.value for d in a.details]) for a in report.activities] == [
        (1, ["#ReadNepal trended.", "#2 in the national ranking of reading camps."])]


def test_the_ordinal_is_the_number_written() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp", "Details: x.")
                   + activity_row("Nepal", "#3 Name and Date: Fair", "Details: y.")
                   + activity_row("Bhutan", "#4 Name and Date: Talk", "Details: z."))
    assert [(a.country_text, a.ordinal) for a in report.activities] == [("Nepal", 1), ("Nepal", 3), ("Bhutan", 4)]


def test_a_weak_number_without_evidence_is_text_of_the_activity_above() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: Two steps:")
                   + activity_row("", "1. reading aloud;", impact=""))
    assert [(a.ordinal, [d.value for d in a.details]) for a in report.activities] == [
        (1, ["Two steps:", "1. reading aloud;"])]
    assert codes(report) == [("activity-header-doubtful", 20)]


def test_a_decimal_number_continues_the_sentence_above() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details:", "Visitors in 2019:")
                   + activity_row("Nepal", "1.5 million, twice as many as in 2018.", "Links: https://a.example.org/x",
                                  impact=""))
    assert facts(report) == [("Nepal", 1, "Camp", "2019-11-05", ["Visitors in 2019: 1.5 million, twice as many as in "
                                                                 "2018."], ["https://a.example.org/x"], ["3.1"])]


# nothing silent: every word of a row in the model or in a note on its line

def silent(text: str) -> tuple[Report, list[tuple[int, str]]]:
    report = extract_text(text)
    return report, lost_words(read_markdown(text, "t.md"), report)


def test_the_helper_finds_a_lost_word(sample: Report, sample_doc: SourceDocument) -> None:
    assert lost_words(sample_doc, sample) == []
    first = sample.activities[0]
    dropped = replace(sample, activities=(replace(first, details=first.details[1:]), *sample.activities[1:]))
    # the words of its first paragraph of details that no other field, name found or note of the line holds
    assert lost_words(sample_doc, dropped) == [(52, w) for w in (
        "300", "about", "as", "attended", "community", "countries", "domestic", "etc", "people", "professionals",
        "september", "such", "than", "totaling", "well")]


@pytest.mark.parametrize(("row", "kept", "notes"), [
    # a doubled tab: the Impact cell is the fourth
    ("Nepal\t<p>#1 Name and Date: Camp, 5 Nov 2019</p>\t\t<p>3.1 Provide</p>\n", ["3.1 Provide"],
     [("row-extra-cell", 19)]),
    ("Nepal\t<p>#1 Name and Date: Camp</p>\t<p>3.1 Provide</p>\t<p>Extra words here</p>\n", ["Extra words here"],
     [("row-extra-cell", 19)]),
    # unbalanced <p>, text between paragraphs, a name in angle brackets
    ("Nepal\t<p>#1 Name and Date: Camp <p>Details: x.</p></p> <p>Links: https://a.example.org/x\t<p>3.1 P</p></p>\n",
     [], []),
    ("Nepal\t<p>#1 Name and Date: Camp</p> Forty pupils came. <p>Details: x.</p>\t<p>3.1 Provide</p>\n", [], []),
    ("Nepal\t<p>#1 Name and Date: Workshop on <Digital Libraries>, 5 Nov 2019</p>\t<p>3.1 Provide</p>\n", [], []),
    # "p>#2 Name and Date: ..." starts an activity; its stray "p" is kept and noted
    ("Nepal\t<p>#1 Name and Date: Camp</p> <p>Details: x.</p> p>#2 Name and Date: Fair</p>\t<p>3.1 Provide</p>\n",
     [], [("activity-header-inside", 19)]),
    # a row of one or two cells
    (ROW + "A lonely line in the table without tabs\n", [], [("row-unreadable", 20)]),
    (ROW + "Bhutan\t<p>#1 Name and Date: Fair, 6 Nov 2019</p>\n", [], [("row-unreadable", 20)]),
    (ROW + "IV. Remarks\n\nThank you all.\n", ["IV. Remarks", "Thank you all."],
     [("text-after-table", 20), ("text-after-table", 22)]),
])
def test_nothing_of_a_row_is_silent(row: str, kept: list[str], notes: list[tuple[str, int]]) -> None:
    report, lost = silent(table_report(row))
    assert (lost, [t.value for t in report.unparsed], codes(report, severity="warning")) == ([], kept, notes)


def test_a_name_in_angle_brackets_stays_in_the_name() -> None:
    report = table("Nepal\t<p>#1 Name and Date: Workshop on <Digital Libraries>, 5 Nov 2019</p>\t<p>3.1 P</p>\n")
    assert (report.activities[0].name.value, report.activities[0].date.start) == (
        "Workshop on <Digital Libraries>", "2019-11-05")


@pytest.mark.parametrize("rows", [
    pytest.param(ROW + activity_row("Bhutan", "and ten teachers came.", impact=""), id="continuation-row"),
    pytest.param(ROW + "Bhutan\t\t\n" + activity_row("", "#1 Name and Date: Fair, 6 Nov 2019"), id="country-only-row"),
    pytest.param("Nepal\t<p>Some text first.</p>\t<p>2.1 x</p>\n" + activity_row("", "#1 Name and Date: Fair"),
                 id="row-before-any-activity"),
])
def test_a_country_cell_is_never_dropped(rows: str) -> None:
    _, lost = silent(table_report(rows))
    assert lost == []


def test_text_before_a_header_inside_a_paragraph_is_read_as_its_own_paragraph() -> None:
    report = table("Nepal\t<p>#1 Name and Date: Camp</p> <p>Details: x. #2 Name and Date: Fair</p>\t<p>3.1 P</p>\n")
    assert [(a.ordinal, [d.value for d in a.details], [u.value for u in a.unparsed]) for a in report.activities] == [
        (1, ["x."], []), (2, [], [])]


# --- nothing of a row lost, in the forms issue 10 (item 4) found --------------------------------------

def kept(report: Report) -> tuple[list[str], list[tuple[str, int, str]]]:
    """The report's unparsed text and its warnings and infos about the table (code, line, message)."""
    return ([t.value for t in report.unparsed],
            [(n.code, n.span.line, n.message) for n in report.notes if n.code not in ("value-inferred",)])


def test_words_before_the_first_header_of_a_row_are_kept() -> None:
    report = table("Nepal\tWords before it <p>#1 Name and Date: Camp, 5 Nov 2019</p>\t<p>2.1 Produce</p>\n")
    assert facts(report) == [("Nepal", 1, "Camp", "2019-11-05", [], [], ["2.1"])]
    assert kept(report)[0] == ["Words before it"]
    assert kept(report)[1][0] == ("row-without-activity", 19, 'table text before any "#1 Name and Date:": "Words '
                                  'before it"; kept as stated')


def test_an_activity_merged_into_the_name_line_above_starts_an_activity() -> None:
    report = table("Nepal\t<p>#1 Name and Date: Camp, 4 Nov 2019 p>#2 Name and Date: Book fair, 5 Nov 2019</p> "
                   "<p>Details: Forty pupils.</p>\t<p>2.1 Produce</p>\n")
    assert facts(report) == [("Nepal", 1, "Camp", "2019-11-04", [], [], []),
                             ("Nepal", 2, "Book fair", "2019-11-05", ["Forty pupils."], [], ["2.1"])]
    assert [n for n in kept(report)[1] if n[0] == "activity-header-inside"] == [
        ("activity-header-inside", 19, 'an activity header inside a paragraph, after "#1 Name and Date: Camp, 4 Nov '
         '2019" (read with the activity above); the broken tag "p>" before it is dropped; start it on a line of its '
         "own")]
    assert report.activities[0].span == report.activities[1].span  # both from the row


def test_a_row_that_goes_on_with_the_next_activity_gives_the_activity_above_its_first_paragraph() -> None:
    report = table(activity_row("Nepal", "#1 Name and Date: Camp, 5 Nov 2019", "Details: Forty pupils")
                   + "\t<p>and teachers came.</p> <p>#2 Name and Date: Fair, 6 Nov 2019</p>\t<p>2.1 Produce</p>\n")
    assert [(a.ordinal, [(d.value, d.span.line, d.span.end_line) for d in a.details], a.span.line, a.span.end_line)
            for a in report.activities] == [(1, [("Forty pupils and teachers came.", 19, 20)], 19, 20), (2, [], 20, 20)]


def test_the_impact_cell_of_a_row_with_no_activities_is_kept() -> None:
    report = table("Bhutan\t<p>No activities reported for this period.</p>\t<p>Nothing to cite.</p>\n" + ROW)
    assert kept(report) == (["No activities reported for this period.", "Nothing to cite."], [
        ("no-activities", 19, 'no activity reported for Bhutan: "No activities reported for this period."; the Impact '
         'cell "Nothing to cite." is kept as stated')])


def test_the_country_cell_of_a_row_before_any_activity_is_kept() -> None:
    report = table("Some words in the first cell\t\t<p>2.1 x</p>\n" + ROW)
    assert kept(report)[0] == ["Some words in the first cell", "2.1 x"]
