"""Model to quads on the sample: the facts the report states, linked as the issue lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, write_report
from pyoxigraph import Dataset, Literal, NamedNode, Quad

from rscao_graph.extract import extract_report
from rscao_graph.iris import Minter
from rscao_graph.model import Report
from rscao_graph.rdf.mapping import map_report
from rscao_graph.read import read_report
from rscao_graph.reference import load_reference
from rscao_graph.vocab import OA, PROV, RDF, RSCAO, SCHEMA, XSD

BASE = "https://w3id.org/rscao/"
REPORT = BASE + "report/north-east-asia/2019-09--2020-03"


def graph_of(report: Report, base: str = BASE) -> Dataset:
    return Dataset(map_report(report, Minter(base), load_reference()).quads)


@pytest.fixture(scope="module")
def sample_graph(sample: Report) -> Dataset:
    return graph_of(sample)


def pattern(ds: Dataset, s: NamedNode | None, p: NamedNode | None, o: object | None) -> list[Quad]:
    return [q for q in ds if (s is None or q.subject == s) and (p is None or q.predicate == p)
            and (o is None or q.object == o)]


def objects(ds: Dataset, subject: str, predicate: NamedNode) -> list[str]:
    return sorted(str(q.object) if isinstance(q.object, Literal) else q.object.value
                  for q in pattern(ds, NamedNode(subject), predicate, None))


def test_one_named_graph_named_after_the_report(sample_graph: Dataset) -> None:
    assert {q.graph_name.value for q in sample_graph} == {REPORT}


def test_shared_things_are_described_outside_the_report_graph(sample: Report) -> None:
    graph = map_report(sample, Minter(BASE), load_reference())
    assert sorted({str(t.subject) for t in graph.shared}) == [f"<{BASE}membership/north-east-asia/chen-ying>"]
    assert not any(q.subject.value.startswith(BASE + "membership/") for q in graph.quads)


def test_report_links(sample_graph: Dataset) -> None:
    assert objects(sample_graph, REPORT, RSCAO.subRegion) == [BASE + "subregion/north-east-asia"]
    assert objects(sample_graph, REPORT, RSCAO.convenor) == [BASE + "person/chen-ying"]
    assert objects(sample_graph, REPORT, RSCAO.periodStart) == ['"2019-09"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>']
    assert objects(sample_graph, REPORT, RSCAO.committee) == [
        BASE + "org/ifla-regional-standing-committee-for-asia-and-oceania"]
    submitted = objects(sample_graph, REPORT, NamedNode("http://purl.org/dc/terms/dateSubmitted"))
    assert submitted == ['"2020-03-02"^^<http://www.w3.org/2001/XMLSchema#date>']


def test_activities(sample_graph: Dataset) -> None:
    activities = sorted(q.subject.value for q in pattern(sample_graph, None, RDF.type, RSCAO.Activity))
    assert [a.removeprefix(REPORT + "/activity/") for a in activities] == [
        "cn-1", "cn-2", "cn-3", "cn-4", "jp-1", "jp-2", "kp-1", "kp-2", "kr-1", "kr-2", "mn-1", "mn-2"]
    for activity in activities:
        assert objects(sample_graph, activity, RSCAO.inReport) == [REPORT]
        country = activity.rsplit("/", 1)[-1][:2].upper()
        assert objects(sample_graph, activity, RSCAO.reportedCountry) == [BASE + f"country/{country}"]
        assert objects(sample_graph, activity, RSCAO.countryDetermination) == [str(RSCAO) + "inferred"]
        assert len(objects(sample_graph, activity, PROV.wasDerivedFrom)) == 1


def test_cn1(sample_graph: Dataset) -> None:
    cn1 = REPORT + "/activity/cn-1"
    assert objects(sample_graph, cn1, SCHEMA.startDate) == ['"2019-09-09"^^<http://www.w3.org/2001/XMLSchema#date>']
    assert objects(sample_graph, cn1, SCHEMA.endDate) == ['"2019-09-10"^^<http://www.w3.org/2001/XMLSchema#date>']
    assert objects(sample_graph, cn1, SCHEMA.url) == ["http://meeting.nlc.cn/global", "https://www.ifla.org/node/92613"]
    assert objects(sample_graph, cn1, RSCAO.citesConcept) == [BASE + "strategy/2019-2024/3", BASE + "strategy/2019-2024/3.1",
                                                              BASE + "strategy/2019-2024/3.3"]
    assert objects(sample_graph, cn1, RSCAO.servesDirection) == [BASE + "strategy/2019-2024/3"]
    assert objects(sample_graph, cn1, SCHEMA.location) == [BASE + "org/national-library-of-china"]
    assert objects(sample_graph, cn1, RSCAO.statedDate) == ['"Sep 9-10, 2019"@en']


def test_month_precision_and_no_date(sample_graph: Dataset) -> None:
    jp1 = REPORT + "/activity/jp-1"
    assert objects(sample_graph, jp1, SCHEMA.startDate) == ['"2019-11"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>']
    assert objects(sample_graph, jp1, SCHEMA.endDate) == []
    kp1 = REPORT + "/activity/kp-1"
    assert objects(sample_graph, kp1, RSCAO.dateInference) == ['"year taken from the name"@en']
    assert objects(sample_graph, REPORT + "/activity/kr-1", SCHEMA.startDate) == []


def test_provenance_down_to_the_text(sample_graph: Dataset, sample: Report) -> None:
    (segment,) = objects(sample_graph, REPORT + "/activity/kp-2", PROV.wasDerivedFrom)
    assert objects(sample_graph, segment, RSCAO.startLine) == [
        '"65"^^<http://www.w3.org/2001/XMLSchema#positiveInteger>']
    assert objects(sample_graph, segment, RSCAO.endLine) == [
        '"67"^^<http://www.w3.org/2001/XMLSchema#positiveInteger>']
    assert objects(sample_graph, segment, OA.hasSource) == [REPORT + "/source"]
    assert objects(sample_graph, REPORT + "/source", RSCAO.path) == ['"north-east-asia-2019-09--2020-03.md"']
    quote = segment + "/quote"
    (exact,) = pattern(sample_graph, NamedNode(quote), OA.exact, None)
    assert exact.object.value.startswith("\t<p>#2 Name and Date: The Grand People’s Study House active")
    assert exact.object.value.endswith("#lecture-schedule</p>\t")
    start, end = segment.rsplit("/", 1)[-1].split("-")
    assert sample.source_text[int(start):int(end)] == exact.object.value


def test_citation_keeps_label_and_fit(sample_graph: Dataset) -> None:
    citation = REPORT + "/activity/kr-1/citation/2.1"
    assert objects(sample_graph, citation, RSCAO.citedLabel) == [
        '"Produce, Communicate and Distribute Key Resources and Materials that Inspire the Profession"@en']
    assert objects(sample_graph, citation, RSCAO.labelFits) == ['"true"^^<http://www.w3.org/2001/XMLSchema#boolean>']
    assert objects(sample_graph, citation, RSCAO.citedConcept) == [BASE + "strategy/2019-2024/2.1"]


def test_counts(sample_graph: Dataset) -> None:
    def count(cls: NamedNode) -> int:
        return len(list(pattern(sample_graph, None, RDF.type, cls)))

    assert (count(RSCAO.Activity), count(RSCAO.ConvenorAction), count(RSCAO.Citation), count(RSCAO.SectionHeading)) == (
        12, 7, 35, 5)
    assert len(list(pattern(sample_graph, None, SCHEMA.url, None))) == 14


def test_what_is_not_valid_is_kept_as_stated(tmp_path: Path) -> None:
    text = (MINIMAL_REPORT.replace("on Sep 9-10, 2019", "on Sep 31, 2019")
            .replace("Links: https://www.ifla.org/node/92613", "Links: htp//example.org www.example.org")
            .replace("3.1 Provide", "5.3 Provide"))
    ds = graph_of(extract_report(read_report(write_report(tmp_path, text)), load_reference()))
    activity = REPORT + "/activity/cn-1"
    assert objects(ds, activity, RSCAO.statedDate) == ['"Sep 31, 2019"@en']
    assert objects(ds, activity, SCHEMA.startDate) == []
    assert objects(ds, activity, RSCAO.statedLink) == ['"htp//example.org"']
    assert objects(ds, activity, RSCAO.linkWithoutScheme) == ['"www.example.org"']
    assert objects(ds, activity, SCHEMA.url) == []
    assert objects(ds, activity + "/citation/5.3", RSCAO.citedNotation) == ['"5.3"']
    assert objects(ds, activity + "/citation/5.3", RSCAO.citedConcept) == []


def test_entities_are_shared_and_iris_stable(tmp_path: Path, sample: Report) -> None:
    other = MINIMAL_REPORT.replace("September 2019 – March 2020", "March 2020 – September 2020")
    report = extract_report(read_report(write_report(tmp_path, other)), load_reference())
    minter = Minter(BASE)
    first = map_report(sample, minter, load_reference()).quads
    second = map_report(report, minter, load_reference()).quads
    nlc = NamedNode(BASE + "org/national-library-of-china")
    graphs = {q.graph_name.value for q in first + second if q.object == nlc}
    assert graphs == {REPORT, BASE + "report/north-east-asia/2020-03--2020-09"}
    again = map_report(sample, Minter(BASE), load_reference()).quads
    assert [str(q) for q in again] == [str(q) for q in first]


def test_base_iri_is_configurable(sample: Report) -> None:
    ds = graph_of(sample, "https://example.org/x/")
    subjects = {q.subject.value for q in ds}
    assert len(subjects) == len({q.subject.value for q in graph_of(sample)}) == 239
    assert sorted(s for s in subjects if not s.startswith("https://example.org/x/")) == []
    assert objects(ds, "https://example.org/x/report/north-east-asia/2019-09--2020-03/activity/cn-1",
                   RSCAO.reportedCountry) == ["https://example.org/x/country/CN"]
    assert str(XSD) == "http://www.w3.org/2001/XMLSchema#"


def test_spelling_variants_of_an_unknown_organisation_are_one_node(tmp_path: Path) -> None:
    row2 = ("\t<p>#2 Name and Date: Talk was held at the Darkhan City Library on Oct 1, 2019</p>"
            "\t<p>3.3 Empower the field</p>\n")
    text = MINIMAL_REPORT.replace("held at the National Library of China", "held at the Darkhan City-Library") + row2
    graph = map_report(extract_report(read_report(write_report(tmp_path, text)), load_reference()), Minter(BASE), load_reference())
    locations = sorted({q.object.value for q in graph.quads if q.predicate == SCHEMA.location})
    assert locations == [BASE + "org/darkhan-city-library"]
    names = sorted(t.object.value for t in graph.shared if t.predicate == SCHEMA.name)
    assert names == ["Darkhan City Library", "Darkhan City-Library"]
