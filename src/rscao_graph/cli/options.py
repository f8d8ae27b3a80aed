"""What the commands share: settings of the working directory, option bundles defined once, and the
printing of findings and notes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from ..config import Environment, Settings, load_settings, read_environment
from ..read.sources import ReportFile
from ..validate import Validation

__all__ = ["base_iri_option", "echo_findings", "environment", "is_quiet", "progress", "reports_argument",
           "settings_from", "worker_count", "workers_option"]

F = TypeVar("F", bound=Callable[..., Any])


def settings_from(**overrides: Any) -> Settings:
    """Settings of the current directory with the command-line overrides applied."""
    return load_settings(Path.cwd(), **overrides)


def environment() -> Environment:
    """What the process environment says (read in ``config.py``)."""
    return read_environment()


def is_quiet(ctx: click.Context) -> bool:
    return bool((ctx.obj or {}).get("quiet"))


def _report_paths(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in value)


def reports_argument(function: F) -> F:
    """The REPORTS argument: report files or folders (default: the reports folder)."""
    return click.argument("reports", nargs=-1, callback=_report_paths,
                          type=click.Path(dir_okay=True, file_okay=True))(function)


def base_iri_option(function: F) -> F:
    return click.option("--base-iri", help="Base of every minted IRI (default: rscao.toml, else "
                        "https://w3id.org/rscao/).")(function)


def workers_option(function: F) -> F:
    return click.option("--workers", type=click.IntRange(1, 256), default=None,
                        help="Processes validating in parallel (default: one per core).")(function)


def worker_count(value: int | None) -> int:
    """The number of validation processes: the option, else one per core."""
    return value if value is not None else (os.cpu_count() or 1)


@contextmanager
def progress(ctx: click.Context, files: Sequence[ReportFile]) -> Iterator[Callable[[ReportFile], None] | None]:
    """A progress bar on a terminal when there are several reports: yields the callback to advance it."""
    if len(files) > 1 and not is_quiet(ctx) and sys.stderr.isatty():
        with click.progressbar(length=len(files), label="Reading reports", file=sys.stderr) as bar:
            yield lambda _file: bar.update(1)
    else:
        yield None


def echo_findings(ctx: click.Context, validation: Validation, *, err: bool, everything: bool) -> None:
    """Findings one a line, then the count per severity (infos only with ``everything``)."""
    if is_quiet(ctx):
        return
    for finding in validation.findings:
        if everything or finding.severity != "info":
            click.echo(finding.text(), err=err)
    counts = validation.counts()
    click.echo(f"{counts['violation']} violation(s), {counts['warning']} warning(s), {counts['info']} info(s)",
               err=err)
