"""The embedded store: a reader keeps the generation it opened while builds replace the folder (issue 10,
item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from rscao_graph.errors import UsageError
from rscao_graph.files import check_output, staged_output
from rscao_graph.query.run import run_on_store
from rscao_graph.query.store import open_store, reading_store, write_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _build(out: Path, size: int) -> None:
    quads = [Quad(NamedNode(f"http://example.org/{i}"), NamedNode("http://example.org/p"), Literal(str(i)),
                  NamedNode("http://example.org/g")) for i in range(size)]
    with staged_output(check_output(out)) as folder:
        write_store(quads, folder)


def _count(store: object) -> int:
    solutions = run_on_store(store, COUNT).solutions  # type: ignore[arg-type]
    assert solutions is not None
    return int(next(iter(solutions))["n"].value)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_reader_keeps_its_generation_while_builds_replace_it(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _build(out, 10)
    with reading_store(out) as store:
        _build(out, 20)
        _build(out, 30)  # removes nothing it cannot: the first generation is still read
        assert _count(store) == 10
        with reading_store(out) as newer:
            assert _count(newer) == 30
        assert len([p for p in tmp_path.iterdir() if p.name.startswith(".dist.tmp-")]) == 1
    _build(out, 40)
    assert _names(tmp_path) == ["dist"]
    with reading_store(out) as store:
        assert _count(store) == 40
    assert _count(open_store(out)) == 40


def test_no_store_is_a_usage_error(tmp_path: Path) -> None:
    for data in (tmp_path / "missing", tmp_path):
        with pytest.raises(UsageError) as err:
            with reading_store(data):
                pass
        assert str(err.value) == (f"no built store in {data}/store (run 'rscao-graph build' first, or give "
                                  "--data DIR)")


def test_a_damaged_store_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    _build(out, 10)
    for sst in (out / "store").glob("*.sst"):
        sst.write_bytes(b"damaged")
    with pytest.raises(UsageError) as err:
        with reading_store(out) as store:
            _count(store)
    assert err.value.exit_code == 2
    assert err.value.message.startswith(f"cannot open the store in {out}/store: ")
