from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rscao_graph import files
from rscao_graph.errors import InputError, OutputError, UsageError
from rscao_graph.files import LOCK, MARKER, check_output, remove_stale, staged_output, write_file_atomic


def test_staged_output_replaces_the_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "old.txt").write_text("old")
    (out / MARKER).write_text("")
    with staged_output(check_output(out)) as folder:
        assert folder != out and folder.parent.parent == out.parent  # in a working folder beside it
        (folder / "new.txt").write_text("new")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_failure_leaves_the_earlier_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "good.txt").write_text("good")
    (out / MARKER).write_text("")
    with pytest.raises(RuntimeError):
        with staged_output(check_output(out)) as folder:
            (folder / "half.txt").write_text("half")
            raise RuntimeError("disk full")
    assert sorted((p.name, p.read_text()) for p in out.iterdir()) == [(MARKER, ""), ("good.txt", "good")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_new_output_folder_and_parents(tmp_path: Path) -> None:
    with staged_output(check_output(tmp_path / "a" / "b")) as folder:
        (folder / "x").write_text("1")
    assert (tmp_path / "a" / "b" / "x").read_text() == "1"


def test_a_folder_that_is_no_build_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.doc").write_text("precious")
    with pytest.raises(InputError) as err:
        with staged_output(check_output(out)):
            pass
    assert err.value.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["thesis.doc"]
    (tmp_path / "empty").mkdir()
    with staged_output(check_output(tmp_path / "empty")) as folder:
        (folder / "x").write_text("1")
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == [MARKER, "x"]


def test_write_file_atomic(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "f.csv"
    write_file_atomic(path, b"one")
    write_file_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.csv"]


# --- the working directory is never an output folder (issue 10, item 9) ------------------------------


@pytest.mark.parametrize("given", [".", "..", "../.."])
def test_the_working_directory_and_its_parents_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           given: str) -> None:
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    with pytest.raises(UsageError) as err:
        check_output(Path(given))
    assert err.value.exit_code == 2
    assert str(err.value) == (f"{(work / given).resolve()}: the output folder is the working directory or holds "
                              "it, and an output folder is replaced whole; it is left as it is (give a folder of "
                              "its own with --out (or 'out' in rscao.toml), such as dist/)")
    assert check_output(Path("dist")).path == work / "dist"


# --- leftovers of killed builds (issue 10, item 10) -------------------------------------------------

_KILLED = """
import os, signal, sys
from pathlib import Path
from rscao_graph.files import check_output, staged_output
with staged_output(check_output(Path(sys.argv[1]))) as folder:
    (folder / "half.nq").write_bytes(b"x" * 100_000)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    print("writing", flush=True)
    sys.stdin.readline()
"""


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _earlier_build(out: Path, text: str = "good") -> None:
    out.mkdir()
    (out / MARKER).write_text("")
    (out / "good.txt").write_text(text)


def test_the_next_build_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _earlier_build(out)
    for _ in range(2):
        killed = subprocess.run([sys.executable, "-c", _KILLED, str(out), "kill"], check=False)
        assert killed.returncode == -signal.SIGKILL
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".dist.tmp-")]
    assert len(left) == 1 and _names(left[0]) == [LOCK, "build"]  # the second removed the first's
    pid, start = (left[0] / LOCK).read_text().split()
    assert int(pid) > 0 and start.isdigit()
    with staged_output(check_output(out)) as folder:
        assert _names(tmp_path) == sorted(["dist", folder.parent.name])
        (folder / "new.txt").write_text("new")
    assert _names(tmp_path) == ["dist"]
    assert _names(out) == [MARKER, "new.txt"]


def test_a_live_build_and_what_is_not_provably_ours_are_left(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _earlier_build(out)
    live = subprocess.Popen([sys.executable, "-c", _KILLED, str(out), "wait"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert live.stdout is not None and live.stdout.readline() == "writing\n"
        (tmp_path / ".dist.tmp-legacy1").mkdir()  # an earlier version's: no lock, nothing to prove it dead
        (tmp_path / ".dist.tmp-forged").mkdir()
        (tmp_path / ".dist.tmp-forged" / LOCK).write_text("not a pid\n")
        (tmp_path / f".dist.old-{os.getpid()}").mkdir()  # its process lives
        (tmp_path / f".dist.old-{os.getpid()}" / MARKER).write_text("")
        (tmp_path / ".dist.old-999999999").mkdir()  # no marker: not an earlier build
        (tmp_path / ".other.tmp-x").mkdir()
        before = _names(tmp_path)
        assert remove_stale(out) == []
        assert _names(tmp_path) == before
    finally:
        live.communicate("")
    assert live.returncode == 0
    assert _names(out) == [MARKER, "half.nq"]


def test_an_earlier_versions_old_folder_is_removed_when_its_process_is_gone(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _earlier_build(out)
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    old = tmp_path / f".dist.old-{int(done.stdout)}"
    _earlier_build(old, "older")
    assert remove_stale(out) == [old]
    assert _names(tmp_path) == ["dist"]


def test_an_output_moved_away_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    """Where folders cannot be exchanged in one step, a build killed between its two renames leaves no
    output folder: the next build puts the earlier one back first."""
    out = tmp_path / "dist"
    work = tmp_path / ".dist.tmp-k1ll3d"
    work.mkdir()
    (work / LOCK).write_text("999999999 1\n")
    _earlier_build(work / "previous")
    (work / "build").mkdir()
    assert remove_stale(out) == [work]
    assert _names(tmp_path) == ["dist"]
    assert (out / "good.txt").read_text() == "good"


def test_without_an_exchange_of_folders_the_swap_still_replaces_whole(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    out = tmp_path / "dist"
    _earlier_build(out)
    with staged_output(check_output(out)) as folder:
        (folder / "new.txt").write_text("new")
    assert _names(tmp_path) == ["dist"]
    assert _names(out) == [MARKER, "new.txt"]


# --- a full disk (issue 10, item 13) ----------------------------------------------------------------


def test_a_full_disk_is_exit_2_naming_the_path_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _earlier_build(out)
    with pytest.raises(OutputError) as err:
        with staged_output(check_output(out)) as folder:
            (folder / "half.txt").write_text("half")
            raise OSError(errno.ENOSPC, "No space left on device", str(folder / "dataset.nq"))
    assert err.value.exit_code == 2
    assert str(err.value) == (f"{out}/dataset.nq: cannot write: No space left on device (free some space on that "
                              "disk, or write elsewhere, and run again; what was there is left as it was)")
    assert _names(tmp_path) == ["dist"]
    assert _names(out) == [MARKER, "good.txt"]


def test_a_file_size_limit_is_exit_2_and_leaves_nothing(tmp_path: Path) -> None:
    """A real failing write (the file size limit of the process: EFBIG, as a full disk is ENOSPC), in a
    file Python writes and in the store pyoxigraph writes."""
    out = tmp_path / "dist"
    _earlier_build(out)
    script = """
import resource, sys
from pathlib import Path
from pyoxigraph import Literal, NamedNode, Quad
from rscao_graph.errors import OutputError
from rscao_graph.files import check_output, staged_output
from rscao_graph.query.store import write_store
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
try:
    with staged_output(check_output(Path(sys.argv[1]))) as folder:
        if sys.argv[2] == "python":
            (folder / "dataset.nq").write_bytes(b"x" * 300_000)
        else:
            write_store([Quad(NamedNode(f"http://e/{i}"), NamedNode("http://p"), Literal("x" * 100 + str(i)))
                         for i in range(20_000)], folder)
except OutputError as error:
    print(error.exit_code, error.message)
"""
    for writer in ("python", "pyoxigraph"):
        done = subprocess.run([sys.executable, "-c", script, str(out), writer], capture_output=True, text=True,
                              check=True)
        assert done.stdout == "2 cannot write: File too large\n"
        assert _names(tmp_path) == ["dist"]
        assert _names(out) == [MARKER, "good.txt"]


def test_other_errors_are_not_taken_for_a_full_disk(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        with staged_output(check_output(tmp_path / "dist")) as folder:
            (folder / "no" / "such").read_text()
    assert _names(tmp_path) == []


def test_write_file_atomic_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "links.csv"
    path.write_bytes(b"before")

    def full(fd: int, mode: str) -> Any:
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", full)
    with pytest.raises(OutputError) as err:
        write_file_atomic(path, b"after")
    assert (err.value.exit_code, err.value.file, err.value.message) == (2, str(path),
                                                                        "cannot write: No space left on device")
    assert path.read_bytes() == b"before"
    assert _names(tmp_path) == ["links.csv"]


def test_without_locks_the_pid_and_its_start_time_are_the_proof(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "lock", lambda fd, shared=False, wait=True: "unsupported")
    out = tmp_path / "dist"
    _earlier_build(out)
    me = f"{os.getpid()} {files._start_time(os.getpid())}\n"
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    for name, owner in [("live", me), ("dead", f"{int(done.stdout)} 1\n"), ("reused", f"{os.getpid()} 1\n")]:
        (tmp_path / f".dist.tmp-{name}").mkdir()
        (tmp_path / f".dist.tmp-{name}" / LOCK).write_text(owner)
    assert remove_stale(out) == [tmp_path / ".dist.tmp-dead", tmp_path / ".dist.tmp-reused"]
    assert _names(tmp_path) == [".dist.tmp-live", "dist"]
