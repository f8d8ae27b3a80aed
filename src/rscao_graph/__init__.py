"""rscao-graph: IFLA RSCAO bi-annual sub-regional reports in, a linked-open-data knowledge graph out.

The stages are library functions with typed inputs and outputs::

    read_report(path) -> SourceDocument -> extract_report(doc) -> Report
"""

from __future__ import annotations

from importlib import metadata as _metadata

from .config import Settings, load_settings
from .errors import ConfigError, InputError, ReportError, RscaoError, ServiceError, UsageError, ValidationFailed
from .extract import extract_report
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
from .read import read_report
from .reference import load_reference

try:
    __version__ = _metadata.version("rscao-graph")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0+unknown"

__all__ = [
    "Activity",
    "Citation",
    "ConfigError",
    "ConvenorAction",
    "DateValue",
    "InputError",
    "Link",
    "Mention",
    "Note",
    "Report",
    "ReportError",
    "RscaoError",
    "ServiceError",
    "Settings",
    "SourceDocument",
    "SourceSpan",
    "UsageError",
    "ValidationFailed",
    "__version__",
    "extract_report",
    "load_reference",
    "load_settings",
    "read_report",
]
