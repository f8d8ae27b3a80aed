"""The static site (serve/site.py): the server's bytes for every URL, written to files whose links all
resolve on disk."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from served import Client

from rscao_graph.errors import InputError, UsageError
from rscao_graph.files import MARKER
from rscao_graph.serve.documents import Documents
from rscao_graph.serve.site import site_files, write_site


@pytest.fixture(scope="module")
def site(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    result = write_site(sample_dist, out)
    assert (result.resources, result.files) == (1019, 1019 * 4 + 17 + 5 + 8 + 2)
    return out


def test_the_site_is_what_the_server_sends(site: Path, client: Client, sample_dist: Path) -> None:
    files = site_files(Documents(sample_dist))
    written = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert written == sorted([name for name, _ in files] + [MARKER, ".nojekyll"])
    for name, url in files:
        response = client.get(url)
        assert response.status_code == 200, url
        assert (site / name).read_bytes() == response.content, url


def test_every_link_resolves_on_disk(site: Path) -> None:
    broken = []
    pages = list(site.rglob("*.html"))
    assert len(pages) == 1019 + 5 + 17 - 1
    for page in pages:
        for href in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            if href.startswith(("http://", "https://")):
                continue
            assert not href.startswith("/"), f"{page}: {href}"
            target, _ = urldefrag(unquote(href))
            if target and not (page.parent / target).resolve().is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
    assert broken == []


def test_processes_write_the_same_site(site: Path, sample_dist: Path, tmp_path: Path) -> None:
    result = write_site(sample_dist, tmp_path / "public", workers=2)
    assert (result.resources, result.files) == (1019, 1019 * 4 + 17 + 5 + 8 + 2)
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "public") for p in (tmp_path / "public").rglob("*") if p.is_file())
    assert all((site / f).read_bytes() == (tmp_path / "public" / f).read_bytes() for f in files)


def test_the_site_replaces_its_earlier_self_only(sample_dist: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    write_site(sample_dist, out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    write_site(sample_dist, out)
    assert not (out / "stale.html").exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.doc").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not an earlier build"):
        write_site(sample_dist, foreign)
    assert [p.name for p in foreign.iterdir()] == ["thesis.doc"]


@pytest.mark.parametrize("where", ["same", "inside", "around"])
def test_the_site_and_the_build_never_overlap(sample_dist: Path, where: str) -> None:
    out = {"same": sample_dist, "inside": sample_dist / "site", "around": sample_dist.parent}[where]
    with pytest.raises(UsageError, match="overlap"):
        write_site(sample_dist, out)
