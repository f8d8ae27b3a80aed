"""validation.ttl says what other SHACL engines say of the same dump and shapes: pyshacl run the standard way
(on the whole merged graph, not the trimmed batches rscao-graph validates), pyrudof (PyPI) and Apache Jena
SHACL (Debian's libapache-jena-java) agree with it on sh:conforms and on every result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from debian_java import class_path, run_java
from helpers import SETTINGS
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference
from rscao_graph.resources import resource_path
from rscao_graph.validate import validate_build

SH = "http://www.w3.org/ns/shacl#"
SHAPES = resource_path("shapes", "rscao-shapes.ttl")
RULES = Path(__file__).parent / "data" / "rules"
#: The sample (warnings and infos only) and fixtures whose violations carry sh:value and sh:resultPath.
CASES = ["sample", "stated-link-not-url.md", "citation-not-in-scheme.md", "country-ambiguous.md"]

Result = tuple[str, str, str, str, str | None, str | None]


@pytest.fixture(scope="module", params=CASES)
def dist(request: pytest.FixtureRequest, sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = sample_path if request.param == "sample" else RULES / request.param
    build = build_dataset([ReportFile(path, path.parent)], SETTINGS, load_reference())
    out = tmp_path_factory.mktemp("engines") / "dist"
    write_build(build, check_output(out), SETTINGS, validate_build(build))
    return out


def _term(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.value
    return term.value


def report_of(data: bytes) -> tuple[bool, set[Result]]:
    """(sh:conforms, results as (focus, shape, component, severity, path, value)) of a SHACL report in Turtle."""
    triples = list(parse(data, format=RdfFormat.TURTLE))
    by_subject: dict[Any, dict[str, list[Any]]] = {}
    for t in triples:
        by_subject.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)
    (report,) = [s for s, p in by_subject.items() if NamedNode(SH + "ValidationReport") in p.get(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", [])]
    conforms = [o.value for o in by_subject[report][SH + "conforms"]]
    results = set()
    for node in by_subject[report].get(SH + "result", []):
        props = by_subject[node]

        def one(name: str, props: dict[str, list[Any]] = props) -> str | None:
            values = props.get(SH + name, [])
            assert len(values) <= 1
            return _term(values[0]) if values else None

        results.add((one("focusNode"), one("sourceShape"), one("sourceConstraintComponent"), one("resultSeverity"),
                     one("resultPath"), one("value")))
    assert conforms in (["true"], ["false"])
    return conforms == ["true"], results  # type: ignore[return-value]


def ours(dist: Path) -> tuple[bool, set[Result]]:
    return report_of((dist / "validation.ttl").read_bytes())


def test_our_report_follows_shacl_on_conforms(dist: Path) -> None:
    conforms, results = ours(dist)
    assert conforms is (not results)
    assert all(not isinstance(r[0], BlankNode) for r in results)


def test_pyshacl_on_the_whole_dump_agrees(dist: Path) -> None:
    import pyshacl
    import rdflib

    data = rdflib.Graph().parse(dist / "dataset.ttl", format="turtle")
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    _, graph, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert report_of(graph.serialize(format="turtle").encode("utf-8")) == ours(dist)


def test_pyrudof_agrees(dist: Path) -> None:
    pyrudof = pytest.importorskip("pyrudof")
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(dist / "dataset.ttl"))
    rudof.read_shacl(str(SHAPES))
    report = rudof.validate_shacl()
    severity = {"Violation": SH + "Violation", "Warning": SH + "Warning", "Info": SH + "Info"}
    results = {(e.focus_node, e.source_shape, e.constraint_component, severity[e.severity], e.path,
                _rudof_value(e.value)) for e in report}
    assert (report.conforms, results) == ours(dist)


def _rudof_value(value: str | None) -> str | None:
    """pyrudof gives an IRI as it is and a literal in Turtle form ("x" or "x"^^<datatype>)."""
    if value is None or not value.startswith('"'):
        return value
    return value[1:value.rindex('"')]


def test_jena_shacl_agrees(dist: Path, tmp_path: Path) -> None:
    cp = class_path("libapache-jena-java", tmp_path)
    result = run_java(cp, "shacl.shacl", "validate", "--shapes", str(SHAPES), "--data", str(dist / "dataset.ttl"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert report_of(result.stdout.encode("utf-8")) == ours(dist)
