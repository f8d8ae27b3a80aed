"""The generated documentation: docs/ is what ``python -m rscao_graph.cli.docs`` writes, and the
command-line reference names every command and every option."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from rscao_graph.cli import cli
from rscao_graph.cli.docs import DOCS, main
from rscao_graph.query.stored import load_queries

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", sorted(DOCS))
def test_committed_doc_is_up_to_date(name: str) -> None:
    committed = (DOCS_DIR / name).read_text(encoding="utf-8")
    assert committed == DOCS[name](), f"docs/{name} is stale: run python -m rscao_graph.cli.docs"


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    text = (DOCS_DIR / "cli.md").read_text(encoding="utf-8")
    missing = []
    commands: list[tuple[str, click.Command]] = [("rscao-graph", cli)]
    commands += [(f"rscao-graph {name}", command) for name, command in sorted(cli.commands.items())]
    for title, command in commands:
        if f"## {title}\n" not in text:
            missing.append(title)
        section = text.split(f"## {title}\n", 1)[-1].split("\n## ", 1)[0]
        for param in command.params:
            if isinstance(param, click.Option):
                missing += [f"{title} {o}" for o in param.opts + param.secondary_opts if o not in section]
    assert missing == []
    assert sorted(cli.commands) == ["build", "link", "parse", "publish", "queries", "query", "serve", "site", "validate"]


def test_every_stored_query_is_in_the_catalogue() -> None:
    text = (DOCS_DIR / "queries.md").read_text(encoding="utf-8")
    for query in load_queries().values():
        assert f"\n## {query.name}\n" in text
        for param in query.params:
            assert f"--param {param.name}=" in text.split(f"\n## {query.name}\n", 1)[1].split("\n## ", 1)[0]


def test_check_reports_a_stale_doc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(DOCS)
    assert main(["--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "model.md").write_text("old\n", encoding="utf-8")
    assert main(["--out", str(tmp_path), "--check"]) == 1
    assert capsys.readouterr().err == "stale: model.md; run python -m rscao_graph.cli.docs\n"
