"""The w3id.org redirect rules: each IRI pattern goes where the published build answers for it, with content
negotiation. The rules are applied here as Apache applies them (RewriteCond on Accept, then RewriteRule,
first match wins), and each target is checked to be a file of the static site (``rscao-graph site``) that
the server (``rscao-graph serve``) answers with the same bytes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import SETTINGS
from served import Client

from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.publish.w3id import DESCRIBED_KINDS, HTACCESS, htaccess
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference
from rscao_graph.serve.site import write_site

HOST = "https://rscao.example.org/data/"


def resolve(rules: str, path: str, accept: str) -> tuple[str, str] | None:
    """(status, target) of ``path`` (relative to w3id.org/rscao/) under the rules, as mod_rewrite would."""
    condition: str | None = None
    for line in rules.splitlines():
        if line.startswith("RewriteCond %{HTTP_ACCEPT} "):
            condition = line.split(" ", 2)[2]
        elif line.startswith("RewriteRule "):
            _, pattern, target, flags = line.split(" ")
            ok = condition is None or re.search(condition, accept) is not None
            condition = None
            if ok and (m := re.search(pattern, path)):
                target = re.sub(r"\$(\d)", lambda g: m.group(int(g.group(1))) or "", target)
                return re.search(r"R=(\d+)", flags).group(1), target  # type: ignore[union-attr]
    return None


@pytest.fixture(scope="module")
def written(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    settings = replace(SETTINGS, host_url=HOST)
    out = tmp_path_factory.mktemp("w3id") / "dist"
    sizes = write_build(build_dataset([ReportFile(sample_path, sample_path.parent)], settings, load_reference()),
                        check_output(out), settings)
    return out, sizes


def test_the_rules_and_the_ontology_are_listed_with_the_files_written(written: tuple[Path, dict[str, int]]) -> None:
    out, sizes = written
    assert list(sizes)[4:] == ["context.jsonld", "ontology.ttl", HTACCESS, "void.ttl"]
    assert sizes == {p.name: p.stat().st_size for p in out.iterdir() if p.is_file() and p.name != ".rscao-build"}


@pytest.fixture(scope="module")
def built(written: tuple[Path, dict[str, int]]) -> Path:
    return written[0]


@pytest.fixture(scope="module")
def site(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The static site of the sample build: what the host at ``host_url`` serves (as ``serve`` does)."""
    out = tmp_path_factory.mktemp("w3id-site") / "public"
    write_site(sample_dist, out)
    return out


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
ACCEPTS = (BROWSER, "*/*", "text/turtle", "application/ld+json", "application/n-triples", "application/trig",
           "application/n-quads")


@pytest.mark.parametrize(("path", "accept", "target"), [
    ("ontology", "text/turtle", "dump/ontology.ttl"),
    ("ontology", BROWSER, "ontology/index.html"),
    ("ontology/0.1.0", "*/*", "dump/ontology.ttl"),
    ("context/0.1.0.jsonld", "application/ld+json", "context/0.1.0.jsonld"),
    ("dump/dataset.trig", "*/*", "dump/dataset.trig"),
    ("dump/void.ttl", "*/*", "dump/void.ttl"),
    ("dataset", "text/turtle", "dump/void.ttl"),
    ("dataset", BROWSER, "dataset/index.html"),
    ("report/north-east-asia/2019-09--2020-03", "application/ld+json", "report/north-east-asia/2019-09--2020-03/index.jsonld"),
    ("report/north-east-asia/2019-09--2020-03", BROWSER, "report/north-east-asia/2019-09--2020-03/index.html"),
    ("report/north-east-asia/2019-09--2020-03/activity/cn-1", "application/ld+json",
     "report/north-east-asia/2019-09--2020-03/activity/cn-1/index.jsonld"),
    ("report/north-east-asia/2019-09--2020-03", "text/turtle", "report/north-east-asia/2019-09--2020-03/index.ttl"),
    ("report/north-east-asia/2019-09--2020-03", "application/trig", "dump/dataset.trig"),
    ("country/CN", "application/ld+json", "country/CN/index.jsonld"),
    ("org/national-library-of-china", "text/turtle", "org/national-library-of-china/index.ttl"),
    ("strategy/2019-2024/3.1", "application/n-quads", "dump/dataset.nq"),
    ("strategy/2019-2024/3.1", "application/n-triples", "strategy/2019-2024/3.1/index.nt"),
    ("work/marrakesh-treaty", "*/*", "work/marrakesh-treaty/index.html"),
    ("person/chen-ying", "text/turtle", "person/chen-ying/index.ttl"),
])
def test_each_iri_goes_to_a_document_of_the_site_and_the_server(
        built: Path, site: Path, client: Client, path: str, accept: str, target: str) -> None:
    rules = (built / HTACCESS).read_text(encoding="utf-8")
    status, url = resolve(rules, path, accept)  # type: ignore[misc]
    assert url == HOST + target
    assert status in ("302", "303")
    answer = client.get(target, headers={"Accept": accept})
    assert answer.status_code == 200, target
    assert answer.content == (site / target).read_bytes()


def test_every_described_iri_resolves_to_a_file_of_the_site(site: Path, sample_dist: Path) -> None:
    """Whatever a client accepts, the rules send each IRI the build describes to a file the static site
    has (and so the server: tests/test_site.py checks that it answers every file with the same bytes)."""
    rules = htaccess(HOST)
    paths = list(Descriptions(sample_dist).paths())
    assert {p.split("/", 1)[0] for p in paths} == {*DESCRIBED_KINDS, "ontology"}
    missing = []
    for path in paths:
        for accept in ACCEPTS:
            found = resolve(rules, path, accept)
            if found is None or not (site / found[1].removeprefix(HOST)).is_file():
                missing.append((path, accept, found))
    assert missing == []
    assert len(paths) == 1019


def test_unknown_paths_are_left_to_w3id(built: Path) -> None:
    assert resolve((built / HTACCESS).read_text(encoding="utf-8"), "nothing/here", "*/*") is None


def test_no_rules_without_a_host(sample_dist: Path) -> None:
    assert not (sample_dist / HTACCESS).exists()
    assert (sample_dist / "ontology.ttl").is_file()
    with pytest.raises(ValueError):
        htaccess("rscao.example.org")


def test_the_rules_open_with_the_host() -> None:
    assert htaccess(HOST).splitlines()[:6] == [
        f"# w3id.org/rscao/ -> {HOST}",
        "# Written by rscao-graph: copy to rscao/.htaccess in https://github.com/perma-id/w3id.org (a pull request).",
        f"# {HOST} serves the static site of 'rscao-graph site' (or 'rscao-graph serve'): these rules negotiate for it.",
        "Header set Access-Control-Allow-Origin *", "Options +FollowSymLinks", "RewriteEngine on"]
