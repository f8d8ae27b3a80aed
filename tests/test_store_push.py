"""Publishing a build to real triple stores with the Graph Store Protocol (publish/store_push.py and the
``publish`` command): a real Oxigraph server started here, and Virtuoso where it is installed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_endpoint import Reply, fake_endpoint
from helpers import MINIMAL_REPORT, run, write_report
from oxigraph_server import free_port, oxigraph_server
from served import BASE, REPORT, build_into
from virtuoso_server import virtuoso_server

from rscao_graph.errors import ServiceError
from rscao_graph.publish.store_push import StoreTarget, build_graphs, push_build
from rscao_graph.query.run import format_results, run_on_endpoint, run_on_store
from rscao_graph.query.store import open_store
from rscao_graph.query.stored import bind_query, load_queries
from rscao_graph.resources import SAMPLE_REPORT, resource_path

SECOND = BASE + "report/north-east-asia/2020-03--2020-09"
PARAMS = {"country": "CN", "activity": BASE + REPORT + "/activity/cn-1", "organisation": "national library",
          "start": "2019-10-01", "end": "2019-12-31"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the sample and a second report, the sample alone): publishing the second removes a report."""
    folder = tmp_path_factory.mktemp("builds")
    second = write_report(folder, MINIMAL_REPORT.replace("September 2019 – March 2020", "March 2020 – September 2020")
                          .replace("2 March 2020", "2 October 2020"), "second.md")
    both = build_into(folder / "both", [resource_path("data", SAMPLE_REPORT), second], allow_invalid=True)
    return both, build_into(folder / "sample")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreTarget]:
    with oxigraph_server([], tmp_path_factory.mktemp("oxigraph") / "db", read_only=False) as query:
        yield StoreTarget(query, query.removesuffix("/query") + "/store", timeout=60)


def same_answers(endpoint: str, data: Path) -> list[str]:
    """The stored queries whose answers (CSV) differ between ``endpoint`` and the build's embedded store."""
    store = open_store(data)
    differ = []
    for name, query in load_queries().items():
        text = bind_query(query, {p.name: PARAMS[p.name] for p in query.params if p.required and p.default is None})
        here = format_results(run_on_store(store, text), "csv")
        there = format_results(run_on_endpoint(endpoint, text, query.kind), "csv")
        if here != there:
            differ.append(name)
    return differ


def test_the_graphs_of_a_build(builds: tuple[Path, Path]) -> None:
    graphs = build_graphs(builds[1])
    assert sorted(graphs) == [BASE + g for g in ("graph/countries", "graph/entities", "graph/gazetteer", "graph/links",
                                                 "graph/ontology", "graph/strategy", "graph/subregions", REPORT)]
    assert sum(body.count(b"\n") for body in graphs.values()) == 5797


def test_publish_replaces_never_duplicates_and_deletes_removed_reports(builds: tuple[Path, Path],
                                                                       oxigraph: StoreTarget) -> None:
    both, sample = builds
    first = push_build(both, BASE, oxigraph)
    assert (len(first.sent), first.deleted, first.differences) == (9, [], [])
    assert first.sent[SECOND] == len(build_graphs(both)[SECOND].splitlines())
    again = push_build(both, BASE, oxigraph)
    assert (again.sent, again.deleted, again.differences) == (first.sent, [], [])
    removed = push_build(sample, BASE, oxigraph)
    assert (len(removed.sent), removed.deleted, removed.differences) == (8, [SECOND], [])
    assert sum(removed.sent.values()) == 5797
    assert same_answers(oxigraph.endpoint, sample) == []


def test_the_command(builds: tuple[Path, Path], oxigraph: StoreTarget, work: Path) -> None:
    result = run("publish", "--endpoint", oxigraph.endpoint, "--graph-store", oxigraph.graph_store,
                 "--data", str(builds[1]))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Put 8 graph(s), 5,797 triples, to {oxigraph.graph_store}",
        f"The store holds every graph with the build's triple counts ({oxigraph.endpoint})"]


def test_differences_exit_3_and_say_what_differs(builds: tuple[Path, Path], oxigraph: StoreTarget, work: Path) -> None:
    counts = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": [
        {"g": {"type": "uri", "value": BASE + REPORT}, "n": {"type": "literal", "value": "7"}}]}}).encode()
    with fake_endpoint([Reply(body=counts)]) as (url, _):
        result = run("publish", "--endpoint", url, "--graph-store", oxigraph.graph_store, "--data", str(builds[1]))
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert lines[0] == "error: the store does not hold what was sent:"
    assert f"  {BASE}{REPORT}: 7 triple(s) on the store, 1302 in the build" in lines
    assert f"  {BASE}graph/countries: 0 triple(s) on the store, 3207 in the build" in lines


def test_a_store_that_cannot_be_reached_exits_3(builds: tuple[Path, Path], work: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run("publish", "--endpoint", url, "--data", str(builds[1]), "--timeout", "5")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: the triple store at {url} could not be reached")


def test_a_refused_put_exits_3(builds: tuple[Path, Path]) -> None:
    empty = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": []}}).encode()
    with fake_endpoint([Reply(body=empty)]) as (url, _):
        target = StoreTarget(url, f"http://127.0.0.1:{free_port()}/store", timeout=5)
        with pytest.raises(ServiceError, match="could not be reached"):
            push_build(builds[1], BASE, target)


def test_publish_to_virtuoso(builds: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> None:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as virtuoso:
        target = StoreTarget(virtuoso.endpoint, virtuoso.graph_store, "dba", "dba", timeout=120)
        both, sample = builds
        first = push_build(both, BASE, target)
        assert (len(first.sent), first.deleted, first.differences) == (9, [], [])
        again = push_build(sample, BASE, target)
        assert (len(again.sent), again.deleted, again.differences) == (8, [SECOND], [])
        assert same_answers(target.endpoint, sample) == []
        wrong = StoreTarget(virtuoso.endpoint, virtuoso.graph_store, "dba", "not the password", timeout=30)
        with pytest.raises(ServiceError, match="answered HTTP 401"):
            push_build(sample, BASE, wrong)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--endpoint", "file:///etc/passwd", "'file:///etc/passwd' is not an http(s) URL"),
    ("--endpoint", "http://[::1", "'http://[::1' is not a URL"),
    ("--graph-store", "ftp://store.example.org/", "'ftp://store.example.org/' is not an http(s) URL"),
    ("--timeout", "0", "'0' is not a number of seconds above 0"),
    ("--timeout", "nan", "'nan' is not a number of seconds above 0"),
    ("--timeout", "-1", "'-1' is not a number of seconds above 0"),
])
def test_bad_options_are_usage_errors(builds: tuple[Path, Path], work: Path, option: str, value: str,
                                      message: str) -> None:
    args = {"--endpoint": "http://127.0.0.1:1/query", "--data": str(builds[1]), option: value}
    result = run("publish", *[x for pair in args.items() for x in pair])
    assert result.exit_code == 2
    assert message in result.stderr
