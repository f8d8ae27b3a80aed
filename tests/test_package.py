"""The public API, the packaged resources and the doctests of the package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

import rscao_graph
from rscao_graph.resources import SAMPLE_REPORT, resource_path

MODULES = sorted(m.name for m in pkgutil.walk_packages(rscao_graph.__path__, "rscao_graph."))


def test_all_is_complete_and_importable() -> None:
    exports = rscao_graph._EXPORTS  # type: ignore[attr-defined]
    assert sorted(rscao_graph.__all__) == sorted([*exports, "__version__"])
    for name, module in exports.items():
        value = getattr(rscao_graph, name)
        assert getattr(importlib.import_module(f"rscao_graph.{module}"), name) is value
        assert name in importlib.import_module(f"rscao_graph.{module}").__all__
    assert dir(rscao_graph) == rscao_graph.__all__
    with pytest.raises(AttributeError):
        rscao_graph.nothing_of_that_name  # noqa: B018


def test_importing_the_package_is_cheap() -> None:
    code = ("import sys, rscao_graph\n"
            "print(sorted(m for m in ('rdflib', 'pyshacl', 'requests', 'SPARQLWrapper', 'rscao_graph.pipeline')"
            " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_resources_ship() -> None:
    assert resource_path("data", SAMPLE_REPORT).read_text(encoding="utf-8").count("Name and Date:") == 12
    assert resource_path("data", "strategy-2019-2024.ttl").is_file()


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
