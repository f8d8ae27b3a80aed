"""The build pipeline: several reports, resubmissions, unreadable reports; the one call from reports to dumps."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, SETTINGS, write_report
from pyoxigraph import NamedNode

from rscao_graph.config import Environment
from rscao_graph.errors import InputError, ReportError, UsageError, ValidationFailed
from rscao_graph.files import MARKER, check_output
from rscao_graph.pipeline import BuildInvalid, BuildResult, build, build_dataset, check
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference
from rscao_graph.validate import validate_build


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
    sizes = write_build(build_dataset(files(sample_path), settings, load_reference()), check_output(tmp_path / "dist"),
                        settings)
    assert sorted(sizes) == ["context.jsonld", "dataset.jsonld", "dataset.nq", "dataset.trig", "dataset.ttl",
                             "ontology.ttl", "void.ttl"]
    assert all(sizes[name] == (tmp_path / "dist" / name).stat().st_size for name in sizes)


def test_build_is_one_call_from_reports_to_dumps(tmp_path: Path, sample_path: Path) -> None:
    settings = replace(SETTINGS, out=tmp_path / "dist")
    seen: list[str] = []
    found: list[tuple[int, int, int]] = []
    result = build(files(sample_path), settings, load_reference(), on_report=lambda f: seen.append(f.path.name),
                   on_validated=lambda v: found.append(tuple(v.counts().values())))
    assert seen == ["north-east-asia-2019-09--2020-03.md"]
    assert found == [(0, 3, 13)]
    assert isinstance(result, BuildResult)
    assert (len(result.dataset.reports), len(result.dataset.quads()), result.skipped) == (1, 5797, [])
    assert result.validation.counts() == {"violation": 0, "warning": 3, "info": 13}
    assert sorted(result.sizes) == ["context.jsonld", "dataset.jsonld", "dataset.nq", "dataset.trig", "dataset.ttl",
                                    "ontology.ttl", "validation.ttl", "void.ttl"]
    written = {p.name: p.stat().st_size for p in (tmp_path / "dist").iterdir() if p.is_file() and p.name != MARKER}
    assert written == result.sizes
    assert (tmp_path / "dist" / "store").is_dir()


def test_violations_raise_and_leave_the_output_alone(tmp_path: Path) -> None:
    bad = Path(__file__).parent / "data" / "rules" / "activity-without-name.md"
    settings = replace(SETTINGS, out=tmp_path / "dist")
    with pytest.raises(BuildInvalid) as err:
        build(files(bad), settings, load_reference())
    assert isinstance(err.value, ValidationFailed) and err.value.exit_code == 1
    assert str(err.value) == (f"validation found 1 violation(s); {settings.out} was left as it was (fix the reports, "
                              "or build with --allow-invalid)")
    assert [f.rule for f in err.value.result.validation.findings if f.severity == "violation"] == [
        "activity-without-name"]
    assert err.value.result.sizes == {} and not settings.out.exists()
    written = build(files(bad), settings, load_reference(), allow_invalid=True)
    assert written.validation.conforms is False and (settings.out / "dataset.trig").is_file()


def test_the_output_folder_is_checked_before_anything_is_read(tmp_path: Path, sample_path: Path) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    seen: list[ReportFile] = []
    with pytest.raises(InputError) as err:
        build(files(sample_path), replace(SETTINGS, out=foreign), load_reference(), on_report=seen.append)
    assert str(err.value) == (f"{foreign}: the output folder exists and is not an earlier build; it is left as it is "
                              "(choose an empty or new folder with --out (or 'out' in rscao.toml))")
    assert seen == [] and (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_nothing_readable_is_a_usage_error(tmp_path: Path) -> None:
    bad = write_report(tmp_path, "", "empty.md")
    skipped: list[str] = []
    with pytest.raises(UsageError) as err:
        build(files(bad), replace(SETTINGS, out=tmp_path / "dist"), load_reference(), keep_going=True,
              on_skipped=lambda e: skipped.append(str(e)))
    assert str(err.value) == f"no report could be read; {tmp_path / 'dist'} was left as it was"
    assert skipped == ["empty.md: the file is empty (expected a bi-annual sub-regional report)"]


def test_check_validates_without_writing(tmp_path: Path, sample_path: Path) -> None:
    settings = replace(SETTINGS, out=tmp_path / "dist")
    dataset, validation = check(files(sample_path), settings, load_reference(), workers=2)
    assert (len(dataset.reports), validation.counts()) == (1, {"violation": 0, "warning": 3, "info": 13})
    assert validation == validate_build(dataset)
    assert not settings.out.exists()


def test_the_environment_dates_the_dataset(tmp_path: Path, sample_path: Path) -> None:
    settings = replace(SETTINGS, out=tmp_path / "dist")
    build(files(sample_path), settings, load_reference(), environment=Environment(source_date_epoch=1583107200))
    void = (settings.out / "void.ttl").read_text(encoding="utf-8")
    assert void.count('dct:modified "2020-03-02"^^xsd:date') == 1


def test_reading_in_several_processes_gives_the_same_dataset(tmp_path: Path, sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    files = []
    for i, period in enumerate(["September 2019 – March 2020", "March 2020 – September 2020",
                                "September 2020 – March 2021", "March 2021 – September 2021", "Nonsense"]):
        path = tmp_path / f"r{i}.md"
        path.write_text(text.replace("September 2019 – March 2020", period), encoding="utf-8")
        files.append(ReportFile(path, tmp_path))
    (tmp_path / "bad.md").write_text("# not a report\n", encoding="utf-8")
    files.append(ReportFile(tmp_path / "bad.md", tmp_path))
    one = build_dataset(files, SETTINGS, load_reference(), keep_going=True)
    two = build_dataset(files, SETTINGS, load_reference(), keep_going=True, workers=2)
    assert [str(q) for q in two.quads()] == [str(q) for q in one.quads()]
    assert [str(e) for e in two.skipped] == [str(e) for e in one.skipped] == [
        "bad.md:1: not a bi-annual sub-regional report: neither its title block nor its sections were found "
        '(expected "Bi-annual Sub-Regional Report", "Sub-region:", "I. Achievements ..." and the Country / '
        "Activities / Impact table)"]


# --- a report-level error skips that report only (issue 10, item 5) --------------------------------


def _clashing(tmp_path: Path) -> list[ReportFile]:
    """Three reports: b.md names "Mork City Library", whose IRI a.md's "Mörk City Library" owns, after
    minting its own convenor "Zhou Xin"; c.md's convenor "Zhōu Xin" clashes only with that."""
    def report(name: str, convenor: str, organisation: str, period: str) -> Path:
        return write_report(tmp_path, MINIMAL_REPORT.replace("Chen Ying", convenor)
                            .replace("Worked with the National Library of China", f"Worked with the {organisation}")
                            .replace("September 2019 – March 2020", period), name)

    return files(report("a.md", "Wang Li", "Mörk City Library", "September 2019 – March 2020"),
                 report("b.md", "Zhou Xin", "Mork City Library", "September 2020 – March 2021"),
                 report("c.md", "Zhōu Xin", "National Library of China", "September 2021 – March 2022"))


CLASH = ("b.md:14: two different names mint the same IRI https://w3id.org/rscao/org/mork-city-library: "
         "'name:mörk city library' and 'name:mork city library' (add one of them as an alias, or a distinct "
         "entry, in data/gazetteer.csv)")


def test_names_that_clash_skip_that_report_only(tmp_path: Path) -> None:
    reports = _clashing(tmp_path)
    with pytest.raises(InputError) as err:
        build_dataset(reports, SETTINGS, load_reference())
    assert str(err.value) == CLASH
    skipped: list[ReportError] = []
    build = build_dataset(reports, SETTINGS, load_reference(), keep_going=True, on_skipped=skipped.append)
    assert [str(e) for e in build.skipped] == [str(e) for e in skipped] == [CLASH]
    assert isinstance(build.skipped[0], ReportError) and build.skipped[0].exit_code == 2
    # c.md is built as if b.md were not there: the convenor b.md minted before failing is forgotten
    assert [b.report.file for b in build.reports] == ["a.md", "c.md"]
    assert NamedNode("https://w3id.org/rscao/person/zhou-xin") in {q.subject for q in build.quads()}


def test_any_input_error_of_one_report_skips_it(tmp_path: Path, sample_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from rscao_graph import pipeline

    real = pipeline.extract_report

    def failing(doc: object, reference: object) -> object:
        if getattr(doc, "name", "") == "bad.md":
            raise InputError("a gazetteer entry this report needs is malformed")
        return real(doc, reference)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_report", failing)
    bad = write_report(tmp_path, MINIMAL_REPORT, "bad.md")
    build = build_dataset(files(sample_path, bad), SETTINGS, load_reference(), keep_going=True)
    assert [b.report.file for b in build.reports] == ["north-east-asia-2019-09--2020-03.md"]
    assert [str(e) for e in build.skipped] == ["bad.md: a gazetteer entry this report needs is malformed"]


def test_check_keeps_going_too(tmp_path: Path) -> None:
    skipped: list[ReportError] = []
    dataset, validation = check(_clashing(tmp_path), SETTINGS, load_reference(), keep_going=True,
                                on_skipped=skipped.append)
    assert [b.report.file for b in dataset.reports] == ["a.md", "c.md"]
    assert [str(e) for e in skipped] == [CLASH]
    assert {f.file for f in validation.findings} <= {"a.md", "c.md", "(reference data)"}
