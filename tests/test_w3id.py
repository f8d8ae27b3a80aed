"""The w3id.org redirect rules: each IRI pattern goes where a build answers for it, with content
negotiation. The rules are applied here as Apache applies them (RewriteCond on Accept, then RewriteRule,
first match wins), and each target is checked to be a file a build writes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import SETTINGS

from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.w3id import HTACCESS, htaccess
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference

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


@pytest.mark.parametrize(("path", "accept", "target"), [
    ("ontology", "text/turtle", "ontology.ttl"),
    ("ontology", "text/html", "ontology.ttl"),
    ("ontology/0.1.0", "*/*", "ontology.ttl"),
    ("context/0.1.0.jsonld", "application/ld+json", "context/0.1.0.jsonld"),
    ("dump/dataset.trig", "*/*", "dataset.trig"),
    ("dataset", "text/turtle", "void.ttl"),
    ("report/north-east-asia/2019-09--2020-03", "application/ld+json", "report/north-east-asia/2019-09--2020-03.jsonld"),
    ("report/north-east-asia/2019-09--2020-03", "text/html,application/xhtml+xml", "report/north-east-asia/2019-09--2020-03.jsonld"),
    ("report/north-east-asia/2019-09--2020-03/activity/cn-1", "application/ld+json", "report/north-east-asia/2019-09--2020-03.jsonld"),
    ("report/north-east-asia/2019-09--2020-03", "text/turtle", "dataset.ttl"),
    ("report/north-east-asia/2019-09--2020-03", "application/trig", "dataset.trig"),
    ("country/CN", "application/ld+json", "dataset.jsonld"),
    ("org/national-library-of-china", "text/turtle", "dataset.ttl"),
    ("strategy/2019-2024/3.1", "application/n-quads", "dataset.nq"),
    ("place/beijing", "*/*", "dataset.ttl"),
])
def test_each_iri_goes_to_a_file_the_build_wrote(built: Path, path: str, accept: str, target: str) -> None:
    rules = (built / HTACCESS).read_text(encoding="utf-8")
    status, url = resolve(rules, path, accept)  # type: ignore[misc]
    assert url == HOST + target
    assert status in ("302", "303")
    assert (built / target).is_file()


def test_unknown_paths_are_left_to_w3id(built: Path) -> None:
    assert resolve((built / HTACCESS).read_text(encoding="utf-8"), "nothing/here", "*/*") is None


def test_no_rules_without_a_host(sample_dist: Path) -> None:
    assert not (sample_dist / HTACCESS).exists()
    assert (sample_dist / "ontology.ttl").is_file()
    with pytest.raises(ValueError):
        htaccess("rscao.example.org")


def test_the_rules_open_with_the_host() -> None:
    assert htaccess(HOST).splitlines()[:5] == [
        f"# w3id.org/rscao/ -> {HOST}",
        "# Written by rscao-graph: copy to rscao/.htaccess in https://github.com/perma-id/w3id.org (a pull request).",
        "Header set Access-Control-Allow-Origin *", "Options +FollowSymLinks", "RewriteEngine on"]
