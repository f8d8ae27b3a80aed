"""The ``publish`` command: a build pushed to a triple store (SPARQL 1.1 Graph Store HTTP Protocol)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ServiceError
from .options import ENDPOINT, SECONDS, environment, is_quiet, settings_from

__all__ = ["publish"]


@click.command()
@click.option("--endpoint", required=True, type=ENDPOINT,
              help="The store's SPARQL query endpoint, an http(s) URL (counts are checked there).")
@click.option("--graph-store", type=ENDPOINT, help="The store's Graph Store Protocol URL (default: the endpoint, "
              "as for Fuseki's "
              "dataset URL).")
@click.option("--user", help="User name (HTTP Basic, or Digest when the store asks for it).")
@click.option("--password", help="Password (or RSCAO_ENDPOINT_PASSWORD).")
@click.option("--data", type=click.Path(path_type=Path, file_okay=False),
              help="A build's output folder (default: dist/, or 'out' in rscao.toml).")
@click.option("--timeout", type=SECONDS, default=120.0, show_default=True,
              help="Seconds to wait for the store to connect and between bytes of an answer (above 0, at most a day).")
@click.pass_context
def publish(ctx: click.Context, endpoint: str, graph_store: str | None, user: str | None, password: str | None,
            data: Path | None, timeout: float) -> None:
    """Push a build's named graphs to a triple store and check what it holds.

    Each graph (one per report, and the reference graphs) is sent with an HTTP PUT, which
    replaces it, so a re-run never duplicates; graphs under the build's base that the build no
    longer has (a removed report) are deleted. Then the triples of every graph are counted on the
    store; any difference is listed and exits 3.

    \b
    Example:
        rscao-graph publish --endpoint http://127.0.0.1:7878/query --graph-store http://127.0.0.1:7878/store
        rscao-graph publish --endpoint http://localhost:3030/rscao
    """
    from ..publish.descriptions import Descriptions
    from ..publish.store_push import StoreTarget, push_build

    settings = settings_from()
    folder = data or settings.out
    descriptions = Descriptions(folder)
    base = descriptions.base
    descriptions.close()
    target = StoreTarget(endpoint, graph_store or endpoint, user,
                         password if password is not None else environment().endpoint_password, timeout)
    result = push_build(folder, base, target)
    quiet = is_quiet(ctx)
    if not quiet:
        click.echo(f"Put {len(result.sent)} graph(s), {sum(result.sent.values()):,} triples, to {target.graph_store}")
        if result.deleted:
            click.echo(f"Deleted {len(result.deleted)} graph(s) the build no longer has:")
            for graph in result.deleted:
                click.echo(f"  {graph}")
    if result.differences:
        raise ServiceError("the store does not hold what was sent:\n  " + "\n  ".join(result.differences))
    if not quiet:
        click.echo(f"The store holds every graph with the build's triple counts ({endpoint})")
