"""The ``rscao-graph`` command: a thin Click group over the library.

Library errors become one-line messages and the exit codes of DESIGN.md here, and only here:
0 success, 1 validation violations, 2 bad input or usage, 3 external service failed, 4 internal error.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import Settings, load_settings
from .errors import RscaoError, UsageError

__all__ = ["cli", "main"]

log = logging.getLogger("rscao_graph")
ISSUES_URL = "https://github.com/rscao-graph/rscao-graph/issues"


class _ClickHandler(logging.Handler):
    """Log records to the current stderr (looked up when a record is written, so it follows redirection)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


class RscaoGroup(click.Group):
    """Maps library errors to exit codes; an unexpected exception is an internal error (exit 4)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RscaoError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}. This is a bug; please report it at "
                       f"{ISSUES_URL} (run again with --debug for the traceback).", err=True)
            ctx.exit(4)


@click.group(cls=RscaoGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="rscao-graph")
@click.option("-q", "--quiet", is_flag=True, help="Print only results and errors.")
@click.option("-v", "--verbose", count=True, help="Say more about what is done (-vv for debug logging).")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: int, debug: bool) -> None:
    """Turn IFLA RSCAO bi-annual sub-regional reports into linked open data.

    Commands read reports from data/reports/ and settings from rscao.toml in the current
    directory (both optional); options override them.

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


def settings_from(**overrides: Any) -> Settings:
    """Settings of the current directory with the command-line overrides applied."""
    return load_settings(Path.cwd(), **overrides)


def echo_notes(ctx: click.Context, notes: list[Any]) -> None:
    """Print extraction notes to stderr unless --quiet."""
    if ctx.obj.get("quiet"):
        return
    for note in notes:
        click.echo(f"{note.span.file}:{note.span.line}: {note.severity}: {note.message} [{note.code}]", err=True)


@cli.command()
@click.argument("report", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True,
              help="json: the model as one object; text: a readable summary.")
@click.option("--sample", is_flag=True, help="Parse the sample report bundled with rscao-graph.")
@click.pass_context
def parse(ctx: click.Context, report: Path | None, fmt: str, sample: bool) -> None:
    """Read one report and print the model extracted from it.

    Without REPORT, parses the only report in the reports folder (data/reports/).

    \b
    Example:
        rscao-graph parse data/reports/north-east-asia-2019-09--2020-03.md --format json
        rscao-graph parse --sample
    """
    from .extract import extract_report
    from .read import read_report
    from .report_json import report_summary, report_to_dict
    from .resources import SAMPLE_REPORT, resource_path
    from .sources import collect_reports

    settings = settings_from()
    if sample:
        if report is not None:
            raise UsageError("give either REPORT or --sample, not both")
        path, root = resource_path("data", SAMPLE_REPORT), resource_path("data", "reports")
    else:
        files = collect_reports([report] if report else [], settings.reports)
        if len(files) > 1:
            raise UsageError(f"{len(files)} reports in {settings.reports}; name the one to parse")
        path, root = files[0].path, files[0].root
    model = extract_report(read_report(path, root))
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(model), ensure_ascii=False, indent=2))
    else:
        click.echo(report_summary(model))


def _report_paths(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in value)


reports_argument = click.argument("reports", nargs=-1, callback=_report_paths,
                                  type=click.Path(dir_okay=True, file_okay=True))
base_iri_option = click.option("--base-iri", help="Base of every minted IRI (default: rscao.toml, else "
                               "https://w3id.org/rscao/).")


@cli.command()
@reports_argument
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="Output folder (default dist/).")
@base_iri_option
@click.option("--keep-going", is_flag=True, help="Skip unreadable reports (exit 2 after building the rest).")
@click.option("--allow-invalid", is_flag=True, help="Write the output even when validation finds violations.")
@click.pass_context
def build(ctx: click.Context, reports: tuple[Path, ...], out: Path | None, base_iri: str | None,
          keep_going: bool, allow_invalid: bool) -> None:
    """Build the knowledge graph from REPORTS (files or folders; default data/reports/).

    Validates the graph, then writes dataset.trig, dataset.nq, dataset.ttl, dataset.jsonld, a framed
    JSON-LD document per report (report/...jsonld), context.jsonld, ontology.ttl, void.ttl and
    validation.ttl (and w3id.htaccess when host_url is set) into the output folder, replacing it whole
    only when everything was written. With violations nothing is written (exit 1) unless --allow-invalid.

    \b
    Example:
        rscao-graph build
        rscao-graph build data/reports/ --out dist/ --base-iri https://example.org/rscao/
    """
    from .build import write_build
    from .publish.output import check_output
    from .validate import validate_build

    settings = settings_from(base_iri=base_iri, out=out)
    check_output(settings.out)
    result = _build(ctx, reports, settings, keep_going)
    for skipped in result.skipped:
        click.echo(f"skipped: {skipped}", err=True)
    if not result.reports:
        raise UsageError(f"no report could be read; {settings.out} was left as it was")
    validation = validate_build(result)
    _echo_findings(ctx, validation, err=True, everything=bool(ctx.obj.get("verbose")))
    if not validation.conforms and not allow_invalid:
        click.echo(f"error: validation found {validation.counts()['violation']} violation(s); {settings.out} was "
                   "left as it was (fix the reports, or build with --allow-invalid)", err=True)
        ctx.exit(1)
    sizes = write_build(result, settings.out, settings, validation.turtle())
    if not ctx.obj.get("quiet"):
        quads = len(result.quads())
        activities = sum(len(b.report.activities) for b in result.reports)
        click.echo(f"Built {len(result.reports)} report(s), {activities} activities, {quads} quads into "
                   f"{settings.out}")
        for name, size in sizes.items():
            click.echo(f"  {name:<16} {size:>10,} bytes")
    if result.skipped:
        ctx.exit(2)


def _build(ctx: click.Context, reports: tuple[Path, ...], settings: Settings, keep_going: bool) -> Any:
    """Read, extract and map the reports (a progress bar on a terminal for several)."""
    from .build import build_dataset
    from .sources import collect_reports

    files = collect_reports(reports, settings.reports)
    out = settings.out.resolve()
    inside = next((f.path for f in files if out == f.path.resolve() or out in f.path.resolve().parents), None)
    if inside is not None:
        raise UsageError(f"the output folder {settings.out} holds the report {inside}",
                         hint="give another --out; the output folder is replaced whole")
    if len(files) > 1 and not ctx.obj.get("quiet") and sys.stderr.isatty():
        with click.progressbar(files, label="Reading reports", file=sys.stderr) as bar:
            return build_dataset(bar, settings, keep_going=keep_going)
    return build_dataset(files, settings, keep_going=keep_going)


def _echo_findings(ctx: click.Context, validation: Any, *, err: bool, everything: bool) -> None:
    """Findings one a line, then the count per severity (infos only with ``everything``)."""
    if ctx.obj.get("quiet"):
        return
    for finding in validation.findings:
        if everything or finding.severity != "info":
            click.echo(finding.text(), err=err)
    counts = validation.counts()
    click.echo(f"{counts['violation']} violation(s), {counts['warning']} warning(s), {counts['info']} info(s)",
               err=err)


@cli.command()
@reports_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True,
              help="text: one finding a line; json: a list of findings; turtle: the SHACL validation report.")
@base_iri_option
@click.pass_context
def validate(ctx: click.Context, reports: tuple[Path, ...], fmt: str, base_iri: str | None) -> None:
    """Check REPORTS (default data/reports/) against the SHACL shapes; exit 1 on violations.

    Each finding names the file and line to fix, the activity and the rule:
    FILE:LINE: severity: CC #n "name": message [rule-id]

    \b
    Example:
        rscao-graph validate
        rscao-graph validate data/reports/north-east-asia-2019-09--2020-03.md --format json
    """

    from .validate import validate_build

    result = _build(ctx, reports, settings_from(base_iri=base_iri), keep_going=False)
    validation = validate_build(result)
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in validation.findings], ensure_ascii=False, indent=2))
    elif fmt == "turtle":
        click.echo(validation.turtle().decode("utf-8"), nl=False)
    else:
        quiet = ctx.obj.get("quiet")
        ctx.obj["quiet"] = False
        _echo_findings(ctx, validation, err=False, everything=not quiet)
    if not validation.conforms:
        ctx.exit(1)


from . import cli_link, cli_query  # noqa: E402,F401 - registers their commands on the group


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="rscao-graph")
