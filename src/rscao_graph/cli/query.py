"""The ``queries`` and ``query`` commands: stored SPARQL queries on the built store or an endpoint."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..errors import UsageError
from .options import ENDPOINT, SECONDS, environment, settings_from, text_value

__all__ = ["queries_command", "query"]


@click.command("queries")
@click.pass_context
def queries_command(ctx: click.Context) -> None:
    """List the stored queries with their summaries and parameters.

    \b
    Example:
        rscao-graph queries
    """
    from ..query.resolve import KINDS
    from ..query.stored import load_queries

    for query in load_queries().values():
        click.echo(f"{query.name}\n    {query.summary}")
        for param in query.params:
            need = "required" if param.required and param.default is None else (
                f"default {param.default}" if param.default else "optional")
            kind = KINDS.get(param.name)
            what = f"{param.name}: {kind.accepts}" if kind else param.type.replace("xsd_", "")
            click.echo(f"    --param {param.name}=<{what}>  ({need})")


def _params(ctx: click.Context, option: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for value in values:
        problem = text_value(value)
        if problem is not None:
            raise click.BadParameter(problem, ctx=ctx, param=option)
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{value!r} is not name=value", ctx=ctx, param=option)
        if name.strip() in params:
            raise click.BadParameter(f"{name.strip()} is given twice", ctx=ctx, param=option)
        params[name.strip()] = text
    return params


def _text(ctx: click.Context, option: click.Parameter, value: str | None) -> str | None:
    problem = None if value is None else text_value(value)
    if problem is not None:
        raise click.BadParameter(problem, ctx=ctx, param=option)
    return value


@click.command()
@click.argument("name")
@click.option("--param", "params", multiple=True, callback=_params, metavar="NAME=VALUE",
              help="A query parameter (repeatable), e.g. --param country=CN.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default=None,
              help="table for people (default on a terminal), csv/tsv/json: the SPARQL 1.1 results formats "
                   "(json when piped).")
@click.option("--data", type=click.Path(path_type=Path, file_okay=False),
              help="A build's output folder holding the embedded store (default dist/).")
@click.option("--endpoint", type=ENDPOINT, help="Run on this SPARQL 1.1 endpoint (an http or https URL) instead "
              "of the embedded store.")
@click.option("--timeout", type=SECONDS, default=60.0, show_default=True,
              help="Endpoint timeout in seconds (above 0, at most a day).")
@click.option("--user", callback=_text, help="Endpoint user name (basic auth).")
@click.option("--password", callback=_text, help="Endpoint password (or RSCAO_ENDPOINT_PASSWORD).")
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
    from ..query.resolve import Resolver, solution_rows
    from ..query.run import Results, format_results, run_on_endpoint, run_on_store
    from ..query.store import reading_store
    from ..query.stored import bind_query, load_queries
    from ..reference import load_reference
    from ..vocab import PREFIXES

    queries = load_queries()
    if name not in queries:
        raise UsageError(f"no stored query {name!r}", hint="'rscao-graph queries' lists them")
    stored = queries[name]
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")

    def answer(run: Callable[[str, str], Results]) -> bytes:
        resolver = Resolver(lambda text: solution_rows(run(text, "SELECT").solutions or ()), load_reference())
        return format_results(run(bind_query(stored, resolver.resolve(stored, params)), stored.kind), fmt, PREFIXES)

    if endpoint:
        secret = password if password is not None else environment().endpoint_password
        output = answer(lambda text, kind: run_on_endpoint(endpoint, text, kind, timeout=timeout, user=user,
                                                           password=secret))
    else:
        with reading_store(data or settings_from().out) as store:  # one generation, even while a build replaces it
            output = answer(lambda text, kind: run_on_store(store, text))
    click.echo(output.decode("utf-8"), nl=False)

