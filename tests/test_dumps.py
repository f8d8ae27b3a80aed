"""Every dump read back by an independent parser gives the dataset that was built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SETTINGS
from pyld import jsonld
from pyoxigraph import CanonicalizationAlgorithm, Dataset, DefaultGraph, Quad, RdfFormat, parse

from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.dumps import DUMPS
from rscao_graph.publish.writer import write_build
from rscao_graph.rdf.dataset import Build, sort_quads
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference


def canonical(quads: list[Quad]) -> set[str]:
    ds = Dataset(quads)
    ds.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in ds}


@pytest.fixture(scope="module")
def built(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path]:
    out = tmp_path_factory.mktemp("build") / "dist"
    settings = SETTINGS
    build = build_dataset([ReportFile(sample_path, sample_path.parent)], settings, load_reference())
    write_build(build, check_output(out), settings)
    return build, out


def test_files(built: tuple[Build, Path]) -> None:
    _, out = built
    assert sorted(p.name for p in out.iterdir()) == sorted([*DUMPS, ".rscao-build", "context", "descriptions", "ontology.ttl",
                                                            "report", "store", "void.ttl"])


@pytest.mark.parametrize(("name", "fmt"), [("dataset.trig", RdfFormat.TRIG), ("dataset.nq", RdfFormat.N_QUADS)])
def test_quad_dumps_are_isomorphic(built: tuple[Build, Path], name: str, fmt: RdfFormat) -> None:
    build, out = built
    parsed = list(parse(path=out / name, format=fmt))
    assert len(parsed) == len(build.quads())
    assert canonical(parsed) == canonical(build.quads())


def test_jsonld_expanded_by_pyld_is_isomorphic(built: tuple[Build, Path]) -> None:
    build, out = built
    document = json.loads((out / "dataset.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    parsed = list(parse(nquads, format=RdfFormat.N_QUADS))
    assert canonical(parsed) == canonical(build.quads())


def test_turtle_is_the_union_of_the_trig_graphs(built: tuple[Build, Path]) -> None:
    _, out = built
    merged = {str(t) for t in parse(path=out / "dataset.ttl", format=RdfFormat.TURTLE)}
    union = {str(q.triple) for q in parse(path=out / "dataset.trig", format=RdfFormat.TRIG)}
    assert merged == union
    assert len(merged) == 5797


def test_every_quad_is_in_a_named_graph(built: tuple[Build, Path]) -> None:
    build, _ = built
    assert not any(isinstance(q.graph_name, DefaultGraph) for q in build.quads())
    graphs = sorted({q.graph_name.value for q in build.quads()})
    assert graphs == ["https://w3id.org/rscao/graph/countries", "https://w3id.org/rscao/graph/entities",
                      "https://w3id.org/rscao/graph/gazetteer",
                      "https://w3id.org/rscao/graph/links", "https://w3id.org/rscao/graph/ontology", "https://w3id.org/rscao/graph/strategy",
                      "https://w3id.org/rscao/graph/subregions",
                      "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03"]


def test_byte_identical_rebuild(built: tuple[Build, Path], sample_path: Path, tmp_path: Path) -> None:
    _, out = built
    settings = SETTINGS
    again = build_dataset([ReportFile(sample_path, sample_path.parent)], settings, load_reference())
    write_build(again, check_output(tmp_path / "dist"), settings)
    for name in [*DUMPS, "void.ttl"]:
        assert (tmp_path / "dist" / name).read_bytes() == (out / name).read_bytes(), name


def test_sort_quads_removes_duplicates(built: tuple[Build, Path]) -> None:
    build, _ = built
    quads = build.quads()
    assert sort_quads(quads[:3] + quads[:3]) == quads[:3]


def test_byte_identical_across_processes_and_hash_seeds(sample_path: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "data" / "reports").mkdir(parents=True)
    (tmp_path / "data" / "reports" / sample_path.name).write_bytes(sample_path.read_bytes())
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "rscao_graph", "-q", "build", "--out", f"out{seed}"], cwd=tmp_path,
                       env=env, check=True, capture_output=True, timeout=120)
    names = sorted(p.name for p in (tmp_path / "out1").iterdir() if p.is_file())
    assert names == [".rscao-build", "context.jsonld", "dataset.jsonld", "dataset.nq", "dataset.trig", "dataset.ttl",
                     "ontology.ttl", "validation.ttl", "void.ttl"]
    for name in names:
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes(), name
    framed = "report/north-east-asia/2019-09--2020-03.jsonld"
    assert (tmp_path / "out1" / framed).read_bytes() == (tmp_path / "out2" / framed).read_bytes()
