"""The command line: rscao_graph.cli through click's CliRunner (exit codes, messages, bad input)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import Result
from helpers import MINIMAL_REPORT, run, write_report

from rscao_graph import __version__
from rscao_graph.cli import cli

SAMPLE_NAME = "north-east-asia-2019-09--2020-03.md"


def parse_json(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_input_error(result: Result, message: str) -> None:
    """Exit 2, nothing on stdout, and exactly one line on stderr: ``error: <message>``."""
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"
    assert "Traceback" not in result.output


def _commands(group: click.Group) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        found.append((name,))
        if isinstance(command, click.Group):
            found.extend((name, *sub) for sub in _commands(command))
    return found


# --- version and help -----------------------------------------------------------------------------


def test_version(work: Path) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"rscao-graph, version {__version__}\n"
    assert __version__ == "0.1.0"


def test_group_help_has_example(work: Path) -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "\n  Example:\n      rscao-graph parse data/reports/north-east-asia-2019-09--2020-03.md\n" in result.stdout
    assert "  parse     Read one report and print the model extracted from it." in result.stdout


def test_short_help_option(work: Path) -> None:
    assert run("-h").stdout == run("--help").stdout


def test_parse_is_a_command() -> None:
    assert ("parse",) in _commands(cli)


@pytest.mark.parametrize("command", _commands(cli), ids=" ".join)
def test_every_command_help_has_example(work: Path, command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: rscao-graph {' '.join(command)} ")
    assert "\n  Example:\n      rscao-graph " + command[0] in result.stdout


def test_parse_help_examples(work: Path) -> None:
    result = run("parse", "--help")
    assert ("\n  Example:\n      rscao-graph parse data/reports/north-east-asia-2019-09--2020-03.md --format json\n"
            "      rscao-graph parse --sample\n") in result.stdout


def test_unknown_command_is_usage_error(work: Path) -> None:
    result = run("frobnicate")
    assert result.exit_code == 2
    assert "No such command 'frobnicate'" in result.stderr


def test_bad_format_is_usage_error(work: Path) -> None:
    result = run("parse", "--sample", "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format': 'xml' is not one of 'json', 'text'." in result.stderr


# --- parse on the sample -----------------------------------------------------------------------------


def test_parse_sample_json(work: Path) -> None:
    result = run("parse", "--sample", "--format", "json")
    data = parse_json(result)
    assert result.stderr == ""
    assert data["file"] == SAMPLE_NAME
    assert data["committee"] == "IFLA- Regional Standing Committee for Asia and Oceania (IFLA - RSCAO)"
    assert data["sub_region"] == "North East Asia"
    assert data["convenor"] == "Chen Ying"
    assert data["period"] == {"start": "2019-09", "end": "2020-03", "text": "September 2019 – March 2020"}
    assert data["submitted"] == "2020-03-02"
    assert data["submitted_text"] == "2 March 2020"
    assert len(data["activities"]) == 12
    assert [(a["country"], a["ordinal"]) for a in data["activities"]] == [
        ("CN", 1), ("CN", 2), ("CN", 3), ("CN", 4), ("JP", 1), ("JP", 2),
        ("KP", 1), ("KP", 2), ("KR", 1), ("KR", 2), ("MN", 1), ("MN", 2),
    ]
    assert [h["heading"] for h in data["headings"]] == ["A", "B", "C", "D", "E"]
    assert {n["code"] for n in data["notes"]} == {"country-inferred"}


def test_parse_sample_json_keeps_unicode(work: Path) -> None:
    result = run("parse", "--sample", "--format", "json")
    assert '"text": "September 2019 – March 2020"' in result.stdout


def test_parse_sample_text(work: Path) -> None:
    result = run("parse", "--sample")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        SAMPLE_NAME,
        "  sub-region  North East Asia",
        "  convenor    Chen Ying",
        "  period      2019-09 to 2020-03",
        "  submitted   2020-03-02",
        "  section I   A 3, B 2, C 1, D 1, E 0",
        "  activities  12",
    ]


def test_parse_sample_and_report_is_usage_error(work: Path) -> None:
    path = write_report(work, MINIMAL_REPORT)
    result = run("parse", str(path), "--sample")
    assert_input_error(result, "give either REPORT or --sample, not both")


def test_parse_sample_ignores_working_directory(work: Path) -> None:
    reports = work / "data" / "reports"
    reports.mkdir(parents=True)
    write_report(reports, MINIMAL_REPORT, "a.md")
    write_report(reports, MINIMAL_REPORT, "b.md")
    assert parse_json(run("parse", "--sample", "--format", "json"))["file"] == SAMPLE_NAME


# --- parse: which report -----------------------------------------------------------------------------


def test_parse_only_report_in_default_folder(work: Path) -> None:
    reports = work / "data" / "reports"
    reports.mkdir(parents=True)
    write_report(reports, MINIMAL_REPORT, "ne-asia.md")
    data = parse_json(run("parse", "--format", "json"))
    assert data["file"] == "ne-asia.md"
    assert data["sub_region"] == "North East Asia"
    assert [(a["country"], a["name"], a["start"]) for a in data["activities"]] == [("CN", "Seminar", "2019-09-09")]


def test_parse_nested_report_named_relative_to_folder(work: Path) -> None:
    reports = work / "data" / "reports"
    (reports / "2020").mkdir(parents=True)
    write_report(reports / "2020", MINIMAL_REPORT, "ne-asia.md")
    assert parse_json(run("parse", "--format", "json"))["file"] == "2020/ne-asia.md"


def test_parse_two_reports_in_default_folder(work: Path) -> None:
    reports = work / "data" / "reports"
    reports.mkdir(parents=True)
    write_report(reports, MINIMAL_REPORT, "a.md")
    write_report(reports, MINIMAL_REPORT, "b.md")
    result = run("parse")
    assert_input_error(result, f"2 reports in {reports}; name the one to parse")


def test_parse_two_reports_in_a_folder_named_with_a_line_break(work: Path) -> None:
    (work / "rscao.toml").write_text('reports = "in\\nx"\n', encoding="utf-8")
    (work / "in\nx").mkdir()
    write_report(work / "in\nx", MINIMAL_REPORT, "a.md")
    write_report(work / "in\nx", MINIMAL_REPORT, "b.md")
    assert_input_error(run("parse"), f'2 reports in "{work}/in\\nx"; name the one to parse')


def test_parse_without_reports_folder(work: Path) -> None:
    result = run("parse")
    assert_input_error(result, f"no reports folder {work / 'data' / 'reports'} (give report files or folders as "
                               "arguments, or set 'reports' in rscao.toml)")


def test_parse_with_empty_reports_folder(work: Path) -> None:
    (work / "data" / "reports").mkdir(parents=True)
    result = run("parse")
    assert_input_error(result, f"no reports found in {work / 'data' / 'reports'} (reports are text exports "
                               "(.md, .txt), Word documents (.docx) or HTML pages (.html); give a file or folder as "
                               "argument)")


def test_parse_reports_folder_from_config(work: Path) -> None:
    (work / "rscao.toml").write_text('reports = "in"\n', encoding="utf-8")
    (work / "in").mkdir()
    write_report(work / "in", MINIMAL_REPORT, "only.md")
    assert parse_json(run("parse", "--format", "json"))["file"] == "only.md"


def test_parse_named_report(work: Path) -> None:
    write_report(work, MINIMAL_REPORT, "mine.txt")
    data = parse_json(run("parse", "mine.txt", "--format", "json"))
    assert data["file"] == "mine.txt"
    assert data["convenor"] == "Chen Ying"


def test_config_unknown_key(work: Path) -> None:
    (work / "rscao.toml").write_text('out = "dist"\ncolour = "blue"\n', encoding="utf-8")
    result = run("parse", "--sample")
    assert_input_error(result, f"{work / 'rscao.toml'}: unknown setting(s) colour; known: base_iri, contact, "
                               "contact_point, decisions, host_url, license, out, publisher, publisher_iri, reports, "
                               "wikidata_endpoint")


def test_config_malformed(work: Path) -> None:
    (work / "rscao.toml").write_text('out = "dist\n', encoding="utf-8")
    result = run("parse", "--sample")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {work / 'rscao.toml'}: not valid TOML: ")
    assert result.stderr.count("\n") == 1


# --- bad input: exit 2, the file named, what was expected said ------------------------------------------


def test_empty_file(work: Path) -> None:
    (work / "empty.md").write_bytes(b"")
    assert_input_error(run("parse", "empty.md"),
                       "empty.md: the file is empty (expected a bi-annual sub-regional report)")


def test_blank_file(work: Path) -> None:
    (work / "blank.txt").write_bytes(b"\r\n  \r\n")
    assert_input_error(run("parse", "blank.txt"),
                       "blank.txt: the file is empty (expected a bi-annual sub-regional report)")


def test_binary_file(work: Path) -> None:
    (work / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x00\x08\x06"
                                   b"\x00\x00\x00\x1f\x15\xc4\x89")
    assert_input_error(run("parse", "scan.md"), "scan.md: this is a PNG image, not a report this tool reads (give "
                                                "the report as a Word document (.docx), an HTML page or its text "
                                                "export (.md))")


def test_other_markdown(work: Path) -> None:
    (work / "README.md").write_text("# My project\n\nSome intro text.\n\n## Install\n\n- pip install foo\n"
                                    "- run foo\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    assert_input_error(run("parse", "README.md"),
                       'README.md:1: not a bi-annual sub-regional report: neither its title block nor its sections '
                       'were found (expected "Bi-annual Sub-Regional Report", "Sub-region:", "I. Achievements ..." '
                       "and the Country / Activities / Impact table)")


def test_pdf_named_by_what_it_is(work: Path) -> None:
    (work / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert_input_error(run("parse", "report.pdf"), "report.pdf: this is a PDF document, not a report this tool reads "
                                                   "(give the report as a Word document (.docx), an HTML page or its "
                                                   "text export (.md))")


def test_truncated_docx(work: Path) -> None:
    (work / "report.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    assert_input_error(run("parse", "report.docx"), "report.docx: the document is damaged: not a readable ZIP package "
                                                    "(File is not a zip file) (open it in Word or LibreOffice and save "
                                                    "it again)")


def test_missing_file(work: Path) -> None:
    assert_input_error(run("parse", "nowhere.md"), "no such file or folder: nowhere.md")


def test_folder_as_report(work: Path) -> None:
    (work / "folder.md").mkdir()
    result = run("parse", "folder.md")
    assert result.exit_code == 2
    assert "'folder.md' is a directory." in result.stderr


def test_undecodable_file(work: Path) -> None:
    (work / "odd.md").write_bytes(b"Report line one\n" + bytes(range(0x80, 0x100)) * 8)
    assert_input_error(run("parse", "odd.md"), "odd.md:2: not UTF-8 (byte 0x80) and the encoding cannot be told "
                                               "(save the report as UTF-8)")


def test_bad_input_error_keeps_subfolder_in_name(work: Path) -> None:
    reports = work / "data" / "reports" / "2020"
    reports.mkdir(parents=True)
    (reports / "empty.md").write_bytes(b"")
    assert_input_error(run("parse"), "2020/empty.md: the file is empty (expected a bi-annual sub-regional report)")


# --- truncated reports: exit 0, the model with gaps ---------------------------------------------------------


def test_truncated_in_table(work: Path, sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    cut = text.index("Following Japan's accession")         # in the middle of the row at line 60
    (work / "cut.md").write_text(text[:cut], encoding="utf-8")
    result = run("parse", "cut.md", "--format", "json")
    data = parse_json(result)
    assert "Traceback" not in result.output
    assert data["sub_region"] == "North East Asia"
    assert [(a["country"], a["ordinal"]) for a in data["activities"]] == [("CN", 1), ("CN", 2), ("CN", 3), ("CN", 4)]
    assert [(n["code"], n["severity"], n["line"]) for n in data["notes"]][-1] == ("row-unreadable", "warning", 60)


def test_truncated_after_whole_rows(work: Path, sample_path: Path) -> None:
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    (work / "cut.md").write_text("\n".join(lines[:61]) + "\n", encoding="utf-8")    # up to line 61
    data = parse_json(run("parse", "cut.md", "--format", "json"))
    assert [(a["country"], a["ordinal"]) for a in data["activities"]] == [
        ("CN", 1), ("CN", 2), ("CN", 3), ("CN", 4), ("JP", 1), ("JP", 2),
    ]
    assert "table-missing" not in {n["code"] for n in data["notes"]}


def test_truncated_in_section_one(work: Path, sample_path: Path) -> None:
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    (work / "cut.md").write_text("\n".join(lines[:21]), encoding="utf-8")           # after item A 2
    result = run("parse", "cut.md", "--format", "json")
    data = parse_json(result)
    assert data["sub_region"] == "North East Asia"
    assert data["period"] == {"start": "2019-09", "end": "2020-03", "text": "September 2019 – March 2020"}
    assert [h["heading"] for h in data["headings"]] == ["A"]
    assert [(a["heading"], a["number"]) for a in data["convenor_actions"]] == [("A", 1), ("A", 2)]
    assert data["activities"] == []
    assert data["notes"] == [{
        "code": "table-missing", "severity": "violation",
        "message": "the Country / Activities / Impact table was not found; the report may be truncated",
        "file": "cut.md", "line": 20,
    }]


def test_truncated_text_summary_lists_the_gap(work: Path, sample_path: Path) -> None:
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    (work / "cut.md").write_text("\n".join(lines[:21]), encoding="utf-8")
    result = run("parse", "cut.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "  notes       1",
        "    cut.md:20: violation: the Country / Activities / Impact table was not found; the report may be "
        "truncated [table-missing]",
    ]


def test_title_block_only(work: Path, sample_path: Path) -> None:
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    (work / "cut.md").write_text("\n".join(lines[:8]), encoding="utf-8")
    data = parse_json(run("parse", "cut.md", "--format", "json"))
    assert data["period"] == {"start": "2019-09", "end": "2020-03", "text": "September 2019 – March 2020"}
    assert data["activities"] == []
    assert [n["code"] for n in data["notes"]][-1] == "table-missing"


@pytest.mark.parametrize("step", [997, 1499, 2503])
def test_truncated_anywhere_never_a_traceback(work: Path, sample_path: Path, step: int) -> None:
    text = sample_path.read_text(encoding="utf-8")
    for cut in range(step, len(text), step):
        (work / "cut.md").write_text(text[:cut], encoding="utf-8")
        result = run("parse", "cut.md", "--format", "json")
        assert result.exit_code in (0, 2), (cut, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (cut, result.output)
        assert "internal error" not in result.stderr


# --- a closed output (rscao-graph ... | head -1) --------------------------------------------------------


def run_into_closed_pipe(args: list[str], cwd: Path, *, stream: str = "stdout") -> tuple[int, str]:
    """Run ``python -m rscao_graph ARGS`` with ``stream`` a real pipe whose reader has gone (``| true``, or
    ``| head -1`` once head has its line): (the exit code, what the other stream got)."""
    read, write = os.pipe()
    os.close(read)
    other = {"stdout": "stderr", "stderr": "stdout"}[stream]
    try:
        done = subprocess.run([sys.executable, "-m", "rscao_graph", *args], cwd=cwd, timeout=120, check=False,
                              **{stream: write, other: subprocess.PIPE})  # type: ignore[call-overload]
    finally:
        os.close(write)
    return done.returncode, done.stdout.decode() if other == "stdout" else done.stderr.decode()


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["queries"], ["parse", "--sample", "--format", "json"],
                                  ["query", "activities", "--data", "DIST", "--format", "csv"]])
def test_a_closed_stdout_ends_quietly(work: Path, sample_dist: Path, args: list[str]) -> None:
    """Was exit 4, "internal error: BrokenPipeError ... This is a bug"."""
    args = [str(sample_dist) if a == "DIST" else a for a in args]
    assert run_into_closed_pipe(args, work) == (141, "")


@pytest.mark.parametrize("args", [["parse", "missing.md"], ["parse", "--bogus"]])
def test_a_closed_stderr_ends_quietly(work: Path, args: list[str]) -> None:
    """The error message itself (a library error's, click's usage error) meets the closed pipe."""
    assert run_into_closed_pipe(args, work, stream="stderr") == (141, "")


def test_a_closed_stdout_after_the_first_line(work: Path) -> None:
    """``rscao-graph queries | head -1``: the reader takes one line, closes, and what follows is dropped."""
    process = subprocess.Popen([sys.executable, "-m", "rscao_graph", "queries"], cwd=work,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    process.stderr.close()
    # the child may have written everything before the pipe closed (exit 0), or met it closed (141)
    assert (first, errors, process.wait(timeout=120) in (0, 141)) == (b"activities\n", b"", True)


def test_a_broken_pipe_elsewhere_is_still_a_bug(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a closed stdout or stderr is quiet: a broken pipe to a worker or a server is reported."""
    def broken(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("rscao_graph.extract.extract_report", broken)
    result = run("parse", "--sample")
    assert (result.exit_code, result.stderr) == (4, "internal error: BrokenPipeError: [Errno 32] Broken pipe. This "
                                                    "is a bug; please report it at https://github.com/rscao-graph/"
                                                    "rscao-graph/issues (run again with --debug for the traceback).\n")


# --- internal errors ---------------------------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_internal_error_exit_4(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rscao_graph.extract.extract_report", _boom)
    result = run("parse", "--sample")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr == ("internal error: RuntimeError: boom. This is a bug; please report it at "
                             "https://github.com/rscao-graph/rscao-graph/issues (run again with --debug for the "
                             "traceback).\n")
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_internal_error_with_debug_propagates(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rscao_graph.extract.extract_report", _boom)
    result = run("--debug", "parse", "--sample")
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "boom"
    assert result.exit_code == 1
    assert "internal error" not in result.output


def test_debug_does_not_change_input_errors(work: Path) -> None:
    (work / "empty.md").write_bytes(b"")
    assert_input_error(run("--debug", "parse", "empty.md"),
                       "empty.md: the file is empty (expected a bi-annual sub-regional report)")


def test_quiet_and_verbose_accepted(work: Path) -> None:
    for flags in (["-q"], ["-v"], ["-vv"], ["--quiet", "--verbose"]):
        result = run(*flags, "parse", "--sample", "--format", "json")
        assert parse_json(result)["sub_region"] == "North East Asia"


# --- build ---------------------------------------------------------------------------------------

def _reports_folder(work: Path, sample_path: Path) -> Path:
    folder = work / "data" / "reports"
    folder.mkdir(parents=True)
    (folder / SAMPLE_NAME).write_bytes(sample_path.read_bytes())
    return folder


def test_build_defaults(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    result = run("build")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Built 1 report(s), 12 activities, 5797 quads into {work / 'dist'}"
    assert [line.split()[0] for line in lines[1:]] == ["dataset.trig", "dataset.nq", "dataset.ttl", "dataset.jsonld",
                                                       "context.jsonld", "ontology.ttl", "void.ttl", "validation.ttl"]
    assert sorted(p.name for p in (work / "dist").iterdir()) == [
        ".rscao-build", "context", "context.jsonld", "dataset.jsonld", "dataset.nq", "dataset.trig", "dataset.ttl",
        "descriptions", "ontology.ttl", "report", "store", "validation.ttl",
        "void.ttl"]


def test_build_base_iri_option_and_config(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    (work / "rscao.toml").write_text('base_iri = "https://example.org/a/"\nout = "public"\n', encoding="utf-8")
    assert run("-q", "build").exit_code == 0
    assert "<https://example.org/a/report/north-east-asia/2019-09--2020-03>" in (
        work / "public" / "dataset.nq").read_text(encoding="utf-8")
    assert run("-q", "build", "--base-iri", "https://example.org/b/").exit_code == 0
    assert "<https://example.org/b/country/CN>" in (work / "public" / "dataset.nq").read_text(encoding="utf-8")
    bad = run("build", "--base-iri", "example.org")
    assert bad.exit_code == 2
    assert "base_iri 'example.org' must be an http(s) IRI" in bad.stderr


def test_failed_build_leaves_previous_output(work: Path, sample_path: Path) -> None:
    folder = _reports_folder(work, sample_path)
    assert run("-q", "build").exit_code == 0
    before = {p.name: p.read_bytes() for p in (work / "dist").iterdir() if p.is_file()}
    (folder / "zz-empty.md").write_text("", encoding="utf-8")
    result = run("build")
    assert_input_error(result, "zz-empty.md: the file is empty (expected a bi-annual sub-regional report)")
    assert {p.name: p.read_bytes() for p in (work / "dist").iterdir() if p.is_file()} == before
    assert sorted(p.name for p in work.iterdir()) == ["data", "dist"]


def test_keep_going_builds_the_rest_and_exits_2(work: Path, sample_path: Path) -> None:
    folder = _reports_folder(work, sample_path)
    (folder / "zz-empty.md").write_text("", encoding="utf-8")
    result = run("build", "--keep-going")
    assert result.exit_code == 2
    assert result.stdout.startswith("Built 1 report(s), 12 activities")
    assert result.stderr.splitlines()[0] == (
        "skipped: zz-empty.md: the file is empty (expected a bi-annual sub-regional report)")
    assert result.stderr.splitlines()[-1] == "0 violation(s), 3 warning(s), 13 info(s)"
    assert (work / "dist" / "dataset.trig").is_file()


def test_build_without_reports(work: Path) -> None:
    result = run("build")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: no reports folder {work / 'data' / 'reports'}")


# --- queries and query -----------------------------------------------------------------------------

def test_queries_lists_summaries_and_parameters(work: Path) -> None:
    result = run("queries")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["activities", "    Every activity, one row each, ordered by report, country and number"]
    assert "    --param country=<country: name, ISO code or IRI>  (required)" in lines
    assert "    --param start=<date>  (optional)" in lines


def test_query_on_the_built_store(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    assert run("-q", "build").exit_code == 0
    result = run("query", "activities-of-country", "--param", "country=JP", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert [line.split(",")[1:3] for line in result.stdout.splitlines()] == [["country", "ordinal"], ["JP", "1"],
                                                                            ["JP", "2"]]
    piped = json.loads(run("query", "activities-by-direction").stdout)
    assert [b["activities"]["value"] for b in piped["results"]["bindings"]] == ["2", "5", "7", "0"]


def test_query_errors(work: Path, sample_path: Path) -> None:
    missing = run("query", "activities")
    assert missing.exit_code == 2
    assert missing.stderr.startswith(f"error: no built store in {work / 'dist' / 'store'}")
    _reports_folder(work, sample_path)
    assert run("-q", "build").exit_code == 0
    assert run("query", "nothing").stderr == "error: no stored query 'nothing' ('rscao-graph queries' lists them)\n"
    assert run("query", "activities-of-country").exit_code == 2
    assert run("query", "activities", "--param", "novalue").exit_code == 2
    bad = run("query", "activities-in-period", "--param", "start=2019-02-30")
    assert (bad.exit_code, bad.stderr) == (2, "error: parameter start: '2019-02-30' is not a date (YYYY-MM-DD)\n")


def test_query_unreachable_endpoint_exit_3(work: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("query", "activities", "--endpoint", f"http://127.0.0.1:{port}/query", "--timeout", "2")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: SPARQL endpoint http://127.0.0.1:{port}/query could not be reached")


def test_build_never_replaces_a_folder_it_did_not_write(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    (work / "mine").mkdir()
    (work / "mine" / "thesis.doc").write_text("precious", encoding="utf-8")
    result = run("build", "--out", "mine")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {work / 'mine'}: the output folder exists and is not an earlier build; it is "
                             "left as it is (choose an empty or new folder with --out (or 'out' in rscao.toml))\n")
    assert [p.name for p in (work / "mine").iterdir()] == ["thesis.doc"]
    (work / "old" / "r").mkdir(parents=True)
    (work / "old" / ".rscao-build").write_text("", encoding="utf-8")
    (work / "old" / "r" / "report.md").write_bytes(sample_path.read_bytes())
    inside = run("build", "old/r", "--out", "old")
    assert (inside.exit_code, inside.stderr.split(" (")[0]) == (
        2, f"error: the output folder {work / 'old'} holds the report {Path('old/r/report.md')}")
    assert run("-q", "build", "--out", "mine2").exit_code == 0
    assert run("-q", "build", "--out", "mine2").exit_code == 0


def test_keep_going_with_nothing_readable_writes_nothing(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    assert run("-q", "build").exit_code == 0
    before = (work / "dist" / "dataset.nq").read_bytes()
    (work / "empty.md").write_text("", encoding="utf-8")
    result = run("build", "empty.md", "--keep-going")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "skipped: empty.md: the file is empty (expected a bi-annual sub-regional report)",
        f"error: no report could be read; {work / 'dist'} was left as it was"]
    assert (work / "dist" / "dataset.nq").read_bytes() == before


def test_workers_option(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    default, one, two = run("validate", "--format", "json"), run("validate", "--workers", "1", "--format", "json"), \
        run("validate", "--workers", "2", "--format", "json")
    assert (default.exit_code, one.exit_code, two.exit_code) == (0, 0, 0)
    assert len(json.loads(one.stdout)) == 16
    assert default.stdout == one.stdout == two.stdout
    bad = run("build", "--workers", "0")
    assert bad.exit_code == 2
    assert "Invalid value for '--workers': 0 is not in the range 1<=x<=256." in bad.stderr
    assert not (work / "dist").exists()


def test_debug_logging_says_what_each_step_does(work: Path, sample_path: Path) -> None:
    _reports_folder(work, sample_path)
    result = run("-vv", "build", "--workers", "1")
    assert result.exit_code == 0, result.output
    steps = [line for line in result.stderr.splitlines() if line.startswith(("DEBUG: ", "INFO: "))]
    assert steps == [f"DEBUG: reading {work / 'data' / 'reports' / sample_path.name}",
                     "INFO: validating 1 report graph(s) in up to 1 process(es)",
                     f"INFO: writing {work / 'dist'}"]
