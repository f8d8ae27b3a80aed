"""HTML pages from Jinja2 templates (``templates/``) with autoescaping: every value from a report is
escaped, and only ``http(s)`` IRIs become links out (``links.safe_href``). The same function renders a
page for the server and for the static site, so both send the same bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from pyoxigraph import NamedNode

from ..config import version
from ..publish.describe import Description
from ..publish.dumps import DUMPS
from ..vocab import RSCAO
from .charts import home_charts
from .links import Linker
from .negotiation import FORMATS
from .report_page import report_view
from .view import PageBuilder, resource_page

__all__ = ["PAGE_FORMATS", "FormatLink", "environment", "fingerprint", "render", "render_dumps", "render_home",
           "render_resource"]

TEMPLATES = Path(__file__).parent / "templates"
#: The formats every resource page links to (and the static site writes beside it).
PAGE_FORMATS = ("ttl", "jsonld", "nt")


@dataclass(frozen=True)
class FormatLink:
    label: str
    media_type: str
    href: str


@cache
def environment() -> jinja2.Environment:
    """The template environment: autoescaping on, undefined names an error, no caching surprises."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


@cache
def fingerprint() -> str:
    """A hash of the templates and the version: what the pages look like besides the data (for ETags)."""
    digest = hashlib.sha256(version().encode())
    for path in sorted(TEMPLATES.glob("*.html")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(Path(__file__).with_name("charts.py").read_bytes())
    return digest.hexdigest()[:16]


def render(template: str, **values: Any) -> bytes:
    """Render ``template`` with ``values`` to UTF-8 bytes."""
    return environment().get_template(template).render(**values).encode("utf-8")


def _formats(linker: Linker, path: str) -> list[FormatLink]:
    return [FormatLink(FORMATS[k].label, FORMATS[k].media_type, linker.page(path, FORMATS[k].extension))
            for k in PAGE_FORMATS]


def render_resource(description: Description, base: str, terms: dict[str, str]) -> bytes:
    """The HTML page of a resource (a report's page lists its whole content)."""
    page = resource_page(description, base, terms)
    assert page.linker is not None and page.graph is not None
    formats = _formats(page.linker, page.path)
    values: dict[str, Any] = {"title": page.title, "root": page.linker.root, "alternates": formats,
                              "formats": formats, "page": page}
    if page.graph.has_type(NamedNode(page.iri), RSCAO.Report):
        return render("report.html", report=report_view(page, PageBuilder(page.graph, page.linker, terms)),
                      **values)
    return render("resource.html", **values)


def render_home(meta: dict[str, Any]) -> bytes:
    """The home page: the dataset in figures, its charts, its reports, countries and strategy."""
    base = meta["base_iri"]
    summary = meta["summary"]
    linker = Linker(base, "")
    by_direction: dict[str, list[dict[str, Any]]] = {d["notation"]: [] for d in summary["directions"]}
    for item in summary["initiatives"]:
        by_direction.setdefault(item["notation"].split(".")[0], []).append({**item, "href": linker.href(item["iri"])})
    directions = [{**d, "href": linker.href(d["iri"]), "initiatives": by_direction.get(d["notation"], [])}
                  for d in summary["directions"]]
    return render("home.html", title="Home", root="", alternates=[
        FormatLink("VoID", "text/turtle", ".well-known/void")], counts=summary["counts"],
        charts=home_charts(summary, linker), undated=summary["months"]["undated"],
        reports=[{**r, "href": linker.href(r["iri"])} for r in summary["reports"]],
        countries=[{**c, "href": linker.href(c["iri"])} for c in summary["countries"]], directions=directions)


#: The build's files listed on the downloads page, beyond the dumps: name -> (media type, description).
EXTRA_FILES = {"ontology.ttl": ("text/turtle", f"The vocabulary: the OWL ontology of {RSCAO}"),
               "void.ttl": ("text/turtle", "The dataset description: VoID statistics and DCAT-AP distributions"),
               "validation.ttl": ("text/turtle", "The SHACL validation report of the build")}


def downloadable(data: Path) -> dict[str, tuple[str, str]]:
    """The files of the build in ``data`` that are served under ``dump/``: name -> (media type, description)."""
    every = {**DUMPS, **EXTRA_FILES}
    return {name: every[name] for name in every if (data / name).is_file()}


def render_dumps(data: Path) -> bytes:
    """The downloads page (``dumps/``)."""
    linker = Linker("", "dumps")
    files = [{"name": name, "media_type": media, "description": description, "href": f"{linker.root}dump/{name}",
              "size": f"{(data / name).stat().st_size:,}"} for name, (media, description) in downloadable(data).items()]
    return render("dumps.html", title="Downloads", root=linker.root, alternates=[], files=files)
