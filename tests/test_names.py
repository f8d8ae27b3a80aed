from __future__ import annotations

import pytest

from rscao_graph.extract.names import split_name_line


@pytest.mark.parametrize(("line", "name", "date", "location", "organiser", "place"), [
    ("International Symposium on “Libraries • Keeping Pace with the Times” was held at the National Library of "
     "China on Sep 9-10, 2019", "International Symposium on “Libraries • Keeping Pace with the Times”",
     "Sep 9-10, 2019", "the National Library of China", None, None),
    ("The 2019 Southeast Asian Librarians Training Seminar was organized by the National Library of China on "
     "Nov 21-29, 2019", "The 2019 Southeast Asian Librarians Training Seminar", "Nov 21-29, 2019", None,
     "the National Library of China", None),
    ("Seminar on Public Libraries Held on Dec 10, 2019 in Suzhou, China", "Seminar on Public Libraries",
     "Dec 10, 2019", None, None, "Suzhou, China"),
    ("Guide on Digital Library Resources Management Released on Jan 6, 2020",
     "Guide on Digital Library Resources Management", "Jan 6, 2020", None, None, None),
    ("Evolving services for print disabled persons in Nov 2019", "Evolving services for print disabled persons",
     "Nov 2019", None, None, None),
    ("Workshop taken place on the occasion of World Aids Day 2019 on Dec 4",
     "Workshop taken place on the occasion of World Aids Day 2019", "Dec 4", None, None, None),
    ("Reading festival, 2 March 2020", "Reading festival", "2 March 2020", None, None, None),
    ("Annual conference in 2019", "Annual conference", "2019", None, None, None),
    ("Connect Libraries by Sharing Authority Data – NLK's Authority Data Sharing Model",
     "Connect Libraries by Sharing Authority Data – NLK's Authority Data Sharing Model", None, None, None, None),
    ("The 2019 Southeast Asian Librarians Seminar", "The 2019 Southeast Asian Librarians Seminar", None, None,
     None, None),
    ("Book fair 28 Dec 2019 - 3 Jan 2020", "Book fair", "28 Dec 2019 - 3 Jan 2020", None, None, None),
    ("Reading festival (Oct-Dec 2019)", "Reading festival", "Oct-Dec 2019", None, None, None),
])
def test_split_name_line(line: str, name: str, date: str | None, location: str | None, organiser: str | None,
                         place: str | None) -> None:
    parts = split_name_line(line)
    assert (parts.name, parts.date.text if parts.date else None, parts.location, parts.organiser, parts.place) == (
        name, date, location, organiser, place)


# --- issue 9, Deliver item 5: the date phrase leaves the name cleanly ----------------------------

@pytest.mark.parametrize(("line", "name", "date", "start", "end", "place", "remark"), [
    ("Storytelling week, 3rd–5th May 2021", "Storytelling week", "3rd–5th May 2021", "2021-05-03", "2021-05-05",
     None, None),
    ("Storytelling week on 3 & 4 May 2021", "Storytelling week", "3 & 4 May 2021", "2021-05-03", "2021-05-04", None,
     None),
    ("Storytelling week (17-18/05/2021)", "Storytelling week", "17-18/05/2021", "2021-05-17", "2021-05-18", None, None),
    ("Workshop from 28 April to 2 May 2021", "Workshop", "28 April to 2 May 2021", "2021-04-28", "2021-05-02", None,
     None),
    ("Reading club, Q3 2021", "Reading club", "Q3 2021", "2021-07", "2021-09", None, None),
    ("Reading club in mid-June 2021", "Reading club", "mid-June 2021", "2021-06", None, None, None),
    ("Reading club, Jun./Jul. 2021", "Reading club", "Jun./Jul. 2021", "2021-06", "2021-07", None, None),
    ("Webinar on open access, Monday, 17 May 2021", "Webinar on open access", "Monday, 17 May 2021", "2021-05-17",
     None, None, None),
    ("Webinar on 2021 census data, 17 May 2021", "Webinar on 2021 census data", "17 May 2021", "2021-05-17", None,
     None, None),
    ("Library Week, 2021", "Library Week", "2021", "2021", None, None, None),
    ("Webinar series 2021–2022", "Webinar series", "2021–2022", "2021", "2022", None, None),
    ("Open day – 17 May 2021", "Open day", "17 May 2021", "2021-05-17", None, None, None),
    # a date before the name
    ("21 October 2021: Opening of the reading room", "Opening of the reading room", "21 October 2021", "2021-10-21",
     None, None, None),
    ("21 October 2021 - Opening of the reading room", "Opening of the reading room", "21 October 2021",
     "2021-10-21", None, None, None),
    # a place after the date is the place
    ("Book fair, 21st-23rd October 2021, Kathmandu", "Book fair", "21st-23rd October 2021", "2021-10-21",
     "2021-10-23", "Kathmandu", None),
    ("Book fair, 21 October 2021, Kandy, Sri Lanka", "Book fair", "21 October 2021", "2021-10-21", None,
     "Kandy, Sri Lanka", None),
    ("Book fair on 21 October 2021 in Kandy", "Book fair", "21 October 2021", "2021-10-21", None, "Kandy", None),
    # a remark in parentheses after the date
    ("Webinar, 17 May 2021 (World Telecommunication Day)", "Webinar", "17 May 2021", "2021-05-17", None, None,
     "World Telecommunication Day"),
    # open-ended
    ("Reading club, since June 2021 (ongoing)", "Reading club", "since June 2021 (ongoing)", "2021-06", None, None,
     None),
    # kept as stated, no value
    ("Webinar, 03/04/2021", "Webinar", "03/04/2021", None, None, None, None),
    ("Webinar, 31 June 2021", "Webinar", "31 June 2021", None, None, None, None),
])
def test_the_date_leaves_the_name(line: str, name: str, date: str, start: str | None, end: str | None,
                                  place: str | None, remark: str | None) -> None:
    parts = split_name_line(line)
    assert (parts.name, parts.date.text, parts.date.start, parts.date.end, parts.place, parts.remark,
            parts.ongoing) == (name, date, start, end, place, remark, False)


@pytest.mark.parametrize(("line", "name"), [
    ("Reading club (ongoing)", "Reading club"),
    ("Reading club, ongoing", "Reading club"),
    ("Reading club, throughout the reporting period", "Reading club"),
    ("Reading club throughout the reporting period", "Reading club"),
])
def test_ongoing_alone_is_no_date(line: str, name: str) -> None:
    parts = split_name_line(line)
    assert (parts.name, parts.date, parts.ongoing) == (name, None, True)


@pytest.mark.parametrize(("line", "name", "location", "organiser"), [
    ("The 2021 Reading Challenge was organized by the Nepal Library Association on 5 June 2021",
     "The 2021 Reading Challenge", None, "the Nepal Library Association"),
    ("Book launch was held at the National Library of Nepal in June 2021", "Book launch",
     "the National Library of Nepal", None),
    ("Poetry evening was hosted by the Kandy Public Library, 3 May 2021", "Poetry evening", None,
     "the Kandy Public Library"),
])
def test_location_and_organiser(line: str, name: str, location: str | None, organiser: str | None) -> None:
    parts = split_name_line(line)
    assert (parts.name, parts.location, parts.organiser) == (name, location, organiser)


def test_a_name_without_a_date_is_kept_whole() -> None:
    parts = split_name_line("Library Week 2021")
    assert (parts.name, parts.date, parts.ongoing) == ("Library Week 2021", None, False)


def test_a_place_after_a_comma_and_in() -> None:
    parts = split_name_line("Library Week, 3-7 May 2021, in Thimphu")
    assert (parts.name, parts.date.start, parts.date.end, parts.place) == (
        "Library Week", "2021-05-03", "2021-05-07", "Thimphu")


def test_between_two_days_leaves_the_name() -> None:
    parts = split_name_line("Workshop between 3 and 5 May 2021")
    assert (parts.name, parts.date.start, parts.date.end) == ("Workshop", "2021-05-03", "2021-05-05")
