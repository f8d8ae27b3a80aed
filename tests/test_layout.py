"""Laying a document's lines and tables out as the text reader's blocks."""

from __future__ import annotations

from rscao_graph.model import Locator, Position
from rscao_graph.read.layout import BREAK, Line, Table, lay_out, link, render, split_lines


def line(text: str, **where: int) -> Line:
    return Line(text, text, Position(**where))


def test_render_and_split() -> None:
    assert render([(" a\u00a0 ", False), ("B", True), ("c", True), (" d ", False)]) == ("a Bc d", "a **Bc** d")
    assert render([("e\u0301", False)]) == ("é", "é")
    assert split_lines([("a", False), (BREAK, False), ("  ", False), (BREAK, False), ("b", False)], "•") == [
        ("• a", "• a"), ("b", "b")]
    assert split_lines([("a", False), (BREAK, False), ("b", False)], in_cell=True) == [("a", "a"), ("b", "b")]


def test_link_forms() -> None:
    assert link("NLK", "https://nl.go.kr/") == ("[NLK](https://nl.go.kr/)", False)
    assert link("a@b.org", "mailto:a@b.org") == ("a@b.org", False)
    assert link("https://a.org", "https://a.org/") == ("https://a.org", False)
    assert link("words", "") == ("words", False)


def test_text_table_and_spans() -> None:
    table = Table(Position(table=1))
    table.rows = [[[line("Country")], [line("Activities")], [line("Impact")]],
                  [[], [line("#1 Name and Date: A"), line("Details:")], []]]
    table.row_positions = [Position(table=1, row=1), Position(table=1, row=2)]
    table.cell_positions = [[Position(table=1, row=r, cell=c) for c in (1, 2, 3)] for r in (1, 2)]
    doc = lay_out([line("Title", paragraph=1), line("", paragraph=2), table, line("After", paragraph=3)], "r.docx",
                  "docx")
    assert doc.text == "Title\nCountry\nActivities\nImpact\n#1 Name and Date: A\nDetails:\nAfter"
    assert [(b.kind, b.text, b.span.line, b.span.end_line) for b in doc.blocks] == [
        ("text", "Title", 1, 1), ("table-header", "Country | Activities | Impact", 2, 4),
        ("table-row", "#1 Name and Date: A Details:", 5, 6), ("text", "After", 7, 7)]
    row = doc.blocks[2]
    assert (row.cells[0].span.start, row.cells[0].span.end, row.cells[0].span.line) == (32, 32, 5)
    assert row.span.locator == Locator(Position(table=1, row=2), Position(table=1, row=2))
    assert row.cells[1].span.to(doc.blocks[3].span).locator == Locator(Position(table=1, row=2, cell=2),
                                                                        Position(paragraph=3))
    assert (doc.format, doc.notes) == ("docx", ())


def test_refused_characters_replaced_with_a_note() -> None:
    table = Table(Position(table=1), [[[line("Country")], [line("Activities")]]], [Position(table=1, row=1)],
                  [[Position(table=1, row=1, cell=1), Position(table=1, row=1, cell=2)]])
    doc = lay_out([line("a\x85b", paragraph=1), table], "r.html", "html")
    assert doc.blocks[0].text == "a\ufffdb"
    assert [(n.code, n.span.where()) for n in doc.notes] == [("text-replaced", "paragraph 1")]
