"""The redirect rules for w3id.org: an Apache ``.htaccess`` for the registry's ``rscao/`` folder that sends
each IRI under ``https://w3id.org/rscao/`` to the document that answers for it on the host where the
build is published (``host_url`` in rscao.toml): the static site ``rscao-graph site`` writes, or
``rscao-graph serve``, which answer the same URLs with the same bytes. A static host cannot negotiate, so
the rules do, on ``Accept``, and name a file of the site:

| IRI under https://w3id.org/rscao/   | goes to (303 See Other, or 302 for files)                     |
|-------------------------------------|---------------------------------------------------------------|
| ``ontology``, ``ontology/0.1.0``    | ``ontology/index.html`` for browsers, else ``dump/ontology.ttl`` |
| ``context/0.1.0.jsonld``            | ``context/0.1.0.jsonld``                                      |
| ``dump/{file}``                     | ``dump/{file}``                                               |
| ``dataset``                         | ``dataset/index.html`` for browsers, else ``dump/void.ttl``   |
| any other IRI minted ``{path}``     | its description ``{path}/index.ttl``, ``.jsonld`` or ``.nt``   |

Any other IRI minted: a report and everything in it, countries, organisations, places, people, works,
sub-regions, the strategy (:data:`DESCRIBED_KINDS`); ``index.jsonld`` of a report is its framed document;
TriG and N-Quads go to the dumps, and anything else (a browser) to the page, ``{path}/index.html``.

Apache's conditions match ``Accept`` as text, without q-values, so the RDF syntaxes are tried in a fixed
order (Turtle, JSON-LD, N-Triples, TriG, N-Quads), the page being the default.

The registry (https://github.com/perma-id/w3id.org) takes a pull request adding ``rscao/.htaccess`` and a
``rscao/README.md`` naming its maintainers; see the README's "Stable IRIs" section.
"""

from __future__ import annotations

from pathlib import Path

from ..iris import KIND_PATHS
from ..resources import resource_path
from ..vocab import CONTEXT_IRI

__all__ = ["CONTEXT_PATH", "DESCRIBED_KINDS", "HTACCESS", "htaccess", "write_resolvable_files"]

#: The file name of the rules in a build's output folder (to be copied to ``rscao/.htaccess`` of w3id.org).
HTACCESS = "w3id.htaccess"
#: The versioned context's path in a build, the static site and the server, as it is under w3id.org/rscao/
#: (``context/0.1.0.jsonld``).
CONTEXT_PATH = "context/" + CONTEXT_IRI.rsplit("/", 1)[1]
_ONTOLOGY_VERSION = "0.1.0"
#: The first path segment of every IRI minted under the base that has a description (iris.py's patterns).
DESCRIBED_KINDS = ("report", "country", *KIND_PATHS.values(), "subregion", "membership", "strategy", "graph", "link",
                   "dataset")

_RULES = """# w3id.org/rscao/ -> {host}
# Written by rscao-graph: copy to rscao/.htaccess in https://github.com/perma-id/w3id.org (a pull request).
# {host} serves the static site of 'rscao-graph site' (or 'rscao-graph serve'): these rules negotiate for it.
Header set Access-Control-Allow-Origin *
Options +FollowSymLinks
RewriteEngine on

# The vocabulary (its namespace https://w3id.org/rscao/ontology# and its version IRI): its page for
# browsers, else the ontology in Turtle
RewriteCond %{{HTTP_ACCEPT}} text/html
RewriteRule ^ontology(/{ontology_version})?$ {host}ontology/index.html [R=303,L]
RewriteRule ^ontology(/{ontology_version})?$ {host}dump/ontology.ttl [R=303,L]

# The JSON-LD context, by its versioned IRI
RewriteRule ^context/({context_file})$ {host}context/$1 [R=302,L]

# The build's files (dumps, VoID, the validation report, the ontology)
RewriteRule ^dump/([A-Za-z0-9_-]+\\.[a-z]+)$ {host}dump/$1 [R=302,L]

# The dataset: its page for browsers, else its VoID/DCAT-AP description
RewriteCond %{{HTTP_ACCEPT}} text/html
RewriteRule ^dataset$ {host}dataset/index.html [R=303,L]
RewriteRule ^dataset$ {host}dump/void.ttl [R=303,L]

# Every other IRI (a report and everything in it, countries, organisations, places, people, works, ...):
# its description in the RDF syntax asked for (a report's JSON-LD is its framed document), the dumps for
# TriG and N-Quads, and its page for anything else
RewriteCond %{{HTTP_ACCEPT}} text/turtle
RewriteRule ^({kinds})/(.+)$ {host}$1/$2/index.ttl [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json
RewriteRule ^({kinds})/(.+)$ {host}$1/$2/index.jsonld [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/n-triples
RewriteRule ^({kinds})/(.+)$ {host}$1/$2/index.nt [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/trig
RewriteRule ^({kinds})/ {host}dump/dataset.trig [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/n-quads
RewriteRule ^({kinds})/ {host}dump/dataset.nq [R=303,L]
RewriteRule ^({kinds})/(.+)$ {host}$1/$2/index.html [R=303,L]
"""


def htaccess(host: str) -> str:
    """The rules, sending w3id.org/rscao/ to ``host`` (an http(s) URL ending in '/', where the static site
    of a build, or ``rscao-graph serve``, answers)."""
    if not (host.startswith(("http://", "https://")) and host.endswith("/")):
        raise ValueError(f"host {host!r} must be an http(s) URL ending in '/'")
    context_file = CONTEXT_IRI.rsplit("/", 1)[1].replace(".", "\\.")
    return _RULES.format(host=host, ontology_version=_ONTOLOGY_VERSION.replace(".", "\\."),
                         context_file=context_file, kinds="|".join(DESCRIBED_KINDS))


def write_resolvable_files(folder: Path, host_url: str | None) -> dict[str, int]:
    """Write what the rules point at beside the dumps: ``ontology.ttl``, the context under its versioned
    name (``context/0.1.0.jsonld``), and (given the host) the rules themselves as ``w3id.htaccess``;
    returns file name -> byte size of the files written beside the dumps (not those in ``context/``)."""
    ontology = resource_path("ontology", "rscao.ttl").read_bytes()
    (folder / "ontology.ttl").write_bytes(ontology)
    sizes = {"ontology.ttl": len(ontology)}
    versioned = folder / CONTEXT_PATH
    versioned.parent.mkdir(parents=True, exist_ok=True)
    versioned.write_bytes(resource_path("ontology", "context.jsonld").read_bytes())
    if host_url:
        rules = htaccess(host_url).encode("utf-8")
        (folder / HTACCESS).write_bytes(rules)
        sizes[HTACCESS] = len(rules)
    return sizes
