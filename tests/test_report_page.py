"""The page of a report, for its convenor to read and print (serve/report_page.py)."""

from __future__ import annotations

import re

from served import REPORT, page_html

from rscao_graph.publish.descriptions import Descriptions


def test_a_report_page_lists_everything_a_convenor_reported(described: Descriptions) -> None:
    html = page_html(described, REPORT)
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    assert "<h1>Bi-annual sub-regional report: North East Asia, 2019-09 to 2020-03</h1>" in html
    assert "Convenor Chen Ying" in plain and "Date of submission 2020-03-02" in plain
    assert re.findall(r'<section class="heading" id="heading-(\w)">', html) == ["a", "b", "c", "d", "e"]
    assert re.findall(r'<h3 id="country-(\w+)">', html) == ["cn", "jp", "kp", "kr", "mn"]
    assert html.count('<article class="activity"') == 12
    assert ('<h4><a href="activity/cn-1/index.html">#1 International Symposium on “Libraries • Keeping Pace with the '
            'Times”</a></h4>') in html
    assert "Date: 2019-09-09 to 2019-09-10 stated as “Sep 9-10, 2019”; inferred: country" in plain
    assert "E. Other activities, if any (Please provide details): Nothing reported." in plain
    assert plain.count("No date is given.") == 3 * 2  # under its activity and in the report's list
    assert "@media print" in html


def test_what_section_i_names_and_people_as_the_report_states_them(described: Descriptions) -> None:
    html = page_html(described, REPORT)
    heading_c = html.split('id="heading-c"', 1)[1].split("</section>", 1)[0]
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", heading_c)).strip()
    assert "Named: IFLA Asia and Oceania Regional Office , Linli Soh Manager, IFLA Asia and Oceania Regional Office" in plain
    assert '<a href="../../../person/linli-soh/index.html" title="https://w3id.org/rscao/person/linli-soh">Linli Soh</a>' \
           ' <span class="note">Manager, IFLA Asia and Oceania Regional Office</span>' in heading_c
