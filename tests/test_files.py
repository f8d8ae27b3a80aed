from __future__ import annotations

from pathlib import Path

import pytest

from rscao_graph.errors import InputError
from rscao_graph.files import MARKER, check_output, staged_output, write_file_atomic


def test_staged_output_replaces_the_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "old.txt").write_text("old")
    (out / MARKER).write_text("")
    with staged_output(check_output(out)) as folder:
        assert folder != out and folder.parent == out.parent
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
