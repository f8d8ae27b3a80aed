"""Errors of rscao-graph, each carrying the exit code the CLI returns for it.

The hierarchy (exit codes as in DESIGN.md)::

    RscaoError                      base class, exit 4 unless a subclass says otherwise
     +-- InputError                 exit 2: unreadable or malformed input (report, config, decisions file)
     |    +-- ReportError           a report that cannot be read; names file and line
     |    +-- ConfigError           rscao.toml that cannot be read or has unknown keys
     +-- UsageError                 exit 2: bad option or parameter value, nothing to work on
     +-- ValidationFailed           exit 1: validation found violations
     |    +-- BuildInvalid          (pipeline.py) the build was not written; carries the findings
     +-- OutputError                exit 2: an output that cannot be written (full disk, no permission)
     +-- ServiceError               exit 3: an external service (SPARQL endpoint, Wikidata) failed

Library code raises these; only the CLI turns them into a one-line message and an exit code. A file
named in a message goes through :func:`shown_name`, so that a name holding a line break or another
control character cannot split or forge a ``FILE:LINE:`` line.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata

__all__ = [
    "ConfigError",
    "InputError",
    "OutputError",
    "ReportError",
    "RscaoError",
    "ServiceError",
    "UsageError",
    "ValidationFailed",
    "environment_error",
    "shown_name",
]

#: Characters that never appear raw in a message: controls (line breaks, tabs, escape), format
#: characters (bidi controls, zero-width), line and paragraph separators, lone surrogates (the bytes of
#: a file name that is not UTF-8) and unassigned code points.
_UNSHOWN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def shown_name(name: str) -> str:
    """A file name as messages show it: as it is, unless it holds a character that could split or
    disguise a ``FILE:LINE:`` message (a line break, another control or format character, a lone
    surrogate), or starts or ends with white space or a double quote: then in double quotes, with such
    characters escaped as in Python or JSON.

    >>> shown_name("reports/north-east-asia.md")
    'reports/north-east-asia.md'
    >>> print(shown_name("evil.md:1: error: forged\\nreal.md"))
    "evil.md:1: error: forged\\nreal.md"
    >>> print(shown_name("a\\u202egpj.md"), shown_name(" b.md"))
    "a\\u202egpj.md" " b.md"
    """
    if name == name.strip() and not name.startswith('"') and not any(
            unicodedata.category(c) in _UNSHOWN for c in name):
        return name
    out = []
    for c in name:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif unicodedata.category(c) in _UNSHOWN:
            out.append(f"\\x{ord(c):02x}" if ord(c) < 0x100 else
                       f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


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
            where = f"{shown_name(self.file)}:{self.line}: " if self.line is not None else f"{shown_name(self.file)}: "
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


class OutputError(RscaoError):
    """An output that cannot be written: a full disk, a file too large, no permission, a read-only file
    system. Names the path; what was being replaced is left as it was."""

    exit_code = 2


class ServiceError(RscaoError):
    """An external service failed (HTTP error, timeout, unreachable)."""

    exit_code = 3


#: The errors of writing that are the machine's, not a bug: what to do about each.
_ENVIRONMENT = {
    errno.ENOSPC: "free some space on that disk, or write elsewhere, and run again",
    errno.EDQUOT: "free some space within your disk quota, or write elsewhere, and run again",
    errno.EFBIG: "a file grew past what the file system or the file size limit (ulimit -f) allows; write "
                 "elsewhere or raise the limit",
    errno.EROFS: "the file system is read-only; write elsewhere",
    errno.EACCES: "there is no permission to write there; write elsewhere or change the folder's permissions",
    errno.EPERM: "there is no permission to write there; write elsewhere or change the folder's permissions",
    errno.EIO: "the disk reported an input/output error; check it, or write elsewhere",
}
_BY_TEXT = {os.strerror(code): code for code in _ENVIRONMENT}


def environment_error(exc: OSError, file: str | None = None, *,
                      staged: tuple[str, str] | None = None) -> OutputError | None:
    """The :class:`OutputError` (exit 2) for an error of writing that is the environment's (a full disk, a
    file too large, no permission, a read-only file system, an I/O error), else None (a bug stays one).
    Recognised by errno, or in the text of errors that carry none (pyoxigraph's: ``... (os error 28)``).
    The message names the file the error names, else ``file``; ``staged`` maps a temporary path (its
    first item) to the path it was to become (the second)."""
    text = str(exc)
    code = exc.errno
    if code is None:
        found = re.search(r"\(os error (\d+)\)", text)
        code = int(found.group(1)) if found else next((c for t, c in _BY_TEXT.items() if t in text), None)
    if code not in _ENVIRONMENT:
        return None
    name = os.fsdecode(exc.filename) if isinstance(exc.filename, (str, bytes)) else None
    if name is None and staged is not None:
        found = re.search(re.escape(staged[0]) + r"[^:\s]*", text)
        name = found.group(0) if found else None
    if name is not None and staged is not None and name.startswith(staged[0]):
        name = staged[1] + name[len(staged[0]):]
    return OutputError(f"cannot write: {os.strerror(code)}", file=name or file,
                       hint=f"{_ENVIRONMENT[code]}; what was there is left as it was")
