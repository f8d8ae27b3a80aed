"""Format readers: a report file in, a :class:`~rscao_graph.model.SourceDocument` out.

One module per input format. Today: the Markdown/text export of the Word template (``.md``, ``.txt``).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError
from ..model import SourceDocument
from .decode import decode_report
from .markdown import read_markdown

__all__ = ["READERS", "display_name", "read_report"]

READERS = {".md": read_markdown, ".markdown": read_markdown, ".txt": read_markdown}


def display_name(path: Path, root: Path | None) -> str:
    """The name used for ``path`` in messages and provenance: relative to ``root`` when inside it."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name if path.is_absolute() else path.as_posix()


def read_report(path: Path, root: Path | None = None) -> SourceDocument:
    """Read one report file. ``root`` is the reports directory that provenance paths are relative to.

    Raises :class:`ReportError` (exit 2) for a missing, empty, binary or undecodable file or an
    unsupported format.
    """
    name = display_name(path, root)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReportError(f"unsupported report format {path.suffix or '(no extension)'!r}", file=name,
                          hint=f"give a Markdown/text export of the report ({', '.join(sorted(READERS))})")
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReportError("no such file", file=name) from exc
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror}", file=name) from exc
    text, encoding, notes = decode_report(data, name)
    return reader(text, name, encoding=encoding, notes=notes)
