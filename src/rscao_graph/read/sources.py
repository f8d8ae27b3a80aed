"""Finding report files: the command-line paths (files or folders) or the configured reports folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError, shown_name
from . import REPORT_SUFFIXES

__all__ = ["ReportFile", "collect_reports"]


@dataclass(frozen=True, order=True)
class ReportFile:
    """A report to read and the folder its provenance paths are relative to."""

    path: Path
    root: Path


def _in_folder(folder: Path) -> list[ReportFile]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                   and not p.stem.upper().startswith(("README", "LICENSE", "CHANGELOG"))
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    return [ReportFile(p, folder) for p in files]


def collect_reports(paths: tuple[Path, ...] | list[Path], default_folder: Path) -> list[ReportFile]:
    """Report files named by ``paths`` (files, or folders searched recursively), else those in
    ``default_folder``. Raises :class:`UsageError` (exit 2) when there are none or a path is missing (named
    with :func:`~rscao_graph.errors.shown_name`)."""
    found: list[ReportFile] = []
    if not paths:
        if not default_folder.is_dir():
            raise UsageError(f"no reports folder {shown_name(str(default_folder))}",
                             hint="give report files or folders as arguments, or set 'reports' in rscao.toml")
        found = _in_folder(default_folder)
    for path in paths:
        if path.is_dir():
            inside = default_folder.resolve() == path.resolve() or default_folder.resolve() in path.resolve().parents
            found.extend(ReportFile(r.path, default_folder) if inside else r for r in _in_folder(path))
        elif path.exists():
            root = default_folder if default_folder.resolve() in path.resolve().parents else path.parent
            found.append(ReportFile(path, root))
        else:
            raise UsageError(f"no such file or folder: {shown_name(str(path))}")
    if not found:
        where = ", ".join(shown_name(str(p)) for p in paths) or shown_name(str(default_folder))
        raise UsageError(f"no reports found in {where}",
                         hint="reports are text exports (.md, .txt), Word documents (.docx) or HTML pages (.html); "
                              "give a file or folder as argument")
    unique: dict[Path, ReportFile] = {}
    for report in found:
        unique.setdefault(report.path.resolve(), report)
    return sorted(unique.values())
