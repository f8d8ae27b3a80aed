"""What the commands share: settings of the working directory, option bundles defined once, and the
printing of findings and notes."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import click

from ..config import Environment, Settings, load_settings, read_environment
from ..read.sources import ReportFile
from ..validate import Validation

__all__ = ["ENDPOINT", "SECONDS", "EndpointUrl", "Seconds", "base_iri_option", "echo_findings", "environment",
           "is_quiet", "progress", "reports_argument", "settings_from", "text_value", "worker_count",
           "workers_option"]

F = TypeVar("F", bound=Callable[..., Any])


def text_value(value: str) -> str | None:
    """Why a command-line value is no text (``None`` when it is): bytes that are not UTF-8 reach Python
    as lone surrogates (``surrogateescape``), which no file, query or URL can carry."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{os.fsencode(value)!r} is not UTF-8 text"
    return None


class Seconds(click.ParamType[float]):
    """A duration in seconds: a finite number above 0, at most ``maximum`` (refuses 0, -1, nan, inf)."""

    name = "seconds"

    def __init__(self, maximum: float = 86400.0) -> None:
        self.maximum = maximum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        else:
            try:
                number = float(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not (math.isfinite(number) and 0 < number <= self.maximum):
            self.fail(f"{value!r} is not a number of seconds above 0 and at most {self.maximum:g}", param, ctx)
        return number


class EndpointUrl(click.ParamType[str]):
    """The URL of a service: an absolute ``http`` or ``https`` URL with a host, that parses (refuses
    ``file:``, relative paths, ``http://[::1``, a bad port, spaces and control characters)."""

    name = "url"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        problem = text_value(text)
        if problem is not None:
            self.fail(problem, param, ctx)
        if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
            self.fail(f"{text!r} is not a URL: it holds spaces or control characters (percent-encode them)",
                      param, ctx)
        try:
            parts = urlsplit(text)
            parts.port  # noqa: B018 (raises ValueError for a port that is no number or out of range)
        except ValueError as exc:
            self.fail(f"{text!r} is not a URL: {exc}", param, ctx)
        if parts.scheme.lower() not in ("http", "https"):
            self.fail(f"{text!r} is not an http(s) URL (such as http://localhost:7878/query); "
                      "only http and https endpoints are used", param, ctx)
        host = parts.hostname
        if not host:
            self.fail(f"{text!r} is not a URL: it names no host", param, ctx)
        if ":" not in host:  # an IPv6 address was checked by urlsplit
            try:
                host.encode("idna")
            except UnicodeError:
                self.fail(f"{text!r} is not a URL: {host!r} is no host name", param, ctx)
        return text


#: The ``--timeout`` of commands that talk to a service.
SECONDS = Seconds()
#: The ``--endpoint`` of commands that talk to a SPARQL endpoint.
ENDPOINT = EndpointUrl()


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
