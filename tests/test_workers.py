"""SPARQL queries in worker processes (serve/workers.py): checked before they run, stopped for real when
they outlive the timeout, refused when their results are too large."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from process_tree import alive, cleaned_up, wait_until
from served import BASE, REPORT

from rscao_graph.serve.workers import Limits, QueryPool, QueryRefused, check_query

#: Three unconstrained patterns over the sample's 5,504 quads: 1.7e11 solutions, far more than two seconds.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def pool(sample_dist: Path) -> Iterator[QueryPool]:
    workers = QueryPool(sample_dist / "store", 2, Limits(timeout=2.0, max_bytes=50_000))
    yield workers
    workers.close()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x <http://p> ?s . SeRvIcE ?s { ?a ?b ?c } }",
    "PREFIX s: <http://x/>\nSELECT * WHERE {\n  SERVICE\t<http://127.0.0.1:9/> {}}",
])
def test_service_is_refused(query: str) -> None:
    with pytest.raises(QueryRefused, match="SERVICE is not allowed") as err:
        check_query(query)
    assert err.value.status == 400


@pytest.mark.parametrize(("query", "kind"), [
    ("SELECT * WHERE { ?s ?p 'SERVICE' }", "SELECT"),
    ('SELECT * WHERE { ?s ?p """a\nSERVICE <http://x/> {}""" }', "SELECT"),
    ("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/>", "SELECT"),
    ("PREFIX service: <http://x/>\nSELECT ?service WHERE { ?service service:p ex:SERVICE }", "SELECT"),
    ("PREFIX ex: <http://x/> ASK { ?s ex:insert 'DELETE' }", "ASK"),
    ("construct where { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://x/>", "DESCRIBE"),
])
def test_queries_pass(query: str, kind: str) -> None:
    assert check_query(query) == kind


@pytest.mark.parametrize("query", ["INSERT DATA { <http://a> <http://b> <http://c> }",
                                   "DELETE WHERE { ?s ?p ?o }", "LOAD <http://127.0.0.1:9/x>", "DROP ALL",
                                   "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"])
def test_updates_are_refused(query: str) -> None:
    with pytest.raises(QueryRefused, match="read-only"):
        check_query(query)


def test_a_query_without_a_form_is_refused() -> None:
    with pytest.raises(QueryRefused, match="no SELECT"):
        check_query("PREFIX ex: <http://x/>")


def test_answers_in_each_format(pool: QueryPool) -> None:
    count = pool.run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", ("srj", "ttl"))
    assert (count.kind, count.format) == ("solutions", "srj")
    assert json.loads(count.body)["results"]["bindings"][0]["n"]["value"] == "5797"
    assert pool.run("SELECT ?n WHERE { VALUES ?n { 1 2 } }", ("csv", "ttl")).body == b"n\r\n1\r\n2\r\n"
    assert pool.run("ASK { ?s ?p ?o }", ("srj", "ttl")).body == b'{"head":{},"boolean":true}'
    assert pool.run("ASK { ?s ?p ?o }", ("srx", "ttl")).kind == "boolean"
    graph = pool.run(f"CONSTRUCT WHERE {{ <{BASE}country/CN> <http://schema.org/name> ?o }}", ("srj", "jsonld"))
    assert (graph.kind, graph.format) == ("graph", "jsonld")
    document = json.loads(graph.body)
    assert document["@graph"] == [{"@id": BASE + "country/CN", "schema:name": {"@value": "China", "@language": "en"}}]
    name = f"CONSTRUCT WHERE {{ <{BASE}country/CN> <http://schema.org/name> ?o }}"
    assert pool.run(name, ("srj", "nt")).body == b'<https://w3id.org/rscao/country/CN> <http://schema.org/name> "China"@en .\n'
    assert pool.run(name, ("srj", "ttl")).body.endswith(b'<https://w3id.org/rscao/country/CN> schema:name "China"@en .\n')


def test_the_dataset_of_a_request(pool: QueryPool) -> None:
    union = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    report = pool.run(union, ("csv", "ttl"), default_graphs=[BASE + REPORT])
    assert report.body == b"n\r\n1302\r\n"
    named = pool.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", ("csv", "ttl"),
                     named_graphs=[BASE + "graph/strategy"])
    assert named.body == f"g\r\n{BASE}graph/strategy\r\n".encode()
    query_dataset = f"SELECT (COUNT(*) AS ?n) FROM <{BASE}graph/strategy> WHERE {{ ?s ?p ?o }}"
    assert pool.run(query_dataset, ("csv", "ttl")).body == b"n\r\n183\r\n"


def test_a_long_query_is_stopped_and_its_worker_replaced(pool: QueryPool) -> None:
    pids = {w.process.pid for w in pool._all}
    started = time.monotonic()
    with pytest.raises(QueryRefused, match=r"ran longer than 2 s and was stopped") as err:
        pool.run(ENDLESS, ("srj", "ttl"))
    assert err.value.status == 503
    assert 2.0 <= time.monotonic() - started < 4.0
    deadline = time.monotonic() + 30
    while len(pool._all) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    after = {w.process.pid for w in pool._all}
    assert len(after) == 2 and len(after - pids) == 1
    assert all(w.process.is_alive() for w in pool._all)
    assert pool.run("ASK { ?s ?p ?o }", ("srj", "ttl")).kind == "boolean"


def test_results_over_the_bound_are_refused(pool: QueryPool) -> None:
    with pytest.raises(QueryRefused, match="larger than 50,000 bytes") as err:
        pool.run("SELECT * WHERE { ?s ?p ?o }", ("srj", "ttl"))
    assert err.value.status == 503
    with pytest.raises(QueryRefused, match="larger than 50,000 bytes"):
        pool.run("CONSTRUCT WHERE { ?s ?p ?o }", ("srj", "jsonld"))


def test_a_syntax_error_names_the_place(pool: QueryPool) -> None:
    with pytest.raises(QueryRefused, match=r"not valid SPARQL: error at 1:24") as err:
        pool.run("SELECT * WHERE { ?a ?b ", ("srj", "ttl"))
    assert err.value.status == 400


def test_every_worker_busy(sample_dist: Path) -> None:
    single = QueryPool(sample_dist / "store", 1, Limits(timeout=0.5))
    try:
        taken = single._idle.get()  # the only worker, busy elsewhere
        with pytest.raises(QueryRefused, match=r"every query worker stayed busy for 0\.5 s") as err:
            single.run("ASK {}", ("srj", "ttl"))
        assert err.value.status == 503
        single._idle.put(taken)
        assert single.run("ASK {}", ("srj", "ttl")).body == b'{"head":{},"boolean":true}'
    finally:
        single.close()


def test_a_query_needing_more_memory_than_allowed_ends_its_worker_not_the_server(sample_dist: Path) -> None:
    small = QueryPool(sample_dist / "store", 1, Limits(timeout=30.0, memory=300 * 1024 * 1024))
    try:
        assert small.run("ASK { ?s ?p ?o }", ("srj", "ttl")).kind == "boolean"
        with pytest.raises(QueryRefused, match="stopped its worker") as err:
            small.run("SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } ORDER BY DESC(?o) ?c LIMIT 1", ("srj", "ttl"))
        assert err.value.status == 500
        assert small.run("ASK { ?s ?p ?o }", ("srj", "ttl")).kind == "boolean"  # a new worker answers
    finally:
        small.close()


linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

#: Starts a pool of two query workers on the store given, gives each a query that runs for ever (an idle
#: worker ends when its pipe closes; a busy one never reads it), prints their pids and waits.
_POOL = """
import sys, time
from pathlib import Path
from rscao_graph.serve.workers import QueryPool
pool = QueryPool(Path(sys.argv[1]), 2)
assert pool.run("ASK { ?s ?p ?o }", ("srj", "ttl")).kind == "boolean"
for worker in pool._all:
    worker.connection.send((sys.argv[2], ("srj", "ttl"), [], [], True))
print(*sorted(w.process.pid for w in pool._all), flush=True)
time.sleep(3600)
"""


@linux
def test_query_workers_end_with_a_killed_server(sample_dist: Path) -> None:
    """SIGKILL the real process that started the pool while its workers run queries: neither outlives it
    (issue 10, item 11)."""
    server = subprocess.Popen([sys.executable, "-c", _POOL, str(sample_dist / "store"), ENDLESS],
                              stdout=subprocess.PIPE)
    workers: list[int] = []
    with cleaned_up(server, workers):
        assert server.stdout is not None
        workers.extend(int(pid) for pid in server.stdout.readline().split())
        assert len(workers) == 2 and all(alive(w) for w in workers)
        server.send_signal(signal.SIGKILL)
        server.wait()
        wait_until(lambda: not any(alive(w) for w in workers))
        assert [w for w in workers if alive(w)] == []


@linux
def test_workers_outlive_the_thread_that_made_the_pool(sample_dist: Path) -> None:
    """The kernel kills a worker when the thread that started it ends: the server makes its pool in a
    thread of anyio's, which ends when idle; its workers, and those replacing them, answer after it."""
    made: list[QueryPool] = []
    maker = threading.Thread(target=lambda: made.append(QueryPool(sample_dist / "store", 1, Limits(timeout=30))))
    maker.start()
    maker.join()
    assert wait_until(lambda: not os.path.exists(f"/proc/self/task/{maker.native_id}"))
    pool = made[0]
    try:
        (worker,) = pool._all
        assert pool.run("ASK { ?s ?p ?o }", ("srj", "ttl")).body == b'{"head":{},"boolean":true}'
        pool._retire(pool._idle.get())  # replaced by a worker started by the pool's thread, not this one
        assert pool.run("ASK { ?s ?p ?o }", ("srj", "ttl")).body == b'{"head":{},"boolean":true}'
        assert worker not in pool._all and len(pool._all) == 1
    finally:
        pool.close()
