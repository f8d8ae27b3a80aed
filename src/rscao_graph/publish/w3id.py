"""The redirect rules for w3id.org: an Apache ``.htaccess`` for the registry's ``rscao/`` folder that sends
each IRI under ``https://w3id.org/rscao/`` to the file of a build that answers for it, on the host where
the build's output folder is served (``host_url`` in rscao.toml), with content negotiation.

| IRI under https://w3id.org/rscao/           | goes to (303 See Other, or 302 for files)            |
|---------------------------------------------|-----------------------------------------------------|
| ``ontology``, ``ontology/0.1.0``            | ``ontology.ttl`` (Turtle, whatever is asked for)     |
| ``context/0.1.0.jsonld``                    | ``context/0.1.0.jsonld``                             |
| ``report/{sub-region}/{period}[/...]``      | ``report/...jsonld`` (JSON-LD, browsers); the dump (Turtle etc.) |
| ``dump/{file}``                             | the dump ``{file}``                                  |
| ``dataset``                                 | ``void.ttl`` (the VoID/DCAT-AP description)          |
| anything else (``country/CN``, ``org/...``) | the dump in the syntax asked for (Turtle by default) |

The registry (https://github.com/perma-id/w3id.org) takes a pull request adding ``rscao/.htaccess`` and a
``rscao/README.md`` naming its maintainers; see the README's "Stable IRIs" section.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import resource_path
from ..vocab import CONTEXT_IRI

__all__ = ["HTACCESS", "htaccess", "write_resolvable_files"]

#: The file name of the rules in a build's output folder (to be copied to ``rscao/.htaccess`` of w3id.org).
HTACCESS = "w3id.htaccess"
_ONTOLOGY_VERSION = "0.1.0"

_RULES = """# w3id.org/rscao/ -> {host}
# Written by rscao-graph: copy to rscao/.htaccess in https://github.com/perma-id/w3id.org (a pull request).
Header set Access-Control-Allow-Origin *
Options +FollowSymLinks
RewriteEngine on

# The vocabulary (its namespace https://w3id.org/rscao/ontology# and its version IRI)
RewriteRule ^ontology(/{ontology_version})?$ {host}ontology.ttl [R=303,L]

# The JSON-LD context, by its versioned IRI
RewriteRule ^context/({context_file})$ {host}context/$1 [R=302,L]

# The dumps and the dataset's description
RewriteRule ^dump/(dataset\\.(trig|nq|ttl|jsonld))$ {host}$1 [R=302,L]
RewriteRule ^dataset$ {host}void.ttl [R=303,L]

# A report, and everything in it (activities, citations, source segments): its framed JSON-LD document
# for JSON-LD and for browsers; the dumps for the other RDF syntaxes
RewriteCond %{{HTTP_ACCEPT}} application/trig
RewriteRule ^report/ {host}dataset.trig [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/n-quads
RewriteRule ^report/ {host}dataset.nq [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} text/turtle
RewriteRule ^report/ {host}dataset.ttl [R=303,L]
RewriteRule ^report/([^/]+)/([^/]+)(/.*)?$ {host}report/$1/$2.jsonld [R=303,L]

# Everything else (countries, organisations, places, people, sub-regions, the strategy): the dump
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json
RewriteRule ^(country|org|person|place|subregion|strategy|graph)/ {host}dataset.jsonld [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/trig
RewriteRule ^(country|org|person|place|subregion|strategy|graph)/ {host}dataset.trig [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/n-quads
RewriteRule ^(country|org|person|place|subregion|strategy|graph)/ {host}dataset.nq [R=303,L]
RewriteRule ^(country|org|person|place|subregion|strategy|graph)/ {host}dataset.ttl [R=303,L]
"""


def htaccess(host: str) -> str:
    """The rules, sending w3id.org/rscao/ to ``host`` (an http(s) URL ending in '/', where a build's
    output folder is served)."""
    if not (host.startswith(("http://", "https://")) and host.endswith("/")):
        raise ValueError(f"host {host!r} must be an http(s) URL ending in '/'")
    context_file = CONTEXT_IRI.rsplit("/", 1)[1].replace(".", "\\.")
    return _RULES.format(host=host, ontology_version=_ONTOLOGY_VERSION.replace(".", "\\."),
                         context_file=context_file)


def write_resolvable_files(folder: Path, host_url: str | None) -> dict[str, int]:
    """Write what the rules point at beside the dumps: ``ontology.ttl``, the context under its versioned
    name (``context/0.1.0.jsonld``), and (given the host) the rules themselves as ``w3id.htaccess``;
    returns file name -> byte size of the files written beside the dumps (not those in ``context/``)."""
    ontology = resource_path("ontology", "rscao.ttl").read_bytes()
    (folder / "ontology.ttl").write_bytes(ontology)
    sizes = {"ontology.ttl": len(ontology)}
    versioned = folder / "context" / CONTEXT_IRI.rsplit("/", 1)[1]
    versioned.parent.mkdir(parents=True, exist_ok=True)
    versioned.write_bytes(resource_path("ontology", "context.jsonld").read_bytes())
    if host_url:
        rules = htaccess(host_url).encode("utf-8")
        (folder / HTACCESS).write_bytes(rules)
        sizes[HTACCESS] = len(rules)
    return sizes
