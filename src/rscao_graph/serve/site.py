"""The static site: what the server answers, written to files for any static host. A folder per
resource with ``index.html``, ``index.ttl``, ``index.jsonld`` and ``index.nt`` (the formats every page
links to), the home page, the downloads (``dump/``, ``dumps/``), VoID (``.well-known/void``), the
JSON-LD context (``context/0.1.0.jsonld``, its IRI's path, and ``context.jsonld``) and the pages of the
stored queries and the SPARQL form (which only a server runs).

Every file holds the bytes the server sends for the same URL: both come from :class:`Documents`.
Links are relative, so the folder also opens from disk. The folder is written atomically, like a build.
"""

from __future__ import annotations

import multiprocessing
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..files import check_output, staged_output
from ..query.stored import load_queries
from .documents import CONTEXT_ALIAS, CONTEXT_PATH, Documents
from .negotiation import FORMATS
from .pages import PAGE_FORMATS

__all__ = ["SiteResult", "site_files", "write_site"]


@dataclass(frozen=True)
class SiteResult:
    """What was written: resources described, files written."""

    resources: int
    files: int


def _safe(path: str) -> bool:
    parts = path.split("/")
    return bool(path) and all(p not in ("", ".", "..") and "\\" not in p and "\x00" not in p for p in parts)


def site_files(docs: Documents) -> list[tuple[str, str]]:
    """Every file of the site as (relative file name, the URL path the server answers it at)."""
    out = [("index.html", "/index.html"), ("dumps/index.html", "/dumps/index.html"),
           ("queries/index.html", "/queries/index.html"), ("sparql/index.html", "/sparql/index.html"),
           (".well-known/void", "/.well-known/void")]
    out += [(f"queries/{name}/index.html", f"/queries/{name}/index.html") for name in load_queries()]
    out += [(f"dump/{name}", f"/dump/{name}") for name in docs.files]
    if docs.context() is not None:
        out += [(CONTEXT_PATH, f"/{CONTEXT_PATH}"), (CONTEXT_ALIAS, f"/{CONTEXT_ALIAS}")]
    for path in docs.descriptions.paths():
        out += [(f"{path}/index.{FORMATS[k].extension}", f"/{path}/index.{FORMATS[k].extension}")
                for k in ("html", *PAGE_FORMATS)]
    return out


def _write_resources(data: Path, folder: Path, paths: list[str]) -> int:
    """Write the files of the resources ``paths`` into ``folder`` (in a process of its own, for a pool);
    returns how many files were written."""
    docs = Documents(data, cache_bytes=0)
    written = 0
    try:
        for path in paths:
            if not _safe(path):
                raise UsageError(f"the build describes a resource whose path cannot be a folder: {path!r}")
            (folder / path).mkdir(parents=True, exist_ok=True)
            for key in ("html", *PAGE_FORMATS):
                body = docs.resource(path, key)
                assert body is not None
                (folder / path / f"index.{FORMATS[key].extension}").write_bytes(body)
                written += 1
    finally:
        docs.close()
    return written


def write_site(data: Path, out: Path, *, workers: int = 1) -> SiteResult:
    """Write the static site of the build in ``data`` into ``out`` (replaced whole; a folder that is
    neither new, empty nor an earlier output is refused), the resources' files in up to ``workers``
    processes. Raises :class:`UsageError` for a folder inside the build or holding it."""
    data_path, out_path = data.resolve(), out.resolve()
    if out_path == data_path or data_path in out_path.parents or out_path in data_path.parents:
        raise UsageError(f"the site folder {out} and the build {data} overlap", hint="give another --out")
    target = check_output(out)
    docs = Documents(data, cache_bytes=0)
    resources = files = 0
    try:
        with staged_output(target) as folder:
            def write(name: str, body: bytes) -> None:
                nonlocal files
                path = folder / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(body)
                files += 1

            write("index.html", docs.home())
            write("dumps/index.html", docs.dumps())
            write("queries/index.html", docs.queries())
            write("sparql/index.html", docs.sparql_form())
            write(".well-known/void", docs.void("ttl"))
            for query in load_queries().values():
                write(f"queries/{query.name}/index.html", docs.query_page(query))
            for name in docs.files:
                (folder / "dump").mkdir(exist_ok=True)
                shutil.copyfile(data / name, folder / "dump" / name)
                files += 1
            if (context := docs.context()) is not None:
                for name in (CONTEXT_PATH, CONTEXT_ALIAS):
                    (folder / name).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(context, folder / name)
                    files += 1
            (folder / ".nojekyll").write_bytes(b"")
            paths = list(docs.descriptions.paths())
            resources = len(paths)
            if workers > 1 and len(paths) >= 500:
                chunks = [paths[i::workers * 4] for i in range(workers * 4)]
                with multiprocessing.get_context("spawn").Pool(workers) as pool:
                    files += sum(pool.starmap(_write_resources, [(data, folder, chunk) for chunk in chunks]))
            else:
                files += _write_resources(data, folder, paths)
    finally:
        docs.close()
    return SiteResult(resources, files)
