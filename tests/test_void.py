"""VoID + DCAT description of a build, with exact figures for the sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SETTINGS
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from rscao_graph.config import Settings, read_environment
from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference

DS = "https://w3id.org/rscao/dataset"
VOID = "http://rdfs.org/ns/void#"


def values(triples: list[Triple], subject: str, predicate: str) -> list[str]:
    return sorted(t.object.value for t in triples if t.subject == NamedNode(subject)
                  and t.predicate == NamedNode(predicate))


@pytest.fixture(scope="module")
def void(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Triple], Path]:
    out = tmp_path_factory.mktemp("void") / "dist"
    settings = Settings(license="https://creativecommons.org/licenses/by/4.0/")
    write_build(build_dataset([ReportFile(sample_path, sample_path.parent)], settings, load_reference()), check_output(out), settings)
    return list(parse(path=out / "void.ttl", format=RdfFormat.TURTLE)), out


def test_dataset_counts(void: tuple[list[Triple], Path]) -> None:
    triples, _ = void
    assert values(triples, DS, VOID + "triples") == ["5797"]
    assert values(triples, DS, "http://purl.org/dc/terms/license") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert values(triples, DS, "http://purl.org/dc/terms/modified") == []
    assert values(triples, f"{DS}/class/rscao-Activity", VOID + "entities") == ["12"]
    assert values(triples, f"{DS}/class/schema-Country", VOID + "entities") == ["249"]
    assert values(triples, f"{DS}/property/schema-url", VOID + "triples") == ["14"]
    assert values(triples, "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03", VOID + "triples") == [
        "1302"]
    assert "http://schema.org/" in values(triples, DS, VOID + "vocabulary")


def test_distributions_carry_real_byte_sizes(void: tuple[list[Triple], Path]) -> None:
    triples, out = void
    for name in ("dataset.trig", "dataset.nq", "dataset.ttl", "dataset.jsonld"):
        dist = f"{DS}/distribution/{name}"
        assert values(triples, dist, "http://www.w3.org/ns/dcat#byteSize") == [str((out / name).stat().st_size)]
    assert values(triples, f"{DS}/distribution/dataset.trig", "http://www.w3.org/ns/dcat#mediaType") == [
        "https://www.iana.org/assignments/media-types/application/trig"]


def test_linksets(void: tuple[list[Triple], Path]) -> None:
    triples, _ = void
    assert values(triples, f"{DS}/linkset/wikidata-sameAs", VOID + "triples") == ["10"]
    assert values(triples, f"{DS}/linkset/geonames-exactMatch", VOID + "triples") == ["250"]
    assert values(triples, f"{DS}/linkset/wikidata-sameAs", VOID + "objectsTarget") == [f"{DS}/authority/wikidata"]


def test_modified_only_with_source_date_epoch(sample_path: Path, tmp_path: Path) -> None:
    settings = SETTINGS
    modified = read_environment({"SOURCE_DATE_EPOCH": "1583107200"}).source_date
    write_build(build_dataset([ReportFile(sample_path, sample_path.parent)], settings, load_reference()),
                check_output(tmp_path / "d"), settings, modified=modified)
    triples = list(parse(path=tmp_path / "d" / "void.ttl", format=RdfFormat.TURTLE))
    assert [t.object for t in triples if t.predicate.value == "http://purl.org/dc/terms/modified"] == [
        Literal("2020-03-02", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))]
    assert values(triples, DS, "http://purl.org/dc/terms/license") == []
