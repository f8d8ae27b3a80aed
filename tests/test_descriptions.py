"""The file of precomputed descriptions (publish/descriptions.py): written by every build, read by serve and
site."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad
from served import BASE

from rscao_graph.errors import UsageError
from rscao_graph.publish.describe import Description
from rscao_graph.publish.descriptions import Descriptions, content_hash, term_labels, write_descriptions
from rscao_graph.vocab import RDFS, RSCAO, SCHEMA


def test_written_and_read_back(tmp_path: Path) -> None:
    quad = Quad(NamedNode(BASE + "org/x"), SCHEMA.name, Literal("X “quoted”\n", language="en"), DefaultGraph())
    finding = {"severity": "info", "rule": "r", "message": "m", "file": "f.md", "line": 2, "focus": BASE + "org/x"}
    count = write_descriptions(tmp_path, [Description("org/x", (quad,), {"p": 120}, (finding,))],
                               {"base_iri": BASE, "content_hash": "ab" * 32, "n": [1, 2]})
    assert count == 1
    found = Descriptions(tmp_path)
    assert (found.base, found.content_hash, found.meta["n"]) == (BASE, "ab" * 32, [1, 2])
    assert found.get("org/x") == Description("org/x", (quad,), {"p": 120}, (finding,))
    assert found.get("org/y") is None
    assert ("org/x" in found, "org/y" in found, len(found), list(found.paths())) == (True, False, 1, ["org/x"])


def test_a_build_without_descriptions_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no descriptions in") as err:
        Descriptions(tmp_path)
    assert err.value.exit_code == 2
    (tmp_path / "descriptions").mkdir()
    (tmp_path / "descriptions" / "descriptions.sqlite").write_bytes(b"not sqlite at all, just bytes" * 10)
    with pytest.raises(UsageError, match="cannot read the descriptions"):
        Descriptions(tmp_path)


def test_content_hash_follows_the_files(tmp_path: Path) -> None:
    empty = content_hash(tmp_path)
    assert empty == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # nothing hashed
    (tmp_path / "dataset.nq").write_bytes(b"x")
    first = content_hash(tmp_path)
    (tmp_path / "dataset.nq").write_bytes(b"y")
    assert len({empty, first, content_hash(tmp_path)}) == 3


def test_the_sample_build_records_its_facts(sample_dist: Path) -> None:
    found = Descriptions(sample_dist)
    assert found.base == BASE
    assert found.content_hash == content_hash(sample_dist)
    assert found.meta["terms"][RSCAO.Activity.value] == "activity"
    assert found.meta["graphs"][:2] == [BASE + "graph/countries", BASE + "graph/entities"]
    assert len(found.meta["graphs"]) == 8


def test_term_labels_are_the_ontologys() -> None:
    quads = [Quad(RSCAO.Activity, RDFS.label, Literal("activity", language="en"), DefaultGraph()),
             Quad(SCHEMA.name, RDFS.label, Literal("name"), DefaultGraph())]
    assert term_labels(quads) == {RSCAO.Activity.value: "activity"}
