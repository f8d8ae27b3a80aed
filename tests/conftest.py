"""Shared fixtures: the bundled sample report, read and extracted once per session; the reference data; the
sample built once, and an Oxigraph server serving it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rscao_graph.extract import extract_report
from rscao_graph.model import Report, SourceDocument
from rscao_graph.read import read_report
from rscao_graph.reference import Reference, load_reference
from rscao_graph.resources import SAMPLE_REPORT, resource_path

#: The serving tests' fixtures (a built sample, a live server): tests/served.py.
pytest_plugins = ["served"]


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return resource_path("data", SAMPLE_REPORT)


@pytest.fixture(scope="session")
def sample_doc(sample_path: Path) -> SourceDocument:
    return read_report(sample_path, sample_path.parent)


@pytest.fixture(scope="session")
def sample(sample_doc: SourceDocument, reference: Reference) -> Report:
    return extract_report(sample_doc, reference)


@pytest.fixture(scope="session")
def sample_dist(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built once (dumps, void.ttl, validation.ttl, store) for tests that only read a build."""
    from helpers import SETTINGS

    from rscao_graph.files import check_output
    from rscao_graph.pipeline import build_dataset
    from rscao_graph.publish.writer import write_build
    from rscao_graph.read.sources import ReportFile
    from rscao_graph.validate import validate_build

    build = build_dataset([ReportFile(sample_path, sample_path.parent)], SETTINGS, load_reference())
    out = tmp_path_factory.mktemp("sample") / "dist"
    write_build(build, check_output(out), SETTINGS, validate_build(build))
    return out


@pytest.fixture(scope="session")
def oxigraph_endpoint(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on 127.0.0.1 serving the sample build (union default graph)."""
    from oxigraph_server import oxigraph_server

    with oxigraph_server([sample_dist / "dataset.nq"], tmp_path_factory.mktemp("oxigraph-session") / "db") as url:
        yield url


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (no rscao.toml, no data/reports/) for command-line tests."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
