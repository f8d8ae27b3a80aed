"""``build``, ``validate`` and ``query`` against odd files, odd names, a full disk and each other (issue 10,
items 5, 9, 12, 13, 14): exit codes and messages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, run, write_report
from pyoxigraph import RdfFormat, parse

from rscao_graph.files import MARKER, check_output, staged_output
from rscao_graph.query.store import write_store

FULL = ("cannot write: No space left on device (free some space on that disk, or write elsewhere, and run again; "
        "what was there is left as it was)")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _clashing(work: Path) -> None:
    """data/reports/ with three reports; b.md's "Mork City Library" clashes with a.md's "Mörk City Library"."""
    folder = work / "data" / "reports"
    folder.mkdir(parents=True)
    for name, convenor, organisation, period in [
            ("a.md", "Wang Li", "Mörk City Library", "September 2019 – March 2020"),
            ("b.md", "Zhou Xin", "Mork City Library", "September 2020 – March 2021"),
            ("c.md", "Zhōu Xin", "National Library of China", "September 2021 – March 2022")]:
        write_report(folder, MINIMAL_REPORT.replace("Chen Ying", convenor).replace(
            "Worked with the National Library of China", f"Worked with the {organisation}").replace(
            "September 2019 – March 2020", period), name)


CLASH = ("b.md:14: two different names mint the same IRI https://w3id.org/rscao/org/mork-city-library: "
         "'name:mörk city library' and 'name:mork city library' (add one of them as an alias, or a distinct "
         "entry, in data/gazetteer.csv)")


# --- item 5: under --keep-going a report-level error skips that report only ------------------------


def test_build_keep_going_skips_the_report_whose_names_clash(work: Path) -> None:
    _clashing(work)
    result = run("build", "--workers", "1")
    assert (result.exit_code, result.stderr) == (2, f"error: {CLASH}\n")
    assert not (work / "dist").exists()
    result = run("build", "--keep-going", "--workers", "1")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"skipped: {CLASH}"
    assert result.stdout.startswith("Built 2 report(s), 2 activities")
    assert (work / "dist" / "dataset.trig").is_file()


def test_validate_keep_going_skips_it_too(work: Path) -> None:
    _clashing(work)
    assert run("validate").exit_code == 2
    result = run("validate", "--keep-going", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == f"skipped: {CLASH}\n"
    assert '"file": "b.md"' not in result.stdout and '"file": "c.md"' in result.stdout


# --- item 9: only regular files are read; the working directory is never the output ---------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(work: Path, sample_path: Path) -> None:
    os.mkfifo(work / "pipe.md")
    result = run("parse", "pipe.md")
    assert (result.exit_code, result.stderr) == (
        2, "error: pipe.md: this is a FIFO (named pipe), not a report file; only regular files are read "
           "(give the report file itself)\n")
    shutil.copy(sample_path, work / "report.md")
    result = run("-q", "build", "--keep-going", "report.md", "pipe.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("skipped: pipe.md: this is a FIFO (named pipe)")
    (work / "data" / "reports").mkdir(parents=True)
    os.mkfifo(work / "data" / "reports" / "pipe.md")  # never collected from a folder
    shutil.copy(sample_path, work / "data" / "reports" / "report.md")
    assert run("-q", "build", "--out", "out").exit_code == 0


def test_a_device_is_refused(work: Path) -> None:
    result = run("parse", "/dev/zero")
    assert (result.exit_code, result.stderr) == (
        2, "error: zero: this is a character device, not a report file; only regular files are read "
           "(give the report file itself)\n")


def test_build_out_dot_is_refused(work: Path, sample_path: Path) -> None:
    empty = work / "empty"
    empty.mkdir()
    os.chdir(empty)
    result = run("build", "--out", ".", str(sample_path))
    assert (result.exit_code, result.stderr) == (
        2, f"error: {empty}: the output folder is the working directory or holds it, and an output folder is "
           "replaced whole; it is left as it is (give a folder of its own with --out (or 'out' in rscao.toml), "
           "such as dist/)\n")
    assert run("build", "--out", "..", str(sample_path)).exit_code == 2
    assert _names(work) == ["empty"] and _names(empty) == []


# --- item 13: a full disk is exit 2 naming the path, nothing partial left ---------------------------


def _earlier_build(work: Path, sample_path: Path) -> bytes:
    shutil.copy(sample_path, work / "report.md")
    assert run("-q", "build", "report.md").exit_code == 0
    return (work / "dist" / "dataset.nq").read_bytes()


def test_a_full_disk_while_writing_the_store(work: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _earlier_build(work, sample_path)
    from rscao_graph.publish import writer

    def full(quads: object, folder: Path) -> None:  # what pyoxigraph raises: an OSError without errno
        raise OSError(f"IO error: No space left on device: While appending to file: {folder}/store/000012.sst: "
                      "No space left on device")

    monkeypatch.setattr(writer, "write_store", full)
    result = run("-q", "build", "report.md")
    assert (result.exit_code, result.stderr) == (2, f"error: {work}/dist/store/000012.sst: {FULL}\n")
    assert _names(work) == ["dist", "report.md"]
    assert (work / "dist" / "dataset.nq").read_bytes() == before


def test_a_file_size_limit_in_a_real_build(work: Path, sample_path: Path) -> None:
    """A write that really fails: the file size limit of the build process (EFBIG) is hit by dataset.nq."""
    before = _earlier_build(work, sample_path)
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000)); "
              "from rscao_graph.cli import main; sys.argv[0] = 'rscao-graph'; main()")
    done = subprocess.run([sys.executable, "-c", script, "-q", "build", "--workers", "1", "report.md"],
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (2, f"error: {work}/dist: cannot write: File too large (a file grew "
                                                 "past what the file system or the file size limit (ulimit -f) "
                                                 "allows; write elsewhere or raise the limit; what was there is "
                                                 "left as it was)\n")
    assert _names(work) == ["dist", "report.md"]
    assert (work / "dist" / "dataset.nq").read_bytes() == before


def _can_mount_tmpfs() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k none /mnt"],
                          capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="no user namespaces to mount a small tmpfs in")
def test_a_really_full_disk(work: Path, sample_path: Path) -> None:
    """A real full disk: a 2 MB tmpfs in a user namespace; the build needs about 5 MB."""
    shutil.copy(sample_path, work / "report.md")
    (work / "disk").mkdir()
    command = (f"mount -t tmpfs -o size=2m none {work}/disk && {sys.executable} -m rscao_graph -q build "
               f"--workers 1 --out {work}/disk/dist report.md; echo rc=$?; ls -A {work}/disk")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", command], capture_output=True, text=True, check=False)
    assert done.stdout == "rc=2\n"
    assert done.stderr.startswith(f"error: {work}/disk/dist") and done.stderr.endswith(f": {FULL}\n")


# --- item 14: report names with line breaks are quoted in FILE:LINE messages ------------------------


def test_a_report_name_with_a_line_break_is_quoted(work: Path, sample_path: Path) -> None:
    (work / "bad\nname.md").write_text("", encoding="utf-8")
    result = run("parse", "bad\nname.md")
    assert (result.exit_code, result.stderr) == (
        2, 'error: "bad\\nname.md": the file is empty (expected a bi-annual sub-regional report)\n')
    shutil.copy(sample_path, work / "a.md:1: error: forged\nreport.md")
    result = run("validate", "a.md:1: error: forged\nreport.md")
    lines = result.stdout.splitlines()
    assert len(lines) == 17 and lines[-1] == "0 violation(s), 3 warning(s), 13 info(s)"
    assert all(line.startswith('"a.md:1: error: forged\\nreport.md":') for line in lines[:-1])


@pytest.mark.skipif(sys.platform == "darwin", reason="file names are UTF-8 there")
def test_a_report_name_that_is_not_utf8(work: Path, sample_path: Path) -> None:
    """Was exit 4 (a lone surrogate in the provenance literal); its bytes are escaped, in messages too."""
    name = os.fsdecode(b"bad\xffname.md")
    shutil.copy(sample_path, work / name)
    result = run("validate", name)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("bad\\xffname.md:52: info: CN #1 ")
    assert run("-q", "build", "--workers", "1", name).exit_code == 0


# --- item 12: a query while builds replace the store ------------------------------------------------


def test_queries_while_builds_replace_the_store_never_fail(work: Path, sample_dist: Path) -> None:
    """Builds replace dist/ again and again (the sample's store written into a staged folder) while the
    ``query`` command runs: every query gets the whole answer of one generation, exit 0."""
    quads = list(parse(path=str(sample_dist / "dataset.nq"), format=RdfFormat.N_QUADS))
    out = work / "dist"

    def replace() -> None:
        with staged_output(check_output(out)) as folder:
            write_store(quads, folder)

    replace()
    expected = run("query", "activities", "--format", "csv")
    assert expected.exit_code == 0 and expected.stdout.count("\n") == 13
    stop = threading.Event()
    builds = 0
    failures: list[BaseException] = []

    def build_again() -> None:
        nonlocal builds
        try:
            while not stop.is_set():
                replace()
                builds += 1
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    builder = threading.Thread(target=build_again)
    builder.start()
    results = []
    try:
        while builds < 30 and not failures:
            results.append(run("query", "activities", "--format", "csv"))
    finally:
        stop.set()
        builder.join()
    assert failures == []
    assert [(r.exit_code, r.stderr) for r in results if r.exit_code != 0] == []
    assert all(r.stdout == expected.stdout for r in results)
    replace()  # a build when nobody reads removes what readers held back
    assert _names(work) == ["dist"]
    assert MARKER in _names(out)
