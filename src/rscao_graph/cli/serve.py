"""The ``serve`` and ``site`` commands: a build as linked data, over HTTP or as static files."""

from __future__ import annotations

import copy
import logging
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..config import DEFAULT_BASE_IRI
from ..errors import UsageError
from .options import base_iri_option, is_quiet, settings_from, worker_count

__all__ = ["serve", "site"]

log = logging.getLogger("rscao_graph")
F = TypeVar("F", bound=Callable[..., Any])


def _data_option(function: F) -> F:
    return click.option("--data", type=click.Path(path_type=Path, file_okay=False),
                        help="A build's output folder (default: dist/, or 'out' in rscao.toml).")(function)


def _check_base(build_base: str, asked: str | None, configured: str) -> None:
    """Refuse to serve a build under a base other than the one asked for (option or rscao.toml)."""
    wanted = asked or (configured if configured != DEFAULT_BASE_IRI else None)
    if wanted is not None and wanted != build_base:
        raise UsageError(f"the build was made with the base IRI {build_base}, not {wanted}",
                         hint="rebuild with 'rscao-graph build --base-iri ...', or serve without --base-iri")
    if not build_base.endswith("/"):
        raise UsageError(f"the base IRI {build_base} ends in '#': every IRI is one document, which cannot be "
                         "served resource by resource", hint="build with a base IRI ending in '/'")


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, so asyncio sets TCP_NODELAY on each connection (else replies wait on delayed ACKs)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}",
                         hint="choose another --port, or stop what listens there") from exc
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


@click.command()
@_data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@base_iri_option
@click.option("--query-timeout", type=click.FloatRange(0.1, 3600), default=10.0, show_default=True,
              help="Seconds a SPARQL query may run before it is stopped.")
@click.option("--max-result-bytes", type=click.IntRange(1024), default=16 * 1024 * 1024, show_default=True,
              help="Largest SPARQL result sent; larger ones are refused.")
@click.option("--query-workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Processes answering SPARQL queries in parallel.")
@click.pass_context
def serve(ctx: click.Context, data: Path | None, host: str, port: int, base_iri: str | None, query_timeout: float,
          max_result_bytes: int, query_workers: int) -> None:
    """Serve a build as linked data: every IRI under its base answers at this server.

    Browsers get HTML pages (the home page has the dataset's charts), other clients the
    format their Accept header asks for (Turtle, JSON-LD, N-Triples, TriG, N-Quads, RDF/XML),
    or ?format=ttl. Also /sparql (the SPARQL 1.1 Protocol), /queries/ (the stored queries),
    /dumps/, /.well-known/void. Ctrl-C stops it.

    It serves the build it found at start until it stops: a build that
    replaces the folder meanwhile is served once the server is restarted.

    \b
    Example:
        rscao-graph serve
        rscao-graph serve --data dist/ --port 8080
        curl -H 'Accept: text/turtle' http://127.0.0.1:8000/country/CN
    """
    import uvicorn

    from ..publish.descriptions import Descriptions
    from ..serve.app import create_app
    from ..serve.workers import Limits

    settings = settings_from()
    folder = data or settings.out
    descriptions = Descriptions(folder)
    build_base = descriptions.base
    descriptions.close()
    _check_base(build_base, base_iri, settings.base_iri)
    app = create_app(folder, limits=Limits(query_timeout, max_result_bytes), workers=query_workers)
    sock = _listen(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    address = f"http://{shown}:{bound_port}/"
    if not is_quiet(ctx):
        click.echo(f"Serving {folder} at {address}")
        click.echo(f"  the IRIs under {build_base} answer there: {build_base}country/CN is {address}country/CN")
        click.echo("  Ctrl-C stops the server.")
    logging_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    logging_config["handlers"]["access"]["stream"] = "ext://sys.stderr"  # stdout is for what commands print
    config = uvicorn.Config(app, log_level="warning" if is_quiet(ctx) else "info", access_log=not is_quiet(ctx),
                            log_config=logging_config, timeout_keep_alive=5, limit_concurrency=1000,
                            server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops on Ctrl-C, then raises it again: a stop asked for, exit 0
        pass


@click.command()
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The folder to write the site into (replaced whole).")
@_data_option
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Processes writing the resources' files (default: one per core).")
@click.pass_context
def site(ctx: click.Context, out: Path, data: Path | None, workers: int | None) -> None:
    """Write a build's pages and descriptions as static files, for any static host.

    A folder per resource with index.html, index.ttl, index.jsonld and index.nt (the bytes
    'serve' sends for them), the home page, the dumps, VoID and the JSON-LD context. Links are
    relative, so the folder also opens from disk.

    \b
    Example:
        rscao-graph site --out public/
    """
    from ..serve.site import write_site

    folder = data or settings_from().out
    result = write_site(folder, out, workers=worker_count(workers))
    if not is_quiet(ctx):
        click.echo(f"Wrote {result.files} files ({result.resources} resources) into {out}")
