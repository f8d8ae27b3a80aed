"""Shared fixtures: the bundled sample report, read and extracted once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rscao_graph.cli import cli
from rscao_graph.config import Settings
from rscao_graph.extract import extract_report
from rscao_graph.model import Report, SourceDocument
from rscao_graph.read import read_report
from rscao_graph.resources import SAMPLE_REPORT, resource_path

DATA = Path(__file__).parent / "data"

#: Settings for library-level tests: the repository's curated decisions file, whatever the cwd.
SETTINGS = Settings(decisions=resource_path("data", "links.csv"))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return resource_path("data", SAMPLE_REPORT)


@pytest.fixture(scope="session")
def sample_doc(sample_path: Path) -> SourceDocument:
    return read_report(sample_path, sample_path.parent)


@pytest.fixture(scope="session")
def sample(sample_doc: SourceDocument) -> Report:
    return extract_report(sample_doc)


@pytest.fixture(scope="session")
def sample_dist(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built once (dumps, void.ttl, validation.ttl, store) for tests that only read a build."""
    from rscao_graph.build import build_dataset, write_build
    from rscao_graph.sources import ReportFile
    from rscao_graph.validate import validate_build

    build = build_dataset([ReportFile(sample_path, sample_path.parent)], SETTINGS)
    out = tmp_path_factory.mktemp("sample") / "dist"
    write_build(build, out, SETTINGS, validate_build(build).turtle())
    return out


@pytest.fixture(scope="session")
def oxigraph_endpoint(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on 127.0.0.1 serving the sample build (union default graph)."""
    from oxigraph_server import oxigraph_server

    with oxigraph_server([sample_dist / "dataset.nq"], tmp_path_factory.mktemp("oxigraph-session") / "db") as url:
        yield url


#: A value for every parameter of the stored queries, for tests that run each query.
QUERY_PARAMS = {"country": "CN", "organisation": "library",
                "activity": "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03/activity/cn-1",
                "start": "2019-11-15", "end": "2019-12-04"}


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (no rscao.toml, no data/reports/) for command-line tests."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    """Run ``rscao-graph ARGS`` in-process."""
    return CliRunner().invoke(cli, list(args), prog_name="rscao-graph")


def write_report(tmp_path: Path, text: str, name: str = "report.md") -> Path:
    """Write a small report file for a test and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


#: A minimal well-formed report in the template, for tests that vary one thing.
MINIMAL_REPORT = """**IFLA- Regional Standing Committee for Asia and Oceania
(IFLA - RSCAO)
Bi-annual Sub-Regional Report
[Reporting Period: September 2019 – March 2020]**

Sub-region: North East Asia Convenor: Chen Ying

Date of submission: 2 March 2020

I. Achievements in the key roles and responsibilities as sub-regional convenor:

A. Promotion of IFLA and IFLA-RSCAO and its programs and activities in the sub-region (Please provide details):

1\\ Worked with the National Library of China <https://www.ifla.org/node/92542>.

II. Brief details with links to information where available

Country\tActivities\tImpact
China\t<p>#1 Name and Date: Seminar was held at the National Library of China on Sep 9-10, 2019</p> <p>Details:</p> <p>A seminar.</p> <p>Links: https://www.ifla.org/node/92613</p>\t<p>3. Connect and empower the field</p> <p>3.1 Provide excellent opportunities for face-to-face networking and learning</p>
"""
