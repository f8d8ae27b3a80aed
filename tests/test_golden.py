"""The sample's TriG against the committed golden file, by graph isomorphism (``tests/golden.py`` says
how to update it on purpose)."""

from __future__ import annotations

from golden import GOLDEN, sample_trig
from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, NamedNode, Quad, RdfFormat, parse


def canonical(data: bytes) -> set[str]:
    dataset = Dataset(parse(data, format=RdfFormat.TRIG))
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def test_the_sample_builds_the_golden_graph() -> None:
    built, golden = canonical(sample_trig()), canonical(GOLDEN.read_bytes())
    assert len(golden) == 5797
    assert sorted(built - golden) == []
    assert sorted(golden - built) == []


def test_isomorphism_ignores_blank_node_names_only() -> None:
    g, s, p = NamedNode("http://g/"), NamedNode("http://s/"), NamedNode("http://p/")
    one = Dataset([Quad(s, p, BlankNode("a"), g)])
    other = Dataset([Quad(s, p, BlankNode("zz"), g)])
    changed = Dataset([Quad(s, NamedNode("http://q/"), BlankNode("a"), g)])
    for d in (one, other, changed):
        d.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    assert {str(q) for q in one} == {str(q) for q in other}
    assert {str(q) for q in one} != {str(q) for q in changed}
