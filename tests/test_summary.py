"""The dataset in figures for the home page (publish/summary.py)."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse
from served import BASE

from rscao_graph.publish.summary import summarise
from rscao_graph.vocab import RDF, RSCAO, SCHEMA, XSD


def test_the_sample_in_figures(sample_dist: Path) -> None:
    summary = summarise(list(parse(path=str(sample_dist / "dataset.nq"), format=RdfFormat.N_QUADS)))
    assert summary["counts"] == {"reports": 1, "activities": 12, "countries": 5, "directions": 3}
    assert [(c["code"], c["activities"]) for c in summary["countries"]] == [
        ("CN", 4), ("JP", 2), ("KP", 2), ("KR", 2), ("MN", 2)]
    assert summary["countries"][0]["directions"] == {BASE + "strategy/2019-2024/2": 2, BASE + "strategy/2019-2024/3": 3}
    assert [(d["notation"], d["activities"]) for d in summary["directions"]] == [("1", 2), ("2", 5), ("3", 7), ("4", 0)]
    assert [i["notation"] for i in summary["initiatives"]][:5] == ["1.1", "1.2", "1.3", "1.4", "2.1"]
    assert len(summary["initiatives"]) == 16
    assert [i["activities"] for i in summary["initiatives"]] == [2, 1, 0, 0, 1, 1, 2, 4, 3, 0, 7, 0, 0, 0, 0, 0]
    assert summary["months"] == {"unit": "month", "undated": 3, "series": [
        {"key": "2019-09", "label": "Sep 2019", "activities": 2}, {"key": "2019-10", "label": "Oct 2019", "activities": 0},
        {"key": "2019-11", "label": "Nov 2019", "activities": 3}, {"key": "2019-12", "label": "Dec 2019", "activities": 3},
        {"key": "2020-01", "label": "Jan 2020", "activities": 1}]}
    (report,) = summary["reports"]
    assert report == {"iri": BASE + "report/north-east-asia/2019-09--2020-03", "start": "2019-09", "end": "2020-03",
                      "label": "Bi-annual sub-regional report: North East Asia, 2019-09 to 2020-03",
                      "subregion": "North East Asia", "activities": 12}


def _activity(n: int, start: Literal) -> list[Quad]:
    node = NamedNode(f"{BASE}report/r/activity/cn-{n}")
    return [Quad(node, RDF.type, RSCAO.Activity, DefaultGraph()), Quad(node, SCHEMA.startDate, start, DefaultGraph())]


def test_a_long_span_is_charted_per_year_and_a_year_alone_is_undated() -> None:
    quads = (_activity(1, Literal("2019-09-09", datatype=XSD.date)) + _activity(2, Literal("2023-02", datatype=XSD.gYearMonth))
             + _activity(3, Literal("2021", datatype=XSD.gYear)))
    months = summarise(quads)["months"]
    assert months["unit"] == "year" and months["undated"] == 1
    assert [(s["key"], s["activities"]) for s in months["series"]] == [
        ("2019", 1), ("2020", 0), ("2021", 0), ("2022", 0), ("2023", 1)]


def test_nothing_to_count() -> None:
    summary = summarise([])
    assert summary["counts"] == {"reports": 0, "activities": 0, "countries": 0, "directions": 0}
    assert summary["months"] == {"unit": "month", "series": [], "undated": 0}
