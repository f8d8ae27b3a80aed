"""The documents a build serves, one way for the server and the site (serve/documents.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse
from served import BASE, REPORT

from rscao_graph.errors import UsageError
from rscao_graph.query.stored import load_queries
from rscao_graph.serve.documents import Documents, query_params
from rscao_graph.vocab import CONTEXT_IRI


@pytest.fixture(scope="module")
def docs(sample_dist: Path) -> Documents:
    return Documents(sample_dist, cache_bytes=1024 * 1024)


def test_etags_name_the_build_the_templates_and_the_representation(docs: Documents) -> None:
    tag = docs.etag("ttl")
    content, templates, key = tag.strip('"').split("-")
    assert (len(content), len(templates), key) == (20, 8, "ttl")
    assert docs.descriptions.content_hash.startswith(content)
    assert docs.etag("html") != tag


def test_resources_are_cached_and_the_same_every_time(docs: Documents) -> None:
    first = docs.resource("country/CN", "html")
    assert first is not None and first is docs.resource("country/CN", "html")
    assert docs.resource("country/XX", "html") is None
    assert docs.resource("country/CN", "ttl") == Documents(docs.data, cache_bytes=0).resource("country/CN", "ttl")


def test_void_in_other_formats(docs: Documents, sample_dist: Path) -> None:
    assert docs.void("ttl") == (sample_dist / "void.ttl").read_bytes()
    turtle = {str(t) for t in parse(docs.void("ttl"), format=RdfFormat.TURTLE)}
    assert {str(t) for t in parse(docs.void("nt"), format=RdfFormat.N_TRIPLES)} == turtle


def test_files_are_the_builds_own(docs: Documents, sample_dist: Path) -> None:
    assert list(docs.files) == ["dataset.trig", "dataset.nq", "dataset.ttl", "dataset.jsonld", "context.jsonld",
                                "ontology.ttl", "void.ttl", "validation.ttl"]
    assert docs.file("dataset.nq") == sample_dist / "dataset.nq"
    assert docs.file("store") is None and docs.file("../dataset.nq") is None
    assert docs.context() == sample_dist / "context" / "0.1.0.jsonld"
    assert docs.reports == {REPORT: BASE + REPORT}


def test_a_reports_json_ld_is_its_framed_document(docs: Documents, sample_dist: Path) -> None:
    assert docs.resource(REPORT, "jsonld") == (sample_dist / f"{REPORT}.jsonld").read_bytes()
    assert docs.resource(REPORT, "json") == docs.resource(REPORT, "jsonld")
    activity = json.loads(docs.resource(f"{REPORT}/activity/cn-1", "jsonld") or b"")
    assert (activity["@context"], len(activity["@graph"])) == (CONTEXT_IRI, 24)  # one node a subject


def test_query_form_fields() -> None:
    fields = query_params(load_queries()["activities-in-period"], {"start": "2019-10-01"})
    assert [(f["name"], f["type"], f["required"], f["value"], f["need"]) for f in fields] == [
        ("end", "xsd:date", False, "", "optional"),
        ("start", "xsd:date", False, "2019-10-01", "optional")]
    (country,) = query_params(load_queries()["activities-of-country"], {})
    assert (country["required"], country["need"], country["value"]) == (True, "required", "")


def test_no_build_no_documents(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no descriptions in"):
        Documents(tmp_path)
