"""The ``rscao-graph`` group: global options, logging, and library errors mapped to exit codes.

Library errors become one-line messages and the exit codes of DESIGN.md here, and only here:
0 success, 1 validation violations, 2 bad input or usage, 3 external service failed, 4 internal error.
Each command family lives in a module of its own and is registered below.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from ..config import version
from ..errors import RscaoError, environment_error
from .build import build, validate
from .link import link
from .parse import parse
from .publish import publish
from .query import queries_command, query
from .serve import serve, site

__all__ = ["ISSUES_URL", "cli", "main"]

log = logging.getLogger("rscao_graph")
ISSUES_URL = "https://github.com/rscao-graph/rscao-graph/issues"


class _ClickHandler(logging.Handler):
    """Log records to the current stderr (looked up when a record is written, so it follows redirection)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


class RscaoGroup(click.Group):
    """Maps library errors to exit codes; an error of the machine (a full disk, no permission: see
    :func:`~rscao_graph.errors.environment_error`) is exit 2; any other unexpected exception is an internal
    error (exit 4)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RscaoError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            error = environment_error(exc) if isinstance(exc, OSError) else None
            if error is not None:  # a full disk or a missing permission is the machine's, not a bug
                click.echo(f"error: {error}", err=True)
                ctx.exit(error.exit_code)
            if (ctx.obj or {}).get("debug"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}. This is a bug; please report it at "
                       f"{ISSUES_URL} (run again with --debug for the traceback).", err=True)
            ctx.exit(4)


@click.group(cls=RscaoGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(version(), "--version", prog_name="rscao-graph")
@click.option("-q", "--quiet", is_flag=True, help="Print only results and errors.")
@click.option("-v", "--verbose", count=True, help="Say more: infos among the findings and what each step does "
              "(-vv: every report read).")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: int, debug: bool) -> None:
    """Turn IFLA RSCAO bi-annual sub-regional reports into linked open data.

    Commands read reports (Word .docx, HTML, or the text export .md/.txt; the format is told
    by the content) from data/reports/ and settings from rscao.toml in the current directory
    (both optional); options override them.

    \b
    Example:
        rscao-graph parse data/reports/north-east-asia-2019-09--2020-03.md
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    log.setLevel(level)
    if not any(isinstance(h, _ClickHandler) for h in log.handlers):
        handler = _ClickHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        log.addHandler(handler)
    ctx.obj = {"quiet": quiet, "verbose": verbose, "debug": debug}


for _command in (parse, build, validate, queries_command, link, query, serve, site, publish):
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="rscao-graph")
