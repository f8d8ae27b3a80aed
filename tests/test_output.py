from __future__ import annotations

from pathlib import Path

import pytest

from rscao_graph.publish.output import staged_output, write_file_atomic


def test_staged_output_replaces_the_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "old.txt").write_text("old")
    with staged_output(out) as folder:
        assert folder != out and folder.parent == out.parent
        (folder / "new.txt").write_text("new")
    assert sorted(p.name for p in out.iterdir()) == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_failure_leaves_the_earlier_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "good.txt").write_text("good")
    with pytest.raises(RuntimeError):
        with staged_output(out) as folder:
            (folder / "half.txt").write_text("half")
            raise RuntimeError("disk full")
    assert [(p.name, p.read_text()) for p in out.iterdir()] == [("good.txt", "good")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_new_output_folder_and_parents(tmp_path: Path) -> None:
    with staged_output(tmp_path / "a" / "b") as folder:
        (folder / "x").write_text("1")
    assert (tmp_path / "a" / "b" / "x").read_text() == "1"


def test_write_file_atomic(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "f.csv"
    write_file_atomic(path, b"one")
    write_file_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.csv"]
