"""rscao-graph: IFLA RSCAO bi-annual sub-regional reports in, a linked-open-data knowledge graph out.

The stages are library functions with typed inputs and outputs::

    read_report(path) -> SourceDocument -> extract_report(doc, reference) -> Report
    map_report(report, minter, reference) -> ReportGraph
    build_dataset(files, settings, reference) -> Build -> validate_build(build) -> Validation
    write_build(build, check_output(out), settings, validation) -> {file: bytes}

and :func:`build` runs them all, as ``rscao-graph build`` does::

    >>> import rscao_graph as rg
    >>> settings = rg.load_settings()
    >>> files = rg.collect_reports([], settings.reports)            # doctest: +SKIP
    >>> result = rg.build(files, settings, rg.load_reference())     # doctest: +SKIP

Stored queries run with :func:`load_queries`, :func:`bind_query` and :func:`run_on_store` (or
:func:`run_on_endpoint`); linking with Wikidata lives in ``rscao_graph.link`` (the only stage that
goes out to the network). Names are imported on first use, so ``import rscao_graph`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .config import version as _version

if TYPE_CHECKING:
    from .config import Environment, Settings, load_settings, read_environment
    from .errors import (
        ConfigError,
        InputError,
        ReportError,
        RscaoError,
        ServiceError,
        UsageError,
        ValidationFailed,
    )
    from .extract import extract_report
    from .files import check_output
    from .iris import Minter
    from .model import (
        Activity,
        Citation,
        ConvenorAction,
        DateValue,
        Link,
        Mention,
        Note,
        Report,
        SourceDocument,
        SourceSpan,
    )
    from .pipeline import BuildInvalid, BuildResult, build, build_dataset, check
    from .publish.writer import write_build
    from .query.run import format_results, run_on_endpoint, run_on_store
    from .query.store import open_store
    from .query.stored import bind_query, load_queries
    from .rdf.mapping import map_report
    from .read import read_report
    from .read.sources import ReportFile, collect_reports
    from .reference import load_reference
    from .validate import Finding, Validation, validate_build

__version__ = _version()

#: Public name -> the module that defines it.
_EXPORTS = {
    "Activity": "model", "Citation": "model", "ConvenorAction": "model", "DateValue": "model", "Link": "model",
    "Mention": "model", "Note": "model", "Report": "model", "SourceDocument": "model", "SourceSpan": "model",
    "ConfigError": "errors", "InputError": "errors", "ReportError": "errors", "RscaoError": "errors",
    "ServiceError": "errors", "UsageError": "errors", "ValidationFailed": "errors",
    "Environment": "config", "Settings": "config", "load_settings": "config", "read_environment": "config",
    "Minter": "iris", "load_reference": "reference", "check_output": "files",
    "read_report": "read", "ReportFile": "read.sources", "collect_reports": "read.sources",
    "extract_report": "extract", "map_report": "rdf.mapping",
    "Finding": "validate", "Validation": "validate", "validate_build": "validate",
    "write_build": "publish.writer",
    "BuildInvalid": "pipeline", "BuildResult": "pipeline", "build": "pipeline", "build_dataset": "pipeline",
    "check": "pipeline",
    "load_queries": "query.stored", "bind_query": "query.stored", "open_store": "query.store",
    "run_on_store": "query.run", "run_on_endpoint": "query.run", "format_results": "query.run",
}

__all__ = [
    "Activity",
    "BuildInvalid",
    "BuildResult",
    "Citation",
    "ConfigError",
    "ConvenorAction",
    "DateValue",
    "Environment",
    "Finding",
    "InputError",
    "Link",
    "Mention",
    "Minter",
    "Note",
    "Report",
    "ReportError",
    "ReportFile",
    "RscaoError",
    "ServiceError",
    "Settings",
    "SourceDocument",
    "SourceSpan",
    "UsageError",
    "Validation",
    "ValidationFailed",
    "__version__",
    "bind_query",
    "build",
    "build_dataset",
    "check",
    "check_output",
    "collect_reports",
    "extract_report",
    "format_results",
    "load_queries",
    "load_reference",
    "load_settings",
    "map_report",
    "open_store",
    "read_environment",
    "read_report",
    "run_on_endpoint",
    "run_on_store",
    "validate_build",
    "write_build",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rscao_graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
