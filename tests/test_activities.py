"""An activity interpreted: its date (from the name line, else from the details), its links from the
details when it has no links line, and the notes that say so (issue 9, Deliver items 5 and 6).

The reports are ``MINIMAL_REPORT``'s title block (period September 2019 to March 2020) with a table of
their own; the activity row is line 19.
"""

from __future__ import annotations

import pytest
from helpers import activity_row, codes, extract_text, lost_words, table_report

from rscao_graph.model import Activity, Report
from rscao_graph.read.markdown import read_markdown

LINE = 19


def one(*paragraphs: str, head: str = "#1 Name and Date: Reading camp") -> tuple[Activity, Report]:
    text = table_report(activity_row("Nepal", head, *paragraphs))
    report = extract_text(text)
    assert lost_words(read_markdown(text, "t.md"), report) == []
    (activity,) = report.activities
    return activity, report


def date_of(activity: Activity) -> tuple[object, ...]:
    d = activity.date
    return (d.text, d.start, d.end, d.precision, d.inferred, d.problem, d.open_end) if d else ()


@pytest.mark.parametrize(("details", "expected"), [
    ("Held from 12 to 14 January 2020 in Pokhara; a follow-up is planned for 2021.",
     ("12 to 14 January 2020", "2020-01-12", "2020-01-14", "day", "date taken from the details", None, False)),
    # of two dates, the one inside the reporting period
    ("The camp ran on 12 January 2020 and on 3 May 2020.",
     ("12 January 2020", "2020-01-12", None, "day", "date taken from the details", None, False)),
    ("Planned since 5 June 2018, the camp ran on 12 January 2020.",
     ("12 January 2020", "2020-01-12", None, "day", "date taken from the details", None, False)),
])
def test_a_date_from_the_details_when_the_name_has_none(details: str, expected: tuple[object, ...]) -> None:
    activity, report = one("Details:", details)
    assert (activity.name.value, date_of(activity)) == ("Reading camp", expected)
    assert codes(report, severity="info") == [("date-from-details", LINE)]


def test_two_dates_in_the_details_inside_the_period_give_none() -> None:
    activity, report = one("Details:", "Sessions on 12 January 2020 and on 3 February 2020.")
    assert (activity.date, [c for c, _ in codes(report)]) == (None, [])


def test_a_date_in_the_name_wins_over_the_details() -> None:
    activity, report = one("Details:", "Prepared since 5 June 2019.", head="#1 Name and Date: Reading camp, Nov 2019")
    assert date_of(activity) == ("Nov 2019", "2019-11", None, "month", None, None, False)
    assert codes(report) == []


@pytest.mark.parametrize(("head", "expected", "notes"), [
    ("#1 Name and Date: Reading camp, Tuesday 12 November 2019",
     ("Tuesday 12 November 2019", "2019-11-12", None, "day", None, None, False), []),
    ("#1 Name and Date: Reading camp, Monday 12 November 2019",
     ("Monday 12 November 2019", "2019-11-12", None, "day", None, None, False),
     [("date-weekday-mismatch", "warning")]),
    ("#1 Name and Date: Reading camp, 03/04/2020",
     ("03/04/2020", None, None, None, None, "ambiguous", False), [("date-ambiguous", "warning")]),
    ("#1 Name and Date: Reading camp, 12 Nov",
     ("12 Nov", "2019-11-12", None, "day", "year taken from the reporting period", None, False), []),
    ("#1 Name and Date: Reading camp, 12 Jun",
     ("12 Jun", None, None, None, None, "no-year", False), [("date-year-missing", "warning")]),
    ("#1 Name and Date: Reading camp, 31 November 2019",
     ("31 November 2019", None, None, None, None, "invalid", False), []),
    ("#1 Name and Date: Reading camp, since October 2019 (ongoing)",
     ("since October 2019 (ongoing)", "2019-10", None, "month", None, None, True), []),
    ("#1 Name and Date: Reading camp throughout the reporting period",
     ("throughout the reporting period", None, None, None, None, None, True), []),
    ("#1 Name and Date: Reading camp (ongoing)", ("ongoing", None, None, None, None, None, True), []),
])
def test_the_date_of_the_name_line(head: str, expected: tuple[object, ...], notes: list[tuple[str, str]]) -> None:
    activity, report = one("Details:", "Forty pupils.", head=head)
    assert (activity.name.value, date_of(activity)) == ("Reading camp", expected)
    assert [(n.code, n.severity) for n in report.notes if n.code.startswith("date")] == notes


def test_the_weekday_note_names_the_weekday() -> None:
    _, report = one("Details:", "x", head="#1 Name and Date: Reading camp, Monday 12 November 2019")
    (note,) = [n for n in report.notes if n.code == "date-weekday-mismatch"]
    assert (note.message, note.span.line) == (
        'the date "Monday 12 November 2019" is not a Monday; check the day', LINE)


# --- links (item 6): from the details only when there is no links line ------------------------------

def test_an_activity_with_no_links_line_takes_the_urls_of_its_details() -> None:
    activity, report = one("Details:", "Photos at https://a.example.org/photos and www.b.example.org/p.")
    assert ([link.text for link in activity.links], activity.url_mentions) == (
        ["https://a.example.org/photos", "www.b.example.org/p"], ())
    assert codes(report, severity="info") == [("links-from-details", LINE)]


def test_with_a_links_line_the_urls_of_the_details_stay_mentions() -> None:
    activity, report = one("Details:", "Photos at https://a.example.org/photos.", "Links: https://c.example.org/")
    assert ([link.text for link in activity.links], [m.text for m in activity.url_mentions]) == (
        ["https://c.example.org/"], ["https://a.example.org/photos"])
    assert codes(report) == []


def test_an_empty_links_line_keeps_the_details_urls_as_mentions() -> None:
    activity, _ = one("Details:", "Photos at https://a.example.org/photos.", "Links: to be added")
    assert ([link.text for link in activity.links], [m.text for m in activity.url_mentions]) == (
        [], ["https://a.example.org/photos"])
