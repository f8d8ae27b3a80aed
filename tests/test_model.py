"""Where a span stands: lines in a text file, places in a document."""

from __future__ import annotations

from rscao_graph.model import Locator, Position, SourceSpan


def test_position_and_locator_labels() -> None:
    row5, row7 = Position(table=1, row=5, cell=2), Position(table=1, row=7)
    assert [Locator(a, b).label() for a, b in ((row5, row5), (row5, row7), (row5, Position(table=1, row=5)),
                                               (Position(paragraph=3), Position(paragraph=3)),
                                               (Position(paragraph=3), row5), (Position(table=2, row=1), row7))] == [
        "table 1, row 5, cell 2", "table 1, rows 5-7", "table 1, row 5", "paragraph 3",
        "paragraph 3 to table 1, row 5, cell 2", "table 2, row 1 to table 1, row 7"]


def test_span_to_keeps_the_places_of_its_ends() -> None:
    first = SourceSpan("r.docx", 4, 4, 40, 50, Locator(Position(table=1, row=2, cell=2), Position(table=1, row=2,
                                                                                                   cell=2)))
    last = SourceSpan("r.docx", 9, 9, 90, 99, Locator(Position(table=1, row=3, cell=3), Position(table=1, row=3,
                                                                                                  cell=3)))
    joined = last.to(first)
    assert (joined.line, joined.end_line, joined.start, joined.end) == (4, 9, 40, 99)
    assert joined.locator == Locator(first.locator.start, last.locator.end)  # type: ignore[union-attr]
    assert (joined.where(), joined.locator.label()) == ("table 1, row 2", "table 1, rows 2-3")  # type: ignore[union-attr]


def test_text_spans_are_unchanged() -> None:
    a, b = SourceSpan("r.md", 3, 3, 10, 20), SourceSpan("r.md", 5, 5, 30, 40)
    assert a.to(b) == SourceSpan("r.md", 3, 5, 10, 40)
    assert (a.to(b).locator, a.where()) == (None, "3")
    assert SourceSpan("r.md", 3, 3, 10, 20, Locator(Position(paragraph=1), Position(paragraph=1))) == a
