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
