"""Helpers shared by the tests: the fixture report text, writing a report, running the command, a value for
every stored query's parameters."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from rscao_graph.cli import cli
from rscao_graph.config import Settings
from rscao_graph.resources import resource_path

DATA = Path(__file__).parent / "data"

#: Settings for library-level tests: the repository's curated decisions file, whatever the cwd.
SETTINGS = Settings(decisions=resource_path("data", "links.csv"))

#: A value for every parameter of the stored queries, for tests that run each query.
QUERY_PARAMS = {"country": "CN", "organisation": "library",
                "activity": "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03/activity/cn-1",
                "start": "2019-11-15", "end": "2019-12-04"}


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
