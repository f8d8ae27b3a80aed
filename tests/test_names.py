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
