"""Shared fixtures: the bundled sample report, read and extracted once per session; the reference data."""

from __future__ import annotations

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


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (no rscao.toml, no data/reports/) for command-line tests."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
