"""void.ttl meets DCAT-AP 3: the mandatory and recommended properties of the dataset and its
distributions, with the ranges the specification gives them (tests/data/dcat-ap-3.ttl)."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from helpers import SETTINGS

from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference

SHAPES = Path(__file__).parent / "data" / "dcat-ap-3.ttl"
DS = "https://w3id.org/rscao/dataset"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
PUBLISHED = {"license": "https://creativecommons.org/licenses/by/4.0/", "publisher": "IFLA RSCAO",
             "publisher_iri": "https://www.ifla.org/units/asia-oceania/", "contact_point": "mailto:rscao@example.org"}


def void_of(sample_path: Path, out: Path, **settings: str) -> rdflib.Graph:
    from dataclasses import replace

    config = replace(SETTINGS, **settings)
    write_build(build_dataset([ReportFile(sample_path, sample_path.parent)], config, load_reference()), check_output(out),
                config)
    return rdflib.Graph().parse(out / "void.ttl", format="turtle")


def findings(graph: rdflib.Graph) -> list[tuple[str, str, str]]:
    _, results, _ = pyshacl.validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES), inference="none")
    return sorted((str(results.value(r, SH.focusNode)).removeprefix(DS), str(results.value(r, SH.resultPath)),
                   str(results.value(r, SH.resultSeverity)).removeprefix(str(SH)))
                  for r in results.subjects(rdflib.RDF.type, SH.ValidationResult))


@pytest.fixture(scope="module")
def published(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> rdflib.Graph:
    return void_of(sample_path, tmp_path_factory.mktemp("dcat") / "dist", **PUBLISHED)


def test_a_configured_build_meets_dcat_ap(published: rdflib.Graph) -> None:
    assert findings(published) == []


def test_without_publisher_settings_only_the_publishers_properties_are_missing(sample_path: Path,
                                                                               tmp_path: Path) -> None:
    lic, contact, publisher = ("http://purl.org/dc/terms/license", str(DCAT.contactPoint),
                               "http://purl.org/dc/terms/publisher")
    assert findings(void_of(sample_path, tmp_path / "dist")) == [
        ("", publisher, "Warning"), ("", contact, "Warning"),
        ("/distribution/dataset.jsonld", lic, "Warning"), ("/distribution/dataset.nq", lic, "Warning"),
        ("/distribution/dataset.trig", lic, "Warning"), ("/distribution/dataset.ttl", lic, "Warning")]


def test_the_values(published: rdflib.Graph) -> None:
    ds = rdflib.URIRef(DS)
    assert sorted(str(d).removeprefix(DS) for d in published.objects(ds, DCAT.distribution)) == [
        "/distribution/dataset.jsonld", "/distribution/dataset.nq", "/distribution/dataset.trig",
        "/distribution/dataset.ttl"]
    trig = rdflib.URIRef(DS + "/distribution/dataset.trig")
    assert str(published.value(trig, DCAT.accessURL)) == "https://w3id.org/rscao/dump/dataset.trig"
    assert str(published.value(trig, rdflib.URIRef("http://purl.org/dc/terms/format"))) == (
        "http://publications.europa.eu/resource/authority/file-type/RDF_TRIG")
    period = published.value(ds, rdflib.URIRef("http://purl.org/dc/terms/temporal"))
    assert (str(published.value(period, DCAT.startDate)), str(published.value(period, DCAT.endDate))) == (
        "2019-09", "2020-03")
    assert [str(s) for s in published.objects(ds, rdflib.URIRef("http://purl.org/dc/terms/spatial"))] == [
        "https://w3id.org/rscao/subregion/north-east-asia"]
    assert "North East Asia" in {str(k) for k in published.objects(ds, DCAT.keyword)}
    publisher = published.value(ds, rdflib.URIRef("http://purl.org/dc/terms/publisher"))
    assert (str(publisher), str(published.value(publisher, rdflib.FOAF.name))) == (
        "https://www.ifla.org/units/asia-oceania/", "IFLA RSCAO")
    contact = published.value(ds, DCAT.contactPoint)
    assert str(published.value(contact, rdflib.URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"))) == (
        "mailto:rscao@example.org")


def test_the_checks_can_fail(published: rdflib.Graph) -> None:
    broken = rdflib.Graph()
    for triple in published:
        if triple[1] != DCAT.accessURL and triple[2] != rdflib.URIRef("http://purl.org/dc/terms/MediaType"):
            broken.add(triple)
    found = findings(broken)
    assert ("/distribution/dataset.nq", str(DCAT.accessURL), "Violation") in found
    assert ("/distribution/dataset.nq", str(DCAT.mediaType), "Violation") in found
    assert len(found) == 8
