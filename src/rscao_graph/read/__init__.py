"""Format readers: a report file in, a :class:`~rscao_graph.model.SourceDocument` out.

One module per input format: the Markdown/text export of the Word template (``markdown.py``), Word
documents (``docx.py``) and HTML (``html.py``), the last two laid out as the text export's blocks by
``layout.py``. The reader is chosen by the file's content (``package.sniff_format``), not its extension.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import ReportError
from ..model import SourceDocument
from .decode import decode_report
from .formats import MAX_TOTAL_BYTES, sniff_format
from .markdown import read_markdown

__all__ = ["MAX_REPORT_BYTES", "REPORT_SUFFIXES", "display_name", "read_bytes", "read_report"]

#: The file name endings of reports looked for in a folder (a file named on the command line is read
#: whatever its name); .docm and .doc are looked for so that they get a clear error, not silence.
REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".docm", ".doc", ".html", ".htm", ".xhtml")
#: What a path that is not a regular file is, in messages.
#: A report file past this size is refused unread: the most a Word package may unpack to, and far more
#: than any report (the sample is 16 KiB).
MAX_REPORT_BYTES = MAX_TOTAL_BYTES

_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def display_name(path: Path, root: Path | None) -> str:
    """The name used for ``path`` in messages and provenance: relative to ``root`` when inside it."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name if path.is_absolute() else path.as_posix()


def read_report(path: Path, root: Path | None = None) -> SourceDocument:
    """Read one report file, with the reader its content calls for. ``root`` is the reports directory
    that provenance paths are relative to.

    Raises :class:`ReportError` (exit 2) for a missing, empty, binary or undecodable file, what is not a
    regular file (a FIFO, a device, a socket: never waited on or read), a document that cannot be read
    (damaged, password-protected, macro-enabled, past the size limits), a file past
    :data:`MAX_REPORT_BYTES` or a format that is not a
    report's (naming what was found). A file name that is not UTF-8 is named with its other bytes
    escaped (``report\\xff.md``): names are text, in messages and in provenance.
    """
    name = display_name(path, root)
    if any("\udc80" <= c <= "\udcff" for c in name):
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        raise ReportError("no such file", file=name) from exc
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror}", file=name) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ReportError(f"cannot read: {os.strerror(errno.EISDIR)}", file=name)
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "something other than a file")
            raise ReportError(f"this is {kind}, not a report file; only regular files are read", file=name,
                              hint="give the report file itself")
        size = os.fstat(fd).st_size
        if size > MAX_REPORT_BYTES:
            raise ReportError(f"the file has {size:,} bytes, more than a report may have ({MAX_REPORT_BYTES:,})",
                              file=name, hint="give the report itself, not an archive or a dump")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_REPORT_BYTES + 1)
        if len(data) > MAX_REPORT_BYTES:  # grew while being read
            raise ReportError(f"the file has more than {MAX_REPORT_BYTES:,} bytes, more than a report may have",
                              file=name, hint="give the report itself, not an archive or a dump")
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror}", file=name) from exc
    finally:
        os.close(fd)
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> SourceDocument:
    """Read a report from its bytes; ``name`` is what messages and provenance call it."""
    if not data.strip():
        raise ReportError("the file is empty", file=name, hint="expected a bi-annual sub-regional report")
    kind = sniff_format(data, name)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, name)
    if kind == "html":
        from .html import read_html

        return read_html(data, name)
    text, encoding, notes = decode_report(data, name)
    return read_markdown(text, name, encoding=encoding, notes=notes)
