"""The import graph of the package, drawn from the code (every import, also those inside functions).

Data flows one way: read -> extract -> rdf -> validate -> publish, with query, link and serve (which reads a
written build) beside and the pipeline and the command line on top. The rules:

- no import circles;
- ``model`` imports nothing of the project; the ground floor imports only the ground floor;
- each stage imports the ground floor, itself and the stages the table below allows, never a later one;
- the build (pipeline and every stage it runs) never imports ``link`` (the network stage);
- nothing but the package's ``__main__`` imports the command line or the package root.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import rscao_graph

PACKAGE = Path(rscao_graph.__file__).parent
GROUND = {"config", "decisions", "errors", "fetch", "files", "iris", "model", "processes", "reference", "resources",
          "vocab"}
#: Layer -> the layers it may import (besides the ground floor and itself).
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "ground": set(),
    "read": set(),
    "extract": {"read"},
    "rdf": set(),
    "validate": {"rdf"},
    "query": set(),
    "publish": {"rdf", "validate", "query"},
    "pipeline": {"read", "extract", "rdf", "validate", "publish", "query"},
    "link": set(),
    "serve": {"rdf", "validate", "publish", "query"},
    "cli": {"read", "extract", "rdf", "validate", "publish", "query", "pipeline", "link", "serve"},
    "root": {"read", "extract", "rdf", "validate", "publish", "query", "pipeline", "link", "serve", "cli"},
    "main": {"cli"},
}
BUILD = {"read", "extract", "rdf", "validate", "publish", "query", "pipeline"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["rscao_graph", *parts])


def layer(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts:
        return "root"
    if parts[0] == "__main__":
        return "main"
    if parts[0] == "model":
        return "model"
    return "ground" if parts[0] in GROUND else parts[0]


def imports(path: Path) -> set[str]:
    """The project modules a file imports (``from . import x`` of a submodule counts as importing it)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "rscao_graph")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "rscao_graph":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    found.discard(name)
    return found


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_graph_is_read_from_the_code() -> None:
    assert GRAPH["rscao_graph.pipeline"] >= {"rscao_graph.extract", "rscao_graph.validate",
                                             "rscao_graph.publish.writer", "rscao_graph.read.sources"}
    assert GRAPH["rscao_graph.cli.app"] >= {"rscao_graph.cli.build", "rscao_graph.cli.link"}
    assert "rscao_graph.reference" in GRAPH["rscao_graph.cli.parse"]  # an import inside a function counts
    assert layer("rscao_graph.read.sources") == "read" and layer("rscao_graph.iris") == "ground"


def test_no_import_circles() -> None:
    circles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == 1:
                circles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_model_imports_nothing_of_the_project() -> None:
    assert GRAPH["rscao_graph.model"] == set()


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_backward_arrows(module: str) -> None:
    own = layer(module)
    allowed = {own, "model"} | ({"ground"} if own != "model" else set()) | ALLOWED[own]
    wrong = sorted(t for t in GRAPH[module] if layer(t) not in allowed)
    assert wrong == []


def test_the_build_never_imports_the_network_stage_nor_the_command_line() -> None:
    reached: set[str] = set()
    todo = [m for m in GRAPH if layer(m) in BUILD]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(GRAPH[module])
    assert sorted(m for m in reached if layer(m) in {"link", "cli", "root"}) == []


def test_only_the_entry_point_imports_the_command_line() -> None:
    importers = sorted(m for m, targets in GRAPH.items() if layer(m) != "cli"
                       and any(layer(t) == "cli" for t in targets))
    assert importers == ["rscao_graph.__main__"]
