"""Linking the sample against a real Oxigraph server loaded with a Wikidata-shaped fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import DATA
from oxigraph_server import oxigraph_server

from rscao_graph.decisions import Decision
from rscao_graph.iris import Minter
from rscao_graph.link.client import SparqlClient
from rscao_graph.link.linker import link_entities, link_targets
from rscao_graph.model import Report
from rscao_graph.reference import load_reference

B = "https://w3id.org/rscao/"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server([DATA / "wikidata.ttl"], tmp_path_factory.mktemp("wd") / "db") as url:
        yield url


def run(sample: Report, endpoint: str, tmp_path: Path, decisions: list[Decision] | None = None,
        **kwargs: object) -> tuple[object, SparqlClient]:
    targets = link_targets([sample], Minter(B), load_reference())
    client = SparqlClient(endpoint, cache=tmp_path / "cache", sleep=lambda s: None, **kwargs)  # type: ignore[arg-type]
    return link_entities(targets, decisions or [], client, date="2026-11-25"), client


def test_targets(sample: Report) -> None:
    targets = link_targets([sample], Minter(B), load_reference())
    assert len(targets) == 45  # the five projects and services of the sample are works, not linked
    by_iri = {t.iri: t for t in targets}
    nlk = by_iri[B + "org/national-library-of-korea"]
    assert (nlk.kind, nlk.type, nlk.country, nlk.names) == ("organisation", "Library", "KR",
                                                           ("National Library of Korea", "NLK", "National library of Korea"))
    assert by_iri[B + "country/CN"].names == ("CN",)
    assert sorted(t.iri.rsplit("/", 1)[-1] for t in targets if t.kind == "country") == [
        "CA", "CN", "EG", "GB", "JP", "KP", "KR", "MN", "NZ", "SG", "US"]
    assert not any(t.kind == "person" for t in targets)


def test_decisions_for_each_case(sample: Report, endpoint: str, tmp_path: Path) -> None:
    result, client = run(sample, endpoint, tmp_path)
    rows = {(d.entity.removeprefix(B), d.authority, d.value): (d.status, d.method, d.score) for d in result.decisions}
    assert rows == {
        ("country/CN", "wikidata", "Q148"): ("accepted", "automatic", "1.00"),
        ("country/CN", "geonames", "1814991"): ("accepted", "automatic", "1.00"),
        ("country/JP", "wikidata", "Q17"): ("accepted", "automatic", "1.00"),
        ("country/JP", "geonames", "1861060"): ("accepted", "automatic", "1.00"),
        ("country/KP", "wikidata", "Q423"): ("accepted", "automatic", "1.00"),
        ("country/KR", "wikidata", "Q884"): ("accepted", "automatic", "1.00"),
        ("country/MN", "wikidata", "Q711"): ("accepted", "automatic", "1.00"),
        # exact label, a library in its country; fanned out to its website and VIAF
        ("org/national-library-of-china", "wikidata", "Q732353"): ("accepted", "automatic", "1.00"),
        ("org/national-library-of-china", "website", "http://www.nlc.cn/"): ("accepted", "automatic", "1.00"),
        ("org/national-library-of-china", "viaf", "900000001"): ("accepted", "automatic", "1.00"),
        ("org/national-diet-library", "wikidata", "Q477675"): ("accepted", "automatic", "1.00"),
        ("org/national-diet-library", "website", "https://www.ndl.go.jp/"): ("accepted", "automatic", "1.00"),
        # known by an alias only
        ("org/national-library-of-korea", "wikidata", "Q900000010"): ("accepted", "automatic", "0.95"),
        ("org/national-library-of-korea", "viaf", "900000010"): ("accepted", "automatic", "0.95"),
        ("org/national-library-of-korea", "isni", "0000000090000010"): ("accepted", "automatic", "0.95"),
        ("org/national-library-of-korea", "isil", "KR-900010"): ("accepted", "automatic", "0.95"),
        # a person shares the library's name: the library wins on type
        ("org/ulaanbaatar-city-library", "wikidata", "Q900000020"): ("accepted", "automatic", "1.00"),
        # two cities named Suzhou in one country: left for review
        ("place/suzhou", "wikidata", "Q42622"): ("pending", "automatic", "1.00"),
        ("place/suzhou", "wikidata", "Q900000002"): ("pending", "automatic", "1.00"),
        ("place/beijing", "wikidata", "Q956"): ("accepted", "automatic", "1.00"),
        ("place/beijing", "geonames", "1816670"): ("accepted", "automatic", "1.00"),
        ("place/tianjin", "wikidata", "Q11736"): ("accepted", "automatic", "1.00"),
    }
    assert B + "place/hulunbuir" in result.unmatched
    assert (len(result.accepted), result.pending, len(result.unmatched)) == (11, [B + "place/suzhou"], 33)
    suzhou = [d for d in result.decisions if d.entity == B + "place/suzhou"]
    assert suzhou[0].note == ('matched label "Suzhou"; label "Suzhou"; types: city; country: CN; '
                              '"prefecture-level city in Jiangsu, China"')
    assert client.requests == 4


def test_curated_decisions_win(sample: Report, endpoint: str, tmp_path: Path) -> None:
    curated = [Decision(B + "place/suzhou", "wikidata", "Q42622", "Suzhou", "place", "accepted", "curated"),
               Decision(B + "org/ulaanbaatar-city-library", "wikidata", "Q900000020", "Ulaanbaatar City Library",
                        "organisation", "rejected", "curated")]
    result, _ = run(sample, endpoint, tmp_path, curated)
    suzhou = [(d.value, d.status, d.method) for d in result.decisions if d.entity == B + "place/suzhou"]
    assert suzhou == [("Q42622", "accepted", "curated")]
    ub = [(d.value, d.status, d.method) for d in result.decisions if d.entity == B + "org/ulaanbaatar-city-library"]
    assert ub == [("Q900000020", "rejected", "curated"), ("Q900000021", "pending", "automatic")]


def test_second_run_is_answered_by_the_cache(sample: Report, endpoint: str, tmp_path: Path) -> None:
    first, _ = run(sample, endpoint, tmp_path)
    again, client = run(sample, endpoint, tmp_path)
    assert client.requests == 0
    assert again.decisions == first.decisions


def test_offline_without_cache_changes_nothing(sample: Report, tmp_path: Path) -> None:
    existing = [Decision(B + "place/tianjin", "wikidata", "Q11736", "Tianjin", "place", "accepted", "automatic",
                         "1.00", "2026-01-01", "")]
    result, client = run(sample, "http://127.0.0.1:9/unused", tmp_path, existing, offline=True)
    assert result.decisions == existing
    assert (client.requests, len(result.skipped)) == (0, 45)


def test_a_hostile_endpoint_cannot_put_a_bad_row_in_the_decisions_file(sample: Report, tmp_path: Path) -> None:
    import json

    from fake_endpoint import Reply, fake_endpoint

    from rscao_graph.decisions import read_decisions, write_decisions

    wd = "http://www.wikidata.org/entity/"
    rows = [
        {"matched": {"type": "literal", "value": "National Library of China", "xml:lang": "en"},
         "how": {"type": "literal", "value": "label"}, "item": {"type": "uri", "value": wd + "Q1"},
         "class": {"type": "uri", "value": wd + "Q7075"}, "iso": {"type": "literal", "value": "CN"}},
        {"item": {"type": "uri", "value": wd + "Q1"}, "authority": {"type": "literal", "value": "evil"},
         "value": {"type": "literal", "value": "x"}},
        {"item": {"type": "uri", "value": wd + "Q999"}, "authority": {"type": "literal", "value": "viaf"},
         "value": {"type": "literal", "value": "5"}},
        {"item": {"type": "uri", "value": wd + "Q1"}, "authority": {"type": "literal", "value": "website"},
         "value": {"type": "literal", "value": "https://x.org/%zz"}},
        {"item": {"type": "uri", "value": wd + "Q1"}, "authority": {"type": "literal", "value": "viaf"},
         "value": {"type": "literal", "value": "77"}},
    ]
    body = json.dumps({"head": {"vars": ["matched", "how", "item", "class", "iso", "authority", "value"]},
                       "results": {"bindings": rows}}).encode()
    with fake_endpoint([Reply(body=body)]) as (url, _):
        result, _client = run(sample, url, tmp_path)
    nlc = B + "org/national-library-of-china"
    assert sorted((d.authority, d.value) for d in result.decisions if d.entity == nlc) == [  # type: ignore[attr-defined]
        ("viaf", "77"), ("wikidata", "Q1")]
    write_decisions(tmp_path / "links.csv", result.decisions)  # type: ignore[attr-defined]
    assert len(read_decisions(tmp_path / "links.csv")) == len(result.decisions)  # type: ignore[attr-defined]
