"""Locate the packaged resources: ontology, shapes, queries, reference data, the sample report.

In an installed wheel they live in ``rscao_graph/_resources/``; in a source checkout (editable
install, tests) they are the top-level folders of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["SAMPLE_REPORT", "resource_path"]

#: Path of the bundled sample report, relative to the data folder.
SAMPLE_REPORT = "reports/north-east-asia-2019-09--2020-03.md"


@cache
def _root() -> Path:
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "ontology").is_dir() and (checkout / "data").is_dir():
        return checkout
    raise RuntimeError(f"rscao-graph resources not found in {packaged} nor {checkout}; reinstall the package")


def resource_path(folder: str, name: str = "") -> Path:
    """Path of a packaged resource, e.g. ``resource_path("data", "countries.csv")``.

    >>> resource_path("data", "gazetteer.csv").name
    'gazetteer.csv'
    """
    path = _root() / folder
    return path / name if name else path
