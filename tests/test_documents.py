"""The same report as a text export, a Word document and an HTML page gives the same graph.

``tests/data/documents/`` holds the sample and the six corpus reports as text exports (``.md``), as
python-docx wrote them (``.docx``), as a hand-made page (``.html``) and as LibreOffice saved them again
(``.lo.docx``, ``.lo.html``); ``tests/documents.py`` writes them. Set aside provenance (which points
into each file in its own way), every triple of the graph and every value of the model is the text
export's. The test fixtures of the rules (``tests/data/rules/*.md``) are converted on the fly.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from documents import FOLDER, convert, to_docx, to_html

from rscao_graph.cli.report_json import report_to_dict
from rscao_graph.extract import extract_report
from rscao_graph.iris import Minter
from rscao_graph.model import SourceDocument
from rscao_graph.rdf.mapping import map_report
from rscao_graph.read import read_bytes, read_report
from rscao_graph.reference import Reference

SLUGS = sorted(p.stem for p in FOLDER.glob("*.md"))
FORMATS = ["docx", "lo.docx", "html", "lo.html"]
RULES = sorted((Path(__file__).parent / "data" / "rules").glob("*.md"))
#: Rules whose fixture is about the text file itself (its bytes, a truncated table, a line that is no
#: row): a document has no such thing, or refuses it (a document without a table is no report).
TEXT_ONLY = {"encoding-not-utf8", "table-missing", "row-unreadable", "text-after-table", "line-separators",
             "text-replaced"}
_POSITION = {"file", "line", "end_line", "start", "end", "where", "source"}


def facts(doc: SourceDocument, reference: Reference) -> set[tuple[str, str, str]]:
    """The triples of a document's graph, provenance (source segments, selectors, the file) set aside."""
    report = extract_report(doc, reference)
    graph = map_report(report, Minter("https://w3id.org/rscao/"), reference)
    found = {(str(q.subject), str(q.predicate), str(q.object)) for q in graph.quads}
    found |= {(str(t.subject), str(t.predicate), str(t.object)) for t in graph.shared}
    return {t for t in found if "/source" not in t[0] and "/source" not in t[2]}


def model(doc: SourceDocument, reference: Reference) -> Any:
    """``parse --format json`` of a document without the positions (lines, offsets, places, file)."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in _POSITION}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    data = report_to_dict(extract_report(doc, reference))
    data["notes"] = sorted((n["code"], n["severity"], n["message"]) for n in data["notes"])
    return strip(data)


def text_export(slug: str) -> SourceDocument:
    return read_report(FOLDER / f"{slug}.md", FOLDER)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", SLUGS)
def test_graph_is_the_text_exports(slug: str, fmt: str, reference: Reference) -> None:
    doc = read_report(FOLDER / f"{slug}.{fmt}", FOLDER)
    assert doc.format == fmt.removeprefix("lo.")
    expected = facts(text_export(slug), reference)
    got = facts(doc, reference)
    assert sorted(expected - got) == []
    assert sorted(got - expected) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", SLUGS)
def test_model_is_the_text_exports(slug: str, fmt: str, reference: Reference) -> None:
    """Every value ``parse --format json`` prints (so the corpus scorer's figures too), and every note."""
    assert model(read_report(FOLDER / f"{slug}.{fmt}", FOLDER), reference) == model(text_export(slug), reference)


def test_the_fixtures_cover_the_reports() -> None:
    assert SLUGS == ["central-asia_2021-09_2022-03", "north-east-asia_2020-09_2021-03", "oceania_2020-09_2021-03",
                     "pacific_2022-03_2022-09", "sample", "south-asia_2021-03_2021-09",
                     "south-east-asia_2020-03_2020-09"]
    assert (FOLDER / "sample.md").read_bytes() == (Path(__file__).parents[1] / "data" / "reports" /
                                                  "north-east-asia-2019-09--2020-03.md").read_bytes()


@pytest.mark.parametrize("slug", SLUGS)
def test_committed_fixtures_are_what_the_script_writes(slug: str) -> None:
    """``python tests/documents.py`` was run after the last change of the script or of a text export."""
    text = (FOLDER / f"{slug}.md").read_text(encoding="utf-8-sig")
    assert (FOLDER / f"{slug}.docx").read_bytes() == to_docx(text)
    assert (FOLDER / f"{slug}.html").read_text(encoding="utf-8") == to_html(text, slug)


@pytest.mark.parametrize("fmt", ["docx", "html"])
@pytest.mark.parametrize("rule", [p for p in RULES if p.stem not in TEXT_ONLY], ids=lambda p: p.stem)
def test_rule_fixtures_extract_alike(rule: Path, fmt: str, reference: Reference) -> None:
    """The fixture of every rule, converted to a document, gives the same model and graph."""
    text = rule.read_text(encoding="utf-8")
    data = to_docx(text) if fmt == "docx" else to_html(text, rule.stem).encode("utf-8")
    doc = read_bytes(data, f"{rule.stem}.{fmt}")
    original = read_report(rule, rule.parent)
    assert model(doc, reference) == model(original, reference)
    assert facts(doc, reference) == facts(original, reference)


def test_text_only_rules_are_the_ones_named() -> None:
    assert sorted(TEXT_ONLY - {p.stem for p in RULES}) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-writer to run the conversion test")
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_libreoffice_converts_to_the_same_graph(kind: str, reference: Reference) -> None:
    """LibreOffice as installed here, not only the committed conversions."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in" / "sample.docx"
        source.parent.mkdir()
        shutil.copy(FOLDER / "sample.docx", source)
        out = Path(folder) / f"sample.{kind}"
        try:
            convert(source, kind, out)
        except subprocess.CalledProcessError as exc:  # pragma: no cover - a broken LibreOffice install
            pytest.fail(f"soffice failed: {exc.stderr!r}")
        assert facts(read_report(out), reference) == facts(text_export("sample"), reference)
