"""Where an activity starts: the header in every form a person types (``extract/boundaries.py``; issue 9,
Deliver item 3). Whole-table cases (weak starts accepted with evidence, the name in the next paragraph, a
country's only activity without a number) are in ``test_table.py``."""

from __future__ import annotations

import itertools

import pytest

from rscao_graph.extract.boundaries import DETAILS_RE, LINKS_RE, HeaderMatch, find_header, is_no_activity

NUMBERS = ["#1", "#1.", "#1:", "# 1", "1.", "1)", "(1)", "1 -", "1 –", "No.1", "No. 1", "Activity 1", "Activity #1",
           "Activity 1:", "ACTIVITY 1", "activity no. 1", "#01"]
LABELS = ["Name and Date:", "Name & Date:", "Name/Date:", "Title and Date:", "Event and Date:", "NAME AND DATE:",
          "name and date:", "Name and Date", "Name and date -", "Name, Date:", "Title & Date", "Event/Date:"]


@pytest.mark.parametrize(("number", "label"), list(itertools.product(NUMBERS, LABELS)))
def test_a_number_and_a_label_start_an_activity(number: str, label: str) -> None:
    text = f"{number} {label} Reading camp, 5 Nov 2019"
    expected = HeaderMatch(1, "Reading camp, 5 Nov 2019")
    assert (find_header(text, row_start=True), find_header(text, row_start=False)) == (expected, expected)


@pytest.mark.parametrize("label", [label for label in LABELS if label.rstrip().endswith((":", "-"))])
def test_a_label_alone_starts_an_activity_without_a_number(label: str) -> None:
    assert find_header(f"{label} Reading camp", row_start=False) == HeaderMatch(None, "Reading camp")


@pytest.mark.parametrize(("text", "expected"), [
    ("#2 Reading camp", HeaderMatch(2, "Reading camp")),
    ("#2: Reading camp", HeaderMatch(2, "Reading camp")),
    ("#12. Reading camp", HeaderMatch(12, "Reading camp")),
    ("No.3 Reading camp", HeaderMatch(3, "Reading camp")),
    ("Activity 3 - Reading camp", HeaderMatch(3, "Reading camp")),
    ("Activity #4", HeaderMatch(4, "")),
    ("#1 Name and Date:", HeaderMatch(1, "")),  # the name in the next paragraph
    ("3. Reading camp", HeaderMatch(3, "Reading camp", weak=True)),
    ("3) Reading camp", HeaderMatch(3, "Reading camp", weak=True)),
    ("3 - Reading camp", HeaderMatch(3, "Reading camp", weak=True)),
    # a hashtag, a rank, a year, a count start nothing
    ("#ReadingCamp was trending", None),
    ("#ReadNepal", None),
    ("2019 was busy", None),
    ("10 libraries took part", None),
    ("The #3 library of the country", None),
])
def test_a_number_alone_at_the_start_of_a_row(text: str, expected: HeaderMatch | None) -> None:
    assert find_header(text, row_start=True) == expected


@pytest.mark.parametrize("text", ["#2 Reading camp", "3. Reading camp", "Activity 2", "#ReadNepal"])
def test_a_number_alone_inside_a_cell_starts_nothing(text: str) -> None:
    assert find_header(text, row_start=False) is None


def test_a_header_inside_a_paragraph_says_where_it_starts() -> None:
    assert find_header("Forty pupils came. #2 Name and Date: Fair, 6 Nov 2019", row_start=False) == HeaderMatch(
        2, "Fair, 6 Nov 2019", at=19)
    assert find_header("p>#2 Name and Date: Fair", row_start=True) == HeaderMatch(2, "Fair", at=2)
    assert find_header("See #ReadNepal on the #2 list", row_start=False) is None


def test_a_number_in_parentheses_is_a_weak_start() -> None:
    assert find_header("(3) Reading camp", row_start=True) == HeaderMatch(3, "Reading camp", weak=True)


def test_a_decimal_number_is_no_header() -> None:
    assert find_header("1.5 million visitors came", row_start=True) is None


@pytest.mark.parametrize(("text", "rest"), [
    ("Details:", None), ("Details: Forty pupils", "Forty pupils"), ("DETAILS :", None), ("Detail: x", "x"),
    ("Description: x", "x"), ("Summary: x", "x"), ("Details", None),
])
def test_the_details_label(text: str, rest: str | None) -> None:
    m = DETAILS_RE.match(text)
    assert m is not None and (m.group("rest") or None) == rest


@pytest.mark.parametrize("label", ["Links:", "Link:", "Link(s):", "Links (s):", "URL:", "URLs:", "Website:",
                                   "Web site:", "Webpage:", "More information:", "More info:", "For more information:",
                                   "Further information:", "Source:", "References:", "LINKS:", "Links :", "Links: :"])
def test_the_links_label(label: str) -> None:
    m = LINKS_RE.match(f"{label} https://a.example.org/x")
    assert m is not None and m.group("rest") == "https://a.example.org/x"


@pytest.mark.parametrize(("text", "nothing"), [
    ("No activities reported for this period.", True), ("No activity was reported this period", True),
    ("Nil", True), ("None", True), ("N/A", True), ("NA.", True), ("Not applicable", True), ("Nothing to report.", True),
    ("No new activities during this period", True), ("None this period", True),
    ("None of the libraries reopened", False), ("Nil-fee reading club", False), ("Not applicable rules were changed", False),
    ("#1 Name and Date: No-fee day", False),
])
def test_a_cell_that_says_no_activities(text: str, nothing: bool) -> None:
    assert is_no_activity(text) is nothing
