"""Worker processes end with their parent, even when it is killed (issue 10, item 11)."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, write_report
from process_tree import killed_leaves_none

from rscao_graph.processes import die_with_parent, fork_pool

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")


def _death_signal() -> int:
    value = ctypes.c_int(0)
    ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG
    return value.value


@linux
def test_pool_workers_are_killed_with_their_parent_and_know_it() -> None:
    with fork_pool(2) as pool:
        assert list(pool.map(os.getppid, [], chunksize=1)) == []
        assert pool.submit(os.getppid).result() == os.getpid()
        assert pool.submit(_death_signal).result() == signal.SIGKILL


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_child_whose_parent_is_gone_exits_at_once() -> None:
    pid = os.fork()
    if pid == 0:  # the child: told another parent forked it, as when the parent died before it started
        try:
            die_with_parent(os.getppid() + 1_000_000)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 1


#: Runs ``rscao-graph build``, with the stage the test names made to hang in the worker processes.
_HANGING_BUILD = """
import sys, time
stage = sys.argv.pop(1)
if stage == "reading":
    import rscao_graph.pipeline as pipeline
    pipeline.read_report = lambda *args: time.sleep(3600)
else:
    import rscao_graph.validate as validate
    validate.validate_build.__defaults__ = (1, 1)  # one report a batch: a batch for each worker
    validate._shacl_findings = lambda *args: time.sleep(3600)
from rscao_graph.cli import main
sys.argv[0] = "rscao-graph"
main()
"""


@linux
@pytest.mark.parametrize("stage", ["reading", "validating"])
def test_a_killed_build_leaves_no_worker_behind(tmp_path: Path, stage: str) -> None:
    """SIGKILL a real build while its two workers read (four reports) or validate (three: too few to be
    read in processes, so the only workers are the validating ones)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    periods = ["September 2019 – March 2020", "March 2020 – September 2020", "September 2020 – March 2021",
               "March 2021 – September 2021"]
    for i, period in enumerate(periods if stage == "reading" else periods[:3]):
        write_report(reports, MINIMAL_REPORT.replace("September 2019 – March 2020", period), f"r{i}.md")
    build = subprocess.Popen([sys.executable, "-c", _HANGING_BUILD, stage, "-q", "build", "--workers", "2",
                              "--out", str(tmp_path / "dist"), str(reports)], cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert killed_leaves_none(build, 2) == []
