from __future__ import annotations

import pytest

from rscao_graph.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("Sep 9-10, 2019", "2019-09-09", "2019-09-10", "day"),
    ("Nov 21-29, 2019", "2019-11-21", "2019-11-29", "day"),
    ("Nov 2019", "2019-11", None, "month"),
    ("September 5, 2019", "2019-09-05", None, "day"),
    ("9 and 10 September 2019", "2019-09-09", "2019-09-10", "day"),
    ("December 4th, 2019", "2019-12-04", None, "day"),
    ("30 Nov - 2 Dec 2019", "2019-11-30", "2019-12-02", "day"),
    ("Nov 30 – Dec 2, 2019", "2019-11-30", "2019-12-02", "day"),
    ("2 March 2020", "2020-03-02", None, "day"),
    ("Sept. 3, 2019", "2019-09-03", None, "day"),
    ("2019-11-21", "2019-11-21", None, "day"),
    ("2019-11", "2019-11", None, "month"),
    ("Sep - Nov 2019", "2019-09", "2019-11", "month"),
    ("2019", "2019", None, "year"),
    ("28 Dec 2019 - 3 Jan 2020", "2019-12-28", "2020-01-03", "day"),
    ("Dec 28, 2019 - Jan 3, 2020", "2019-12-28", "2020-01-03", "day"),
    ("Dec 30 - Jan 2, 2020", "2019-12-30", "2020-01-02", "day"),
    ("December 2019 - January 2020", "2019-12", "2020-01", "month"),
    ("Oct-Dec 2019", "2019-10", "2019-12", "month"),
])
def test_parse_date(text: str, start: str, end: str | None, precision: str) -> None:
    date = parse_date(text)
    assert (date.start, date.end, date.precision, date.valid) == (start, end, precision, True)


@pytest.mark.parametrize("text", ["Sep 31, 2019", "Feb 29, 2019", "2019-13", "Nov 29-21, 2019"])
def test_no_calendar_date(text: str) -> None:
    date = parse_date(text)
    assert date is not None
    assert date.valid is False


def test_year_missing_then_supplied() -> None:
    date = parse_date("Dec 4")
    assert (date.year, date.start, date.valid) == (None, None, False)
    assert date.with_year(2019).start == "2019-12-04"
    span = parse_date("Dec 30 - Jan 2").with_year(2019)
    assert (span.start, span.end, span.valid) == ("2019-12-30", "2019-01-02", False)


def test_not_a_date() -> None:
    assert parse_date("the Marrakesh Treaty") is None
    assert find_dates("libraries may 10 times more") == []
    assert [d.text for d in find_dates("World Aids Day 2019 on Dec 4")] == ["Dec 4"]
    assert [d.text for d in find_dates("The 2019 Southeast Asian Librarians Seminar")] == []


# --- issue 9, Deliver item 5: one grammar for the shapes people write -----------------------------

@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    # day ranges: ordinals, any dash, "to", "&", "and" (consecutive days), "until"
    ("3rd–5th May 2021", "2021-05-03", "2021-05-05", "day"),
    ("3rd to 5th May 2021", "2021-05-03", "2021-05-05", "day"),
    ("3 & 4 May 2021", "2021-05-03", "2021-05-04", "day"),
    ("3 and 4 May 2021", "2021-05-03", "2021-05-04", "day"),
    ("19—21 May, 2021", "2021-05-19", "2021-05-21", "day"),
    ("5 May until 7 May 2021", "2021-05-05", "2021-05-07", "day"),
    # cross-month and cross-year ranges
    ("28 April – 2 May 2021", "2021-04-28", "2021-05-02", "day"),
    ("30 December 2020 – 2 January 2021", "2020-12-30", "2021-01-02", "day"),
    ("Dec 30, 2020 to Jan 2, 2021", "2020-12-30", "2021-01-02", "day"),
    ("Dec 2020 - Jan 2021", "2020-12", "2021-01", "month"),
    ("December 2020 to January 2021", "2020-12", "2021-01", "month"),
    # numeric forms
    ("17/05/2021", "2021-05-17", None, "day"),
    ("17-18/05/2021", "2021-05-17", "2021-05-18", "day"),
    ("17.05.2021", "2021-05-17", None, "day"),
    ("7.8.2021", "2021-08-07", None, "day"),
    ("20-21.10.2020", "2020-10-20", "2020-10-21", "day"),
    ("2021-05-17", "2021-05-17", None, "day"),
    ("2021.5.7", "2021-05-07", None, "day"),
    ("2020.10.20", "2020-10-20", None, "day"),
    ("2021-03", "2021-03", None, "month"),
    ("05/17/2021", "2021-05-17", None, "day"),  # month first: the only reading
    # weekdays beside the day
    ("Monday, 17 May 2021", "2021-05-17", None, "day"),
    ("Wed 19 May 2021", "2021-05-19", None, "day"),
    ("17 May 2021 (Monday)", "2021-05-17", None, "day"),
    # abbreviated months, with or without a full stop; the day first or last; "the 5th of"
    ("Jun. 2021", "2021-06", None, "month"),
    ("Sept. 2021", "2021-09", None, "month"),
    ("June 5th, 2021", "2021-06-05", None, "day"),
    ("the 5th of June 2021", "2021-06-05", None, "day"),
    ("5th of June, 2021", "2021-06-05", None, "day"),
    # month ranges
    ("Sep./Oct. 2020", "2020-09", "2020-10", "month"),
    ("Sep/Oct 2020", "2020-09", "2020-10", "month"),
    ("June/July 2021", "2021-06", "2021-07", "month"),
    ("May-June 2021", "2021-05", "2021-06", "month"),
    ("Nov 2021 - Feb 2022", "2021-11", "2022-02", "month"),
    # early / mid / late: month precision
    ("early June 2021", "2021-06", None, "month"),
    ("mid-June 2021", "2021-06", None, "month"),
    ("mid June 2021", "2021-06", None, "month"),
    ("late June 2021", "2021-06", None, "month"),
    ("end of March 2021", "2021-03", None, "month"),
    # quarters: a month range
    ("Q1 2021", "2021-01", "2021-03", "month"),
    ("Q3 2021", "2021-07", "2021-09", "month"),
    ("Q2, 2021", "2021-04", "2021-06", "month"),
    ("Q4 2021 - Q1 2022", "2021-10", "2022-03", "month"),
    ("third quarter of 2021", "2021-07", "2021-09", "month"),
    ("1st quarter 2021", "2021-01", "2021-03", "month"),
    # a year alone, years
    ("2021", "2021", None, "year"),
    ("2020-2021", "2020", "2021", "year"),
    ("29 February 2020", "2020-02-29", None, "day"),
])
def test_every_shape(text: str, start: str, end: str | None, precision: str) -> None:
    date = parse_date(text)
    assert (date.text, date.start, date.end, date.precision, date.valid, date.ambiguous, date.open_end) == (
        text, start, end, precision, True, False, False)


@pytest.mark.parametrize(("text", "weekday"), [
    ("Monday, 17 May 2021", None), ("17 May 2021 (Monday)", None), ("Fri, 15 Nov 2019", None),
    ("Tuesday 17 May 2021", "tuesday"), ("12 November 2019 (Friday)", "friday"), ("Sun. 17 May 2021", "sun"),
])
def test_a_weekday_beside_a_day_is_checked(text: str, weekday: str | None) -> None:
    date = parse_date(text)
    assert (date.start is not None, date.weekday) == (True, weekday)


@pytest.mark.parametrize(("text", "ambiguous", "start"), [
    ("03/04/2021", True, None),  # 3 April or March 4: kept as stated, never guessed
    ("03-04-2021", True, None),
    ("04/04/2021", False, "2021-04-04"),  # both readings are one date
    ("13/04/2021", False, "2021-04-13"),
    ("04/13/2021", False, "2021-04-13"),
    ("03.04.2021", False, "2021-04-03"),  # with full stops: day first
])
def test_a_numeric_date_that_reads_two_ways_is_ambiguous(text: str, ambiguous: bool, start: str | None) -> None:
    date = parse_date(text)
    assert (date.ambiguous, date.start, date.valid) == (ambiguous, start, not ambiguous)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("since June 2021 (ongoing)", "2021-06", None),
    ("since 3 June 2021", "2021-06-03", None),
    ("June 2021 – present", "2021-06", None),
    ("June 2021 (ongoing)", "2021-06", None),
])
def test_a_date_that_starts_and_does_not_end(text: str, start: str, end: None) -> None:
    date = parse_date(text)
    assert (date.text, date.start, date.end, date.open_end, date.valid) == (text, start, end, True, True)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("31 June 2021", None, None), ("29 February 2021", None, None), ("2021-02-30", None, None),
    ("31.04.2021", None, None), ("30-31 June 2021", "2021-06-30", None), ("5-3 May 2021", "2021-05-05", "2021-05-03"),
])
def test_a_stated_date_that_is_no_calendar_date_keeps_its_text(text: str, start: str | None, end: str | None) -> None:
    date = parse_date(text)
    assert (date.text, date.start, date.end, date.valid, date.ambiguous) == (text, start, end, False, False)


@pytest.mark.parametrize(("text", "found"), [
    ("The library opened on Monday, 6 January 2020 and again in March 2020; 300 visitors in 2020.",
     [("Monday, 6 January 2020", "2020-01-06", None), ("March 2020", "2020-03", None)]),
    ("Workshop from 28 April to 2 May 2021", [("28 April to 2 May 2021", "2021-04-28", "2021-05-02")]),
    ("Camp, since 3 June 2021 (ongoing), 40 pupils", [("since 3 June 2021 (ongoing)", "2021-06-03", None)]),
    ("We may 5 times read 10 books in March.", []),
    ("Room 12, 3rd floor, Wed and Sat", []),
])
def test_dates_in_running_text(text: str, found: list[tuple[str, str, str | None]]) -> None:
    assert [(d.text, d.start, d.end) for d in find_dates(text)] == found


def test_between_two_days_is_a_range() -> None:
    assert [(d.text, d.start, d.end) for d in find_dates("Workshop between 3 and 5 May 2021")] == [
        ("between 3 and 5 May 2021", "2021-05-03", "2021-05-05")]
