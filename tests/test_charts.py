"""The home page's SVG charts (serve/charts.py): deterministic, a bar per non-zero figure, escaped labels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from rscao_graph.serve.charts import COLOURS, direction_country_chart, home_charts, initiative_chart, month_chart
from rscao_graph.serve.links import Linker

BASE = "https://w3id.org/rscao/"
SVG = "{http://www.w3.org/2000/svg}"


def summary() -> dict[str, Any]:
    directions = [{"iri": f"{BASE}strategy/2019-2024/{n}", "notation": str(n), "label": f"Direction {n}",
                   "activities": n} for n in (1, 2)]
    return {
        "directions": directions,
        "countries": [{"iri": BASE + "country/CN", "code": "CN", "label": "China <&> “PRC”", "activities": 3,
                       "directions": {directions[0]["iri"]: 1, directions[1]["iri"]: 2}},
                      {"iri": BASE + "country/JP", "code": "JP", "label": "Japan", "activities": 1,
                       "directions": {directions[1]["iri"]: 1}}],
        "initiatives": [{"iri": f"{BASE}strategy/2019-2024/1.1", "notation": "1.1", "label": "One", "activities": 2},
                        {"iri": f"{BASE}strategy/2019-2024/2.1", "notation": "2.1", "label": "Two", "activities": 0}],
        "months": {"unit": "month", "undated": 1, "series": [{"key": "2019-09", "label": "Sep 2019", "activities": 2},
                                                             {"key": "2019-10", "label": "Oct 2019", "activities": 0},
                                                             {"key": "2019-11", "label": "Nov 2019", "activities": 5}]},
    }


def bars(svg: str) -> list[ET.Element]:
    return [e for e in ET.fromstring(svg).iter(f"{SVG}rect") if e.get("class") == "bar"]


def test_direction_country_chart() -> None:
    chart = direction_country_chart(summary(), Linker(BASE, ""))
    drawn = bars(chart.svg)
    assert chart.bars == len(drawn) == 3
    assert [(b.get("fill"), b.find(f"{SVG}title").text) for b in drawn] == [  # type: ignore[union-attr]
        (COLOURS[0], "China <&> “PRC”, direction 1 (Direction 1): 1 activity"),
        (COLOURS[1], "China <&> “PRC”, direction 2 (Direction 2): 2 activities"),
        (COLOURS[1], "Japan, direction 2 (Direction 2): 1 activity")]
    assert "China &lt;&amp;&gt; “PRC” (CN)" in chart.svg
    assert '<a href="country/CN/index.html">' in chart.svg
    assert chart.header == ("Country", "1. Direction 1", "2. Direction 2", "All directions")
    assert chart.rows == (("China <&> “PRC” (CN)", "1", "2", "3"), ("Japan (JP)", "0", "1", "1"))


def test_initiative_chart_draws_only_cited_ones() -> None:
    chart = initiative_chart(summary(), Linker(BASE, ""))
    assert chart.bars == len(bars(chart.svg)) == 1
    assert chart.rows == (("1.1 One", "2"), ("2.1 Two", "0"))


def test_month_chart() -> None:
    chart = month_chart(summary())
    drawn = bars(chart.svg)
    assert [b.find(f"{SVG}title").text for b in drawn] == ["Sep 2019: 2 activities", "Nov 2019: 5 activities"]  # type: ignore[union-attr]
    heights = [float(b.get("height", "0")) for b in drawn]
    assert heights[1] / heights[0] == 5 / 2
    assert chart.title == "Activities per month of their start date"


def test_charts_are_deterministic_and_well_formed() -> None:
    first = [c.svg for c in home_charts(summary(), Linker(BASE, ""))]
    assert first == [c.svg for c in home_charts(summary(), Linker(BASE, ""))]
    for svg in first:
        root = ET.fromstring(svg)
        assert root.get("role") == "img" and root.find(f"{SVG}title") is not None
        assert not re.search(r"\d\.\d\d", svg)  # coordinates rounded to one decimal


def test_empty_figures_draw_empty_charts() -> None:
    empty = {"directions": [], "countries": [], "initiatives": [], "months": {"unit": "month", "series": [],
                                                                             "undated": 0}}
    assert [c.bars for c in home_charts(empty, Linker(BASE, ""))] == [0, 0, 0]
