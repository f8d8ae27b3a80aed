"""The ``parse`` command: one report read and printed as the model (JSON or a readable summary)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import UsageError, shown_name
from .options import settings_from

__all__ = ["parse"]


@click.command()
@click.argument("report", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True,
              help="json: the model as one object; text: a readable summary.")
@click.option("--sample", is_flag=True, help="Parse the sample report bundled with rscao-graph.")
@click.pass_context
def parse(ctx: click.Context, report: Path | None, fmt: str, sample: bool) -> None:
    """Read one report and print the model extracted from it.

    REPORT is a Word document (.docx), an HTML page or the text export (.md, .txt); its
    content tells which. Without REPORT, parses the only report in the reports folder
    (data/reports/).

    \b
    Example:
        rscao-graph parse data/reports/north-east-asia-2019-09--2020-03.md --format json
        rscao-graph parse --sample
    """
    from ..extract import extract_report
    from ..read import read_report
    from ..read.sources import collect_reports
    from ..reference import load_reference
    from ..resources import SAMPLE_REPORT, resource_path
    from .report_json import report_summary, report_to_dict

    settings = settings_from()
    if sample:
        if report is not None:
            raise UsageError("give either REPORT or --sample, not both")
        path, root = resource_path("data", SAMPLE_REPORT), resource_path("data", "reports")
    else:
        files = collect_reports([report] if report else [], settings.reports)
        if len(files) > 1:
            raise UsageError(f"{len(files)} reports in {shown_name(str(settings.reports))}; name the one to parse")
        path, root = files[0].path, files[0].root
    model = extract_report(read_report(path, root), load_reference())
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(model), ensure_ascii=False, indent=2))
    else:
        click.echo(report_summary(model))
