"""The ``queries`` and ``query`` commands: stored SPARQL queries on the built store or an endpoint."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import UsageError
from .options import environment, settings_from

__all__ = ["queries_command", "query"]


@click.command("queries")
@click.pass_context
def queries_command(ctx: click.Context) -> None:
    """List the stored queries with their summaries and parameters.

    \b
    Example:
        rscao-graph queries
    """
    from ..query.stored import load_queries

    for query in load_queries().values():
        click.echo(f"{query.name}\n    {query.summary}")
        for param in query.params:
            need = "required" if param.required and param.default is None else (
                f"default {param.default}" if param.default else "optional")
            click.echo(f"    --param {param.name}=<{param.type.replace('xsd_', '')}>  ({need})")


def _params(ctx: click.Context, option: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{value!r} is not name=value", ctx=ctx, param=option)
        params[name.strip()] = text
    return params


@click.command()
@click.argument("name")
@click.option("--param", "params", multiple=True, callback=_params, metavar="NAME=VALUE",
              help="A query parameter (repeatable), e.g. --param country=CN.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default=None,
              help="table for people (default on a terminal), csv/tsv/json: the SPARQL 1.1 results formats "
                   "(json when piped).")
@click.option("--data", type=click.Path(path_type=Path, file_okay=False),
              help="A build's output folder holding the embedded store (default dist/).")
@click.option("--endpoint", help="Run on this SPARQL 1.1 endpoint instead of the embedded store.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Endpoint timeout in seconds.")
@click.option("--user", help="Endpoint user name (basic auth).")
@click.option("--password", help="Endpoint password (or RSCAO_ENDPOINT_PASSWORD).")
@click.pass_context
def query(ctx: click.Context, name: str, params: dict[str, str], fmt: str | None, data: Path | None,
          endpoint: str | None, timeout: float, user: str | None, password: str | None) -> None:
    """Run the stored query NAME on the built store, or on a SPARQL endpoint.

    \b
    Example:
        rscao-graph query activities
        rscao-graph query activities-of-country --param country=CN --format csv
        rscao-graph query activities --endpoint http://localhost:7878/query
    """
    from ..query.run import format_results, run_on_endpoint, run_on_store
    from ..query.store import reading_store
    from ..query.stored import bind_query, load_queries
    from ..vocab import PREFIXES

    queries = load_queries()
    if name not in queries:
        raise UsageError(f"no stored query {name!r}", hint="'rscao-graph queries' lists them")
    stored = queries[name]
    text = bind_query(stored, params)
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if endpoint:
        results = run_on_endpoint(endpoint, text, stored.kind, timeout=timeout, user=user,
                                  password=password if password is not None else environment().endpoint_password)
        output = format_results(results, fmt, PREFIXES)
    else:
        with reading_store(data or settings_from().out) as store:  # one generation, even while a build replaces it
            output = format_results(run_on_store(store, text), fmt, PREFIXES)
    click.echo(output.decode("utf-8"), nl=False)

