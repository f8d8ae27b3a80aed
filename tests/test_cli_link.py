"""``rscao-graph link``: against a local Wikidata-shaped Oxigraph server, failing endpoints, decisions."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_endpoint import EMPTY, Reply, fake_endpoint
from helpers import DATA, run
from misbehaving_server import Script, answer, drip, gzip_bomb, misbehaving_server
from oxigraph_server import oxigraph_server

from rscao_graph.decisions import COLUMNS

B = "https://w3id.org/rscao/"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path) -> Path:
    """A working directory with the sample in data/reports/, its own cache and a fixed date."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RSCAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    reports = tmp_path / "data" / "reports"
    reports.mkdir(parents=True)
    (reports / sample_path.name).write_bytes(sample_path.read_bytes())
    (tmp_path / "data" / "links.csv").write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    return tmp_path


def decisions(work: Path) -> list[str]:
    return (work / "data" / "links.csv").read_text(encoding="utf-8").splitlines()


def test_link_review_cache_and_build(work: Path, tmp_path_factory: pytest.TempPathFactory,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    with oxigraph_server([DATA / "wikidata.ttl"], tmp_path_factory.mktemp("wd") / "db") as url:
        result = run("link", "--endpoint", url)
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Linked 45 entities: 11 accepted automatically, 1 pending review, 33 without candidates, "
                             f"0 curated; 9 identifiers fanned out; 4 request(s). Decisions: {work / 'data' / 'links.csv'}\n")
    review = run("link", "--review", "--endpoint", url)  # the server is gone: review needs only the file
    assert review.exit_code == 0, review.output
    lines = review.stdout.splitlines()
    assert lines[0] == "2 pending candidate(s); record a decision with 'rscao-graph link accept|reject ENTITY QID':"
    assert lines[1] == "  place/suzhou  Suzhou  ->  Q42622  score 1.00"
    rows = decisions(work)
    assert rows[0] == ",".join(COLUMNS)
    assert (f"{B}org/national-library-of-korea,National Library of Korea,organisation,wikidata,Q900000010,accepted,"
            'automatic,0.95,2025-11-25,"matched alias ""NLK""; label ""National Library of the Republic of Korea""; '
            'types: library; country: KR"') in rows
    before = (work / "data" / "links.csv").read_bytes()
    # the server is gone: the cache answers, with no request; a day later, the same rows keep their date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1764028800 + 86400))
    again = run("link", "--endpoint", url)
    assert again.exit_code == 0, again.output
    assert again.stdout.endswith(f"; 0 request(s). Decisions: {work / 'data' / 'links.csv'} (unchanged)\n")
    assert (work / "data" / "links.csv").read_bytes() == before
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    # curated decisions
    accepted = run("link", "accept", "suzhou", "Q42622")
    assert (accepted.exit_code, accepted.stdout) == (0, f"accepted {B}place/suzhou = Q42622 (Suzhou) in "
                                                        f"{work / 'data' / 'links.csv'}\n")
    assert [r for r in decisions(work) if "/place/suzhou," in r] == [
        f"{B}place/suzhou,Suzhou,place,wikidata,Q42622,accepted,curated,,2025-11-25,accepted by a reviewer"]
    rejected = run("link", "reject", f"{B}org/ulaanbaatar-city-library", "Q900000020")
    assert rejected.exit_code == 0
    assert [r.split(",")[4:7] for r in decisions(work) if "ulaanbaatar-city-library" in r] == [
        ["Q900000020", "rejected", "curated"]]
    # build emits the accepted links, offline, with their provenance
    assert run("-q", "build").exit_code == 0
    nq = (work / "dist" / "dataset.nq").read_text(encoding="utf-8")
    assert (f"<{B}org/national-library-of-korea> <http://www.w3.org/2002/07/owl#sameAs> "
            f"<http://www.wikidata.org/entity/Q900000010> <{B}graph/links> .") in nq
    assert (f'<{B}org/national-library-of-korea> <http://schema.org/identifier> "KR-900010" <{B}graph/links> .') in nq
    assert f"<{B}place/suzhou> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q42622>" in nq
    assert "Q900000020" not in nq
    links = run("query", "authority-links", "--format", "csv").stdout.splitlines()
    assert (f"{B}org/national-library-of-korea,National Library of Korea,viaf,http://viaf.org/viaf/900000010,"
            "automatic,0.95") in links
    void = (work / "dist" / "void.ttl").read_text(encoding="utf-8")
    assert "<https://w3id.org/rscao/dataset/linkset/viaf-exactMatch>" in void


def test_429_then_200(work: Path) -> None:
    with fake_endpoint([Reply(429, b"", {"Retry-After": "0"}), Reply(body=EMPTY)]) as (url, script):
        result = run("link", "--endpoint", url)
    assert result.exit_code == 0, result.output
    assert len(script.requests) == 4
    assert "0 accepted automatically, 0 pending review, 45 without candidates" in result.stdout


@pytest.mark.parametrize(("reply", "options", "problem"), [
    (Reply(500, b"boom"), ("--retries", "0"), "answered HTTP 500 Internal Server Error (after 1 attempts)"),
    (Reply(delay=3.0), ("--timeout", "0.3", "--retries", "0"), "did not answer within 0.3 s (after 1 attempts)"),
])
def test_failing_endpoint_exit_3_decisions_untouched(work: Path, reply: Reply, options: tuple[str, ...],
                                                     problem: str) -> None:
    path = work / "data" / "links.csv"
    path.write_text(",".join(COLUMNS) + f"\n{B}place/tianjin,Tianjin,place,wikidata,Q11736,accepted,curated,,,\n",
                    encoding="utf-8")
    before = path.read_bytes()
    with fake_endpoint([reply]) as (url, _):
        result = run("link", "--endpoint", url, *options)
    assert result.exit_code == 3
    assert result.stderr == f"error: SPARQL endpoint {url} {problem}\n"
    assert path.read_bytes() == before


def test_offline_without_cache(work: Path) -> None:
    result = run("link", "--offline", "--endpoint", "http://127.0.0.1:9/none")
    assert result.exit_code == 0
    assert result.stdout.endswith(f"0 request(s); 45 not in the cache (offline). Decisions: "
                                  f"{work / 'data' / 'links.csv'} (unchanged)\n")


def test_malformed_decisions_file(work: Path) -> None:
    path = work / "data" / "links.csv"
    path.write_text(",".join(COLUMNS) + "\nnot-an-iri,X,organisation,wikidata,Q1,accepted,curated,,,\n",
                    encoding="utf-8")
    for args in (("link", "--offline"), ("build",), ("link", "accept", "CN", "Q148")):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr == f"error: {path}:2: entity 'not-an-iri' is not an IRI: it is not an http(s) IRI with a host\n"


@pytest.mark.parametrize(("row", "message"), [
    (f"{B}org/a{{b}},X,organisation,wikidata,Q1,accepted,curated,,,", f"entity '{B}org/a{{b}}' is not an IRI: it holds '{{'"),
    (f'"{B}org/a""b",X,organisation,wikidata,Q1,accepted,curated,,,', f"entity '{B}org/a\"b' is not an IRI: it holds '\"'"),
    (f"{B}org/x,X,organisation,website,https://x.org/%zz,accepted,curated,,,",
     "value 'https://x.org/%zz' is not a website IRI: it holds '%' not followed by two hex digits"),
    (f"{B}org/x,X,organisation,website,https://x.org/a^b,accepted,curated,,,",
     "value 'https://x.org/a^b' is not a website IRI: it holds '^'"),
    (f"{B}org/x,X,organisation,wikidata,Q1,accepted,curated,,," + "n" * 140_000, "a field is longer than 131072 characters"),
    (f"{B}org/x,X,organisation,wikidata,Q1,accepted,curated,,20200101,", "date '20200101' is not YYYY-MM-DD"),
    (f"{B}org/x,X,organisation,wikidata,Q1,accepted,automatic,1e-1,,",
     "score '1e-1' is not a number from 0 to 1 (an xsd:decimal such as 0.85)"),
])
def test_rows_that_would_crash_a_build_are_exit_2_with_their_line(work: Path, row: str, message: str) -> None:
    path = work / "data" / "links.csv"
    path.write_text(",".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    for args in (("build",), ("link", "--offline"), ("link", "accept", "CN", "Q148"), ("link", "--review")):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (2, f"error: {path}:2: {message}\n"), args


@pytest.mark.parametrize(("args", "message"), [
    (("link", "accept", "nowhere-library", "Q1"), "error: unknown entity 'nowhere-library' (give our IRI"),
    (("link", "accept", "CN", "148"), "error: '148' is not a Wikidata item id such as Q732353"),
    (("link", "reject", "CN"), "error: usage: rscao-graph link reject ENTITY QID"),
])
def test_bad_decision_commands(work: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_without_a_decisions_file_the_shipped_one_is_the_start(work: Path) -> None:
    (work / "data" / "links.csv").unlink()
    result = run("link", "accept", "hulunbuir", "Q900000099")
    assert result.exit_code == 0
    rows = decisions(work)
    assert len(rows) == 1 + 22 + 1
    assert f"{B}place/hulunbuir,Hulunbuir,place,wikidata,Q900000099,accepted,curated,,2025-11-25,accepted by a reviewer" in rows
    assert f"{B}country/CN,China,country,wikidata,Q148,accepted,curated,,2026-11-25,checked against public data (shared/reference/authority-ids.md)" in rows


@pytest.mark.parametrize(("body", "problem"), [
    (b"[]", "SPARQL JSON results must be an object"),
    (b'{"results": null}', "SPARQL JSON results result must be an object"),
    (b'{"head": {"vars": ["item"]}, "results": {"bindings": ["Q1"]}}', "Expecting a new solution object"),
])
def test_json_that_is_not_sparql_results_is_exit_3(work: Path, body: bytes, problem: str) -> None:
    before = (work / "data" / "links.csv").read_bytes()
    with fake_endpoint([Reply(body=body)]) as (url, _):
        result = run("link", "--endpoint", url)
    assert (result.exit_code, result.stderr) == (
        3, f"error: SPARQL endpoint {url} sent results that are not SPARQL JSON ({problem})\n")
    assert (work / "data" / "links.csv").read_bytes() == before


def test_a_slow_drip_is_cut_at_the_timeout(work: Path) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n"
    script = Script(drip(head, 100), pause=0.2)
    with misbehaving_server(script) as url:
        result = run("link", "--endpoint", url, "--timeout", "1", "--retries", "0")
    assert (result.exit_code, result.stderr) == (
        3, f"error: SPARQL endpoint {url} did not answer within 1 s (after 1 attempts)\n")
    assert script.sent < 50


def test_a_gzip_bomb_is_refused(work: Path) -> None:
    bomb = answer(gzip_bomb(65 * 1024 * 1024), headers={"Content-Encoding": "gzip"})
    with misbehaving_server(Script([bomb])) as url:
        result = run("link", "--endpoint", url)
    assert (result.exit_code, result.stderr) == (
        3, f"error: SPARQL endpoint {url} sent an answer larger than 64 MiB (the limit of one answer); ask for fewer "
           "rows (LIMIT) or a smaller page\n")


def test_offline_leaves_an_unchanged_decisions_file_byte_identical(work: Path) -> None:
    path = work / "data" / "links.csv"
    text = ("\ufeff" + ",".join(COLUMNS) + "\r\n"
            f"{B}place/tianjin,Tianjin,place,wikidata,Q11736,accepted,curated,,2025-01-01,\r\n"
            f"{B}org/a,A,organisation,wikidata,Q5,pending,automatic,0.50 ,2025-01-01,  spaced  \r\n")
    path.write_bytes(text.encode("utf-8"))
    result = run("link", "--offline")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(f"Decisions: {path} (unchanged)\n")
    assert path.read_bytes() == text.encode("utf-8")


def test_contradictory_curated_rows_name_both_lines(work: Path) -> None:
    path = work / "data" / "links.csv"
    path.write_text(",".join(COLUMNS) + "\n"
                    f"{B}place/tianjin,Tianjin,place,wikidata,Q11736,accepted,curated,,,\n"
                    f"{B}place/beijing,Beijing,place,wikidata,Q956,accepted,curated,,,\n"
                    f"{B}place/tianjin,Tianjin,place,wikidata,Q11736,rejected,curated,,,\n", encoding="utf-8")
    for args in (("build",), ("link", "--offline"), ("link", "--review")):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (
            2, f"error: {path}:4: contradictory curated decisions for {B}place/tianjin wikidata Q11736: accepted on "
               "line 2, rejected on line 4 (keep the one that is right)\n"), args


def test_reject_of_a_shipped_link_takes_effect(work: Path) -> None:
    (work / "data" / "links.csv").unlink()
    for entity, qid in (("CN", "Q148"), ("national-library-of-china", "Q732353")):
        result = run("link", "reject", entity, qid)
        assert result.exit_code == 0, result.output
    rows = decisions(work)
    assert len(rows) == 1 + 22
    assert f"{B}country/CN,China,country,wikidata,Q148,rejected,curated,,2025-11-25,rejected by a reviewer" in rows
    assert (f"{B}org/national-library-of-china,National Library of China,organisation,wikidata,Q732353,rejected,"
            "curated,,2025-11-25,rejected by a reviewer") in rows
    assert run("-q", "build").exit_code == 0
    nq = (work / "dist" / "dataset.nq").read_text(encoding="utf-8")
    assert "<http://www.wikidata.org/entity/Q148>" not in nq  # neither the decision's link nor countries.csv's
    assert "<http://www.wikidata.org/entity/Q732353>" not in nq
    assert f"<{B}country/CN> <http://www.w3.org/2004/02/skos/core#exactMatch> <https://sws.geonames.org/1814991/>" in nq
    assert "<http://www.wikidata.org/entity/Q17>" in nq  # Japan's link stays
    # and accepted again, it is back
    assert run("link", "accept", "CN", "Q148").exit_code == 0
    assert [r for r in decisions(work) if "country/CN,China,country,wikidata" in r] == [
        f"{B}country/CN,China,country,wikidata,Q148,accepted,curated,,2025-11-25,accepted by a reviewer"]


def test_reject_takes_the_ids_fanned_out_from_that_item(work: Path) -> None:
    path = work / "data" / "links.csv"
    path.write_text(",".join(COLUMNS) + "\n"
                    f"{B}org/x,X,organisation,viaf,900,accepted,automatic,0.95,2025-01-01,from Wikidata Q9\n"
                    f"{B}org/x,X,organisation,website,https://x.org/,accepted,curated,,2025-01-01,checked\n"
                    f"{B}org/x,X,organisation,wikidata,Q9,accepted,automatic,0.95,2025-01-01,matched label\n",
                    encoding="utf-8")
    assert run("link", "reject", f"{B}org/x", "Q9").exit_code == 0
    assert decisions(work)[1:] == [
        f"{B}org/x,X,organisation,website,https://x.org/,accepted,curated,,2025-01-01,checked",
        f"{B}org/x,X,organisation,wikidata,Q9,rejected,curated,,2025-11-25,rejected by a reviewer"]


@pytest.mark.parametrize("qid", ["Q0", "q1", "Q1x", "Q1\u0662", "Q\uff11", "Q01", " Q1"])
def test_accept_takes_only_a_qid(work: Path, qid: str) -> None:
    result = run("link", "accept", "CN", qid)
    assert (result.exit_code, result.stderr) == (2, f"error: {qid!r} is not a Wikidata item id such as Q732353\n")


def test_review_needs_no_network(work: Path) -> None:
    path = work / "data" / "links.csv"
    path.write_text(",".join(COLUMNS) + "\n"
                    f"{B}place/suzhou,Suzhou,place,wikidata,Q42622,pending,automatic,0.80,2025-01-01,matched label\n",
                    encoding="utf-8")
    before = path.read_bytes()
    with fake_endpoint([Reply(500, b"never asked")]) as (url, script):
        result = run("link", "--review", "--endpoint", url)
    assert result.exit_code == 0, result.output
    assert result.stdout == ("1 pending candidate(s); record a decision with 'rscao-graph link accept|reject ENTITY "
                             "QID':\n  place/suzhou  Suzhou  ->  Q42622  score 0.80\n      matched label\n")
    assert (script.requests, path.read_bytes()) == ([], before)
    assert run("link", "--review", "data/reports").exit_code == 2
