"""The build pipeline: several reports, resubmissions, unreadable reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, SETTINGS, write_report

from rscao_graph.errors import ReportError
from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference


def files(*paths: Path) -> list[ReportFile]:
    return [ReportFile(p, p.parent) for p in paths]


def test_two_reports_two_graphs(tmp_path: Path, sample_path: Path) -> None:
    other = write_report(tmp_path, MINIMAL_REPORT.replace("September 2019 – March 2020", "March 2020 – September 2020"))
    build = build_dataset(files(sample_path, other), SETTINGS, load_reference())
    assert [b.iri for b in build.reports] == ["https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03",
                                              "https://w3id.org/rscao/report/north-east-asia/2020-03--2020-09"]
    assert build.notes == [] and build.skipped == []


def test_resubmission_replaces_the_earlier_report(tmp_path: Path) -> None:
    first = write_report(tmp_path, MINIMAL_REPORT, "a-first.md")
    second = write_report(tmp_path, MINIMAL_REPORT.replace("2 March 2020", "20 March 2020")
                          .replace("Seminar was held", "Workshop was held"), "b-resubmitted.md")
    build = build_dataset(files(second, first), SETTINGS, load_reference())
    assert [b.report.file for b in build.reports] == ["b-resubmitted.md"]
    assert [(n.code, n.severity, n.span.file) for n in build.notes] == [("report-replaced", "warning", "a-first.md")]
    assert build.notes[0].message.startswith("b-resubmitted.md and a-first.md are both the report for ")


def test_unreadable_report_fails_the_build_or_is_skipped(tmp_path: Path, sample_path: Path) -> None:
    bad = write_report(tmp_path, "", "empty.md")
    with pytest.raises(ReportError) as err:
        build_dataset(files(sample_path, bad), SETTINGS, load_reference())
    assert str(err.value) == "empty.md: the file is empty (expected a bi-annual sub-regional report)"
    build = build_dataset(files(sample_path, bad), SETTINGS, load_reference(), keep_going=True)
    assert [b.report.file for b in build.reports] == ["north-east-asia-2019-09--2020-03.md"]
    assert [str(e) for e in build.skipped] == [str(err.value)]


def test_write_build_sizes(tmp_path: Path, sample_path: Path) -> None:
    settings = SETTINGS
    sizes = write_build(build_dataset(files(sample_path), settings, load_reference()), check_output(tmp_path / "dist"), settings)
    assert sorted(sizes) == ["context.jsonld", "dataset.jsonld", "dataset.nq", "dataset.trig", "dataset.ttl", "void.ttl"]
    assert all(sizes[name] == (tmp_path / "dist" / name).stat().st_size for name in sizes)
