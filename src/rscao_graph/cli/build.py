"""The ``build`` and ``validate`` commands: the pipeline, with its findings printed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import (
    base_iri_option,
    echo_findings,
    environment,
    is_quiet,
    progress,
    reports_argument,
    settings_from,
    worker_count,
    workers_option,
)

__all__ = ["build", "validate"]


@click.command()
@reports_argument
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="Output folder (default dist/).")
@base_iri_option
@click.option("--keep-going", is_flag=True, help="Skip reports that cannot be built, unreadable or with names "
              "that clash with another report's (exit 2 after building the rest).")
@click.option("--allow-invalid", is_flag=True, help="Write the output even when validation finds violations.")
@workers_option
@click.pass_context
def build(ctx: click.Context, reports: tuple[Path, ...], out: Path | None, base_iri: str | None,
          keep_going: bool, allow_invalid: bool, workers: int | None) -> None:
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
    from .. import pipeline
    from ..read.sources import collect_reports
    from ..reference import load_reference

    settings = settings_from(base_iri=base_iri, out=out)
    files = collect_reports(reports, settings.reports)
    with progress(ctx, files) as advance:
        result = pipeline.build(
            files, settings, load_reference(), workers=worker_count(workers), keep_going=keep_going,
            allow_invalid=allow_invalid, environment=environment(), on_report=advance,
            on_skipped=lambda skipped: click.echo(f"skipped: {skipped}", err=True),
            on_validated=lambda v: echo_findings(ctx, v, err=True, everything=bool(ctx.obj.get("verbose"))))
    if not is_quiet(ctx):
        quads = len(result.dataset.quads())
        activities = sum(len(b.report.activities) for b in result.dataset.reports)
        click.echo(f"Built {len(result.dataset.reports)} report(s), {activities} activities, {quads} quads into "
                   f"{settings.out}")
        for name, size in result.sizes.items():
            click.echo(f"  {name:<16} {size:>10,} bytes")
    if result.skipped:
        ctx.exit(2)


@click.command()
@reports_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True,
              help="text: one finding a line; json: a list of findings; turtle: the SHACL validation report.")
@base_iri_option
@click.option("--keep-going", is_flag=True, help="Skip reports that cannot be built, unreadable or with names "
              "that clash with another report's (exit 2 after validating the rest, 1 if it found violations).")
@workers_option
@click.pass_context
def validate(ctx: click.Context, reports: tuple[Path, ...], fmt: str, base_iri: str | None, keep_going: bool,
             workers: int | None) -> None:
    """Check REPORTS (default data/reports/) against the SHACL shapes; exit 1 on violations.

    Each finding names the file and line to fix, the activity and the rule:
    FILE:LINE: severity: CC #n "name": message [rule-id]

    \b
    Example:
        rscao-graph validate
        rscao-graph validate data/reports/north-east-asia-2019-09--2020-03.md --format json
    """
    from .. import pipeline
    from ..read.sources import collect_reports
    from ..reference import load_reference

    settings = settings_from(base_iri=base_iri)
    files = collect_reports(reports, settings.reports)
    with progress(ctx, files) as advance:
        dataset, validation = pipeline.check(
            files, settings, load_reference(), workers=worker_count(workers), keep_going=keep_going,
            on_report=advance, on_skipped=lambda skipped: click.echo(f"skipped: {skipped}", err=True))
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in validation.findings], ensure_ascii=False, indent=2))
    elif fmt == "turtle":
        click.echo(validation.turtle().decode("utf-8"), nl=False)
    else:
        quiet = is_quiet(ctx)
        ctx.obj["quiet"] = False
        echo_findings(ctx, validation, err=False, everything=not quiet)
    if not validation.conforms:
        ctx.exit(1)
    if dataset.skipped:
        ctx.exit(2)
