"""The public API, the packaged resources and the doctests of the package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import rscao_graph
from rscao_graph.resources import SAMPLE_REPORT, resource_path

MODULES = sorted(m.name for m in pkgutil.walk_packages(rscao_graph.__path__, "rscao_graph."))


def test_all_is_complete_and_importable() -> None:
    public = {name for name in dir(rscao_graph) if not name.startswith("_") and name != "annotations"
              and not isinstance(getattr(rscao_graph, name), type(rscao_graph))}
    assert set(rscao_graph.__all__) == public | {"__version__"}


def test_resources_ship() -> None:
    assert resource_path("data", SAMPLE_REPORT).read_text(encoding="utf-8").count("Name and Date:") == 12
    assert resource_path("data", "strategy-2019-2024.ttl").is_file()


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
