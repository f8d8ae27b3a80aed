"""The ``rscao-graph`` group: global options, logging, and library errors mapped to exit codes.

Library errors become one-line messages and the exit codes of DESIGN.md here, and only here:
0 success, 1 validation violations, 2 bad input or usage, 3 external service failed, 4 internal error.
Each command family lives in a module of its own and is registered below.

A closed output is no error (``rscao-graph query activities | head -1``: ``head`` goes once it has its
line): the command stops quietly, without a message or a traceback, and exits 141 (:data:`OUTPUT_CLOSED`),
the status a shell shows for a Unix tool stopped by a closed pipe (``yes | head -1``: 128 + SIGPIPE's 13).
Not 0, since the command did not finish (a ``validate`` cut short must not pass for a clean one), and not 1,
which means validation violations. A command whose last write Python could still hand over in part ends
with its own exit code.
"""

from __future__ import annotations

import logging
import os
import select
import sys
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

__all__ = ["ISSUES_URL", "OUTPUT_CLOSED", "cli", "main"]

log = logging.getLogger("rscao_graph")
ISSUES_URL = "https://github.com/rscao-graph/rscao-graph/issues"
#: The exit code when the reader of stdout or stderr went away: 128 + SIGPIPE (13), as a shell shows it.
OUTPUT_CLOSED = 141


def _closed_outputs() -> list[int]:
    """The file descriptors of stdout and stderr whose reader has gone (a pipe whose other end closed, a
    hung-up terminal or socket): ``poll`` says so without writing anything. None for streams without a
    descriptor (click's CliRunner)."""
    closed = []
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both OSError and ValueError
            continue
        poll = select.poll()
        poll.register(fd, select.POLLOUT)
        if any(events & (select.POLLERR | select.POLLHUP) for _, events in poll.poll(0)):
            closed.append(fd)
    return closed


def _stop_if_output_closed() -> None:
    """Exit quietly with :data:`OUTPUT_CLOSED` when stdout or stderr is closed (a broken pipe came from it),
    whose descriptor then points at /dev/null, so that what is still buffered is dropped at exit without
    failing again (Python's "Note on SIGPIPE"). Returns when neither is closed: a broken pipe to a worker or
    a server is not a closed output (the caller treats it as any other error)."""
    closed = _closed_outputs()
    if not closed:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in closed:
            os.dup2(devnull, fd)
    finally:
        os.close(devnull)
    raise click.exceptions.Exit(OUTPUT_CLOSED) from None


class _ClickHandler(logging.Handler):
    """Log records to the current stderr (looked up when a record is written, so it follows redirection)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


class RscaoGroup(click.Group):
    """Maps library errors to exit codes; an error of the machine (a full disk, no permission: see
    :func:`~rscao_graph.errors.environment_error`) is exit 2; any other unexpected exception is an internal
    error (exit 4); a closed output ends quietly (exit 141, see the module's docstring)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:  # --help, --version and usage errors are printed here
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError:
            _stop_if_output_closed()
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return self._invoke(ctx)
        except BrokenPipeError:  # writing the error message of what follows
            _stop_if_output_closed()
            raise

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RscaoError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            if isinstance(exc, BrokenPipeError):
                _stop_if_output_closed()
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
    """Console-script entry point. A closed stdout or stderr exits 141 without a word (see the module's
    docstring), also where click itself writes (a usage error's message)."""
    try:
        cli(prog_name="rscao-graph")
    except BrokenPipeError:
        try:
            _stop_if_output_closed()
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        raise
