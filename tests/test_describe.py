"""The descriptions a build precomputes for every resource (publish/describe.py)."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse
from served import ACTIVITY, BASE, REPORT

from rscao_graph.publish.describe import MAX_INVERSE, describe_build, document_path
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.validate import Finding
from rscao_graph.vocab import OA, RDF, RSCAO, SCHEMA


def test_document_paths() -> None:
    assert document_path(BASE + "country/CN", BASE) == "country/CN"
    assert document_path(BASE + "ontology#Activity", BASE) == "ontology"
    assert document_path(BASE + "dump/dataset.nq", BASE) is None
    assert document_path(BASE, BASE) is None
    assert document_path("http://www.wikidata.org/entity/Q148", BASE) is None


def test_every_minted_iri_has_a_description(described: Descriptions, sample_dist: Path) -> None:
    minted: set[str] = set()
    for quad in parse(path=str(sample_dist / "dataset.nq"), format=RdfFormat.N_QUADS):
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, NamedNode) and (path := document_path(term.value, BASE)) is not None:
                minted.add(path)
    paths = set(described.paths())
    assert sorted(minted - paths) == []
    assert len(paths) == 1019
    assert sorted(paths - minted)[:3] == ["dataset", "dataset/authority/geonames", "dataset/authority/wikidata"]
    assert all(p.startswith("dataset") for p in paths - minted)  # the VoID description's own nodes


def test_an_activity_has_its_statements_provenance_labels_and_findings(described: Descriptions) -> None:
    d = described.get(ACTIVITY)
    assert d is not None
    quads = set(d.quads)
    activity = NamedNode(BASE + ACTIVITY)
    report = NamedNode(BASE + REPORT)
    assert Quad(activity, RDF.type, RSCAO.Activity, report) in quads
    quote = NamedNode(BASE + REPORT + "/source/3515-4824/quote")
    exact = [q.object.value for q in quads if q.subject == quote and q.predicate == OA.exact]
    assert len(exact) == 1 and exact[0].startswith("\t<p>#1 Name and Date: International Symposium")
    assert Quad(NamedNode(BASE + REPORT + "/source"), RSCAO.path, Literal("north-east-asia-2019-09--2020-03.md"),
                report) in quads
    canada = NamedNode(BASE + "country/CA")
    assert Quad(canada, SCHEMA.name, Literal("Canada", language="en"), NamedNode(BASE + "graph/countries")) in quads
    assert [(f["rule"], f["line"]) for f in d.findings] == [("too-many-activities", 52), ("value-inferred", 52)]
    assert d.inverse_totals == {}
    assert len(d.quads) == len(quads) == 85


def test_a_country_has_its_inverse_links(described: Descriptions) -> None:
    d = described.get("country/CN")
    assert d is not None
    reported = sorted(q.subject.value.rsplit("/", 1)[-1] for q in d.quads if q.predicate == RSCAO.reportedCountry)
    assert reported == ["cn-1", "cn-2", "cn-3", "cn-4"]
    labels = {q.subject.value.rsplit("/", 1)[-1]: q.object.value for q in d.quads if q.predicate == SCHEMA.name
              and "/activity/" in q.subject.value}
    assert labels["cn-4"] == "Guide on Digital Library Resources Management"


def test_a_report_holds_its_whole_graph_and_every_finding(described: Descriptions, sample_dist: Path) -> None:
    d = described.get(REPORT)
    assert d is not None
    graph = NamedNode(BASE + REPORT)
    own = {q for q in parse(path=str(sample_dist / "dataset.nq"), format=RdfFormat.N_QUADS) if q.graph_name == graph}
    assert len(own) == 1302
    assert own <= set(d.quads)
    assert len(d.findings) == 16
    assert {f["severity"] for f in d.findings} == {"warning", "info"}


def test_blank_nodes_follow_their_subject(described: Descriptions) -> None:
    d = described.get("ontology")
    assert d is not None
    assert any(isinstance(q.subject, BlankNode) for q in d.quads)
    assert d.inverse_totals == {RDF.type.value: 414}


def test_inverse_links_are_cut_with_their_total() -> None:
    target = NamedNode(BASE + "country/XX")
    links = [Quad(NamedNode(f"{BASE}thing/{i:03d}"), SCHEMA.mentions, target, DefaultGraph()) for i in range(150)]
    (only,) = [d for d in describe_build(links, BASE) if d.path == "country/XX"]
    kept = [q for q in only.quads if q.predicate == SCHEMA.mentions]
    assert len(kept) == MAX_INVERSE == 100
    assert kept[0].subject.value.endswith("thing/000") and kept[-1].subject.value.endswith("thing/099")
    assert only.inverse_totals == {SCHEMA.mentions.value: 150}


def test_findings_go_to_their_resource_and_report() -> None:
    quads = [Quad(NamedNode(BASE + "report/r"), RDF.type, RSCAO.Report, NamedNode(BASE + "report/r")),
             Quad(NamedNode(BASE + "report/r/activity/cn-1"), RSCAO.inReport, NamedNode(BASE + "report/r"),
                  NamedNode(BASE + "report/r"))]
    finding = Finding("r.docx", 3, "warning", "activity-without-date", BASE + "report/r/activity/cn-1", "No date.",
                      where="table 1, row 5")
    found = {d.path: d.findings for d in describe_build(quads, BASE, findings=[finding])}
    expected = ({"severity": "warning", "rule": "activity-without-date", "message": "No date.", "file": "r.docx",
                 "line": 3, "where": "table 1, row 5", "focus": BASE + "report/r/activity/cn-1"},)
    # the ontology's term rscao:Report is under the default base too: a document, with no finding
    assert found == {"ontology": (), "report/r": expected, "report/r/activity/cn-1": expected}
