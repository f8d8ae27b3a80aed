"""Errors of rscao-graph, each carrying the exit code the CLI returns for it.

The hierarchy (exit codes as in DESIGN.md)::

    RscaoError                      base class, exit 4 unless a subclass says otherwise
     +-- InputError                 exit 2: unreadable or malformed input (report, config, decisions file)
     |    +-- ReportError           a report that cannot be read; names file and line
     |    +-- ConfigError           rscao.toml that cannot be read or has unknown keys
     +-- UsageError                 exit 2: bad option or parameter value, nothing to work on
     +-- ValidationFailed           exit 1: validation found violations
     |    +-- BuildInvalid          (pipeline.py) the build was not written; carries the findings
     +-- ServiceError               exit 3: an external service (SPARQL endpoint, Wikidata) failed

Library code raises these; only the CLI turns them into a one-line message and an exit code.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "ReportError",
    "RscaoError",
    "ServiceError",
    "UsageError",
    "ValidationFailed",
]


class RscaoError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 4

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(RscaoError):
    """Input that cannot be read or understood."""

    exit_code = 2


class ReportError(InputError):
    """A report file that cannot be read as a report."""


class ConfigError(InputError):
    """A configuration file (rscao.toml) that cannot be used."""


class UsageError(RscaoError):
    """A bad command-line option, parameter value, or nothing to work on."""

    exit_code = 2


class ValidationFailed(RscaoError):
    """Validation found violations."""

    exit_code = 1


class ServiceError(RscaoError):
    """An external service failed (HTTP error, timeout, unreachable)."""

    exit_code = 3
